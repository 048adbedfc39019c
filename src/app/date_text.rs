//! A date written as the settings say, for every view that shows one (details, tooltips,
//! panels, forms). Here, not in a view file, because it is plain text from the model and the
//! date-display setting: the panels and forms use it as much as the details view, and it is
//! tested without a window. It sits in `app`, not `model`, because [`DateDisplay`] (day
//! style and time zone) is a setting, and settings are application state.

use super::{DateDisplay, DateFormat};
use crate::model::{DateSpec, TimeSecs, civil_from_secs};

/// "2025-12-20/2025-12-21 — “this weekend” — Sat 20 – Sun 21 Dec 2025", the interval
/// written as the settings say, with the date's own wording and zone.
pub fn date_text(date: &DateSpec, display: &DateDisplay) -> String {
    let mut text = date.edtf_text();
    if let Some(w) = date.wording() {
        text.push_str(&format!(" — “{w}”"));
    }
    if let Some(words) = display.describe(date) {
        text.push_str(&format!(" — {words}"));
    }
    if let Some(tz) = date.tz() {
        text.push_str(&format!(" ({tz})"));
    }
    text
}

/// A date in a list line: its EDTF text with the ISO setting (compact, sorts as text), else
/// the interval in the chosen day style and zone ("Sat 20 – Sun 21 Dec 2025").
pub fn list_date_text(date: &DateSpec, display: &DateDisplay) -> String {
    if display.format == DateFormat::Iso {
        return date.edtf_text();
    }
    display.describe(date).unwrap_or_else(|| date.edtf_text())
}

/// A day in a table cell, as ISO so that columns line up and sort ("2025-12-20"); "—" for
/// none. (Not the date-display setting: the tables are for comparing, not for reading.)
pub fn day_text(secs: Option<TimeSecs>) -> String {
    secs.map_or_else(|| "—".to_owned(), |s| civil_from_secs(s).date().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::TimeZoneChoice;
    use crate::model::Id;

    fn display(format: DateFormat) -> DateDisplay {
        DateDisplay {
            format,
            zone: TimeZoneChoice::EventOwn,
        }
    }

    #[test]
    fn date_text_gives_the_edtf_the_wording_the_interval_and_the_zone() {
        let weekend = DateSpec::parse("2025-12-20/2025-12-21")
            .unwrap()
            .with_wording("this weekend");
        assert_eq!(
            date_text(&weekend, &display(DateFormat::DayMonthYear)),
            "2025-12-20/2025-12-21 — “this weekend” — Sat 20 – Sun 21 Dec 2025"
        );
        let meeting = DateSpec::parse("2025-12-20T14:00:00Z")
            .unwrap()
            .with_tz(Some(Id::new("Europe/Berlin")));
        assert_eq!(
            date_text(&meeting, &display(DateFormat::Iso)),
            "2025-12-20T14:00:00Z — 2025-12-20 15:00 +01:00 (Europe/Berlin)"
        );
    }

    #[test]
    fn day_text_is_the_iso_day_or_a_dash() {
        assert_eq!(day_text(Some(1_766_188_800)), "2025-12-20"); // 2025-12-20 00:00 UTC
        assert_eq!(day_text(Some(1_766_188_800 - 1)), "2025-12-19");
        assert_eq!(day_text(None), "—");
    }

    #[test]
    fn list_date_text_is_the_edtf_with_iso_and_the_interval_otherwise() {
        let weekend = DateSpec::parse("2025-12-20/2025-12-21").unwrap();
        assert_eq!(
            list_date_text(&weekend, &display(DateFormat::Iso)),
            "2025-12-20/2025-12-21"
        );
        assert_eq!(
            list_date_text(&weekend, &display(DateFormat::MonthDayYear)),
            "Sat, Dec 20, 2025 – Sun, Dec 21, 2025"
        );
    }
}
