//! Ghost marks (issue 13, drift): where earlier reports placed an event. An event whose
//! reported states gave other dates than its current one shows each of those dates as a
//! faint mark in the event's own row, joined to the current mark by a thin line, so that a
//! plan that slipped (or happened early: the Umerov meeting expected on 20–21 December and
//! held on the 19th) is seen on the timeline itself.
//!
//! Pure and screen-space, like the draw list it reads: ghosts belong to marks drawn one by
//! one, so a mark counted in a cluster or a density histogram has none, and a ghost that
//! would fall on another event's mark, label or counted chip is left out rather than read
//! as part of it.

use std::collections::HashMap;

use super::draw_list::{
    CLUSTER_BIN_PX, ItemMark, MIN_LABEL_PX, POINT_MARKER_PX, ROW_GAP_PX, item_hit_span,
    item_mark_span,
};
use super::event_index::drawn_extent;
use super::lane_layout::LanesDrawList;
use super::time_view::TimeView;
use crate::model::Event;

/// Ghosts one mark shows at most: an event re-dated more often than this is a smear in its
/// row, and the details' history chart shows every state.
pub const MAX_GHOSTS_PER_MARK: usize = 6;
/// Ghosts one frame shows at most. Each is at most six quads in the marks' mesh (a fill,
/// a four-bar outline and the link: 12 triangles), so 200 add ~2,400 triangles, under 1 ms
/// on llvmpipe at ~0.33 ms per 1,000 (see `crowding::MAX_DISTINCT_MARKS`); 200 is also more
/// than twice the 80 marks a frame draws one by one.
pub const MAX_GHOSTS: usize = 200;
/// A ghost's fill: a quarter of the kind's colour, faint beside the mark's full fill (the
/// app's painter and the image export share these four).
pub const GHOST_FILL_OPACITY: f64 = 0.25;
/// Its outline and link: at 60 % they read as "not this, but linked to this" beside the
/// mark's full-strength outline, and still show on light and dark canvases.
pub const GHOST_LINE_OPACITY: f64 = 0.6;
/// A ghost is this share of a bar's height (10 of 16 points), so that it is never mistaken
/// for a mark.
pub const GHOST_HEIGHT_SHARE: f64 = 0.6;
/// A point ghost is a square this wide: smaller than a point marker (12), for the same
/// reason.
pub const GHOST_POINT_PX: f64 = 8.0;
/// A ghost narrower than this on screen is drawn as a point, as a mark is
/// (`draw_list::POINT_THRESHOLD_PX`).
const POINT_THRESHOLD_PX: f64 = 4.0;
/// A label moved past a ghost starts this far after it, as a label starts 4 points after
/// its mark (`draw_list`).
const LABEL_AFTER_GHOST_PX: f64 = 4.0;
/// Rows are compared by their top `y`; two marks in one row have the same `y` to well
/// within this (both are `top + row × height`).
const SAME_ROW_PX: f64 = 0.5;

/// One earlier reported date of an event, placed in its mark's row.
#[derive(Clone, Debug, PartialEq)]
pub struct GhostMark {
    /// The event, as a position in the project's events.
    pub event: u32,
    /// The first state (position in `event.reported`) that gave this date.
    pub state: u32,
    /// Top of the row, as `ItemMark::y`.
    pub y: f64,
    /// What the reported date allows, in points (may extend past the canvas).
    pub x_earliest: f64,
    pub x_latest: f64,
    /// Drawn as a point marker at `x_center` (the extent is too narrow to show).
    pub is_point: bool,
    pub x_center: f64,
    /// The thin line to the current mark, from one x to the other at the row's middle;
    /// `None` where the ghost touches the mark.
    pub link: Option<(f64, f64)>,
}

impl GhostMark {
    /// The horizontal span the ghost itself takes: its point marker or its bar.
    pub fn span(&self) -> (f64, f64) {
        if self.is_point {
            (
                self.x_center - POINT_MARKER_PX / 2.0,
                self.x_center + POINT_MARKER_PX / 2.0,
            )
        } else {
            (self.x_earliest, self.x_latest)
        }
    }
}

