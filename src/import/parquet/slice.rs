//! The slice asked for (`--from/--to`, `--actor`, `--country`, `--event-code`, `--limit`) and
//! how a row is tested against it, cell by cell, inside the Parquet reader's row filter.

use std::collections::HashSet;
use std::sync::Arc;

use arrow_array::{BooleanArray, RecordBatch};

use super::cells::{Cells, day_of_text};
use super::preset::FilterColumns;
use crate::import::country_codes::iso2_of_name;

/// What part of a dataset to import. The default is all of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slice {
    /// First and last day, as `YYYYMMDD`, both included.
    pub from: Option<u32>,
    pub to: Option<u32>,
    /// An actor's code (`USA`) or name (`United States`), matching either actor of a row.
    pub actor: Option<String>,
    /// A country code or name, matching an actor's country or the place's.
    pub country: Option<String>,
    /// A CAMEO event code prefix (`04` for every consultation), or the start of an event
    /// type's name for ACLED and POLECAT.
    pub event_code: Option<String>,
    /// At most this many rows.
    pub limit: Option<usize>,
}

impl Slice {
    /// A day as `YYYY-MM-DD` (or `YYYYMMDD`) for `--from`/`--to`.
    pub fn parse_day(text: &str) -> Result<u32, String> {
        day_of_text(text)
            .filter(|_| text.trim().len() <= 10)
            .ok_or_else(|| format!("\"{text}\" is not a day of the form YYYY-MM-DD"))
    }

    /// True when a row filter is needed (the limit alone needs none).
    pub fn filters_rows(&self) -> bool {
        self.from.is_some()
            || self.to.is_some()
            || self.actor.is_some()
            || self.country.is_some()
            || self.event_code.is_some()
    }

    /// The slice in words, for messages.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let day = super::cells::day_text;
        if let Some(from) = self.from {
            parts.push(format!("from {}", day(from)));
        }
        if let Some(to) = self.to {
            parts.push(format!("to {}", day(to)));
        }
        if let Some(a) = &self.actor {
            parts.push(format!("actor \"{a}\""));
        }
        if let Some(c) = &self.country {
            parts.push(format!("country \"{c}\""));
        }
        if let Some(e) = &self.event_code {
            parts.push(format!("event code {e}…"));
        }
        if parts.is_empty() {
            "the whole dataset".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// A slice as typed: the import dialog's fields, the command line's flags. Blank fields ask
/// for nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SliceFields {
    pub from: String,
    pub to: String,
    pub actor: String,
    pub country: String,
    pub event_code: String,
    pub limit: String,
}

/// What the fields are called where they were typed, for messages: `--from` on the command
/// line, "From" in the dialog.
pub struct FieldNames {
    pub from: &'static str,
    pub to: &'static str,
    pub limit: &'static str,
}

impl SliceFields {
    /// The slice the fields ask for, or what is wrong with them.
    pub fn slice(&self, names: &FieldNames) -> Result<Slice, String> {
        let day = |name: &str, text: &str| {
            let text = text.trim();
            (!text.is_empty())
                .then(|| Slice::parse_day(text).map_err(|e| format!("{name}: {e}")))
                .transpose()
        };
        let text = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
        let limit = match self.limit.trim() {
            "" => None,
            t => Some(
                t.parse::<usize>()
                    .map_err(|_| format!("{}: \"{t}\" is not a number of rows", names.limit))?,
            ),
        };
        let slice = Slice {
            from: day(names.from, &self.from)?,
            to: day(names.to, &self.to)?,
            actor: text(&self.actor),
            country: text(&self.country),
            event_code: text(&self.event_code),
            limit,
        };
        if let (Some(from), Some(to)) = (slice.from, slice.to)
            && from > to
        {
            return Err(format!(
                "{} is after {}: the slice holds no day",
                names.from, names.to
            ));
        }
        Ok(slice)
    }
}

/// A slice's test of rows, with the file's own names of the columns it reads.
#[derive(Clone, Debug)]
pub(crate) struct RowTest {
    pub slice: Slice,
    pub columns: FilterColumns,
    actor_upper: String,
    country_upper: String,
    /// Rows whose id column (GDELT mentions' GLOBALEVENTID) holds one of these ids.
    pub event_ids: Option<(String, Arc<HashSet<u64>>)>,
}

impl RowTest {
    /// The test of `slice` on a file whose filter columns are `columns` (already resolved
    /// to the file's spelling); an error names a filter the dataset has no column for.
    pub fn new(slice: &Slice, columns: FilterColumns) -> Result<Self, String> {
        let lacks = |what: &str, flag: &str| {
            format!("the file has no {what} column, so {flag} cannot be applied to it")
        };
        if (slice.from.is_some() || slice.to.is_some()) && columns.date.is_none() {
            return Err(lacks("date", "--from/--to"));
        }
        if slice.actor.is_some() && columns.actor_codes.is_empty() && columns.actor_names.is_empty()
        {
            return Err(lacks("actor", "--actor"));
        }
        if slice.country.is_some() && columns.countries.is_empty() {
            return Err(lacks("country", "--country"));
        }
        if slice.event_code.is_some() && columns.event_codes.is_empty() {
            return Err(lacks("event code", "--event-code"));
        }
        Ok(Self {
            actor_upper: slice.actor.as_deref().unwrap_or("").trim().to_uppercase(),
            country_upper: slice.country.as_deref().unwrap_or("").trim().to_uppercase(),
            slice: slice.clone(),
            columns,
            event_ids: None,
        })
    }

