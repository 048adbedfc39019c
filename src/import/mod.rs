//! Import from other tools' formats: TimelineJS3 JSON, the Timeline app's `.timeline` XML,
//! CSV/TSV with a column mapping, GDELT 1.0/2.0 event exports and ICEWS-style rows.
//!
//! Pure: bytes in, a [`Project`] and an [`ImportReport`] out. Nothing here touches a file
//! or the open project; [`merge`] combines an import with an open project into a new one,
//! so a failed import leaves the open project as it was.
//!
//! Every imported event cites the imported file through a claim on a `Dataset` source
//! (reliability F unless known), and keeps its original wording where the format has one.

mod builder;
mod cameo;
mod cameo_actors;
mod country_codes;
mod csv_import;
mod csv_mapping;
mod date_check;
mod detect;
mod event_additions;
mod gdelt;
mod html_text;
mod icews;
mod kind_words;
mod line_numbers;
mod merge;
mod no_events;
pub mod parquet;
mod report;
mod seen_numbers;
mod sheet;
mod sheet_cells;
mod timeline_app;
mod timelinejs;
mod timelinejs_stream;
mod title_case;
// Issue 15: text in any encoding, and compressed inputs.
pub mod compressed;
pub mod encoding;

use std::fmt;
use std::io::Read;

pub use crate::formats::timelinejs::DETENTE_KEY as TIMELINEJS_EXTRA_KEY;
pub use cameo::{cameo_code_of_text, cameo_kind_status, cameo_name, cameo_roles};
pub use csv_mapping::{ColumnRef, CsvColumns, CsvMapping, DateFormat};
pub use detect::{
    detect_format, detect_format_of_head, detect_format_of_head_in, detect_format_with_reason,
};
pub use encoding::{Decoded, EncodingChoice, EncodingSource};
pub use event_additions::{EventAdditions, split_replaced_events};
pub use html_text::html_to_text;
pub use merge::{
    DuplicateEvent, MergeReport, RenamedId, append_additions, merge, merge_additions,
    merge_imported,
};
pub use no_events::no_events_error;
pub use report::{ImportReport, PositionUnit, Skipped, SuspiciousDate, Warning};
pub use sheet::{SheetSummary, row_cells, sheet_names, sheet_summaries};

use crate::model::Project;

/// How much of an input [`import_stream`] wants before the rest: what format detection and
/// the empty and binary checks look at.
pub use detect::HEAD_BYTES;

/// Files larger than this are refused: 1 GiB, about two million GDELT rows (the GDELT 1.0
/// sample in the test corpus is 356 bytes a row; a day of GDELT 1.0 is under 100 MB, a year
/// of ICEWS about 250 MB). Split larger exports. Reading counts the bytes that arrive
/// (`crate::io::read_import_bytes`), so an endless input stops here too.
pub use crate::io::MAX_IMPORT_BYTES;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    /// TimelineJS3 JSON.
    TimelineJs,
    /// The Timeline desktop app's `.timeline` XML.
    TimelineApp,
    /// CSV or TSV with a column mapping.
    Csv,
    /// GDELT 1.0 event export (57 or 58 tab-separated columns, no header).
    Gdelt1,
    /// GDELT 2.0 event export (61 tab-separated columns, no header).
    Gdelt2,
    /// ICEWS-style coded events (source actor, event text, target actor, date).
    Icews,
    /// A sheet of a workbook (xlsx, xlsb, xls, ods) with the CSV column mapping.
    Spreadsheet,
    /// Apache Parquet: a file or a partitioned dataset (GDELT, ACLED, POLECAT presets).
    Parquet,
}

