//! Adaptive time-axis ticks: which calendar instants get a tick and a label at a zoom level.
//!
//! Two rows: a fine row (minutes up to millennia) and a coarse row naming the enclosing unit
//! (the day above hours, the month above days, the decade above years). Ticks fall on civil
//! calendar boundaries computed with `jiff` (months and years differ in length); only
//! minutes, hours and weeks step by fixed seconds, which is exact because timeline time is UTC
//! and `TimeSecs` has no leap seconds (every day is 86,400 s).
//!
//! Years use astronomical numbering, as EDTF does: year 0 exists and EDTF `-0300` is 301 BCE.
//! Labels print it as `-300`, the number the analyst typed, with no era suffix to translate.
//!
//! Drawing: every tick carries its label; labels in a row are at most as wide as the gap to the
//! next labelled tick (plus [`LABEL_GAP_PX`]), so they may be drawn starting at the tick's x or
//! centred on it. Ticks left of `view.min_x` are not labelled in place: their label is in
//! [`AxisTicks::coarse_pinned`] / [`AxisTicks::fine_pinned`], to be drawn at the left edge.

use jiff::{civil, fmt::strtime};

use super::TimeView;
use crate::model::{MAX_YEAR, MIN_YEAR, SECS_PER_DAY, TimeSecs, civil_from_secs, day_start_secs};

/// Free space after a label's text: about two spaces of egui's 13 px body text (~4 px each),
/// so that neighbouring labels never read as one phrase.
pub const LABEL_GAP_PX: f64 = 8.0;

/// Safety cap per row: a 3,840 px (4K) canvas at the 8 px minimum pitch holds 480 ticks; twice
/// that is headroom. A unit that would need more is skipped for a coarser one.
const MAX_TICKS_PER_ROW: usize = 1000;

/// 1970-01-05, the first Monday after the epoch, in seconds.
const FIRST_MONDAY_SECS: TimeSecs = 4 * SECS_PER_DAY;
/// -9999-01-01T00:00Z, the first instant `jiff` (and the model) supports.
const CALENDAR_START_SECS: TimeSecs = -377_705_116_800;
/// 10000-01-01T00:00Z, just past the last supported instant (exclusive).
const CALENDAR_END_SECS: TimeSecs = 253_402_300_800;

/// The calendar step between neighbouring ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    /// Every n minutes past the hour (n divides 60).
    Minute(u32),
    /// Every n hours from midnight (n divides 24).
    Hour(u32),
    /// Days 1, 1+n, 1+2n… of each month. A tick closer than n days to the next month's 1st
    /// is skipped (day 31 for n = 2), so neighbours are never nearer than n days.
    Day(u32),
    /// Mondays (ISO 8601 weeks). Chosen over days 1, 8, 15, 22 because the gaps stay a
    /// uniform 7 days (that scheme has 7–10 day gaps at month ends) and because analysts
    /// read sources in working weeks ("this weekend", "last weekend").
    Week,
    /// Every n months from January (n divides 12).
    Month(u32),
    /// Years divisible by n (astronomical numbering, so year 0 is a tick for every n).
    Year(u32),
}

/// Fine-row candidates, finest first.
#[rustfmt::skip]
const FINE_UNITS: [TickUnit; 27] = {
    use TickUnit::{Day, Hour, Minute, Month, Week, Year};
    [
        Minute(1), Minute(5), Minute(10), Minute(15), Minute(30),
        Hour(1), Hour(3), Hour(6), Hour(12),
        Day(1), Day(2), Week,
        Month(1), Month(3), Month(6),
        Year(1), Year(2), Year(5), Year(10), Year(20), Year(50), Year(100), Year(200),
        Year(500), Year(1000), Year(2000), Year(5000),
    ]
};

