//! Positions: who holds which stance on which issue, from the stance verbs ("is seeking",
//! "has been reluctant", "could consider", "rejected") with their conditions.

use crate::model::Project;

use super::{Article, ClaimProposal, PositionProposal, Span};

/// The positions of `article`, in text order.
pub fn find_positions(
    article: &Article,
    sentences: &[Span],
    claims: &[ClaimProposal],
    project: &Project,
) -> Vec<PositionProposal> {
    let _ = (article, sentences, claims, project);
    Vec::new()
}
