//! Spreadsheets (xlsx, xlsm, xlsb, xls, ods) through the CSV column mapping: one sheet is
//! read with `calamine`, its cells become text (`sheet_cells`), and the rows from the
//! header down are read by the CSV importer as tab-separated records, so that a sheet maps
//! its columns exactly as a CSV file does. Reports count the sheet's own rows, as the
//! spreadsheet program numbers them: `sheet “Calls”, row 7`.
//!
//! calamine has panicked on malformed workbooks before: every read of one is wrapped in
//! `catch_unwind`, and a panic becomes an error saying the file is damaged.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Sheets};

use super::sheet_cells::{cell_text, detect_header, is_blank};
use super::{ImportError, ImportFormat, ImportOptions, Imported, MAX_IMPORT_BYTES, PositionUnit};

/// What kind of workbook a file is, from its first bytes and its zip or OLE member names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl Kind {
    fn describe(self) -> &'static str {
        match self {
            Self::Xlsx => "a zip archive with an xl/ folder: an Excel workbook (xlsx)",
            Self::Xlsb => "a zip archive with xl/workbook.bin: an Excel binary workbook (xlsb)",
            Self::Xls => "an OLE compound file: an Excel 97-2003 workbook (xls)",
            Self::Ods => {
                "a zip archive of mimetype application/vnd.oasis.opendocument.spreadsheet: \
                 an OpenDocument spreadsheet (ods)"
            }
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The message of a workbook behind a password: calamine cannot decrypt it.
const PASSWORD: &str = "the workbook is protected with a password; open it in the spreadsheet \
     program, remove the password (File ▸ Info ▸ Protect Workbook in Excel; File ▸ Properties \
     ▸ Security in LibreOffice) or save the sheet as CSV, and import that file";

/// A spreadsheet, or an office document refused, or `None` when `bytes` (the whole file or
/// its first bytes) start as neither a zip archive nor an OLE compound file. The member
/// names are looked for as bytes: a zip keeps them uncompressed in each member's header,
/// OLE in UTF-16 in its directory.
pub(crate) fn sniff(bytes: &[u8]) -> Option<Result<Kind, ImportError>> {
    let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    let utf16 =
        |name: &str| -> Vec<u8> { name.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    if bytes.starts_with(ZIP_MAGIC) {
        // ODF puts an uncompressed `mimetype` member first (ODF 1.2, part 3, 3.3).
        if bytes.get(30..38) == Some(b"mimetype") {
            // A compressed mimetype (against the standard) is tried as a spreadsheet.
            let other_kind = has(b"application/vnd.oasis.opendocument.")
                && !has(b"application/vnd.oasis.opendocument.spreadsheet");
            return Some(if other_kind {
                Err(ImportError::unsupported(
                    "this is an OpenDocument file that is not a spreadsheet (a text or a presentation)",
                    "Detente imports spreadsheets (ods, xlsx, xls) and event tables, not documents",
                ))
            } else {
                Ok(Kind::Ods)
            });
        }
        if has(b"xl/workbook.bin") {
            return Some(Ok(Kind::Xlsb));
        }
        if has(b"xl/") {
            return Some(Ok(Kind::Xlsx));
        }
        if has(b"word/") || has(b"ppt/") {
            return Some(Err(ImportError::unsupported(
                "this is a Word or PowerPoint document (docx, pptx), not a spreadsheet",
                "Detente imports spreadsheets (xlsx, xls, ods) and event tables, not documents",
            )));
        }
        return None;
    }
    if bytes.starts_with(OLE_MAGIC) {
        if has(&utf16("EncryptedPackage")) {
            return Some(Err(ImportError::Format(PASSWORD.to_owned())));
        }
        if has(&utf16("WordDocument")) || has(&utf16("PowerPoint Document")) {
            return Some(Err(ImportError::unsupported(
                "this is an old Word or PowerPoint document (doc, ppt), not a spreadsheet",
                "Detente imports spreadsheets (xls, xlsx, ods) and event tables, not documents",
            )));
        }
        return Some(Ok(Kind::Xls));
    }
    None
}

/// Why a file was detected as a spreadsheet, for the import dialog and `detente import`.
pub(crate) fn detect(bytes: &[u8]) -> Option<Result<(ImportFormat, String), ImportError>> {
    sniff(bytes)
        .map(|found| found.map(|kind| (ImportFormat::Spreadsheet, kind.describe().to_owned())))
}

/// A sheet of a workbook and how many rows it has (up to its last cell that is not empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetSummary {
    pub name: String,
    pub num_rows: usize,
    /// The header row [`import`] would take, 1-based; `None` for an empty sheet.
    pub header_row: Option<usize>,
}

/// The sheets of a workbook, in its order.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, ImportError> {
    guarded(|| Ok(open(bytes)?.sheet_names()))
}

