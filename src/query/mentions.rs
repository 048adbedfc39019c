//! Where an entity is mentioned, and the short texts that name what mentions it: the events an
//! actor takes part in, the events at a place or citing a claim, the claims relayed through
//! an outlet. The details view lists these; here, not in the view, because they are plain
//! questions asked of the project, tested without a window.

use crate::model::{AttributionStep, Event, Id, Lookup, Membership, Position, Project, Source};

/// The events `actor` takes part in, in the project's order.
pub fn events_with_participant(project: &Project, actor: Id) -> Vec<&Event> {
    project
        .events
        .iter()
        .filter(|e| e.participant_ids().any(|a| a == actor))
        .collect()
}

/// The events at `location` (as their place or as one of its candidates), in the project's
/// order.
pub fn events_at(project: &Project, location: Id) -> Vec<&Event> {
    project
        .events
        .iter()
        .filter(|e| e.location_ids().any(|l| l == location))
        .collect()
}

/// The events that cite `claim` (for themselves, for a participant's part, or in what one
/// of their reports said), in the project's order.
pub fn events_citing(project: &Project, claim: Id) -> Vec<&Event> {
    project
        .events
        .iter()
        .filter(|e| e.claim_ids_with_reports().any(|c| c == claim))
        .collect()
}

/// `ids` without repeats, each where it first appears: an event cites a claim for itself and
/// again for a participant's part, and lists it once.
pub fn distinct_ids(ids: impl Iterator<Item = Id>) -> Vec<Id> {
    let mut seen: Vec<Id> = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    seen
}

/// The claims read in other sources whose attribution chain passes through `source`'s outlet
/// (its actor); 0 when the source has no actor.
pub fn relayed_claims(project: &Project, source: &Source) -> usize {
    let Some(actor) = source.actor else {
        return 0;
    };
    project
        .claims
        .iter()
        .filter(|c| c.source != source.id && c.attribution.iter().any(|s| s.actor == Some(actor)))
        .count()
}

/// "8 claims read elsewhere pass through Politico."
pub fn relayed_text(relayed: usize, source_name: &str) -> String {
    format!(
        "{} read elsewhere {} through {source_name}.",
        crate::model::count(relayed, "claim", "claims"),
        crate::model::noun(relayed, "passes", "pass"),
    )
}

/// How well something is supported, in words: "no source", "1 independent source",
/// "3 independent sources".
pub fn support_text(independent_sources: usize) -> String {
    match independent_sources {
        0 => "no source".to_owned(),
        1 => "1 independent source".to_owned(),
        n => format!("{n} independent sources"),
    }
}

/// "Ukraine on Security guarantees": a position named by its holder and issue.
pub fn position_title(project: &Project, lookup: &Lookup, position: &Position) -> String {
    format!(
        "{} on {}",
        lookup.name_of(project, position.holder),
        lookup.name_of(project, position.issue)
    )
}

/// "Steve Witkoff, special envoy of Donald Trump": a membership named by its member, role
/// and organisation.
pub fn membership_title(project: &Project, lookup: &Lookup, membership: &Membership) -> String {
    format!(
        "{}, {} of {}",
        lookup.name_of(project, membership.member),
        membership.role,
        lookup.name_of(project, membership.organisation)
    )
}

