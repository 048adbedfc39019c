//! Relative date expressions: "yesterday", "on Friday", "last weekend", "two weeks ago",
//! "earlier this month", "mid-November", "early next year", "the third quarter", "in the
//! coming days". Each matcher returns the expression and the index after its last token.

use super::expr::{Expr, Part, Unit, Which, YearRef};
use super::scan::{Cursor, decade};

/// The relative expression starting at token `i`, if any.
pub(super) fn relative(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let Some(word) = c.word(i) else {
        return ago(c, i);
    };
    match word {
        "today" | "tonight" | "yesterday" | "tomorrow" => day_word(c, i),
        // "an overnight stay" is a duration, not the night before.
        "overnight" if !(i > 0 && matches!(c.word(i - 1), Some("a" | "an"))) => {
            Some((Expr::Overnight, i + 1))
        }
        "this" | "last" | "next" => modified(c, i, word),
        "over" if c.is(i + 1, "the") && c.is(i + 2, "weekend") => {
            Some((Expr::Weekend(Which::Over), i + 3))
        }
        "over" | "in" if c.is(i + 1, "the") => coming(c, i + 2),
        "in" => in_n(c, i),
        "the" => the(c, i),
        "within" => within(c, i + 1),
        "earlier" | "later" => earlier_later(c, i, word == "earlier"),
        "early" | "mid" | "late" => part_of(c, i, word),
        "q" if c.glued(i + 1) => quarter_q(c, i),
        _ => weekday(c, i)
            .or_else(|| season(c, i))
            .or_else(|| ago(c, i))
            .or_else(|| ordinal_period(c, i, YearRef::ByTense)),
    }
}

/// "today", "yesterday", "tomorrow", "tonight", with a part of the day after them
/// ("yesterday afternoon").
fn day_word(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let offset = match c.word(i)? {
        "today" | "tonight" => 0,
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => return None,
    };
    Some((Expr::DayOffset(offset), part_of_day(c, i + 1)))
}

/// "in two weeks", "in 10 days' time": a date only in a future clause (resolve.rs).
fn in_n(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let n = c.count(i + 1)?;
    let unit = unit(c, i + 2)?;
    let mut end = i + 3;
    if (c.punct(end, '’') || c.punct(end, '\'')) && c.is(end + 1, "time") {
        end += 2;
    } else if (c.punct(end, '’') || c.punct(end, '\''))
        && c.is(end + 1, "s")
        && c.is(end + 2, "time")
    {
        end += 3;
    }
    Some((Expr::In { n, unit }, end))
}

/// "this", "last" or "next" followed by a period word.
fn modified(c: &Cursor<'_>, i: usize, word: &str) -> Option<(Expr, usize)> {
    if c.glued(i + 1) {
        // "last-minute", "next-generation".
        return None;
    }
    let (offset, which, year) = match word {
        "this" => (0, Which::This, YearRef::Rel(0)),
        "last" => (-1, Which::Last, YearRef::Last),
        _ => (1, Which::Next, YearRef::Next),
    };
    let mut j = i + 1;
    let mut which = which;
    let mut offset = offset;
    if word == "this" && c.is(j, "past") {
        (which, offset, j) = (Which::Last, -1, j + 1);
    } else if word == "this" && c.is(j, "coming") {
        j += 1;
    }
    let next = c.word(j)?;
    let expr = match next {
        "night" if word == "last" => Expr::DayOffset(-1),
        "morning" | "afternoon" | "evening" if word == "this" => Expr::DayOffset(0),
        "weekend" => Expr::Weekend(which),
        "week" => Expr::Week {
            offset,
            part: Part::Whole,
        },
        "month" => Expr::MonthRel {
            offset,
            part: Part::Whole,
        },
        "year" => Expr::Year {
            year: YearRef::Rel(offset),
            part: Part::Whole,
        },
        "quarter" => Expr::QuarterRel(offset),
        _ => {
            if let Some((day, end)) = c.weekday(j) {
                let end = part_of_day(c, end);
                return Some((Expr::Weekday { day, which }, end));
            }
            if let Some((month, true, end)) = c.month(j) {
                let part = Part::Whole;
                return Some((Expr::Month { year, month, part }, end));
            }
            let &season = c.w.seasons.get(next)?;
            return Some((Expr::Season { season, year }, j + 1));
        }
    };
    Some((expr, j + 1))
}

/// A weekday, with "morning", "evening" … after it: "Friday", "Friday night".
fn weekday(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let (day, end) = c.weekday(i)?;
    // "Good Friday Agreement", "Super Tuesday", "Bloody Sunday" are names.
    if i > 0
        && c.word(i - 1)
            .is_some_and(|w| c.w.not_weekday_after.contains(w))
    {
        return None;
    }
    let which = Which::Bare;
    Some((Expr::Weekday { day, which }, part_of_day(c, end)))
}

