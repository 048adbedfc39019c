//! An event's shape in project files, which differs from its shape in memory in one way: in
//! a file each participant carries the claims about its part (`participants: [(actor: "a",
//! claims: ["c1"])]`), as analysts read and write it; in memory those claims are citations
//! of the event that name the participant (`Event::claims`), so that a participation stays
//! 8 bytes.

use arcstr::ArcStr;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use super::{
    Certainty, Citation, DateSpec, Event, EventKind, EventPlace, EventStatus, Id, ParticipantRole,
    Participation, ReportedState,
};

/// An event as read from a file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Event")]
struct EventRecord {
    id: CompactString,
    title: CompactString,
    kind: EventKind,
    status: EventStatus,
    date: DateSpec,
    #[serde(default)]
    places: ThinVec<EventPlace>,
    #[serde(default)]
    place_wording: Option<ArcStr>,
    #[serde(default)]
    participants: Vec<ParticipationRecord>,
    #[serde(default)]
    tags: ThinVec<Id>,
    #[serde(default)]
    description: ArcStr,
    #[serde(default)]
    claims: Vec<Id>,
    #[serde(default)]
    reported: ThinVec<ReportedState>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Participation")]
struct ParticipationRecord {
    actor: Id,
    #[serde(default)]
    role: ParticipantRole,
    #[serde(default)]
    certainty: Certainty,
    #[serde(default)]
    claims: Vec<Id>,
}

impl From<EventRecord> for Event {
    fn from(record: EventRecord) -> Self {
        let participants = record
            .participants
            .iter()
            .map(|p| Participation {
                actor: p.actor,
                role: p.role,
                certainty: p.certainty,
            })
            .collect();
        let claims = citations(
            &record.claims,
            record.participants.iter().map(|p| (p.actor, &p.claims[..])),
        );
        Self {
            id: record.id,
            title: record.title,
            kind: record.kind,
            status: record.status,
            date: record.date,
            places: record.places,
            place_wording: record.place_wording,
            participants,
            tags: record.tags,
            description: record.description,
            claims,
            reported: record.reported,
        }
    }
}

/// The event's citations in their canonical order: its own claims, then each participant's
/// in the order of the participants, as a file lists them.
pub(crate) fn citations<'a>(
    own: &[Id],
    participants: impl Iterator<Item = (Id, &'a [Id])> + Clone,
) -> ThinVec<Citation> {
    let num_claims = own.len() + participants.clone().map(|(_, c)| c.len()).sum::<usize>();
    let mut claims = ThinVec::with_capacity(num_claims);
    claims.extend(own.iter().map(|&c| Citation::of_event(c)));
    for (actor, list) in participants {
        claims.extend(list.iter().map(|&c| Citation::of_participant(c, actor)));
    }
    claims
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        EventRecord::deserialize(deserializer).map(Self::from)
    }
}

/// An event as written to a file, borrowed from the event (saving a million events copies
/// none of them).
#[derive(Serialize)]
#[serde(rename = "Event")]
struct EventOut<'a> {
    id: &'a str,
    title: &'a str,
    kind: EventKind,
    status: EventStatus,
    date: &'a DateSpec,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    places: &'a [EventPlace],
    #[serde(skip_serializing_if = "Option::is_none")]
    place_wording: Option<&'a str>,
    #[serde(skip_serializing_if = "ParticipantsOut::is_empty")]
    participants: ParticipantsOut<'a>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [Id],
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    #[serde(skip_serializing_if = "ClaimsOut::is_empty")]
    claims: ClaimsOut<'a>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    reported: &'a [ReportedState],
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        EventOut {
            id: &self.id,
            title: &self.title,
            kind: self.kind,
            status: self.status,
            date: &self.date,
            places: &self.places,
            place_wording: self.place_wording.as_deref(),
            participants: ParticipantsOut(self),
            tags: &self.tags,
            description: &self.description,
            claims: ClaimsOut {
                event: self,
                participant: None,
            },
            reported: &self.reported,
        }
        .serialize(serializer)
    }
}

struct ParticipantsOut<'a>(&'a Event);

impl ParticipantsOut<'_> {
    fn is_empty(&self) -> bool {
        self.0.participants.is_empty()
    }
}

impl Serialize for ParticipantsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let event = self.0;
        serializer.collect_seq(event.participants.iter().map(|p| ParticipationOut {
            actor: p.actor,
            role: p.role,
            certainty: p.certainty,
            claims: ClaimsOut {
                event,
                participant: Some(p.actor),
            },
        }))
    }
}

#[derive(Serialize)]
#[serde(rename = "Participation")]
struct ParticipationOut<'a> {
    actor: Id,
    role: ParticipantRole,
    #[serde(skip_serializing_if = "Certainty::is_stated")]
    certainty: Certainty,
    #[serde(skip_serializing_if = "ClaimsOut::is_empty")]
    claims: ClaimsOut<'a>,
}

/// The claims of `event` about `participant` (or about the event as a whole).
struct ClaimsOut<'a> {
    event: &'a Event,
    participant: Option<Id>,
}

impl ClaimsOut<'_> {
    fn ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.event
            .claims
            .iter()
            .filter(|c| c.participant == self.participant)
            .map(|c| c.claim)
    }

    fn is_empty(&self) -> bool {
        self.ids().next().is_none()
    }
}

impl Serialize for ClaimsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.ids())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;

    #[test]
    fn participants_claims_round_trip_through_the_file_shape() {
        let line = r#"(id: "e1", title: "T", kind: talks, status: planned, date: (edtf: "2025-12-20"), participants: [(actor: "a", role: participant, certainty: likely, claims: ["c2", "c3"]), (actor: "b", role: host)], claims: ["c1"])"#;
        let event: Event = ron::from_str(line).unwrap();
        assert_eq!(event.own_claim_ids().collect::<Vec<_>>(), [Id::new("c1")]);
        assert_eq!(
            event.claims_about(Id::new("a")).collect::<Vec<_>>(),
            [Id::new("c2"), Id::new("c3")]
        );
        assert_eq!(event.claims_about(Id::new("b")).count(), 0);
        assert_eq!(event.all_claim_ids().count(), 3);
        // `ron::to_string` writes without the spaces of the pretty file layout.
        let compact = line.replace(": ", ":").replace(", ", ",");
        assert_eq!(ron::to_string(&event).unwrap(), compact);
    }

    #[test]
    fn the_sample_keeps_its_participants_claims() {
        let p = sample_project().unwrap();
        let with_part_claims = p
            .events
            .iter()
            .filter(|e| e.claims.iter().any(|c| c.participant.is_some()))
            .count();
        assert!(with_part_claims > 0);
        for e in &p.events {
            let text = ron::to_string(e).unwrap();
            let back: Event = ron::from_str(&text).unwrap();
            assert_eq!(&back, e, "{text}");
        }
    }

    #[test]
    fn unknown_fields_are_still_refused() {
        let line = r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025"), participants: [(actor: "a", rank: 1)])"#;
        let err = ron::from_str::<Event>(line).unwrap_err();
        assert!(err.to_string().contains("rank"), "{err}");
    }
}
