//! A sorted index of event extents, for culling to a view range in O(log n + visible).
//!
//! Events are split into classes by the power of two of their duration; within a class they
//! are sorted by start. An event of class k lasts less than 2^(k+1) s, so those overlapping
//! `[t0, t1]` start in `[t0 - 2^(k+1), t1]`: one binary search per class, about 40 classes,
//! however long the longest event is. A single index sorted by start would have to scan
//! back by the longest duration, which one century-long event would make the whole project.

use crate::model::{EndKind, Event, TimeBounds, TimeSecs};

/// An open or unknown end is drawn this far from the known end: one day of fade when the
/// end is unknown, and up to the view's edge (handled by the painter) when it is open.
const UNKNOWN_END_SECS: i64 = 86_400;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexedExtent {
    /// Position of the event in `Project::events`.
    pub event: u32,
    pub earliest_secs: TimeSecs,
    pub latest_secs: TimeSecs,
}

/// One duration class, as parallel columns sorted by `earliest_secs` (then event): 20 bytes
/// an extent instead of the 24 of a padded `IndexedExtent`, in vectors sized exactly, since
/// a million-event project keeps one extent per event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct DurationClass {
    earliest_secs: Vec<TimeSecs>,
    latest_secs: Vec<TimeSecs>,
    events: Vec<u32>,
    /// Every extent in this class is shorter than this.
    max_duration_secs: i64,
}

impl DurationClass {
    /// The class from its extents, sorted here.
    fn from_extents(mut extents: Vec<IndexedExtent>, max_duration_secs: i64) -> Self {
        extents.sort_unstable_by_key(|e| (e.earliest_secs, e.event));
        Self {
            earliest_secs: extents.iter().map(|e| e.earliest_secs).collect(),
            latest_secs: extents.iter().map(|e| e.latest_secs).collect(),
            events: extents.iter().map(|e| e.event).collect(),
            max_duration_secs,
        }
    }

    fn len(&self) -> usize {
        self.events.len()
    }

    /// Where `(earliest_secs, event)` is, or would go, in the sorted columns.
    fn position(&self, earliest_secs: TimeSecs, event: u32) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if (self.earliest_secs[mid], self.events[mid]) < (earliest_secs, event) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    fn extent(&self, i: usize) -> IndexedExtent {
        IndexedExtent {
            event: self.events[i],
            earliest_secs: self.earliest_secs[i],
            latest_secs: self.latest_secs[i],
        }
    }
}

/// Event extents, sorted for culling. Built once per project, then kept up to date one event
/// at a time as edits replace events ([`Self::remove_event`], [`Self::insert_event`]): equal
/// (`==`) to what [`Self::build`] makes of the edited events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventIndex {
    classes: Vec<DurationClass>,
    num_indexed: usize,
    /// All drawn ends, sorted. The number of extents overlapping `[t0, t1]` is
    /// `#(starts <= t1) - #(ends < t0)`: a binary search per class for the starts (each
    /// class's are sorted) and one here, at any zoom. A sorted copy of the starts too would
    /// make that two searches, for 8 more bytes per event.
    sorted_ends: Vec<TimeSecs>,
    /// Events whose date cannot be placed (outside the supported years).
    unplaced: Vec<u32>,
    range: Option<(TimeSecs, TimeSecs)>,
}

/// The extent the timeline gives an event: its bounds, widened by the fade of an unknown
/// or open end so that the fade is culled with it.
pub fn drawn_extent(bounds: &TimeBounds) -> (TimeSecs, TimeSecs) {
    let mut earliest = bounds.earliest_secs;
    let mut latest = bounds.latest_secs;
    if bounds.start != EndKind::Known {
        earliest = earliest.saturating_sub(UNKNOWN_END_SECS);
    }
    if bounds.end != EndKind::Known {
        latest = latest.saturating_add(UNKNOWN_END_SECS);
    }
    (earliest, latest)
}

impl EventIndex {
    pub fn build(events: &[Event]) -> Self {
        Self::build_subset(events, 0..events.len() as u32)
    }

