//! Actors found in text: groups, people with roles, owners, the project's actors.

use crate::intake::Span;
use crate::model::{ActorKind, Id, Project};

use super::actors::{ActorIndex, ActorMention, Cast, Scan, actors_in, hints_of};
use super::lexicon::words;
use super::tokens::tokenize;

fn scan_all(text: &str, project: &Project) -> Vec<ActorMention> {
    let tokens = tokenize(text, Span::new(0, text.len()));
    let index = ActorIndex::new(project);
    let scan = Scan {
        text,
        tokens: &tokens,
        words: words(),
        index: &index,
        hints: &[],
    };
    actors_in(&scan, 0, tokens.len(), &mut Cast::default())
}

fn empty() -> Project {
    crate::model::Project::new("empty")
}

#[test]
fn groups_become_delegations_per_country() {
    let found = scan_all(
        "Negotiators from Washington and Moscow met US, Ukrainian and European officials and the Russian side.",
        &empty(),
    );
    let names: Vec<&str> = found.iter().map(|m| m.actor.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "US delegation",
            "Russian delegation",
            "US officials",
            "Ukrainian officials",
            "European officials",
            "Russian delegation"
        ]
    );
    assert!(found.iter().all(|m| m.actor.kind == ActorKind::Delegation));
    let shorts: Vec<&str> = found.iter().map(|m| m.short.as_str()).collect();
    assert_eq!(
        shorts,
        ["US", "Russia", "US", "Ukraine", "Europe", "Russia"]
    );
}

#[test]
fn people_roles_and_owners() {
    let found = scan_all(
        "The US delegation is expected to be led by Steve Witkoff, a special envoy of President Donald Trump, along with Trump’s son-in-law Jared Kushner.",
        &empty(),
    );
    let view: Vec<(&str, ActorKind, Option<&str>, bool)> = found
        .iter()
        .map(|m| {
            (
                m.actor.name.as_str(),
                m.actor.kind,
                m.actor.role.as_deref(),
                m.possessive || m.in_role,
            )
        })
        .collect();
    assert_eq!(
        view,
        [
            ("US delegation", ActorKind::Delegation, None, false),
            (
                "Steve Witkoff",
                ActorKind::Person,
                Some("special envoy of President Donald Trump"),
                false
            ),
            ("Donald Trump", ActorKind::Person, None, true),
            ("Donald Trump", ActorKind::Person, None, true),
            (
                "Jared Kushner",
                ActorKind::Person,
                Some("Trump’s son-in-law"),
                false
            ),
        ]
    );
}

#[test]
fn titles_adjectives_and_surnames() {
    let found = scan_all(
        "Ukrainian President Volodymyr Zelenskyy said so. Zelensky added that the Trump administration and NATO agreed.",
        &empty(),
    );
    let view: Vec<(&str, ActorKind)> = found
        .iter()
        .map(|m| (m.actor.name.as_str(), m.actor.kind))
        .collect();
    assert_eq!(
        view,
        [
            ("Volodymyr Zelenskyy", ActorKind::Person),
            ("Volodymyr Zelenskyy", ActorKind::Person),
            ("Trump administration", ActorKind::Organisation),
            ("NATO", ActorKind::Organisation),
        ]
    );
    assert_eq!(found[0].actor.role.as_deref(), Some("Ukrainian President"));
    assert_eq!(found[1].short, "Zelensky");
}

/// How another stage (positions) reads a sentence: its tokens, the events stage's word
/// lists, the capitalised words as hints, one `cast` through the article in order.
fn actors_in_span(
    text: &str,
    span: Span,
    index: &ActorIndex<'_>,
    cast: &mut Cast,
) -> Vec<ActorMention> {
    let tokens = tokenize(text, span);
    let hints = hints_of(text, &tokens);
    let scan = Scan {
        text,
        tokens: &tokens,
        words: words(),
        index,
        hints: &hints,
    };
    actors_in(&scan, 0, tokens.len(), cast)
}

#[test]
fn another_stage_reads_a_sentence_with_its_own_cast() {
    let sample = crate::io::sample_project().expect("sample loads");
    let index = ActorIndex::new(&sample);
    let mut cast = Cast::default();
    let text = "Rustem Umerov spoke. Umerov and Kirill Dmitriev agreed.";
    let first = actors_in_span(text, Span::new(0, 20), &index, &mut cast);
    let second = actors_in_span(text, Span::new(21, text.len()), &index, &mut cast);
    let ids = |found: &[ActorMention]| -> Vec<Option<&str>> {
        found
            .iter()
            .map(|m| m.actor.known.map(Id::as_str))
            .collect()
    };
    assert_eq!(ids(&first), [Some("a-umerov")]);
    assert_eq!(ids(&second), [Some("a-umerov"), Some("a-dmitriev")]);
    assert_eq!(second[0].actor.spans[0].of(text), "Umerov");
}

#[test]
fn the_projects_actors_by_name_and_alias() {
    let sample = crate::io::sample_project().expect("sample loads");
    let found = scan_all(
        "the US side would brief Russian representatives; Washington and Kyiv; Zelensky; US officials",
        &sample,
    );
    let ids: Vec<Option<&str>> = found
        .iter()
        .map(|m| m.actor.known.map(Id::as_str))
        .collect();
    assert_eq!(
        ids,
        [
            Some("a-us-delegation"),
            Some("a-russian-delegation"),
            Some("a-us"),
            Some("a-ukraine"),
            Some("a-zelenskyy"),
            // "US officials (Berlin)" is the only actor with that base name.
            Some("a-us-officials-berlin"),
        ]
    );
}

#[test]
fn a_datelines_place_is_no_actor() {
    for text in [
        "GENEVA — Russian and Ukrainian negotiators met Jane Holm on Tuesday.",
        "MIAMI, Dec 20 (Reuters) — Russian and Ukrainian negotiators met Jane Holm.",
    ] {
        let found = scan_all(text, &empty());
        let names: Vec<&str> = found.iter().map(|m| m.actor.name.as_str()).collect();
        assert!(
            !names.iter().any(|n| *n == "GENEVA" || *n == "MIAMI"),
            "{names:?}"
        );
        assert!(names.contains(&"Jane Holm"), "{names:?}");
    }
    // Capitals that are no dateline are still names: "NATO said".
    let found = scan_all("NATO said the talks would go on.", &empty());
    assert!(found.iter().any(|m| m.actor.name == "NATO"));
}
