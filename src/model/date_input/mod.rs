//! What analysts type in a date field, turned into EDTF.
//!
//! Valid EDTF is taken as typed. Otherwise the common ways of writing a date in English
//! reports are read: `20 Dec 2025`, `December 20, 2025`, `20–21 Dec 2025`, `week of 15 Dec
//! 2025`, `before 18 Dec 2025`, `c. 2025`, `spring 2025`, `2025-12-20T14:00`. Nothing is
//! guessed: numeric day/month forms (`03/04/2025`) mean different days in different
//! countries, so they are refused with the unambiguous spellings to use instead. Whenever a
//! reading involved a choice (the week's first day, the year of a range's start, what
//! "before" means in EDTF) the result carries a note that says what was chosen.

use jiff::civil;

use super::{DateError, DateSpec, describe_bounds};

mod shape;
#[cfg(test)]
mod tests;
mod words;

use shape::read_shape;

/// A date field's text read as EDTF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateInput {
    /// EDTF level 1 that [`DateSpec::parse`] accepts and that has bounds.
    pub edtf: String,
    /// How the text was read, when that involved a choice the analyst should see:
    /// "week of 15 Dec 2025 → Mon 15 – Sun 21 Dec 2025; weeks run Monday to Sunday".
    pub note: Option<String>,
}

/// Why the text is not a date, worded for the form that shows it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateInputError {
    #[error("type a date, e.g. 2025-12-20, 20 Dec 2025 or Dec 2025")]
    Empty,
    #[error("“{text}” is read as day/month in some places and month/day in others: {advice}")]
    Ambiguous { text: String, advice: String },
    #[error("write the year with four digits in “{text}” (2025, or 0800 for the year 800)")]
    ShortYear { text: String },
    #[error("“{text}” needs a year, e.g. 20 Dec 2025")]
    MissingYear { text: String },
    #[error("{date} is a {actual}, not a {given}")]
    WrongWeekday {
        date: String,
        actual: String,
        given: String,
    },
    #[error(
        "could not read “{text}” as a date{detail}; try 2025-12-20, 20 Dec 2025, Dec 2025, \
         20–21 Dec 2025, week of 15 Dec 2025, before 18 Dec 2025 or c. 2025"
    )]
    Unrecognised { text: String, detail: String },
    #[error(transparent)]
    Invalid(#[from] DateError),
}

/// Reads a date field. Every `Ok` parses with [`DateSpec::parse`] and has bounds.
pub fn parse_date_input(text: &str) -> Result<DateInput, DateInputError> {
    let text = normalise(text);
    if text.is_empty() {
        return Err(DateInputError::Empty);
    }
    // EDTF as typed. A value that is EDTF-shaped but impossible (2025-02-30, a reversed
    // interval) is reported as such rather than re-read in another way.
    match DateSpec::parse(&text) {
        Ok(spec) => {
            spec.bounds()?;
            return Ok(DateInput {
                edtf: spec.edtf_text(),
                note: None,
            });
        }
        Err(err @ DateError::OutOfRange { .. }) => return Err(err.into()),
        Err(_) => {}
    }
    // ASCII lowering keeps every byte where it was, so the text an error quotes can be
    // given back as the analyst typed it (see `in_original_case`).
    let lower = text.to_ascii_lowercase();
    let mut notes = Vec::new();
    let edtf =
        read_lower(&lower, &mut notes).map_err(|err| in_original_case(err, &lower, &text))?;
    let spec = DateSpec::parse(&edtf)?;
    let bounds = spec.bounds()?;
    let note = (!notes.is_empty()).then(|| {
        format!(
            "{text} → {}; {}",
            describe_bounds(&bounds),
            notes.join("; ")
        )
    });
    Ok(DateInput {
        edtf: spec.edtf_text(),
        note,
    })
}

fn read_lower(lower: &str, notes: &mut Vec<&'static str>) -> Result<String, DateInputError> {
    refuse_numeric(lower)?;
    if let Some(edtf) = date_time(lower, notes) {
        return edtf;
    }
    let shape = read_shape(lower, notes)?;
    if shape.has_season() {
        notes.push("meteorological seasons of the northern hemisphere: spring is March to May");
    }
    Ok(shape.edtf())
}

/// Errors quote parts of the lowered text; this puts back the letters as typed.
fn in_original_case(err: DateInputError, lower: &str, original: &str) -> DateInputError {
    let recase = |part: String| match lower.find(part.as_str()) {
        Some(at) => original
            .get(at..at + part.len())
            .map_or(part, str::to_owned),
        None => part,
    };
    // The detail quotes one word, as in `: “dex” is not a month`.
    let recase_quoted = |detail: String| match detail.split_once('“') {
        Some((head, rest)) => match rest.split_once('”') {
            Some((word, tail)) => format!("{head}“{}”{tail}", recase(word.to_owned())),
            None => detail,
        },
        None => detail,
    };
    match err {
        DateInputError::ShortYear { text } => DateInputError::ShortYear { text: recase(text) },
        DateInputError::MissingYear { text } => DateInputError::MissingYear { text: recase(text) },
        DateInputError::Unrecognised { text, detail } => DateInputError::Unrecognised {
            text: recase(text),
            detail: recase_quoted(detail),
        },
        DateInputError::Invalid(DateError::OutOfRange { text }) => {
            DateInputError::Invalid(DateError::OutOfRange { text: recase(text) })
        }
        other => other,
    }
}

