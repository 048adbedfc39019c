//! Resolving an expression against an anchor day (the publication date, or the day a
//! statement was made) and the clause's tense, as `shared/docs/reading-reports.md` says,
//! into an EDTF value. Weeks are ISO weeks, Monday to Sunday.

use jiff::civil::Date;

use super::expr::{Expr, Part, Qualifier, Unit, Which, YearRef};
use crate::intake::Tense;

/// What an expression resolves to, before it is written as EDTF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Value {
    Day(Date),
    Days(Date, Date),
    Month(i32, u8),
    Months((i32, u8), (i32, u8)),
    Year(i32),
    Years(i32, i32),
    Season(i32, u8),
    /// The decade's first three digits: 199 is `199X`.
    Decade(i32),
}

/// "In the coming days": from the anchor to about a week later (7 days, marked `~`).
const COMING_DAYS: i64 = 7;

fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

fn add_months(year: i32, month: u8, months: i32) -> Option<(i32, u8)> {
    let index = year.checked_mul(12)? + i32::from(month) - 1 + months;
    Some((
        index.div_euclid(12),
        u8::try_from(index.rem_euclid(12) + 1).ok()?,
    ))
}

fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

fn last_day(year: i32, month: u8) -> Option<u8> {
    Some(u8::try_from(ymd(year, month, 1)?.days_in_month()).unwrap_or(28))
}

/// ISO weekday number, Monday 1 – Sunday 7.
fn iso_weekday(date: Date) -> u8 {
    u8::try_from(date.weekday().to_monday_one_offset()).unwrap_or(1)
}

fn monday_of(date: Date) -> Option<Date> {
    add_days(date, -i64::from(iso_weekday(date) - 1))
}

fn year_of(date: Date) -> i32 {
    i32::from(date.year())
}

fn month_of(date: Date) -> u8 {
    u8::try_from(date.month()).unwrap_or(1)
}

/// Past and no cue read backwards; present and future forwards ("meets on Tuesday").
fn forward(tense: Option<Tense>) -> bool {
    matches!(tense, Some(Tense::Future | Tense::Present))
}

/// The value of `expr` said on `anchor` in a clause of `tense` (`None`: no verb near).
pub(super) fn resolve(expr: Expr, anchor: Date, tense: Option<Tense>) -> Option<Value> {
    let (y, m) = (year_of(anchor), month_of(anchor));
    match expr {
        Expr::Date {
            year,
            month,
            day,
            day_end,
        } => date(anchor, (year, month, day, day_end), tense),
        Expr::Month { year, month, part } => {
            let year = month_year(anchor, year, month, tense);
            part_of_month(year, month, part, None)
        }
        Expr::MonthRel { offset, part } => {
            let (year, month) = add_months(y, m, offset)?;
            part_of_month(year, month, part, (offset == 0).then_some(anchor))
        }
        Expr::Year { year, part } => {
            let year = match year {
                YearRef::Abs(year) => year,
                YearRef::Rel(k) => y + k,
                YearRef::ByTense | YearRef::Last | YearRef::Next => return None,
            };
            part_of_year(year, part, (year == y).then_some(anchor))
        }
        Expr::Years(a, b) => Some(Value::Years(a, b)),
        Expr::Decade(d) => Some(Value::Decade(d)),
        Expr::DayOffset(n) => add_days(anchor, n).map(Value::Day),
        Expr::Overnight => Some(Value::Days(add_days(anchor, -1)?, anchor)),
        Expr::Weekday { day, which } => weekday(anchor, day, which, tense).map(Value::Day),
        Expr::Weekend(which) => {
            let saturday = weekend(anchor, which, tense)?;
            Some(Value::Days(saturday, add_days(saturday, 1)?))
        }
        Expr::Week { offset, part } => week(anchor, offset, part),
        Expr::Ago { n, unit } => ago(anchor, i64::from(n), unit),
        Expr::Within { n, unit } => {
            let n = i64::from(n);
            let end = match unit {
                Unit::Day => add_days(anchor, n)?,
                Unit::Week => add_days(anchor, n * 7)?,
                Unit::Month => anchor
                    .checked_add(jiff::Span::new().try_months(n).ok()?)
                    .ok()?,
                Unit::Year => anchor
                    .checked_add(jiff::Span::new().try_years(n).ok()?)
                    .ok()?,
            };
            Some(Value::Days(anchor, end))
        }
        Expr::In { n, unit } if forward(tense) => {
            let n = i32::try_from(n).ok()?;
            match unit {
                Unit::Day => add_days(anchor, i64::from(n)).map(Value::Day),
                Unit::Week => week(anchor, n, Part::Whole),
                Unit::Month => add_months(y, m, n).map(|(y, m)| Value::Month(y, m)),
                Unit::Year => Some(Value::Year(y + n)),
            }
        }
        Expr::ComingDays => Some(Value::Days(anchor, add_days(anchor, COMING_DAYS)?)),
        Expr::Quarter { quarter, year } => {
            let first = 3 * quarter - 2;
            let year = period_year(anchor, year, (first, 3), tense)?;
            Some(Value::Months((year, first), (year, first + 2)))
        }
        Expr::QuarterRel(offset) => {
            let first = (m - 1) / 3 * 3 + 1;
            let (year, first) = add_months(y, first, 3 * offset)?;
            Some(Value::Months((year, first), (year, first + 2)))
        }
        Expr::Half { half, year } => {
            let first = 6 * half - 5;
            let year = period_year(anchor, year, (first, 6), tense)?;
            Some(Value::Months((year, first), (year, first + 5)))
        }
        Expr::Season { season, year } if (21..=24).contains(&season) => {
            // Meteorological seasons: spring starts in March, winter in December.
            let first = 3 * (season - 20);
            let year = period_year(anchor, year, (first, 3), tense)?;
            Some(Value::Season(year, season))
        }
        // "in two days" in a past clause is a duration; a season code outside 21–24 comes
        // only from a broken word list.
        Expr::In { .. } | Expr::Season { .. } => None,
    }
}