    /// An index over some of the events (one lane's), by their positions in `events`.
    pub fn build_subset(events: &[Event], subset: impl IntoIterator<Item = u32>) -> Self {
        let subset = subset.into_iter();
        let size_hint = subset.size_hint().0;
        // Extents are gathered per class first, then copied into exactly sized columns: the
        // index is kept for as long as the project is open, the gathering vectors are not.
        let mut gathered: Vec<Vec<IndexedExtent>> = Vec::new();
        let mut unplaced = Vec::new();
        let mut range: Option<(TimeSecs, TimeSecs)> = None;
        let mut sorted_ends = Vec::with_capacity(size_hint);
        for i in subset {
            let Some(event) = events.get(i as usize) else {
                continue;
            };
            let Ok(bounds) = event.date.bounds() else {
                unplaced.push(i);
                continue;
            };
            let (earliest, latest) = drawn_extent(&bounds);
            let class = duration_class(latest - earliest);
            if gathered.len() <= class {
                gathered.resize_with(class + 1, Vec::new);
            }
            gathered[class].push(IndexedExtent {
                event: i,
                earliest_secs: earliest,
                latest_secs: latest,
            });
            sorted_ends.push(latest);
            range = Some(match range {
                None => (earliest, latest),
                Some((a, b)) => (a.min(earliest), b.max(latest)),
            });
        }
        let mut num_indexed = 0;
        let mut classes = Vec::with_capacity(gathered.len());
        for (k, extents) in gathered.into_iter().enumerate() {
            num_indexed += extents.len();
            classes.push(DurationClass::from_extents(
                extents,
                1_i64 << (k + 1).min(62),
            ));
        }
        sorted_ends.sort_unstable();
        sorted_ends.shrink_to_fit();
        unplaced.shrink_to_fit();
        Self {
            classes,
            num_indexed,
            sorted_ends,
            unplaced,
            range,
        }
    }

    pub fn num_indexed(&self) -> usize {
        self.num_indexed
    }

    /// Takes out `event` (its position in the project), as `value` was when it was indexed.
    /// Returns false, changing nothing, when the index does not hold it so: the caller must
    /// rebuild. One binary search and one shift of a class's columns: about a millisecond
    /// at a million events, against 130 ms for a rebuild.
    pub fn remove_event(&mut self, event: u32, value: &Event) -> bool {
        let Ok(bounds) = value.date.bounds() else {
            let Ok(at) = self.unplaced.binary_search(&event) else {
                return false;
            };
            self.unplaced.remove(at);
            return true;
        };
        let (earliest, latest) = drawn_extent(&bounds);
        let k = duration_class(latest - earliest);
        let Some(class) = self.classes.get_mut(k) else {
            return false;
        };
        let at = class.position(earliest, event);
        if class.events.get(at) != Some(&event) || class.earliest_secs[at] != earliest {
            return false;
        }
        let Ok(end_at) = self.sorted_ends.binary_search(&latest) else {
            return false;
        };
        class.earliest_secs.remove(at);
        class.latest_secs.remove(at);
        class.events.remove(at);
        self.sorted_ends.remove(end_at);
        self.num_indexed -= 1;
        // A build makes no class beyond the longest extent's.
        while self.classes.last().is_some_and(|c| c.len() == 0) {
            self.classes.pop();
        }
        self.update_range();
        true
    }

    /// Adds `event` (its position in the project) with its value now.
    pub fn insert_event(&mut self, event: u32, value: &Event) {
        let Ok(bounds) = value.date.bounds() else {
            let at = self.unplaced.partition_point(|&e| e < event);
            self.unplaced.insert(at, event);
            return;
        };
        let (earliest, latest) = drawn_extent(&bounds);
        let k = duration_class(latest - earliest);
        while self.classes.len() <= k {
            let max_duration_secs = 1_i64 << (self.classes.len() + 1).min(62);
            self.classes.push(DurationClass {
                max_duration_secs,
                ..DurationClass::default()
            });
        }
        let class = &mut self.classes[k];
        let at = class.position(earliest, event);
        class.earliest_secs.insert(at, earliest);
        class.latest_secs.insert(at, latest);
        class.events.insert(at, event);
        let end_at = self.sorted_ends.partition_point(|&e| e < latest);
        self.sorted_ends.insert(end_at, latest);
        self.num_indexed += 1;
        self.update_range();
    }

    /// The range from the columns: each class's first start, and the last of the ends.
    fn update_range(&mut self) {
        let earliest = self
            .classes
            .iter()
            .filter_map(|c| c.earliest_secs.first().copied())
            .min();
        self.range = earliest.zip(self.sorted_ends.last().copied());
    }

    pub fn unplaced(&self) -> &[u32] {
        &self.unplaced
    }

    /// Earliest start and latest end over all placed events.
    pub fn time_range(&self) -> Option<(TimeSecs, TimeSecs)> {
        self.range
    }

