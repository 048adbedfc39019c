//! The import dialog's first step after the file is read, on the reading task: unpacked
//! (a `.zip` or `.gz`), its format detected, a workbook opened for its sheets and header,
//! and the mapping saved beside it read. Opening a big workbook takes seconds: done on the
//! window's thread, it froze the window (calamine parses every sheet to count its rows).

use std::path::Path;

use crate::import::{CsvMapping, ImportFormat, detect_format_with_reason};
use crate::ui::import_inputs_ui::InputChoices;
use crate::ui::sheet_choice_ui::SheetChoice;

/// A file read and prepared for the dialog's page.
pub struct ReadFile {
    pub input: InputChoices,
    /// The bytes to import: the chosen member of an archive, unpacked.
    pub bytes: Vec<u8>,
    pub format: ImportFormat,
    /// Why the format was detected, as the page says it.
    pub reason: String,
    pub mapping: CsvMapping,
    /// A spreadsheet's sheet and header row; `None` for other formats.
    pub sheet: Option<SheetChoice>,
}

/// Prepares what was read from `path` (shown as `file_name`), or says what went wrong,
/// naming the file.
pub fn read_file(
    path: &Path,
    file_name: &str,
    read: std::io::Result<Vec<u8>>,
) -> Result<ReadFile, String> {
    let bytes = read.map_err(|err| format!("could not read {}: {err}", path.display()))?;
    let (input, bytes) =
        InputChoices::read(bytes, file_name).map_err(|err| format!("{}: {err}", path.display()))?;
    let (format, reason) = detect_format_with_reason(&bytes, &input.inner_name)
        .map_err(|err| format!("{}: {err}", path.display()))?;
    let sheet = (format == ImportFormat::Spreadsheet).then(|| SheetChoice::read(&bytes));
    let mapping = match &sheet {
        Some(choice) => {
            saved_mapping(path).unwrap_or_else(|| choice.guess_mapping(&CsvMapping::default()))
        }
        None => saved_or_guessed_mapping(path, input.head.as_bytes()),
    };
    Ok(ReadFile {
        input,
        bytes,
        format,
        reason,
        mapping,
        sheet,
    })
}

/// The mapping saved beside the file by an earlier import.
fn saved_mapping(path: &Path) -> Option<CsvMapping> {
    let text = crate::io::read_mapping_text(&crate::ui::csv_mapping_ui::mapping_path(path)).ok()?;
    CsvMapping::from_json(&text).ok()
}

/// The mapping saved beside the file by an earlier import, or one by header names.
fn saved_or_guessed_mapping(path: &Path, bytes: &[u8]) -> CsvMapping {
    if let Some(mapping) = saved_mapping(path) {
        return mapping;
    }
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let header = String::from_utf8_lossy(first_line);
    let sep = if header.contains('\t') {
        '\t'
    } else if header.contains(';') {
        ';'
    } else {
        ','
    };
    let cells: Vec<&str> = header
        .trim_end_matches('\r')
        .split(sep)
        .map(|c| c.trim().trim_matches('"'))
        .collect();
    CsvMapping::from_header(&cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
    }

    fn read(name: &str) -> Result<ReadFile, String> {
        let path = fixture(name);
        let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
        read_file(&path, &file_name, std::fs::read(&path))
    }

    #[test]
    fn a_workbook_is_opened_with_its_sheet_and_header_before_the_page_shows() {
        let read = read("sheets/meetings.xlsx").unwrap();
        assert_eq!(read.format, ImportFormat::Spreadsheet);
        let sheet = read.sheet.unwrap();
        assert!(sheet.sheets.as_ref().is_ok_and(|s| !s.is_empty()));
        assert!(!sheet.header_cells.is_empty(), "the header is read");
    }

    #[test]
    fn text_has_no_sheet_and_a_guessed_mapping() {
        let read = read("encodings/windows1252.csv").unwrap();
        assert_eq!(read.format, ImportFormat::Csv);
        assert!(read.sheet.is_none());
        assert!(read.mapping.columns.date.is_some(), "{:?}", read.mapping);
    }

    #[test]
    fn what_goes_wrong_names_the_file() {
        let missing = fixture("no such file.csv");
        let err = read_file(&missing, "no such file.csv", std::fs::read(&missing))
            .err()
            .unwrap();
        assert!(
            err.starts_with("could not read ") && err.contains("no such file.csv"),
            "{err}"
        );
        // A damaged workbook still opens the page, which says what is wrong with it.
        let truncated = read("sheets/truncated.xlsx").unwrap();
        let sheets = truncated.sheet.unwrap().sheets;
        assert!(sheets.is_err(), "{sheets:?}");
    }
}
