//! What the timeline draws for a view: item marks packed into rows, "+N" clusters where
//! items crowd, or a density histogram when more items are visible than can be told apart.
//!
//! Pure and screen-space: the painter only paints what this returns.

use super::event_index::{EventIndex, IndexedExtent};
use super::mark_geometry::label_text;
use super::time_view::TimeView;
use crate::model::{Event, EventStatus, Id};

/// How the items are laid out; the UI fills it from the style.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ItemLayoutParams {
    /// Top of the first row, in points.
    pub top_y: f64,
    /// Height of one row, in points.
    pub row_height: f64,
    /// Rows that fit on the canvas.
    pub max_rows: usize,
    /// Average width of a label character, in points (labels are estimated, not measured:
    /// measuring text per item per frame would cost more than the whole layout).
    pub label_char_width: f64,
    /// Above this many visible items, draw a density histogram instead of items.
    /// 2,000 keeps the frame under budget on a software renderer (~25 fps at 3,000 plain
    /// rectangles at 1920×1080, measured here).
    pub max_items: usize,
    /// The place a location lane stands for: an event that is only possibly there is
    /// labelled "(candidate) …", and its label needs room for that.
    pub candidate_place: Option<Id>,
    /// Count the marks of crowded stretches as clusters ([`super::crowding`]) and give the
    /// clusters a row of their own. The app does; the
    /// image export lays its static page out without it.
    pub aggregate_crowded: bool,
    /// With `aggregate_crowded`: narrow marks this lane draws one by one at most, its share
    /// of [`super::crowding::MAX_DISTINCT_MARKS`].
    pub max_distinct: usize,
}

impl Default for ItemLayoutParams {
    fn default() -> Self {
        Self {
            top_y: 0.0,
            row_height: 22.0,
            max_rows: 20,
            label_char_width: 7.0,
            max_items: 2_000,
            candidate_place: None,
            aggregate_crowded: false,
            max_distinct: super::crowding::MAX_DISTINCT_MARKS,
        }
    }
}

/// A point event is drawn as a marker this wide (its radius is half): it needs this much
/// room in its row even when its time extent is narrower.
pub const POINT_MARKER_PX: f64 = 12.0;
/// Gap between an item's label and the next item in the row.
pub(super) const ROW_GAP_PX: f64 = 8.0;
/// A row keeps at most this much room for a label when packing (32 characters at 7.5 pt):
/// a longer label runs on while nothing follows it in the row, and is cut with an ellipsis
/// only where the next item begins.
pub const MAX_LABEL_PX: f64 = 240.0;
/// Labels are estimated from their character count; a label may take this much more than
/// its estimate before it is cut, as titles of capitals and wide letters ("US–Ukraine–Europe")
/// run up to ~20 % wider than the average character (measured in egui's default font).
const LABEL_SLACK: f64 = 1.25;
/// Narrower than this, a label is not worth drawing (three characters and an ellipsis).
pub(super) const MIN_LABEL_PX: f64 = 28.0;
/// Items that find no row are counted in bins this wide, each drawn as one "+N".
pub const CLUSTER_BIN_PX: f64 = 40.0;
/// Density bins: two points keeps the histogram smooth at 1920 px with ~1000 bars.
pub const DENSITY_BIN_PX: f64 = 2.0;
/// Room the "postponed" chevrons take after a mark: two 4-point chevrons 4 points apart,
/// 2 points after it (`mark_geometry::chevron_x`).
const CHEVRONS_PX: f64 = 10.0;
/// An extent narrower than this on screen is drawn as a point.
const POINT_THRESHOLD_PX: f64 = 4.0;

/// One event placed in a row.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemMark {
    pub event: u32,
    pub row: u32,
    /// Top of the row, in points.
    pub y: f64,
    /// The whole extent the date allows, in points (may extend past the canvas).
    pub x_earliest: f64,
    pub x_latest: f64,
    /// The part the event certainly occupies, if any.
    pub core_x: Option<(f64, f64)>,
    /// Drawn as a point marker at `x_center` (the extent is too narrow to show).
    pub is_point: bool,
    pub x_center: f64,
    /// Where the label starts and how wide it may be; `0.0` width means no label.
    pub label_x: f64,
    pub label_max_width: f64,
}

