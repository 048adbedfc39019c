//! The project as the shared filter shows it: what passes, and the per-actor and per-place
//! figures the panels list. Recomputed when the filter changes or the project changes
//! otherwise than by replacing a few events; those it follows one event at a time
//! ([`Document::replaced_since`]). Never per frame.

use std::collections::{HashMap, HashSet};

use super::Document;
use crate::layout::EventIndex;
use crate::model::{Event, Id, TimeSecs};
use crate::query::{Filter, FilterResult, FilterState, Pair, who_met_whom};

/// An event the last refresh followed: where it is, its value before, and whether it
/// passed the filter before and passes now. The lanes follow these the same way.
#[derive(Clone, Debug, PartialEq)]
pub struct PassChange {
    pub index: u32,
    pub before: Event,
    pub passed: bool,
    pub passes: bool,
}

impl PassChange {
    /// The same change as the timeline's lanes follow it (`layout::update_lanes`).
    pub fn as_lane_change(&self) -> crate::layout::LaneChange<'_> {
        crate::layout::LaneChange {
            index: self.index,
            before: &self.before,
            was_in: self.passed,
            is_in: self.passes,
        }
    }
}

/// Events, first and last appearance of one actor or place among the passing events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Appearances {
    pub num_events: usize,
    pub first_secs: Option<TimeSecs>,
    /// Exclusive, as `TimeBounds::latest_secs`: an event on 21 December ends at 22 December
    /// 00:00.
    pub last_secs: Option<TimeSecs>,
}

impl Appearances {
    fn add(&mut self, (earliest, latest): (Option<TimeSecs>, Option<TimeSecs>)) {
        self.num_events += 1;
        if let Some(t) = earliest {
            self.first_secs = Some(self.first_secs.map_or(t, |f| f.min(t)));
        }
        if let Some(t) = latest {
            self.last_secs = Some(self.last_secs.map_or(t, |l| l.max(t)));
        }
    }
}

/// An event's time for [`Appearances`]: its earliest start and latest end, when placed.
fn appearance_times(event: &Event) -> (Option<TimeSecs>, Option<TimeSecs>) {
    let bounds = event.date.bounds().ok();
    (
        bounds.map(|b| b.earliest_secs),
        bounds.map(|b| b.latest_secs),
    )
}

#[derive(Default)]
pub struct FilteredView {
    key: Option<(Filter, (u64, u64))>,
    /// What the result needs to follow edits of events.
    state: Option<FilterState>,
    /// The events the last refresh followed, when it followed them (from generation
    /// `generation - 1`); `None` when it recomputed everything.
    changes: Option<Vec<PassChange>>,
    pub filter: Filter,
    pub result: FilterResult,
    pub actors: HashMap<Id, Appearances>,
    pub locations: HashMap<Id, Appearances>,
    /// Who met whom among the passing events, computed when first asked for: only its view
    /// shows it, and at 1M events it was half the cost of a filter change.
    pairs: std::cell::OnceCell<Vec<Pair>>,
    /// The passing events' time index (for the overview strip and the count of events in
    /// view), built when first asked for; `None` while the filter lets everything through,
    /// when the project's own index serves.
    index: std::cell::OnceCell<Option<EventIndex>>,
    /// Bumped whenever the result changes, so that views can cache what they derive.
    generation: u64,
}

impl FilteredView {
    /// Brings the view up to date with `filter` and `doc`; returns whether anything changed.
    pub fn refresh(&mut self, doc: &Document, filter: &Filter) -> bool {
        let revision = doc.revision();
        if let Some((old_filter, old_revision)) = &self.key
            && *old_revision == revision
            && old_filter == filter
        {
            return false;
        }
        let replaced = match &self.key {
            Some((old_filter, (instance, generation)))
                if *instance == revision.0 && old_filter == filter =>
            {
                doc.replaced_since(*generation)
            }
            _ => None,
        };
        self.changes = replaced.and_then(|replaced| self.follow(doc, &replaced));
        if self.changes.is_none() {
            self.recompute(doc, filter);
        }
        self.pairs = std::cell::OnceCell::new();
        self.key = Some((filter.clone(), revision));
        self.generation += 1;
        true
    }

