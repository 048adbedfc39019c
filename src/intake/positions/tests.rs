use super::*;
use crate::intake::{ClaimProposal, text};
use crate::model::{ActorKind, Id};

fn article(body: &str) -> Article {
    Article {
        text: body.to_owned(),
        published: jiff::civil::date(2025, 12, 18),
        time_zone: None,
        outlet: Some("Xinhua".to_owned()),
        url: None,
        headline: None,
    }
}

/// One claim per sentence, as the claims stage would give (it is written in parallel).
fn claims_per_sentence(sentences: &[Span]) -> Vec<ClaimProposal> {
    sentences
        .iter()
        .enumerate()
        .map(|(sentence, &span)| ClaimProposal {
            span,
            sentence,
            attribution: Vec::new(),
            attribution_spans: Vec::new(),
            credibility: 3,
            hedges: Vec::new(),
        })
        .collect()
}

fn positions_of(body: &str, project: &Project) -> Vec<PositionProposal> {
    let article = article(body);
    let sentences = text::sentences(&article.text);
    let claims = claims_per_sentence(&sentences);
    find_positions(&article, &sentences, &claims, project)
}

fn seed_body() -> String {
    let seed = include_str!("../../../tests/fixtures/seed_report.txt");
    seed.trim_start()
        .strip_prefix("date 2025-12-18 ")
        .unwrap_or(seed)
        .to_owned()
}

fn triples(positions: &[PositionProposal]) -> Vec<(&str, &str, Stance)> {
    positions
        .iter()
        .map(|p| (p.holder.name.as_str(), p.issue.name.as_str(), p.stance))
        .collect()
}

#[test]
fn the_seed_gives_the_samples_positions_in_an_empty_project() {
    let body = seed_body();
    let found = positions_of(&body, &Project::default());
    assert_eq!(
        triples(&found),
        [
            (
                "United States",
                "20-point draft peace plan",
                Stance::Support
            ),
            (
                "Volodymyr Zelenskyy",
                "NATO membership",
                Stance::Conditional
            ),
            ("Ukraine", "security guarantees", Stance::Support),
            ("United States", "security guarantees", Stance::Reluctant),
            (
                "Volodymyr Zelenskyy",
                "security guarantees",
                Stance::Considering
            ),
        ]
    );
    let nato = &found[1];
    assert_eq!(
        nato.summary,
        "Kyiv could consider suspending its bid to join NATO."
    );
    assert_eq!(
        nato.conditions.as_deref(),
        Some(
            "In exchange for robust Western security guarantees designed to prevent any renewed \
             conflict with Russia, should a peace agreement be reached."
        )
    );
    assert_eq!(nato.stance_words.of(&body), "could consider");
    assert_eq!(nato.as_of, "2025-12-18");
    assert_eq!(nato.holder.kind, ActorKind::Person);
    assert_eq!(found[3].stance_words.of(&body), "has so far been reluctant");
    assert_eq!(found[3].holder.kind, ActorKind::State);
    // Both positions of one sentence cite its claim.
    assert_eq!(found[2].claims, found[3].claims);
    assert_eq!(found[2].claims.len(), 1);
    let article5 = &found[4];
    assert_eq!(
        article5.conditions.as_deref(),
        Some("As part of a broader compromise in the peace process.")
    );
    assert_eq!(
        article5.summary,
        "Ukraine is prepared to explore security guarantees modelled on NATO’s Article 5."
    );
}

#[test]
fn against_the_sample_the_holders_and_issues_are_the_projects() {
    let sample = crate::io::sample_project().expect("the sample loads");
    let found = positions_of(&seed_body(), &sample);
    let known: Vec<(Option<Id>, Option<Id>)> = found
        .iter()
        .map(|p| (p.holder.known, p.issue.known))
        .collect();
    let id = |s: &str| Some(Id::new(s));
    assert_eq!(
        known,
        [
            (id("a-us"), id("i-20-point-plan")),
            (id("a-zelenskyy"), id("i-nato-membership")),
            (id("a-ukraine"), id("i-security-guarantees")),
            (id("a-us"), id("i-security-guarantees")),
            (id("a-zelenskyy"), id("i-security-guarantees")),
        ]
    );
}

