//! What the timeline keeps between frames: the view, the lanes and how they are arranged.

use std::collections::HashSet;

use egui::Rect;

use crate::app::{Document, FilteredView, PassChange, Selection};
use crate::layout::{
    GhostMark, Lane, LaneChange, LaneKey, LaneMode, LaneSort, LanesDrawList, TimeView, build_lanes,
    drawn_extent, update_lanes,
};
use crate::model::TimeSecs;

/// Fitting leaves 4 % of the width free on the left.
pub const FIT_MARGIN: f64 = 0.04;
/// Room for the last items' labels when fitting: a 30-character label at 6.6 pt a character.
const FIT_LABEL_ROOM_PX: f64 = 200.0;
/// A project with a single instant gets a week around it when fitted.
const MIN_FIT_SECS: f64 = 7.0 * 86_400.0;

#[derive(Default)]
pub struct TimelineState {
    pub(super) view: Option<TimeView>,
    /// Set when a different project opens: the next frame fits it.
    pub(super) needs_fit: bool,
    pub(super) mode: LaneMode,
    pub(super) sort: LaneSort,
    /// Lanes of `mode` for the document generation in `lanes_for`.
    pub(super) lanes: Vec<Lane>,
    lanes_for: Option<((u64, u64), u64, LaneMode, LaneSort)>,
    /// Lane order by key: the sort's order, changed by the analyst's moves.
    pub(super) order: Vec<LaneKey>,
    pub(super) collapsed: HashSet<LaneKey>,
    pub(super) scroll_y: f64,
    pub show_legend: bool,
    /// Drag edits events instead of panning.
    pub(super) edit_mode: bool,
    pub(super) drag: Option<super::edit_drag::DragOp>,
    /// Last frame's layout, for hit testing, tests and the status bar.
    pub(super) last: LanesDrawList,
    pub(super) last_items_rect: Option<Rect>,
    pub(super) row_height: f32,
    /// The longest lane names (by characters), for sizing the header column to them.
    pub(super) longest_labels: Vec<String>,
    /// Passing events whose extent overlaps last frame's time range, each counted once
    /// however many lanes show it.
    pub(super) events_in_view: usize,
    /// Lay out every mark as before crowded stretches were counted (`layout::crowding`):
    /// only for benchmarks that compare the two in one run.
    pub(super) every_mark: bool,
    /// The legend's "Earlier reported dates" unticked: no ghost marks. Stored negated so
    /// that the default shows them.
    pub(super) hide_ghosts: bool,
    /// Last frame's ghost marks (`layout::ghost_marks`), for painting and tests.
    pub(super) ghosts: Vec<GhostMark>,
}

impl TimelineState {
    pub fn view(&self) -> Option<&TimeView> {
        self.view.as_ref()
    }

    /// The visible range, to pan or zoom it from outside (benches, tests, saved views).
    pub fn view_mut(&mut self) -> Option<&mut TimeView> {
        self.view.as_mut()
    }

    pub fn mode(&self) -> LaneMode {
        self.mode
    }

    pub fn set_mode(&mut self, mode: LaneMode) {
        if self.mode != mode {
            self.mode = mode;
            self.scroll_y = 0.0;
        }
    }

    pub fn sort(&self) -> LaneSort {
        self.sort
    }

