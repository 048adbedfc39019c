//! Uncertain dates: an EDTF level 1 value, the wording the source used, and its bounds.
//!
//! Analysts never get to invent precision. A date is stored exactly as EDTF says it
//! (`2025-12-20/2025-12-21`, `2025-12~`, `/2025-12-18`), next to the words of the report
//! ("this weekend"), and the timeline works from bounds derived from it: the earliest and
//! latest instants the source allows, and the part the event certainly occupies.

use std::fmt;

use edtf::level_1::{Certainty as EdtfCertainty, Date, Edtf, Precision, Season, Terminal};
use jiff::civil;

use super::Id;

/// Seconds since 1970-01-01T00:00:00Z. The timeline's unit of time.
pub type TimeSecs = i64;

pub const SECS_PER_DAY: i64 = 86_400;

/// The years the timeline can place: those of the proleptic Gregorian calendar that
/// `jiff` supports, −9999 to 9999.
pub const MIN_YEAR: i32 = -9999;
pub const MAX_YEAR: i32 = 9999;

/// A date as a source gave it.
#[derive(Clone, PartialEq, Eq)]
pub struct DateSpec {
    /// The date in EDTF level 1.
    pub edtf: Edtf,
    /// What few dates have beside the EDTF value, in one box: a date without it takes 32
    /// bytes instead of 40, 8 bytes less per event. `None` when empty.
    notes: Option<Box<DateNotes>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct DateNotes {
    /// The source's own words: "this weekend", "last weekend", "has indicated".
    wording: Option<Box<str>>,
    /// IANA time zone of a local time (`America/New_York`), which EDTF cannot express.
    tz: Option<Id>,
}

impl DateSpec {
    pub fn new(edtf: Edtf) -> Self {
        Self { edtf, notes: None }
    }

    pub fn parse(edtf: &str) -> Result<Self, DateError> {
        Ok(Self::new(parse_edtf(edtf)?))
    }

    #[must_use]
    pub fn with_wording(mut self, wording: &str) -> Self {
        self.set_wording(Some(wording));
        self
    }

    #[must_use]
    pub fn with_tz(mut self, tz: Option<Id>) -> Self {
        self.set_tz(tz);
        self
    }

    /// The source's own words for the date: "this weekend", "last weekend".
    pub fn wording(&self) -> Option<&str> {
        self.notes.as_ref().and_then(|n| n.wording.as_deref())
    }

    /// The IANA time zone of a local time (`America/New_York`), which EDTF cannot express.
    pub fn tz(&self) -> Option<Id> {
        self.notes.as_ref().and_then(|n| n.tz)
    }

    pub fn set_wording(&mut self, wording: Option<&str>) {
        if wording.is_none() && self.notes.is_none() {
            return;
        }
        self.notes.get_or_insert_default().wording = wording.map(Box::from);
        self.drop_empty_notes();
    }

    pub fn set_tz(&mut self, tz: Option<Id>) {
        if tz.is_none() && self.notes.is_none() {
            return;
        }
        self.notes.get_or_insert_default().tz = tz;
        self.drop_empty_notes();
    }

    /// Keeps `notes` `None` when there are none, so that equal dates compare equal.
    fn drop_empty_notes(&mut self) {
        if self
            .notes
            .as_deref()
            .is_some_and(|n| *n == DateNotes::default())
        {
            self.notes = None;
        }
    }

    pub fn bounds(&self) -> Result<TimeBounds, DateError> {
        TimeBounds::from_edtf(&self.edtf)
    }

    pub fn edtf_text(&self) -> String {
        self.edtf.to_string()
    }

    /// What to show an analyst: the EDTF value, then the source's wording.
    pub fn display_text(&self) -> String {
        match self.wording() {
            Some(w) => format!("{} (“{w}”)", self.edtf),
            None => self.edtf.to_string(),
        }
    }
}

impl fmt::Debug for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateSpec({}", self.edtf)?;
        if let Some(w) = self.wording() {
            write!(f, ", {w:?}")?;
        }
        if let Some(tz) = self.tz() {
            write!(f, ", {tz}")?;
        }
        f.write_str(")")
    }
}

