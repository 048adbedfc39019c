//! Stacking lanes on the canvas: where each lane goes, its draw list, and the connectors
//! that join one event across the theme lines of its participants.

use std::collections::HashMap;

use super::crowding::MAX_DISTINCT_MARKS;
use super::draw_list::{
    DrawList, ItemLayoutParams, ItemMark, POINT_MARKER_PX, build_draw_list, item_hit_span,
};
use super::lanes::{Lane, LaneKey, LaneMode};
use super::mark_geometry::bar_x;
use super::time_view::TimeView;
use crate::model::Event;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneLayoutParams {
    /// Top of the lanes area, in points.
    pub top_y: f64,
    /// Height of the lanes area, in points.
    pub height: f64,
    pub row_height: f64,
    /// Space between lanes (a separator line sits in it).
    pub lane_gap: f64,
    /// Vertical scroll of the lanes, in points from the top.
    pub scroll_y: f64,
    pub label_char_width: f64,
    /// Items drawn over all lanes at most; each visible lane gets its share.
    pub max_items: usize,
}

/// A lane as drawn this frame.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneDraw {
    /// Position in the `lanes` slice.
    pub lane: usize,
    pub y_top: f64,
    pub height: f64,
    pub collapsed: bool,
    pub list: DrawList,
}

/// A vertical line joining one event's marks on several theme lines, and those only: where
/// another event's connector would run at the same place, one of them moves aside.
#[derive(Clone, Debug, PartialEq)]
pub struct Connector {
    pub event: u32,
    pub x: f64,
    pub y_top: f64,
    pub y_bottom: f64,
    /// Where the line meets the event's marks (a dot each), top to bottom.
    pub joints: Vec<f64>,
    /// Where the line passes over another event's mark or label, top to bottom: it is left
    /// out there, so that it does not seem to join that event too.
    pub gaps: Vec<(f64, f64)>,
}