    pub fn set_sort(&mut self, sort: LaneSort) {
        self.sort = sort;
        // A new sort replaces manual moves.
        self.order.clear();
    }

    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }

    pub fn last_layout(&self) -> &LanesDrawList {
        &self.last
    }

    /// Whether earlier reported dates show as ghost marks (the legend's toggle).
    pub fn show_ghosts(&self) -> bool {
        !self.hide_ghosts
    }

    pub fn set_show_ghosts(&mut self, on: bool) {
        self.hide_ghosts = !on;
    }

    /// The ghost marks of the last frame.
    pub fn last_ghosts(&self) -> &[GhostMark] {
        &self.ghosts
    }

    /// How many events (not marks: a meeting of five is one event on five lines) the last
    /// frame's time range holds, among those the filter lets through.
    pub fn events_in_view(&self) -> usize {
        self.events_in_view
    }

    /// Benchmarks only: `true` lays out every mark that finds a row, as before crowded
    /// stretches were counted as clusters, so that old and new can alternate in one run.
    pub fn set_every_mark(&mut self, on: bool) {
        self.every_mark = on;
    }

    pub fn set_edit_mode(&mut self, on: bool) {
        self.edit_mode = on;
    }

    pub fn request_fit(&mut self) {
        self.needs_fit = true;
    }

    /// The on-screen rectangle of an event's first mark, if drawn last frame.
    pub fn item_rect(&self, doc: &Document, event_id: &str) -> Option<Rect> {
        let idx = doc.project().events.iter().position(|e| e.id == event_id)? as u32;
        let item = self.last.items().find(|i| i.event == idx)?;
        let left = f64::from(self.last_items_rect?.left());
        let (x0, x1) = if item.is_point {
            (item.x_center - 6.0, item.x_center + 6.0)
        } else {
            (item.x_earliest.max(left), item.x_latest)
        };
        Some(Rect::from_x_y_ranges(
            x0 as f32..=x1 as f32,
            item.y as f32..=item.y as f32 + self.row_height,
        ))
    }

    /// Rebuilds the lanes when the project, the mode or the sort changed; follows the
    /// events the filtered view followed when only those changed.
    pub(super) fn refresh_lanes(&mut self, doc: &Document, filtered: &FilteredView) {
        let key = (doc.revision(), filtered.generation(), self.mode, self.sort);
        if self.lanes_for == Some(key) {
            return;
        }
        let changes = match self.lanes_for {
            Some((revision, generation, mode, sort))
                if revision.0 == key.0.0
                    && mode == self.mode
                    && sort == self.sort
                    && generation != key.1 =>
            {
                filtered.changes_since(generation)
            }
            _ => None,
        };
        let followed = changes.is_some_and(|changes| {
            let changes: Vec<LaneChange<'_>> =
                changes.iter().map(PassChange::as_lane_change).collect();
            let (project, lookup) = (doc.project(), doc.lookup());
            update_lanes(
                &mut self.lanes,
                project,
                lookup,
                self.mode,
                self.sort,
                &changes,
            )
        });
        if !followed {
            self.lanes = build_lanes(doc.project(), self.mode, self.sort, &filtered.result.events);
        }
        self.lanes_for = Some(key);
        let mut by_length: Vec<&str> = self.lanes.iter().map(|l| l.label.as_str()).collect();
        by_length.sort_by_key(|l| std::cmp::Reverse(l.chars().count()));
        // The longest few by characters: one of them is the widest on screen.
        self.longest_labels = by_length.iter().take(8).map(|&l| l.to_owned()).collect();
        // Keep the analyst's order for lanes that still exist; new lanes go last.
        let existing: HashSet<LaneKey> = self.lanes.iter().map(|l| l.key).collect();
        self.order.retain(|k| existing.contains(k));
        let placed: HashSet<LaneKey> = self.order.iter().copied().collect();
        if self.order.is_empty() {
            self.order = self.lanes.iter().map(|l| l.key).collect();
        } else {
            self.order.extend(
                self.lanes
                    .iter()
                    .map(|l| l.key)
                    .filter(|k| !placed.contains(k)),
            );
        }
    }

    /// Positions in `lanes` in display order, and the collapsed flag of each lane.
    pub(super) fn order_and_collapsed(&self) -> (Vec<usize>, Vec<bool>) {
        let position: std::collections::HashMap<LaneKey, usize> = self
            .lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.key, i))
            .collect();
        let order = self
            .order
            .iter()
            .filter_map(|k| position.get(k).copied())
            .collect();
        let collapsed = self
            .lanes
            .iter()
            .map(|l| self.collapsed.contains(&l.key))
            .collect();
        (order, collapsed)
    }

    /// Moves a lane by `delta` places (negative: up), or to the top with `i64::MIN`.
    pub fn move_lane(&mut self, key: LaneKey, delta: i64) {
        let Some(from) = self.order.iter().position(|k| *k == key) else {
            return;
        };
        let to = if delta == i64::MIN {
            0
        } else {
            (from as i64 + delta).clamp(0, self.order.len() as i64 - 1) as usize
        };
        let k = self.order.remove(from);
        self.order.insert(to, k);
    }

    pub fn toggle_collapsed(&mut self, key: LaneKey) {
        if !self.collapsed.remove(&key) {
            self.collapsed.insert(key);
        }
    }

    pub(super) fn fit_all(&mut self, doc: &Document, min_x: f64, width: f64) {
        let (mut start, mut end) = project_range(doc);
        // Ghosts are drawn too: an earlier expected date after the last mark needs room.
        if self.show_ghosts()
            && let Some((a, z)) = crate::layout::reported_range(&doc.project().events)
        {
            (start, end) = (start.min(a as f64), end.max(z as f64));
        }
        let mut view = TimeView::new(min_x, width, start, end);
        // Labels run to the right of their items: leave them room after the last one.
        view.fit_between(
            start,
            end,
            width * FIT_MARGIN,
            FIT_LABEL_ROOM_PX.max(width * FIT_MARGIN),
        );
        self.view = Some(view);
    }

    pub(super) fn zoom_to_selection(&mut self, doc: &Document, selection: &Selection) {
        let Some(view) = self.view.as_mut() else {
            return;
        };
        let mut range: Option<(TimeSecs, TimeSecs)> = None;
        for id in selection.event_ids() {
            let Some(event) = doc.project().events.iter().find(|e| e.id == id) else {
                continue;
            };
            let Ok(b) = event.date.bounds() else { continue };
            let (a, z) = drawn_extent(&b);
            range = Some(range.map_or((a, z), |(x, y)| (x.min(a), y.max(z))));
        }
        if let Some((a, z)) = range {
            let (a, z) = widen(a as f64, z as f64);
            let w = view.width_px;
            view.fit_between(a, z, w * 0.2, w * 0.2);
        }
    }
}

/// The whole project's time range, with the reference date, at least a week wide.
pub fn project_range(doc: &Document) -> (f64, f64) {
    let mut range = doc.index().time_range().map(|(a, b)| (a as f64, b as f64));
    if let Some(reference) = doc
        .project()
        .reference_date
        .as_ref()
        .and_then(|d| d.bounds().ok())
    {
        let (a, b) = (reference.earliest_secs as f64, reference.latest_secs as f64);
        range = Some(range.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
    }
    let (a, b) = range.unwrap_or_else(|| {
        let now = now_secs() as f64;
        (now - 15.0 * 86_400.0, now + 15.0 * 86_400.0)
    });
    widen(a, b)
}

pub fn widen(a: f64, b: f64) -> (f64, f64) {
    if b - a < MIN_FIT_SECS {
        let mid = f64::midpoint(a, b);
        (mid - MIN_FIT_SECS / 2.0, mid + MIN_FIT_SECS / 2.0)
    } else {
        (a, b)
    }
}

pub fn now_secs() -> TimeSecs {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as TimeSecs)
}
