//! The milestone-trend chart of an event's history (issue 13, drift): the date each report
//! was published across, the date it expected the event on up, one point per reported
//! state. A flat line is a stable plan; a rising one, a plan that slipped; a falling one,
//! an event that came early. The diagonal is where the expected date is the publication
//! date: a plan meets it on the day the event happens.
//!
//! Both axes show the same span of days, so the diagonal runs corner to corner. Pure and
//! screen-space: the details view's painter only paints what this returns.

use jiff::fmt::strtime;

use crate::model::{SECS_PER_DAY, TimeSecs, civil_from_secs};

/// One reported state to plot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrendState {
    /// Position in `event.reported`.
    pub state: usize,
    /// When it became known (`ReportedState::known_secs`): the end of its publication date,
    /// so the state is plotted on the day before that instant.
    pub known_secs: TimeSecs,
    /// What it expected: the date's earliest (inclusive) and latest (exclusive) instants.
    pub expected: (TimeSecs, TimeSecs),
}

/// Where the chart goes and how big its text is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartFrame {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    /// Average width of a tick label's character, in points (estimated, as the timeline's
    /// labels are).
    pub char_width: f64,
    /// Height of a line of tick labels.
    pub line_height: f64,
}

/// A tick on one axis: where it is (x on the time axis across, y on the one up) and what it
/// says.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartTick {
    pub secs: TimeSecs,
    pub pos: f64,
    pub label: String,
}

/// One state's point; `range` is the vertical bar of a date longer than a day (its latest
/// end on top, `(top, bottom)` in screen y).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendPoint {
    pub state: usize,
    pub x: f64,
    pub y: f64,
    pub range: Option<(f64, f64)>,
}

/// The rectangle the points are plotted in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotRect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TrendChart {
    pub plot: PlotRect,
    /// The span of days both axes show: `[start, end)`.
    pub start_secs: TimeSecs,
    pub end_secs: TimeSecs,
    /// Publication dates, under the plot.
    pub x_ticks: Vec<ChartTick>,
    /// Expected dates, left of the plot.
    pub y_ticks: Vec<ChartTick>,
    /// In publication order, as given.
    pub points: Vec<TrendPoint>,
    /// Where expected date = publication date: from bottom left to top right.
    pub diagonal: [(f64, f64); 2],
}

/// A day of room on each side of what is plotted, so that no point sits on the frame.
const PAD_SECS: TimeSecs = SECS_PER_DAY;
/// The longest span the chart shows (200 years): a date without a known end would
/// otherwise stretch it until every point is one pixel.
const MAX_SPAN_SECS: TimeSecs = 200 * 366 * SECS_PER_DAY;
/// Room between a label and its neighbour: about two spaces.
const LABEL_GAP_PX: f64 = 8.0;
/// Room between the y labels and the plot.
const TICK_GAP_PX: f64 = 6.0;

