//! Finding date expressions in a sentence's tokens: the loop, explicit dates ("Dec. 20",
//! "20 December 2025", "2025-12-20", "12/20/2025") and bare years. Relative expressions are
//! in `scan_relative.rs`.

use super::expr::{Expr, Found, Part, Qualifier, YearRef};
use super::tokens::{Kind, Token};
use super::words::Words;

/// Lowest and highest bare year after a strong word ("in 1998"): the calendar years news
/// mentions, from the Middle Ages to the next two centuries.
const YEAR_MIN: u32 = 1000;
const YEAR_MAX: u32 = 2199;
/// After a weak word ("the 2024 election", "of 2025") a number is read as a year only
/// from 1950 to 2100: living memory and the plans of this century.
const WEAK_YEAR_MIN: u32 = 1950;
const WEAK_YEAR_MAX: u32 = 2100;

/// The tokens of one sentence and the word lists, with small questions about them.
pub(super) struct Cursor<'a> {
    pub toks: &'a [Token],
    pub w: &'a Words,
}

impl Cursor<'_> {
    pub fn word(&self, i: usize) -> Option<&str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_str())
    }

    pub fn is(&self, i: usize, word: &str) -> bool {
        self.word(i) == Some(word)
    }

    pub fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Token `i` exists and follows the one before without white space.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.spaced)
    }

    pub fn capital(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.capital)
    }

    pub fn number(&self, i: usize) -> Option<u32> {
        self.toks.get(i).and_then(Token::number)
    }

    pub fn digits(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, Token::digits)
    }

    /// A dash or hyphen glued to the token before.
    pub fn dash(&self, i: usize) -> bool {
        (self.punct(i, '-') || self.punct(i, '–')) && self.glued(i)
    }

    /// A count: a number up to 999 or a number word ("two", "a").
    pub fn count(&self, i: usize) -> Option<u32> {
        if let Some(n) = self.number(i) {
            return (self.digits(i) <= 3).then_some(n);
        }
        self.word(i).and_then(|w| self.w.numbers.get(w).copied())
    }

    /// A month name at `i` (capitalised; an abbreviation may take a full stop): its number,
    /// whether it is the full name, and the index after it.
    pub fn month(&self, i: usize) -> Option<(u8, bool, usize)> {
        let &(month, full) = self.w.months.get(self.word(i)?)?;
        if !self.capital(i) {
            return None;
        }
        let after = if !full && self.punct(i + 1, '.') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((month, full, after))
    }

    /// A weekday name at `i` (capitalised; abbreviations only with a full stop, and never
    /// "Sat." or "Sun.", which are more often other words): ISO number and the index after.
    pub fn weekday(&self, i: usize) -> Option<(u8, usize)> {
        let word = self.word(i)?;
        let &(day, full) = self.w.weekdays.get(word)?;
        if !self.capital(i) {
            return None;
        }
        if full {
            return Some((day, i + 1));
        }
        let dotted = self.punct(i + 1, '.') && self.glued(i + 1);
        (dotted && day <= 5).then_some((day, i + 2))
    }

    /// A day of the month at `i`: 1–31 with at most two digits, maybe with "st", "nd", "rd"
    /// or "th", not part of a larger number ("20-point", "20.5", "20%", "10:30").
    pub fn day(&self, i: usize) -> Option<(u8, usize)> {
        let n = self.number(i)?;
        if self.digits(i) > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let mut after = i + 1;
        if self.glued(after) && matches!(self.word(after), Some("st" | "nd" | "rd" | "th")) {
            after += 1;
        }
        if self.glued(after) {
            let joined = [':', '%', '-', '–', '/']
                .iter()
                .any(|&c| self.punct(after, c))
                || (self.punct(after, '.') && self.number(after + 1).is_some())
                || (self.punct(after, ',')
                    && self.glued(after + 1)
                    && self.number(after + 1).is_some());
            let range = (self.punct(after, '-') || self.punct(after, '–'))
                && self.number(after + 1).is_some();
            if joined && !range {
                return None;
            }
        }
        Some((u8::try_from(n).ok()?, after))
    }

    /// A four-digit year at `i` (1000–2199), not part of a larger number.
    pub fn year(&self, i: usize) -> Option<(i32, usize)> {
        let n = self.number(i)?;
        if self.digits(i) != 4 || !(YEAR_MIN..=YEAR_MAX).contains(&n) {
            return None;
        }
        if self.glued(i + 1) && [',', '.', ':', '%'].iter().any(|&c| self.punct(i + 1, c)) {
            let more = self.glued(i + 2) && self.number(i + 2).is_some();
            if more || self.punct(i + 1, '%') {
                return None;
            }
        }
        Some((i32::try_from(n).ok()?, i + 1))
    }

    /// A year after a month or day: "2025", ", 2025" or "of 2025".
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        if self.punct(i, ',') || self.is(i, "of") {
            return self.year(i + 1);
        }
        self.year(i)
    }
}

/// Every date expression of a sentence, left to right, none overlapping.
pub(super) fn scan(c: &Cursor<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.toks.len() {
        match qualified(c, i) {
            Some(found) => {
                i = found.end.max(i + 1);
                out.push(found);
            }
            None => i += 1,
        }
    }
    out
}

