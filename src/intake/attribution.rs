//! Claims: one per sentence that the report attributes (or states in its own voice), with the
//! attribution chain from the origin out to the publishing outlet, and a credibility proposed
//! from the hedges.

use crate::model::Project;

use super::{Article, ClaimProposal, Span};

/// The claims of `article`, in text order; `sentences` are those of [`super::text::sentences`].
pub fn find_claims(article: &Article, sentences: &[Span], project: &Project) -> Vec<ClaimProposal> {
    let _ = (article, sentences, project);
    Vec::new()
}