/// The chart of `states` in `frame`; `None` when there is nothing to plot or no room.
pub fn milestone_trend(states: &[TrendState], frame: &ChartFrame) -> Option<TrendChart> {
    let published_day = |s: &TrendState| day_floor(s.known_secs.saturating_sub(1));
    let mut start = TimeSecs::MAX;
    let mut end = TimeSecs::MIN;
    for s in states {
        let day = published_day(s);
        start = start.min(day).min(s.expected.0);
        end = end.max(day + SECS_PER_DAY).max(s.expected.1);
    }
    if states.is_empty() {
        return None;
    }
    let start = day_floor(start).saturating_sub(PAD_SECS);
    let end = day_floor(end.saturating_add(SECS_PER_DAY - 1)).saturating_add(PAD_SECS);
    let end = end.min(start.saturating_add(MAX_SPAN_SECS));
    let span_days = (end - start) as f64 / SECS_PER_DAY as f64;

    // The labels' room decides the margins: the y labels' widest on the left, half an x
    // label on the right (the last may be centred on the plot's edge), a line below.
    let widest = |unit: Unit| unit.label_chars() as f64 * frame.char_width;
    let unit_y = pick_unit(span_days, frame.height, |_| frame.line_height + 2.0);
    let left = frame.left + widest(unit_y) + TICK_GAP_PX;
    let right = frame.left + frame.width - widest(Unit::Month(1)) / 2.0;
    let top = frame.top + frame.line_height / 2.0;
    let bottom = frame.top + frame.height - frame.line_height - 4.0;
    if right - left < 40.0 || bottom - top < 40.0 {
        return None;
    }
    let plot = PlotRect {
        left,
        top,
        right,
        bottom,
    };
    let fraction = |secs: f64| (secs - start as f64) / (end - start) as f64;
    let x_of = |secs: f64| left + fraction(secs) * (right - left);
    let y_of = |secs: f64| bottom - fraction(secs) * (bottom - top);
    let unit_x = pick_unit(span_days, right - left, |u| widest(u) + LABEL_GAP_PX);
    let ticks = |unit: Unit, place: &dyn Fn(f64) -> f64| -> Vec<ChartTick> {
        unit.ticks(start, end)
            .into_iter()
            .map(|(secs, centre, label)| ChartTick {
                secs,
                pos: place(centre as f64),
                label,
            })
            .collect()
    };
    let points = states
        .iter()
        .map(|s| {
            let day = published_day(s);
            let (a, b) = (s.expected.0.max(start), s.expected.1.min(end));
            let mid = f64::midpoint(a as f64, b as f64);
            TrendPoint {
                state: s.state,
                x: x_of((day + SECS_PER_DAY / 2) as f64),
                y: y_of(mid),
                range: (b - a > SECS_PER_DAY).then(|| (y_of(b as f64), y_of(a as f64))),
            }
        })
        .collect();
    Some(TrendChart {
        plot,
        start_secs: start,
        end_secs: end,
        x_ticks: ticks(unit_x, &x_of),
        y_ticks: ticks(unit_y, &y_of),
        points,
        diagonal: [
            (x_of(start as f64), y_of(start as f64)),
            (x_of(end as f64), y_of(end as f64)),
        ],
    })
}

fn day_floor(secs: TimeSecs) -> TimeSecs {
    secs.div_euclid(SECS_PER_DAY) * SECS_PER_DAY
}

/// The step between ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    /// Every n days (7 and 14: from Mondays).
    Day(u32),
    Month(u32),
    Year(u32),
}

/// Candidates, finest first.
const UNITS: [Unit; 14] = [
    Unit::Day(1),
    Unit::Day(2),
    Unit::Day(7),
    Unit::Day(14),
    Unit::Month(1),
    Unit::Month(3),
    Unit::Month(6),
    Unit::Year(1),
    Unit::Year(2),
    Unit::Year(5),
    Unit::Year(10),
    Unit::Year(20),
    Unit::Year(50),
    Unit::Year(100),
];

/// The finest unit whose ticks are at least `min_px(unit)` apart on `length_px` for
/// `span_days`.
fn pick_unit(span_days: f64, length_px: f64, min_px: impl Fn(Unit) -> f64) -> Unit {
    let px_per_day = length_px / span_days.max(1.0);
    UNITS
        .into_iter()
        .find(|&u| u.min_days() * px_per_day >= min_px(u))
        .unwrap_or(Unit::Year(100))
}

impl Unit {
    fn min_days(self) -> f64 {
        match self {
            Self::Day(n) => f64::from(n),
            // The shortest month, quarter, half-year and year.
            Self::Month(1) => 28.0,
            Self::Month(n) => 30.0 * f64::from(n),
            Self::Year(n) => 365.0 * f64::from(n),
        }
    }