impl TickUnit {
    /// The shortest gap between neighbouring ticks: what label room must be checked against.
    fn min_step_secs(self) -> i64 {
        let days = |d: u32| i64::from(d) * SECS_PER_DAY;
        match self {
            Self::Minute(n) => i64::from(n.max(1)) * 60,
            Self::Hour(n) => i64::from(n.max(1)) * 3600,
            Self::Day(n) => days(n.max(1)),
            Self::Week => days(7),
            // Shortest aligned quarter: Jan–Mar of a common year, 90 days; shortest half:
            // Jan–Jun, 181 days; a month is at least 28 days.
            Self::Month(3) => days(90),
            Self::Month(6) => days(181),
            Self::Month(n) => days(28 * n.max(1)),
            Self::Year(n) => days(365 * n.max(1)),
        }
    }

    fn year_step(self) -> i32 {
        match self {
            Self::Year(n) => n.clamp(1, 10_000) as i32,
            _ => 1,
        }
    }

    /// The coarse-row unit above a fine unit. Each spans at least 2 fine ticks (Hour(12) under
    /// days is the tightest), so the upper row always groups the lower one.
    fn coarse(self) -> Option<Self> {
        match self {
            Self::Minute(n) if n <= 15 => Some(Self::Hour(1)),
            Self::Minute(_) | Self::Hour(_) => Some(Self::Day(1)),
            Self::Day(_) | Self::Week => Some(Self::Month(1)),
            Self::Month(_) => Some(Self::Year(1)),
            Self::Year(n) if n <= 2 => Some(Self::Year(10)),
            Self::Year(n) if n <= 20 => Some(Self::Year(100)),
            Self::Year(n) if n <= 200 => Some(Self::Year(1000)),
            // 500-year ticks and up: a 10,000-year group would hold only year 0 in range.
            Self::Year(_) => None,
        }
    }
}

/// Whether a tick bounds a coarse unit too (month start among day ticks): drawn heavier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickStrength {
    Major,
    Minor,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub secs: TimeSecs,
    /// Screen x, from [`TimeView::x_from_time`].
    pub x: f64,
    /// Empty when the label was dropped so as not to overlap its left neighbour.
    pub label: String,
    pub strength: TickStrength,
}

