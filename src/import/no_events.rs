//! An import that reads no event from a file that is not empty is a failure, not an empty
//! project: `--format gdelt2` on a file that is not GDELT must say so, with what the format
//! expects and what the file's first line looks like.

use super::report::Skipped;
use super::{ImportError, ImportFormat};

/// The first line is quoted up to this many characters: enough to recognise a header or a
/// row (GDELT's first two columns are 20 characters), short enough for one terminal line.
const QUOTED_CHARS: usize = 80;

/// What a file in `format` looks like, in words.
pub(crate) fn expected(format: ImportFormat) -> &'static str {
    match format {
        ImportFormat::TimelineJs => {
            "a TimelineJS3 JSON object with an \"events\" list of slides, each with a start_date"
        }
        ImportFormat::TimelineApp => "the Timeline app's XML, with <event> elements in <events>",
        ImportFormat::Csv => "rows with a date and a title in the columns the mapping names",
        ImportFormat::Spreadsheet => {
            "a sheet whose rows have a date and a title in the columns the mapping names, \
             under a header row"
        }
        ImportFormat::Gdelt1 => {
            "tab-separated rows of 57 or 58 columns, an event id and a YYYYMMDD date first"
        }
        ImportFormat::Gdelt2 => {
            "tab-separated rows of 61 columns, an event id and a YYYYMMDD date first"
        }
        ImportFormat::Icews => {
            "rows of source, CAMEO event text, target and date, with or without a header \
             naming \"Event Date\", \"Source Name\", \"Event Text\" and \"Target Name\""
        }
        ImportFormat::Parquet => "a Parquet file whose rows fall in the slice asked for",
    }
}

/// The file's first line that is not blank, quoted in at most [`QUOTED_CHARS`] characters
/// (cut between characters, never inside one), tabs shown as `⇥` so that the columns can
/// be told apart, other control characters as `�`.
pub(crate) fn first_line(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Only the start is needed: a line longer than this is cut anyway.
    let head = &bytes[..bytes.len().min(QUOTED_CHARS * 4 * 64)];
    let text = String::from_utf8_lossy(head);
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut quoted: String = line
        .chars()
        .take(QUOTED_CHARS)
        .map(|c| match c {
            '\t' => '⇥',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect();
    if line.chars().nth(QUOTED_CHARS).is_some() {
        quoted.push('…');
    }
    quoted
}

/// The error for an import of `bytes` as `format` that read no event; `skipped` are the
/// rows it skipped, whose first reason is often the whole story.
pub fn no_events_error(bytes: &[u8], format: ImportFormat, skipped: &[Skipped]) -> ImportError {
    let mut message = format!(
        "no event could be read as {}: expected {}",
        format.description(),
        expected(format),
    );
    // A workbook's bytes are no line to quote; the skipped rows name the sheet.
    if format != ImportFormat::Spreadsheet {
        message.push_str(&format!(
            "; the file's first line is “{}”",
            first_line(bytes)
        ));
    }
    if let Some(first) = skipped.first() {
        let rows = crate::model::count(
            skipped.len(),
            first.unit.label(),
            &format!("{}s", first.unit.label()),
        );
        message.push_str(&format!("; {rows} skipped, the first ({first})"));
    }
    ImportError::NoEvents(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_is_quoted_short_and_whole_characters() {
        assert_eq!(first_line(b"\xEF\xBB\xBF\n\n  a\tb  \nc"), "a⇥b");
        let long = "é".repeat(100);
        let quoted = first_line(long.as_bytes());
        assert_eq!(quoted.chars().count(), QUOTED_CHARS + 1);
        assert!(quoted.ends_with('…'));
        assert_eq!(first_line(b"x\x01y"), "x\u{FFFD}y");
    }
}
