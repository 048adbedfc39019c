//! Which format a file is in, from its content (the extension only breaks ties), and what
//! is refused outright: empty, too large, binary, spreadsheets, archives.

use super::{EncodingChoice, ImportError, ImportFormat, MAX_IMPORT_BYTES};

/// How much of the start of a file detection looks at.
pub const HEAD_BYTES: usize = 64 * 1024;

/// Refuses what no importer can read, before any parsing: empty and oversized files,
/// spreadsheets, archives, images and other binary files, UTF-16 text.
pub(crate) fn check_size_and_kind(bytes: &[u8]) -> Result<(), ImportError> {
    check_start(bytes, true)
}

/// [`check_size_and_kind`] on the first bytes of an input read as a stream. Blank first
/// bytes make an empty input only when they are the `whole` of it: a GDELT file whose first
/// row is 8 million tabs starts with 64 KiB of blanks and is not empty.
pub(crate) fn check_start(bytes: &[u8], whole: bool) -> Result<(), ImportError> {
    let size = bytes.len() as u64;
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size,
            limit: MAX_IMPORT_BYTES,
        });
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if whole && body.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let magic: &[(&[u8], &str, &str)] = &[
        (
            b"PK\x03\x04",
            "this is a ZIP archive, or a spreadsheet or document stored as one (xlsx, ods, docx)",
            "save the sheet as CSV (or unzip the export) and import that file",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "this is an old Microsoft Office file (xls, doc)",
            "import an xls workbook as a spreadsheet (--format spreadsheet), or save the sheet as CSV",
        ),
        (
            b"\x1F\x8B",
            "this file is gzip-compressed",
            "decompress it first",
        ),
        (
            b"%PDF",
            "this is a PDF document",
            "Detente imports timelines and event tables, not documents",
        ),
        (
            b"SQLite format 3\0",
            "this is an SQLite database",
            "export the table as CSV and import that file",
        ),
        (
            b"\x89PNG",
            "this is a PNG image",
            "Detente imports timelines and event tables",
        ),
        (
            b"\xFF\xD8\xFF",
            "this is a JPEG image",
            "Detente imports timelines and event tables",
        ),
        (
            b"GIF8",
            "this is a GIF image",
            "Detente imports timelines and event tables",
        ),
    ];
    for (prefix, what, hint) in magic {
        if bytes.starts_with(prefix) {
            return Err(ImportError::unsupported(*what, *hint));
        }
    }
    // UTF-16 text (Excel's "Unicode text") has a zero as every other byte: it is decoded
    // first and its text checked (`check_text`).
    if super::encoding::utf16_of(bytes).is_none() {
        check_no_zero(&body[..body.len().min(HEAD_BYTES)])?;
    }
    Ok(())
}

/// Refuses decoded text that is blank or holds a zero byte (binary data that happened to
/// look like UTF-16).
pub(crate) fn check_text(text: &[u8]) -> Result<(), ImportError> {
    if text.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    check_no_zero(&text[..text.len().min(HEAD_BYTES)])
}

fn check_no_zero(head: &[u8]) -> Result<(), ImportError> {
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Err(ImportError::unsupported(
            format!("this is a binary file (a zero byte at offset {at}), not text"),
            "Detente imports TimelineJS JSON, Timeline app XML, CSV/TSV, GDELT and ICEWS files",
        ));
    }
    Ok(())
}

/// The format of a file, from its content; see [`detect_format_with_reason`].
pub fn detect_format(bytes: &[u8], file_name: &str) -> Result<ImportFormat, ImportError> {
    detect_format_with_reason(bytes, file_name).map(|(format, _)| format)
}

/// The format of a file and, in words, why: "tab-separated rows of 58 columns …".
pub fn detect_format_with_reason(
    bytes: &[u8],
    file_name: &str,
) -> Result<(ImportFormat, String), ImportError> {
    detect_with(bytes, true, file_name, EncodingChoice::Auto)
}

/// [`detect_format_with_reason`] from the first [`HEAD_BYTES`] of a file read as a stream
/// (all of it when shorter), which is all that detection looks at.
pub fn detect_format_of_head(
    head: &[u8],
    file_name: &str,
) -> Result<(ImportFormat, String), ImportError> {
    detect_with(
        head,
        head.len() < HEAD_BYTES,
        file_name,
        EncodingChoice::Auto,
    )
}

/// [`detect_format_of_head`] of text in the encoding `encoding` says (detected when
/// automatic): the head is decoded first, so that a UTF-16 file is recognised.
pub fn detect_format_of_head_in(
    head: &[u8],
    file_name: &str,
    encoding: EncodingChoice,
) -> Result<(ImportFormat, String), ImportError> {
    detect_with(head, head.len() < HEAD_BYTES, file_name, encoding)
}