    /// Calls `visit` for every extent overlapping `[t0, t1]`, class by class.
    pub fn for_each_visible(
        &self,
        t0: TimeSecs,
        t1: TimeSecs,
        mut visit: impl FnMut(&IndexedExtent),
    ) {
        for class in &self.classes {
            let from = t0.saturating_sub(class.max_duration_secs);
            let lo = class.earliest_secs.partition_point(|&e| e < from);
            let hi = class.earliest_secs.partition_point(|&e| e <= t1);
            for i in lo..hi.max(lo) {
                if class.latest_secs[i] >= t0 {
                    visit(&class.extent(i));
                }
            }
        }
    }

    /// How many extents overlap `[t0, t1]`: exact, O(log n).
    pub fn count_visible(&self, t0: TimeSecs, t1: TimeSecs) -> usize {
        let started: usize = self
            .classes
            .iter()
            .map(|c| c.earliest_secs.partition_point(|&s| s <= t1))
            .sum();
        let ended = self.sorted_ends.partition_point(|&e| e < t0);
        started.saturating_sub(ended)
    }

    /// Counts for a row of spans from left to right (the bins of a histogram), each count
    /// continuing from where the last one stopped.
    pub fn overlap_counter(&self) -> OverlapCounter<'_> {
        OverlapCounter {
            index: self,
            started: vec![0; self.classes.len()],
            ended: 0,
            last_span: (TimeSecs::MIN, TimeSecs::MIN),
        }
    }

    /// The largest number of extents that overlap at one instant (the rows a lane needs
    /// so that nothing has to share a row with an overlapping item).
    pub fn max_overlap(&self) -> usize {
        self.max_overlap_up_to(usize::MAX)
    }

    /// [`Self::max_overlap`], or `cap` when it is at least `cap`: the sweep stops there, so
    /// that a crowded lane of half a million events answers after a few of them (a lane
    /// shows at most three rows, and an edit asks again for every lane it touches).
    pub fn max_overlap_up_to(&self, cap: usize) -> usize {
        // Sweep the starts (merged from the classes' sorted columns, smallest first) and the
        // sorted ends together.
        let mut heads: std::collections::BinaryHeap<std::cmp::Reverse<(TimeSecs, usize)>> = self
            .classes
            .iter()
            .enumerate()
            .filter_map(|(k, c)| Some(std::cmp::Reverse((*c.earliest_secs.first()?, k))))
            .collect();
        let mut next_in_class = vec![1_usize; self.classes.len()];
        let (mut j, mut open, mut best) = (0, 0_usize, 0);
        while let Some(&std::cmp::Reverse((start, k))) = heads.peek() {
            if best >= cap {
                return cap;
            }
            if start <= self.sorted_ends.get(j).copied().unwrap_or(TimeSecs::MAX) {
                open += 1;
                best = best.max(open);
                heads.pop();
                let class = &self.classes[k];
                if let Some(&next) = class.earliest_secs.get(next_in_class[k]) {
                    heads.push(std::cmp::Reverse((next, k)));
                    next_in_class[k] += 1;
                }
            } else {
                open = open.saturating_sub(1);
                j += 1;
            }
        }
        best.min(cap)
    }

    /// Events sorted by start, all classes merged (for lists and navigation).
    pub fn sorted_events(&self) -> Vec<u32> {
        let mut all: Vec<IndexedExtent> = self
            .classes
            .iter()
            .flat_map(|c| (0..c.len()).map(|i| c.extent(i)))
            .collect();
        all.sort_unstable_by_key(|e| (e.earliest_secs, e.event));
        all.into_iter().map(|e| e.event).collect()
    }
}

/// Counts the extents of an index that overlap spans whose starts and ends never decrease,
/// such as the bins of a density histogram from left to right. Each count gallops on from
/// where the previous one stopped, so a row of 960 bins over a million events costs a few
/// short searches per bin and class instead of full binary searches.
pub struct OverlapCounter<'a> {
    index: &'a EventIndex,
    /// Per class, how many of its extents start at or before the last span's end.
    started: Vec<usize>,
    /// How many extents end before the last span's start.
    ended: usize,
    last_span: (TimeSecs, TimeSecs),
}

