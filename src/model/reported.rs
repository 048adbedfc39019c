//! What reports said about an event over time (issue 13).
//!
//! An event's own fields (date, status, places, participants) are the analyst's current
//! assessment. Beside them it keeps a list of reported states: what one report said about
//! the event, tied to the claims that said it. A claim's publication date dates the state,
//! so the list answers "what was known when": on 18 December 2025 the Miami talks were
//! expected "this weekend"; a report of the 19th said they were held that Friday morning.
//!
//! A state records only what its report said: a report that gave a new date but said
//! nothing of the place leaves `places` as `None` ("not said"), which is not the same as
//! `Some(empty)` ("said: nowhere yet").

use arcstr::ArcStr;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use super::{Certainty, DateSpec, EventPlace, EventStatus, Id, ParticipantRole};

/// What one report said about an event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedState {
    /// The claims that said it. The earliest publication date among them is when the state
    /// became known.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub claims: ThinVec<Id>,
    /// The date as the report gave it, with its words ("this weekend"); `None` when the
    /// report said nothing about the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EventStatus>,
    /// The places the report named; `None` when it named none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<ThinVec<EventPlace>>,
    /// The report's words for the place ("in Miami or elsewhere in the United States").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_wording: Option<ArcStr>,
    /// Who the report said took or would take part; `None` when it named no one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<ThinVec<ReportedParticipant>>,
    /// Actors the report said were absent or would not attend ("without Dmitriev").
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub absent: ThinVec<Id>,
    /// When the analyst recorded this state (UTC), which is not when it was published: a
    /// report of the 18th entered on the 20th.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<jiff::Timestamp>,
    /// The analyst's note on this report.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub note: ArcStr,
}

/// A participant as a report named it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedParticipant {
    pub actor: Id,
    #[serde(default)]
    pub role: ParticipantRole,
    #[serde(default, skip_serializing_if = "Certainty::is_stated")]
    pub certainty: Certainty,
}

impl ReportedState {
    /// True when the state says nothing about the event (no date, status, place or
    /// participant): only its claims.
    pub fn says_nothing(&self) -> bool {
        self.date.is_none()
            && self.status.is_none()
            && self.places.is_none()
            && self.place_wording.is_none()
            && self.participants.is_none()
            && self.absent.is_empty()
    }
}