/// Several items that found no room, shown as "+N".
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub x: f64,
    pub y: f64,
    pub count: u32,
    /// The earliest of the hidden events, for tooltips and zooming in.
    pub first_event: u32,
    /// Time range the hidden events span, for "zoom to these".
    pub min_secs: i64,
    pub max_secs: i64,
}

/// How many items overlap one bin of the canvas, and how many of them begin in it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DensityBin {
    pub x0: f64,
    pub x1: f64,
    /// Items under way at some instant of the bin.
    pub count: u32,
    /// Items that begin in the bin (not before the view): a day's meetings stand out here,
    /// while the month- and year-long items that overlap every bin of a ten-day view (and
    /// made its histogram of `count` one flat block) begin in none of them.
    pub starts: u32,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DrawList {
    pub items: Vec<ItemMark>,
    pub clusters: Vec<Cluster>,
    /// Non-empty when the view holds more than `max_items` items.
    pub density: Vec<DensityBin>,
    pub max_density: u32,
    /// The largest `starts` of a bin.
    pub max_starts: u32,
    pub num_visible: usize,
    pub rows_used: usize,
}

impl DrawList {
    pub fn is_aggregated(&self) -> bool {
        !self.density.is_empty()
    }

    /// The item under a point, preferring the one drawn last (on top).
    pub fn item_at(&self, x: f64, y: f64, row_height: f64) -> Option<&ItemMark> {
        self.items.iter().rev().find(|item| {
            if y < item.y || y > item.y + row_height {
                return false;
            }
            let (x0, x1) = item_hit_span(item);
            x >= x0 && x <= x1
        })
    }

    pub fn cluster_at(&self, x: f64, y: f64, row_height: f64) -> Option<&Cluster> {
        self.clusters
            .iter()
            .find(|c| y >= c.y && y <= c.y + row_height && x >= c.x && x <= c.x + CLUSTER_BIN_PX)
    }
}

/// The horizontal span that responds to the pointer: the mark and its label.
pub fn item_hit_span(item: &ItemMark) -> (f64, f64) {
    let (x0, x1) = item_mark_span(item);
    (x0, x1.max(item.label_x + item.label_max_width))
}

/// Builds the draw list of `events` (positions in `all_events`) for `view`.
pub fn build_draw_list(
    index: &EventIndex,
    all_events: &[Event],
    view: &TimeView,
    params: &ItemLayoutParams,
) -> DrawList {
    let (t0, t1) = view.visible_secs();
    let num_visible = index.count_visible(t0, t1);
    if num_visible > params.max_items {
        return super::density::density_list(index, view, t0, t1, num_visible);
    }
    let mut visible: Vec<IndexedExtent> = Vec::with_capacity(num_visible);
    index.for_each_visible(t0, t1, |e| visible.push(*e));
    visible.sort_unstable_by_key(|e| (e.earliest_secs, e.event));
    if !params.aggregate_crowded {
        let (mut list, overflow) = pack_items(&visible, all_events, view, params);
        list.clusters = super::crowding::clusters(&overflow, view, params, list.rows_used);
        return list;
    }
    super::crowding::aggregated_list(&visible, all_events, view, params)
}

/// The horizontal span of an item's mark alone: its point marker or its bar.
pub(super) fn item_mark_span(item: &ItemMark) -> (f64, f64) {
    if item.is_point {
        (
            item.x_center - POINT_MARKER_PX / 2.0,
            item.x_center + POINT_MARKER_PX / 2.0,
        )
    } else {
        (item.x_earliest, item.x_latest)
    }
}

