//! A spreadsheet's cells as the text the CSV mapping reads, and which row is the header.
//!
//! Numbers are written as a person would type them (`12`, not `12.0`), date cells as ISO
//! dates (`2025-11-03`, or `2025-11-30T14:30:00` with a time: EDTF reads both), booleans as
//! `TRUE` and `FALSE` as the spreadsheet shows them. An error cell (`#N/A`) is read as empty.

use calamine::{Data, ExcelDateTime};

/// A cell as text, or the error a formula left in it (`#N/A`), which is read as empty.
pub(crate) fn cell_text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(x) => number_text(*x),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(when) => {
            if when.is_duration() {
                number_text(when.as_f64())
            } else {
                date_cell_to_iso(when).unwrap_or_else(|| number_text(when.as_f64()))
            }
        }
        // OpenDocument keeps dates as ISO text already; a time without seconds is given
        // its seconds, which EDTF wants.
        Data::DateTimeIso(text) => normalise_iso(text),
        Data::Error(err) => return Err(err.to_string()),
    })
}

/// A number without a needless `.0`: whole numbers below 10^15 (where an f64 still holds
/// every integer exactly, and Excel's 15 significant digits end) as integers.
fn number_text(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Excel's dates end on 9999-12-31, serial 2,958,465 (2,957,003 in the 1904 system; a
/// later one there is shown as 9999-12-31 too).
const MAX_SERIAL: f64 = 2_958_466.0;

/// A date cell as ISO text: the date alone when it has no time, the time alone when it has
/// no date (a serial below 1, a time typed alone). `None` when the number is no date Excel
/// can show. calamine's conversion knows the 1904 system of old Mac workbooks and the
/// 29 February 1900 that Lotus 1-2-3 invented and Excel kept (which EDTF then refuses).
pub(crate) fn date_cell_to_iso(when: &ExcelDateTime) -> Option<String> {
    let serial = when.as_f64();
    if !serial.is_finite() || !(0.0..MAX_SERIAL).contains(&serial) {
        return None;
    }
    let (y, mo, d, h, mi, s, _millis) = when.to_ymd_hms_milli();
    let time = format!("{h:02}:{mi:02}:{s:02}");
    if serial < 1.0 {
        return Some(time);
    }
    let date = format!("{y:04}-{mo:02}-{d:02}");
    Some(if (h, mi, s) == (0, 0, 0) {
        date
    } else {
        format!("{date}T{time}")
    })
}

/// OpenDocument's `2025-11-30T14:30:00` kept; a midnight time dropped, so that a date cell
/// reads as a date; fractions of a second dropped.
fn normalise_iso(text: &str) -> String {
    let text = text.trim();
    let Some((date, time)) = text.split_once('T') else {
        return text.to_owned();
    };
    let time = time.split('.').next().unwrap_or(time);
    if time == "00:00:00" || time == "00:00" {
        date.to_owned()
    } else if time.len() == 5 {
        format!("{date}T{time}:00")
    } else {
        format!("{date}T{time}")
    }
}

/// The header is looked for in the first this many rows: a title, notes and blank rows
/// above a table rarely take more than a few; a header further down is given by hand.
const HEADER_SEARCH_ROWS: usize = 50;

/// The index in `rows` of the header: the first row whose non-empty cells are mostly text
/// (three in four: a year such as `2025` may head a column) and fill at least half of the
/// table's `width` (so that a title in A1 over a table of six columns is not it), with a row
/// that is not blank after it. Without one, the first row that is not blank.
pub(crate) fn detect_header(rows: &[&[Data]], width: usize) -> Option<usize> {
    let filled = |row: &[Data]| row.iter().filter(|c| !is_blank(c)).count();
    let searched = &rows[..rows.len().min(HEADER_SEARCH_ROWS)];
    searched
        .iter()
        .enumerate()
        .find(|(i, row)| {
            let num_filled = filled(row);
            let text = row
                .iter()
                .filter(|c| matches!(c, Data::String(s) if !s.trim().is_empty()))
                .count();
            num_filled >= width.min(2)
                && num_filled * 2 >= width
                && text * 4 >= num_filled * 3
                && rows[i + 1..].iter().any(|r| filled(r) > 0)
        })
        .map(|(i, _)| i)
        .or_else(|| searched.iter().position(|r| filled(r) > 0))
}

/// An empty cell, or one of spaces only.
pub(crate) fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    #[test]
    fn serial_dates_are_iso_dates_in_both_systems() {
        let iso = |serial: f64, is_1904: bool| {
            date_cell_to_iso(&ExcelDateTime::new(
                serial,
                ExcelDateTimeType::DateTime,
                is_1904,
            ))
        };
        assert_eq!(iso(45_964.0, false).unwrap(), "2025-11-03");
        // 14:30 is stored as 0.604166…, a hair off.
        assert_eq!(
            iso(45_991.604_166_666_664, false).unwrap(),
            "2025-11-30T14:30:00"
        );
        assert_eq!(iso(1.0, false).unwrap(), "1900-01-01");
        assert_eq!(iso(61.0, false).unwrap(), "1900-03-01");
        assert_eq!(iso(25_569.0, false).unwrap(), "1970-01-01");
        assert_eq!(iso(1.0, true).unwrap(), "1904-01-02");
        assert_eq!(iso(0.5, false).unwrap(), "12:00:00");
        assert_eq!(iso(2_958_465.0, false).unwrap(), "9999-12-31");
        assert_eq!(iso(-1.0, false), None);
        assert_eq!(iso(f64::NAN, false), None);
        assert_eq!(iso(1e300, false), None);
    }

    #[test]
    fn cells_read_as_typed() {
        assert_eq!(cell_text(&Data::Float(12.0)).unwrap(), "12");
        assert_eq!(cell_text(&Data::Float(-3.25)).unwrap(), "-3.25");
        assert_eq!(
            cell_text(&Data::Float(1e20)).unwrap(),
            "100000000000000000000"
        );
        assert_eq!(cell_text(&Data::Int(7)).unwrap(), "7");
        assert_eq!(cell_text(&Data::Bool(true)).unwrap(), "TRUE");
        assert_eq!(cell_text(&Data::Empty).unwrap(), "");
        assert_eq!(
            cell_text(&Data::DateTimeIso("2025-08-15T00:00:00".into())).unwrap(),
            "2025-08-15"
        );
        assert_eq!(
            cell_text(&Data::DateTimeIso("2025-08-15T09:30".into())).unwrap(),
            "2025-08-15T09:30:00"
        );
        assert!(cell_text(&Data::Error(calamine::CellErrorType::NA)).is_err());
    }

    #[test]
    fn the_header_is_under_a_title_and_a_blank_row() {
        let s = |t: &str| Data::String(t.to_owned());
        let title = [s("Talks, autumn 2025"), Data::Empty, Data::Empty];
        let blank = [Data::Empty, Data::Empty, Data::Empty];
        let header = [s("Date"), s("Title"), s("Who")];
        let data = [Data::Float(45_964.0), s("Talks"), s("Russia")];
        let rows: Vec<&[Data]> = vec![&title, &blank, &header, &data];
        assert_eq!(detect_header(&rows, 3), Some(2));
        // No text row: the first row that is not blank.
        let rows: Vec<&[Data]> = vec![&blank, &data, &data];
        assert_eq!(detect_header(&rows, 3), Some(1));
        // A header with nothing under it is no header.
        let rows: Vec<&[Data]> = vec![&header];
        assert_eq!(detect_header(&rows, 3), Some(0));
        assert_eq!(detect_header(&[], 3), None);
    }
}
