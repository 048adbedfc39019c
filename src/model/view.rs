//! How the analyst was looking at a project: the filter, the selection and the grouping.
//! Saved with the project so that it opens as it was left.

use compact_str::CompactString;

use super::{EventKind, EventStatus, Id, Reliability, TimeSecs};

/// A reference to one thing in a project: what a selection or a link holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemRef {
    /// Events are selected by id: their positions change when events are added or removed.
    Event(CompactString),
    Actor(Id),
    Location(Id),
    Issue(Id),
    Position(Id),
    Source(Id),
    Claim(Id),
    Membership(Id),
}

/// How the timeline groups events into lanes.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum LaneMode {
    /// One lane, packed rows.
    #[default]
    None,
    /// One theme line per actor; a meeting connects the lines of everyone who took part.
    Participant,
    Location,
    Kind,
    Status,
    Tag,
}

impl LaneMode {
    pub const ALL: [Self; 6] = [
        Self::None,
        Self::Participant,
        Self::Location,
        Self::Kind,
        Self::Status,
        Self::Tag,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::None => "No grouping",
            Self::Participant => "Participant",
            Self::Location => "Location",
            Self::Kind => "Kind",
            Self::Status => "Status",
            Self::Tag => "Tag",
        }
    }

    pub fn is_none(&self) -> bool {
        *self == Self::None
    }

    /// Theme-line modes draw one line per lane and connect an event across lanes.
    pub fn is_theme_lines(self) -> bool {
        self == Self::Participant
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Text searched with case and accents ignored (`query::TextSearch`) in titles,
    /// descriptions, names, aliases and excerpts.
    pub text: String,
    /// Event kinds to show; empty shows all.
    pub kinds: Vec<EventKind>,
    pub statuses: Vec<EventStatus>,
    /// Events with any of these participants.
    pub participants: Vec<Id>,
    /// Events at any of these places (candidates included).
    pub locations: Vec<Id>,
    /// Events and positions on any of these issues.
    pub issues: Vec<Id>,
    /// Only what overlaps `[from, to]` (seconds; either end open).
    pub from_secs: Option<TimeSecs>,
    pub to_secs: Option<TimeSecs>,
    /// Only what at least one source of this grade or better supports (A best).
    pub min_reliability: Option<Reliability>,
    /// Only what this many independent sources support (2 hides single-source items).
    pub min_sources: usize,
    /// Only events whose reports disagree (docs/DISPUTES.md). Not written when off, so that
    /// a saved view without it reads as before.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub disputed: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether anything beyond text narrows the events.
    pub fn has_facets(&self) -> bool {
        !(self.kinds.is_empty()
            && self.statuses.is_empty()
            && self.participants.is_empty()
            && self.locations.is_empty()
            && self.issues.is_empty()
            && self.from_secs.is_none()
            && self.to_secs.is_none()
            && self.min_reliability.is_none()
            && self.min_sources <= 1
            && !self.disputed)
    }
}

/// The view state saved in a project file.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ViewState {
    #[serde(skip_serializing_if = "Filter::is_empty")]
    pub filter: Filter,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub selection: Vec<ItemRef>,
    #[serde(skip_serializing_if = "LaneMode::is_none")]
    pub group_by: LaneMode,
}

impl ViewState {
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}