impl OverlapCounter<'_> {
    /// How many extents overlap `[t0, t1]`. `t0` and `t1` must not be less than those of the
    /// previous call; where they are, the count is that of the furthest span so far.
    pub fn count(&mut self, t0: TimeSecs, t1: TimeSecs) -> usize {
        debug_assert!(
            t0 >= self.last_span.0 && t1 >= self.last_span.1,
            "spans must move right"
        );
        self.last_span = (t0, t1);
        let mut started = 0;
        for (class, cursor) in self.index.classes.iter().zip(&mut self.started) {
            *cursor = gallop(&class.earliest_secs, *cursor, |s| s <= t1);
            started += *cursor;
        }
        self.ended = gallop(&self.index.sorted_ends, self.ended, |e| e < t0);
        started.saturating_sub(self.ended)
    }

    /// How many extents start at or before the end of the last span counted (0 before the
    /// first count): the difference between two spans' is how many start between them.
    pub fn num_started(&self) -> usize {
        self.started.iter().sum()
    }
}

/// `sorted.partition_point(is_before)`, knowing that it is at least `from`: probes at
/// doubling distances from `from`, then searches between the last two probes.
fn gallop(sorted: &[TimeSecs], from: usize, is_before: impl Fn(TimeSecs) -> bool) -> usize {
    let from = from.min(sorted.len());
    let rest = &sorted[from..];
    let mut bound = 1;
    while bound < rest.len() && is_before(rest[bound]) {
        bound *= 2;
    }
    let lo = bound / 2;
    let hi = bound.min(rest.len());
    from + lo + rest[lo..hi].partition_point(|&t| is_before(t))
}

