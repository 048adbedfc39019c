//! Events: talks, meetings, calls, statements, and the plans that may never happen.

use arcstr::ArcStr;
use compact_str::CompactString;
use thin_vec::ThinVec;

use super::{Certainty, DateSpec, Id};

/// One event. Kept compact (a million of them must fit in 300 bytes each): short strings
/// inline, lists as thin vectors, references as interned ids. In files an event keeps the
/// shape analysts read (each participant with the claims about its part); `event_file`
/// converts between the two.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Events are referenced by no other entity, so their ids are not interned.
    pub id: CompactString,
    pub title: CompactString,
    pub kind: EventKind,
    pub status: EventStatus,
    pub date: DateSpec,
    pub places: ThinVec<EventPlace>,
    /// The source's words for the place when they say more than a list can
    /// ("in Miami or elsewhere in the United States").
    pub place_wording: Option<ArcStr>,
    /// A boxed slice rather than a `ThinVec`: every event has participants, and a thin
    /// vector's 16-byte header on the heap costs more than the 8 bytes it saves inline.
    pub participants: Box<[Participation]>,
    pub tags: ThinVec<Id>,
    pub description: ArcStr,
    /// The claims the event cites: for the event as a whole (that it happened or is
    /// planned, when, where), or for one participant's part in it.
    pub claims: ThinVec<Citation>,
    /// What reports said about the event over time, oldest first (see
    /// [`super::ReportedState`]); the fields above are the analyst's current assessment.
    pub reported: ThinVec<super::ReportedState>,
}

/// A claim cited by an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    pub claim: Id,
    /// The actor whose part in the event the claim supports ("likely to include
    /// Dmitriev"); `None` when it supports the event as a whole.
    pub participant: Option<Id>,
}

impl Citation {
    /// A claim about the event as a whole.
    pub fn of_event(claim: Id) -> Self {
        Self {
            claim,
            participant: None,
        }
    }

    /// A claim about `actor`'s part in the event.
    pub fn of_participant(claim: Id, actor: Id) -> Self {
        Self {
            claim,
            participant: Some(actor),
        }
    }
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Meeting,
    Talks,
    Call,
    Visit,
    Statement,
    Announcement,
    Agreement,
    Other,
}

impl EventKind {
    pub const ALL: [Self; 8] = [
        Self::Meeting,
        Self::Talks,
        Self::Call,
        Self::Visit,
        Self::Statement,
        Self::Announcement,
        Self::Agreement,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Meeting => "meeting",
            Self::Talks => "talks",
            Self::Call => "call",
            Self::Visit => "visit",
            Self::Statement => "statement",
            Self::Announcement => "announcement",
            Self::Agreement => "agreement",
            Self::Other => "other",
        }
    }
}

/// Where a plan stands. Planned, expected and confirmed events have not happened yet.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Planned,
    Expected,
    Confirmed,
    Held,
    Postponed,
    Cancelled,
    Unknown,
}

impl EventStatus {
    pub const ALL: [Self; 7] = [
        Self::Planned,
        Self::Expected,
        Self::Confirmed,
        Self::Held,
        Self::Postponed,
        Self::Cancelled,
        Self::Unknown,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Expected => "expected",
            Self::Confirmed => "confirmed",
            Self::Held => "held",
            Self::Postponed => "postponed",
            Self::Cancelled => "cancelled",
            Self::Unknown => "unknown",
        }
    }

    /// What the status says, for tooltips and the getting-started page; the readings are
    /// those of `shared/docs/reading-reports.md`.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Planned => "proposed or intended, without a firm date",
            Self::Expected => "due on a date, but hedged or only from unnamed sources",
            Self::Confirmed => "due on a date, stated on the record by a party to it",
            Self::Held => "took place",
            Self::Postponed => "put off, as reported",
            Self::Cancelled => "called off, as reported",
            Self::Unknown => "no report says where it stands",
        }
    }

    /// Has the event taken place (as far as the sources say)?
    pub fn has_happened(self) -> bool {
        self == Self::Held
    }
}

/// A place of an event. Several candidate places mean "one of these" (Miami, or elsewhere
/// in the United States).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventPlace {
    pub location: Id,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub candidate: bool,
}

/// One actor's part in an event. The claims about it are the event's citations naming the
/// actor (`Event::claims_about`): kept there, a participation takes 8 bytes instead of 16,
/// 18 bytes per event of a generated project with 2.3 participants an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Participation {
    pub actor: Id,
    pub role: ParticipantRole,
    pub certainty: Certainty,
}

#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantRole {
    /// A party to the event without a more specific role.
    #[default]
    Participant,
    HeadOfDelegation,
    Member,
    Host,
    Mediator,
    Observer,
}

impl ParticipantRole {
    pub const ALL: [Self; 6] = [
        Self::Participant,
        Self::HeadOfDelegation,
        Self::Member,
        Self::Host,
        Self::Mediator,
        Self::Observer,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Participant => "participant",
            Self::HeadOfDelegation => "head of delegation",
            Self::Member => "member",
            Self::Host => "host",
            Self::Mediator => "mediator",
            Self::Observer => "observer",
        }
    }
}

impl Event {
    /// An event with no places, participants, tags, description or claims yet.
    pub fn new(
        id: &str,
        title: &str,
        kind: EventKind,
        status: EventStatus,
        date: DateSpec,
    ) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            kind,
            status,
            date,
            places: ThinVec::new(),
            place_wording: None,
            participants: Box::default(),
            tags: ThinVec::new(),
            description: ArcStr::default(),
            claims: ThinVec::new(),
            reported: ThinVec::new(),
        }
    }

    pub fn participant_ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.participants.iter().map(|p| p.actor)
    }

    pub fn location_ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.places.iter().map(|p| p.location)
    }

    /// Every claim the event cites, its own and its participants'.
    pub fn all_claim_ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.claims.iter().map(|c| c.claim)
    }

    /// The claims about the event as a whole.
    pub fn own_claim_ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.claims
            .iter()
            .filter(|c| c.participant.is_none())
            .map(|c| c.claim)
    }

    /// Cites `claim` for the event as a whole, after its other own claims and before its
    /// participants' (the order in which a file lists them).
    pub fn cite(&mut self, claim: Id) {
        let at = self
            .claims
            .iter()
            .position(|c| c.participant.is_some())
            .unwrap_or(self.claims.len());
        self.claims.insert(at, Citation::of_event(claim));
    }

    /// Adds a participant at the end.
    pub fn add_participant(&mut self, participation: Participation) {
        let mut list = std::mem::take(&mut self.participants).into_vec();
        list.push(participation);
        self.participants = list.into_boxed_slice();
    }

    /// Removes `actor` from the participants, with the claims about its part.
    pub fn remove_participant(&mut self, actor: Id) {
        self.participants = self
            .participants
            .iter()
            .filter(|p| p.actor != actor)
            .copied()
            .collect();
        self.claims.retain(|c| c.participant != Some(actor));
    }

    /// The claims about `actor`'s part in the event.
    pub fn claims_about(&self, actor: Id) -> impl Iterator<Item = Id> + '_ {
        self.claims
            .iter()
            .filter(move |c| c.participant == Some(actor))
            .map(|c| c.claim)
    }
}