pub(super) fn pack_items(
    visible: &[IndexedExtent],
    all_events: &[Event],
    view: &TimeView,
    params: &ItemLayoutParams,
) -> (DrawList, Vec<(i64, IndexedExtent)>) {
    /// What a row holds at its right end.
    struct RowEnd {
        /// Right edge of the last mark (hard: nothing may overlap it).
        mark_end: f64,
        /// Right edge of the last label (soft: a later item may cut the label short).
        label_end: f64,
        /// That item's position in `list.items`.
        item: usize,
    }
    let max_rows = params.max_rows.max(1);
    let mut rows: Vec<RowEnd> = Vec::with_capacity(max_rows);
    let mut list = DrawList {
        num_visible: visible.len(),
        ..DrawList::default()
    };
    let mut overflow: Vec<(i64, IndexedExtent)> = Vec::new();
    // Beside `list.items`, what each item's label needs and where it must stop.
    let mut labels: Vec<LabelRoom> = Vec::with_capacity(visible.len());

    for extent in visible {
        let Some(event) = all_events.get(extent.event as usize) else {
            continue;
        };
        let x_earliest = view.x_from_time(extent.earliest_secs as f64);
        let x_latest = view.x_from_time(extent.latest_secs as f64);
        let is_point = x_latest - x_earliest < POINT_THRESHOLD_PX;
        let x_center = f64::midpoint(x_earliest, x_latest);
        let (mark_start, mark_end) = if is_point {
            (
                x_center - POINT_MARKER_PX / 2.0,
                x_center + POINT_MARKER_PX / 2.0,
            )
        } else {
            (x_earliest, x_latest)
        };
        // A label goes after a point, or inside a bar when the bar is wide enough, starting at
        // the visible part of the bar so that a bar begun off-screen still shows its name.
        let candidate = params.candidate_place.is_some_and(|place| {
            event
                .places
                .iter()
                .any(|p| p.location == place && p.candidate)
        });
        let bounds = event.date.bounds().ok();
        let full_label = label_text(&event.title, bounds.as_ref(), candidate)
            .chars()
            .count() as f64
            * params.label_char_width;
        // A plain day is certain over that day (the model's bounds give it no core).
        let core_x = bounds
            .as_ref()
            .and_then(super::mark_geometry::certain_span)
            .map(|(a, b)| (view.x_from_time(a as f64), view.x_from_time(b as f64)));
        let bar_visible_start = mark_start.max(view.min_x) + 4.0;
        let label_inside = !is_point && mark_end - bar_visible_start >= full_label + 4.0;
        // A postponed mark's chevrons follow it: they belong to the mark, before its label.
        let mark_end = if event.status == EventStatus::Postponed {
            mark_end + CHEVRONS_PX
        } else {
            mark_end
        };
        let label_x = if label_inside {
            bar_visible_start
        } else {
            mark_end + 4.0
        };
        // The room the row keeps for the label; the width it may take is settled once the
        // row's next item is known (`settle_labels`).
        let label_end = if label_inside {
            mark_end
        } else {
            label_x + full_label.min(MAX_LABEL_PX)
        };

        // First choice: a row where nothing, not even a label, is in the way. Second: a row
        // where only the previous item's label is, which is then cut short (an ellipsis)
        // rather than hiding this item in a cluster.
        let free_row = rows
            .iter()
            .position(|r| r.label_end + ROW_GAP_PX <= mark_start);
        let row = match free_row {
            Some(r) => r,
            None if rows.len() < max_rows => {
                rows.push(RowEnd {
                    mark_end: f64::NEG_INFINITY,
                    label_end: f64::NEG_INFINITY,
                    item: usize::MAX,
                });
                rows.len() - 1
            }
            None => {
                let squeezable = rows
                    .iter()
                    .position(|r| r.mark_end + ROW_GAP_PX <= mark_start);
                let Some(r) = squeezable else {
                    let bin = if params.aggregate_crowded {
                        super::crowding::bin_of(view, extent)
                    } else {
                        ((mark_start - view.min_x) / CLUSTER_BIN_PX).floor() as i64
                    };
                    overflow.push((bin, *extent));
                    continue;
                };
                r
            }
        };
        // The item before this one in the row stops its label short of this one.
        if let Some(prev) = labels.get_mut(rows[row].item) {
            prev.cut_at = prev.cut_at.min(mark_start - ROW_GAP_PX);
        }
        rows[row] = RowEnd {
            mark_end,
            label_end: label_end.max(mark_end),
            item: list.items.len(),
        };
        list.items.push(ItemMark {
            event: extent.event,
            row: row as u32,
            y: params.top_y + row as f64 * params.row_height,
            x_earliest,
            x_latest,
            core_x,
            is_point,
            x_center,
            label_x,
            label_max_width: 0.0,
        });
        labels.push(LabelRoom {
            full: full_label,
            inside_end: label_inside.then_some(mark_end - 2.0),
            cut_at: f64::INFINITY,
        });
    }
    settle_labels(&mut list.items, &labels, view);
    list.rows_used = rows.len();
    (list, overflow)
}