impl ImportFormat {
    pub const ALL: [Self; 8] = [
        Self::TimelineJs,
        Self::TimelineApp,
        Self::Csv,
        Self::Gdelt1,
        Self::Gdelt2,
        Self::Icews,
        Self::Spreadsheet,
        Self::Parquet,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::TimelineJs => "timelinejs",
            Self::TimelineApp => "timeline",
            Self::Csv => "csv",
            Self::Gdelt1 => "gdelt1",
            Self::Gdelt2 => "gdelt2",
            Self::Icews => "icews",
            Self::Spreadsheet => "spreadsheet",
            Self::Parquet => "parquet",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::TimelineJs => "TimelineJS3 JSON",
            Self::TimelineApp => "Timeline app XML (.timeline)",
            Self::Csv => "CSV/TSV with a column mapping",
            Self::Gdelt1 => "GDELT 1.0 event export",
            Self::Gdelt2 => "GDELT 2.0 event export",
            Self::Icews => "ICEWS-style coded events",
            Self::Spreadsheet => "Spreadsheet (xlsx, xls, ods)",
            Self::Parquet => "Apache Parquet (GDELT, ACLED, POLECAT or mapped columns)",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }

    /// How positions in this format are counted in reports.
    pub fn unit(self) -> PositionUnit {
        match self {
            Self::TimelineJs => PositionUnit::Slide,
            Self::TimelineApp | Self::Csv | Self::Gdelt1 | Self::Gdelt2 | Self::Icews => {
                PositionUnit::Line
            }
            Self::Spreadsheet | Self::Parquet => PositionUnit::Row,
        }
    }
}

impl fmt::Display for ImportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How to read the input.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The file's name as the analyst knows it: names the dataset source and the project.
    pub file_name: String,
    /// The column mapping for CSV (required to read anything but known header names) and,
    /// optionally, to override the ICEWS preset.
    pub mapping: Option<CsvMapping>,
    /// Stop after this many data rows (slides, events); the preview uses it.
    pub max_rows: Option<usize>,
    /// Run in the background: the rows read go into its progress, and once it is cancelled
    /// the import stops at the next row (its result is then partial and to be dropped).
    pub work: crate::io::Work,
    /// The character encoding: detected, or as the analyst chose (`--encoding`).
    pub encoding: EncodingChoice,
    /// The sheet of a spreadsheet to read; `None` takes the first that has data.
    pub sheet: Option<String>,
    /// A spreadsheet's header row, 1-based as the spreadsheet numbers it; `None` takes the
    /// first row of mostly text with data under it (a title and blank rows above are skipped).
    pub header_row: Option<usize>,
}

impl ImportOptions {
    pub fn named(file_name: &str) -> Self {
        Self {
            file_name: file_name.to_owned(),
            ..Self::default()
        }
    }
}

/// An imported project and how the import went.
#[derive(Clone, Debug)]
pub struct Imported {
    pub project: Project,
    pub report: ImportReport,
    /// The line (or row, or slide) of each event in the input, parallel to
    /// `project.events`, so that later steps (merging, the preview) can say where.
    pub event_rows: Vec<usize>,
    /// Set by an import that adds to the events of the project it was made against (GDELT
    /// mentions imported into the open project, `parquet::import_path_into`): what it adds
    /// to each. Such an import holds no events of its own: it is merged into that project
    /// ([`merge_additions`]), never opened as a project. `None` for every other import.
    pub additions_to_events: Option<Vec<EventAdditions>>,
}

/// Why nothing could be imported. The open project is untouched whenever this is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty: there is nothing to import")]
    Empty,
    #[error(
        "the file is {size} bytes, more than the {limit} bytes Detente imports at once; split it into smaller files"
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("{what}: {hint}")]
    Unsupported { what: String, hint: String },
    #[error(
        "line {line}, column {col}: the file is not UTF-8 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8) and import again"
    )]
    NotUtf8 { line: usize, col: usize },
    #[error("line {line}, column {col}: {message}")]
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{0}")]
    Format(String),
    /// Reading the input failed part way (a streamed import): what the reader said.
    #[error("could not read the file: {0}")]
    Read(String),
    /// The input is not empty, but not one event could be read from it: the message says
    /// what the format expects and what the first line looks like.
    #[error("{0}")]
    NoEvents(String),
}

impl ImportError {
    pub(crate) fn unsupported(what: impl Into<String>, hint: impl Into<String>) -> Self {
        Self::Unsupported {
            what: what.into(),
            hint: hint.into(),
        }
    }
}

