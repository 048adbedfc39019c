//! Which of the project's events a proposal describes, so that accepting it records a new
//! reported state instead of a duplicate.
//!
//! A project event is a candidate when its date overlaps the proposal's and it shares a
//! participant or a place with it (matched actors and locations, by id). Candidates are
//! scored: 3 for each of the event's claims whose excerpt is one of the proposal's
//! sentences (the same report pasted again), 2 for each shared participant or place, 1 for
//! the same kind. Each project event is matched at most once, best score first, so that two
//! statements of one person on one day go to their own events.

use crate::geo::fold;
use crate::intake::{EventProposal, Span};
use crate::model::{Id, Project};

use crate::model::{DateSpec, TimeBounds};

use super::Sentence;

pub(super) fn match_project(
    proposals: &mut [EventProposal],
    read: &[Sentence],
    text: &str,
    project: &Project,
) {
    let mut scored: Vec<(usize, usize, usize)> = Vec::new(); // (score, proposal, event)
    for (p, proposal) in proposals.iter().enumerate() {
        let Some(edtf) = proposal.edtf.as_deref() else {
            continue;
        };
        let sentences: Vec<String> = proposal_sentences(proposal, read)
            .into_iter()
            .map(|s| fold(s.of(text)))
            .collect();
        let Some(bounds) = DateSpec::parse(edtf).ok().and_then(|d| d.bounds().ok()) else {
            continue;
        };
        // Shared people and places first: two short lists, so that a project of a million
        // events costs no date arithmetic for the events that share neither.
        for (e, event) in project.events.iter().enumerate() {
            let people = proposal
                .participants
                .iter()
                .filter_map(|a| a.known)
                .filter(|id| event.participant_ids().any(|x| x == *id))
                .count();
            let places = proposal
                .places
                .iter()
                .filter_map(|pl| pl.known)
                .filter(|id| event.location_ids().any(|x| x == *id))
                .count();
            if people + places == 0 || !event.date.bounds().is_ok_and(|b| overlaps(&b, &bounds)) {
                continue;
            }
            let same_words = event
                .all_claim_ids()
                .filter(|c| excerpt_in(project, *c, &sentences))
                .count();
            let kind = usize::from(event.kind == proposal.kind);
            scored.push((3 * same_words + 2 * (people + places) + kind, p, e));
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut taken = vec![false; project.events.len()];
    for (_, p, e) in scored {
        if proposals[p].matches.is_some() || taken[e] {
            continue;
        }
        taken[e] = true;
        proposals[p].matches = Some(Id::new(&project.events[e].id));
    }
}

/// The sentences a proposal's words lie in.
fn proposal_sentences(proposal: &EventProposal, read: &[Sentence]) -> Vec<Span> {
    read.iter()
        .filter(|s| proposal.spans.iter().any(|w| s.span.contains(*w)))
        .map(|s| s.span)
        .collect()
}

fn excerpt_in(project: &Project, claim: Id, sentences: &[String]) -> bool {
    project
        .claims
        .iter()
        .find(|c| c.id == claim)
        .is_some_and(|c| {
            let excerpt = fold(&c.excerpt);
            !excerpt.is_empty() && sentences.contains(&excerpt)
        })
}

/// Do two dates share a moment (an instant counts as a moment long)?
fn overlaps(a: &TimeBounds, b: &TimeBounds) -> bool {
    a.earliest_secs < b.latest_secs.max(b.earliest_secs + 1)
        && b.earliest_secs < a.latest_secs.max(a.earliest_secs + 1)
}