/// A date as files write it: `(edtf: "2025-12-20", wording: "this weekend", tz: "…")`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename = "DateSpec")]
struct DateRecord {
    #[serde(with = "edtf_text")]
    edtf: Edtf,
    #[serde(default)]
    wording: Option<Box<str>>,
    #[serde(default)]
    tz: Option<Id>,
}

#[derive(serde::Serialize)]
#[serde(rename = "DateSpec")]
struct DateOut<'a> {
    #[serde(with = "edtf_text")]
    edtf: &'a Edtf,
    #[serde(skip_serializing_if = "Option::is_none")]
    wording: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tz: Option<Id>,
}

impl<'de> serde::Deserialize<'de> for DateSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = DateRecord::deserialize(deserializer)?;
        let mut date = Self::new(record.edtf);
        date.set_wording(record.wording.as_deref());
        date.set_tz(record.tz);
        Ok(date)
    }
}

impl serde::Serialize for DateSpec {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        DateOut {
            edtf: &self.edtf,
            wording: self.wording(),
            tz: self.tz(),
        }
        .serialize(serializer)
    }
}

/// Why a date could not be read or placed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error(
        "invalid EDTF date {text:?}: expected e.g. 2025-12-20, 2025-12, 2025-12-20?, 2025-12~, \
         2025-12-20/2025-12-21, /2025-12-21 or 2025-12-20/.."
    )]
    Syntax { text: String },
    #[error("date {text:?} does not exist in the calendar (e.g. 30 February)")]
    OutOfRange { text: String },
    #[error("year {year} is outside the years Detente can place, {MIN_YEAR} to {MAX_YEAR}")]
    YearOutOfRange { year: i64 },
    #[error("interval {text:?} ends before it starts")]
    Reversed { text: String },
}

pub fn parse_edtf(text: &str) -> Result<Edtf, DateError> {
    match Edtf::parse(text) {
        Ok(edtf) => Ok(edtf),
        Err(edtf::ParseError::OutOfRange) => Err(DateError::OutOfRange { text: text.into() }),
        Err(_) => Err(DateError::Syntax { text: text.into() }),
    }
}

/// How one end of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndKind {
    /// Given by the source.
    Known,
    /// EDTF empty end (`/2025-12-21`): there is an end, the source did not say when.
    Unknown,
    /// EDTF `..` (`2025-12-20/..`): it has not ended (or began before anyone can say).
    Open,
}

/// The instants a date allows, in seconds since the Unix epoch (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeBounds {
    /// The earliest instant the date allows (inclusive).
    pub earliest_secs: TimeSecs,
    /// The latest instant the date allows (exclusive).
    pub latest_secs: TimeSecs,
    /// The part of `[earliest, latest)` that the event certainly occupies: for an interval
    /// `2025-12/2026-02` it is January; for a single date (`2025-12`: some time in December)
    /// it is `None`, because the event lies somewhere within the bounds.
    pub core: Option<(TimeSecs, TimeSecs)>,
    pub start: EndKind,
    pub end: EndKind,
    /// `?` somewhere in the date.
    pub uncertain: bool,
    /// `~` somewhere in the date.
    pub approximate: bool,
}