/// A date without a year is the occurrence nearest to the anchor, unless the clause's tense
/// says otherwise and the occurrence it points to is under [`TENSE_DAYS`] away ("agreed on
/// March 11" in a December report is last March, though next March is nearer).
const TENSE_DAYS: i64 = 300;

/// An explicit date; without a year, as [`TENSE_DAYS`] says.
fn date(
    anchor: Date,
    (year, month, day, end): (Option<i32>, u8, u8, Option<u8>),
    tense: Option<Tense>,
) -> Option<Value> {
    let year = if let Some(year) = year {
        year
    } else {
        let y = year_of(anchor);
        // Signed days from the anchor to the occurrence in each candidate year.
        let offsets: Vec<(i64, i32)> = [y - 1, y, y + 1]
            .into_iter()
            .filter_map(|year| {
                let d = ymd(year, month, day)?;
                Some((anchor.until(d).ok()?.get_days().into(), year))
            })
            .collect();
        let nearest = offsets.iter().min_by_key(|(d, _)| d.abs())?;
        let by_tense = match tense {
            Some(Tense::Past) => offsets
                .iter()
                .filter(|(d, _)| *d <= 0)
                .max_by_key(|(d, _)| *d),
            Some(Tense::Future) => offsets
                .iter()
                .filter(|(d, _)| *d >= 0)
                .min_by_key(|(d, _)| *d),
            _ => None,
        };
        match by_tense {
            Some(&(d, year)) if d.abs() < TENSE_DAYS => year,
            _ => nearest.1,
        }
    };
    let first = ymd(year, month, day)?;
    match end {
        Some(last) => Some(Value::Days(first, ymd(year, month, last)?)),
        None => Some(Value::Day(first)),
    }
}

/// The year of a named month: past clause, the most recent such month up to the anchor's;
/// future, the next one from the anchor's on; otherwise the nearer of the two.
fn month_year(anchor: Date, year: YearRef, month: u8, tense: Option<Tense>) -> i32 {
    let (y, m) = (year_of(anchor), month_of(anchor));
    let past = if month <= m { y } else { y - 1 };
    let future = if month >= m { y } else { y + 1 };
    match year {
        YearRef::Abs(year) => year,
        YearRef::Rel(k) => y + k,
        YearRef::Last => {
            if month < m {
                y
            } else {
                y - 1
            }
        }
        YearRef::Next => {
            if month > m {
                y
            } else {
                y + 1
            }
        }
        YearRef::ByTense => match tense {
            Some(Tense::Past) => past,
            Some(Tense::Future) => future,
            _ => {
                let back = (y - past) * 12 + i32::from(m) - i32::from(month);
                let ahead = (future - y) * 12 + i32::from(month) - i32::from(m);
                if ahead < back { future } else { past }
            }
        },
    }
}