    /// The same test without `--from/--to`, for rows already known to be in those days.
    pub fn without_days(&self) -> Self {
        let mut test = self.clone();
        test.slice.from = None;
        test.slice.to = None;
        test
    }

    /// Does the test reject any row? Not when it is only of days that the statistics settled.
    pub fn filters_rows_itself(&self) -> bool {
        self.slice.filters_rows() || self.event_ids.is_some()
    }

    /// The names of the columns the test reads.
    pub fn column_names(&self) -> Vec<String> {
        let c = &self.columns;
        let mut names = Vec::new();
        names.extend(self.event_ids.as_ref().map(|(name, _)| name.clone()));
        if self.slice.from.is_some() || self.slice.to.is_some() {
            names.extend(c.date.clone());
        }
        if self.slice.actor.is_some() {
            names.extend(c.actor_codes.iter().cloned());
            names.extend(c.actor_names.iter().cloned());
        }
        if self.slice.country.is_some() {
            names.extend(c.countries.iter().cloned());
        }
        if self.slice.event_code.is_some() {
            names.extend(c.event_codes.iter().cloned());
        }
        names
    }

    /// Which rows of `batch` (holding at least [`Self::column_names`]) are in the slice.
    pub fn evaluate(&self, batch: &RecordBatch) -> Result<BooleanArray, String> {
        let col = |name: &String| -> Result<Option<Cells<'_>>, String> {
            batch
                .column_by_name(name)
                .map(|a| Cells::of(a).map_err(|t| format!("column \"{name}\" is of type {t}")))
                .transpose()
        };
        let list = |names: &[String]| -> Result<Vec<Cells<'_>>, String> {
            names.iter().filter_map(|n| col(n).transpose()).collect()
        };
        let s = &self.slice;
        let date = if s.from.is_some() || s.to.is_some() {
            self.columns.date.as_ref().map(col).transpose()?.flatten()
        } else {
            None
        };
        let (codes, names) = if s.actor.is_some() {
            (
                list(&self.columns.actor_codes)?,
                list(&self.columns.actor_names)?,
            )
        } else {
            (Vec::new(), Vec::new())
        };
        let countries = if s.country.is_some() {
            list(&self.columns.countries)?
        } else {
            Vec::new()
        };
        let events = if s.event_code.is_some() {
            list(&self.columns.event_codes)?
        } else {
            Vec::new()
        };
        let prefix = s.event_code.as_deref().unwrap_or("").trim().as_bytes();
        let actor = self.actor_upper.as_bytes();
        let country = self.country_upper.as_str();
        let (from, to) = (s.from.unwrap_or(0), s.to.unwrap_or(u32::MAX));
        let mut text = Vec::new();
        let mut cell = |c: &Cells<'_>, row: usize| -> Vec<u8> {
            text.clear();
            c.write(row, &mut text);
            text.clone()
        };
        let ids = match &self.event_ids {
            Some((name, set)) => col(name)?.map(|c| (c, set)),
            None => None,
        };
        let mut keep = Vec::with_capacity(batch.num_rows());
        for row in 0..batch.num_rows() {
            if let Some((c, set)) = &ids {
                let id = cell(c, row);
                let wanted = std::str::from_utf8(&id)
                    .ok()
                    .and_then(|t| t.trim().parse::<u64>().ok())
                    .is_some_and(|n| set.contains(&n));
                if !wanted {
                    keep.push(false);
                    continue;
                }
            }
            let mut ok = date
                .as_ref()
                .is_none_or(|d| d.day(row).is_some_and(|day| (from..=to).contains(&day)));
            if ok && s.actor.is_some() {
                ok = codes
                    .iter()
                    .any(|c| c.bytes(row).is_some_and(|v| v == actor))
                    || names.iter().any(|c| {
                        c.bytes(row).is_some_and(|v| {
                            if self.columns.names_upper {
                                v == actor
                            } else {
                                v.eq_ignore_ascii_case(actor)
                            }
                        })
                    });
            }
            if ok && s.country.is_some() {
                ok = countries.iter().any(|c| {
                    let v = cell(c, row);
                    let v = String::from_utf8_lossy(&v);
                    v.trim().eq_ignore_ascii_case(country)
                        || (country.len() == 2 && iso2_of_name(v.trim()) == Some(country))
                });
            }
            if ok && s.event_code.is_some() {
                ok = events.iter().any(|c| {
                    let v = cell(c, row);
                    v.len() >= prefix.len() && v[..prefix.len()].eq_ignore_ascii_case(prefix)
                });
            }
            keep.push(ok);
        }
        Ok(BooleanArray::from(keep))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIALOG: FieldNames = FieldNames {
        from: "From",
        to: "To",
        limit: "Limit",
    };

    fn fields(from: &str, to: &str, limit: &str) -> SliceFields {
        SliceFields {
            from: from.to_owned(),
            to: to.to_owned(),
            limit: limit.to_owned(),
            ..SliceFields::default()
        }
    }

    #[test]
    fn blank_fields_ask_for_the_whole_dataset() {
        let slice = SliceFields::default().slice(&DIALOG).unwrap();
        assert_eq!(slice, Slice::default());
        let spaced = SliceFields {
            actor: "  ".to_owned(),
            ..fields(" ", "", " ")
        };
        assert_eq!(spaced.slice(&DIALOG).unwrap(), Slice::default());
    }

    #[test]
    fn typed_fields_make_the_slice() {
        let f = SliceFields {
            actor: " USA ".to_owned(),
            event_code: "04".to_owned(),
            ..fields("2025-11-01", "20251130", "500")
        };
        let slice = f.slice(&DIALOG).unwrap();
        assert_eq!(slice.from, Some(20_251_101));
        assert_eq!(slice.to, Some(20_251_130));
        assert_eq!(slice.actor.as_deref(), Some("USA"));
        assert_eq!(slice.event_code.as_deref(), Some("04"));
        assert_eq!(slice.limit, Some(500));
    }

    #[test]
    fn wrong_fields_are_named_as_they_were_typed() {
        let err = |f: SliceFields| f.slice(&DIALOG).unwrap_err();
        assert_eq!(
            err(fields("19/12/2025", "", "")),
            "From: \"19/12/2025\" is not a day of the form YYYY-MM-DD"
        );
        assert_eq!(
            err(fields("", "", "ten")),
            "Limit: \"ten\" is not a number of rows"
        );
        assert_eq!(
            err(fields("2025-12-20", "2025-12-19", "")),
            "From is after To: the slice holds no day"
        );
        let cli = FieldNames {
            from: "--from",
            to: "--to",
            limit: "--limit",
        };
        assert_eq!(
            fields("2025-12-20", "2025-12-19", "")
                .slice(&cli)
                .unwrap_err(),
            "--from is after --to: the slice holds no day"
        );
    }
}