    /// Everything again, for `filter`.
    fn recompute(&mut self, doc: &Document, filter: &Filter) {
        let project = doc.project();
        let (state, result) = FilterState::new(project, doc.lookup(), doc.claims(), filter);
        self.state = Some(state);
        self.result = result;
        self.actors.clear();
        self.locations.clear();
        for (event, _) in project
            .events
            .iter()
            .zip(&self.result.events)
            .filter(|(_, pass)| **pass)
        {
            appear(&mut self.actors, &mut self.locations, event);
        }
        self.index = std::cell::OnceCell::new();
        self.filter = filter.clone();
    }

    /// Follows the events `replaced` (with their values before) through the result, the
    /// appearances and the time index; `None` when it cannot (then the caller recomputes).
    fn follow(&mut self, doc: &Document, replaced: &[(u32, &Event)]) -> Option<Vec<PassChange>> {
        let project = doc.project();
        let state = self.state.as_mut()?;
        let mut changes = Vec::with_capacity(replaced.len());
        // Actors and places whose first or last appearance may have been the replaced
        // event's: asked again over all passing events (rare: one event of many).
        let mut recount_actors: HashSet<Id> = HashSet::new();
        let mut recount_locations: HashSet<Id> = HashSet::new();
        for &(index, before) in replaced {
            let (passed, passes) = state.replace_event(
                &mut self.result,
                project,
                doc.lookup(),
                doc.claims(),
                index as usize,
                before,
            )?;
            changes.push(PassChange {
                index,
                before: before.clone(),
                passed,
                passes,
            });
        }
        for change in &changes {
            if change.passed {
                let times = appearance_times(&change.before);
                disappear(
                    &mut self.actors,
                    change.before.participant_ids(),
                    times,
                    &mut recount_actors,
                );
                disappear(
                    &mut self.locations,
                    change.before.location_ids(),
                    times,
                    &mut recount_locations,
                );
            }
        }
        for change in &changes {
            if change.passes {
                let now = project.events.get(change.index as usize)?;
                appear(&mut self.actors, &mut self.locations, now);
            }
        }
        self.recount(doc, &recount_actors, &recount_locations);
        self.follow_index(doc, &changes);
        Some(changes)
    }

    /// The appearances of `actors` and `locations` again, from all passing events.
    fn recount(&mut self, doc: &Document, actors: &HashSet<Id>, locations: &HashSet<Id>) {
        if actors.is_empty() && locations.is_empty() {
            return;
        }
        for id in actors {
            self.actors.remove(id);
        }
        for id in locations {
            self.locations.remove(id);
        }
        for (event, _) in doc
            .project()
            .events
            .iter()
            .zip(&self.result.events)
            .filter(|(_, pass)| **pass)
        {
            let times = appearance_times(event);
            for actor in event.participant_ids().filter(|a| actors.contains(a)) {
                self.actors.entry(actor).or_default().add(times);
            }
            for location in event.location_ids().filter(|l| locations.contains(l)) {
                self.locations.entry(location).or_default().add(times);
            }
        }
    }

    /// The passing events' time index, when built, follows the changes.
    fn follow_index(&mut self, doc: &Document, changes: &[PassChange]) {
        let Some(Some(index)) = self.index.get_mut() else {
            return;
        };
        for change in changes {
            if change.passed && !index.remove_event(change.index, &change.before) {
                self.index = std::cell::OnceCell::new();
                return;
            }
            if change.passes
                && let Some(now) = doc.project().events.get(change.index as usize)
            {
                index.insert_event(change.index, now);
            }
        }
    }

