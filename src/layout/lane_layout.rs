//! Stacking lanes on the canvas: where each lane goes, its draw list, and the connectors
//! that join one event across the theme lines of its participants.

use std::collections::HashMap;

use super::draw_list::{DrawList, ItemLayoutParams, build_draw_list};
use super::lanes::{Lane, LaneMode};
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

/// A vertical line joining one event's marks on several theme lines.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Connector {
    pub event: u32,
    pub x: f64,
    pub y_top: f64,
    pub y_bottom: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LanesDrawList {
    pub lanes: Vec<LaneDraw>,
    pub connectors: Vec<Connector>,
    /// Height of all lanes together, for scrolling.
    pub content_height: f64,
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
/// visible area. `collapsed[i]` is for `lanes[i]`.
pub fn build_lanes_draw_list(
    lanes: &[Lane],
    order: &[usize],
    collapsed: &[bool],
    mode: LaneMode,
    events: &[Event],
    view: &TimeView,
    params: &LaneLayoutParams,
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
        out.connectors = connectors(&mut out.lanes, params.row_height);
    }
    out
}

/// Each lane gets room for at least this many items before it aggregates, however many
/// lanes are on screen: below ~20 a lane would aggregate while still legible.
const MIN_ITEMS_PER_LANE: usize = 20;

/// Joins the marks of one event across lanes, and keeps its label on the top lane only
/// (the same title on five theme lines is noise).
fn connectors(lanes: &mut [LaneDraw], row_height: f64) -> Vec<Connector> {
    let mut spans: HashMap<u32, Connector> = HashMap::new();
    for lane in lanes.iter_mut() {
        for item in &mut lane.list.items {
            let y = item.y + row_height / 2.0;
            match spans.get_mut(&item.event) {
                Some(c) => {
                    c.y_top = c.y_top.min(y);
                    c.y_bottom = c.y_bottom.max(y);
                    item.label_max_width = 0.0;
                }
                None => {
                    spans.insert(
                        item.event,
                        Connector {
                            event: item.event,
                            x: item.x_center,
                            y_top: y,
                            y_bottom: y,
                        },
                    );
                }
            }
        }
    }
    let mut out: Vec<Connector> = spans
        .into_values()
        .filter(|c| c.y_bottom > c.y_top)
        .collect();
    out.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.event.cmp(&b.event)));
    out
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

    #[test]
    fn theme_lines_connect_a_meeting_across_its_participants() {
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
        // Labelled once.
        assert_eq!(
            list.items()
                .filter(|i| i.event == miami && i.label_max_width > 0.0)
                .count(),
            1
        );
        // Statements by one person have no connector.
        let statement = p
            .events
            .iter()
            .position(|e| e.id == "ev-zelenskyy-nato-statement")
            .unwrap() as u32;
        assert!(list.connectors.iter().all(|c| c.event != statement));
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
}
