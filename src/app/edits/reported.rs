//! Edits of an event's reported states (issue 13): record what a report said, correct or
//! remove a recorded state, and adopt a state as the analyst's current assessment. Each is
//! one replacement of the event, so one undo step, and follows the event's index like any
//! other replacement.

use thin_vec::ThinVec;

use super::replace_event;
use crate::app::edit::Edit;
use crate::model::{Citation, Participation, Project, ReportedState};

/// Adds `state` after the event's other states (the list is oldest first).
pub fn record_state(project: &Project, index: usize, state: ReportedState) -> Option<Edit> {
    let mut event = project.events.get(index)?.clone();
    event.reported.push(state);
    replace_event(project, index, event, "record a report on")
}

/// Replaces the event's state `state_index` with `state`.
pub fn replace_state(
    project: &Project,
    index: usize,
    state_index: usize,
    state: ReportedState,
) -> Option<Edit> {
    let mut event = project.events.get(index)?.clone();
    *event.reported.get_mut(state_index)? = state;
    replace_event(project, index, event, "edit a report on")
}

/// Removes the event's state `state_index`.
pub fn remove_state(project: &Project, index: usize, state_index: usize) -> Option<Edit> {
    let mut event = project.events.get(index)?.clone();
    if state_index >= event.reported.len() {
        return None;
    }
    event.reported.remove(state_index);
    replace_event(project, index, event, "remove a report on")
}

