//! A date expression as the scanner reads it, before it is resolved against a day.

/// Which part of a week, month or year an expression names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    Whole,
    /// "early": days 1–10 of a month; Monday–Wednesday of a week; January–April of a year.
    Early,
    /// "mid-": days 11–20; May–August.
    Mid,
    /// "late", "the end of": days 21–end; Thursday–Sunday; September–December.
    Late,
    /// "earlier this …": from the first day to the day before the anchor.
    Earlier,
    /// "later this …": from the day after the anchor to the last day.
    Later,
}

/// The year of a month, quarter or season: named outright, by its distance from the
/// anchor's ("this summer" is 0), left to the clause's tense ("the third quarter", "in
/// December"), or the last or next such period strictly before or after the anchor's
/// ("last December", "next spring").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum YearRef {
    Abs(i32),
    Rel(i32),
    ByTense,
    Last,
    Next,
}

/// How a weekday or weekend is qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Which {
    /// "Friday", "the weekend": by the clause's tense.
    Bare,
    This,
    Last,
    Next,
    /// "over the weekend": by tense, the past reading keeping a weekend that began on P.
    Over,
}

/// Calendar units of "N … ago" and "within N …".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Expr {
    /// "December 20", "20 Dec 2025", "2025-12-20", "12/20/2025", "Dec 20-21".
    Date {
        year: Option<i32>,
        month: u8,
        day: u8,
        day_end: Option<u8>,
    },
    /// "December", "December 2025", "mid-November", "late January 2026".
    Month {
        year: YearRef,
        month: u8,
        part: Part,
    },
    /// "this month" (0), "last month" (−1), "later this month".
    MonthRel {
        offset: i32,
        part: Part,
    },
    /// "1998", "this year", "early next year", "late 2025".
    Year {
        year: YearRef,
        part: Part,
    },
    /// "1998-2000".
    Years(i32, i32),
    /// "the 1990s": the decade's first three digits (199).
    Decade(i32),
    /// "today" (0), "yesterday" (−1), "tomorrow" (1), "last night" (−1).
    DayOffset(i64),
    /// "overnight": the night before the anchor.
    Overnight,
    /// ISO weekday 1 (Monday) – 7.
    Weekday {
        day: u8,
        which: Which,
    },
    Weekend(Which),
    /// "this week" (0), "next week" (1), "earlier this week".
    Week {
        offset: i32,
        part: Part,
    },
    /// "two weeks ago".
    Ago {
        n: u32,
        unit: Unit,
    },
    /// "in two weeks", "in 10 days' time": a date only in a future or present clause
    /// (otherwise a duration: "captured in two days").
    In {
        n: u32,
        unit: Unit,
    },
    /// "within 30 days", "in the next two weeks".
    Within {
        n: u32,
        unit: Unit,
    },
    /// "in the coming days", "in the next few days".
    ComingDays,
    /// "the third quarter" (1–4).
    Quarter {
        quarter: u8,
        year: YearRef,
    },
    /// "this quarter" (0), "last quarter" (−1), "next quarter" (1).
    QuarterRel(i32),
    /// "the first half" (1–2).
    Half {
        half: u8,
        year: YearRef,
    },
    /// EDTF season code 21–24.
    Season {
        season: u8,
        year: YearRef,
    },
}

/// `~` ("around"), `?` ("possibly"), or neither.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Qualifier {
    #[default]
    Exact,
    Approximate,
    Uncertain,
}

/// A found expression: its tokens `first..end` in the sentence, what it says and how sure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub first: usize,
    pub end: usize,
    pub expr: Expr,
    pub qualifier: Qualifier,
}