impl TimeBounds {
    pub fn from_edtf(edtf: &Edtf) -> Result<Self, DateError> {
        let text = || edtf.to_string();
        match *edtf {
            Edtf::Date(date) => {
                let (earliest, latest) = date_range(date)?;
                let (uncertain, approximate) = qualifiers(date.certainty());
                Ok(Self {
                    earliest_secs: earliest,
                    latest_secs: latest,
                    core: None,
                    start: EndKind::Known,
                    end: EndKind::Known,
                    uncertain,
                    approximate,
                })
            }
            Edtf::DateTime(date_time) => {
                let instant = date_time_secs(&date_time)?;
                Ok(Self {
                    earliest_secs: instant,
                    latest_secs: instant,
                    core: Some((instant, instant)),
                    start: EndKind::Known,
                    end: EndKind::Known,
                    uncertain: false,
                    approximate: false,
                })
            }
            Edtf::YYear(y) => Err(DateError::YearOutOfRange { year: y.value() }),
            Edtf::Interval(from, to) => {
                let (from_earliest, from_latest) = date_range(from)?;
                let (to_earliest, to_latest) = date_range(to)?;
                if to_latest <= from_earliest {
                    return Err(DateError::Reversed { text: text() });
                }
                let (u1, a1) = qualifiers(from.certainty());
                let (u2, a2) = qualifiers(to.certainty());
                // Certainly occupied: from the latest possible start to the earliest possible end.
                let core = (from_latest <= to_earliest).then_some((from_latest, to_earliest));
                // A day-precision interval `13/14` certainly occupies both whole days.
                let core = if from_latest - from_earliest <= SECS_PER_DAY
                    && to_latest - to_earliest <= SECS_PER_DAY
                {
                    Some((from_earliest, to_latest))
                } else {
                    core
                };
                Ok(Self {
                    earliest_secs: from_earliest,
                    latest_secs: to_latest,
                    core,
                    start: EndKind::Known,
                    end: EndKind::Known,
                    uncertain: u1 || u2,
                    approximate: a1 || a2,
                })
            }
            Edtf::IntervalFrom(from, terminal) => {
                let (earliest, latest) = date_range(from)?;
                let (uncertain, approximate) = qualifiers(from.certainty());
                Ok(Self {
                    earliest_secs: earliest,
                    latest_secs: latest,
                    core: None,
                    start: EndKind::Known,
                    end: terminal_kind(terminal),
                    uncertain,
                    approximate,
                })
            }
            Edtf::IntervalTo(terminal, to) => {
                let (earliest, latest) = date_range(to)?;
                let (uncertain, approximate) = qualifiers(to.certainty());
                Ok(Self {
                    earliest_secs: earliest,
                    latest_secs: latest,
                    core: None,
                    start: terminal_kind(terminal),
                    end: EndKind::Known,
                    uncertain,
                    approximate,
                })
            }
        }
    }

    pub fn duration_secs(&self) -> i64 {
        self.latest_secs - self.earliest_secs
    }

    /// The instant the timeline sorts by.
    pub fn sort_key(&self) -> TimeSecs {
        self.earliest_secs
    }

    pub fn is_fuzzy(&self) -> bool {
        self.uncertain
            || self.approximate
            || self.start != EndKind::Known
            || self.end != EndKind::Known
    }
}

fn terminal_kind(terminal: Terminal) -> EndKind {
    match terminal {
        Terminal::Unknown => EndKind::Unknown,
        Terminal::Open => EndKind::Open,
    }
}

fn qualifiers(certainty: EdtfCertainty) -> (bool, bool) {
    match certainty {
        EdtfCertainty::Certain => (false, false),
        EdtfCertainty::Uncertain => (true, false),
        EdtfCertainty::Approximate => (false, true),
        EdtfCertainty::ApproximateUncertain => (true, true),
    }
}

/// Seconds from the epoch to the start of a civil day.
pub fn day_start_secs(year: i32, month: u32, day: u32) -> Result<TimeSecs, DateError> {
    let date = civil_date(year, month, day)?;
    Ok(days_since_epoch(date) * SECS_PER_DAY)
}

fn civil_date(year: i32, month: u32, day: u32) -> Result<civil::Date, DateError> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::YearOutOfRange {
            year: i64::from(year),
        });
    }
    let (Ok(year16), Ok(month8), Ok(day8)) =
        (i16::try_from(year), i8::try_from(month), i8::try_from(day))
    else {
        return Err(DateError::OutOfRange {
            text: format!("{year:04}-{month:02}-{day:02}"),
        });
    };
    civil::Date::new(year16, month8, day8).map_err(|_| DateError::OutOfRange {
        text: format!("{year:04}-{month:02}-{day:02}"),
    })
}

fn days_since_epoch(date: civil::Date) -> i64 {
    const EPOCH: civil::Date = civil::date(1970, 1, 1);
    // Exact for every date jiff supports: a signed duration in whole days.
    date.duration_since(EPOCH).as_secs() / SECS_PER_DAY
}

/// Start of the year after `year`, allowing for the end of year 9999.
fn year_end_secs(year: i32) -> Result<TimeSecs, DateError> {
    if year == MAX_YEAR {
        Ok(day_start_secs(MAX_YEAR, 12, 31)? + SECS_PER_DAY)
    } else {
        day_start_secs(year + 1, 1, 1)
    }
}

fn month_end_secs(year: i32, month: u32) -> Result<TimeSecs, DateError> {
    if month == 12 {
        year_end_secs(year)
    } else {
        day_start_secs(year, month + 1, 1)
    }
}