/// The sheets of a workbook with their row counts and detected header rows: what the
/// import dialog offers. Reads every sheet.
pub fn sheet_summaries(bytes: &[u8]) -> Result<Vec<SheetSummary>, ImportError> {
    guarded(|| {
        let mut book = open(bytes)?;
        let mut summaries = Vec::new();
        for name in book.sheet_names() {
            let range = book
                .worksheet_range(&name)
                .map_err(|e| read_error(&e.to_string()))?;
            let rows: Vec<&[Data]> = range.rows().collect();
            summaries.push(SheetSummary {
                num_rows: rows
                    .iter()
                    .rposition(|r| r.iter().any(|c| !is_blank(c)))
                    .map_or(0, |last| last + 1),
                header_row: detect_header(&rows, range.width()).map(|i| first_row(&range) + i),
                name,
            });
        }
        Ok(summaries)
    })
}

/// The cells of row `row` (1-based) of `sheet`, as text: the column names the mapping
/// dialog offers. Empty when the sheet has no such row.
pub fn row_cells(bytes: &[u8], sheet: &str, row: usize) -> Result<Vec<String>, ImportError> {
    guarded(|| {
        let mut book = open(bytes)?;
        let range = sheet_range(&mut book, sheet)?;
        let Some(index) = row.checked_sub(first_row(&range)) else {
            return Ok(Vec::new());
        };
        Ok(range
            .rows()
            .nth(index)
            .map(|cells| {
                cells
                    .iter()
                    .map(|c| cell_text(c).unwrap_or_default())
                    .collect()
            })
            .unwrap_or_default())
    })
}

/// Imports one sheet (`options.sheet`, or the first with data) through the CSV mapping,
/// from `options.header_row` (or the detected header) down.
pub(crate) fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_IMPORT_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let table = guarded(|| read_table(bytes, options))?;
    let mut csv_options = options.clone();
    csv_options.mapping = options.mapping.clone().map(|mut m| {
        m.delimiter = Some('\t');
        m.quoting = true;
        m
    });
    let mut imported =
        super::csv_import::import_text(&table.csv, &csv_options, ImportFormat::Spreadsheet)?;
    table.to_sheet_rows(&mut imported);
    Ok(imported)
}

/// A sheet's rows from the header down, as the tab-separated text the CSV importer reads.
struct Table {
    sheet: String,
    /// The header row (1-based), when the sheet has one.
    header_row: Option<usize>,
    csv: String,
    /// The sheet row (1-based) of each CSV line that starts a record: `(line, row)`, in
    /// order. A cell with line breaks makes a record of several lines.
    rows: Vec<(usize, usize)>,
    /// Cells read as empty (formula errors): the row and what was there.
    warnings: Vec<(usize, String)>,
}

impl Table {
    /// The sheet row of a CSV line.
    fn row_of(&self, line: usize) -> usize {
        let at = self.rows.partition_point(|&(l, _)| l <= line);
        at.checked_sub(1).map_or(line, |i| self.rows[i].1)
    }

    /// The CSV importer's lines become the sheet's rows, and every row named names the sheet.
    fn to_sheet_rows(&self, imported: &mut Imported) {
        let report = &mut imported.report;
        let sheet = Some(self.sheet.clone());
        let how = match self.header_row {
            Some(row) => format!("sheet “{}” with its header on row {row}", self.sheet),
            None => format!("sheet “{}” without a header row", self.sheet),
        };
        // How the sheet was read is a note, like a text file's encoding, not a warning.
        report.input_notes.insert(0, format!("Read {how}"));
        for skipped in &mut report.skipped {
            skipped.line_or_row = self.row_of(skipped.line_or_row);
            skipped.unit = PositionUnit::Row;
            skipped.sheet.clone_from(&sheet);
        }
        for doubt in &mut report.suspicious_dates {
            doubt.line_or_row = self.row_of(doubt.line_or_row);
            doubt.unit = PositionUnit::Row;
            doubt.sheet.clone_from(&sheet);
        }
        for warning in &mut report.warnings {
            if let Some((_, line)) = warning.at {
                warning.at = Some((PositionUnit::Row, self.row_of(line)));
                warning.sheet.clone_from(&sheet);
            }
        }
        report
            .warnings
            .extend(self.warnings.iter().map(|(row, message)| super::Warning {
                at: Some((PositionUnit::Row, *row)),
                sheet: sheet.clone(),
                message: message.clone(),
            }));
        for row in &mut imported.event_rows {
            *row = self.row_of(*row);
        }
    }
}