/// The class of a duration: floor(log2(duration)), with 0 for durations under 2 s.
fn duration_class(duration_secs: i64) -> usize {
    if duration_secs < 2 {
        0
    } else {
        (63 - duration_secs.leading_zeros()) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpec, EventKind, EventStatus};

    fn event(id: &str, date: &str) -> Event {
        Event {
            id: id.into(),
            title: id.into(),
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

    fn day(y: i32, m: u32, d: u32) -> TimeSecs {
        crate::model::day_start_secs(y, m, d).unwrap()
    }

    fn visible(index: &EventIndex, t0: TimeSecs, t1: TimeSecs) -> Vec<u32> {
        let mut v = Vec::new();
        index.for_each_visible(t0, t1, |e| v.push(e.event));
        v.sort_unstable();
        v
    }

    #[test]
    fn culls_to_the_view_including_long_events() {
        let events = vec![
            event("a", "2025-12-13/2025-12-14"),
            event("b", "2025-12-20"),
            event("century", "1950/2049"),
            event("later", "2026-03-01"),
            event("open", "2025-12-19/.."),
        ];
        let index = EventIndex::build(&events);
        let seen = visible(&index, day(2025, 12, 20), day(2025, 12, 21));
        assert_eq!(seen, [1, 2, 4]);
        assert_eq!(index.count_visible(day(2025, 12, 20), day(2025, 12, 21)), 3);
        let seen = visible(&index, day(2025, 12, 14) + 10, day(2025, 12, 14) + 20);
        assert_eq!(seen, [0, 2]);
        assert_eq!(index.time_range().unwrap().0, day(1950, 1, 1));
    }

    #[test]
    fn count_matches_visit_on_random_views() {
        let mut events = Vec::new();
        for i in 0..500 {
            let y = 2000 + (i * 7919 % 25);
            let m = 1 + (i * 31 % 12) as u32;
            let text = match i % 4 {
                0 => format!("{y}-{m:02}-01"),
                1 => format!("{y}-{m:02}"),
                2 => format!("{y}"),
                _ => format!("{y}-{m:02}-01/{}-01-01", y + 1 + i % 3),
            };
            events.push(event(&format!("e{i}"), &text));
        }
        let index = EventIndex::build(&events);
        assert_eq!(index.num_indexed(), 500);
        for k in 0..50_i64 {
            let t0 = day(2000, 1, 1) + k * 17_000_000;
            let t1 = t0 + (k % 7 + 1) * 5_000_000;
            let brute = events
                .iter()
                .filter(|e| {
                    let (a, b) = drawn_extent(&e.date.bounds().unwrap());
                    b >= t0 && a <= t1
                })
                .count();
            assert_eq!(visible(&index, t0, t1).len(), brute);
            assert_eq!(index.count_visible(t0, t1), brute);
        }
    }

    #[test]
    fn counter_matches_count_visible_on_consecutive_bins() {
        let mut events = Vec::new();
        for i in 0..2_000_i64 {
            let y = 2000 + (i * 7919 % 25);
            let m = 1 + (i * 31 % 12);
            let d = 1 + (i * 17 % 28);
            let text = match i % 5 {
                0 => format!("{y}-{m:02}-{d:02}"),
                1 => format!("{y}-{m:02}"),
                2 => format!("{y}"),
                3 => format!("{y}-{m:02}-{d:02}T{:02}:30:00Z", i % 24),
                _ => format!("{y}-{m:02}-01/{}-01-01", y + 1 + i % 3),
            };
            events.push(event(&format!("e{i}"), &text));
        }
        let index = EventIndex::build(&events);
        // Bins of several widths, from a few minutes to a year, across the whole range.
        for bin_secs in [300, 86_400, 2_600_000, 31_000_000] {
            let mut counter = index.overlap_counter();
            let mut t = day(1999, 6, 1);
            while t < day(2028, 1, 1) {
                let t1 = t + bin_secs - 1;
                assert_eq!(counter.count(t, t1), index.count_visible(t, t1), "{t}");
                t += bin_secs;
            }
        }
    }

    #[test]
    fn gallop_is_partition_point_from_any_start() {
        let sorted: Vec<TimeSecs> = (0..100).map(|i| i / 3 * 10).collect();
        for from in 0..100 {
            for t in -5..340 {
                let expected = sorted.partition_point(|&x| x <= t);
                if from <= expected {
                    assert_eq!(gallop(&sorted, from, |x| x <= t), expected, "{from} {t}");
                }
            }
        }
        assert_eq!(gallop(&[], 0, |x| x < 0), 0);
    }

    #[test]
    fn subset_and_overlap() {
        let events = vec![
            event("a", "2025-12-13/2025-12-14"),
            event("b", "2025-12-14"),
            event("c", "2025-12-20"),
            event("d", "2025-12-14/2025-12-21"),
        ];
        let index = EventIndex::build_subset(&events, [0, 1, 3]);
        assert_eq!(index.num_indexed(), 3);
        assert_eq!(index.max_overlap(), 3);
        assert_eq!(
            visible(&index, day(2025, 12, 20), day(2025, 12, 20) + 1),
            [3]
        );
        assert_eq!(EventIndex::build(&events).max_overlap(), 3);
        assert_eq!(EventIndex::build_subset(&events, [2]).max_overlap(), 1);
    }

    #[test]
    #[allow(clippy::needless_range_loop)] // the index is the event's position, checked
    fn removing_and_inserting_events_equals_a_rebuild() {
        let dates = [
            "2025-12-13/2025-12-14",
            "2025-12-20",
            "1950/2049",
            "2026-03",
            "2025-12-19/..",
            "2025",
        ];
        let mut events: Vec<Event> = (0..40)
            .map(|i| event(&format!("e{i}"), dates[i % 6]))
            .collect();
        let mut index = EventIndex::build(&events);
        // Each event in turn gets another date; then the longest go, and the classes shrink.
        for i in 0..events.len() {
            let new = event(&events[i].id, dates[(i * 5 + 3) % dates.len()]);
            assert!(index.remove_event(i as u32, &events[i]), "{i}");
            index.insert_event(i as u32, &new);
            events[i] = new;
            assert_eq!(index, EventIndex::build(&events), "after {i}");
        }
        for i in 0..events.len() {
            if events[i].date.edtf_text() == "1950/2049" {
                let short = event(&events[i].id, "2025-12-01");
                assert!(index.remove_event(i as u32, &events[i]));
                index.insert_event(i as u32, &short);
                events[i] = short;
            }
        }
        assert_eq!(index, EventIndex::build(&events));
        // An event the index does not hold so is refused, and nothing changes.
        let before = index.clone();
        assert!(!index.remove_event(0, &event("x", "1999-01-01")));
        assert_eq!(index, before);
    }

    #[test]
    fn capped_overlap_is_the_clamped_overlap() {
        let events: Vec<Event> = (0..30)
            .map(|i| {
                event(
                    &format!("e{i}"),
                    ["2025-12-13/2025-12-20", "2025-12-14", "2025-12"][i % 3],
                )
            })
            .collect();
        for n in 0..events.len() {
            let index = EventIndex::build_subset(&events, 0..n as u32);
            for cap in 1..6 {
                assert_eq!(
                    index.max_overlap_up_to(cap),
                    index.max_overlap().min(cap),
                    "{n} {cap}"
                );
            }
        }
    }

    #[test]
    fn sorted_events_merges_classes() {
        let events = vec![
            event("y", "2025"),
            event("d", "2024-06-01"),
            event("m", "2025-01"),
        ];
        let index = EventIndex::build(&events);
        assert_eq!(index.sorted_events(), [1, 0, 2]);
    }
}
