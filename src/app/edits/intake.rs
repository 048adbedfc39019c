//! The edit that adds what the analyst accepted in the intake review (issue 14): the new
//! entities appended, and the new reported states of the events the report matched, as one
//! undo step.

use std::collections::BTreeMap;

use super::{append_edit, combine, replace_event};
use crate::app::edit::Edit;
use crate::intake::accept::Accepted;
use crate::model::{Id, Project, ReportedState};

/// One edit for `accepted`: the additions appended after the project's own entities, and
/// each matched event replaced once with its new states after its others. `None` when
/// nothing was accepted, or when a state names an event the project no longer has (the
/// review was built against another version of the project: nothing is added rather than
/// part of it).
pub fn intake_edit(project: &Project, accepted: Accepted) -> Option<Edit> {
    let Accepted { additions, states } = accepted;
    let new_entities = entity_count(&additions);
    if new_entities == 0 && states.is_empty() {
        return None;
    }
    // Two states for one event must be one replacement: a second replacement built from the
    // same project would find the event already changed and be refused as stale.
    let mut by_event: BTreeMap<usize, Vec<ReportedState>> = BTreeMap::new();
    for (id, state) in states {
        let index = index_of(project, id)?;
        by_event.entry(index).or_default().push(state);
    }
    let reports = by_event.len();
    let mut edits = Vec::with_capacity(reports + 1);
    if new_entities > 0 {
        edits.push(append_edit(project, additions, "add a report"));
    }
    for (index, new_states) in by_event {
        let mut event = project.events.get(index)?.clone();
        event.reported.extend(new_states);
        edits.push(replace_event(project, index, event, "record a report on")?);
    }
    Some(combine(label(new_entities, reports), edits))
}

/// "add a report: 31 new entities, 1 event's report".
fn label(new_entities: usize, reports: usize) -> String {
    let mut parts = Vec::new();
    if new_entities > 0 {
        parts.push(crate::model::count(
            new_entities,
            "new entity",
            "new entities",
        ));
    }
    if reports > 0 {
        parts.push(crate::model::count(
            reports,
            "report of a known event",
            "reports of known events",
        ));
    }
    format!("add a report: {}", parts.join(", "))
}

fn index_of(project: &Project, id: Id) -> Option<usize> {
    project.events.iter().position(|e| e.id == id.as_str())
}

/// How many entities `additions` holds, over every list an append reaches.
fn entity_count(p: &Project) -> usize {
    p.num_referable_entities() + p.events.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Document;
    use crate::io::{sample_project, to_ron_string};
    use crate::model::{DateSpec, EventStatus};

    /// The sample's entities as what accepting the seed report adds to an empty project.
    fn seed_additions() -> Project {
        let mut p = sample_project().unwrap();
        p.title = String::new();
        p.description = String::new();
        p.reference_date = None;
        p
    }

    /// What the report of Friday 19 December said of the Miami talks: held that day.
    fn friday_state() -> ReportedState {
        ReportedState {
            claims: thin_vec::thin_vec![Id::new("c-headline")],
            date: Some(
                DateSpec::parse("2025-12-19")
                    .unwrap()
                    .with_wording("on Friday"),
            ),
            status: Some(EventStatus::Held),
            ..ReportedState::default()
        }
    }

    #[test]
    fn nothing_accepted_is_no_edit() {
        let p = sample_project().unwrap();
        assert!(intake_edit(&p, Accepted::default()).is_none());
    }

    #[test]
    fn a_state_for_an_event_that_is_gone_adds_nothing() {
        let p = sample_project().unwrap();
        let accepted = Accepted {
            additions: Project::default(),
            states: vec![(Id::new("ev-gone"), friday_state())],
        };
        assert!(intake_edit(&p, accepted).is_none());
    }

    #[test]
    fn accepting_the_seed_into_an_empty_project_is_one_step_that_undo_takes_back_byte_for_byte() {
        let mut doc = Document::untitled();
        let before = to_ron_string(doc.project()).unwrap();
        let additions = seed_additions();
        let accepted = Accepted {
            additions: additions.clone(),
            states: Vec::new(),
        };
        let edit = intake_edit(doc.project(), accepted).unwrap();
        assert!(edit.label.starts_with("add a report: "), "{}", edit.label);
        doc.apply(edit, None).unwrap();
        let p = doc.project();
        assert_eq!(p.events, additions.events);
        assert_eq!(p.claims, additions.claims);
        assert_eq!(p.positions.len(), 6);
        assert_eq!(p.memberships.len(), 10);
        assert!(crate::model::validate(p).is_empty());
        doc.undo().unwrap();
        assert_eq!(to_ron_string(doc.project()).unwrap(), before);
        assert!(doc.undo_label().is_none(), "one step, and it is undone");
    }

    #[test]
    fn states_of_matched_events_are_recorded_with_the_additions_in_one_step() {
        let mut doc = Document::sample().unwrap();
        let original = doc.project().clone();
        let before = to_ron_string(doc.project()).unwrap();
        // A new claim and the two states that rest on it: both on the Miami talks.
        let mut additions = Project::default();
        let mut claim = original.claims[0].clone();
        claim.id = Id::new("c-friday");
        claim.excerpt = "The talks were held in Miami on Friday.".into();
        additions.claims.push(claim);
        let mut first = friday_state();
        first.claims = thin_vec::thin_vec![Id::new("c-friday")];
        let mut second = first.clone();
        second.note = "a second reading of the same report".into();
        let accepted = Accepted {
            additions,
            states: vec![
                (Id::new("ev-miami-talks"), first.clone()),
                (Id::new("ev-miami-talks"), second.clone()),
            ],
        };
        let edit = intake_edit(doc.project(), accepted).unwrap();
        assert_eq!(
            edit.label,
            "add a report: 1 new entity, 1 report of a known event"
        );
        doc.apply(edit, None).unwrap();
        let p = doc.project();
        let miami = p.events.iter().find(|e| e.id == "ev-miami-talks").unwrap();
        let n = miami.reported.len();
        assert_eq!(miami.reported[n - 2..], [first, second]);
        assert_eq!(p.claims.last().unwrap().id.as_str(), "c-friday");
        assert_eq!(p.events.len(), original.events.len(), "no duplicate event");
        assert!(crate::model::validate(p).is_empty());
        doc.undo().unwrap();
        assert_eq!(to_ron_string(doc.project()).unwrap(), before);
        doc.redo().unwrap();
        assert_eq!(doc.project().claims.len(), original.claims.len() + 1);
    }
}