fn part_of_day(c: &Cursor<'_>, i: usize) -> usize {
    match c.word(i) {
        Some(w) if c.w.parts_of_day.contains(w) => i + 1,
        _ => i,
    }
}

/// Expressions that start with "the".
fn the(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let next = c.word(i + 1)?;
    match next {
        "weekend" => Some((Expr::Weekend(Which::Bare), i + 2)),
        "past" if c.is(i + 2, "weekend") => Some((Expr::Weekend(Which::Last), i + 3)),
        "coming" if c.is(i + 2, "weekend") => Some((Expr::Weekend(Which::This), i + 3)),
        "day" if c.is(i + 2, "before") && c.is(i + 3, "yesterday") => {
            Some((Expr::DayOffset(-2), i + 4))
        }
        "day" if c.is(i + 2, "after") && c.is(i + 3, "tomorrow") => {
            Some((Expr::DayOffset(2), i + 4))
        }
        "end" | "beginning" | "start" if c.is(i + 2, "of") => end_of(c, i, next == "end"),
        "coming" | "next" => coming(c, i + 1),
        "current" => period(c, i + 2, 0, Part::Whole),
        _ => ordinal_period(c, i + 1, YearRef::ByTense).or_else(|| season(c, i + 1)),
    }
}

/// After "in the" or "over the": "coming days", "next few days", "next two weeks".
fn coming(c: &Cursor<'_>, j: usize) -> Option<(Expr, usize)> {
    let first = c.word(j)?;
    if first == "coming" && c.is(j + 1, "days") {
        return Some((Expr::ComingDays, j + 2));
    }
    if first == "next" && c.is(j + 1, "few") && c.is(j + 2, "days") {
        return Some((Expr::ComingDays, j + 3));
    }
    if first == "next" {
        let n = c.count(j + 1)?;
        let unit = unit(c, j + 2)?;
        return Some((Expr::Within { n, unit }, j + 3));
    }
    None
}

/// "within 30 days", "within a week".
fn within(c: &Cursor<'_>, j: usize) -> Option<(Expr, usize)> {
    let n = c.count(j)?;
    let unit = unit(c, j + 1)?;
    Some((Expr::Within { n, unit }, j + 2))
}

fn unit(c: &Cursor<'_>, i: usize) -> Option<Unit> {
    let word = c.word(i)?;
    let &days = c.w.units.get(word)?;
    Some(match (days, word.starts_with("month")) {
        (1, _) => Unit::Day,
        (7, _) => Unit::Week,
        (_, true) => Unit::Month,
        _ => Unit::Year,
    })
}

/// "two weeks ago", "a year ago", "10 days ago".
fn ago(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let n = c.count(i)?;
    let unit = unit(c, i + 1)?;
    c.is(i + 2, "ago").then_some((Expr::Ago { n, unit }, i + 3))
}

/// "earlier this week", "later this month", "later in the year", "earlier today".
fn earlier_later(c: &Cursor<'_>, i: usize, earlier: bool) -> Option<(Expr, usize)> {
    let part = if earlier { Part::Earlier } else { Part::Later };
    if c.is(i + 1, "today") || c.is(i + 1, "tonight") {
        return Some((Expr::DayOffset(0), i + 2));
    }
    let j = if c.is(i + 1, "this") || (c.is(i + 1, "in") && c.is(i + 2, "the")) {
        if c.is(i + 1, "this") { i + 2 } else { i + 3 }
    } else {
        return None;
    };
    period(c, j, 0, part)
}

/// "week", "month" or "year" at `j`, as the given part of the period `offset` away.
fn period(c: &Cursor<'_>, j: usize, offset: i32, part: Part) -> Option<(Expr, usize)> {
    let expr = match c.word(j)? {
        "week" => Expr::Week { offset, part },
        "month" => Expr::MonthRel { offset, part },
        "year" => Expr::Year {
            year: YearRef::Rel(offset),
            part,
        },
        "quarter" if part == Part::Whole => Expr::QuarterRel(offset),
        _ => return None,
    };
    Some((expr, j + 1))
}

/// "early December", "mid-November", "late 2025", "early next year", "late on Monday",
/// "late Monday".
fn part_of(c: &Cursor<'_>, i: usize, word: &str) -> Option<(Expr, usize)> {
    let part = match word {
        "early" => Part::Early,
        "mid" => Part::Mid,
        _ => Part::Late,
    };
    let mut j = i + 1;
    if c.punct(j, '-') {
        j += 1;
    } else if word == "mid" {
        return None;
    }
    if part != Part::Mid && c.is(j, "on") && c.weekday(j + 1).is_some() {
        j += 1;
    }
    with_part(c, j, part)
}