/// Trims, collapses white space and unifies dashes: en and em dashes (and the figure dash)
/// become `–`, the range separator; the minus sign and Unicode hyphens become `-`.
fn normalise(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for ch in input.trim().chars() {
        let ch = match ch {
            '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' => '–',
            '\u{2010}' | '\u{2011}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if ch == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(ch);
    }
    out
}

/// Refuses `03/04/2025`, `3.4.2025`, `03-04-2025`, `12/2025` and `2025/12/20`, saying which
/// unambiguous spellings mean what.
fn refuse_numeric(lower: &str) -> Result<(), DateInputError> {
    let is_numeric = lower
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-'));
    if !is_numeric || !lower.contains(['/', '.', '-']) {
        return Ok(());
    }
    let groups: Vec<&str> = lower.split(['/', '.', '-']).collect();
    let ambiguous = |advice: String| DateInputError::Ambiguous {
        text: lower.to_owned(),
        advice,
    };
    let first = groups.first().map_or(0, |g| g.len());
    match (first, groups.as_slice()) {
        // `2025/12/20`, `2025.12.20`: unambiguous, but `/` separates interval ends in EDTF.
        (4, [y, m, d]) if !lower.contains('-') => Err(DateInputError::Unrecognised {
            text: lower.to_owned(),
            detail: format!(": write {y}-{m}-{d} (a slash separates the two ends of an interval)"),
        }),
        // `20-21` is a range of days and is read (and asks for its month) elsewhere.
        (1 | 2, [_, _]) if !lower.contains(['/', '.']) => Ok(()),
        (1 | 2, [m, y]) if y.len() == 4 => Err(ambiguous(format!(
            "write {y}-{m:0>2} or the month's name and the year"
        ))),
        (1 | 2, [a, b, y]) if y.len() == 4 => {
            let mut readings = Vec::new();
            for (day, month, order) in [(a, b, "day first"), (b, a, "month first")] {
                if let (Ok(y), Ok(m), Ok(d)) =
                    (y.parse::<i16>(), month.parse::<i8>(), day.parse::<i8>())
                    && let Ok(date) = civil::Date::new(y, m, d)
                {
                    let reading = format!("{date} or {} ({order})", date.strftime("%-d %b %Y"));
                    if !readings
                        .iter()
                        .any(|r: &String| r.starts_with(&date.to_string()))
                    {
                        readings.push(reading);
                    }
                }
            }
            if readings.is_empty() {
                Err(ambiguous("write e.g. 2025-04-03 or 3 Apr 2025".to_owned()))
            } else {
                Err(ambiguous(format!("write {}", readings.join(", or "))))
            }
        }
        (1 | 2, _) => Err(ambiguous("write e.g. 2025-04-03 or 3 Apr 2025".to_owned())),
        _ => Ok(()),
    }
}

/// `2025-12-20T14:00`, `2025-12-20 14:00:30`, with an optional `Z` or `+03:00`: EDTF wants
/// the seconds and a `T`. `None` when the text does not start like a date and time.
fn date_time(lower: &str, notes: &mut Vec<&'static str>) -> Option<Result<String, DateInputError>> {
    let date = lower.get(..10)?;
    let sep = lower.get(10..11)?;
    let is_iso_date = date.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    let rest = lower.get(11..)?;
    let time_follows = rest.get(..3).is_some_and(|t| t.ends_with(':'));
    if !is_iso_date || !(sep == "t" || sep == " " && time_follows) {
        return None;
    }
    let split = rest.find(['z', '+', '-']).unwrap_or(rest.len());
    let (time, zone) = rest.split_at(split);
    let parts: Vec<&str> = time.split(':').collect();
    let two_digits = |p: &&str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
    let zone_ok = zone.is_empty()
        || zone == "z"
        || (zone.len() == 3 || (zone.len() == 6 && zone.as_bytes()[3] == b':'))
            && zone[1..].bytes().all(|b| b.is_ascii_digit() || b == b':');
    if !(matches!(parts.len(), 2 | 3) && parts.iter().all(two_digits) && zone_ok) {
        return Some(Err(DateInputError::Unrecognised {
            text: lower.to_owned(),
            detail: ": write the time as 14:00 or 14:00:30, optionally with Z or +03:00".to_owned(),
        }));
    }
    let seconds = parts.get(2).copied().unwrap_or("00");
    if zone.is_empty() {
        notes.push("a time without a zone is placed as UTC unless the event has a time zone");
    }
    let zone = zone.to_uppercase();
    Some(Ok(format!(
        "{date}T{}:{}:{seconds}{zone}",
        parts[0], parts[1]
    )))
}
