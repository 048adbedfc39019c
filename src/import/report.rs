//! What an import did: counts, the rows it skipped and why, and warnings, each with where.

use std::fmt;

use super::ImportFormat;
use crate::model::count;

/// What a position in the input counts: lines of a text file, rows of a table, slides of
/// a TimelineJS file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionUnit {
    Line,
    Row,
    Slide,
}

impl PositionUnit {
    pub fn label(self) -> &'static str {
        match self {
            Self::Line => "line",
            Self::Row => "row",
            Self::Slide => "slide",
        }
    }
}

/// `sheet “Calls”, ` before a row of a spreadsheet.
fn write_sheet(f: &mut fmt::Formatter<'_>, sheet: Option<&str>) -> fmt::Result {
    match sheet {
        Some(name) => write!(f, "sheet “{name}”, "),
        None => Ok(()),
    }
}

/// A row (or slide, or element) that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    /// 1-based line, row or slide number, as `unit` says.
    pub line_or_row: usize,
    pub unit: PositionUnit,
    pub reason: String,
    /// The sheet of a spreadsheet the row is on, named before it: `sheet “Calls”, row 7`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_sheet(f, self.sheet.as_deref())?;
        write!(
            f,
            "{} {}: {}",
            self.unit.label(),
            self.line_or_row,
            self.reason
        )
    }
}

/// Something imported, but not quite as written (a reversed interval kept as its start, a
/// colour that could not be read), or a remark on how the input was read.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// Where, when the warning is about one row.
    pub at: Option<(PositionUnit, usize)>,
    pub message: String,
    /// The sheet of a spreadsheet the row is on, named before it: `sheet “Calls”, row 7`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_sheet(f, self.sheet.as_deref())?;
        match self.at {
            Some((unit, n)) => write!(f, "{} {n}: {}", unit.label(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// An event imported with a date that is hardly real: far in the future (a placeholder
/// such as `2699-01-01`) or before the dataset's coverage. It is kept as written.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SuspiciousDate {
    /// 1-based line, row or slide number, as `unit` says.
    pub line_or_row: usize,
    pub unit: PositionUnit,
    /// The date as imported (EDTF).
    pub date: String,
    pub reason: String,
    /// The sheet of a spreadsheet the row is on, named before it: `sheet “Calls”, row 7`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl fmt::Display for SuspiciousDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_sheet(f, self.sheet.as_deref())?;
        write!(
            f,
            "{} {}: {} is {}; kept as written",
            self.unit.label(),
            self.line_or_row,
            self.date,
            self.reason
        )
    }
}

/// The report shown at the end of an import.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub format_used: ImportFormat,
    /// Data rows (or slides, or events) read, imported or skipped.
    pub rows_read: usize,
    pub num_events: usize,
    pub num_actors: usize,
    pub num_locations: usize,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<Warning>,
    /// Imported events whose dates look implausible.
    pub suspicious_dates: Vec<SuspiciousDate>,
    /// Events dropped as duplicates when merging into an open project.
    pub duplicates_removed: usize,
    /// How the input was read, when there is something to say: its encoding ("Read as
    /// Windows-1252 (detected)"), the archive member read.
    pub input_notes: Vec<String>,
    /// What a Parquet import read and skipped (files, row groups, bytes).
    pub parquet: Option<super::parquet::ParquetReadReport>,
}

/// At most this many skipped rows and warnings are listed in the text report; the rest
/// are counted. A broken million-row file can skip them all.
const MAX_LISTED: usize = 50;

impl ImportReport {
    pub(crate) fn new(format_used: ImportFormat) -> Self {
        Self {
            format_used,
            rows_read: 0,
            num_events: 0,
            num_actors: 0,
            num_locations: 0,
            skipped: Vec::new(),
            warnings: Vec::new(),
            suspicious_dates: Vec::new(),
            duplicates_removed: 0,
            input_notes: Vec::new(),
            parquet: None,
        }
    }

    /// The report in words, for the command line and the import dialog.
    pub fn to_text(&self) -> String {
        let mut text = format!(
            "format: {} ({})\nread {}: imported {}, {}, {}; skipped {}",
            self.format_used.name(),
            self.format_used.description(),
            count(self.rows_read, "row", "rows"),
            count(self.num_events, "event", "events"),
            count(self.num_actors, "actor", "actors"),
            count(self.num_locations, "location", "locations"),
            count(self.skipped.len(), "row", "rows"),
        );
        if self.duplicates_removed > 0 {
            text.push_str(&format!(
                "; removed {}",
                count(
                    self.duplicates_removed,
                    "duplicate event",
                    "duplicate events"
                )
            ));
        }
        if !self.suspicious_dates.is_empty() {
            text.push_str(&format!(
                "; {} kept but flagged",
                count(
                    self.suspicious_dates.len(),
                    "suspicious date",
                    "suspicious dates"
                )
            ));
        }
        text.push('\n');
        for note in &self.input_notes {
            text.push_str(&format!("{note}\n"));
        }
        if let Some(parquet) = &self.parquet {
            text.push_str(&format!("{parquet}\n"));
        }
        list(&mut text, "skipped", &self.skipped);
        list(&mut text, "suspicious date", &self.suspicious_dates);
        list(&mut text, "warning", &self.warnings);
        text.trim_end().to_owned()
    }
}

fn list<T: fmt::Display>(text: &mut String, label: &str, items: &[T]) {
    for item in items.iter().take(MAX_LISTED) {
        text.push_str(&format!("  {label}: {item}\n"));
    }
    if items.len() > MAX_LISTED {
        text.push_str(&format!(
            "  … and {} more ({label})\n",
            items.len() - MAX_LISTED
        ));
    }
}