#[test]
fn stances_from_the_verbs_in_my_own_sentences() {
    let empty = Project::default();
    let body = "The Kremlin rejected the proposal for a ceasefire.\n\
                Poland opposes any easing of sanctions.\n\
                Hungary could consider new sanctions.\n\
                Beijing is prepared to explore a prisoner exchange.\n\
                The government has not rejected the truce.\n\
                Turkey is seeking a ceasefire, officials said.";
    let found = positions_of(body, &empty);
    assert_eq!(
        triples(&found),
        [
            ("Kremlin", "ceasefire", Stance::Oppose),
            ("Poland", "sanctions", Stance::Oppose),
            ("Hungary", "sanctions", Stance::Considering),
            ("China", "prisoner exchange", Stance::Considering),
            ("Turkey", "ceasefire", Stance::Support),
        ]
    );
    assert_eq!(found[0].holder.kind, ActorKind::Organisation);
    assert_eq!(found[4].summary, "Turkey is seeking a ceasefire.");
    assert_eq!(found[4].conditions, None);
}

#[test]
fn a_condition_after_a_comma_or_if_makes_could_consider_conditional() {
    let empty = Project::default();
    let body = "Moldova could consider a referendum on neutrality, if the talks fail.\n\
                Georgia would accept the ceasefire in return for guarantees.";
    let found = positions_of(body, &empty);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].stance, Stance::Conditional);
    assert_eq!(found[0].conditions.as_deref(), Some("If the talks fail."));
    assert_eq!(found[0].issue.name, "referendum");
    assert_eq!(found[1].stance, Stance::Conditional);
    assert_eq!(found[1].issue.name, "ceasefire");
    assert_eq!(
        found[1].conditions.as_deref(),
        Some("In return for guarantees.")
    );
}

#[test]
fn an_infinitive_or_gerund_object_is_named_by_its_noun() {
    let empty = Project::default();
    let body = "Talks stalled in Rome, while Serbia has so far been reluctant to formally commit to a timetable.\n\
                Norway could consider hosting a follow-up round.";
    let found = positions_of(body, &empty);
    assert_eq!(
        triples(&found),
        [
            ("Serbia", "timetable", Stance::Reluctant),
            ("Norway", "follow-up round", Stance::Considering),
        ]
    );
    assert_eq!(
        found[0].summary,
        "Serbia has so far been reluctant to formally commit to a timetable."
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Sequences of the words the stage reads, with punctuation and multi-byte characters
    /// between them: every slice it takes stays on character boundaries, whatever the order.
    #[test]
    fn stance_like_text_never_panics(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "that", "has", "so far", "been", "reluctant", "could consider", "is seeking",
            "prepared by", "the", "Kyïv", "Zelensky", "President", "Volodymyr Zelenskyy",
            "Washington", "in exchange for", ", should", "if", "as part of", ",", ".", "’s",
            "according to", "said", "has indicated", "not", "rejected", "a", "plan", "to",
            "NATO", "é", "—", "  ", "\n", "while", "Meanwhile,", "is prepared to explore",
        ]), 0..30)
    ) {
        let body = parts.join(" ");
        let _ = positions_of(&body, &Project::default());
        let glued = parts.concat();
        let _ = positions_of(&glued, &Project::default());
    }
}

#[test]
fn an_author_at_the_sentences_end_is_read_whole() {
    // The name ends the text, with no stop after it: a slice past the end panicked here.
    let found = positions_of(
        "They discussed the plan prepared by Kyïv",
        &Project::default(),
    );
    assert_eq!(triples(&found), [("Ukraine", "plan", Stance::Support)]);
}

#[test]
fn a_dateline_is_not_part_of_the_holder_and_a_preposition_ends_the_issue() {
    let body = "VIENNA, March 3, 2026 (AFP) — Iran rejected a proposal by the European Union to \
                resume inspections, its foreign ministry said on Tuesday.";
    let found = positions_of(body, &Project::default());
    assert_eq!(triples(&found), [("Iran", "proposal", Stance::Oppose)]);
    assert_eq!(found[0].holder.spans[0].of(body), "Iran");
}