/// The ghosts of the marks in `layout` for `view`; none when `enabled` is false. Each
/// distinct reported date that differs from the event's current date, seen on the canvas
/// and not hidden under the current mark, gives one ghost, unless it or its link would
/// cross another event's mark, label or chip in that row. A mark's own label moves past its
/// ghosts (see [`make_room`]), which is why the layout is taken mutably.
pub fn ghost_marks(
    layout: &mut LanesDrawList,
    events: &[Event],
    view: &TimeView,
    enabled: bool,
) -> Vec<GhostMark> {
    let mut out = Vec::new();
    if !enabled {
        return out;
    }
    for lane in &mut layout.lanes {
        if lane.list.is_aggregated() {
            continue;
        }
        let (items, clusters) = (&mut lane.list.items, &lane.list.clusters);
        let mut rows: Option<RowSpans> = None;
        for i in 0..items.len() {
            let Some(event) = events.get(items[i].event as usize) else {
                continue;
            };
            if event.reported.is_empty() {
                continue;
            }
            let rows = rows.get_or_insert_with(|| RowSpans::new(items));
            let item = &items[i];
            let mut kept: Vec<GhostMark> = ghosts_of(item, event, view)
                .into_iter()
                .filter(|ghost| {
                    let (g0, g1) = ghost.span();
                    let (from, to) = ghost.link.map_or((g0, g1), |(a, b)| (a.min(g0), b.max(g1)));
                    let on_chip = clusters.iter().any(|c| {
                        (c.y - item.y).abs() < SAME_ROW_PX
                            && c.x < to
                            && from < c.x + CLUSTER_BIN_PX
                    });
                    !on_chip && !rows.crosses_other(item.y, from, to, item.event)
                })
                .collect();
            // The label may run up to the next mark or chip in the row, or the canvas's edge.
            let (x0, _) = item_mark_span(item);
            let chip = clusters
                .iter()
                .filter(|c| (c.y - item.y).abs() < SAME_ROW_PX && c.x > x0)
                .map(|c| c.x - ROW_GAP_PX)
                .fold(view.max_x(), f64::min);
            let limit = rows
                .next_start(item.y, x0, item.event)
                .map_or(chip, |next| chip.min(next - ROW_GAP_PX));
            make_room(&mut items[i], &mut kept, limit);
            let item = &items[i];
            let label = (item.label_x, item.label_x + item.label_max_width);
            let taken = kept.iter().map(|g| {
                let (g0, g1) = g.span();
                g.link.map_or((g0, g1), |(a, b)| (a.min(g0), b.max(g1)))
            });
            rows.take(item.y, item.event, taken.chain([label]));
            kept.truncate(MAX_GHOSTS - out.len());
            out.append(&mut kept);
            if out.len() >= MAX_GHOSTS {
                return out;
            }
        }
    }
    out
}

/// Moves the mark's label past its ghosts where they lie on it (a meeting expected on the
/// weekend and held on the Friday before: the weekend is where the label began), at most as
/// wide as it was and never past `limit` (the next mark or chip in the row, or the canvas's
/// edge), so that nothing else in the row moves. Where the label would keep less than a
/// legible [`MIN_LABEL_PX`], the label stays and those ghosts go.
fn make_room(item: &mut ItemMark, ghosts: &mut Vec<GhostMark>, limit: f64) {
    if item.label_max_width <= 0.0 {
        return;
    }
    let (label_x0, label_x1) = (item.label_x, item.label_x + item.label_max_width);
    let on_label = |g: &GhostMark| {
        let (g0, g1) = g.span();
        g0 < label_x1 && g1 > label_x0
    };
    let Some(past) = ghosts
        .iter()
        .filter(|g| on_label(g))
        .map(|g| g.span().1 + LABEL_AFTER_GHOST_PX)
        .reduce(f64::max)
    else {
        return;
    };
    let width = item.label_max_width.min(limit - past);
    if width >= MIN_LABEL_PX {
        item.label_x = past;
        item.label_max_width = width;
    } else {
        ghosts.retain(|g| !on_label(g));
    }
}

/// The ghost under a point, for its tooltip: in its row (`row_height` tall from its top) and
/// within its span.
pub fn ghost_at(ghosts: &[GhostMark], x: f64, y: f64, row_height: f64) -> Option<&GhostMark> {
    ghosts.iter().find(|g| {
        let (g0, g1) = g.span();
        y >= g.y && y <= g.y + row_height && x >= g0 && x <= g1
    })
}

