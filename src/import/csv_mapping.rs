//! The CSV column mapping: which column holds what and how dates are written, saved as a
//! small JSON file for reuse. Column names or 1-based numbers; date formats are chosen,
//! never guessed.

use edtf::level_1::{Date, Edtf};

use super::ImportError;
use crate::model::DateSpec;

/// How to read a CSV file: which column holds what, and how dates are written.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CsvMapping {
    /// The field separator; `None` takes it from the first line (tab, then `;`, then `,`).
    pub delimiter: Option<char>,
    pub has_header: bool,
    pub date_format: DateFormat,
    pub columns: CsvColumns,
    /// Separates several actors, places or tags in one field.
    pub list_separator: String,
    /// RFC 4180 double quotes; off for data (like GDELT) whose fields contain bare quotes.
    pub quoting: bool,
}

impl Default for CsvMapping {
    fn default() -> Self {
        Self {
            delimiter: None,
            has_header: true,
            date_format: DateFormat::Edtf,
            columns: CsvColumns::default(),
            list_separator: ";".to_owned(),
            quoting: true,
        }
    }
}

/// Columns by header name (`"Date"`) or by number (`3`, counting from 1).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CsvColumns {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<ColumnRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<ColumnRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<ColumnRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<ColumnRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<ColumnRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actors: Option<ColumnRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<ColumnRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<ColumnRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<ColumnRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<ColumnRef>,
    /// An event kind (`meeting`, `talks`, …) or a CAMEO code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ColumnRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ColumnRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<ColumnRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum ColumnRef {
    /// 1-based column number.
    Number(usize),
    /// Header name, matched ignoring case and surrounding spaces.
    Name(String),
}

/// How dates are written. Chosen explicitly: `03/04/2025` means different days in
/// different countries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DateFormat {
    #[serde(rename = "YYYY-MM-DD")]
    Iso,
    #[serde(rename = "YYYYMMDD")]
    Compact,
    #[serde(rename = "DD.MM.YYYY")]
    DayMonthYear,
    #[serde(rename = "MM/DD/YYYY")]
    MonthDayYear,
    /// EDTF level 1, which includes `YYYY-MM-DD`, `YYYY-MM` and `YYYY`.
    #[default]
    #[serde(rename = "EDTF")]
    Edtf,
}

impl DateFormat {
    pub const ALL: [Self; 5] = [
        Self::Iso,
        Self::Compact,
        Self::DayMonthYear,
        Self::MonthDayYear,
        Self::Edtf,
    ];

    pub fn pattern(self) -> &'static str {
        match self {
            Self::Iso => "YYYY-MM-DD",
            Self::Compact => "YYYYMMDD",
            Self::DayMonthYear => "DD.MM.YYYY",
            Self::MonthDayYear => "MM/DD/YYYY",
            Self::Edtf => "EDTF",
        }
    }

    pub fn from_pattern(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.pattern().eq_ignore_ascii_case(text.trim()))
    }

    /// Reads one date in this format.
    pub fn parse(self, text: &str) -> Result<Edtf, String> {
        let text = text.trim();
        let wrong = || {
            format!(
                "date \"{text}\" is not in the mapping's format {}; choose the format the file uses (YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY, MM/DD/YYYY or EDTF)",
                self.pattern()
            )
        };
        let num = |s: &str, min: usize, max: usize| -> Option<u32> {
            (s.len() >= min && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (y, m, d) = match self {
            Self::Edtf => {
                return DateSpec::parse(text)
                    .map(|d| d.edtf)
                    .map_err(|e| e.to_string());
            }
            Self::Iso => {
                let mut parts = text.split('-');
                match (parts.next(), parts.next(), parts.next(), parts.next()) {
                    (Some(y), Some(m), Some(d), None) => (num(y, 4, 4), num(m, 2, 2), num(d, 2, 2)),
                    _ => return Err(wrong()),
                }
            }
            Self::Compact if text.len() == 8 => (
                // `get`: a non-ASCII character can straddle byte 4 (`202é567` is 8 bytes).
                text.get(..4).and_then(|y| num(y, 4, 4)),
                text.get(4..6).and_then(|m| num(m, 2, 2)),
                text.get(6..).and_then(|d| num(d, 2, 2)),
            ),
            Self::Compact => return Err(wrong()),
            Self::DayMonthYear | Self::MonthDayYear => {
                let sep = if self == Self::DayMonthYear { '.' } else { '/' };
                let mut parts = text.split(sep);
                let (Some(first), Some(second), Some(year), None) =
                    (parts.next(), parts.next(), parts.next(), parts.next())
                else {
                    return Err(wrong());
                };
                let (day, month) = if self == Self::DayMonthYear {
                    (first, second)
                } else {
                    (second, first)
                };
                (num(year, 4, 4), num(month, 1, 2), num(day, 1, 2))
            }
        };
        let (Some(y), Some(m), Some(d)) = (y, m, d) else {
            return Err(wrong());
        };
        Date::from_ymd_opt(y as i32, m, d)
            .filter(|_| m > 0 && d > 0)
            .map(Edtf::Date)
            .ok_or_else(|| format!("date \"{text}\" does not exist in the calendar"))
    }
}

impl CsvMapping {
    /// The mapping as the JSON that is saved for reuse.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Self, ImportError> {
        serde_json::from_str(text).map_err(|err| ImportError::Syntax {
            line: err.line(),
            col: err.column(),
            message: format!("invalid column mapping: {err}"),
        })
    }

    /// Columns found by their header names, for a file imported without a mapping.
    pub fn from_header(header: &[&str]) -> Self {
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
                .map(|i| ColumnRef::Name(header[i].trim().to_owned()))
        };
        Self {
            columns: CsvColumns {
                id: find(&["id", "event id", "unique_id"]),
                date: find(&[
                    "date",
                    "start",
                    "start date",
                    "start_date",
                    "event date",
                    "when",
                ]),
                end_date: find(&["end", "end date", "end_date"]),
                title: find(&["title", "headline", "event", "name", "summary"]),
                description: find(&["description", "text", "details", "notes"]),
                actors: find(&["actors", "participants", "who"]),
                location: find(&["location", "locations", "place", "places", "where"]),
                latitude: find(&["lat", "latitude"]),
                longitude: find(&["lon", "lng", "long", "longitude"]),
                source_url: find(&["source url", "source_url", "url", "link"]),
                kind: find(&["kind", "type", "cameo code"]),
                status: find(&["status"]),
                tags: find(&["tags", "group", "category"]),
            },
            ..Self::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compact_date_with_a_character_across_byte_four_is_an_error_not_a_panic() {
        // Eight bytes, with `é` on bytes 3 and 4: slicing `[..4]` panicked (issue 11).
        let err = DateFormat::Compact.parse("202é567").unwrap_err();
        assert!(err.contains("YYYYMMDD"), "{err}");
        assert!(DateFormat::Compact.parse("20250508").is_ok());
    }
}
