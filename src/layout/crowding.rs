//! Crowded stretches of a lane: where more narrow marks fall in one 40-pt stretch of the
//! canvas than the lane's rows show without overlap, or than its share of the frame's marks
//! allows, that stretch's marks become one counted cluster instead of a wall of symbols.
//!
//! Pure and screen-space, like the rest of the draw list.

use std::collections::HashMap;

use super::draw_list::{
    CLUSTER_BIN_PX, Cluster, DrawList, ItemLayoutParams, MIN_LABEL_PX, ROW_GAP_PX, item_hit_span,
    item_mark_span, pack_items,
};
use super::event_index::IndexedExtent;
use super::time_view::TimeView;
use crate::model::Event;

/// The room one labelled item takes in its row: a 12-pt marker, 4 pt before its label, the
/// mean generated headline of 26 characters at 6.6 pt (172 pt) and the 8-pt gap to the next
/// item: 196, rounded to 200.
pub const ITEM_ROOM_PX: f64 = 200.0;
/// Marks one 40-pt stretch of one row holds without overlapping: two 12-pt markers, each
/// with the 8-pt gap after it (40 / 20). More narrow marks than that per row in a stretch
/// overlap whatever their labels, and are counted instead.
const MARKS_PER_BIN_ROW: usize = 2;
/// Narrow marks drawn one by one in a frame, over all lanes, when there are more: each
/// labelled symbol hands the renderer ~100 triangles (marker, outline, brackets and a
/// 20-character label), and on llvmpipe a frame costs ~0.33 ms per 1,000 triangles on top
/// of the ~10,000 of the window itself (issue 12's sweep in `benches/frame.rs`). 80 marks
/// keep the frame under 18,000 triangles, ~6 ms of rendering beside a UI pass of 1–2 ms:
/// the 8 ms target. 80 labels are also about what one can read on a 1920-pt canvas.
pub const MAX_DISTINCT_MARKS: usize = 80;

/// Whether an extent's mark may be counted in a cluster: narrower than the room of a
/// labelled item (a symbol with its label after it, which in a crowd makes a wall of
/// symbols), or than a quarter of the canvas (a bar with its label inside, which in a crowd
/// makes a wall of bars: 200 month-long bars at half a year on 1,920 pt). Zooming to a
/// cluster fits its span, under 40 pt plus a quarter of the canvas, to the whole canvas: at
/// least 3.7 times closer, so clicking clusters always ends in marks drawn one by one.
/// Wider bars are never counted: zooming in would not tell them apart (the days of one
/// summit at a day's zoom), so they stack on rows instead.
fn is_narrow(view: &TimeView, extent: &IndexedExtent) -> bool {
    let width =
        view.x_from_time(extent.latest_secs as f64) - view.x_from_time(extent.earliest_secs as f64);
    width < ITEM_ROOM_PX.max(view.width_px / 4.0)
}

/// The 40-pt stretch an extent's mark is counted in: the stretch holding the mark's centre,
/// clamped to the canvas (an extent begun before the view is counted at its left edge).
pub fn bin_of(view: &TimeView, extent: &IndexedExtent) -> i64 {
    let centre = f64::midpoint(
        view.x_from_time(extent.earliest_secs as f64),
        view.x_from_time(extent.latest_secs as f64),
    );
    let last = (view.width_px / CLUSTER_BIN_PX).ceil().max(1.0) - 1.0;
    let bin = ((centre - view.min_x) / CLUSTER_BIN_PX).floor();
    // (`max`/`min` rather than `clamp`, which panics on a NaN.)
    bin.max(0.0).min(last) as i64
}

/// How many narrow marks a 40-pt stretch of a lane shows one by one: as many as its rows
/// hold without overlapping, or, when the lane has more narrow marks in view than its share
/// of the frame's, its share spread evenly over the stretches (at least one, so that a lone
/// event is always drawn).
fn bin_capacity(rows: usize, num_narrow: usize, max_distinct: usize, num_bins: usize) -> usize {
    let without_overlap = rows.max(1) * MARKS_PER_BIN_ROW;
    if num_narrow <= max_distinct {
        without_overlap
    } else {
        (max_distinct / num_bins.max(1)).clamp(1, without_overlap)
    }
}

