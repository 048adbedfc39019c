//! The shape of a date field: one date, a range, a week, or a date with "before", "after",
//! "from" or "circa" in front.

use jiff::civil;

use super::DateInputError;
use super::words::{Partial, complete, read_partial, unrecognised};
use crate::model::DateError;

pub(super) enum End {
    Date(Partial),
    /// EDTF empty end: the source gives none.
    Unknown,
    /// EDTF `..`: the span runs on.
    Open,
}

pub(super) enum Shape {
    Single(Partial),
    Interval(End, End),
}

impl Shape {
    pub(super) fn has_season(&self) -> bool {
        let end = |e: &End| matches!(e, End::Date(p) if p.season.is_some());
        match self {
            Self::Single(p) => p.season.is_some(),
            Self::Interval(a, b) => end(a) || end(b),
        }
    }

    pub(super) fn edtf(&self) -> String {
        let end = |e: &End| match e {
            End::Date(p) => p.edtf(),
            End::Unknown => String::new(),
            End::Open => "..".to_owned(),
        };
        match self {
            Self::Single(p) => p.edtf(),
            Self::Interval(a, b) => format!("{}/{}", end(a), end(b)),
        }
    }
}

const APPROXIMATE: [&str; 10] = [
    "~",
    "c.",
    "ca.",
    "c ",
    "ca ",
    "circa ",
    "approx.",
    "approximately ",
    "about ",
    "around ",
];
const WEEK: [&str; 4] = ["week of ", "week beginning ", "week commencing ", "w/c "];
const BEFORE: [&str; 4] = ["before ", "by ", "no later than ", "not after "];
const AFTER: [&str; 4] = ["after ", "since ", "no earlier than ", "not before "];
const OPEN_END: &str = "“after” and “from” are read as EDTF “date/..”: from that day, open end";
const RANGE_WORDS: [&str; 5] = [" to ", " through ", " till ", " until ", " - "];

fn strip_any<'a>(text: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .map(str::trim_start)
}

pub(super) fn read_shape(
    lower: &str,
    notes: &mut Vec<&'static str>,
) -> Result<Shape, DateInputError> {
    let approx_outer = strip_any(lower, &APPROXIMATE);
    let text = approx_outer.unwrap_or(lower);
    let approximate = |mut p: Partial| {
        p.approximate |= approx_outer.is_some();
        p
    };
    if let Some(rest) = strip_any(text, &WEEK) {
        let day = complete(approximate(read_partial(rest)?), rest)?;
        let (Some(date), None) = (day.civil(), day.season) else {
            return Err(DateInputError::Unrecognised {
                text: lower.to_owned(),
                detail: ": “week of” needs a day, e.g. week of 15 Dec 2025".to_owned(),
            });
        };
        // ISO 8601 weeks start on Monday, as do European diplomatic calendars.
        let back = i64::from(date.weekday().to_monday_zero_offset());
        let monday = date.checked_sub(jiff::Span::new().days(back)).ok();
        let sunday = monday.and_then(|m| m.checked_add(jiff::Span::new().days(6)).ok());
        let (Some(monday), Some(sunday)) = (monday, sunday) else {
            return Err(DateError::OutOfRange {
                text: rest.to_owned(),
            }
            .into());
        };
        let at = |d: civil::Date| Partial {
            year: Some(d.year()),
            month: Some(d.month()),
            day: Some(d.day()),
            ..day
        };
        notes.push("weeks run Monday to Sunday");
        return Ok(Shape::Interval(
            End::Date(at(monday)),
            End::Date(at(sunday)),
        ));
    }
    if let Some(rest) = strip_any(text, &BEFORE) {
        notes.push("“before” is read as EDTF “/date”: an unknown start, ending by that day");
        let end = read_single(rest, approximate)?;
        return Ok(Shape::Interval(End::Unknown, End::Date(end)));
    }
    if let Some(rest) = strip_any(text, &AFTER) {
        notes.push(OPEN_END);
        let start = read_single(rest, approximate)?;
        return Ok(Shape::Interval(End::Date(start), End::Open));
    }
    let (text, is_from) = match text.strip_prefix("from ") {
        Some(rest) => (rest.trim_start(), true),
        None => (text, false),
    };
    let (text, between) = match text.strip_prefix("between ") {
        Some(rest) => (rest.trim_start(), true),
        None => (text, false),
    };
    let split = if between {
        text.split_once(" and ")
    } else {
        split_range(text)?
    };
    match split {
        Some((a, b)) => {
            // An empty end is unknown and `..` is open, as in EDTF.
            let date = |side: &str| match side.trim() {
                "" | ".." => Ok(None),
                side => read_partial(side).map(|p| Some(approximate(p))),
            };
            let missing = |side: &str| match side.trim() {
                ".." => End::Open,
                _ => End::Unknown,
            };
            Ok(match (date(a)?, date(b)?) {
                (Some(l), Some(r)) => {
                    let (l, r) = fill_pair(l, r, notes);
                    Shape::Interval(End::Date(complete(l, a)?), End::Date(complete(r, b)?))
                }
                (None, Some(r)) => Shape::Interval(missing(a), End::Date(complete(r, b)?)),
                (Some(l), None) => Shape::Interval(End::Date(complete(l, a)?), missing(b)),
                (None, None) => return Err(unrecognised(lower, "")),
            })
        }
        None if is_from => {
            notes.push(OPEN_END);
            Ok(Shape::Interval(
                End::Date(read_single(text, approximate)?),
                End::Open,
            ))
        }
        None => Ok(Shape::Single(read_single(text, approximate)?)),
    }
}

