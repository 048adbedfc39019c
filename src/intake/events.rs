//! Events: meetings, talks, calls, visits, statements and signings the report tells of, with
//! participants, places, a status from the verb and its hedges, and a match with the
//! project's own events.

use crate::geo::Gazetteer;
use crate::model::Project;

use super::{Article, ClaimProposal, DateProposal, EventProposal, Span};

/// The events of `article`, one per happening however many sentences mention it.
pub fn find_events(
    article: &Article,
    sentences: &[Span],
    dates: &[DateProposal],
    claims: &[ClaimProposal],
    project: &Project,
    gazetteer: &Gazetteer,
) -> Vec<EventProposal> {
    let _ = (article, sentences, dates, claims, project, gazetteer);
    Vec::new()
}