/// Splits `visible` (sorted by start) into the extents drawn one by one and those in a
/// crowded stretch, each with its stretch, in the order of `visible`.
pub fn split_crowded(
    visible: &[IndexedExtent],
    view: &TimeView,
    rows: usize,
    max_distinct: usize,
) -> (Vec<IndexedExtent>, Vec<(i64, IndexedExtent)>) {
    let num_bins = (view.width_px / CLUSTER_BIN_PX).ceil().max(1.0) as usize;
    let mut counts = vec![0_usize; num_bins];
    let bins: Vec<Option<usize>> = visible
        .iter()
        .map(|e| {
            is_narrow(view, e).then(|| {
                let bin = (bin_of(view, e) as usize).min(num_bins - 1);
                counts[bin] += 1;
                bin
            })
        })
        .collect();
    let num_narrow: usize = counts.iter().sum();
    let capacity = bin_capacity(rows, num_narrow, max_distinct, num_bins);
    let mut kept = Vec::with_capacity(visible.len());
    let mut crowded = Vec::new();
    for (extent, bin) in visible.iter().zip(bins) {
        match bin {
            Some(bin) if counts[bin] > capacity => crowded.push((bin as i64, *extent)),
            _ => kept.push(*extent),
        }
    }
    (kept, crowded)
}

/// The draw list of `visible` (sorted by start) with crowded stretches counted: the marks
/// left are packed into rows as usual, and the clusters,
/// crowded stretches and items that found no row alike, take the row below the packed ones
/// (in a one-row lane, the row itself, counting the items under them).
pub(super) fn aggregated_list(
    visible: &[IndexedExtent],
    all_events: &[Event],
    view: &TimeView,
    params: &ItemLayoutParams,
) -> DrawList {
    let rows = params.max_rows.max(1);
    let (kept, crowded) = split_crowded(visible, view, rows, params.max_distinct);
    let (mut list, mut overflow) = pack_items(&kept, all_events, view, params);
    let cluster_row = if crowded.is_empty() && overflow.is_empty() {
        None
    } else if rows >= 2 {
        // The clusters get the row below the packed ones, so that no "N" sits on an item.
        if list.rows_used >= rows {
            let fewer = ItemLayoutParams {
                max_rows: rows - 1,
                ..*params
            };
            (list, overflow) = pack_items(&kept, all_events, view, &fewer);
        }
        Some(list.rows_used)
    } else {
        Some(0)
    };
    list.num_visible = visible.len();
    if let Some(row) = cluster_row {
        overflow.extend(crowded);
        // By stretch, then by start, so that each cluster's first event is its earliest.
        overflow.sort_by_key(|&(bin, e)| (bin, e.earliest_secs, e.event));
        let y = params.top_y + row as f64 * params.row_height;
        list.clusters = clusters_at(&overflow, view, y);
        if rows == 1 {
            absorb_items_under_clusters(&mut list, &kept);
        }
        list.rows_used = list.rows_used.max(row + 1);
    }
    list
}

/// In a one-row lane the clusters share the row with the items: an item under a cluster
/// (its mark) is counted in it, and a label that runs into one stops short of it.
fn absorb_items_under_clusters(list: &mut DrawList, kept: &[IndexedExtent]) {
    let extents: HashMap<u32, &IndexedExtent> = kept.iter().map(|e| (e.event, e)).collect();
    let clusters = &mut list.clusters;
    let cluster_over = |x0: f64, x1: f64, clusters: &[Cluster]| {
        clusters
            .iter()
            .position(|c| c.x < x1 && x0 < c.x + CLUSTER_BIN_PX)
    };
    let mut items = Vec::with_capacity(list.items.len());
    for mut item in std::mem::take(&mut list.items) {
        let (mark_x0, mark_x1) = item_mark_span(&item);
        if let (Some(c), Some(extent)) = (
            cluster_over(mark_x0, mark_x1, clusters),
            extents.get(&item.event),
        ) {
            let cluster = &mut clusters[c];
            cluster.count += 1;
            if extent.earliest_secs < cluster.min_secs {
                cluster.first_event = extent.event;
            }
            cluster.min_secs = cluster.min_secs.min(extent.earliest_secs);
            cluster.max_secs = cluster.max_secs.max(extent.latest_secs);
            continue;
        }
        let (_, hit_x1) = item_hit_span(&item);
        if let Some(c) = cluster_over(item.label_x, hit_x1, clusters) {
            let room = clusters[c].x - ROW_GAP_PX - item.label_x;
            item.label_max_width = if room >= MIN_LABEL_PX {
                item.label_max_width.min(room)
            } else {
                0.0
            };
        }
        items.push(item);
    }
    list.items = items;
}

/// Groups overflowing items by bin into "+N" marks on a row below the packed rows (or on
/// the last row when the canvas is full).
pub(super) fn clusters(
    overflow: &[(i64, IndexedExtent)],
    view: &TimeView,
    params: &ItemLayoutParams,
    rows_used: usize,
) -> Vec<Cluster> {
    let row = rows_used.min(params.max_rows.max(1)).saturating_sub(1);
    clusters_at(
        overflow,
        view,
        params.top_y + row as f64 * params.row_height,
    )
}