/// Imports `bytes` as `format`. Skipped rows and oddities go into the report; an input that
/// cannot be read at all, or from which not one event could be read, is an error.
pub fn import(
    bytes: &[u8],
    format: ImportFormat,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    if let Some(imported) = import_binary(bytes, format, options) {
        let imported = imported?;
        if imported.project.events.is_empty() {
            return Err(no_events_error(&[], format, &imported.report.skipped));
        }
        return Ok(imported);
    }
    let decoded = decode_input(bytes, options)?;
    let imported = import_decoded(&decoded, format, options)?;
    if imported.project.events.is_empty() {
        let text = decoded.text.as_bytes();
        return Err(no_events_error(text, format, &imported.report.skipped));
    }
    Ok(imported)
}

/// Imports an input read as a stream: `head` is its first bytes (all of them when the input
/// is shorter than [`HEAD_BYTES`]), `reader` the rest. TimelineJS JSON is parsed as it
/// arrives, one slide at a time, so that a 1M-event file never sits in memory; the other
/// formats are read whole first (their parsers point into the text for line numbers). At
/// most [`MAX_IMPORT_BYTES`] are read either way.
pub fn import_stream(
    head: &[u8],
    reader: &mut dyn Read,
    format: ImportFormat,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    // Binary and blank inputs are refused from their first bytes, before the rest is read
    // (a spreadsheet is binary, and read whole).
    if format != ImportFormat::Spreadsheet {
        detect::check_start(head, head.len() < HEAD_BYTES)?;
    }
    if format != ImportFormat::TimelineJs {
        let mut bytes = Vec::new();
        crate::io::ImportReader::new(head.chain(reader))
            .read_to_end(&mut bytes)
            .map_err(|e| ImportError::Read(e.to_string()))?;
        return import(&bytes, format, options);
    }
    // The JSON reader takes no byte order mark: it is skipped, as `text_of` does. Text in
    // another encoding is decoded to UTF-8 as it is read; the limit counts the bytes read.
    let (encoding, source, bom) = encoding::of_head(head, options.encoding);
    let input = crate::io::ImportReader::new(head[bom..].chain(reader));
    let mut imported = if encoding == encoding_rs::UTF_8 {
        timelinejs::import_reader(input, options)?
    } else {
        timelinejs::import_reader(encoding::DecodingReader::new(input, encoding), options)?
    };
    if imported.project.events.is_empty() {
        let text = encoding::head_text(head, options.encoding);
        return Err(no_events_error(
            text.as_bytes(),
            format,
            &imported.report.skipped,
        ));
    }
    if source != EncodingSource::Utf8 {
        let note = encoding::describe(encoding, source);
        imported.report.input_notes.insert(0, note);
    }
    Ok(imported)
}

/// [`import`], but an import of no event is not an error: the preview lists skipped rows.
fn import_rows(
    bytes: &[u8],
    format: ImportFormat,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    if let Some(imported) = import_binary(bytes, format, options) {
        return imported;
    }
    import_decoded(&decode_input(bytes, options)?, format, options)
}

/// Spreadsheets and Parquet are binary by nature and no text: their readers check their
/// size and kind, and no encoding applies. `None` for the text formats.
fn import_binary(
    bytes: &[u8],
    format: ImportFormat,
    options: &ImportOptions,
) -> Option<Result<Imported, ImportError>> {
    match format {
        ImportFormat::Spreadsheet => Some(sheet::import(bytes, options)),
        ImportFormat::Parquet if !bytes.starts_with(b"PAR1") => {
            // What it is instead, when it can be told (empty, a spreadsheet, text).
            Some(
                detect::check_size_and_kind(bytes)
                    .and_then(|()| text_of(bytes).map(|_| ()))
                    .and_then(|()| {
                        Err(ImportError::unsupported(
                            "this is not a Parquet file (it does not start with PAR1)",
                            "choose the format the file is in",
                        ))
                    }),
            )
        }
        ImportFormat::Parquet => Some(parquet::import_bytes(
            bytes,
            options,
            &parquet::Slice::default(),
        )),
        _ => None,
    }
}

/// The input as UTF-8 text: what no importer reads refused from the raw bytes (archives,
/// images), then decoded, then refused if the text is blank or binary.
fn decode_input<'a>(bytes: &'a [u8], options: &ImportOptions) -> Result<Decoded<'a>, ImportError> {
    detect::check_size_and_kind(bytes)?;
    let decoded = encoding::decode(bytes, options.encoding)?;
    detect::check_text(decoded.text.as_bytes())?;
    Ok(decoded)
}