impl Connector {
    /// The parts of the line to draw: from the top to the bottom, less the gaps.
    pub fn segments(&self) -> Vec<(f64, f64)> {
        let mut out = Vec::with_capacity(self.gaps.len() + 1);
        let mut from = self.y_top;
        for &(g0, g1) in &self.gaps {
            if g0 > from {
                out.push((from, g0));
            }
            from = from.max(g1);
        }
        if self.y_bottom > from {
            out.push((from, self.y_bottom));
        }
        out
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LanesDrawList {
    pub lanes: Vec<LaneDraw>,
    pub connectors: Vec<Connector>,
    /// Height of all lanes together, for scrolling.
    pub content_height: f64,
    /// Marks in view: an event is counted once on each lane that shows it. (How many events
    /// are in view is a question for the filtered events' index, not for the lanes.)
    pub num_visible: usize,
}

impl LanesDrawList {
    pub fn is_aggregated(&self) -> bool {
        self.lanes.iter().any(|l| l.list.is_aggregated())
    }

    pub fn lane_at_y(&self, y: f64) -> Option<&LaneDraw> {
        self.lanes
            .iter()
            .find(|l| y >= l.y_top && y < l.y_top + l.height)
    }

    /// All item marks, lane by lane.
    pub fn items(&self) -> impl Iterator<Item = &super::ItemMark> {
        self.lanes.iter().flat_map(|l| l.list.items.iter())
    }
}

/// Height of a lane: its rows, or one row when collapsed.
pub fn lane_height(lane: &Lane, collapsed: bool, params: &LaneLayoutParams) -> f64 {
    let rows = if collapsed { 1 } else { lane.rows.max(1) };
    rows as f64 * params.row_height + params.lane_gap
}

/// Lays out `lanes` in `order` (positions in `lanes`), skipping those above or below the
/// visible area. `collapsed[i]` is for `lanes[i]`. Items that find no row are "+N" clusters
/// on the last row (what the image export draws).
pub fn build_lanes_draw_list(
    lanes: &[Lane],
    order: &[usize],
    collapsed: &[bool],
    mode: LaneMode,
    events: &[Event],
    view: &TimeView,
    params: &LaneLayoutParams,
) -> LanesDrawList {
    lanes_draw_list(lanes, order, collapsed, mode, events, view, params, false)
}

/// [`build_lanes_draw_list`] with crowded stretches counted as clusters on a row of their
/// own, and labels never cut below a legible length: what the app draws, so that a frame
/// never holds more marks and labels than the canvas shows legibly (see `crowding`).
pub fn build_lanes_draw_list_aggregated(
    lanes: &[Lane],
    order: &[usize],
    collapsed: &[bool],
    mode: LaneMode,
    events: &[Event],
    view: &TimeView,
    params: &LaneLayoutParams,
) -> LanesDrawList {
    lanes_draw_list(lanes, order, collapsed, mode, events, view, params, true)
}

#[allow(clippy::too_many_arguments)]
fn lanes_draw_list(
    lanes: &[Lane],
    order: &[usize],
    collapsed: &[bool],
    mode: LaneMode,
    events: &[Event],
    view: &TimeView,
    params: &LaneLayoutParams,
    aggregate_crowded: bool,
) -> LanesDrawList {
    let mut out = LanesDrawList::default();
    let mut y = params.top_y - params.scroll_y;
    let bottom = params.top_y + params.height;
    // First pass: which lanes are on screen, and where.
    let mut visible: Vec<(usize, f64, f64, bool)> = Vec::new();
    for &i in order {
        let Some(lane) = lanes.get(i) else { continue };
        let is_collapsed = collapsed.get(i).copied().unwrap_or(false);
        let h = if mode == LaneMode::None {
            params.height
        } else {
            lane_height(lane, is_collapsed, params)
        };
        if y + h > params.top_y && y < bottom {
            visible.push((i, y, h, is_collapsed));
        }
        y += h;
        out.content_height += h;
    }
    // The item budget is shared, so that many lanes never draw more than one would.
    let per_lane = (params.max_items / visible.len().max(1)).max(MIN_ITEMS_PER_LANE);
    let distinct_per_lane = (MAX_DISTINCT_MARKS / visible.len().max(1)).max(MIN_DISTINCT_PER_LANE);
    for (i, y_top, h, is_collapsed) in visible {
        let lane = &lanes[i];
        let rows = if mode == LaneMode::None {
            ((h - params.lane_gap) / params.row_height).floor().max(1.0) as usize
        } else if is_collapsed {
            1
        } else {
            lane.rows
        };
        let item_params = ItemLayoutParams {
            top_y: y_top + params.lane_gap / 2.0,
            row_height: params.row_height,
            max_rows: rows,
            label_char_width: params.label_char_width,
            // A collapsed lane shows its density only.
            max_items: if is_collapsed { 0 } else { per_lane },
            candidate_place: match (mode, lane.key) {
                (LaneMode::Location, LaneKey::Entity(place)) => Some(place),
                _ => None,
            },
            aggregate_crowded,
            max_distinct: distinct_per_lane,
        };
        let list = build_draw_list(&lane.index, events, view, &item_params);
        out.num_visible += list.num_visible;
        out.lanes.push(LaneDraw {
            lane: i,
            y_top,
            height: h,
            collapsed: is_collapsed,
            list,
        });
    }
    if mode.is_theme_lines() {
        out.connectors = connectors(&out.lanes, view, params.row_height);
    }
    out
}

/// Each lane gets room for at least this many items before it aggregates, however many
/// lanes are on screen: below ~20 a lane would aggregate while still legible.
const MIN_ITEMS_PER_LANE: usize = 20;
/// A lane's share of the frame's distinct marks is never below this, however many lanes
/// are on screen: a three-row lane still shows a few concurrent events (30 three-row lanes
/// fill a 1080-pt screen: 120 marks at most, ~12,000 triangles).
const MIN_DISTINCT_PER_LANE: usize = 4;

/// Connectors at most this close (in points) would read as one line: 2-pt lines with
/// 4 points between them.
const CONNECTOR_SPACING_PX: f64 = 6.0;
/// A connector moves aside by at most this many spacings (±24 pt), and never out of its
/// event's marks, so that it still visibly ends on them.
const MAX_CONNECTOR_SLOTS: i32 = 4;
/// Marks and labels are looked up for gaps in bins this wide, so that each connector
/// checks only what is near it (~30 bins at 1920 pt).
const GAP_BIN_PX: f64 = 64.0;

/// Joins the marks of each event across lanes, one line per event. Lines of different
/// events that would lie on one another (two meetings on the same days, both with the US
/// delegation) are set side by side within their marks, and each line is broken where it
/// passes over an event it does not join.
fn connectors(lanes: &[LaneDraw], view: &TimeView, row_height: f64) -> Vec<Connector> {
    struct Span {
        connector: Connector,
        /// How far the line may move either way and still end on every mark.
        max_offset: f64,
    }
    let mut slot: HashMap<u32, usize> = HashMap::new();
    let mut spans: Vec<Span> = Vec::new();
    for item in lanes.iter().flat_map(|l| l.list.items.iter()) {
        let y = item.y + row_height / 2.0;
        let (x0, x1) = if item.is_point {
            (
                item.x_center - POINT_MARKER_PX / 2.0,
                item.x_center + POINT_MARKER_PX / 2.0,
            )
        } else {
            bar_x(item)
        };
        let x0 = x0.max(view.min_x);
        let x1 = x1.min(view.max_x());
        // (`max`/`min` rather than `clamp`, which panics on a NaN.)
        let x = item.x_center.max(x0).min(x1.max(x0));
        // 2 points from either end, so that the line stays on the mark's body.
        let room = ((x - x0).min(x1 - x) - 2.0).max(0.0);
        let i = *slot.entry(item.event).or_insert_with(|| {
            spans.push(Span {
                connector: Connector {
                    event: item.event,
                    x,
                    y_top: y,
                    y_bottom: y,
                    joints: Vec::new(),
                    gaps: Vec::new(),
                },
                max_offset: room,
            });
            spans.len() - 1
        });
        let span = &mut spans[i];
        let c = &mut span.connector;
        c.y_top = c.y_top.min(y);
        c.y_bottom = c.y_bottom.max(y);
        c.joints.push(y);
        span.max_offset = span.max_offset.min(room);
    }
    spans.retain(|s| s.connector.y_bottom > s.connector.y_top);
    spans.sort_by(|a, b| {
        let (a, b) = (&a.connector, &b.connector);
        a.x.total_cmp(&b.x)
            .then(a.y_top.total_cmp(&b.y_top))
            .then(a.event.cmp(&b.event))
    });

    // Side by side: each line takes the nearest free place to its marks' centre.
    let reach = 2.0 * f64::from(MAX_CONNECTOR_SLOTS) * CONNECTOR_SPACING_PX + CONNECTOR_SPACING_PX;
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::with_capacity(spans.len()); // centre, x, y span
    for span in &mut spans {
        let c = &mut span.connector;
        let centre = c.x;
        let clashes = |x: f64| {
            placed
                .iter()
                .rev()
                .take_while(|p| p.0 >= centre - reach)
                .any(|&(_, px, top, bottom)| {
                    (px - x).abs() < CONNECTOR_SPACING_PX && top <= c.y_bottom && c.y_top <= bottom
                })
        };
        let mut offsets = (1..=MAX_CONNECTOR_SLOTS)
            .flat_map(|k| [k, -k])
            .map(|k| f64::from(k) * CONNECTOR_SPACING_PX)
            .filter(|dx| dx.abs() <= span.max_offset);
        if clashes(centre)
            && let Some(dx) = offsets.find(|dx| !clashes(centre + dx))
        {
            c.x = centre + dx;
        }
        placed.push((centre, c.x, c.y_top, c.y_bottom));
    }

    let mut out: Vec<Connector> = spans.into_iter().map(|s| s.connector).collect();
    add_gaps(&mut out, lanes, view, row_height);
    for c in &mut out {
        c.joints.sort_by(f64::total_cmp);
    }
    out.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.event.cmp(&b.event)));
    out
}