/// One cluster per stretch of `overflow` (sorted by stretch), on the row at `y`.
fn clusters_at(overflow: &[(i64, IndexedExtent)], view: &TimeView, y: f64) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    for &(bin, extent) in overflow {
        match out.last_mut() {
            Some(last) if ((last.x - view.min_x) / CLUSTER_BIN_PX).round() as i64 == bin => {
                last.count += 1;
                last.min_secs = last.min_secs.min(extent.earliest_secs);
                last.max_secs = last.max_secs.max(extent.latest_secs);
            }
            _ => out.push(Cluster {
                x: view.min_x + bin as f64 * CLUSTER_BIN_PX,
                y,
                count: 1,
                first_event: extent.event,
                min_secs: extent.earliest_secs,
                max_secs: extent.latest_secs,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    fn extent(event: u32, start_day: i64, days: i64) -> IndexedExtent {
        IndexedExtent {
            event,
            earliest_secs: start_day * DAY,
            latest_secs: (start_day + days) * DAY - 1,
        }
    }

    /// 400 days on 800 pt: 2 pt a day, twenty stretches of 40 pt (20 days each).
    fn view() -> TimeView {
        TimeView::new(0.0, 800.0, 0.0, 400.0 * DAY as f64)
    }

    #[test]
    fn a_stretch_shows_what_its_rows_hold_until_the_lane_passes_its_share() {
        // Two markers per row in 40 pt: 70 on 35 rows, 2 on one row.
        assert_eq!(bin_capacity(35, 10, 80, 48), 70);
        assert_eq!(bin_capacity(1, 10, 80, 48), 2);
        assert_eq!(bin_capacity(0, 10, 80, 48), 2);
        // Past its share, the share spread over the stretches, at least one each.
        assert_eq!(bin_capacity(35, 1_000, 80, 48), 1);
        assert_eq!(bin_capacity(35, 1_000, 480, 48), 10);
        assert_eq!(bin_capacity(1, 1_000, 480, 48), 2);
    }

    #[test]
    fn a_stretch_with_more_marks_than_its_capacity_is_counted_whole() {
        // Stretch 0 (days 0–19): three one-day events; stretch 5 (days 100–119): one.
        let visible = vec![
            extent(0, 1, 1),
            extent(1, 5, 1),
            extent(2, 9, 1),
            extent(3, 105, 1),
        ];
        let (kept, crowded) = split_crowded(&visible, &view(), 2, 100);
        assert!(crowded.is_empty(), "three markers fit in 40 pt of two rows");
        assert_eq!(kept, visible);
        let (kept, crowded) = split_crowded(&visible, &view(), 1, 100);
        assert_eq!(kept, [visible[3]], "the lone event stays distinct");
        assert_eq!(
            crowded
                .iter()
                .map(|&(bin, e)| (bin, e.event))
                .collect::<Vec<_>>(),
            [(0, 0), (0, 1), (0, 2)]
        );
    }

    #[test]
    fn past_its_share_of_the_frame_a_lane_spreads_the_marks_it_shows() {
        // A point every 4 days for 400 days on 35 rows: 100 marks, 5 in each stretch.
        let visible: Vec<IndexedExtent> =
            (0..100).map(|i| extent(i, 4 * i64::from(i), 1)).collect();
        let (kept, crowded) = split_crowded(&visible, &view(), 35, 100);
        assert_eq!(
            (kept.len(), crowded.len()),
            (100, 0),
            "within the share: all shown"
        );
        // A share of 40 is 2 per stretch: every stretch of 5 is counted.
        let (kept, crowded) = split_crowded(&visible, &view(), 35, 40);
        assert_eq!((kept.len(), crowded.len()), (0, 100));
        // With one more day, stretches that hold one mark still show it.
        let mut sparse = visible.clone();
        sparse.retain(|e| e.event % 5 == 0);
        sparse.extend((0..100).map(|i| extent(100 + i, 4 * i64::from(i) + 1, 1)));
        sparse.sort_by_key(|e| e.earliest_secs);
        let (kept, crowded) = split_crowded(&sparse, &view(), 35, 40);
        assert_eq!(kept.len() + crowded.len(), sparse.len());
        assert!(crowded.len() > kept.len());
    }

    #[test]
    fn wide_marks_never_crowd() {
        // Four 120-day events in one stretch are 240 pt wide: bars that stack, not symbols.
        let visible: Vec<IndexedExtent> =
            (0..4).map(|i| extent(i, 40 + i64::from(i), 120)).collect();
        let (kept, crowded) = split_crowded(&visible, &view(), 1, 100);
        assert!(crowded.is_empty());
        assert_eq!(kept.len(), 4);
        // The same events 90 days (180 pt) long crowd.
        let short: Vec<IndexedExtent> = (0..4).map(|i| extent(i, 40 + i64::from(i), 90)).collect();
        let (kept, crowded) = split_crowded(&short, &view(), 1, 100);
        assert!(kept.is_empty());
        assert_eq!(crowded.len(), 4);
    }

    #[test]
    fn marks_off_the_canvas_are_counted_at_its_edges() {
        let v = view();
        assert_eq!(bin_of(&v, &extent(0, -50, 1)), 0);
        assert_eq!(bin_of(&v, &extent(0, 900, 1)), 19);
        assert_eq!(bin_of(&v, &extent(0, 399, 1)), 19);
        assert_eq!(bin_of(&v, &extent(0, 21, 1)), 1, "day 21.5 is at 43 pt");
    }

    use crate::layout::draw_list::build_draw_list;
    use crate::layout::event_index::EventIndex;
    use crate::model::{DateSpec, EventKind, EventStatus, day_start_secs};

    fn event(title: &str, date: &str) -> Event {
        Event {
            id: format!("e-{title}-{date}").as_str().into(),
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

    /// 2020 to 2030 on 1000 pt: a day is a quarter of a point, every day event a point.
    fn decade() -> TimeView {
        let t0 = day_start_secs(2020, 1, 1).unwrap() as f64;
        let t1 = day_start_secs(2030, 1, 1).unwrap() as f64;
        TimeView::new(0.0, 1000.0, t0, t1)
    }

    fn params(max_rows: usize, aggregate_crowded: bool) -> ItemLayoutParams {
        ItemLayoutParams {
            max_rows,
            aggregate_crowded,
            ..ItemLayoutParams::default()
        }
    }

    #[test]
    fn a_crowd_of_points_is_one_counted_cluster_on_a_row_below_the_items() {
        let mut events: Vec<Event> = (0..30)
            .map(|i| event(&format!("Talks {i}"), "2025-12-13"))
            .collect();
        events.push(event("Summit far away", "2027-06-01"));
        let index = EventIndex::build(&events);
        let p = params(5, true);
        let list = build_draw_list(&index, &events, &decade(), &p);
        assert_eq!(list.num_visible, 31);
        assert_eq!(list.items.len(), 1, "the distant event stays distinct");
        assert_eq!(list.items[0].event, 30);
        assert!(list.items[0].label_max_width > 0.0);
        assert_eq!(list.clusters.len(), 1);
        let cluster = &list.clusters[0];
        assert_eq!(cluster.count, 30);
        assert_eq!(cluster.first_event, 0);
        assert_eq!(cluster.min_secs, day_start_secs(2025, 12, 13).unwrap());
        // On the row below the packed one: never on an item.
        assert!((cluster.y - (p.top_y + p.row_height)).abs() < 1e-9);
        assert_eq!(list.rows_used, 2);
        // Before, the same crowd was 5 unlabelled symbols and "+25" on the last row.
        let old = build_draw_list(&index, &events, &decade(), &params(5, false));
        assert_eq!(old.items.len(), 6);
        assert_eq!(old.clusters[0].count, 25);
    }

    #[test]
    fn clusters_take_a_row_of_their_own_even_when_the_rows_are_full() {
        // Five long bars fill five rows; a crowd of points below them needs the last row.
        let mut events: Vec<Event> = (0..5)
            .map(|i| event(&format!("Long talks {i}"), "2022/2027"))
            .collect();
        events.extend((0..20).map(|i| event(&format!("Call {i}"), "2024-03-03")));
        let index = EventIndex::build(&events);
        let p = params(5, true);
        let list = build_draw_list(&index, &events, &decade(), &p);
        let cluster_row = ((list.clusters[0].y - p.top_y) / p.row_height).round() as u32;
        assert_eq!(cluster_row, 4);
        assert!(list.items.iter().all(|i| i.row < cluster_row));
        let counted: u32 = list.clusters.iter().map(|c| c.count).sum();
        assert_eq!(
            counted as usize + list.items.len(),
            25,
            "every event drawn or counted"
        );
    }

    #[test]
    fn a_one_row_lane_counts_the_items_under_its_clusters() {
        // Three calls on one day crowd a one-row lane; a two-year bar across that day is
        // drawn in the same row and counted in the cluster rather than drawn under it.
        let mut events: Vec<Event> = (0..3)
            .map(|i| event(&format!("Call {i}"), "2025-01-15"))
            .collect();
        events.push(event("Ceasefire monitoring", "2024-06-01/2026-06-01"));
        let index = EventIndex::build(&events);
        let list = build_draw_list(&index, &events, &decade(), &params(1, true));
        assert!(list.items.is_empty(), "{:?}", list.items);
        assert_eq!(list.clusters.len(), 1);
        let cluster = &list.clusters[0];
        assert_eq!(cluster.count, 4);
        assert_eq!(cluster.first_event, 3, "the bar starts first");
        assert_eq!(cluster.min_secs, day_start_secs(2024, 6, 1).unwrap());
    }
}