/// Reads the chosen sheet into a [`Table`], from the header row down (all of it without a
/// header), stopping after `options.max_rows` rows that are not blank.
fn read_table(bytes: &[u8], options: &ImportOptions) -> Result<Table, ImportError> {
    let mut book = open(bytes)?;
    let (sheet, range) = match &options.sheet {
        Some(name) => (name.clone(), sheet_range(&mut book, name)?),
        None => first_sheet_with_data(&mut book)?,
    };
    let rows: Vec<&[Data]> = range.rows().collect();
    if !rows.iter().any(|r| r.iter().any(|c| !is_blank(c))) {
        return Err(ImportError::Format(format!(
            "sheet “{sheet}” is empty: there is nothing to import; choose another sheet"
        )));
    }
    let top = first_row(&range);
    let has_header = options.mapping.as_ref().is_none_or(|m| m.has_header);
    let start = if !has_header {
        0
    } else if let Some(header_row) = options.header_row {
        if header_row < top || header_row >= top + rows.len() {
            return Err(ImportError::Format(format!(
                "sheet “{sheet}” has no row {header_row}: its rows with cells are {top} to {}",
                top + rows.len() - 1
            )));
        }
        header_row - top
    } else {
        detect_header(&rows, range.width()).unwrap_or(0)
    };
    let mut table = Table {
        sheet,
        header_row: has_header.then_some(top + start),
        csv: String::new(),
        rows: Vec::new(),
        warnings: Vec::new(),
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut line = 1;
    let mut data_rows = 0;
    // The header and one row more than the preview wants: the CSV importer stops itself.
    let wanted = options.max_rows.map_or(usize::MAX, |n| n.saturating_add(1));
    for (i, cells) in rows.iter().enumerate().skip(start) {
        if data_rows >= wanted {
            break;
        }
        if cells.iter().all(is_blank) {
            continue;
        }
        let row = top + i;
        let texts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(col, cell)| {
                cell_text(cell).unwrap_or_else(|err| {
                    table.warnings.push((
                        row,
                        format!(
                            "column {}: the cell holds the error {err}; read as empty",
                            column_name(col + range.start().map_or(0, |s| s.1 as usize))
                        ),
                    ));
                    String::new()
                })
            })
            .collect();
        writer
            .write_record(&texts)
            .map_err(|e| read_error(&e.to_string()))?;
        table.rows.push((line, row));
        line += 1 + texts.iter().map(|t| t.matches('\n').count()).sum::<usize>();
        data_rows += 1;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| read_error(&e.to_string()))?;
    table.csv = String::from_utf8(bytes).map_err(|e| read_error(&e.to_string()))?;
    Ok(table)
}

/// The sheet row (1-based) of a range's first row.
fn first_row(range: &Range<Data>) -> usize {
    range.start().map_or(1, |(row, _)| row as usize + 1)
}