/// Who one step of an attribution chain is: the actor's name, the step's own words with the
/// actor's name after them ("officials from the Trump administration (Trump
/// administration)"), or the words alone when no actor is linked.
pub fn attribution_step_text(project: &Project, lookup: &Lookup, step: &AttributionStep) -> String {
    match step.actor {
        Some(actor) if step.name.is_empty() => lookup.name_of(project, actor).to_owned(),
        Some(actor) => format!("{} ({})", step.name, lookup.name_of(project, actor)),
        None => step.name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;

    #[test]
    fn a_claim_only_a_report_rests_on_is_cited_by_that_event() {
        let mut p = sample_project().unwrap();
        let claim = p.claims[0].id;
        let first = p
            .events
            .iter()
            .position(|e| !e.claim_ids_with_reports().any(|c| c == claim))
            .unwrap();
        let before = events_citing(&p, claim).len();
        p.events[first].reported.push(crate::model::ReportedState {
            claims: [claim].into_iter().collect(),
            ..crate::model::ReportedState::default()
        });
        assert_eq!(events_citing(&p, claim).len(), before + 1);
    }

    fn ids(list: &[&Event]) -> Vec<String> {
        list.iter().map(|e| e.id.to_string()).collect()
    }

    #[test]
    fn events_are_found_by_participant_place_and_claim() {
        let p = sample_project().unwrap();
        assert_eq!(
            ids(&events_with_participant(&p, Id::new("a-us-delegation"))),
            ["ev-miami-talks", "ev-umerov-us-meeting"]
        );
        assert_eq!(
            ids(&events_with_participant(&p, Id::new("a-zelenskyy"))),
            [
                "ev-zelenskyy-nato-statement",
                "ev-zelensky-article5-statement"
            ]
        );
        // A candidate place counts: the Umerov meeting was in Miami or elsewhere.
        assert_eq!(
            ids(&events_at(&p, Id::new("l-miami"))),
            ["ev-miami-talks", "ev-umerov-us-meeting"]
        );
        assert!(events_at(&p, Id::new("a-witkoff")).is_empty());
        // Cited by the Miami talks for a participant's part only.
        assert_eq!(
            ids(&events_citing(&p, Id::new("c-us-delegation-led"))),
            ["ev-miami-talks"]
        );
        assert_eq!(
            ids(&events_citing(&p, Id::new("c-subject-to-change"))),
            ["ev-berlin-talks", "ev-miami-talks"]
        );
    }

    #[test]
    fn distinct_ids_keep_the_first_of_each_in_order() {
        let [a, b, c] = [Id::new("c-a"), Id::new("c-b"), Id::new("c-c")];
        assert_eq!(distinct_ids([b, a, b, c, a].into_iter()), [b, a, c]);
        assert!(distinct_ids(std::iter::empty()).is_empty());
    }

    #[test]
    fn relayed_claims_pass_through_the_outlet_but_are_read_elsewhere() {
        let p = sample_project().unwrap();
        let source = |id: &str| p.sources.iter().find(|s| s.id == Id::new(id)).unwrap();
        // Eight Xinhua claims name Politico in their chain; none was read at Politico.
        assert_eq!(relayed_claims(&p, source("src-politico")), 8);
        // Xinhua's own claims are read there, not relayed.
        assert_eq!(relayed_claims(&p, source("src-xinhua")), 0);
        assert_eq!(
            relayed_text(8, "Politico"),
            "8 claims read elsewhere pass through Politico."
        );
        assert_eq!(
            relayed_text(1, "Ukrinform"),
            "1 claim read elsewhere passes through Ukrinform."
        );
    }

    #[test]
    fn support_is_counted_in_words() {
        assert_eq!(support_text(0), "no source");
        assert_eq!(support_text(1), "1 independent source");
        assert_eq!(support_text(3), "3 independent sources");
    }

    #[test]
    fn positions_memberships_and_chain_steps_are_named_in_words() {
        let p = sample_project().unwrap();
        let lookup = p.lookup();
        let position = p
            .positions
            .iter()
            .find(|x| x.id == Id::new("p-us-guarantees"))
            .unwrap();
        assert_eq!(
            position_title(&p, &lookup, position),
            "United States on security guarantees"
        );
        let membership = p
            .memberships
            .iter()
            .find(|m| m.id == Id::new("m-witkoff-envoy"))
            .unwrap();
        assert_eq!(
            membership_title(&p, &lookup, membership),
            "Steve Witkoff, special envoy of Donald Trump"
        );
        let claim = p
            .claims
            .iter()
            .find(|c| c.id == Id::new("c-brief-russians"))
            .unwrap();
        let chain: Vec<String> = claim
            .attribution
            .iter()
            .map(|s| attribution_step_text(&p, &lookup, s))
            .collect();
        assert_eq!(
            chain,
            ["sources familiar with the matter", "Politico", "Xinhua"]
        );
        let claim = p
            .claims
            .iter()
            .find(|c| c.id == Id::new("c-berlin-90-percent"))
            .unwrap();
        assert_eq!(
            attribution_step_text(&p, &lookup, &claim.attribution[0]),
            "officials from the Trump administration (Trump administration)"
        );
    }
}
