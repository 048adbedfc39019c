//! Changing a date by dragging it on the timeline: move it, or move one of its ends.
//!
//! Only day-precision dates are moved this way; a month or a year is not pinned to a day by
//! a drag (that would invent precision). Qualifiers (`?`, `~`) and open or unknown ends stay.

use edtf::level_1::{Date, Edtf, Precision};
use jiff::civil;

use super::date::{DateSpec, day_start_secs};

fn day_of(date: Date) -> Option<civil::Date> {
    match date.precision() {
        Precision::Day(y, m, d) => civil::Date::new(
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )
        .ok(),
        _ => None,
    }
}

fn make_day(day: civil::Date, like: Date) -> Option<Date> {
    let text = format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
    let text = if day.year() < 0 {
        format!(
            "-{:04}-{:02}-{:02}",
            -i32::from(day.year()),
            day.month(),
            day.day()
        )
    } else {
        text
    };
    Date::parse(&text)
        .ok()
        .map(|d| d.and_certainty(like.certainty()))
}

fn shift(date: Date, days: i64) -> Option<Date> {
    let day = day_of(date)?
        .checked_add(jiff::Span::new().days(days))
        .ok()?;
    make_day(day, date)
}

/// `spec` moved by whole days, or `None` if it is not a day-precision date.
pub fn shift_days(spec: &DateSpec, days: i64) -> Option<DateSpec> {
    let edtf = match spec.edtf {
        Edtf::Date(d) => Edtf::Date(shift(d, days)?),
        Edtf::Interval(a, b) => Edtf::Interval(shift(a, days)?, shift(b, days)?),
        Edtf::IntervalFrom(a, t) => Edtf::IntervalFrom(shift(a, days)?, t),
        Edtf::IntervalTo(t, b) => Edtf::IntervalTo(t, shift(b, days)?),
        Edtf::DateTime(_) | Edtf::YYear(_) => return None,
    };
    let mut moved = spec.clone();
    moved.edtf = edtf;
    Some(moved)
}

/// Which end of a date a drag moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Start,
    End,
}

/// `spec` with one end moved by whole days; a single day becomes an interval. `None` when
/// the date is not at day precision or the interval would end before it starts.
pub fn move_end(spec: &DateSpec, end: End, days: i64) -> Option<DateSpec> {
    let (a, b) = match spec.edtf {
        Edtf::Date(d) => (d, d),
        Edtf::Interval(a, b) => (a, b),
        _ => return None,
    };
    let (a, b) = match end {
        End::Start => (shift(a, days)?, b),
        End::End => (a, shift(b, days)?),
    };
    let (da, db) = (day_of(a)?, day_of(b)?);
    if db < da {
        return None;
    }
    let edtf = if da == db {
        Edtf::Date(a)
    } else {
        Edtf::Interval(a, b)
    };
    let mut moved = spec.clone();
    moved.edtf = edtf;
    moved.bounds().ok().map(|_| moved)
}

/// A new date spanning the days from `first` to `last` (inclusive), as drawn on the timeline.
pub fn days_span(first: civil::Date, last: civil::Date) -> Option<DateSpec> {
    let (first, last) = if last < first {
        (last, first)
    } else {
        (first, last)
    };
    let text = if first == last {
        first.to_string()
    } else {
        format!("{first}/{last}")
    };
    let spec = DateSpec::parse(&text).ok()?;
    day_start_secs(
        i32::from(first.year()),
        first.month().unsigned_abs().into(),
        first.day().unsigned_abs().into(),
    )
    .ok()?;
    Some(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> DateSpec {
        DateSpec::parse(text).unwrap().with_wording("this weekend")
    }

    #[test]
    fn moving_keeps_qualifiers_wording_and_open_ends() {
        assert_eq!(
            shift_days(&spec("2025-12-20/2025-12-21"), 7)
                .unwrap()
                .edtf_text(),
            "2025-12-27/2025-12-28"
        );
        assert_eq!(
            shift_days(&spec("2025-12-30?"), 3).unwrap().edtf_text(),
            "2026-01-02?"
        );
        assert_eq!(
            shift_days(&spec("/2025-12-18"), -1).unwrap().edtf_text(),
            "/2025-12-17"
        );
        assert_eq!(
            shift_days(&spec("2025-12-20/.."), 1).unwrap().edtf_text(),
            "2025-12-21/.."
        );
        assert_eq!(
            shift_days(&spec("2025-12-20"), 1).unwrap().wording(),
            Some("this weekend")
        );
    }

    #[test]
    fn coarse_dates_are_not_pinned_by_a_drag() {
        assert!(shift_days(&spec("2025-12"), 3).is_none());
        assert!(shift_days(&spec("2025"), 3).is_none());
        assert!(move_end(&spec("2025-12"), End::End, 3).is_none());
    }

    #[test]
    fn moving_an_end_makes_or_keeps_an_interval() {
        assert_eq!(
            move_end(&spec("2025-12-20"), End::End, 2)
                .unwrap()
                .edtf_text(),
            "2025-12-20/2025-12-22"
        );
        assert_eq!(
            move_end(&spec("2025-12-20/2025-12-22"), End::Start, 2)
                .unwrap()
                .edtf_text(),
            "2025-12-22"
        );
        assert!(
            move_end(&spec("2025-12-20/2025-12-22"), End::Start, 3).is_none(),
            "would end before it starts"
        );
    }

    #[test]
    fn drawn_spans() {
        let d = |s: &str| s.parse::<civil::Date>().unwrap();
        assert_eq!(
            days_span(d("2025-12-21"), d("2025-12-20"))
                .unwrap()
                .edtf_text(),
            "2025-12-20/2025-12-21"
        );
        assert_eq!(
            days_span(d("2025-12-20"), d("2025-12-20"))
                .unwrap()
                .edtf_text(),
            "2025-12-20"
        );
    }
}
