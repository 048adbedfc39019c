//! Implausible dates: imported as written (nothing is lost), but flagged in the report and
//! the preview. The IEADB treaty list dates 37 treaties `2699-01-01`, a placeholder that
//! read as real dates until they were flagged.

use crate::model::{EndKind, SECS_PER_DAY, TimeBounds, TimeSecs, civil_from_secs, day_start_secs};

use super::ImportFormat;

/// Dates more than this many years after the import are suspicious. Plans reach a few
/// decades ahead (a treaty that expires in 2060, a target for 2070); placeholders such as
/// `2699-01-01` or `9999-12-31` lie centuries away.
pub(crate) const FUTURE_YEARS: i32 = 50;

/// The first day a format's dataset covers, where the format is one dataset's: dates
/// before it are suspicious. GDELT's event record begins on 1 January 1979 (the 1.0
/// back-file; 2.0's exports began in 2015 but date events as far back as their articles
/// reach, so 1979 serves both); ICEWS's coded events begin on 1 January 1995. CSV,
/// TimelineJS and the Timeline app hold any history, back to antiquity: no range.
pub(crate) fn dataset_start(format: ImportFormat) -> Option<(i32, &'static str)> {
    match format {
        ImportFormat::Gdelt1 | ImportFormat::Gdelt2 => Some((1979, "GDELT")),
        ImportFormat::Icews => Some((1995, "ICEWS")),
        // Parquet's GDELT rows are built as a GDELT 2.0 import, and checked as GDELT's.
        ImportFormat::Csv
        | ImportFormat::Spreadsheet
        | ImportFormat::TimelineJs
        | ImportFormat::TimelineApp
        | ImportFormat::Parquet => None,
    }
}

/// What an import compares its dates with.
pub(crate) struct DateCheck {
    /// The import's day, as `YYYY-MM-DD`, for the report.
    today_text: String,
    /// The first instant more than [`FUTURE_YEARS`] after the import's day.
    future_secs: TimeSecs,
    /// The dataset's first instant, with its first year and its name.
    start: Option<(TimeSecs, i32, &'static str)>,
}

impl DateCheck {
    /// The check of an import of `format` made at `now_secs` (seconds since the epoch).
    pub fn new(format: ImportFormat, now_secs: TimeSecs) -> Self {
        let today = civil_from_secs(now_secs).date();
        let (year, month, day) = (
            i32::from(today.year()),
            today.month().unsigned_abs().into(),
            today.day().unsigned_abs().into(),
        );
        // 29 February plus 50 years is no date; 28 February is near enough for 50 years.
        let later_day = if month == 2 && day == 29 { 28 } else { day };
        let future_secs = day_start_secs(year + FUTURE_YEARS, month, later_day)
            .map_or(TimeSecs::MAX, |s| s + SECS_PER_DAY);
        Self {
            today_text: format!("{year:04}-{month:02}-{day:02}"),
            future_secs,
            start: dataset_start(format)
                .and_then(|(year, name)| day_start_secs(year, 1, 1).ok().map(|s| (s, year, name))),
        }
    }

    /// Why a date with these bounds is suspicious, or `None` when it is plausible.
    pub fn doubt(&self, bounds: &TimeBounds) -> Option<String> {
        // The last instant the date names: the end of a known end, else (an open or
        // unknown end) the start's.
        if bounds.latest_secs > self.future_secs && bounds.end == EndKind::Known
            || bounds.earliest_secs >= self.future_secs
        {
            return Some(format!(
                "more than {FUTURE_YEARS} years after the import ({}), perhaps a placeholder",
                self.today_text
            ));
        }
        let (start_secs, year, name) = self.start?;
        let before = if bounds.start == EndKind::Known {
            bounds.earliest_secs < start_secs
        } else {
            bounds.latest_secs <= start_secs
        };
        before.then(|| format!("before {name}'s coverage, which begins in {year}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateSpec;

    fn doubt(format: ImportFormat, today: &str, date: &str) -> Option<String> {
        let now = DateSpec::parse(today)
            .unwrap()
            .bounds()
            .unwrap()
            .earliest_secs;
        let check = DateCheck::new(format, now);
        check.doubt(&DateSpec::parse(date).unwrap().bounds().unwrap())
    }

    #[test]
    fn placeholders_far_ahead_are_suspicious_and_plans_are_not() {
        let csv = ImportFormat::Csv;
        let doubt_of = |date| doubt(csv, "2026-12-03", date);
        assert_eq!(
            doubt_of("2699-01-01").as_deref(),
            Some("more than 50 years after the import (2026-12-03), perhaps a placeholder")
        );
        assert!(doubt_of("9999-12-31").is_some());
        assert!(doubt_of("2020-01-01/2699-01-01").is_some());
        assert!(doubt_of("2699/..").is_some());
        assert!(doubt_of("2076-12-04").is_some());
        // Exactly 50 years ahead, or a plan for 2070, is plausible.
        assert_eq!(doubt_of("2076-12-03"), None);
        assert_eq!(doubt_of("2070"), None);
        assert_eq!(doubt_of("2026-01-01/.."), None);
        // CSV holds any history.
        assert_eq!(doubt_of("0800-12-25"), None);
        // A leap day's 50th anniversary is no date; the day before serves.
        assert_eq!(doubt(csv, "2024-02-29", "2074-02-28"), None);
        assert!(doubt(csv, "2024-02-29", "2074-03-01").is_some());
    }

    #[test]
    fn dates_before_a_datasets_coverage_are_suspicious() {
        let icews = |date| doubt(ImportFormat::Icews, "2026-12-03", date);
        assert_eq!(
            icews("1994-12-31").as_deref(),
            Some("before ICEWS's coverage, which begins in 1995")
        );
        assert_eq!(icews("1995-01-01"), None);
        assert!(icews("../1994").is_some());
        assert_eq!(icews("../1995-06"), None);
        let gdelt = |date| doubt(ImportFormat::Gdelt2, "2026-12-03", date);
        assert!(gdelt("1978-12-31").is_some());
        assert_eq!(gdelt("1979-01-01"), None);
    }
}