/// The label of the unit that began left of the canvas, to be drawn at `x = view.min_x`.
#[derive(Clone, Debug, PartialEq)]
pub struct PinnedLabel {
    pub label: String,
    pub x: f64,
    /// Room before the next tick's label (gap included); the label is chosen to fit in it.
    pub max_width_px: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AxisTicks {
    /// Lower row, ascending, including one tick beyond each edge of the view when it exists.
    pub fine: Vec<Tick>,
    /// Upper row, ascending, including one tick beyond each edge of the view when it exists.
    pub coarse: Vec<Tick>,
    /// When no unit leaves room for its labels, `Year(5000)` with both rows empty.
    pub fine_unit: TickUnit,
    /// `None` above 500-year ticks and when nothing fits.
    pub coarse_unit: Option<TickUnit>,
    /// The coarse unit that started before the left edge (e.g. "December 2025" while days of
    /// late December are shown); `None` if it would not fit before the next coarse label.
    pub coarse_pinned: Option<PinnedLabel>,
    /// Only when no fine tick is on the canvas (a minute wider than the view), so the deepest
    /// zoom still says which minute it shows.
    pub fine_pinned: Option<PinnedLabel>,
}

/// Ticks for both rows of `view`'s axis. Labels need `chars × char_width_px +`
/// [`LABEL_GAP_PX`] and at least `min_label_spacing_px`; the finest unit whose shortest gap
/// gives its labels that room is chosen, with its longest label form that still fits.
pub fn axis_ticks(view: &TimeView, min_label_spacing_px: f64, char_width_px: f64) -> AxisTicks {
    let mut axis = AxisTicks {
        fine: Vec::new(),
        coarse: Vec::new(),
        fine_unit: TickUnit::Year(5000),
        coarse_unit: None,
        coarse_pinned: None,
        fine_pinned: None,
    };
    let spp = view.secs_per_px;
    let finite = [view.min_x, view.width_px, view.start_secs, view.end_secs()]
        .iter()
        .all(|v| v.is_finite());
    if !(finite && spp.is_finite() && spp > 0.0) {
        return axis;
    }
    // `max` also turns NaN into 0.
    let room = Room {
        char_width: char_width_px.max(0.0),
        min_spacing: min_label_spacing_px.max(0.0),
    };
    let t0 = clamp_secs(view.start_secs.floor());
    let t1 = clamp_secs(view.end_secs().ceil());
    let (y0, y1) = (ymd(t0).1, ymd(t1).1);

    let choice = FINE_UNITS.iter().copied().find_map(|unit| {
        let ticks = (t1 - t0) as f64 / unit.min_step_secs() as f64 + 3.0;
        if ticks > MAX_TICKS_PER_ROW as f64 {
            return None;
        }
        let pitch = unit.min_step_secs() as f64 / spp;
        let year_chars = year_chars(y0, y1, unit.year_step());
        room.longest_fit(formats(unit, false), year_chars, pitch)
            .map(|format| (unit, format))
    });
    let Some((fine_unit, fine_format)) = choice else {
        return axis;
    };
    axis.fine_unit = fine_unit;
    axis.coarse_unit = fine_unit.coarse();

    let coarse_secs = axis
        .coarse_unit
        .map(|unit| tick_secs(unit, t0, t1))
        .unwrap_or_default();
    if let Some(unit) = axis.coarse_unit {
        let year_chars = year_chars(y0, y1, unit.year_step());
        let pitch = unit.min_step_secs() as f64 / spp;
        let forms = formats(unit, true);
        // The shortest form when none fits; `label_row` then drops labels that would collide.
        let format = room
            .longest_fit(forms, year_chars, pitch)
            .or(forms.last().copied())
            .unwrap_or(Format("{year}"));
        let need = room.needed_px(format.chars(year_chars));
        axis.coarse = label_row(view, &coarse_secs, format, need, |_| TickStrength::Major);
        axis.coarse_pinned = pinned(view, &axis.coarse, forms, year_chars, room.char_width);
    }

    let fine_secs = tick_secs(fine_unit, t0, t1);
    let year_chars = year_chars(y0, y1, fine_unit.year_step());
    let need = room.needed_px(fine_format.chars(year_chars));
    axis.fine = label_row(view, &fine_secs, fine_format, need, |secs| {
        if coarse_secs.binary_search(&secs).is_ok() {
            TickStrength::Major
        } else {
            TickStrength::Minor
        }
    });
    let on_canvas = |t: &Tick| (view.min_x..=view.max_x()).contains(&t.x);
    if !axis.fine.iter().any(on_canvas) {
        let forms = formats(fine_unit, false);
        axis.fine_pinned = pinned(view, &axis.fine, forms, year_chars, room.char_width);
    }
    axis
}

#[derive(Clone, Copy)]
struct Room {
    char_width: f64,
    min_spacing: f64,
}

impl Room {
    fn needed_px(self, chars: usize) -> f64 {
        (chars as f64 * self.char_width + LABEL_GAP_PX).max(self.min_spacing)
    }