/// An expression at `i`, with "around" or "possibly" before it when there is one.
fn qualified(c: &Cursor<'_>, i: usize) -> Option<Found> {
    let word = c.word(i);
    let qualifier = match word {
        Some(w) if c.w.approximate.contains(w) => Qualifier::Approximate,
        Some(w) if c.w.uncertain.contains(w) => Qualifier::Uncertain,
        _ => Qualifier::Exact,
    };
    if qualifier != Qualifier::Exact
        && let Some((expr, end)) = expression(c, i + 1)
    {
        return Some(Found {
            first: i,
            end,
            expr,
            qualifier,
        });
    }
    let (expr, end) = expression(c, i)?;
    Some(Found {
        first: i,
        end,
        expr,
        qualifier: Qualifier::Exact,
    })
}

fn expression(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    weekday_date(c, i)
        .or_else(|| explicit(c, i))
        .or_else(|| super::scan_relative::relative(c, i))
        .or_else(|| bare_year(c, i))
}

/// "Friday, Dec. 19": the explicit date, its span taking the weekday.
fn weekday_date(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let (_, after) = c.weekday(i)?;
    let next = if c.punct(after, ',') {
        after + 1
    } else {
        after
    };
    match explicit(c, next)? {
        (expr @ Expr::Date { .. }, end) => Some((expr, end)),
        _ => None,
    }
}

/// Explicit dates: ISO, US numeric, month first, day first.
pub(super) fn explicit(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    iso(c, i)
        .or_else(|| numeric(c, i))
        .or_else(|| holiday(c, i))
        .or_else(|| month_first(c, i))
        .or_else(|| day_first(c, i))
}

/// "2025-12-20", "2025-12", and year ranges "1998-2000".
fn iso(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let (year, _) = c.year(i)?;
    if !c.dash(i + 1) || !c.glued(i + 2) {
        return None;
    }
    if c.digits(i + 2) == 4 {
        let (to, end) = c.year(i + 2)?;
        return (to > year && to - year <= 100).then_some((Expr::Years(year, to), end));
    }
    let month = u8::try_from(c.number(i + 2)?).ok()?;
    if c.digits(i + 2) != 2 || !(1..=12).contains(&month) {
        return None;
    }
    if c.dash(i + 3) && c.glued(i + 4) && c.digits(i + 4) == 2 {
        let day = u8::try_from(c.number(i + 4)?).ok()?;
        let date = Expr::Date {
            year: Some(year),
            month,
            day,
            day_end: None,
        };
        return Some((date, i + 5));
    }
    let month = Expr::Month {
        year: YearRef::Abs(year),
        month,
        part: Part::Whole,
    };
    Some((month, i + 3))
}