/// Imports decoded text; the report says how it was decoded unless it was plain UTF-8.
fn import_decoded(
    decoded: &Decoded<'_>,
    format: ImportFormat,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let bytes = decoded.text.as_bytes();
    let mut imported = match format {
        ImportFormat::TimelineJs => timelinejs::import(text_of(bytes)?, options),
        ImportFormat::TimelineApp => timeline_app::import(text_of(bytes)?, options),
        ImportFormat::Csv => csv_import::import(bytes, options),
        ImportFormat::Gdelt1 | ImportFormat::Gdelt2 => Ok(gdelt::import(bytes, format, options)),
        ImportFormat::Icews => icews::import(bytes, options),
        ImportFormat::Spreadsheet => sheet::import(bytes, options),
        ImportFormat::Parquet => parquet::import_bytes(bytes, options, &parquet::Slice::default()),
    }?;
    if decoded.source != EncodingSource::Utf8 {
        imported.report.input_notes.insert(0, decoded.description());
    }
    Ok(imported)
}

/// One row of the import preview: an event as it will be read, or a row that will be
/// skipped and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewRow {
    pub line_or_row: usize,
    pub unit: PositionUnit,
    /// EDTF, with the source's wording when it has one.
    pub date: String,
    pub title: String,
    pub kind: String,
    pub participants: String,
    pub places: String,
    /// Why the row will be skipped; `None` when it will be imported.
    pub skipped: Option<String>,
    /// Why the row's date looks implausible (it is imported all the same).
    pub suspicious_date: Option<String>,
}

/// The first `max_rows` rows as they will be read, in input order, skipped rows included.
pub fn preview(
    bytes: &[u8],
    format: ImportFormat,
    options: &ImportOptions,
    max_rows: usize,
) -> Result<Vec<PreviewRow>, ImportError> {
    let options = ImportOptions {
        max_rows: Some(max_rows),
        ..options.clone()
    };
    let imported = import_rows(bytes, format, &options)?;
    Ok(preview_rows(&imported, format, max_rows))
}

/// The first `max_rows` rows of an import made for a preview, skipped rows included.
pub fn preview_rows(imported: &Imported, format: ImportFormat, max_rows: usize) -> Vec<PreviewRow> {
    let project = &imported.project;
    let lookup = project.lookup();
    let unit = format.unit();
    let doubts: std::collections::HashMap<usize, &str> = imported
        .report
        .suspicious_dates
        .iter()
        .map(|s| (s.line_or_row, s.reason.as_str()))
        .collect();
    let mut rows: Vec<PreviewRow> = project
        .events
        .iter()
        .zip(&imported.event_rows)
        .map(|(e, &row)| PreviewRow {
            line_or_row: row,
            unit,
            date: e.date.display_text(),
            title: e.title.to_string(),
            kind: format!("{} ({})", e.kind.label(), e.status.label()),
            participants: join_names(e.participant_ids().map(|id| lookup.name_of(project, id))),
            places: join_names(e.location_ids().map(|id| lookup.name_of(project, id))),
            skipped: None,
            suspicious_date: doubts.get(&row).map(|&r| r.to_owned()),
        })
        .collect();
    rows.extend(imported.report.skipped.iter().map(|s| PreviewRow {
        line_or_row: s.line_or_row,
        unit: s.unit,
        date: String::new(),
        title: String::new(),
        kind: String::new(),
        participants: String::new(),
        places: String::new(),
        skipped: Some(s.reason.clone()),
        suspicious_date: None,
    }));
    rows.sort_by_key(|r| r.line_or_row);
    rows.truncate(max_rows);
    rows
}

fn join_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.collect::<Vec<_>>().join(", ")
}

/// The input as text: UTF-8 without a byte order mark, or an error naming the line and
/// column of the first byte that is not.
pub(crate) fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|err| {
        let valid = std::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap_or_default();
        let (line, col) = crate::io::line_col(valid, valid.len());
        ImportError::NotUtf8 { line, col }
    })
}