    /// The first (longest) of `forms` whose labels fit a tick pitch of `pitch_px`.
    fn longest_fit(self, forms: &[Format], year_chars: usize, pitch_px: f64) -> Option<Format> {
        forms
            .iter()
            .copied()
            .find(|f| self.needed_px(f.chars(year_chars)) <= pitch_px)
    }
}

/// Builds a labelled row; a label closer than `need_px` to the previous kept label is left
/// empty (only happens for the coarse row when even its shortest form is too wide).
fn label_row(
    view: &TimeView,
    secs: &[TimeSecs],
    format: Format,
    need_px: f64,
    strength: impl Fn(TimeSecs) -> TickStrength,
) -> Vec<Tick> {
    let mut last_label_x = f64::NEG_INFINITY;
    secs.iter()
        .map(|&s| {
            let x = view.x_from_time(s as f64);
            let label = if x - last_label_x >= need_px {
                last_label_x = x;
                format.render(civil_from_secs(s))
            } else {
                String::new()
            };
            Tick {
                secs: s,
                x,
                label,
                strength: strength(s),
            }
        })
        .collect()
}

/// The label for the last tick left of the canvas, in the longest form that fits before the
/// next tick (or the right edge).
fn pinned(
    view: &TimeView,
    row: &[Tick],
    forms: &[Format],
    year_chars: usize,
    char_width: f64,
) -> Option<PinnedLabel> {
    let i = row.iter().rposition(|t| t.x < view.min_x)?;
    let next_x = row.get(i + 1).map_or(f64::INFINITY, |t| t.x);
    let max_width_px = (next_x - LABEL_GAP_PX).min(view.max_x()) - view.min_x;
    let format = forms
        .iter()
        .find(|f| f.chars(year_chars) as f64 * char_width <= max_width_px)?;
    Some(PinnedLabel {
        label: format.render(civil_from_secs(row[i].secs)),
        x: view.min_x,
        max_width_px,
    })
}

/// Tick instants from the last at or before `t0` to the first at or after `t1`, within the
/// calendar. Empty rather than longer than [`MAX_TICKS_PER_ROW`] + 2.
fn tick_secs(unit: TickUnit, t0: TimeSecs, t1: TimeSecs) -> Vec<TimeSecs> {
    let mut out = Vec::new();
    let mut tick = floor_tick(unit, t0);
    while let Some(t) = tick {
        out.push(t);
        if t >= t1 {
            break;
        }
        if out.len() > MAX_TICKS_PER_ROW + 2 {
            return Vec::new();
        }
        // `filter` guards against a non-advancing step looping forever.
        tick = next_tick(unit, t).filter(|&n| n > t);
    }
    out
}

/// The last tick at or before `secs`, or the calendar's first tick if there is none.
fn floor_tick(unit: TickUnit, secs: TimeSecs) -> Option<TimeSecs> {
    let (date, y, m, d) = ymd(secs);
    match unit {
        TickUnit::Minute(_) | TickUnit::Hour(_) | TickUnit::Week => {
            let step = unit.min_step_secs();
            let offset = FIRST_MONDAY_SECS * i64::from(unit == TickUnit::Week);
            let floor = offset + (secs - offset).div_euclid(step) * step;
            let tick = floor + step * i64::from(floor < CALENDAR_START_SECS);
            (tick < CALENDAR_END_SECS).then_some(tick)
        }
        TickUnit::Day(n) => {
            let n = n.max(1);
            let days_in_month = date.days_in_month() as u32;
            let mut day = 1 + (d - 1) / n * n;
            if day + n > days_in_month + 1 && day > n {
                day -= n;
            }
            day_start_secs(y, m, day).ok()
        }
        TickUnit::Month(n) => day_start_secs(y, 1 + (m - 1) / n.max(1) * n.max(1), 1).ok(),
        TickUnit::Year(_) => {
            let step = unit.year_step();
            let mut year = y.div_euclid(step) * step;
            if year < MIN_YEAR {
                year += step;
            }
            day_start_secs(year, 1, 1).ok()
        }
    }
}

/// The tick after `tick`, or `None` past the calendar's end.
fn next_tick(unit: TickUnit, tick: TimeSecs) -> Option<TimeSecs> {
    let (date, y, m, d) = ymd(tick);
    let next_month = |y: i32, m: u32| day_start_secs(y, m, 1).ok();
    match unit {
        TickUnit::Minute(_) | TickUnit::Hour(_) | TickUnit::Week => {
            Some(tick + unit.min_step_secs()).filter(|&t| t < CALENDAR_END_SECS)
        }
        TickUnit::Day(n) => {
            let n = n.max(1);
            let day = d + n;
            if day + n <= date.days_in_month() as u32 + 1 {
                day_start_secs(y, m, day).ok()
            } else if m == 12 {
                next_month(y + 1, 1)
            } else {
                next_month(y, m + 1)
            }
        }
        TickUnit::Month(n) if m + n.max(1) > 12 => next_month(y + 1, 1),
        TickUnit::Month(n) => next_month(y, m + n.max(1)),
        TickUnit::Year(_) => day_start_secs(y + unit.year_step(), 1, 1).ok(),
    }
}

fn clamp_secs(secs: f64) -> TimeSecs {
    // `as` saturates (and maps NaN to 0), so any f64 lands in the calendar.
    (secs as TimeSecs).clamp(CALENDAR_START_SECS, CALENDAR_END_SECS - 1)
}

fn ymd(secs: TimeSecs) -> (civil::Date, i32, u32, u32) {
    let date = civil_from_secs(secs).date();
    let (y, m, d) = (date.year().into(), date.month() as u32, date.day() as u32);
    (date, y, m, d)
}

/// The longest year label among ticks near `[first, last]`: ticks lie within one step of the
/// range, and label length only grows away from year 0, so the ends bound it.
fn year_chars(first: i32, last: i32, step: i32) -> usize {
    let len = |y: i32| {
        let digits = y
            .unsigned_abs()
            .checked_ilog10()
            .map_or(1, |d| d as usize + 1);
        digits + usize::from(y < 0)
    };
    let lo = first.saturating_sub(step).max(MIN_YEAR);
    let hi = last.saturating_add(step).min(MAX_YEAR);
    len(lo).max(len(hi))
}

/// How a tick is written: a `jiff` strftime pattern in which `{year}` stands for the year,
/// printed here because `%Y` pads to four digits ("-0300") where the axis shows the number as
/// typed ("-300").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Format(&'static str);

/// The widest expansion of each pattern item (`September` for `%B`); `{year}` is measured on
/// the years in view.
const WIDEST: [(&str, usize); 7] = [
    ("{year}", 0),
    ("%a", 3),
    ("%b", 3),
    ("%B", 9),
    ("%-d", 2),
    ("%H", 2),
    ("%M", 2),
];

impl Format {
    fn chars(self, year_chars: usize) -> usize {
        WIDEST
            .iter()
            .fold(self.0.chars().count(), |n, &(item, widest)| {
                let widest = if item == "{year}" { year_chars } else { widest };
                let k = self.0.matches(item).count();
                n.saturating_sub(k * item.len()) + k * widest
            })
    }