/// The period after "early", "mid-", "late" or "the end of".
fn with_part(c: &Cursor<'_>, j: usize, part: Part) -> Option<(Expr, usize)> {
    // "the late 1980s": EDTF has no part of a decade; the decade it is.
    if let Some(decade) = decade(c, j) {
        return Some(decade);
    }
    if matches!(part, Part::Early | Part::Late)
        && let Some(day) = day_word(c, j)
    {
        return Some(day);
    }
    if let Some((month, _, after)) = c.month(j) {
        let (year, end) = match c.year(after) {
            Some((y, e)) => (YearRef::Abs(y), e),
            None => (YearRef::ByTense, after),
        };
        return Some((Expr::Month { year, month, part }, end));
    }
    if let Some((year, end)) = c.year(j) {
        let year = YearRef::Abs(year);
        return Some((Expr::Year { year, part }, end));
    }
    if part != Part::Mid
        && let Some((Expr::Weekday { day, which }, end)) = weekday(c, j)
    {
        return Some((Expr::Weekday { day, which }, end));
    }
    let offset = match c.word(j)? {
        "this" | "the" => 0,
        "last" => -1,
        "next" => 1,
        _ => return None,
    };
    period(c, j + 1, offset, part)
}

/// "the end of the year", "the beginning of next month", "the end of December".
fn end_of(c: &Cursor<'_>, i: usize, end: bool) -> Option<(Expr, usize)> {
    let part = if end { Part::Late } else { Part::Early };
    let (expr, after) = with_part(c, i + 3, part)?;
    match expr {
        Expr::Weekday { .. } => None,
        // "The end of the year" is its December, "the beginning of the year" its January:
        // a third of a year is too wide for either.
        Expr::Year {
            year: YearRef::Abs(y),
            ..
        } => Some((month_of(YearRef::Abs(y), end), after)),
        Expr::Year {
            year: YearRef::Rel(k),
            ..
        } => Some((month_of(YearRef::Rel(k), end), after)),
        Expr::Week { offset, .. } if end => Some((
            Expr::Week {
                offset,
                part: Part::Late,
            },
            after,
        )),
        _ => Some((expr, after)),
    }
}

fn month_of(year: YearRef, end: bool) -> Expr {
    Expr::Month {
        year,
        month: if end { 12 } else { 1 },
        part: Part::Whole,
    }
}

/// "third quarter", "first-quarter", "the first half of 2026", with the year after them.
fn ordinal_period(c: &Cursor<'_>, i: usize, default: YearRef) -> Option<(Expr, usize)> {
    let &n = c.w.ordinals.get(c.word(i)?)?;
    let mut j = i + 1;
    if c.punct(j, '-') {
        j += 1;
    }
    let noun = c.word(j)?;
    if noun != "quarter" && noun != "half" {
        return None;
    }
    let (year, end) = year_of(c, j + 1);
    let year = year.unwrap_or(default);
    match noun {
        "quarter" if (1..=4).contains(&n) => Some((Expr::Quarter { quarter: n, year }, end)),
        // "the first half" of a match or a speech is not a date: a half needs its year.
        "half" if (1..=2).contains(&n) && end > j + 1 => Some((Expr::Half { half: n, year }, end)),
        _ => None,
    }
}

/// "Q3", "Q3 2025".
fn quarter_q(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let n = c.number(i + 1)?;
    if c.digits(i + 1) != 1 || !(1..=4).contains(&n) || !c.capital(i) {
        return None;
    }
    let (year, end) = year_of(c, i + 2);
    let quarter = u8::try_from(n).ok()?;
    Some((
        Expr::Quarter {
            quarter,
            year: year.unwrap_or(YearRef::ByTense),
        },
        end,
    ))
}

/// The year after a quarter, half or season: "of 2025", "2025", "of this year", "of
/// the year", "of last year".
fn year_of(c: &Cursor<'_>, j: usize) -> (Option<YearRef>, usize) {
    if let Some((y, end)) = c.year(j) {
        return (Some(YearRef::Abs(y)), end);
    }
    if !c.is(j, "of") {
        return (None, j);
    }
    if let Some((y, end)) = c.year(j + 1) {
        return (Some(YearRef::Abs(y)), end);
    }
    let offset = match c.word(j + 1) {
        Some("this" | "the") => 0,
        Some("last") => -1,
        Some("next") => 1,
        _ => return (None, j),
    };
    if c.is(j + 2, "year") {
        (Some(YearRef::Rel(offset)), j + 3)
    } else {
        (None, j)
    }
}

/// "spring 2025", "the summer of 2024", "in winter"; a season alone needs "in" or "the"
/// before it ("a spring offensive" is not a date).
fn season(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let &season = c.w.seasons.get(c.word(i)?)?;
    let (year, end) = year_of(c, i + 1);
    if let Some(year) = year {
        return Some((Expr::Season { season, year }, end));
    }
    if c.is(i + 1, "of") {
        // "the fall of Kabul", "the summer of discontent".
        return None;
    }
    let before = i.checked_sub(1).and_then(|j| c.word(j));
    matches!(before, Some("in" | "the" | "during" | "until" | "by")).then_some((
        Expr::Season {
            season,
            year: YearRef::ByTense,
        },
        i + 1,
    ))
}