/// The instants an EDTF date at its own precision covers: `2025-12` is all of December.
fn date_range(date: Date) -> Result<(TimeSecs, TimeSecs), DateError> {
    let year_range = |first: i32, last: i32| -> Result<(TimeSecs, TimeSecs), DateError> {
        Ok((day_start_secs(first, 1, 1)?, year_end_secs(last)?))
    };
    match date.precision() {
        Precision::Century(y) => year_range(y, y + 99),
        Precision::Decade(y) => year_range(y, y + 9),
        Precision::Year(y) | Precision::MonthOfYear(y) | Precision::DayOfYear(y) => {
            year_range(y, y)
        }
        Precision::Month(y, m) | Precision::DayOfMonth(y, m) => {
            Ok((day_start_secs(y, m, 1)?, month_end_secs(y, m)?))
        }
        Precision::Day(y, m, d) => {
            let start = day_start_secs(y, m, d)?;
            Ok((start, start + SECS_PER_DAY))
        }
        // Meteorological seasons of the northern hemisphere; winter runs from December into
        // the next year's February. EDTF leaves the convention open; docs/FORMAT.md states ours.
        Precision::Season(y, season) => match season {
            Season::Spring => Ok((day_start_secs(y, 3, 1)?, day_start_secs(y, 6, 1)?)),
            Season::Summer => Ok((day_start_secs(y, 6, 1)?, day_start_secs(y, 9, 1)?)),
            Season::Autumn => Ok((day_start_secs(y, 9, 1)?, day_start_secs(y, 12, 1)?)),
            Season::Winter => {
                let end = if y == MAX_YEAR {
                    year_end_secs(y)?
                } else {
                    day_start_secs(y + 1, 3, 1)?
                };
                Ok((day_start_secs(y, 12, 1)?, end))
            }
        },
    }
}

fn date_time_secs(date_time: &edtf::DateTime) -> Result<TimeSecs, DateError> {
    let date = date_time.date();
    let time = date_time.time();
    let day = day_start_secs(date.year(), date.month(), date.day())?;
    let local = day
        + i64::from(time.hour()) * 3600
        + i64::from(time.minute()) * 60
        + i64::from(time.second());
    let offset_secs = match time.offset() {
        // A floating local time without a zone is placed as if it were UTC; the event's `tz`
        // field (when given) is applied by the caller that knows it.
        edtf::TzOffset::Unspecified | edtf::TzOffset::Utc => 0,
        edtf::TzOffset::Hours(h) => i64::from(h) * 3600,
        edtf::TzOffset::Minutes(m) => i64::from(m) * 60,
    };
    Ok(local - offset_secs)
}

/// Civil date and time of an instant, in UTC.
pub fn civil_from_secs(secs: TimeSecs) -> civil::DateTime {
    const EPOCH: civil::DateTime = civil::datetime(1970, 1, 1, 0, 0, 0, 0);
    let span = jiff::SignedDuration::from_secs(secs);
    EPOCH.checked_add(span).unwrap_or(if secs < 0 {
        civil::DateTime::MIN
    } else {
        civil::DateTime::MAX
    })
}

/// The EDTF value as text in project files, with a message that says what was expected.
mod edtf_text {
    use edtf::level_1::Edtf;

    use std::cell::RefCell;

    thread_local! {
        /// The last date written on this thread, with its text: an import's dates repeat
        /// (a one-month GDELT slice has 30 days among its two million), and formatting one
        /// through `Display` was 3% of the CPU of saving it.
        static LAST: RefCell<Option<(Edtf, String)>> = const { RefCell::new(None) };
    }