    fn format(self) -> &'static str {
        match self {
            Self::Day(_) => "%-d %b",
            Self::Month(_) => "%b %Y",
            Self::Year(_) => "%Y",
        }
    }

    /// The longest label: "18 Dec", "Dec 2025", "2025".
    fn label_chars(self) -> usize {
        match self {
            Self::Day(_) => 6,
            Self::Month(_) => 8,
            Self::Year(_) => 4,
        }
    }

    /// The ticks in `[start, end)`: each tick's instant, where it is drawn (a day's middle,
    /// where the points of that day are; a month's or year's start) and its label.
    fn ticks(self, start: TimeSecs, end: TimeSecs) -> Vec<(TimeSecs, TimeSecs, String)> {
        let label = |secs: TimeSecs| {
            strtime::format(self.format(), civil_from_secs(secs).date()).unwrap_or_default()
        };
        let mut out = Vec::new();
        match self {
            Self::Day(n) => {
                let step = i64::from(n.max(1));
                // Weeks from Mondays (1970-01-05 was day 4), other steps from the epoch.
                let offset = if step % 7 == 0 { 4 } else { 0 };
                let mut day = start.div_euclid(SECS_PER_DAY);
                day += (offset - day).rem_euclid(step);
                while day * SECS_PER_DAY < end {
                    let secs = day * SECS_PER_DAY;
                    out.push((secs, secs + SECS_PER_DAY / 2, label(secs)));
                    day += step;
                }
            }
            Self::Month(_) | Self::Year(_) => {
                let first = civil_from_secs(start).date();
                let mut year = i32::from(first.year());
                let mut month = u32::try_from(first.month()).unwrap_or(1);
                while let Ok(secs) = crate::model::day_start_secs(year, month, 1) {
                    if secs >= end {
                        break;
                    }
                    let on_step = match self {
                        Self::Month(n) => (month - 1).is_multiple_of(n.max(1)),
                        Self::Year(n) => month == 1 && year.rem_euclid(n.max(1) as i32) == 0,
                        Self::Day(_) => false,
                    };
                    if secs >= start && on_step {
                        out.push((secs, secs, label(secs)));
                    }
                    month += 1;
                    if month > 12 {
                        month = 1;
                        year += 1;
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::day_start_secs;

    fn day(d: u32) -> TimeSecs {
        day_start_secs(2025, 12, d).unwrap()
    }

    fn frame() -> ChartFrame {
        ChartFrame {
            left: 0.0,
            top: 0.0,
            width: 400.0,
            height: 200.0,
            char_width: 7.0,
            line_height: 14.0,
        }
    }

    /// The Umerov meeting: reported on the 18th for 20–21 December, on the 19th as held
    /// that day.
    fn miami() -> Vec<TrendState> {
        vec![
            TrendState {
                state: 0,
                known_secs: day(19),
                expected: (day(20), day(22)),
            },
            TrendState {
                state: 1,
                known_secs: day(20),
                expected: (day(19), day(20)),
            },
        ]
    }

    #[test]
    fn the_miami_points_sit_at_their_days_with_the_weekend_as_a_range() {
        let chart = milestone_trend(&miami(), &frame()).unwrap();
        // Both axes span 17–22 December: a day before the first report, a day after the
        // weekend.
        assert_eq!((chart.start_secs, chart.end_secs), (day(17), day(23)));
        let p = &chart.plot;
        let (w, h) = (p.right - p.left, p.bottom - p.top);
        let x_mid = |d: u32| p.left + (f64::from(d - 17) + 0.5) / 6.0 * w;
        let y_at = |days_from_17: f64| p.bottom - days_from_17 / 6.0 * h;
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        let [first, second] = [chart.points[0], chart.points[1]];
        // Reported on the 18th: the weekend, a bar from the 20th's start to the 21st's end.
        assert!(close(first.x, x_mid(18)));
        assert_eq!(first.state, 0);
        let (top, bottom) = first.range.unwrap();
        assert!(close(top, y_at(5.0)) && close(bottom, y_at(3.0)));
        assert!(close(first.y, y_at(4.0)));
        // Reported on the 19th as held on the 19th: a point on the diagonal.
        assert!(close(second.x, x_mid(19)));
        assert!(close(second.y, y_at(2.5)));
        assert_eq!(second.range, None);
        let [(x0, y0), (x1, y1)] = chart.diagonal;
        let on_diagonal = y0 + (second.x - x0) / (x1 - x0) * (y1 - y0);
        assert!(close(second.y, on_diagonal), "held the day it was reported");
        assert!(first.y < on_diagonal, "expected later than reported: above");
        assert!(close(x0, p.left) && close(y0, p.bottom));
        assert!(close(x1, p.right) && close(y1, p.top));
    }

    #[test]
    fn ticks_name_the_days_under_their_points_and_fit_their_axis() {
        let chart = milestone_trend(&miami(), &frame()).unwrap();
        let labels = |t: &[ChartTick]| t.iter().map(|t| t.label.clone()).collect::<Vec<_>>();
        // Six days on ~330 points: every day has room for "18 Dec".
        assert_eq!(
            labels(&chart.x_ticks),
            ["17 Dec", "18 Dec", "19 Dec", "20 Dec", "21 Dec", "22 Dec"]
        );
        let x18 = &chart.x_ticks[1];
        assert!((x18.pos - chart.points[0].x).abs() < 1e-9);
        // Up, ~170 points for six days: every day too, the 19th level with the held point.
        let y19 = chart.y_ticks.iter().find(|t| t.label == "19 Dec").unwrap();
        assert!((y19.pos - chart.points[1].y).abs() < 1e-9);
        // Squeezed to 60 points high, the y axis keeps one label in two.
        let low = ChartFrame {
            height: 90.0,
            ..frame()
        };
        let chart = milestone_trend(&miami(), &low).unwrap();
        assert_eq!(labels(&chart.y_ticks), ["18 Dec", "20 Dec", "22 Dec"]);
        for pair in chart.y_ticks.windows(2) {
            assert!(pair[0].pos - pair[1].pos >= low.line_height);
        }
        // The y labels' room is left of the plot.
        assert!(chart.plot.left >= 6.0 * low.char_width);
    }

    #[test]
    fn long_spans_tick_by_month_and_year() {
        // A plan reported in January for December, re-dated a year on.
        let states = [
            TrendState {
                state: 0,
                known_secs: day_start_secs(2025, 1, 11).unwrap(),
                expected: (day(1), day_start_secs(2026, 1, 1).unwrap()),
            },
            TrendState {
                state: 1,
                known_secs: day_start_secs(2025, 6, 2).unwrap(),
                expected: (
                    day_start_secs(2026, 12, 1).unwrap(),
                    day_start_secs(2027, 1, 1).unwrap(),
                ),
            },
        ];
        // Two years (9 January 2025 to 2 January 2027) on ~320 points: half-years, each
        // at its month's start.
        let chart = milestone_trend(&states, &frame()).unwrap();
        let labels: Vec<&str> = chart.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Jul 2025", "Jan 2026", "Jul 2026", "Jan 2027"]);
        assert_eq!(chart.x_ticks[1].secs, day_start_secs(2026, 1, 1).unwrap());
        // On 150 points, years.
        let narrow = ChartFrame {
            width: 200.0,
            ..frame()
        };
        let chart = milestone_trend(&states, &narrow).unwrap();
        let labels: Vec<&str> = chart.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["2026", "2027"]);
        let tall = ChartFrame {
            height: 800.0,
            ..frame()
        };
        let chart = milestone_trend(&states, &tall).unwrap();
        assert!(
            chart.y_ticks.iter().any(|t| t.label == "Jan 2026"),
            "{:?}",
            chart.y_ticks
        );
        // A month's tick stands at the month's start.
        let jan = chart
            .y_ticks
            .iter()
            .find(|t| t.label == "Jan 2026")
            .unwrap();
        assert_eq!(jan.secs, day_start_secs(2026, 1, 1).unwrap());
    }

    #[test]
    fn nothing_to_plot_or_no_room_is_no_chart() {
        assert_eq!(milestone_trend(&[], &frame()), None);
        let tiny = ChartFrame {
            width: 60.0,
            ..frame()
        };
        assert_eq!(milestone_trend(&miami(), &tiny), None);
        // One state is a chart of one point.
        let one = milestone_trend(&miami()[..1], &frame()).unwrap();
        assert_eq!(one.points.len(), 1);
    }
}
