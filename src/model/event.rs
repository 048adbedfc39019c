//! Events: talks, meetings, calls, statements, and the plans that may never happen.

use compact_str::CompactString;
use thin_vec::ThinVec;

use super::{Certainty, DateSpec, Id};

/// One event. Kept compact (a million of them must fit in 300 bytes each): short strings
/// inline, lists as thin vectors, references as interned ids.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Events are referenced by no other entity, so their ids are not interned.
    pub id: CompactString,
    pub title: CompactString,
    pub kind: EventKind,
    pub status: EventStatus,
    pub date: DateSpec,
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub places: ThinVec<EventPlace>,
    /// The source's words for the place when they say more than a list can
    /// ("in Miami or elsewhere in the United States").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_wording: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub participants: ThinVec<Participation>,
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub tags: ThinVec<Id>,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub description: Box<str>,
    /// Claims that support the event as a whole (that it happened or is planned, when, where).
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub claims: ThinVec<Id>,
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

/// One actor's part in an event.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participation {
    pub actor: Id,
    #[serde(default)]
    pub role: ParticipantRole,
    #[serde(default, skip_serializing_if = "Certainty::is_stated")]
    pub certainty: Certainty,
    /// Claims that support this actor's part in particular ("likely to include Dmitriev").
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub claims: ThinVec<Id>,
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
            participants: ThinVec::new(),
            tags: ThinVec::new(),
            description: Box::default(),
            claims: ThinVec::new(),
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
        self.claims.iter().copied().chain(
            self.participants
                .iter()
                .flat_map(|p| p.claims.iter().copied()),
        )
    }
}