fn detect_with(
    bytes: &[u8],
    whole: bool,
    file_name: &str,
    encoding: EncodingChoice,
) -> Result<(ImportFormat, String), ImportError> {
    // Workbooks are zip or OLE files, which `check_start` refuses: they are looked for first.
    if let Some(found) = super::sheet::detect(bytes) {
        return found;
    }
    // Parquet is binary too: its magic says what it is (a member of a zip archive comes here
    // as bytes; a file or folder on disk goes to `parquet::import_path`).
    if bytes.starts_with(b"PAR1") {
        return Ok((
            ImportFormat::Parquet,
            "starts with PAR1: an Apache Parquet file".to_owned(),
        ));
    }
    check_start(bytes, whole)?;
    // The head decoded (a character cut at its end left out): UTF-16 and legacy encodings
    // are detected as the text they are.
    let decoded = super::encoding::head_text(&bytes[..bytes.len().min(HEAD_BYTES)], encoding);
    if let EncodingChoice::Forced(enc) = encoding
        && enc == encoding_rs::UTF_8
        && whole
    {
        super::text_of(bytes)?;
    }
    check_text(decoded.as_bytes()).or_else(|err| match err {
        ImportError::Empty if !whole => Ok(()),
        other => Err(other),
    })?;
    let head = decoded.as_str();
    let extension = std::path::Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let start = head.trim_start();

    if start.starts_with('{') || start.starts_with('[') {
        return if head.contains("\"events\"") || head.contains("\"title\"") {
            Ok((
                ImportFormat::TimelineJs,
                "a JSON object with \"events\" or \"title\": TimelineJS3".to_owned(),
            ))
        } else {
            Err(ImportError::unsupported(
                "this is JSON, but not a TimelineJS3 file (no \"events\" or \"title\")",
                "Detente reads TimelineJS3 JSON, whose top level has \"events\", \"title\" and \"eras\"",
            ))
        };
    }
    if start.starts_with('<') {
        let lower = prefix_within(start, 4096).to_ascii_lowercase();
        if lower.contains("<timeline") {
            return Ok((
                ImportFormat::TimelineApp,
                "XML whose root is <timeline>: the Timeline app".to_owned(),
            ));
        }
        let what = if lower.contains("<html") || lower.contains("<!doctype html") {
            "this is an HTML page"
        } else {
            "this is XML, but not a Timeline app file (its root is not <timeline>)"
        };
        return Err(ImportError::unsupported(
            what,
            "Detente reads the Timeline app's .timeline XML, TimelineJS3 JSON, CSV/TSV, GDELT and ICEWS files",
        ));
    }
    let first_line = head.lines().next().unwrap_or("");
    if is_pre_xml_timeline(head) {
        return Ok((
            ImportFormat::TimelineApp,
            "text in the Timeline app's pre-XML format".to_owned(),
        ));
    }

    let fields: Vec<&str> = first_line.trim_end_matches('\r').split('\t').collect();
    let is_date = |s: &str| s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit());
    let is_id = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if fields.len() >= 2 && is_id(fields[0]) && is_date(fields[1]) {
        match fields.len() {
            57 | 58 => {
                return Ok((
                    ImportFormat::Gdelt1,
                    format!(
                        "tab-separated rows of {} columns, an event id and a YYYYMMDD date first: GDELT 1.0",
                        fields.len()
                    ),
                ));
            }
            61 => {
                return Ok((
                    ImportFormat::Gdelt2,
                    "tab-separated rows of 61 columns, an event id and a YYYYMMDD date first: GDELT 2.0"
                        .to_owned(),
                ));
            }
            _ => {}
        }
    }
    let lower = first_line.to_ascii_lowercase();
    if lower.contains("event text")
        && (lower.contains("source name") || lower.contains("target name"))
    {
        return Ok((
            ImportFormat::Icews,
            "a header with \"Source Name\", \"Event Text\" and \"Target Name\": ICEWS".to_owned(),
        ));
    }
    if looks_like_headerless_icews(head) {
        return Ok((
            ImportFormat::Icews,
            "rows of source actor, CAMEO event text, target actor and date: ICEWS-style".to_owned(),
        ));
    }
    let delimited = [',', '\t', ';'].into_iter().any(|d| first_line.contains(d));
    if delimited || matches!(extension.as_str(), "csv" | "tsv" | "tab" | "txt") {
        let which = if first_line.contains('\t') {
            "tab-separated"
        } else if first_line.contains(',') {
            "comma-separated"
        } else {
            "delimited"
        };
        return Ok((
            ImportFormat::Csv,
            format!("{which} text that is not GDELT or ICEWS: CSV with a column mapping"),
        ));
    }
    Err(ImportError::unsupported(
        "this text is not in a format Detente can import (not JSON, XML or delimited rows)",
        "Detente reads TimelineJS3 JSON, Timeline app XML, CSV/TSV, GDELT and ICEWS files",
    ))
}