    fn render(self, dt: civil::DateTime) -> String {
        let parts: Vec<String> = (self.0.split("{year}"))
            .map(|part| strtime::format(part, dt).unwrap_or_default())
            .collect();
        parts.join(&dt.year().to_string())
    }
}

/// Label forms of a unit, longest first.
fn formats(unit: TickUnit, coarse: bool) -> &'static [Format] {
    match (unit, coarse) {
        (TickUnit::Minute(_) | TickUnit::Hour(_), false) => &[Format("%H:%M")],
        (TickUnit::Day(_) | TickUnit::Week, false) => &[Format("%a %-d"), Format("%-d")],
        (TickUnit::Month(_), false) => &[Format("%B"), Format("%b")],
        (TickUnit::Year(_), false) | (TickUnit::Year(1), true) => &[Format("{year}")],
        (TickUnit::Minute(_) | TickUnit::Hour(_), true) => &[
            Format("%a %-d %b {year} %H:%M"),
            Format("%-d %b {year} %H:%M"),
            Format("%-d %b %H:%M"),
        ],
        (TickUnit::Day(_) | TickUnit::Week, true) => &[
            Format("%a %-d %b {year}"),
            Format("%-d %b {year}"),
            Format("%-d %b"),
        ],
        (TickUnit::Month(_), true) => &[Format("%B {year}"), Format("%b {year}")],
        // Decades, centuries and millennia alike are "1900s": the fine row below (1910,
        // 1920… or 1100, 1200…) says which is meant.
        (TickUnit::Year(_), true) => &[Format("{year}s")],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{MAX_SECS_PER_PX, MIN_SECS_PER_PX};

    const YEAR: f64 = 365.25 * 86_400.0;
    const D: f64 = 86_400.0;
    const H: f64 = 3600.0;
    const CHAR_W: f64 = 7.0;

    fn day(y: i32, m: u32, d: u32) -> TimeSecs {
        day_start_secs(y, m, d).unwrap()
    }

    /// A 1000 px view of `span` seconds centred on `center`.
    fn view(center: TimeSecs, span: f64) -> TimeView {
        let c = center as f64;
        TimeView::new(0.0, 1000.0, c - span / 2.0, c + span / 2.0)
    }

    fn labels(row: &[Tick]) -> Vec<&str> {
        row.iter().map(|t| t.label.as_str()).collect()
    }

    /// Every invariant the painter relies on, for one view.
    fn check(view: &TimeView, min_spacing: f64, char_w: f64) -> AxisTicks {
        let axis = axis_ticks(view, min_spacing, char_w);
        for row in [&axis.fine, &axis.coarse] {
            assert!(row.len() <= MAX_TICKS_PER_ROW + 2, "{view:?}");
            // At most one tick per label width on the canvas, plus one beyond each edge.
            let per_label = min_spacing.max(LABEL_GAP_PX);
            assert!(
                row.len() as f64 <= view.width_px / per_label + 3.0,
                "{view:?}"
            );
            assert!(row.windows(2).all(|w| w[0].secs < w[1].secs), "{view:?}");
            assert!(row.iter().filter(|t| t.x < view.min_x).count() <= 1);
            assert!(row.iter().filter(|t| t.x > view.max_x()).count() <= 1);
            let labelled: Vec<&Tick> = row.iter().filter(|t| !t.label.is_empty()).collect();
            for w in labelled.windows(2) {
                let widest = w[0].label.chars().count().max(w[1].label.chars().count());
                let need = (widest as f64 * char_w + LABEL_GAP_PX).max(min_spacing);
                assert!(
                    w[1].x - w[0].x >= need - 1e-6,
                    "{:?} and {:?} overlap in {view:?}",
                    w[0],
                    w[1]
                );
            }
        }
        for (pin, row) in [
            (&axis.coarse_pinned, &axis.coarse),
            (&axis.fine_pinned, &axis.fine),
        ] {
            if let Some(pin) = pin {
                let width = pin.label.chars().count() as f64 * char_w;
                assert!(width <= pin.max_width_px + 1e-6);
                if let Some(next) = row.iter().find(|t| t.x >= view.min_x) {
                    assert!(
                        view.min_x + width + LABEL_GAP_PX <= next.x + 1e-6,
                        "{view:?}"
                    );
                }
            }
        }
        axis
    }

    #[test]
    fn unit_and_labels_fit_the_scale() {
        use TickUnit::{Day, Hour, Minute, Month, Week, Year};
        let at = day(2025, 12, 20) + 13 * 3600;
        // 1000 px at 7 px a character: "20" needs 22 px, "Sat 20" 50 px, "2025" 36 px.
        #[rustfmt::skip]
        let cases = [
            (300.0, Minute(1), Some(Hour(1)), "13:01", "Sat 20 Dec 2025 13:00"),
            (6.0 * H, Minute(30), Some(Day(1)), "14:30", "Sat 20 Dec 2025"),
            (2.0 * D, Hour(3), Some(Day(1)), "15:00", "Sun 21 Dec 2025"),
            (14.0 * D, Day(1), Some(Month(1)), "Sat 20", "December 2025"),
            (21.0 * D, Day(1), Some(Month(1)), "20", "January 2026"),
            (YEAR / 2.0, Week, Some(Month(1)), "22", "December 2025"),
            (2.0 * YEAR, Month(1), Some(Year(1)), "Dec", "2025"),
            (10.0 * YEAR, Month(6), Some(Year(1)), "Jul", "2025"),
            (25.0 * YEAR, Year(1), Some(Year(10)), "2025", "2020s"),
            (300.0 * YEAR, Year(20), Some(Year(100)), "2020", "2000s"),
            (20_000.0 * YEAR, Year(1000), None, "-7000", ""),
        ];
        for (span, fine_unit, coarse_unit, fine, coarse) in cases {
            let axis = check(&view(at, span), 0.0, CHAR_W);
            assert_eq!(
                (axis.fine_unit, axis.coarse_unit),
                (fine_unit, coarse_unit),
                "span {span}"
            );
            assert!(
                labels(&axis.fine).contains(&fine),
                "{:?}",
                labels(&axis.fine)
            );
            let coarse_labels = labels(&axis.coarse);
            assert!(
                coarse.is_empty() || coarse_labels.contains(&coarse),
                "{coarse_labels:?}"
            );
        }
    }

    #[test]
    fn month_and_year_ticks_fall_on_calendar_starts() {
        let axis = check(&view(day(2024, 2, 10), 2.0 * YEAR), 0.0, CHAR_W);
        assert_eq!(axis.fine_unit, TickUnit::Month(1));
        for tick in &axis.fine {
            let dt = civil_from_secs(tick.secs);
            assert_eq!(tick.secs, day(dt.year().into(), dt.month() as u32, 1));
            let year_start = dt.month() == 1;
            assert_eq!(tick.strength == TickStrength::Major, year_start);
        }
        assert!(labels(&axis.fine).contains(&"Feb"));
        for tick in &axis.coarse {
            let year = i32::from(civil_from_secs(tick.secs).year());
            assert_eq!(tick.secs, day(year, 1, 1));
            assert_eq!(tick.label, year.to_string());
        }
    }

    #[test]
    fn two_day_ticks_restart_each_month_and_weeks_are_mondays() {
        let axis = check(&view(day(2024, 2, 20), 50.0 * D), 0.0, CHAR_W);
        assert_eq!(axis.fine_unit, TickUnit::Day(2));
        for w in axis.fine.windows(2) {
            assert!(w[1].secs - w[0].secs >= 2 * SECS_PER_DAY);
            assert_eq!(civil_from_secs(w[0].secs).day() % 2, 1);
        }
        // 2024 is a leap year: February 29 would sit one day before March 1, so it is skipped.
        let secs: Vec<_> = axis.fine.iter().map(|t| t.secs).collect();
        assert!(secs.contains(&day(2024, 2, 27)) && secs.contains(&day(2024, 3, 1)));
        assert!(!secs.contains(&day(2024, 2, 29)));
        let axis = check(&view(day(2025, 12, 20), YEAR / 2.0), 0.0, CHAR_W);
        assert_eq!(axis.fine_unit, TickUnit::Week);
        for tick in &axis.fine {
            assert_eq!(civil_from_secs(tick.secs).weekday(), civil::Weekday::Monday);
        }
    }

    #[test]
    fn negative_years_use_astronomical_numbering() {
        let axis = check(&view(day(-300, 6, 1), 10.0 * YEAR), 0.0, CHAR_W);
        let coarse = labels(&axis.coarse);
        assert!(coarse.contains(&"-301"), "{coarse:?}");
        let year = axis.coarse.iter().find(|t| t.label == "-300").unwrap();
        assert_eq!(year.secs, day(-300, 1, 1));
        let axis = check(&view(day(0, 1, 1), 40.0 * YEAR), 0.0, CHAR_W);
        let fine = labels(&axis.fine);
        assert!(fine.contains(&"0") && fine.contains(&"-2"), "{fine:?}");
        assert!(labels(&axis.coarse).contains(&"-10s"));
    }

    #[test]
    fn the_unit_begun_before_the_left_edge_is_pinned() {
        let axis = check(&view(day(2025, 12, 20), 21.0 * D), 0.0, CHAR_W);
        let pin = axis.coarse_pinned.unwrap();
        assert_eq!((pin.label.as_str(), pin.x), ("December 2025", 0.0));
        assert!(axis.fine_pinned.is_none());
        // January's label a day in (33 px): no room even for "Dec 2025", so nothing is pinned.
        let start = day(2025, 12, 31) as f64;
        let v = TimeView::new(0.0, 1000.0, start, start + 30.0 * D);
        assert!(check(&v, 0.0, CHAR_W).coarse_pinned.is_none());
        // Ten seconds across the canvas: no minute tick on it, so the minute is pinned.
        let start = (day(2025, 12, 20) + 14 * 3600 + 30 * 60 + 20) as f64;
        let v = TimeView::new(0.0, 1000.0, start, start + 10.0);
        let axis = check(&v, 0.0, CHAR_W);
        assert_eq!(axis.fine_pinned.unwrap().label, "14:30");
        assert_eq!(axis.coarse_pinned.unwrap().label, "Sat 20 Dec 2025 14:00");
    }

    #[test]
    fn labels_never_overlap_at_any_zoom() {
        let (first, end) = (CALENDAR_START_SECS as f64, CALENDAR_END_SECS as f64);
        let steps = 80;
        for start in [
            day(2025, 12, 20) as f64,
            0.0,
            -300.0 * YEAR,
            first + 1e5,
            end - 1e5,
        ] {
            for i in 0..=steps {
                let f = f64::from(i) / f64::from(steps);
                let spp = MIN_SECS_PER_PX * (MAX_SECS_PER_PX / MIN_SECS_PER_PX).powf(f);
                for (min_spacing, char_w) in [(0.0, CHAR_W), (40.0, 6.0), (0.0, 0.0), (0.0, 30.0)] {
                    let v = TimeView {
                        min_x: 50.0,
                        width_px: 1200.0,
                        start_secs: start - 600.0 * spp,
                        secs_per_px: spp,
                    };
                    check(&v, min_spacing, char_w);
                }
            }
        }
    }

    #[test]
    fn extreme_views_do_not_panic() {
        let (first, end) = (CALENDAR_START_SECS as f64, CALENDAR_END_SECS as f64);
        for start in [first, end, -1e300, 1e300, f64::MAX] {
            for spp in [MIN_SECS_PER_PX, MAX_SECS_PER_PX, 1e-9, 1e30] {
                for width_px in [1.0, 1000.0, 1e9] {
                    let v = TimeView {
                        min_x: -5.0,
                        width_px,
                        start_secs: start - width_px * spp / 2.0,
                        secs_per_px: spp,
                    };
                    check(&v, 0.0, CHAR_W);
                    check(&v, 1e9, CHAR_W);
                    check(&v, 0.0, 1e9);
                }
            }
        }
        let v = view(day(9999, 12, 31), 5.0 * D);
        let axis = check(&v, 0.0, CHAR_W);
        let last = axis.fine.last().unwrap().secs;
        assert!((day(9999, 12, 31)..CALENDAR_END_SECS).contains(&last));
        let v = view(day(-9999, 1, 1), 400.0 * YEAR);
        let first = check(&v, 0.0, CHAR_W).fine[0].secs;
        assert!(first >= day(-9999, 1, 1) && civil_from_secs(first).day() == 1);
        let nothing_fits = axis_ticks(&v, f64::INFINITY, CHAR_W);
        assert!(nothing_fits.fine.is_empty() && nothing_fits.coarse.is_empty());
    }

    #[test]
    fn calendar_limits_match_the_model() {
        assert_eq!(CALENDAR_START_SECS, day(MIN_YEAR, 1, 1));
        assert_eq!(CALENDAR_END_SECS, day(MAX_YEAR, 12, 31) + SECS_PER_DAY);
        assert_eq!(day(1970, 1, 5), FIRST_MONDAY_SECS);
    }
}