/// Breaks each connector where it passes over another event's mark or label.
fn add_gaps(connectors: &mut [Connector], lanes: &[LaneDraw], view: &TimeView, row_height: f64) {
    if connectors.is_empty() {
        return;
    }
    let num_bins = (view.width_px / GAP_BIN_PX).ceil().max(1.0) as usize;
    let bin_of = |x: f64| -> usize {
        ((x - view.min_x) / GAP_BIN_PX).clamp(0.0, (num_bins - 1) as f64) as usize
    };
    let mut bins: Vec<Vec<&ItemMark>> = vec![Vec::new(); num_bins];
    for item in lanes.iter().flat_map(|l| l.list.items.iter()) {
        let (x0, x1) = item_hit_span(item);
        if x1 < view.min_x || x0 > view.max_x() {
            continue;
        }
        for bin in &mut bins[bin_of(x0)..=bin_of(x1)] {
            bin.push(item);
        }
    }
    for c in connectors {
        for item in &bins[bin_of(c.x)] {
            let (x0, x1) = item_hit_span(item);
            let y = item.y + row_height / 2.0;
            if item.event != c.event && x0 <= c.x && c.x <= x1 && y > c.y_top && y < c.y_bottom {
                // The row less 2 points above and below: the mark and its label, with a
                // little air.
                c.gaps.push((item.y + 2.0, item.y + row_height - 2.0));
            }
        }
        c.gaps.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::layout::lanes::{LaneSort, build_lanes};
    use crate::model::day_start_secs;

    fn params() -> LaneLayoutParams {
        LaneLayoutParams {
            top_y: 100.0,
            height: 600.0,
            row_height: 24.0,
            lane_gap: 4.0,
            scroll_y: 0.0,
            label_char_width: 6.6,
            max_items: 2000,
        }
    }

    fn view() -> TimeView {
        let t0 = day_start_secs(2025, 12, 10).unwrap() as f64;
        let t1 = day_start_secs(2025, 12, 24).unwrap() as f64;
        TimeView::new(0.0, 1200.0, t0, t1)
    }

    /// The sample grouped by participant, most events first, over `view()`.
    fn sample_by_participant() -> (crate::model::Project, Vec<Lane>, LanesDrawList) {
        let p = sample_project().unwrap();
        let lanes = build_lanes(&p, LaneMode::Participant, LaneSort::Count, &[]);
        let order: Vec<usize> = (0..lanes.len()).collect();
        let list = build_lanes_draw_list(
            &lanes,
            &order,
            &vec![false; lanes.len()],
            LaneMode::Participant,
            &p.events,
            &view(),
            &params(),
        );
        (p, lanes, list)
    }

    #[test]
    fn theme_lines_connect_a_meeting_across_its_participants() {
        let (p, _, list) = sample_by_participant();
        let miami = p
            .events
            .iter()
            .position(|e| e.id == "ev-miami-talks")
            .unwrap() as u32;
        let connector = list.connectors.iter().find(|c| c.event == miami).unwrap();
        // Five participants on five lines: the connector spans from the first to the last.
        let ys: Vec<f64> = list
            .items()
            .filter(|i| i.event == miami)
            .map(|i| i.y + 12.0)
            .collect();
        assert_eq!(ys.len(), 5);
        assert_eq!(
            connector.y_top,
            ys.iter().copied().fold(f64::INFINITY, f64::min)
        );
        assert_eq!(
            connector.y_bottom,
            ys.iter().copied().fold(f64::NEG_INFINITY, f64::max)
        );
        // Labelled on every line, so that each participant's line reads on its own.
        assert_eq!(
            list.items()
                .filter(|i| i.event == miami && i.label_max_width > 0.0)
                .count(),
            5
        );
        assert_eq!(connector.joints, {
            let mut sorted = ys.clone();
            sorted.sort_by(f64::total_cmp);
            sorted
        });
        // Statements by one person have no connector.
        let statement = p
            .events
            .iter()
            .position(|e| e.id == "ev-zelenskyy-nato-statement")
            .unwrap() as u32;
        assert!(list.connectors.iter().all(|c| c.event != statement));
    }

    fn event(p: &crate::model::Project, id: &str) -> u32 {
        p.events.iter().position(|e| e.id == id).unwrap() as u32
    }

    #[test]
    fn meetings_on_the_same_days_get_connectors_of_their_own() {
        // Most events first: the US delegation and Zelenskyy, then by name, so that Umerov's
        // line lies between two lines of the Miami talks (Russian delegation, Witkoff), and
        // both meetings, on the same weekend, start on the US delegation's line.
        let (p, lanes, list) = sample_by_participant();
        let (miami, umerov) = (
            event(&p, "ev-miami-talks"),
            event(&p, "ev-umerov-us-meeting"),
        );
        let of = |e: u32| list.connectors.iter().find(|c| c.event == e).unwrap();
        let (to_miami, to_umerov) = (of(miami), of(umerov));
        assert!(to_miami.y_top <= to_umerov.y_bottom && to_umerov.y_top <= to_miami.y_bottom);
        assert!(
            (to_miami.x - to_umerov.x).abs() >= CONNECTOR_SPACING_PX,
            "one line for two meetings: {} {}",
            to_miami.x,
            to_umerov.x
        );
        // Each line meets its own marks only, and stays on them.
        for (c, e) in [(to_miami, miami), (to_umerov, umerov)] {
            let marks: Vec<&ItemMark> = list.items().filter(|i| i.event == e).collect();
            assert_eq!(c.joints.len(), marks.len());
            for mark in marks {
                let (x0, x1) = bar_x(mark);
                assert!(x0 < c.x && c.x < x1, "{x0} {} {x1}", c.x);
            }
        }
        assert_eq!(to_umerov.joints.len(), 2);
        // Where the Miami line crosses Umerov's mark, it is broken.
        let umerov_lane = lanes
            .iter()
            .position(|l| l.label == "Rustem Umerov")
            .unwrap();
        let crossed = list
            .lanes
            .iter()
            .find(|l| l.lane == umerov_lane)
            .unwrap()
            .list
            .items[0]
            .clone();
        let y = crossed.y + 12.0;
        assert!(to_miami.y_top < y && y < to_miami.y_bottom);
        assert!(
            to_miami.segments().iter().all(|&(a, b)| !(a < y && y < b)),
            "{:?}",
            to_miami.segments()
        );
        assert!(
            to_umerov
                .segments()
                .iter()
                .any(|&(a, b)| a <= y - 12.0 && y <= b),
            "Umerov's own line reaches his mark"
        );
        // Any two lines that share some height stand apart.
        for a in &list.connectors {
            for b in &list.connectors {
                if a.event != b.event && a.y_top <= b.y_bottom && b.y_top <= a.y_bottom {
                    assert!((a.x - b.x).abs() >= CONNECTOR_SPACING_PX);
                }
            }
        }
    }

    #[test]
    fn a_connector_is_drawn_less_its_gaps() {
        let c = Connector {
            event: 0,
            x: 0.0,
            y_top: 10.0,
            y_bottom: 100.0,
            joints: vec![10.0, 100.0],
            gaps: vec![(20.0, 30.0), (25.0, 40.0), (90.0, 120.0)],
        };
        assert_eq!(c.segments(), [(10.0, 20.0), (40.0, 90.0)]);
    }

    #[test]
    fn lanes_stack_without_overlap_and_scrolling_culls() {
        let p = sample_project().unwrap();
        let lanes = build_lanes(&p, LaneMode::Participant, LaneSort::Name, &[]);
        let order: Vec<usize> = (0..lanes.len()).collect();
        let collapsed = vec![false; lanes.len()];
        let list = build_lanes_draw_list(
            &lanes,
            &order,
            &collapsed,
            LaneMode::Participant,
            &p.events,
            &view(),
            &params(),
        );
        for pair in list.lanes.windows(2) {
            assert!((pair[0].y_top + pair[0].height - pair[1].y_top).abs() < 1e-9);
        }
        assert_eq!(list.lanes.len(), lanes.len(), "all fit in 600 pt");
        let scrolled = LaneLayoutParams {
            scroll_y: 200.0,
            height: 100.0,
            ..params()
        };
        let list = build_lanes_draw_list(
            &lanes,
            &order,
            &collapsed,
            LaneMode::Participant,
            &p.events,
            &view(),
            &scrolled,
        );
        assert!(list.lanes.len() <= 6, "{}", list.lanes.len());
        assert!(
            list.lanes
                .iter()
                .all(|l| l.y_top + l.height > 100.0 && l.y_top < 200.0)
        );
        let rows: usize = lanes.iter().map(|l| l.rows).sum();
        assert!(
            (list.content_height - (rows as f64 * 24.0 + lanes.len() as f64 * 4.0)).abs() < 1e-9
        );
    }

    #[test]
    fn collapsed_lanes_are_one_row_of_density() {
        let p = sample_project().unwrap();
        let lanes = build_lanes(&p, LaneMode::Location, LaneSort::Name, &[]);
        let order: Vec<usize> = (0..lanes.len()).collect();
        let mut collapsed = vec![false; lanes.len()];
        collapsed[1] = true; // Miami
        let list = build_lanes_draw_list(
            &lanes,
            &order,
            &collapsed,
            LaneMode::Location,
            &p.events,
            &view(),
            &params(),
        );
        let miami = &list.lanes[1];
        assert!(miami.collapsed && miami.list.items.is_empty() && miami.list.is_aggregated());
        assert!((miami.height - 28.0).abs() < 1e-9);
        assert_eq!(list.lanes[0].list.items.len(), 1);
    }

    /// [`build_lanes_draw_list`] or [`build_lanes_draw_list_aggregated`].
    type LayoutFn = fn(
        &[Lane],
        &[usize],
        &[bool],
        LaneMode,
        &[Event],
        &TimeView,
        &LaneLayoutParams,
    ) -> LanesDrawList;

    #[test]
    fn the_sample_is_drawn_as_before_with_crowds_counted() {
        // Five events over a few weeks crowd nothing: the app's layout is the export's.
        let p = sample_project().unwrap();
        let wide = {
            let t0 = day_start_secs(2025, 11, 20).unwrap() as f64;
            let t1 = day_start_secs(2026, 1, 10).unwrap() as f64;
            TimeView::new(0.0, 1024.0, t0, t1)
        };
        for mode in [LaneMode::None, LaneMode::Participant, LaneMode::Location] {
            let lanes = build_lanes(&p, mode, LaneSort::Count, &[]);
            let order: Vec<usize> = (0..lanes.len()).collect();
            let collapsed = vec![false; lanes.len()];
            for view in [view(), wide] {
                let build = |f: LayoutFn| {
                    f(
                        &lanes,
                        &order,
                        &collapsed,
                        mode,
                        &p.events,
                        &view,
                        &params(),
                    )
                };
                let aggregated = build(build_lanes_draw_list_aggregated);
                assert_eq!(aggregated, build(build_lanes_draw_list), "{mode:?}");
                assert!(aggregated.lanes.iter().all(|l| l.list.clusters.is_empty()));
            }
        }
    }
}
