//! The aggregated view of a lane: per bin of the canvas, how many events are under way and
//! how many begin there, counted from the event index's sorted starts and ends.

use super::draw_list::{DENSITY_BIN_PX, DensityBin, DrawList};
use super::event_index::EventIndex;
use super::time_view::TimeView;

pub(super) fn density_list(
    index: &EventIndex,
    view: &TimeView,
    t0: i64,
    t1: i64,
    num_visible: usize,
) -> DrawList {
    let num_bins = (view.width_px / DENSITY_BIN_PX).ceil().max(1.0) as usize;
    // Each bin's count is the number of extents overlapping its time span, from the index's
    // sorted starts and ends, searched on from the previous bin: about O(bins · classes ·
    // log(n / bins)), whatever the number of visible items. (Visiting every visible extent
    // took 12 ms per frame at 1M events.)
    // Bin k covers [T_k, T_(k+1)); an integer second s lies in it when
    // ceil(T_k) <= s <= ceil(T_(k+1)) - 1. The first and last bins also take what overflows
    // the view, as the items they stand for are drawn from the edge.
    let bin_start = |bin: usize| -> i64 {
        if bin == 0 {
            return t0;
        }
        let secs = view
            .time_from_x(view.min_x + bin as f64 * DENSITY_BIN_PX)
            .ceil();
        (secs as i64).clamp(t0, t1)
    };
    let mut density = Vec::new();
    let (mut max_density, mut max_starts) = (0, 0);
    let mut counter = index.overlap_counter();
    let mut lo = bin_start(0);
    // What began before the view is under way in the first bin, not beginning there.
    counter.count(lo.saturating_sub(1), lo.saturating_sub(1));
    let mut started_before = counter.num_started();
    for bin in 0..num_bins {
        let next = if bin + 1 == num_bins {
            t1.saturating_add(1)
        } else {
            bin_start(bin + 1)
        };
        let hi = (next - 1).max(lo);
        let count = counter.count(lo, hi);
        let started = counter.num_started();
        let starts = started.saturating_sub(started_before);
        started_before = started;
        lo = next;
        if count > 0 {
            let count = u32::try_from(count).unwrap_or(u32::MAX);
            let starts = u32::try_from(starts).unwrap_or(u32::MAX);
            max_density = max_density.max(count);
            max_starts = max_starts.max(starts);
            let x0 = view.min_x + bin as f64 * DENSITY_BIN_PX;
            density.push(DensityBin {
                x0,
                x1: x0 + DENSITY_BIN_PX,
                count,
                starts,
            });
        }
    }
    DrawList {
        items: Vec::new(),
        clusters: Vec::new(),
        density,
        max_density,
        max_starts,
        num_visible,
        rows_used: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpec, Event, EventKind, EventStatus, day_start_secs};

    fn event(id: &str, date: &str) -> Event {
        Event::new(
            id,
            "x",
            EventKind::Meeting,
            EventStatus::Held,
            DateSpec::parse(date).unwrap(),
        )
    }

    /// The density of each bin and the extents beginning in it, counted the slow way: every
    /// visible extent, by the bins its ends fall in (what `density_list` did before it used
    /// the sorted starts and ends).
    fn density_by_visiting(index: &EventIndex, view: &TimeView) -> Vec<(f64, u32, u32)> {
        let (t0, t1) = view.visible_secs();
        let num_bins = (view.width_px / DENSITY_BIN_PX).ceil() as usize;
        let bin_of = |secs: i64| -> usize {
            let x = (view.x_from_time(secs as f64) - view.min_x) / DENSITY_BIN_PX;
            x.clamp(0.0, (num_bins - 1) as f64) as usize
        };
        let mut counts = vec![0_u32; num_bins];
        let mut starts = vec![0_u32; num_bins];
        index.for_each_visible(t0, t1, |e| {
            for c in &mut counts[bin_of(e.earliest_secs)..=bin_of(e.latest_secs)] {
                *c += 1;
            }
            if e.earliest_secs >= t0 {
                starts[bin_of(e.earliest_secs)] += 1;
            }
        });
        counts
            .into_iter()
            .zip(starts)
            .enumerate()
            .filter(|(_, (c, _))| *c > 0)
            .map(|(bin, (c, s))| (view.min_x + bin as f64 * DENSITY_BIN_PX, c, s))
            .collect()
    }

    #[test]
    fn density_from_sorted_ends_counts_what_visiting_every_extent_counts() {
        // Days, day ranges, months, a year and open ends, over two years; views from the
        // whole span down to a week, some cutting events at their edges.
        let dates = [
            "2025-12-13",
            "2025-12-13/2025-12-14",
            "2025-12",
            "2025",
            "2025-06-01/..",
            "../2025-03-01",
            "2024-11-30/2025-01-02",
        ];
        let events: Vec<Event> = (0..700)
            .map(|i| {
                let date = if i % 5 == 0 {
                    dates[i % dates.len()].to_owned()
                } else {
                    format!("202{}-{:02}-{:02}", 4 + i % 2, 1 + i % 12, 1 + i % 28)
                };
                event(&format!("e{i}"), &date)
            })
            .collect();
        let index = EventIndex::build(&events);
        let day = 86_400.0;
        let start = day_start_secs(2024, 1, 1).unwrap() as f64;
        for (offset_days, span_days, width) in [
            (0.0, 731.0, 1920.0),
            (300.0, 90.0, 1000.0),
            (700.0, 7.0, 333.0),
            (-30.0, 900.0, 64.0),
        ] {
            let from = start + offset_days * day;
            let view = TimeView::new(10.0, width, from, from + span_days * day);
            let (t0, t1) = view.visible_secs();
            let list = density_list(&index, &view, t0, t1, index.count_visible(t0, t1));
            let fast: Vec<(f64, u32, u32)> = list
                .density
                .iter()
                .map(|b| (b.x0, b.count, b.starts))
                .collect();
            assert_eq!(
                fast,
                density_by_visiting(&index, &view),
                "{offset_days} {span_days}"
            );
        }
    }

    #[test]
    fn long_events_under_way_are_not_counted_as_beginning() {
        // Ten days of December with a year-long and a month-long event under way all along,
        // and one meeting a day: every bin counts the two long ones, and only the bins where
        // a meeting begins count a beginning (what the painter draws as bars).
        let mut events = vec![event("year", "2025"), event("month", "2025-12")];
        events.extend((1..=10).map(|d| event(&format!("d{d}"), &format!("2025-12-{d:02}"))));
        let index = EventIndex::build(&events);
        // From 06:00 on the 1st: the month and that day's meeting began before the view.
        let from = day_start_secs(2025, 12, 1).unwrap() as f64 + 6.0 * 3600.0;
        let view = TimeView::new(0.0, 1000.0, from, from + 10.0 * 86_400.0);
        let (t0, t1) = view.visible_secs();
        let list = density_list(&index, &view, t0, t1, index.count_visible(t0, t1));
        assert!(list.density.iter().all(|b| b.count >= 2));
        let beginnings: u32 = list.density.iter().map(|b| b.starts).sum();
        assert_eq!(
            beginnings, 9,
            "the meetings of the 2nd to the 10th, nothing long"
        );
        assert_eq!(list.max_starts, 1);
        // The long two and a meeting; a bin on a midnight holds two meetings.
        assert_eq!(list.max_density, 4);
    }
}
