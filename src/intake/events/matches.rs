//! Which of the project's events a proposal describes, so that accepting it records a new
//! reported state instead of a duplicate.
//!
//! A project event is a candidate when its date overlaps the proposal's and it shares a
//! participant or a place with it (matched actors and locations, by id), or when it is a
//! plan not yet held, shares a participant, and its date lies within [`DRIFT_SECS`] of the
//! proposal's (reports revise each other: what was expected "this weekend" was held "on
//! Friday morning"). Candidates are scored: 3 for each of the event's claims whose excerpt
//! is one of the proposal's sentences (the same report pasted again), 2 for each shared
//! participant or place, 1 for the same kind, 1 for an overlapping date. Each project event is matched at most once, best score first, so that two
//! statements of one person on one day go to their own events.

use std::collections::HashMap;

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
    // What each dated proposal brings: its date's bounds, its sentences (folded), and the
    // matched actors and places it names.
    let readied: Vec<(usize, TimeBounds, Vec<String>)> = proposals
        .iter()
        .enumerate()
        .filter_map(|(p, proposal)| {
            let bounds = DateSpec::parse(proposal.edtf.as_deref()?)
                .ok()?
                .bounds()
                .ok()?;
            let sentences = proposal_sentences(proposal, read)
                .into_iter()
                .map(|s| fold(s.of(text)))
                .collect();
            Some((p, bounds, sentences))
        })
        .collect();
    // A handful of ids: a short list beats hashing.
    let mut wanted: Vec<Id> = readied
        .iter()
        .flat_map(|(p, _, _)| {
            let proposal = &proposals[*p];
            proposal
                .participants
                .iter()
                .filter_map(|a| a.known)
                .chain(proposal.places.iter().filter_map(|pl| pl.known))
        })
        .collect();
    wanted.sort_by(|a, b| a.cmp_by_symbol(*b));
    wanted.dedup();
    if wanted.is_empty() {
        return;
    }
    let claims: HashMap<Id, &str> = project.claims.iter().map(|c| (c.id, &*c.excerpt)).collect();
    let mut scored: Vec<(usize, usize, usize)> = Vec::new(); // (score, proposal, event)
    // One pass over the project's events; an event that names none of the proposals'
    // actors and places costs a few hash probes, so a million events stay cheap.
    for (e, event) in project.events.iter().enumerate() {
        let named = event.participants.iter().any(|p| wanted.contains(&p.actor))
            || event.places.iter().any(|p| wanted.contains(&p.location));
        if !named {
            continue;
        }
        let Ok(event_bounds) = event.date.bounds() else {
            continue;
        };
        for (p, bounds, sentences) in &readied {
            let proposal = &proposals[*p];
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
            let overlapping = overlaps(&event_bounds, bounds);
            // A plan that a later report dates a little differently ("this weekend", then
            // "on Friday morning") is still that plan, when a named party is the same.
            let drifted = !overlapping
                && !event.status.has_happened()
                && people > 0
                && gap_secs(&event_bounds, bounds) <= DRIFT_SECS;
            if people + places == 0 || !(overlapping || drifted) {
                continue;
            }
            let same_words = event
                .all_claim_ids()
                .filter(|c| {
                    claims.get(c).is_some_and(|excerpt| {
                        let excerpt = fold(excerpt);
                        !excerpt.is_empty() && sentences.contains(&excerpt)
                    })
                })
                .count();
            let kind = usize::from(event.kind == proposal.kind);
            // An exact date weighs one point more than a drifted one.
            let on_date = usize::from(overlapping);
            scored.push((
                3 * same_words + 2 * (people + places) + kind + on_date,
                *p,
                e,
            ));
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

/// How far a plan's date may move between reports and still be the same plan: a week. The
/// slips reports tell of are a day or two ("this weekend" → "Friday") or a postponement to
/// the next week; the same people meeting again a fortnight later is another meeting.
const DRIFT_SECS: i64 = 7 * 86_400;

/// The gap between two dates, 0 when they overlap.
fn gap_secs(a: &TimeBounds, b: &TimeBounds) -> i64 {
    (b.earliest_secs - a.latest_secs)
        .max(a.earliest_secs - b.latest_secs)
        .max(0)
}

/// Do two dates share a moment (an instant counts as a moment long)?
fn overlaps(a: &TimeBounds, b: &TimeBounds) -> bool {
    a.earliest_secs < b.latest_secs.max(b.earliest_secs + 1)
        && b.earliest_secs < a.latest_secs.max(a.earliest_secs + 1)
}
