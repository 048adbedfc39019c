//! What an import adds to events the open project already has: the claims and reported
//! states of GDELT mentions imported against that project
//! ([`super::parquet::import_path_into`]). Merging gives each such event, as the project
//! holds it at the time of the merge, the additions it lacks; the merge's additions then
//! carry the event under its own id, and appending them replaces the project's copy, so that
//! the app records it as one edit (one undo step) and nothing else of the event changes.

use std::collections::{HashMap, HashSet};

use compact_str::CompactString;
use thin_vec::ThinVec;

use crate::model::{Citation, Event, Id, Project, ReportedState};

/// Claims and reported states for one event of the open project.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventAdditions {
    /// The project's event, by id.
    pub event_id: CompactString,
    /// Citations of claims the import holds (`Imported::project.claims`).
    pub claims: Vec<Citation>,
    /// Reported states citing those claims.
    pub reported: Vec<ReportedState>,
}

/// What merging [`EventAdditions`] did.
#[derive(Debug, Default)]
pub(super) struct Amended {
    /// The project's events with their additions, in the project's order.
    pub events: Vec<Event>,
    /// Citations added, over all events.
    pub claims_added: usize,
    /// Additions whose claim the event already cited (the same mention imported again).
    pub claims_already_cited: usize,
    /// Additions to events the project no longer has (deleted since the import was read).
    pub events_missing: usize,
}

/// The events of `into` that `additions` name, each with the citations and reported
/// states it lacks. `map` gives an imported id as the merge renamed it; a claim the event
/// already cites by the same id (a mention's claim id comes from the mention: see
/// `parquet::mentions`) is not cited again, and every claim left uncited is put in
/// `dropped` (as merged), for the merge to drop.
pub(super) fn amend_events(
    into: &Project,
    additions: Vec<EventAdditions>,
    map: &dyn Fn(Id) -> Id,
    dropped: &mut HashSet<Id>,
) -> Amended {
    let mut out = Amended::default();
    let mut wanted: HashMap<CompactString, Vec<EventAdditions>> = HashMap::new();
    for a in additions {
        wanted.entry(a.event_id.clone()).or_default().push(a);
    }
    if wanted.is_empty() {
        return out;
    }
    for event in &into.events {
        let Some(adds) = wanted.remove(event.id.as_str()) else {
            continue;
        };
        let mut amended = event.clone();
        let mut cited: HashSet<Id> = event.claim_ids_with_reports().collect();
        let before = amended.claims.len() + amended.reported.len();
        for a in adds {
            add_to_event(&mut amended, &mut cited, a, map, dropped, &mut out);
        }
        if amended.claims.len() + amended.reported.len() > before {
            out.events.push(amended);
        }
    }
    for adds in wanted.into_values() {
        out.events_missing += 1;
        for a in adds {
            dropped.extend(a.claims.iter().map(|c| map(c.claim)));
            dropped.extend(
                a.reported
                    .iter()
                    .flat_map(|s| s.claims.iter().map(|&c| map(c))),
            );
        }
    }
    out
}

/// One event's additions: citations of claims it does not cite yet, and the reported
/// states that still cite a claim once those it cites are taken out.
fn add_to_event(
    event: &mut Event,
    cited: &mut HashSet<Id>,
    adds: EventAdditions,
    map: &dyn Fn(Id) -> Id,
    dropped: &mut HashSet<Id>,
    out: &mut Amended,
) {
    let mut skipped: HashSet<Id> = HashSet::new();
    for c in adds.claims {
        if cited.insert(c.claim) {
            event.claims.push(Citation {
                claim: map(c.claim),
                participant: c.participant.map(map),
            });
            out.claims_added += 1;
        } else {
            skipped.insert(c.claim);
            dropped.insert(map(c.claim));
            out.claims_already_cited += 1;
        }
    }
    for mut state in adds.reported {
        let had_claims = !state.claims.is_empty();
        let claims: ThinVec<Id> = state
            .claims
            .iter()
            .filter(|c| !skipped.contains(c))
            .map(|&c| map(c))
            .collect();
        if had_claims && claims.is_empty() {
            continue;
        }
        state.claims = claims;
        for place in state.places.iter_mut().flatten() {
            place.location = map(place.location);
        }
        for p in state.participants.iter_mut().flatten() {
            p.actor = map(p.actor);
        }
        state.absent.iter_mut().for_each(|a| *a = map(*a));
        event.reported.push(state);
    }
}

/// Splits a merge's added events into those that replace an event of `into` (same id:
/// events given [`EventAdditions`]), with its index, and those appended after `into`'s own.
/// Fresh events never take an id `into` has (the merge renames them), so the id tells.
pub fn split_replaced_events(
    into: &[Event],
    added: Vec<Event>,
) -> (Vec<(usize, Event)>, Vec<Event>) {
    if added.is_empty() {
        return (Vec::new(), added);
    }
    // Every merge passes here, so the project's ids are hashed with Fx (a few ms at a
    // million events) rather than SipHash.
    let added_ids: rustc_hash::FxHashSet<&str> = added.iter().map(|e| e.id.as_str()).collect();
    let at: rustc_hash::FxHashMap<&str, usize> = into
        .iter()
        .enumerate()
        .filter(|(_, e)| added_ids.contains(e.id.as_str()))
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    if at.is_empty() {
        return (Vec::new(), added);
    }
    let mut replaced = Vec::new();
    let mut appended = Vec::new();
    for e in added {
        match at.get(e.id.as_str()) {
            Some(&i) => replaced.push((i, e)),
            None => appended.push(e),
        }
    }
    (replaced, appended)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;

    #[test]
    fn an_event_is_given_only_the_claims_it_lacks() {
        let project = sample_project().unwrap();
        let event = &project.events[0];
        let old = event.claims[0].claim;
        let new = Id::new("c-new-mention");
        let additions = vec![EventAdditions {
            event_id: event.id.clone(),
            claims: vec![Citation::of_event(old), Citation::of_event(new)],
            reported: vec![
                ReportedState {
                    claims: thin_vec::thin_vec![old],
                    ..ReportedState::default()
                },
                ReportedState {
                    claims: thin_vec::thin_vec![new],
                    ..ReportedState::default()
                },
            ],
        }];
        let mut dropped = HashSet::new();
        let amended = amend_events(&project, additions, &|id| id, &mut dropped);
        assert_eq!((amended.claims_added, amended.claims_already_cited), (1, 1));
        assert_eq!(amended.events.len(), 1);
        let e = &amended.events[0];
        assert_eq!(e.claims.len(), event.claims.len() + 1);
        assert_eq!(e.reported.len(), event.reported.len() + 1);
        assert!(dropped.contains(&old) && !dropped.contains(&new));

        let missing = vec![EventAdditions {
            event_id: "ev-gone".into(),
            claims: vec![Citation::of_event(new)],
            reported: Vec::new(),
        }];
        let amended = amend_events(&project, missing, &|id| id, &mut HashSet::new());
        assert_eq!((amended.events.len(), amended.events_missing), (0, 1));
    }

    #[test]
    fn added_events_under_a_project_id_replace_it_and_the_others_are_appended() {
        let project = sample_project().unwrap();
        let mut same = project.events[1].clone();
        same.title = "amended".into();
        let mut fresh = project.events[0].clone();
        fresh.id = "ev-fresh".into();
        let (replaced, appended) =
            split_replaced_events(&project.events, vec![same.clone(), fresh.clone()]);
        assert_eq!(replaced, vec![(1, same)]);
        assert_eq!(appended, vec![fresh]);
    }
}
