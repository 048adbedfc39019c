//! What the document derives from its project (id lookup, claim index, time index, event
//! counts per actor and place), and the log of which events recent changes replaced.
//!
//! An edit that only replaces a few events (a keystroke, a new date, a drag frame, their
//! undo and redo) updates what is derived for those events alone: at a million events that
//! is about a millisecond, where a rebuild took 130 ms. Any other change rebuilds. Views
//! that derive more (the filter's result, the lanes) read the log to follow the same way.

use std::collections::{HashMap, VecDeque};

use crate::layout::EventIndex;
use crate::model::{Event, Id, Lookup, Project};
use crate::query::{ClaimIndex, DisputedEvents};

/// How many changes the log keeps: a view that missed more frames than this rebuilds. A
/// frame sees one change, or a few when edits arrive faster than frames.
const LOGGED_CHANGES: usize = 32;

#[derive(Default)]
pub(super) struct Derived {
    pub lookup: Lookup,
    pub claims: ClaimIndex,
    pub index: EventIndex,
    pub actor_event_counts: HashMap<Id, usize>,
    pub location_event_counts: HashMap<Id, usize>,
    /// Which events' reports disagree (docs/DISPUTES.md).
    pub disputed: DisputedEvents,
    /// Per generation, the events its change replaced, as they were before it (`None`:
    /// anything else changed). Oldest first; the last is the current generation's.
    log: VecDeque<(u64, Option<Replaced>)>,
}

/// Events replaced in place: each position, with the event as it was before.
type Replaced = Vec<(u32, Event)>;

impl Derived {
    pub fn of(project: &Project) -> Self {
        let mut derived = Self::default();
        derived.rebuild(project);
        derived
    }

    /// Everything again from the project. The lookup and claim index depend on the lists
    /// other than events, which an event's edit never changes.
    fn rebuild(&mut self, project: &Project) {
        self.lookup = project.lookup();
        self.claims = ClaimIndex::new(project, &self.lookup);
        self.index = EventIndex::build(&project.events);
        self.actor_event_counts.clear();
        self.location_event_counts.clear();
        for event in &project.events {
            self.count(event, true);
        }
        self.disputed = DisputedEvents::new(project, &self.lookup);
    }

    fn count(&mut self, event: &Event, add: bool) {
        for actor in event.participant_ids() {
            bump(&mut self.actor_event_counts, actor, add);
        }
        for location in event.location_ids() {
            bump(&mut self.location_event_counts, location, add);
        }
    }

    /// Follows a change of the project to `generation`: `replaced` lists the events it
    /// replaced in place, with their values before it; `None` rebuilds.
    pub fn follow(
        &mut self,
        project: &Project,
        generation: u64,
        replaced: Option<Vec<(u32, Event)>>,
    ) {
        let followed = replaced
            .as_deref()
            .is_some_and(|replaced| self.replace(project, replaced));
        if !followed {
            self.rebuild(project);
        }
        if self.log.len() == LOGGED_CHANGES {
            self.log.pop_front();
        }
        self.log
            .push_back((generation, replaced.filter(|_| followed)));
    }

    /// Updates the time index and counts for `replaced`; false when the index did not hold
    /// an event as expected (then the caller rebuilds).
    fn replace(&mut self, project: &Project, replaced: &[(u32, Event)]) -> bool {
        for (i, before) in replaced {
            let Some(now) = project.events.get(*i as usize) else {
                return false;
            };
            if !self.index.remove_event(*i, before) {
                return false;
            }
            self.index.insert_event(*i, now);
            self.count(before, false);
            self.count(now, true);
            self.disputed.replace(project, &self.lookup, *i);
        }
        true
    }

    /// The events replaced since `generation` (each once, with its value at `generation`),
    /// when every change since then only replaced events and is still in the log; `None`
    /// otherwise. Empty when nothing changed.
    pub fn replaced_since(&self, generation: u64) -> Option<Vec<(u32, &Event)>> {
        let newest = self.log.back().map_or(0, |(g, _)| *g);
        if generation == newest {
            return Some(Vec::new());
        }
        let start = self.log.iter().position(|(g, _)| *g == generation + 1)?;
        let mut first_value: Vec<(u32, &Event)> = Vec::new();
        for (_, replaced) in self.log.iter().skip(start) {
            for (i, before) in replaced.as_ref()? {
                if !first_value.iter().any(|(j, _)| j == i) {
                    first_value.push((*i, before));
                }
            }
        }
        Some(first_value)
    }
}

fn bump(counts: &mut HashMap<Id, usize>, id: Id, add: bool) {
    if add {
        *counts.entry(id).or_insert(0) += 1;
    } else if let Some(n) = counts.get_mut(&id) {
        *n -= 1;
        if *n == 0 {
            counts.remove(&id);
        }
    }
}