/// The year of a quarter, half or season starting in month `first` and lasting `months`.
/// By tense: past or none, the most recent such period that began by the anchor; future,
/// the one under way at the anchor or the next. "last"/"next": the one that ended before
/// / begins after the anchor. A winter belongs to the year of its December.
fn period_year(
    anchor: Date,
    year: YearRef,
    (first, months): (u8, u8),
    tense: Option<Tense>,
) -> Option<i32> {
    let y = year_of(anchor);
    let start = |year: i32| ymd(year, first, 1);
    let end = |year: i32| -> Option<Date> {
        let (ey, em) = add_months(year, first, i32::from(months) - 1)?;
        ymd(ey, em, last_day(ey, em)?)
    };
    let containing_or_before = || -> Option<i32> {
        (y - 1..=y)
            .rev()
            .find(|&k| start(k).is_some_and(|s| s <= anchor))
    };
    Some(match year {
        YearRef::Abs(year) => year,
        YearRef::Rel(k) => {
            // "this winter" in January is the winter that began last December.
            let this = if first == 12 && month_of(anchor) <= 2 {
                y - 1
            } else {
                y
            };
            this + k
        }
        YearRef::Last => (y - 2..=y)
            .rev()
            .find(|&k| end(k).is_some_and(|e| e < anchor))?,
        YearRef::Next => (y..=y + 1).find(|&k| start(k).is_some_and(|s| s > anchor))?,
        YearRef::ByTense if tense == Some(Tense::Future) => {
            (y - 1..=y + 1).find(|&k| end(k).is_some_and(|e| e >= anchor))?
        }
        YearRef::ByTense => containing_or_before()?,
    })
}

/// A month, or a part of it: early 1–10, mid 11–20, late 21–end; "earlier"/"later" this
/// month around the anchor.
fn part_of_month(year: i32, month: u8, part: Part, anchor: Option<Date>) -> Option<Value> {
    let last = last_day(year, month)?;
    let days = |a: u8, b: u8| Some(Value::Days(ymd(year, month, a)?, ymd(year, month, b)?));
    match part {
        Part::Whole => Some(Value::Month(year, month)),
        Part::Early => days(1, 10),
        Part::Mid => days(11, 20),
        Part::Late => days(21, last),
        Part::Earlier | Part::Later => {
            let anchor = anchor?;
            let (first, end) = (ymd(year, month, 1)?, ymd(year, month, last)?);
            around(anchor, first, end, part == Part::Earlier)
        }
    }
}

/// From `first` to the day before `anchor` (earlier), or from the day after it to `end`
/// (later); the anchor alone when it is the first or last day.
fn around(anchor: Date, first: Date, end: Date, earlier: bool) -> Option<Value> {
    if earlier {
        let before = add_days(anchor, -1)?;
        Some(if before < first {
            Value::Day(anchor)
        } else {
            Value::Days(first, before)
        })
    } else {
        let after = add_days(anchor, 1)?;
        Some(if after > end {
            Value::Day(anchor)
        } else {
            Value::Days(after, end)
        })
    }
}

/// A year, or a part of it: early January–April, mid May–August, late September–December.
fn part_of_year(year: i32, part: Part, anchor: Option<Date>) -> Option<Value> {
    let months = |a: u8, b: u8| Some(Value::Months((year, a), (year, b)));
    match part {
        Part::Whole => Some(Value::Year(year)),
        Part::Early => months(1, 4),
        Part::Mid => months(5, 8),
        Part::Late => months(9, 12),
        Part::Earlier | Part::Later => around(
            anchor?,
            ymd(year, 1, 1)?,
            ymd(year, 12, 31)?,
            part == Part::Earlier,
        ),
    }
}

/// A week `offset` weeks from the anchor's, or a part of it: early Monday–Wednesday, late
/// Thursday–Sunday; "earlier"/"later" this week around the anchor.
fn week(anchor: Date, offset: i32, part: Part) -> Option<Value> {
    let monday = add_days(monday_of(anchor)?, 7 * i64::from(offset))?;
    let day = |k: i64| add_days(monday, k);
    match part {
        Part::Whole => Some(Value::Days(monday, day(6)?)),
        Part::Early => Some(Value::Days(monday, day(2)?)),
        Part::Mid => Some(Value::Days(day(1)?, day(3)?)),
        Part::Late => Some(Value::Days(day(3)?, day(6)?)),
        Part::Earlier | Part::Later => around(anchor, monday, day(6)?, part == Part::Earlier),
    }
}

