//! Reading older project files: what changed between format versions, applied in memory.
//!
//! Version 1 (until issue 13) had no reported states: an event's date, status, places and
//! participants were all it said, with the claims that said them. Version 2 keeps what each
//! report said beside the analyst's assessment (`Event::reported`). A version-1 file opens
//! unchanged and is read as if each event's claims were its first report: one state that
//! says what the event says, tied to every claim the event cites.

use thin_vec::ThinVec;

use super::{Event, FORMAT_VERSION, Id, Project, ReportedParticipant, ReportedState};

/// The oldest project file format this build reads (and upgrades on reading).
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// Brings a project read from a file of `project.format_version` up to [`FORMAT_VERSION`].
/// Returns the version it was read as when it was older (so that the caller can say the
/// file was upgraded), `None` when it already was current. A version this build does not
/// know is left alone: the loader refuses it before.
pub fn upgrade(project: &mut Project) -> Option<u32> {
    let read = project.format_version;
    if !(OLDEST_FORMAT_VERSION..FORMAT_VERSION).contains(&read) {
        return None;
    }
    if read == 1 {
        for event in &mut project.events {
            // A version-1 file cannot hold states (a version-1 build refuses the field);
            // one that does was written by hand, and what it says is kept.
            if event.reported.is_empty()
                && let Some(state) = state_of_version_1(event)
            {
                event.reported.push(state);
            }
        }
    }
    project.format_version = FORMAT_VERSION;
    Some(read)
}

/// The one reported state a version-1 event stands for: what the event says, tied to every
/// claim it cites (its own first, then each participant's, each claim once). `None` for an
/// event that cites no claim: nothing says when it was reported. An empty list of places
/// or participants becomes "not said" (`None`): version 1 could not tell "no place yet"
/// from "the report named none", and the second is what an empty list meant.
pub fn state_of_version_1(event: &Event) -> Option<ReportedState> {
    let mut claims: ThinVec<Id> = ThinVec::with_capacity(event.claims.len());
    for id in event.all_claim_ids() {
        if !claims.contains(&id) {
            claims.push(id);
        }
    }
    if claims.is_empty() {
        return None;
    }
    let places = (!event.places.is_empty()).then(|| event.places.clone());
    let participants = (!event.participants.is_empty()).then(|| {
        event
            .participants
            .iter()
            .map(|&p| ReportedParticipant::from(p))
            .collect()
    });
    Some(ReportedState {
        claims,
        date: Some(event.date.clone()),
        status: Some(event.status),
        places,
        place_wording: event.place_wording.clone(),
        participants,
        absent: ThinVec::new(),
        recorded: None,
        note: arcstr::ArcStr::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Certainty, DateSpec, EventKind, EventPlace, EventStatus, ParticipantRole, Participation,
    };

    fn event() -> Event {
        let mut e = Event::new(
            "ev",
            "Talks",
            EventKind::Talks,
            EventStatus::Expected,
            DateSpec::parse("2025-12-20/2025-12-21").unwrap(),
        );
        e.places.push(EventPlace {
            location: Id::new("l-miami"),
            candidate: true,
        });
        e.place_wording = Some("in Miami".into());
        e.add_participant(Participation {
            actor: Id::new("a-witkoff"),
            role: ParticipantRole::HeadOfDelegation,
            certainty: Certainty::Stated,
        });
        e.add_participant(Participation {
            actor: Id::new("a-dmitriev"),
            role: ParticipantRole::Participant,
            certainty: Certainty::Likely,
        });
        e
    }

    #[test]
    fn a_version_1_event_becomes_one_state_with_its_claims_each_once() {
        let mut e = event();
        e.cite(Id::new("c-talks"));
        e.claims.push(crate::model::Citation::of_participant(
            Id::new("c-led"),
            Id::new("a-witkoff"),
        ));
        e.claims.push(crate::model::Citation::of_participant(
            Id::new("c-talks"),
            Id::new("a-dmitriev"),
        ));
        e.claims.push(crate::model::Citation::of_participant(
            Id::new("c-russian-side"),
            Id::new("a-dmitriev"),
        ));
        let state = state_of_version_1(&e).unwrap();
        let ids: Vec<&str> = state.claims.iter().map(|c| c.as_str()).collect();
        assert_eq!(ids, ["c-talks", "c-led", "c-russian-side"]);
        assert_eq!(state.date.as_ref(), Some(&e.date));
        assert_eq!(state.status, Some(EventStatus::Expected));
        assert_eq!(state.places.as_deref(), Some(&e.places[..]));
        assert_eq!(state.place_wording.as_deref(), Some("in Miami"));
        let parts = state.participants.unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[1].certainty, Certainty::Likely);
        assert_eq!(parts[0].role, ParticipantRole::HeadOfDelegation);
        assert!(state.absent.is_empty() && state.recorded.is_none() && state.note.is_empty());
    }

    #[test]
    fn an_event_without_claims_gets_no_state_and_empty_lists_are_not_said() {
        let mut e = Event::new(
            "ev",
            "Talks",
            EventKind::Talks,
            EventStatus::Held,
            DateSpec::parse("2025-12-19").unwrap(),
        );
        assert_eq!(state_of_version_1(&e), None);
        e.cite(Id::new("c"));
        let state = state_of_version_1(&e).unwrap();
        assert_eq!(state.places, None);
        assert_eq!(state.participants, None);
    }

    #[test]
    fn upgrade_says_what_it_read_and_only_touches_version_1() {
        let mut project = Project::new("p");
        let mut e = event();
        e.cite(Id::new("c"));
        project.events.push(e);
        project.format_version = 1;
        assert_eq!(upgrade(&mut project), Some(1));
        assert_eq!(project.format_version, FORMAT_VERSION);
        assert_eq!(project.events[0].reported.len(), 1);
        // Already current: nothing happens, not even a second state.
        assert_eq!(upgrade(&mut project), None);
        assert_eq!(project.events[0].reported.len(), 1);
        // Unknown versions are the loader's to refuse.
        project.format_version = 9;
        assert_eq!(upgrade(&mut project), None);
        assert_eq!(project.format_version, 9);
    }
}