    /// The events the last refresh followed, when the view was at `generation` before it
    /// and the refresh followed them one by one; `None` when it recomputed everything or
    /// `generation` is older.
    pub fn changes_since(&self, generation: u64) -> Option<&[PassChange]> {
        if generation == self.generation {
            return Some(&[]);
        }
        if generation + 1 != self.generation {
            return None;
        }
        self.changes.as_deref()
    }

    /// Who met whom among the passing events of `project` (the project of the last
    /// `refresh`).
    pub fn pairs(&self, project: &crate::model::Project) -> &[Pair] {
        self.pairs
            .get_or_init(|| who_met_whom(project, &self.result.events))
    }

    /// The time index of the passing events of `doc` (the document of the last `refresh`).
    pub fn event_index<'a>(&'a self, doc: &'a Document) -> &'a EventIndex {
        self.index
            .get_or_init(|| {
                (!self.filter.is_empty()).then(|| {
                    let passing = (0..doc.project().events.len() as u32)
                        .filter(|&i| self.event_passes(i as usize));
                    EventIndex::build_subset(&doc.project().events, passing)
                })
            })
            .as_ref()
            .unwrap_or_else(|| doc.index())
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn event_passes(&self, index: usize) -> bool {
        self.result.events.get(index).copied().unwrap_or(true)
    }
}

/// Adds a passing event to the appearances of its actors and places.
fn appear(
    actors: &mut HashMap<Id, Appearances>,
    locations: &mut HashMap<Id, Appearances>,
    event: &Event,
) {
    let times = appearance_times(event);
    for actor in event.participant_ids() {
        actors.entry(actor).or_default().add(times);
    }
    for location in event.location_ids() {
        locations.entry(location).or_default().add(times);
    }
}

/// Takes an event (at `times`) out of the appearances of `ids`; those whose first or last
/// appearance it may have been go into `recount`.
fn disappear(
    appearances: &mut HashMap<Id, Appearances>,
    ids: impl Iterator<Item = Id>,
    (earliest, latest): (Option<TimeSecs>, Option<TimeSecs>),
    recount: &mut HashSet<Id>,
) {
    for id in ids {
        let Some(a) = appearances.get_mut(&id) else {
            recount.insert(id);
            continue;
        };
        a.num_events = a.num_events.saturating_sub(1);
        if a.num_events == 0 {
            appearances.remove(&id);
        } else if (earliest.is_some() && earliest == a.first_secs)
            || (latest.is_some() && latest == a.last_secs)
        {
            recount.insert(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appearances_follow_the_filter() {
        let doc = Document::sample().unwrap();
        let mut view = FilteredView::default();
        assert!(view.refresh(&doc, &Filter::default()));
        assert!(!view.refresh(&doc, &Filter::default()), "cached");
        let zelenskyy = view.actors[&Id::new("a-zelenskyy")];
        assert_eq!(zelenskyy.num_events, 2);
        // Computed on first use, and again after the filter changes (below).
        assert!(!view.pairs(doc.project()).is_empty());
        let filter = Filter {
            text: "Article 5".into(),
            ..Filter::default()
        };
        assert!(view.refresh(&doc, &filter));
        assert_eq!(view.actors[&Id::new("a-zelenskyy")].num_events, 1);
        assert!(!view.actors.contains_key(&Id::new("a-witkoff")));
        assert!(view.pairs(doc.project()).is_empty());
    }

    #[test]
    fn the_time_index_holds_the_passing_events() {
        let doc = Document::sample().unwrap();
        let mut view = FilteredView::default();
        view.refresh(&doc, &Filter::default());
        assert_eq!(view.event_index(&doc).num_indexed(), 5);
        let expected = Filter {
            statuses: vec![crate::model::EventStatus::Expected],
            ..Filter::default()
        };
        view.refresh(&doc, &expected);
        assert_eq!(view.event_index(&doc).num_indexed(), 2);
        view.refresh(&doc, &Filter::default());
        assert_eq!(view.event_index(&doc).num_indexed(), 5, "rebuilt");
    }
}