/// "N days ago" is that day; "N weeks ago" the week N weeks before the anchor's; months and
/// years the calendar month or year.
fn ago(anchor: Date, n: i64, unit: Unit) -> Option<Value> {
    match unit {
        Unit::Day => add_days(anchor, -n).map(Value::Day),
        Unit::Week => week(anchor, -i32::try_from(n).ok()?, Part::Whole),
        Unit::Month => {
            let (y, m) = add_months(year_of(anchor), month_of(anchor), -i32::try_from(n).ok()?)?;
            Some(Value::Month(y, m))
        }
        Unit::Year => Some(Value::Year(year_of(anchor) - i32::try_from(n).ok()?)),
    }
}

/// A weekday: the anchor's own weekday is the anchor itself (any tense, "this" and bare);
/// past, the most recent before; future and present, the next after; "last", strictly
/// before (the anchor's own weekday a week back); "next", the first after.
fn weekday(anchor: Date, day: u8, which: Which, tense: Option<Tense>) -> Option<Date> {
    let own = iso_weekday(anchor);
    let back = i64::from((own + 7 - day) % 7);
    let ahead = i64::from((day + 7 - own) % 7);
    let (back, ahead) = (
        if back == 0 { 7 } else { back },
        if ahead == 0 { 7 } else { ahead },
    );
    match which {
        Which::Last => add_days(anchor, -back),
        Which::Next => add_days(anchor, ahead),
        _ if own == day => Some(anchor),
        Which::This => add_days(
            anchor,
            if tense == Some(Tense::Past) {
                -back
            } else {
                ahead
            },
        ),
        _ => add_days(anchor, if forward(tense) { ahead } else { -back }),
    }
}

/// The Saturday of a weekend (reading-reports.md, "Weekends, weeks, months").
fn weekend(anchor: Date, which: Which, tense: Option<Tense>) -> Option<Date> {
    // The Saturday of the anchor's ISO week: on a Saturday or Sunday, the weekend containing it.
    let this = add_days(monday_of(anchor)?, 5)?;
    match which {
        Which::This => Some(this),
        Which::Last => add_days(this, -7),
        Which::Next => add_days(this, 7),
        Which::Bare | Which::Over if forward(tense) => Some(this),
        // The most recent weekend that began on or before the anchor.
        Which::Bare | Which::Over => {
            if anchor >= this {
                Some(this)
            } else {
                add_days(this, -7)
            }
        }
    }
}

/// `value` as EDTF level 0/1, with `~` or `?` on every date in it, and `~` on the end of
/// "the coming days".
pub(super) fn edtf(value: Value, qualifier: Qualifier, approximate_end: bool) -> Option<String> {
    let mark = match qualifier {
        Qualifier::Exact => "",
        Qualifier::Approximate => "~",
        Qualifier::Uncertain => "?",
    };
    let end_mark = if approximate_end && mark.is_empty() {
        "~"
    } else {
        mark
    };
    let year = |y: i32| (0..=9999).contains(&y).then(|| format!("{y:04}"));
    let day = |d: Date| year(year_of(d)).map(|y| format!("{y}-{:02}-{:02}", d.month(), d.day()));
    let month = |(y, m): (i32, u8)| year(y).map(|y| format!("{y}-{m:02}"));
    Some(match value {
        Value::Day(d) => format!("{}{mark}", day(d)?),
        Value::Days(a, b) if a == b => format!("{}{mark}", day(a)?),
        Value::Days(a, b) => format!("{}{mark}/{}{end_mark}", day(a)?, day(b)?),
        Value::Month(y, m) => format!("{}{mark}", month((y, m))?),
        Value::Months(a, b) => format!("{}{mark}/{}{mark}", month(a)?, month(b)?),
        Value::Year(y) => format!("{}{mark}", year(y)?),
        Value::Years(a, b) => format!("{}{mark}/{}{mark}", year(a)?, year(b)?),
        Value::Season(y, s) => format!("{}-{s}{mark}", year(y)?),
        Value::Decade(d) => {
            let text = year(d * 10)?;
            format!("{}X{mark}", &text[..3])
        }
    })
}