fn read_single(
    text: &str,
    approximate: impl Fn(Partial) -> Partial,
) -> Result<Partial, DateInputError> {
    let partial = strip_any(text, &APPROXIMATE).map_or_else(
        || read_partial(text),
        |rest| {
            read_partial(rest).map(|p| Partial {
                approximate: true,
                ..p
            })
        },
    )?;
    complete(approximate(partial), text)
}

/// Splits a range at `/`, `–`, ` to `, ` - `, `2019-2021` or the hyphen of `20-21 Dec`.
fn split_range(text: &str) -> Result<Option<(&str, &str)>, DateInputError> {
    if text.matches('/').count() > 1 {
        return Err(unrecognised(
            text,
            ": an interval has one “/” between its two ends",
        ));
    }
    if let Some(pair) = text.split_once('/').or_else(|| text.split_once('–')) {
        return Ok(Some(pair));
    }
    if let Some(pair) = RANGE_WORDS.iter().find_map(|w| text.split_once(w)) {
        return Ok(Some(pair));
    }
    // An unspaced hyphen between a day or year and another: `20-21 dec`, `2019-2021`. The
    // hyphens inside an ISO date have a four-digit run or another hyphen before them.
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('-') {
        let left = bytes[..i]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let right = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let before = i.checked_sub(left + 1).map(|j| bytes[j]);
        let after = bytes.get(i + 1 + right).copied();
        let bounded =
            matches!(before, None | Some(b' ')) && matches!(after, None | Some(b' ' | b','));
        if bounded
            && ((1..=2).contains(&left) && (1..=2).contains(&right) || left == 4 && right == 4)
        {
            return Ok(Some((&text[..i], &text[i + 1..])));
        }
    }
    Ok(None)
}

/// Lets each end of a range borrow what the other states: `20–21 Dec 2025`, `Dec 20–21,
/// 2025`, `2025-12-20/21`, `20 Dec – 3 Jan 2026` (whose start is in 2025).
fn fill_pair(mut l: Partial, mut r: Partial, notes: &mut Vec<&'static str>) -> (Partial, Partial) {
    // Only an end that names its own month can be in another year: `30/02` after
    // 2025-12-30 is a reversed range, not 2 December 2026.
    let (l_named, r_named) = (
        l.month.is_some() || l.season.is_some(),
        r.month.is_some() || r.season.is_some(),
    );
    if r.day.is_some() && r.month.is_none() {
        r.month = l.month;
    }
    if l.day.is_some() && l.month.is_none() {
        l.month = r.month;
    }
    let order = |p: &Partial| (p.month.or(p.season.map(|s| s as i8)), p.day);
    if l.year.is_none()
        && let Some(y) = r.year
    {
        let crosses = l_named && order(&l) > order(&r);
        l.year = Some(if crosses { y - 1 } else { y });
        if crosses {
            notes.push("the start is taken to be in the year before the end");
        }
    } else if r.year.is_none()
        && let Some(y) = l.year
    {
        let crosses = r_named && order(&r) < order(&l);
        r.year = Some(if crosses { y + 1 } else { y });
        if crosses {
            notes.push("the end is taken to be in the year after the start");
        }
    }
    (l, r)
}
