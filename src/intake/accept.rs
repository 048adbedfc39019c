//! The accepted proposals as new entities of a project, and new reported states of the
//! events they match: what the review dialog hands to one undoable edit.

use crate::model::{Id, Project, ReportedState};

/// Which proposals the analyst accepted, by index into the lists of [`super::Proposals`]
/// (edited proposals are edited in place before accepting).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    pub dates: Vec<bool>,
    pub claims: Vec<bool>,
    pub events: Vec<bool>,
    pub positions: Vec<bool>,
}

/// What accepting adds: new entities (to append), and new reported states of existing events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Accepted {
    /// Only the new entities: the source, claims, actors, memberships, locations, issues,
    /// positions and events. Ids are unique within the target project.
    pub additions: Project,
    /// A new reported state for each accepted event that matches one of the project's.
    pub states: Vec<(Id, ReportedState)>,
}

impl Decisions {
    /// Everything accepted: what the review dialog starts from.
    pub fn all(proposals: &super::Proposals) -> Self {
        Self {
            dates: vec![true; proposals.dates.len()],
            claims: vec![true; proposals.claims.len()],
            events: vec![true; proposals.events.len()],
            positions: vec![true; proposals.positions.len()],
        }
    }
}

/// The accepted proposals of `article` as additions to `project` and reported states of its
/// events. A rejected claim is dropped from the events and positions that cite it; a rejected
/// date leaves its events undated.
pub fn accept(
    project: &Project,
    article: &super::Article,
    proposals: &super::Proposals,
    decisions: &Decisions,
) -> Accepted {
    // Filled in by the intake-core work (issue 14).
    let _ = (project, article, proposals, decisions);
    Accepted::default()
}