/// The time the reported dates of `events` span (as the timeline draws them), for fitting
/// the view so that ghosts after the last mark have room with their marks' labels.
/// `None` when no event has a dated reported state. One pass over the events; most have
/// no reported states and cost one length check.
pub fn reported_range(events: &[Event]) -> Option<(i64, i64)> {
    events
        .iter()
        .flat_map(|e| e.reported.iter())
        .filter_map(|s| s.date.as_ref()?.bounds().ok())
        .map(|b| drawn_extent(&b))
        .reduce(|(a0, a1), (b0, b1)| (a0.min(b0), a1.max(b1)))
}

/// The ghosts of one mark, before they are checked against the rest of its row.
fn ghosts_of(item: &ItemMark, event: &Event, view: &TimeView) -> Vec<GhostMark> {
    let current = event.date.bounds().ok().map(|b| drawn_extent(&b));
    let (mark_x0, mark_x1) = item_mark_span(item);
    let mut seen: Vec<(i64, i64)> = Vec::new();
    let mut out = Vec::new();
    for (state_index, state) in event.reported.iter().enumerate() {
        let Some(extent) = state
            .date
            .as_ref()
            .and_then(|d| d.bounds().ok())
            .map(|b| drawn_extent(&b))
        else {
            continue;
        };
        if Some(extent) == current || seen.contains(&extent) {
            continue;
        }
        seen.push(extent);
        let x_earliest = view.x_from_time(extent.0 as f64);
        let x_latest = view.x_from_time(extent.1 as f64);
        let is_point = x_latest - x_earliest < POINT_THRESHOLD_PX;
        let ghost = GhostMark {
            event: item.event,
            state: u32::try_from(state_index).unwrap_or(u32::MAX),
            y: item.y,
            x_earliest,
            x_latest,
            is_point,
            x_center: f64::midpoint(x_earliest, x_latest),
            link: None,
        };
        let (g0, g1) = ghost.span();
        // Off the canvas, or under the current mark (wholly, or a point at least half:
        // a day apart at a decade's zoom): nothing to see.
        let under_mark = (g0 >= mark_x0 && g1 <= mark_x1)
            || (is_point && (mark_x0..=mark_x1).contains(&ghost.x_center));
        if g1 < view.min_x || g0 > view.max_x() || under_mark {
            continue;
        }
        let link = if g1 < mark_x0 {
            Some((g1, mark_x0))
        } else if g0 > mark_x1 {
            Some((mark_x1, g0))
        } else {
            None
        };
        out.push(GhostMark { link, ..ghost });
        if out.len() == MAX_GHOSTS_PER_MARK {
            break;
        }
    }
    out
}

/// What each row of a lane holds, as (start, end, event) of each mark with its label,
/// sorted by start: a row's spans follow one another, as packing placed them.
struct RowSpans {
    rows: HashMap<i64, Vec<(f64, f64, u32)>>,
}

