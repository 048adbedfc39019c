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

use super::{
    Certainty, Claim, DateSpec, Event, EventPlace, EventStatus, Id, Lookup, ParticipantRole,
    Project, TimeSecs,
};

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

impl From<super::Participation> for ReportedParticipant {
    /// A participant as the event lists it, as a report naming them would.
    fn from(p: super::Participation) -> Self {
        Self {
            actor: p.actor,
            role: p.role,
            certainty: p.certainty,
        }
    }
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

/// When a claim was certainly published: the end (exclusive) of what its publication date
/// allows. A claim "published in December 2025" may have come out on the 31st, so it is
/// known by a date only once all of December has passed; counting it at its earliest
/// instant would let a view "as of 10 December" show what was only published later.
/// `None` when the claim has no publication date (or an unreadable one).
pub fn claim_known_secs(claim: &Claim) -> Option<TimeSecs> {
    claim
        .published
        .as_ref()
        .and_then(|d| d.bounds().ok())
        .map(|b| b.latest_secs)
}

impl ReportedState {
    /// When this state became known: the first of its claims to be certainly published
    /// (see [`claim_known_secs`]). `None` when none of its claims has a publication date.
    pub fn known_secs(&self, project: &Project, lookup: &Lookup) -> Option<TimeSecs> {
        self.claims
            .iter()
            .filter_map(|&id| lookup.claim(project, id))
            .filter_map(claim_known_secs)
            .min()
    }
}

impl Event {
    /// The claims the event cites, for itself or a participant, then those its reported
    /// states rest on (a claim may be cited by a state only: a later report recorded but
    /// not yet adopted). Repeats are kept.
    pub fn claim_ids_with_reports(&self) -> impl Iterator<Item = Id> + '_ {
        self.all_claim_ids()
            .chain(self.reported.iter().flat_map(|s| s.claims.iter().copied()))
    }
}

/// The indices of `event.reported` in the order their reports became known; states with
/// no dated claim come last, in their list order (the sort is stable).
pub fn states_in_publication_order(
    event: &Event,
    project: &Project,
    lookup: &Lookup,
) -> Vec<(usize, Option<TimeSecs>)> {
    let mut order: Vec<(usize, Option<TimeSecs>)> = event
        .reported
        .iter()
        .enumerate()
        .map(|(i, state)| (i, state.known_secs(project, lookup)))
        .collect();
    order.sort_by_key(|&(_, known)| (known.is_none(), known));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Credibility, EventKind};

    fn claim(id: &str, published: Option<&str>) -> Claim {
        Claim {
            id: Id::new(id),
            source: Id::new("src"),
            excerpt: "words".into(),
            context_before: ArcStr::default(),
            context_after: ArcStr::default(),
            attribution: Vec::new(),
            published: published.map(|p| DateSpec::parse(p).unwrap()),
            url: None,
            credibility: Credibility::ALL[5],
            note: ArcStr::default(),
        }
    }

    #[test]
    fn a_state_is_known_when_its_first_claim_is_certainly_published() {
        let project = Project {
            claims: vec![
                claim("c-day", Some("2025-12-19")),
                claim("c-month", Some("2025-12")),
                claim("c-none", None),
            ],
            ..Project::default()
        };
        let lookup = Lookup::new(&project);
        let end_of_19 = crate::model::day_start_secs(2025, 12, 20).unwrap();
        let end_of_dec = crate::model::day_start_secs(2026, 1, 1).unwrap();
        let state = |ids: &[&str]| ReportedState {
            claims: ids.iter().map(|i| Id::new(i)).collect(),
            ..ReportedState::default()
        };
        assert_eq!(
            state(&["c-day"]).known_secs(&project, &lookup),
            Some(end_of_19)
        );
        assert_eq!(
            state(&["c-month"]).known_secs(&project, &lookup),
            Some(end_of_dec)
        );
        assert_eq!(
            state(&["c-month", "c-day", "c-none"]).known_secs(&project, &lookup),
            Some(end_of_19)
        );
        assert_eq!(state(&["c-none"]).known_secs(&project, &lookup), None);
        assert_eq!(state(&["missing"]).known_secs(&project, &lookup), None);

        let mut event = Event::new(
            "ev",
            "Talks",
            EventKind::Talks,
            EventStatus::Expected,
            DateSpec::parse("2025-12-20").unwrap(),
        );
        event.reported =
            thin_vec::thin_vec![state(&["c-none"]), state(&["c-month"]), state(&["c-day"])];
        let order: Vec<usize> = states_in_publication_order(&event, &project, &lookup)
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        assert_eq!(order, vec![2, 1, 0]);
    }
}