/// "12/20/2025" and "12/20/25", month first (US style); "20/12/2025" when the first
/// number cannot be a month; "20.12.2025", day first (European style).
fn numeric(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let first = c.number(i)?;
    let second = c.number(i + 2)?;
    let year = c.number(i + 4)?;
    let slash = c.punct(i + 1, '/') && c.punct(i + 3, '/');
    let dot = c.punct(i + 1, '.') && c.punct(i + 3, '.') && c.digits(i + 4) == 4;
    let shape = c.digits(i) <= 2
        && c.digits(i + 2) <= 2
        && matches!(c.digits(i + 4), 2 | 4)
        && (1..=4).all(|k| c.glued(i + k))
        && (slash || dot)
        && !(c.glued(i + 5) && (c.punct(i + 5, '/') || c.punct(i + 5, '.')) && c.glued(i + 6));
    if !shape {
        return None;
    }
    let (month, day) = if dot || first > 12 {
        (second, first)
    } else {
        (first, second)
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Two-digit years: 50–99 are the 1900s, 00–49 the 2000s.
    let year = match (c.digits(i + 4), year) {
        (2, y) if y >= 50 => 1900 + y,
        (2, y) => 2000 + y,
        (_, y) => y,
    };
    let date = Expr::Date {
        year: Some(i32::try_from(year).ok()?),
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
        day_end: None,
    };
    Some((date, i + 5))
}

/// "Christmas", "Christmas Eve", "New Year's Day", "New Year's Eve", "Boxing Day": fixed
/// days (their year as for a date without one).
fn holiday(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let date = |month, day, end| {
        let expr = Expr::Date {
            year: None,
            month,
            day,
            day_end: None,
        };
        Some((expr, end))
    };
    if !c.capital(i) {
        return None;
    }
    let apostrophe = |k: usize| c.punct(k, '’') || c.punct(k, '\'');
    match c.word(i)? {
        "christmas" if c.is(i + 1, "eve") => date(12, 24, i + 2),
        "christmas" if c.is(i + 1, "day") => date(12, 25, i + 2),
        "christmas" => date(12, 25, i + 1),
        "boxing" if c.is(i + 1, "day") => date(12, 26, i + 2),
        "new" if c.is(i + 1, "year") && apostrophe(i + 2) && c.is(i + 3, "s") => {
            match c.word(i + 4) {
                Some("eve") => date(12, 31, i + 5),
                Some("day") => date(1, 1, i + 5),
                _ => None,
            }
        }
        _ => None,
    }
}

/// "December 20", "Dec. 20, 2025", "Dec 20-21", "December 2025", "December".
fn month_first(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let (month, full, after) = c.month(i)?;
    if let Some((day, mut end)) = c.day(after) {
        let mut day_end = None;
        if c.dash(end)
            && let Some((last, e)) = c.day(end + 1)
            && last > day
        {
            day_end = Some(last);
            end = e;
        }
        let (year, end) = match c.year_after(end) {
            Some((y, e)) => (Some(y), e),
            None => (None, end),
        };
        let date = Expr::Date {
            year,
            month,
            day,
            day_end,
        };
        return Some((date, end));
    }
    if let Some((year, end)) = c.year_after(after) {
        let expr = Expr::Month {
            year: YearRef::Abs(year),
            month,
            part: Part::Whole,
        };
        return Some((expr, end));
    }
    if full && bare_month_allowed(c, i, month) {
        let expr = Expr::Month {
            year: YearRef::ByTense,
            month,
            part: Part::Whole,
        };
        return Some((expr, after));
    }
    None
}

/// A month name alone is a date unless it is "May" or "March" without a date word before
/// it ("Theresa May said", "March organisers").
fn bare_month_allowed(c: &Cursor<'_>, i: usize, month: u8) -> bool {
    if !matches!(month, 3 | 5) {
        return true;
    }
    let before = i.checked_sub(1).and_then(|j| c.word(j));
    before.is_some_and(|b| {
        matches!(
            b,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "from"
                | "through"
                | "during"
                | "before"
                | "after"
                | "early"
                | "mid"
                | "late"
                | "of"
                | "last"
                | "next"
                | "this"
                | "end"
                | "and"
                | "or"
                | "to"
        )
    })
}

/// "20 December 2025", "20th of December", "20-21 December".
fn day_first(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let (day, mut after) = c.day(i)?;
    let mut day_end = None;
    if c.dash(after)
        && let Some((last, e)) = c.day(after + 1)
        && last > day
    {
        day_end = Some(last);
        after = e;
    }
    if c.is(after, "of") {
        after += 1;
    }
    let (month, _, after) = c.month(after)?;
    let (year, end) = match c.year_after(after) {
        Some((y, e)) => (Some(y), e),
        None => (None, after),
    };
    let date = Expr::Date {
        year,
        month,
        day,
        day_end,
    };
    Some((date, end))
}

/// Bare years ("in 1998", "the 2024 election", "1998's"), decades ("the 1990s", "the
/// ’90s") and a year after "early", "mid-" or "late" is read in `scan_relative.rs`.
fn bare_year(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    if let Some(decade) = decade(c, i) {
        return Some(decade);
    }
    let (year, end) = c.year(i)?;
    if c.glued(i) && i > 0 {
        // "$2025", "#2025", "A2025".
        return None;
    }
    if c.dash(end) && c.word(end + 1).is_some() {
        // "2025-point".
        return None;
    }
    if c.word(end)
        .is_some_and(|w| c.w.year_not_before.contains(w) || c.w.zones.contains(w))
    {
        return None;
    }
    let possessive =
        (c.punct(end, '’') || c.punct(end, '\'')) && c.glued(end) && c.is(end + 1, "s");
    let before = i.checked_sub(1).and_then(|j| c.word(j));
    let strong = before.is_some_and(|b| c.w.year_before.contains(b));
    let weak = before.is_some_and(|b| c.w.year_before_weak.contains(b))
        && u32::try_from(year).is_ok_and(|y| (WEAK_YEAR_MIN..=WEAK_YEAR_MAX).contains(&y));
    let after_year = i >= 2 && c.year(i - 2).is_some();
    (strong || weak || possessive || after_year).then_some((
        Expr::Year {
            year: YearRef::Abs(year),
            part: Part::Whole,
        },
        end,
    ))
}

/// "1990s" (a four-digit number ending in 0 with a glued "s") and "’90s".
pub(super) fn decade(c: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    if (c.punct(i, '’') || c.punct(i, '\''))
        && c.glued(i + 1)
        && c.digits(i + 1) == 2
        && c.glued(i + 2)
        && c.is(i + 2, "s")
    {
        let n = i32::try_from(c.number(i + 1)?).ok()?;
        if n % 10 != 0 {
            return None;
        }
        // "’90s" is the 1990s, "’20s" the 2020s: two-digit decades from 30 on are last century's.
        let century = if n >= 30 { 190 } else { 200 };
        return Some((Expr::Decade(century + n / 10), i + 3));
    }
    let n = c.number(i)?;
    if c.digits(i) == 4
        && n % 10 == 0
        && c.glued(i + 1)
        && c.is(i + 1, "s")
        && (YEAR_MIN..=YEAR_MAX).contains(&n)
    {
        return Some((Expr::Decade(i32::try_from(n / 10).ok()?), i + 2));
    }
    None
}
