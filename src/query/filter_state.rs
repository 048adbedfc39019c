//! The filter's result, kept up to date as events are edited.
//!
//! What passes among actors, places, positions, claims and sources depends on the passing
//! events only through the ids they name, so the state counts, per id, the passing events
//! that name it. An edited event is asked again, its ids counted out and in, and the other
//! lists are asked again only when an id's count went to or from zero: a keystroke in a
//! million-event project costs one event's question instead of a million.

use std::collections::{HashMap, HashSet};

use super::corroboration::ClaimIndex;
use super::filter::{FilterResult, Prepared};
use crate::model::{Event, Filter, Id, Lookup, Project};

/// What a filter's result needs to follow edits of events (the result itself is the
/// caller's, passed in).
pub struct FilterState {
    prepared: Prepared,
    /// Per id, how many passing events name it (as a participant, place or cited claim).
    event_actors: HashMap<Id, u32>,
    event_locations: HashMap<Id, u32>,
    event_claims: HashMap<Id, u32>,
}

impl FilterState {
    /// Applies `filter` to the whole project: the state, and the result.
    pub fn new(
        project: &Project,
        lookup: &Lookup,
        claims_index: &ClaimIndex,
        filter: &Filter,
    ) -> (Self, FilterResult) {
        let mut state = Self {
            prepared: Prepared::new(project, lookup, filter),
            event_actors: HashMap::new(),
            event_locations: HashMap::new(),
            event_claims: HashMap::new(),
        };
        if filter.is_empty() {
            return (state, FilterResult::all(project));
        }
        let mut result = FilterResult {
            events: project
                .events
                .iter()
                .map(|e| {
                    state
                        .prepared
                        .event_passes(e, project, lookup, claims_index)
                })
                .collect(),
            ..FilterResult::default()
        };
        for (e, _) in project
            .events
            .iter()
            .zip(&result.events)
            .filter(|(_, pass)| **pass)
        {
            state.count(e, true);
        }
        state.ask_other_lists(&mut result, project, lookup, claims_index);
        (state, result)
    }

    pub fn filter(&self) -> &Filter {
        &self.prepared.filter
    }

    /// Follows the replacement of the event at `index` (it was `before`, it is in `project`
    /// now). Returns whether it passed before and whether it passes now; `None` when the
    /// result does not hold that event (the caller must start again).
    pub fn replace_event(
        &mut self,
        result: &mut FilterResult,
        project: &Project,
        lookup: &Lookup,
        claims_index: &ClaimIndex,
        index: usize,
        before: &Event,
    ) -> Option<(bool, bool)> {
        let now = project.events.get(index)?;
        let passed = *result.events.get(index)?;
        if self.prepared.filter.is_empty() {
            return Some((true, true));
        }
        let passes = self
            .prepared
            .event_passes(now, project, lookup, claims_index);
        result.events[index] = passes;
        let mut crossed = false;
        if passed {
            crossed |= self.count(before, false);
        }
        if passes {
            crossed |= self.count(now, true);
        }
        if crossed {
            self.ask_other_lists(result, project, lookup, claims_index);
        }
        Some((passed, passes))
    }

    /// Counts the ids `e` names in (`add`) or out; returns whether a count went to or from
    /// zero.
    fn count(&mut self, e: &Event, add: bool) -> bool {
        let mut crossed = false;
        for id in e.participant_ids() {
            crossed |= bump(&mut self.event_actors, id, add);
        }
        for id in e.location_ids() {
            crossed |= bump(&mut self.event_locations, id, add);
        }
        for id in e.all_claim_ids() {
            crossed |= bump(&mut self.event_claims, id, add);
        }
        crossed
    }

    /// Positions, with the holders and claims of those that pass: they bring them into the
    /// other lists.
    fn ask_positions(
        &self,
        result: &mut FilterResult,
        project: &Project,
        lookup: &Lookup,
        claims_index: &ClaimIndex,
    ) -> (HashSet<Id>, HashSet<Id>) {
        result.positions = project
            .positions
            .iter()
            .map(|p| {
                self.prepared
                    .position_passes(p, project, lookup, claims_index, |c| {
                        self.event_claims.contains_key(c)
                    })
            })
            .collect();
        let mut holders: HashSet<Id> = HashSet::new();
        let mut claims: HashSet<Id> = HashSet::new();
        for (p, _) in project
            .positions
            .iter()
            .zip(&result.positions)
            .filter(|(_, pass)| **pass)
        {
            holders.insert(p.holder);
            claims.extend(p.claims.iter().copied());
        }
        (holders, claims)
    }

    /// Positions, then actors, places, claims and sources: by their own text, or by a part
    /// in the passing events and positions.
    fn ask_other_lists(
        &self,
        result: &mut FilterResult,
        project: &Project,
        lookup: &Lookup,
        claims_index: &ClaimIndex,
    ) {
        let (position_holders, position_claims) =
            self.ask_positions(result, project, lookup, claims_index);
        let prepared = &self.prepared;
        let filter = &prepared.filter;
        let constrained = prepared.constrained();
        let by_text = !filter.has_facets();
        result.actors = project
            .actors
            .iter()
            .map(|a| {
                !constrained
                    || self.event_actors.contains_key(&a.id)
                    || position_holders.contains(&a.id)
                    || (by_text && prepared.actor_text.contains(&a.id))
                    || filter.participants.contains(&a.id)
            })
            .collect();
        result.locations = project
            .locations
            .iter()
            .map(|l| {
                !constrained
                    || self.event_locations.contains_key(&l.id)
                    || (by_text && prepared.location_text.contains(&l.id))
                    || filter.locations.contains(&l.id)
            })
            .collect();
        result.claims = project
            .claims
            .iter()
            .map(|c| {
                !constrained
                    || self.event_claims.contains_key(&c.id)
                    || position_claims.contains(&c.id)
                    || (by_text && prepared.claim_text.contains(&c.id))
            })
            .collect();
        let passing_claim_sources: HashSet<Id> = project
            .claims
            .iter()
            .zip(&result.claims)
            .filter(|(_, pass)| **pass)
            .map(|(c, _)| c.source)
            .collect();
        result.sources = project
            .sources
            .iter()
            .map(|s| {
                !constrained
                    || passing_claim_sources.contains(&s.id)
                    || (prepared.has_text() && by_text && prepared.matches(&s.name))
            })
            .collect();
    }
}

/// Counts `id` in or out; returns whether its count went to or from zero.
fn bump(counts: &mut HashMap<Id, u32>, id: Id, add: bool) -> bool {
    if add {
        let n = counts.entry(id).or_insert(0);
        *n += 1;
        *n == 1
    } else if let Some(n) = counts.get_mut(&id) {
        *n -= 1;
        if *n == 0 {
            counts.remove(&id);
            return true;
        }
        false
    } else {
        false
    }
}