impl RowSpans {
    fn new(items: &[ItemMark]) -> Self {
        let mut rows: HashMap<i64, Vec<(f64, f64, u32)>> = HashMap::new();
        for item in items {
            let (x0, x1) = item_hit_span(item);
            rows.entry(row_key(item.y))
                .or_default()
                .push((x0, x1, item.event));
        }
        for spans in rows.values_mut() {
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
        Self { rows }
    }

    /// Where the first mark after `x` in the row at `y` that is not `own`'s begins.
    fn next_start(&self, y: f64, x: f64, own: u32) -> Option<f64> {
        let spans = self.rows.get(&row_key(y))?;
        let after = spans.partition_point(|s| s.0 <= x);
        spans[after..].iter().find(|s| s.2 != own).map(|s| s.0)
    }

    /// Whether `[from, to]` in the row at `y` meets any mark or label but `own`'s.
    fn crosses_other(&self, y: f64, from: f64, to: f64, own: u32) -> bool {
        let Some(spans) = self.rows.get(&row_key(y)) else {
            return false;
        };
        // Every span starting before `to`: ghosts and moved labels overlap their own
        // marks' spans, so the ends do not follow the starts. A row holds a few dozen.
        let before_end = spans.partition_point(|s| s.0 < to);
        spans[..before_end]
            .iter()
            .any(|&(_, x1, event)| x1 > from && event != own)
    }

    /// Adds what `event` now takes in the row at `y` (its moved label, its ghosts), so that
    /// the marks after it keep clear of it.
    fn take(&mut self, y: f64, event: u32, spans: impl IntoIterator<Item = (f64, f64)>) {
        let row = self.rows.entry(row_key(y)).or_default();
        for (x0, x1) in spans {
            let at = row.partition_point(|s| s.0 <= x0);
            row.insert(at, (x0, x1, event));
        }
    }
}

/// A row's key: its top in quarter points, so that equal rows hash alike.
fn row_key(y: f64) -> i64 {
    (y / SAME_ROW_PX).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{
        LaneLayoutParams, LaneMode, LaneSort, build_lanes, build_lanes_draw_list,
        build_lanes_draw_list_aggregated,
    };
    use crate::model::{
        DateSpec, EventKind, EventStatus, Project, ReportedState, SECS_PER_DAY, day_start_secs,
    };

    fn event(id: &str, title: &str, date: &str, reported: &[&str]) -> Event {
        let mut e = Event::new(
            id,
            title,
            EventKind::Meeting,
            EventStatus::Held,
            DateSpec::parse(date).unwrap(),
        );
        e.reported = reported
            .iter()
            .map(|d| ReportedState {
                date: Some(DateSpec::parse(d).unwrap()),
                ..ReportedState::default()
            })
            .collect();
        e
    }

    /// The Umerov meeting: expected 20–21 December as of the 18th, held on the 19th.
    fn umerov() -> Event {
        let mut e = event(
            "ev-umerov",
            "Umerov meets the US delegation",
            "2025-12-19",
            &["2025-12-20/2025-12-21", "2025-12-19"],
        );
        e.reported[0].status = Some(EventStatus::Expected);
        e
    }

    fn day(d: u32) -> f64 {
        day_start_secs(2025, 12, d).unwrap() as f64
    }

    /// 1–31 December 2025 on 1,000 points: ~32 points a day.
    fn december() -> TimeView {
        TimeView::new(0.0, 1000.0, day(1), day(1) + 31.0 * SECS_PER_DAY as f64)
    }

    fn params() -> LaneLayoutParams {
        LaneLayoutParams {
            top_y: 0.0,
            height: 400.0,
            row_height: 24.0,
            lane_gap: 4.0,
            scroll_y: 0.0,
            label_char_width: 6.6,
            max_items: 2_000,
        }
    }

    fn layout_of(events: &[Event], view: &TimeView, aggregated: bool) -> LanesDrawList {
        layout_with(events, view, aggregated, &params())
    }

    /// One lane of one row (28 pt), so that events share a row and crowd.
    fn one_row_layout(events: &[Event], view: &TimeView, aggregated: bool) -> LanesDrawList {
        let one_row = LaneLayoutParams {
            height: 28.0,
            ..params()
        };
        layout_with(events, view, aggregated, &one_row)
    }

    fn layout_with(
        events: &[Event],
        view: &TimeView,
        aggregated: bool,
        lane_params: &LaneLayoutParams,
    ) -> LanesDrawList {
        let project = Project {
            events: events.to_vec(),
            ..Project::default()
        };
        let lanes = build_lanes(
            &project,
            LaneMode::None,
            LaneSort::default(),
            &vec![true; events.len()],
        );
        let build = if aggregated {
            build_lanes_draw_list_aggregated
        } else {
            build_lanes_draw_list
        };
        build(
            &lanes,
            &[0],
            &[false],
            LaneMode::None,
            events,
            view,
            lane_params,
        )
    }

    #[test]
    fn an_earlier_expected_date_is_a_ghost_in_the_row_linked_to_the_mark() {
        let events = vec![umerov()];
        let view = december();
        let mut layout = layout_of(&events, &view, true);
        let ghosts = ghost_marks(&mut layout, &events, &view, true);
        let item = layout.items().next().unwrap();
        // One ghost: the 20–21 December of the first report; the second state's date is
        // the current one.
        assert_eq!(ghosts.len(), 1, "{ghosts:?}");
        let ghost = &ghosts[0];
        assert_eq!((ghost.event, ghost.state, ghost.y), (0, 0, item.y));
        assert!((ghost.x_earliest - view.x_from_time(day(20))).abs() < 1e-9);
        assert!((ghost.x_latest - view.x_from_time(day(22))).abs() < 1e-9);
        assert!(!ghost.is_point);
        // Held on the 19th, the mark ends where the ghost begins: touching, no link.
        assert_eq!(ghost.link, None);
        // The label, which began within the weekend, now begins after it, as wide as it
        // was: nothing follows it in the row.
        assert!((item.label_x - (ghost.x_latest + LABEL_AFTER_GHOST_PX)).abs() < 1e-9);
        let before = layout_of(&events, &view, true);
        let plain = before.items().next().unwrap();
        assert!(
            plain.label_x < ghost.x_latest,
            "it began within the weekend"
        );
        assert!((plain.label_max_width - item.label_max_width).abs() < 1e-9);

        // A plan moved a week later: the link runs from the old date to the mark.
        let moved = vec![event("ev", "Talks", "2025-12-27", &["2025-12-20"])];
        let mut layout = layout_of(&moved, &view, true);
        let ghosts = ghost_marks(&mut layout, &moved, &view, true);
        let item = layout.items().next().unwrap();
        assert_eq!(ghosts.len(), 1);
        assert_eq!(
            ghosts[0].link,
            Some((ghosts[0].x_latest, item.x_earliest)),
            "from the ghost's end to the mark's start"
        );
    }

    #[test]
    fn a_label_without_room_past_its_ghost_keeps_its_place_and_the_ghost_goes() {
        let view = december();
        // The Friday mark, its weekend ghost, and another event on Monday 22nd in the same
        // row (one row): the label between them has no room after the ghost.
        let events = vec![umerov(), event("b", "Next", "2025-12-22", &[])];
        let before = one_row_layout(&events, &view, false);
        let mut layout = one_row_layout(&events, &view, false);
        assert!(ghost_marks(&mut layout, &events, &view, true).is_empty());
        assert_eq!(layout, before, "nothing moved");
    }

    #[test]
    fn the_reported_range_spans_every_reported_date() {
        assert_eq!(reported_range(&[]), None);
        let events = vec![
            umerov(),
            event("ev", "Talks", "2025-12-27", &["2025-12-02"]),
            event("none", "Talks", "2025-12-31", &[]),
        ];
        assert_eq!(
            reported_range(&events),
            Some((day(2) as i64, day(22) as i64))
        );
    }

    #[test]
    fn ghosts_of_neighbours_never_overlap() {
        // One row: "A" on the 19th was expected on the 22nd, "B" on the 25th was too. A's
        // ghost and link come first; B's would lie on them, and is left out.
        let view = december();
        let events = vec![
            event("a", "A", "2025-12-19", &["2025-12-22"]),
            event("b", "B", "2025-12-25", &["2025-12-22"]),
        ];
        let mut layout = one_row_layout(&events, &view, false);
        let rows: Vec<f64> = layout.items().map(|i| i.y).collect();
        assert_eq!(rows[0], rows[1], "both in one row");
        let ghosts = ghost_marks(&mut layout, &events, &view, true);
        assert_eq!(ghosts.iter().map(|g| g.event).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn the_ghost_under_the_pointer_is_found_in_its_row_and_span() {
        let events = vec![umerov()];
        let view = december();
        let mut layout = layout_of(&events, &view, true);
        let ghosts = ghost_marks(&mut layout, &events, &view, true);
        let g = &ghosts[0];
        let mid = f64::midpoint(g.x_earliest, g.x_latest);
        assert_eq!(ghost_at(&ghosts, mid, g.y + 12.0, 24.0), Some(g));
        assert_eq!(
            ghost_at(&ghosts, mid, g.y + 30.0, 24.0),
            None,
            "the row below"
        );
        assert_eq!(
            ghost_at(&ghosts, g.x_earliest - 20.0, g.y + 12.0, 24.0),
            None
        );
    }

    #[test]
    fn no_ghosts_when_off_or_when_every_report_gave_the_current_date() {
        let events = vec![umerov()];
        let view = december();
        let mut layout = layout_of(&events, &view, true);
        assert!(ghost_marks(&mut layout, &events, &view, false).is_empty());
        let same = vec![event(
            "ev",
            "Talks",
            "2025-12-19",
            &["2025-12-19", "2025-12-19"],
        )];
        let mut layout = layout_of(&same, &view, true);
        assert!(ghost_marks(&mut layout, &same, &view, true).is_empty());
        // Two reports giving the same earlier date make one ghost, the first's.
        let twice = vec![event(
            "ev",
            "Talks",
            "2025-12-27",
            &["2025-12-20", "2025-12-20", "2025-12-27"],
        )];
        let mut layout = layout_of(&twice, &view, true);
        let ghosts = ghost_marks(&mut layout, &twice, &view, true);
        assert_eq!(ghosts.iter().map(|g| g.state).collect::<Vec<_>>(), [0]);
        // A state that said nothing of the date gives no ghost.
        let mut silent = event("ev", "Talks", "2025-12-27", &[]);
        silent.reported.push(ReportedState::default());
        let silent = vec![silent];
        let mut layout = layout_of(&silent, &view, true);
        assert!(ghost_marks(&mut layout, &silent, &view, true).is_empty());
    }

    #[test]
    fn ghosts_off_the_canvas_or_under_the_mark_are_culled() {
        // 10–25 December on 1,000 points: a report of 5 December is off the canvas.
        let view = TimeView::new(0.0, 1000.0, day(10), day(26));
        let events = vec![event(
            "ev",
            "Talks",
            "2025-12-20",
            &["2025-12-05", "2025-12-15"],
        )];
        let mut layout = layout_of(&events, &view, true);
        let ghosts = ghost_marks(&mut layout, &events, &view, true);
        assert_eq!(ghosts.iter().map(|g| g.state).collect::<Vec<_>>(), [1]);
        // At a decade's zoom the 19th and 20th are one point: the ghost would hide under
        // the mark, so there is none.
        let decade = TimeView::new(
            0.0,
            1000.0,
            day_start_secs(2020, 1, 1).unwrap() as f64,
            day_start_secs(2030, 1, 1).unwrap() as f64,
        );
        let events = vec![umerov()];
        let mut layout = layout_of(&events, &decade, true);
        assert!(layout.items().next().unwrap().is_point);
        assert!(ghost_marks(&mut layout, &events, &decade, true).is_empty());
        // A month away at that zoom is a separate point, linked.
        let events = vec![event("ev", "Talks", "2025-12-20", &["2025-06-20"])];
        let mut layout = layout_of(&events, &decade, true);
        let ghosts = ghost_marks(&mut layout, &events, &decade, true);
        assert_eq!(ghosts.len(), 1);
        assert!(ghosts[0].is_point);
        assert!(ghosts[0].link.is_some());
    }

    #[test]
    fn a_ghost_never_lies_on_another_event_in_its_row() {
        let view = december();
        // One row: "Other" on the 24th lies between the current mark (27th) and the
        // ghost (20th), so the link would cross it.
        let events = vec![
            event("a", "A", "2025-12-27", &["2025-12-20"]),
            event("b", "Other talks, with a long title", "2025-12-24", &[]),
        ];
        let mut layout = one_row_layout(&events, &view, false);
        let rows: Vec<f64> = layout.items().map(|i| i.y).collect();
        assert_eq!(rows[0], rows[1], "both in one row");
        assert!(ghost_marks(&mut layout, &events, &view, true).is_empty());
        // With rows to spare, "Other" has a row of its own and the ghost shows.
        let mut layout = layout_of(&events, &view, false);
        let rows: Vec<f64> = layout.items().map(|i| i.y).collect();
        assert_ne!(rows[0], rows[1]);
        assert_eq!(ghost_marks(&mut layout, &events, &view, true).len(), 1);
    }

    #[test]
    fn marks_counted_in_chips_or_density_have_no_ghosts() {
        let view = december();
        // Thirty reports of one day, each re-dated from the week before: in one 40-point
        // stretch of a one-row lane they are counted in a chip, not drawn, and show no
        // ghost. Of two lone events, the one re-dated from the 24th shows its ghost; the
        // one re-dated from the 13th would put its ghost on the chip, and does not.
        let mut crowd: Vec<Event> = (0..30)
            .map(|i| event(&format!("e{i}"), "Same day", "2025-12-13", &["2025-12-06"]))
            .collect();
        crowd.push(event("lone-27", "Lone", "2025-12-27", &["2025-12-24"]));
        crowd.push(event("lone-20", "Lone", "2025-12-20", &["2025-12-13"]));
        let mut layout = one_row_layout(&crowd, &view, true);
        assert!(!layout.lanes[0].list.clusters.is_empty());
        let mut drawn: Vec<u32> = layout.items().map(|i| i.event).collect();
        drawn.sort_unstable();
        assert_eq!(
            drawn,
            [30, 31],
            "the crowd is counted, the lone events drawn"
        );
        let ghosts = ghost_marks(&mut layout, &crowd, &view, true);
        assert_eq!(ghosts.iter().map(|g| g.event).collect::<Vec<_>>(), [30]);
        // Past the item budget the lane is a histogram: no items, no ghosts.
        let dense = LaneLayoutParams {
            max_items: 10,
            ..params()
        };
        let mut layout = layout_with(&crowd, &view, true, &dense);
        assert!(layout.is_aggregated());
        assert!(ghost_marks(&mut layout, &crowd, &view, true).is_empty());
    }
}