/// The longest start of `text` of at most `max_bytes` bytes that ends between characters:
/// a byte index inside a character (`é` across byte 4096) would panic.
pub(crate) fn prefix_within(text: &str, max_bytes: usize) -> &str {
    let mut end = max_bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Headerless ICEWS-style rows: `source, event text, target, date`, where the event text is
/// a CAMEO name ("Make a visit") and the date is `YYYY-MM-DD`, on each of the first lines.
fn looks_like_headerless_icews(head: &str) -> bool {
    let delimiter = if head.lines().next().unwrap_or("").contains('\t') {
        '\t'
    } else {
        ','
    };
    let lines: Vec<&str> = head
        .lines()
        .take(5)
        .filter(|l| l.chars().any(char::is_alphanumeric))
        .collect();
    !lines.is_empty()
        && lines.iter().all(|line| {
            let fields: Vec<&str> = line.split(delimiter).map(str::trim).collect();
            fields.len() == 4
                && super::cameo::cameo_code_of_text(fields[1]).is_some()
                && super::csv_mapping::DateFormat::Iso.parse(fields[3]).is_ok()
        })
}

/// Timeline before 0.10 saved a line-based text format: `# Written by Timeline 0.x.y …`,
/// then `CATEGORY:` and `EVENT:` lines.
pub(crate) fn is_pre_xml_timeline(text: &str) -> bool {
    let first = text.trim_start().lines().next().unwrap_or("");
    (first.starts_with('#') && first.contains("Timeline"))
        || text
            .lines()
            .take(20)
            .any(|l| l.starts_with("EVENT:") || l.starts_with("CATEGORY:"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_say_what_the_file_is() {
        assert_eq!(detect_format(b"", "x.csv"), Err(ImportError::Empty));
        assert_eq!(detect_format(b" \n\t", "x.csv"), Err(ImportError::Empty));
        let xlsx = detect_format(b"PK\x03\x04rest", "book.xlsx").unwrap_err();
        assert!(xlsx.to_string().contains("spreadsheet"), "{xlsx}");
        let bin = detect_format(b"abc\0def", "x.bin").unwrap_err();
        assert!(bin.to_string().contains("binary"), "{bin}");
        let html = detect_format(b"<!DOCTYPE html><html>", "x.html").unwrap_err();
        assert!(html.to_string().contains("HTML"), "{html}");
    }

    #[test]
    fn parquet_is_told_by_its_magic() {
        // A `.parquet` member of a zip archive reaches detection as bytes: it was refused
        // as "a binary file".
        let (format, reason) =
            detect_format_with_reason(b"PAR1\x15\x04\x00rest", "member.parquet").unwrap();
        assert_eq!(format, ImportFormat::Parquet);
        assert!(reason.contains("Parquet"), "{reason}");
    }

    #[test]
    fn a_character_across_the_xml_sniffing_limit_does_not_panic() {
        // Issue 11: `<`, 4,094 × `a`, then `é` (bytes 4095 and 4096) panicked with "end byte
        // index 4096 is not a char boundary".
        let mut text = String::from("<");
        text.push_str(&"a".repeat(4094));
        text.push_str("é<timeline>");
        let err = detect_format(text.as_bytes(), "x.timeline").unwrap_err();
        assert!(err.to_string().contains("not a Timeline app file"), "{err}");
        let mut timeline = String::from("<timeline>");
        timeline.push_str(&"é".repeat(3000));
        assert_eq!(
            detect_format(timeline.as_bytes(), "x.timeline"),
            Ok(ImportFormat::TimelineApp)
        );
        assert_eq!(prefix_within("aé", 2), "a");
        assert_eq!(prefix_within("aé", 3), "aé");
        assert_eq!(prefix_within("aé", 99), "aé");
        assert_eq!(prefix_within("éé", 1), "");
    }

    #[test]
    fn content_decides_not_the_extension() {
        let f = |b: &[u8], n: &str| detect_format(b, n).unwrap();
        assert_eq!(f(b"{\"events\": []}", "x.txt"), ImportFormat::TimelineJs);
        assert_eq!(
            f(b"<?xml version=\"1.0\"?>\n<timeline>", "x.xml"),
            ImportFormat::TimelineApp
        );
        assert_eq!(
            f(b"# Written by Timeline 0.5.0\n", "x.timeline"),
            ImportFormat::TimelineApp
        );
        assert_eq!(
            f(b"date,title\n2025-01-01,x\n", "x.json"),
            ImportFormat::Csv
        );
        let icews = b"Event ID\tEvent Date\tSource Name\tEvent Text\tTarget Name\n";
        assert_eq!(f(icews, "x.tab"), ImportFormat::Icews);
        let rows = b"Russia,Make a visit,China,2025-05-08\nUSA,Consult,Ukraine,2025-02-28\n";
        assert_eq!(f(rows, "x.csv"), ImportFormat::Icews);
        let mut gdelt = String::from("123\t20150729");
        for _ in 2..58 {
            gdelt.push('\t');
        }
        assert_eq!(f(gdelt.as_bytes(), "x.csv"), ImportFormat::Gdelt1);
    }
}