/// What one item's label needs, while its row is being packed.
struct LabelRoom {
    /// The whole label's estimated width.
    full: f64,
    /// For a label inside its bar, where the bar ends.
    inside_end: Option<f64>,
    /// Where the next item in the row begins, less the gap (infinity when none follows).
    cut_at: f64,
}

/// Gives each label the width it may take: the whole label (with [`LABEL_SLACK`] for the
/// estimate) wherever nothing stands in its way, cut only by the next item in its row or the
/// canvas's right edge, and left out where not even a few characters fit.
fn settle_labels(items: &mut [ItemMark], labels: &[LabelRoom], view: &TimeView) {
    for (item, label) in items.iter_mut().zip(labels) {
        let wanted = label.full * LABEL_SLACK;
        item.label_max_width = if let Some(end) = label.inside_end {
            end - item.label_x
        } else {
            let room = label.cut_at.min(view.max_x()) - item.label_x;
            if room >= wanted {
                wanted
            } else if room >= MIN_LABEL_PX.min(label.full) {
                room
            } else {
                0.0
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpec, EventKind, day_start_secs};

    fn event(id: &str, title: &str, date: &str) -> Event {
        Event {
            id: id.into(),
            title: title.into(),
            kind: EventKind::Meeting,
            status: EventStatus::Held,
            date: DateSpec::parse(date).unwrap(),
            places: Default::default(),
            place_wording: None,
            participants: Default::default(),
            tags: Default::default(),
            description: Default::default(),
            claims: Default::default(),
            reported: Default::default(),
        }
    }

    fn december_view() -> TimeView {
        let t0 = day_start_secs(2025, 12, 1).unwrap() as f64;
        let t1 = day_start_secs(2026, 1, 1).unwrap() as f64;
        TimeView::new(0.0, 1000.0, t0, t1)
    }

    #[test]
    fn overlapping_items_go_to_separate_rows_and_labels_do_not_collide() {
        let events = vec![
            event("a", "Talks in Berlin", "2025-12-13/2025-12-14"),
            event("b", "Statement", "2025-12-13"),
            event("c", "Later", "2025-12-28"),
        ];
        let index = EventIndex::build(&events);
        let list = build_draw_list(
            &index,
            &events,
            &december_view(),
            &ItemLayoutParams::default(),
        );
        assert_eq!(list.items.len(), 3);
        let row_of = |e: u32| list.items.iter().find(|i| i.event == e).unwrap().row;
        assert_ne!(row_of(0), row_of(1));
        assert_eq!(row_of(2), 0, "a distant item reuses the first row");
        // In each row, each item's label ends before the next item starts.
        for row in 0..list.rows_used as u32 {
            let mut in_row: Vec<&ItemMark> = list.items.iter().filter(|i| i.row == row).collect();
            in_row.sort_by(|a, b| a.x_earliest.total_cmp(&b.x_earliest));
            for pair in in_row.windows(2) {
                let (_, end) = item_hit_span(pair[0]);
                let (start, _) = item_hit_span(pair[1]);
                assert!(end <= start, "row {row}: {end} > {start}");
            }
        }
    }

    #[test]
    fn labels_run_on_while_nothing_is_in_their_way() {
        // 66 characters, ~460 pt: longer than a row keeps for a label when packing.
        let long = "Zelensky: Ukraine prepared to explore Article 5-style guarantees ok";
        let events = vec![
            event("a", long, "2025-12-02"),
            event("b", long, "2025-12-16"),
            event("c", "Approximate", "2025-12-05~"),
        ];
        let params = ItemLayoutParams {
            max_rows: 1,
            ..ItemLayoutParams::default()
        };
        let full = |chars: usize| chars as f64 * params.label_char_width;
        let list = |subset: &[u32]| {
            let index = EventIndex::build_subset(&events, subset.iter().copied());
            build_draw_list(&index, &events, &december_view(), &params)
        };
        // Followed in its row by "b": cut where "b" begins, not before.
        let both = list(&[0, 1]);
        let (a, b) = (&both.items[0], &both.items[1]);
        assert_eq!((a.row, b.row), (0, 0));
        assert!(a.label_max_width < full(long.len()));
        assert!(
            (a.label_x + a.label_max_width - (b.x_earliest - ROW_GAP_PX)).abs() < 1e-9,
            "{} {}",
            a.label_x + a.label_max_width,
            b.x_earliest
        );
        // With room up to the canvas's edge, the whole label, past the 240 pt of packing.
        let alone = list(&[1]);
        assert!(
            alone.items[0].label_max_width >= full(long.len()),
            "{}",
            alone.items[0].label_max_width
        );
        // The "~ " of an approximate date counts too.
        let approximate = list(&[2]);
        assert!(approximate.items[0].label_max_width >= full("~ Approximate".len()));
    }

    #[test]
    fn a_candidate_place_leaves_room_for_its_words() {
        let mut e = event(
            "a",
            "Umerov meets members of the US delegation",
            "2025-12-03/2025-12-04",
        );
        e.places = vec![crate::model::EventPlace {
            location: Id::new("l-miami"),
            candidate: true,
        }]
        .into();
        let events = vec![e, event("b", "Later", "2025-12-30")];
        let index = EventIndex::build(&events);
        let params = ItemLayoutParams {
            max_rows: 1,
            candidate_place: Some(Id::new("l-miami")),
            ..ItemLayoutParams::default()
        };
        let list = build_draw_list(&index, &events, &december_view(), &params);
        let chars = "(candidate) Umerov meets members of the US delegation".len();
        assert!(list.items[0].label_max_width >= chars as f64 * params.label_char_width);
    }

    #[test]
    fn day_precision_items_are_points_when_zoomed_out_and_bars_when_zoomed_in() {
        let events = vec![event("a", "A", "2025-12-13")];
        let index = EventIndex::build(&events);
        let t0 = day_start_secs(2000, 1, 1).unwrap() as f64;
        let t1 = day_start_secs(2030, 1, 1).unwrap() as f64;
        let far = TimeView::new(0.0, 1000.0, t0, t1);
        let list = build_draw_list(&index, &events, &far, &ItemLayoutParams::default());
        assert!(list.items[0].is_point);
        let list = build_draw_list(
            &index,
            &events,
            &december_view(),
            &ItemLayoutParams::default(),
        );
        let item = &list.items[0];
        assert!(!item.is_point);
        // The day is drawn as taken, as the two days of `13/14` are: a one-day held event
        // was drawn as "somewhere within" its day, like a month.
        assert_eq!(
            item.core_x,
            Some((item.x_earliest, item.x_latest)),
            "a plain day is certain at the timeline's grain"
        );
    }

    #[test]
    fn labels_leave_room_for_chevrons_and_doubt() {
        let mut postponed = event("a", "Talks", "2025-12-13");
        postponed.status = EventStatus::Postponed;
        let events = vec![
            postponed,
            event("b", "Talks", "2025-12-20"),
            event("c", "Talks", "2025-12-27?"),
        ];
        let index = EventIndex::build(&events);
        let params = ItemLayoutParams::default();
        let list = build_draw_list(&index, &events, &december_view(), &params);
        let item = |e: u32| list.items.iter().find(|i| i.event == e).unwrap();
        // The chevrons run 2 to 10 points after the mark; the label starts 4 after them.
        assert_eq!(item(0).label_x, item(0).x_latest + CHEVRONS_PX + 4.0);
        assert_eq!(item(1).label_x, item(1).x_latest + 4.0);
        // "Talks ?" is seven characters, not five (and a label with room runs on).
        assert!(item(2).label_max_width >= 7.0 * params.label_char_width);
    }

    #[test]
    fn only_plain_days_and_intervals_have_a_core() {
        let dates = [
            ("2025-12-13", true),
            ("2025-12-13/2025-12-14", true),
            ("2025-12-13~", false),
            ("2025-12-13?", false),
            ("2025-12", false),
            ("/2025-12-13", false),
            ("2025-12-13/..", false),
        ];
        let events: Vec<Event> = dates
            .iter()
            .enumerate()
            .map(|(i, (date, _))| event(&format!("e{i}"), "x", date))
            .collect();
        let index = EventIndex::build(&events);
        let list = build_draw_list(
            &index,
            &events,
            &december_view(),
            &ItemLayoutParams::default(),
        );
        for item in &list.items {
            let (date, certain) = dates[item.event as usize];
            assert_eq!(item.core_x.is_some(), certain, "{date}");
        }
        assert_eq!(list.items.len(), dates.len());
    }

    #[test]
    fn crowded_items_become_clusters_when_rows_run_out() {
        let events: Vec<Event> = (0..30)
            .map(|i| event(&format!("e{i}"), "Same day", "2025-12-13"))
            .collect();
        let index = EventIndex::build(&events);
        let params = ItemLayoutParams {
            max_rows: 5,
            ..ItemLayoutParams::default()
        };
        let list = build_draw_list(&index, &events, &december_view(), &params);
        assert_eq!(list.items.len(), 5);
        let hidden: u32 = list.clusters.iter().map(|c| c.count).sum();
        assert_eq!(hidden, 25);
        assert_eq!(list.num_visible, 30);
    }

    #[test]
    fn aggregation_threshold_switches_to_density() {
        let events: Vec<Event> = (0..50)
            .map(|i| event(&format!("e{i}"), "x", &format!("2025-12-{:02}", 1 + i % 28)))
            .collect();
        let index = EventIndex::build(&events);
        let params = ItemLayoutParams {
            max_items: 49,
            ..ItemLayoutParams::default()
        };
        let list = build_draw_list(&index, &events, &december_view(), &params);
        assert!(list.is_aggregated());
        assert!(list.items.is_empty());
        // Each day-long event covers ~16 bins of 2 px at 1000 px per 31 days.
        let total: u64 = list.density.iter().map(|b| u64::from(b.count)).sum();
        assert!(total >= 50 * 15, "{total}");
        let params = ItemLayoutParams {
            max_items: 50,
            ..ItemLayoutParams::default()
        };
        assert!(!build_draw_list(&index, &events, &december_view(), &params).is_aggregated());
    }

    #[test]
    fn hit_testing_finds_items_and_labels() {
        let events = vec![event("a", "Talks in Berlin", "2025-12-13/2025-12-14")];
        let index = EventIndex::build(&events);
        let list = build_draw_list(
            &index,
            &events,
            &december_view(),
            &ItemLayoutParams::default(),
        );
        let item = &list.items[0];
        assert!(
            list.item_at(item.x_earliest + 1.0, item.y + 5.0, 22.0)
                .is_some()
        );
        assert!(
            list.item_at(item.label_x + 10.0, item.y + 5.0, 22.0)
                .is_some()
        );
        assert!(
            list.item_at(item.x_earliest - 30.0, item.y + 5.0, 22.0)
                .is_none()
        );
        assert!(
            list.item_at(item.x_earliest + 1.0, item.y + 40.0, 22.0)
                .is_none()
        );
    }
}