    pub fn serialize<S: serde::Serializer>(edtf: &Edtf, serializer: S) -> Result<S::Ok, S::Error> {
        LAST.with(|last| {
            let hit = last
                .try_borrow()
                .ok()
                .filter(|last| last.as_ref().is_some_and(|(e, _)| e == edtf));
            if let Some(last) = hit {
                return serializer.serialize_str(last.as_ref().map_or("", |(_, t)| t.as_str()));
            }
            let text = edtf.to_string();
            let written = serializer.serialize_str(&text);
            if let Ok(mut last) = last.try_borrow_mut() {
                *last = Some((*edtf, text));
            }
            written
        })
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Edtf, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Edtf;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an EDTF date string such as \"2025-12-20\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Edtf, E> {
                let edtf = super::parse_edtf(text).map_err(E::custom)?;
                super::TimeBounds::from_edtf(&edtf).map_err(E::custom)?;
                Ok(edtf)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(text: &str) -> TimeBounds {
        DateSpec::parse(text).unwrap().bounds().unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> TimeSecs {
        day_start_secs(y, m, d).unwrap()
    }

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(day(1970, 1, 1), 0);
        assert_eq!(day(1970, 1, 2), SECS_PER_DAY);
        // 2025-12-18 is 20,440 days after the epoch.
        assert_eq!(day(2025, 12, 18), 20_440 * SECS_PER_DAY);
        assert!(day(-9999, 1, 1) < 0);
        assert!(day(9999, 12, 31) > 0);
    }

    #[test]
    fn day_interval_covers_both_days() {
        let b = bounds("2025-12-13/2025-12-14");
        assert_eq!(b.earliest_secs, day(2025, 12, 13));
        assert_eq!(b.latest_secs, day(2025, 12, 15));
        assert_eq!(b.core, Some((day(2025, 12, 13), day(2025, 12, 15))));
        assert!(!b.is_fuzzy());
    }

    #[test]
    fn single_dates_cover_their_precision_without_a_core() {
        let b = bounds("2025-12");
        assert_eq!(
            (b.earliest_secs, b.latest_secs),
            (day(2025, 12, 1), day(2026, 1, 1))
        );
        assert_eq!(b.core, None);
        let b = bounds("2025");
        assert_eq!(
            (b.earliest_secs, b.latest_secs),
            (day(2025, 1, 1), day(2026, 1, 1))
        );
        let b = bounds("202X");
        assert_eq!(
            (b.earliest_secs, b.latest_secs),
            (day(2020, 1, 1), day(2030, 1, 1))
        );
        let b = bounds("20XX");
        assert_eq!(
            (b.earliest_secs, b.latest_secs),
            (day(2000, 1, 1), day(2100, 1, 1))
        );
        let b = bounds("2025-12-XX");
        assert_eq!(
            (b.earliest_secs, b.latest_secs),
            (day(2025, 12, 1), day(2026, 1, 1))
        );
        let b = bounds("2025-XX");
        assert_eq!(
            (b.earliest_secs, b.latest_secs),
            (day(2025, 1, 1), day(2026, 1, 1))
        );
    }

    #[test]
    fn qualifiers_are_kept_apart_and_do_not_move_bounds() {
        let plain = bounds("2025-12-13");
        let uncertain = bounds("2025-12-13?");
        let approximate = bounds("2025-12~");
        let both = bounds("2025-12-13%");
        assert!(uncertain.uncertain && !uncertain.approximate);
        assert!(!approximate.uncertain && approximate.approximate);
        assert!(both.uncertain && both.approximate);
        assert_eq!(plain.earliest_secs, uncertain.earliest_secs);
        assert_eq!(plain.latest_secs, uncertain.latest_secs);
    }

    #[test]
    fn open_and_unknown_ends() {
        let b = bounds("/2025-12-18");
        assert_eq!(b.start, EndKind::Unknown);
        assert_eq!(b.end, EndKind::Known);
        assert_eq!(b.latest_secs, day(2025, 12, 19));
        let b = bounds("2025-12-20/..");
        assert_eq!(b.start, EndKind::Known);
        assert_eq!(b.end, EndKind::Open);
        assert_eq!(b.earliest_secs, day(2025, 12, 20));
    }

    #[test]
    fn coarse_interval_core_is_the_certain_middle() {
        let b = bounds("2025-12/2026-02");
        assert_eq!(b.earliest_secs, day(2025, 12, 1));
        assert_eq!(b.latest_secs, day(2026, 3, 1));
        assert_eq!(b.core, Some((day(2026, 1, 1), day(2026, 2, 1))));
    }

    #[test]
    fn seasons_and_extreme_years() {
        let b = bounds("2025-24");
        assert_eq!(
            (b.earliest_secs, b.latest_secs),
            (day(2025, 12, 1), day(2026, 3, 1))
        );
        let b = bounds("-0300");
        assert_eq!(b.earliest_secs, day(-300, 1, 1));
        let b = bounds("9999");
        assert_eq!(b.latest_secs, day(9999, 12, 31) + SECS_PER_DAY);
        let b = bounds("-9999");
        assert_eq!(b.earliest_secs, day(-9999, 1, 1));
        let err = DateSpec::parse("Y-170000").unwrap().bounds().unwrap_err();
        assert!(matches!(err, DateError::YearOutOfRange { .. }));
    }

    #[test]
    fn date_time_with_offset_is_an_instant() {
        let b = bounds("2025-12-20T14:00:00+03:00");
        assert_eq!(b.earliest_secs, day(2025, 12, 20) + 11 * 3600);
        assert_eq!(b.latest_secs, b.earliest_secs);
        let b = bounds("2025-12-20T14:00:00Z");
        assert_eq!(b.earliest_secs, day(2025, 12, 20) + 14 * 3600);
    }

    #[test]
    fn errors_say_what_was_expected() {
        let err = DateSpec::parse("20 Dec 2025").unwrap_err();
        assert!(
            err.to_string().contains("expected e.g. 2025-12-20"),
            "{err}"
        );
        let err = DateSpec::parse("2025-02-30").unwrap_err();
        assert!(matches!(err, DateError::OutOfRange { .. }));
        let err = DateSpec::parse("2025-12-21/2025-12-20")
            .unwrap()
            .bounds()
            .unwrap_err();
        assert!(matches!(err, DateError::Reversed { .. }), "{err}");
    }

    #[test]
    fn text_round_trips_losslessly() {
        for text in [
            "2025-12-20/2025-12-21",
            "2025-12-13?",
            "2025-12~",
            "/2025-12-21",
            "2025-12-20/..",
            "../2025-12-20",
            "2025-24",
            "-0300",
            "2025-12-XX",
            "202X",
            "2025-12-20%",
            "2025-12-20T14:00:00Z",
        ] {
            assert_eq!(DateSpec::parse(text).unwrap().edtf_text(), text);
        }
    }

    #[test]
    fn civil_from_secs_inverts_day_start() {
        let dt = civil_from_secs(day(2025, 12, 18) + 3600 * 5 + 60 * 7);
        assert_eq!(
            (dt.year(), dt.month(), dt.day(), dt.hour(), dt.minute()),
            (2025, 12, 18, 5, 7)
        );
    }

    #[test]
    fn wording_and_time_zone_share_one_optional_box() {
        let plain = DateSpec::parse("2025-12-20").unwrap();
        let mut date = plain.clone().with_wording("this weekend");
        assert_eq!(date.wording(), Some("this weekend"));
        date.set_tz(Some(Id::new("Europe/Berlin")));
        assert_eq!(date.tz(), Some(Id::new("Europe/Berlin")));
        let text = ron::to_string(&date).unwrap();
        // Plain `ron` writes `Some(…)`; project files use the implicit-`Some` extension.
        assert_eq!(
            text,
            r#"(edtf:"2025-12-20",wording:Some("this weekend"),tz:Some("Europe/Berlin"))"#
        );
        assert_eq!(ron::from_str::<DateSpec>(&text).unwrap(), date);
        // Cleared, the date equals one that never had them.
        date.set_wording(None);
        date.set_tz(None);
        assert_eq!(date, plain);
        assert_eq!(ron::to_string(&date).unwrap(), r#"(edtf:"2025-12-20")"#);
        assert!(ron::from_str::<DateSpec>(r#"(edtf:"2025-12-20",when:"x")"#).is_err());
    }

    /// The memory budget of a million-event project (300 bytes an event) is planned on
    /// these sizes; a field added carelessly shows here first.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn model_types_keep_their_planned_sizes() {
        assert_eq!(size_of::<DateSpec>(), 32);
        // 144 until issue 13 added the reported states: a `ThinVec`, 8 bytes, empty for
        // events no later report revised (8 MB at a million events, 2.7 % of the budget).
        assert_eq!(size_of::<crate::model::Event>(), 152);
        assert_eq!(size_of::<crate::model::Participation>(), 8);
        assert_eq!(size_of::<crate::model::Citation>(), 8);
        assert_eq!(size_of::<crate::model::Claim>(), 120);
    }
}