/// Makes what state `state_index` said the event's own fields: its date, status, places and
/// place wording, and participants, where the state says them (a field it leaves unsaid
/// keeps the event's value). Actors the state reports absent leave the participants. The
/// claims about a participant who leaves stay cited, for the event as a whole (they were
/// evidence, and an edit must not lose them); the state's claims are cited too, since they
/// now support the event's fields.
pub fn adopt_state(project: &Project, index: usize, state_index: usize) -> Option<Edit> {
    let mut event = project.events.get(index)?.clone();
    let state = event.reported.get(state_index)?.clone();
    if let Some(date) = &state.date {
        event.date = date.clone();
    }
    if let Some(status) = state.status {
        event.status = status;
    }
    if let Some(places) = &state.places {
        event.places.clone_from(places);
        event.place_wording.clone_from(&state.place_wording);
    } else if state.place_wording.is_some() {
        event.place_wording.clone_from(&state.place_wording);
    }
    let mut participants: Vec<Participation> = match &state.participants {
        Some(list) => list
            .iter()
            .map(|p| Participation {
                actor: p.actor,
                role: p.role,
                certainty: p.certainty,
            })
            .collect(),
        None => event.participants.to_vec(),
    };
    participants.retain(|p| !state.absent.contains(&p.actor));
    // Citations about a participant who leaves become citations of the event.
    let mut claims: ThinVec<Citation> = ThinVec::with_capacity(event.claims.len());
    for c in &event.claims {
        let citation = match c.participant {
            Some(actor) if !participants.iter().any(|p| p.actor == actor) => {
                Citation::of_event(c.claim)
            }
            _ => *c,
        };
        if !claims.contains(&citation) {
            claims.push(citation);
        }
    }
    event.claims = claims;
    event.participants = participants.into_boxed_slice();
    for &claim in &state.claims {
        if !event.own_claim_ids().any(|c| c == claim) {
            event.cite(claim);
        }
    }
    // Own claims first, then the participants' in their order: the order a file lists them,
    // so that the event saves and loads back equal.
    let mut ordered: ThinVec<Citation> = ThinVec::with_capacity(event.claims.len());
    ordered.extend(event.own_claim_ids().map(Citation::of_event));
    for p in &event.participants {
        ordered.extend(
            event
                .claims_about(p.actor)
                .map(|c| Citation::of_participant(c, p.actor)),
        );
    }
    event.claims = ordered;
    replace_event(project, index, event, "adopt a report as current for")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::model::{DateSpec, EventStatus, Id, ReportedParticipant};

    fn miami(p: &Project) -> usize {
        p.events
            .iter()
            .position(|e| e.id == "ev-miami-talks")
            .unwrap()
    }

    /// The report of Friday 19 December: Witkoff and Kushner met Umerov in Miami that
    /// morning, without Dmitriev.
    fn held_on_friday() -> ReportedState {
        ReportedState {
            claims: thin_vec::thin_vec![Id::new("c-headline")],
            date: Some(
                DateSpec::parse("2025-12-19")
                    .unwrap()
                    .with_wording("Friday morning"),
            ),
            status: Some(EventStatus::Held),
            participants: Some(thin_vec::thin_vec![
                ReportedParticipant {
                    actor: Id::new("a-witkoff"),
                    role: Default::default(),
                    certainty: Default::default(),
                },
                ReportedParticipant {
                    actor: Id::new("a-kushner"),
                    role: Default::default(),
                    certainty: Default::default(),
                },
            ]),
            absent: thin_vec::thin_vec![Id::new("a-dmitriev")],
            ..ReportedState::default()
        }
    }

    #[test]
    fn record_replace_and_remove_are_single_undoable_replacements() {
        let original = sample_project().unwrap();
        let at = miami(&original);
        let edit = record_state(&original, at, held_on_friday()).unwrap();
        assert_eq!(edit.label, "record a report on ‘US–Russia talks in Miami’");
        let mut recorded = original.clone();
        edit.apply(&mut recorded).unwrap();
        assert_eq!(recorded.events[at].reported.len(), 2);
        assert_eq!(recorded.events[at].reported[1], held_on_friday());
        // The event'removed own fields are the analyst'removed: recording changes none of them.
        assert_eq!(recorded.events[at].status, original.events[at].status);
        assert!(crate::model::validate(&recorded).is_empty());

        let mut changed = held_on_friday();
        changed.note = "second reading".into();
        let edit = replace_state(&recorded, at, 1, changed.clone()).unwrap();
        let mut corrected = recorded.clone();
        edit.apply(&mut corrected).unwrap();
        assert_eq!(corrected.events[at].reported[1], changed);
        assert!(replace_state(&recorded, at, 7, changed).is_none());

        let edit = remove_state(&corrected, at, 0).unwrap();
        let mut removed = corrected.clone();
        edit.apply(&mut removed).unwrap();
        assert_eq!(removed.events[at].reported.len(), 1);
        assert_eq!(removed.events[at].reported[0].note, "second reading");
        edit.inverse().apply(&mut removed).unwrap();
        assert_eq!(removed, corrected);
        assert!(remove_state(&corrected, at, 2).is_none());
    }

    #[test]
    fn adopting_a_state_makes_its_fields_the_events_and_keeps_every_claim() {
        let mut original = sample_project().unwrap();
        let at = miami(&original);
        original.events[at].reported.push(held_on_friday());
        let before = original.events[at].clone();
        let edit = adopt_state(&original, at, 1).unwrap();
        let mut adopted = original.clone();
        edit.apply(&mut adopted).unwrap();
        let e = &adopted.events[at];
        assert_eq!(e.status, EventStatus::Held);
        assert_eq!(e.date.edtf_text(), "2025-12-19");
        assert_eq!(e.date.wording(), Some("Friday morning"));
        let who: Vec<&str> = e.participant_ids().map(Id::as_str).collect();
        assert_eq!(who, ["a-witkoff", "a-kushner"]);
        // Places were not said: the event keeps its own.
        assert_eq!(e.places, before.places);
        // Every claim the event cited is still cited; Dmitriev's is the event's now.
        for c in before.all_claim_ids() {
            assert!(e.all_claim_ids().any(|x| x == c), "{c} lost");
        }
        assert!(e.own_claim_ids().any(|c| c == Id::new("c-russian-side")));
        assert!(crate::model::validate(&adopted).is_empty());
        // What the file says is what memory holds: save and load give the same event.
        let text = crate::io::to_ron_string(&adopted).unwrap();
        assert_eq!(crate::io::load_project_str(&text, "a").unwrap(), adopted);
        edit.inverse().apply(&mut adopted).unwrap();
        assert_eq!(adopted, original);
    }
}
