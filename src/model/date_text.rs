//! Dates in words, for people: "Sat 20 – Sun 21 Dec 2025", "on or before Thu 18 Dec 2025".

use super::EndKind;
use super::date::{SECS_PER_DAY, TimeBounds, TimeSecs, civil_from_secs};

/// How days are written: the analyst's choice in the settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DayStyle {
    /// 2025-12-20
    Iso,
    /// Sat 20 Dec 2025
    #[default]
    DayMonth,
    /// Sat, Dec 20, 2025
    MonthDay,
}

fn day_text(secs: TimeSecs, style: DayStyle) -> String {
    let pattern = match style {
        DayStyle::Iso => "%Y-%m-%d",
        DayStyle::DayMonth => "%a %-d %b %Y",
        DayStyle::MonthDay => "%a, %b %-d, %Y",
    };
    civil_from_secs(secs).strftime(pattern).to_string()
}

fn is_midnight(secs: TimeSecs) -> bool {
    secs.rem_euclid(SECS_PER_DAY) == 0
}

/// An instant in UTC, to the minute.
fn utc_instant_text(secs: TimeSecs) -> String {
    civil_from_secs(secs)
        .strftime("%a %-d %b %Y %H:%M UTC")
        .to_string()
}

/// The span `[earliest, latest)` in words, at day precision (or to the minute for instants).
pub fn describe_bounds(bounds: &TimeBounds) -> String {
    describe_bounds_styled(bounds, DayStyle::DayMonth, &utc_instant_text)
}

/// [`describe_bounds`] with days in `style` and instants written by `instant` (which picks
/// the time zone they are shown in).
pub fn describe_bounds_styled(
    bounds: &TimeBounds,
    style: DayStyle,
    instant: &dyn Fn(TimeSecs) -> String,
) -> String {
    let (a, b) = (bounds.earliest_secs, bounds.latest_secs);
    let day = |secs| day_text(secs, style);
    let core = if a == b {
        instant(a)
    } else if is_midnight(a) && is_midnight(b) {
        let last_day = b - SECS_PER_DAY;
        let (da, db) = (civil_from_secs(a), civil_from_secs(last_day));
        if last_day == a {
            day(a)
        } else if da.day() == 1
            && civil_from_secs(b).day() == 1
            && da.month() == db.month()
            && da.year() == db.year()
        {
            let month = if style == DayStyle::Iso {
                "%Y-%m"
            } else {
                "%B %Y"
            };
            da.strftime(month).to_string()
        } else if da.day() == 1 && da.month() == 1 && db.month() == 12 && db.day() == 31 {
            if da.year() == db.year() {
                format!("{}", da.year())
            } else {
                format!("{}–{}", da.year(), db.year())
            }
        } else if style != DayStyle::DayMonth {
            format!("{} – {}", day(a), day(last_day))
        } else if da.year() == db.year() && da.month() == db.month() {
            format!("{} – {}", da.strftime("%a %-d"), day(last_day))
        } else if da.year() == db.year() {
            format!("{} – {}", da.strftime("%a %-d %b"), day(last_day))
        } else {
            format!("{} – {}", day(a), day(last_day))
        }
    } else {
        format!("{} – {}", instant(a), instant(b))
    };
    let within = if bounds.core.is_none()
        && b - a > SECS_PER_DAY
        && bounds.start == EndKind::Known
        && bounds.end == EndKind::Known
    {
        "some time in "
    } else {
        ""
    };
    let mut text = match (bounds.start, bounds.end) {
        (EndKind::Unknown, _) => format!("on or before {core} (start unknown)"),
        (EndKind::Open, _) => format!("until {core} (open start)"),
        (_, EndKind::Unknown) => format!("from {core} (end unknown)"),
        (_, EndKind::Open) => format!("from {core} onwards"),
        _ => format!("{within}{core}"),
    };
    match (bounds.uncertain, bounds.approximate) {
        (true, true) => text.push_str(", uncertain and approximate"),
        (true, false) => text.push_str(", uncertain"),
        (false, true) => text.push_str(", approximate"),
        (false, false) => {}
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateSpec;

    fn words(edtf: &str) -> String {
        describe_bounds(&DateSpec::parse(edtf).unwrap().bounds().unwrap())
    }

    #[test]
    fn readable_spans() {
        assert_eq!(words("2025-12-20/2025-12-21"), "Sat 20 – Sun 21 Dec 2025");
        assert_eq!(words("2025-12-18"), "Thu 18 Dec 2025");
        assert_eq!(words("2025-12"), "some time in December 2025");
        assert_eq!(words("2025"), "some time in 2025");
        assert_eq!(
            words("/2025-12-18"),
            "on or before Thu 18 Dec 2025 (start unknown)"
        );
        assert_eq!(words("2025-12-20/.."), "from Sat 20 Dec 2025 onwards");
        assert_eq!(words("2025-12-13?"), "Sat 13 Dec 2025, uncertain");
        assert_eq!(words("2025-12~"), "some time in December 2025, approximate");
        assert_eq!(
            words("2025-11-28/2025-12-02"),
            "Fri 28 Nov – Tue 2 Dec 2025"
        );
        assert_eq!(words("2025-12-20T14:00:00Z"), "Sat 20 Dec 2025 14:00 UTC");
    }
}