/// A column's letters as the spreadsheet shows them: 0 is A, 26 is AA.
fn column_name(mut col: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

fn sheet_range(book: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Result<Range<Data>, ImportError> {
    let names = book.sheet_names();
    if !names.iter().any(|n| n == name) {
        return Err(ImportError::Format(format!(
            "the workbook has no sheet “{name}”; its sheets are {}",
            quoted_list(&names)
        )));
    }
    book.worksheet_range(name)
        .map_err(|e| read_error(&e.to_string()))
}

fn first_sheet_with_data(
    book: &mut Sheets<Cursor<&[u8]>>,
) -> Result<(String, Range<Data>), ImportError> {
    let names = book.sheet_names();
    for name in &names {
        let range = book
            .worksheet_range(name)
            .map_err(|e| read_error(&e.to_string()))?;
        if range.used_cells().any(|(_, _, c)| !is_blank(c)) {
            return Ok((name.clone(), range));
        }
    }
    Err(ImportError::Format(if names.is_empty() {
        "the workbook has no sheet: there is nothing to import".to_owned()
    } else {
        format!(
            "every sheet of the workbook is empty ({}): there is nothing to import",
            quoted_list(&names)
        )
    }))
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Opens the workbook `bytes` is, by its kind.
fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, ImportError> {
    let Some(found) = sniff(bytes) else {
        // An image, a PDF, an archive: said as such.
        super::detect::check_size_and_kind(bytes)?;
        return Err(ImportError::unsupported(
            "this is not a spreadsheet (neither a zip-based xlsx or ods nor an OLE-based xls)",
            "import it with the format it is in, or save the sheet from the spreadsheet program as xlsx or CSV",
        ));
    };
    let kind = found?;
    let cursor = Cursor::new(bytes);
    match kind {
        Kind::Xlsx => calamine::Xlsx::new(cursor).map(Sheets::Xlsx).map_err(|e| {
            if matches!(e, calamine::XlsxError::Password) {
                ImportError::Format(PASSWORD.to_owned())
            } else {
                damaged("xlsx", &e.to_string())
            }
        }),
        Kind::Xlsb => calamine::Xlsb::new(cursor).map(Sheets::Xlsb).map_err(|e| {
            if matches!(e, calamine::XlsbError::Password) {
                ImportError::Format(PASSWORD.to_owned())
            } else {
                damaged("xlsb", &e.to_string())
            }
        }),
        Kind::Xls => calamine::Xls::new(cursor).map(Sheets::Xls).map_err(|e| {
            if matches!(e, calamine::XlsError::Password) {
                ImportError::Format(PASSWORD.to_owned())
            } else {
                damaged("xls", &e.to_string())
            }
        }),
        Kind::Ods => calamine::Ods::new(cursor)
            .map(Sheets::Ods)
            .map_err(|e| damaged("ods", &e.to_string())),
    }
}

fn damaged(kind: &str, why: &str) -> ImportError {
    ImportError::Format(format!(
        "the {kind} workbook is damaged or incomplete and cannot be read ({why}); open it in the \
         spreadsheet program and save it again, or save the sheet as CSV"
    ))
}

fn read_error(why: &str) -> ImportError {
    ImportError::Format(format!(
        "a sheet of the workbook cannot be read ({why}); the file may be damaged: open it in the \
         spreadsheet program and save it again, or save the sheet as CSV"
    ))
}

/// Runs a read of a workbook; a panic in calamine becomes an error.
fn guarded<T>(read: impl FnOnce() -> Result<T, ImportError>) -> Result<T, ImportError> {
    crate::io::caught_panic::catch_panic(read).unwrap_or_else(|| {
        Err(ImportError::Format(
            "the workbook is damaged: the spreadsheet reader failed on it; open it in the \
             spreadsheet program and save it again, or save the sheet as CSV"
                .to_owned(),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_the_spreadsheet_names_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn kinds_by_magic_and_member_names() {
        assert_eq!(sniff(b"plain text"), None);
        assert_eq!(sniff(b"PK\x03\x04....gdelt.CSV"), None);
        let mut xlsx = b"PK\x03\x04".to_vec();
        xlsx.extend_from_slice(&[0; 26]);
        xlsx.extend_from_slice(b"xl/workbook.xml");
        assert_eq!(sniff(&xlsx), Some(Ok(Kind::Xlsx)));
        let mut ods = b"PK\x03\x04".to_vec();
        ods.extend_from_slice(&[0; 26]);
        ods.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet");
        assert_eq!(sniff(&ods), Some(Ok(Kind::Ods)));
        let odt = String::from_utf8(ods)
            .unwrap()
            .replace("spreadsheet", "text");
        assert!(sniff(odt.as_bytes()).unwrap().is_err());
        let mut docx = b"PK\x03\x04".to_vec();
        docx.extend_from_slice(b"word/document.xml");
        let err = sniff(&docx).unwrap().unwrap_err().to_string();
        assert!(err.contains("Word"), "{err}");
        assert_eq!(sniff(OLE_MAGIC), Some(Ok(Kind::Xls)));
    }

    #[test]
    fn a_panic_in_the_reader_is_an_error() {
        let err = guarded::<()>(|| panic!("calamine bug")).unwrap_err();
        assert!(err.to_string().contains("damaged"), "{err}");
    }
}
