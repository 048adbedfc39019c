//! One short article per rule, written for these tests, published on Wednesday 4 March 2026;
//! the dates are given as the dates stage resolves them.

use proptest::prelude::*;

use crate::geo::Gazetteer;
use crate::intake::{ClaimProposal, DateProposal, EventProposal, Span};
use crate::model::{ActorKind, EventKind, EventStatus, Project};

use super::find_events;
use super::seed_tests::{Fixture, day};

fn events(text: &str, dates: &[(&str, &str)]) -> Vec<EventProposal> {
    Fixture::new(text, day(2026, 3, 4), dates).events(&Project::new("empty"))
}

fn only(text: &str, dates: &[(&str, &str)]) -> EventProposal {
    let mut all = events(text, dates);
    assert_eq!(all.len(), 1, "{text}\n{all:#?}");
    all.remove(0)
}

fn names(e: &EventProposal) -> Vec<&str> {
    e.participants.iter().map(|p| p.name.as_str()).collect()
}

fn places(e: &EventProposal) -> Vec<(&str, bool)> {
    e.places
        .iter()
        .map(|p| (p.name.as_str(), p.candidate))
        .collect()
}

#[test]
fn met_on_monday_is_held() {
    let e = only(
        "Chinese and French diplomats met in Beijing on Monday to prepare the state visit.",
        &[("on Monday", "2026-03-02")],
    );
    assert_eq!(e.kind, EventKind::Meeting);
    assert_eq!(e.status, EventStatus::Held);
    assert_eq!(e.edtf.as_deref(), Some("2026-03-02"));
    assert_eq!(e.wording.as_deref(), Some("on Monday"));
    assert_eq!(names(&e), ["Chinese delegation", "French delegation"]);
    assert_eq!(places(&e), [("Beijing", false)]);
    assert_eq!(e.title, "China–France meeting in Beijing");
}

#[test]
fn a_hedged_future_is_expected() {
    let text = "Finnish President Alexander Stubb is expected to visit Kyiv next week.";
    let e = only(text, &[("next week", "2026-03-09/2026-03-15")]);
    assert_eq!(e.kind, EventKind::Visit);
    assert_eq!(e.status, EventStatus::Expected);
    assert_eq!(e.status_words.map(|s| s.of(text)), Some("is expected to"));
    assert_eq!(names(&e), ["Alexander Stubb"]);
    assert_eq!(e.participants[0].kind, ActorKind::Person);
    assert_eq!(e.participants[0].role.as_deref(), Some("Finnish President"));
    assert_eq!(places(&e), [("Kyiv", false)]);
    assert_eq!(e.title, "Stubb visits Kyiv");
    // "may" hedges too.
    let e = only(
        "Envoys from Qatar and Egypt may meet in Doha on Saturday.",
        &[("on Saturday", "2026-03-07")],
    );
    assert_eq!(e.status, EventStatus::Expected);
}

#[test]
fn set_to_and_will_are_planned() {
    let e = only(
        "Envoys from Qatar and Egypt are set to meet in Doha on Saturday.",
        &[("on Saturday", "2026-03-07")],
    );
    assert_eq!(e.status, EventStatus::Planned);
    assert_eq!(names(&e), ["Qatari delegation", "Egyptian delegation"]);
    let e = only(
        "The two presidents will hold a phone call on Friday, their offices said.",
        &[("on Friday", "2026-03-06")],
    );
    assert_eq!(e.kind, EventKind::Call);
    assert_eq!(e.status, EventStatus::Planned);
    assert_eq!(e.edtf.as_deref(), Some("2026-03-06"));
}

#[test]
fn plain_fact_or_a_confirmation_is_confirmed() {
    let e = only(
        "EU leaders meet in Brussels on Thursday.",
        &[("on Thursday", "2026-03-05")],
    );
    assert_eq!(e.status, EventStatus::Confirmed);
    assert_eq!(places(&e), [("Brussels", false)]);
    let e = only(
        "The Kremlin confirmed that the summit will take place in Budapest on Friday.",
        &[("on Friday", "2026-03-06")],
    );
    assert_eq!(e.status, EventStatus::Confirmed);
    assert_eq!(e.kind, EventKind::Meeting);
}

#[test]
fn postponed_and_called_off() {
    let e = only(
        "Talks between Armenia and Azerbaijan planned for Friday in Geneva have been postponed.",
        &[("Friday", "2026-03-06")],
    );
    assert_eq!(e.status, EventStatus::Postponed);
    assert_eq!(names(&e), ["Armenia", "Azerbaijan"]);
    assert_eq!(e.participants[0].kind, ActorKind::State);
    assert_eq!(e.title, "Armenia–Azerbaijan talks in Geneva");
    let e = only(
        "The summit in Minsk on Friday was called off, the foreign ministry said.",
        &[("on Friday", "2026-03-06")],
    );
    assert_eq!(e.status, EventStatus::Cancelled);
    assert_eq!(places(&e), [("Minsk", false)]);
}

#[test]
fn the_date_of_a_putting_off_is_not_the_events() {
    // Set anew after it was put off: the new date and the expectation stand.
    let e = only(
        "Armenian and Azerbaijani negotiators are expected to meet in Geneva on Tuesday. \
         The talks were postponed last week.",
        &[
            ("on Tuesday", "2026-03-10"),
            ("last week", "2026-02-23/2026-03-01"),
        ],
    );
    assert_eq!(e.status, EventStatus::Expected);
    assert_eq!(e.edtf.as_deref(), Some("2026-03-10"));
    assert_eq!(e.wording.as_deref(), Some("on Tuesday"));
    // Put off after it was set: postponed, still dated by its own date.
    let e = only(
        "Armenian and Azerbaijani negotiators were to meet in Geneva on Friday, March 13. \
         The talks were postponed on Monday.",
        &[
            ("Friday, March 13", "2026-03-13"),
            ("on Monday", "2026-03-02"),
        ],
    );
    assert_eq!(e.status, EventStatus::Postponed);
    assert_eq!(e.edtf.as_deref(), Some("2026-03-13"));
}

#[test]
fn a_past_date_makes_a_hedged_happening_held() {
    let e = only(
        "Officials said the talks that were expected to take place in Oslo last weekend went ahead.",
        &[("last weekend", "2026-02-28/2026-03-01")],
    );
    assert_eq!(e.status, EventStatus::Held);
}

#[test]
fn a_call_between_two_presidents() {
    let e = only(
        "French President Emmanuel Macron spoke by phone with Turkish President Recep Tayyip Erdogan on Monday.",
        &[("on Monday", "2026-03-02")],
    );
    assert_eq!(e.kind, EventKind::Call);
    assert_eq!(e.status, EventStatus::Held);
    assert_eq!(names(&e), ["Emmanuel Macron", "Recep Tayyip Erdogan"]);
    assert_eq!(e.title, "Macron–Erdogan call");
}

#[test]
fn a_signing() {
    let e = only(
        "Armenia and Azerbaijan signed a peace agreement in Washington on Friday.",
        &[("on Friday", "2026-02-27")],
    );
    assert_eq!(e.kind, EventKind::Agreement);
    assert_eq!(e.status, EventStatus::Held);
    assert_eq!(e.edtf.as_deref(), Some("2026-02-27"));
    assert_eq!(names(&e), ["Armenia", "Azerbaijan"]);
    assert_eq!(places(&e), [("Washington", false)]);
    assert_eq!(e.title, "Armenia–Azerbaijan agreement in Washington");
}

#[test]
fn candidate_places_keep_their_words() {
    let e = only(
        "Negotiators from Kyiv and Moscow may meet in Geneva or Vienna next week.",
        &[("next week", "2026-03-09/2026-03-15")],
    );
    assert_eq!(places(&e), [("Geneva", true), ("Vienna", true)]);
    assert_eq!(e.place_wording.as_deref(), Some("in Geneva or Vienna"));
    assert_eq!(names(&e), ["Ukrainian delegation", "Russian delegation"]);
    assert_eq!(e.title, "Ukraine–Russia meeting in Geneva");
}

#[test]
fn one_happening_over_two_sentences_and_two_days() {
    let e = only(
        "Delegations from Russia and Ukraine held talks in Istanbul on Monday. The talks continued on Tuesday.",
        &[("on Monday", "2026-03-02"), ("on Tuesday", "2026-03-03")],
    );
    assert_eq!(e.edtf.as_deref(), Some("2026-03-02/2026-03-03"));
    assert_eq!(e.wording.as_deref(), Some("on Monday … on Tuesday"));
    assert_eq!(e.claims, [0, 1]);
    assert_eq!(e.status, EventStatus::Held);
}

#[test]
fn a_separate_meeting_is_its_own_event() {
    let all = events(
        "Envoys from Qatar and Egypt will meet in Doha on Saturday. Separately, Egyptian Foreign Minister Badr Abdelatty will meet the Qatari delegation in Doha on Saturday.",
        &[("on Saturday", "2026-03-07"), ("on Saturday", "2026-03-07")],
    );
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].title, "Abdelatty meets the Qatari delegation");
}

#[test]
fn a_dated_statement_is_a_claim_not_an_event() {
    let all = events(
        "Finnish President Alexander Stubb said on Monday that Europe must stay united.",
        &[("on Monday", "2026-03-02")],
    );
    assert!(all.is_empty(), "{all:#?}");
    let e = only(
        "Finnish President Alexander Stubb has said that Europe must stay united.",
        &[],
    );
    assert_eq!(e.kind, EventKind::Statement);
    assert_eq!(e.edtf.as_deref(), Some("/2026-03-04"));
    assert_eq!(e.wording.as_deref(), Some("has said"));
    assert_eq!(e.title, "Stubb: Europe must stay united");
}

#[test]
fn sources_and_owners_are_not_participants() {
    let e = only(
        "Brazilian and Indian envoys held talks in Delhi on Monday, according to Reuters, citing Lula's aide Celso Amorim.",
        &[("on Monday", "2026-03-02")],
    );
    assert!(
        !names(&e)
            .iter()
            .any(|n| n.contains("Amorim") || n.contains("Lula"))
    );
}

#[test]
fn nothing_in_an_empty_or_eventless_text() {
    assert!(events("", &[]).is_empty());
    assert!(events("The weather was fine. Markets rose 2 per cent.", &[]).is_empty());
    let all = events(
        "Officials will meet with reporters. The council meets regularly. The deal is a good one, analysts said. Kyiv could receive assurances. He called for a ceasefire. It is a sign of progress.",
        &[],
    );
    assert!(all.is_empty(), "{all:#?}");
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "met",
        "meet",
        "talks",
        "The meeting",
        "in",
        "Miami",
        "or elsewhere in",
        "the United States",
        "Trump’s",
        "President",
        "Donald Trump",
        ",",
        ".",
        "\n",
        "said",
        "has indicated",
        "led by",
        "US",
        "Russian side",
        "may",
        "postponed",
        "called off",
        "é",
        "Київ",
        "U.S.",
        "'s",
        "-",
        "–",
        "the",
        "Separately,",
        "those consultations",
        "signed",
        "phone call",
        "visit",
        "to",
        "Kyiv",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(str::to_owned), "\\PC{0,8}"],
        0..40,
    )
    .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Random text, with dates and claims at random (even out-of-range) spans, never panics.
    #[test]
    fn random_text_never_panics(
        text in arbitrary_text(),
        raw in prop::collection::vec((0usize..400, 0usize..400, 0usize..20), 0..6),
    ) {
        let sentences = crate::intake::text::sentences(&text);
        let dates: Vec<DateProposal> = raw.iter().enumerate().map(|(i, &(a, b, s))| DateProposal {
            span: Span::new(a, b),
            edtf: if i % 2 == 0 { "2025-12-20/2025-12-21".to_owned() } else { "garbage".to_owned() },
            sentence: s,
            time_of_day: None,
        }).collect();
        let claims: Vec<ClaimProposal> = raw.iter().map(|&(a, b, s)| ClaimProposal {
            span: Span::new(a, b),
            sentence: s,
            attribution: Vec::new(),
            attribution_spans: vec![Span::new(b, a)],
            credibility: 3,
            hedges: Vec::new(),
        }).collect();
        let article = crate::intake::Article {
            text: text.clone(),
            published: super::seed_tests::day(2025, 12, 18),
            time_zone: None,
            outlet: None,
            url: None,
            headline: None,
        };
        let sample = super::seed_tests::sample();
        for project in [&Project::new("empty"), &sample] {
            let found = find_events(&article, &sentences, &dates, &claims, project, Gazetteer::embedded());
            for e in found {
                prop_assert!(!e.title.is_empty());
                prop_assert!(e.claims.iter().all(|&c| c < claims.len()));
                prop_assert!(e.dates.iter().all(|&d| d < dates.len()));
            }
        }
    }
}

#[test]
fn a_wire_story_with_five_happenings() {
    let text = "Russian President Vladimir Putin and US President Donald Trump spoke by phone on Thursday and agreed to meet in Budapest, the Kremlin said. Kremlin aide Yuri Ushakov told reporters the call lasted two and a half hours. Trump said on his social media platform that Secretary of State Marco Rubio would meet Russian Foreign Minister Sergei Lavrov next week to prepare the summit. No date has been set for the Budapest meeting. Ukrainian President Volodymyr Zelenskyy is set to visit the White House on Friday, where he will meet Trump. Separately, Chinese and Indian officials held a round of talks in Beijing earlier this week. The sanctions were not discussed.";
    let fixture = Fixture::new(
        text,
        day(2025, 10, 17),
        &[
            ("on Thursday", "2025-10-16"),
            ("next week", "2025-10-20/2025-10-26"),
            ("on Friday", "2025-10-17"),
            ("earlier this week", "2025-10-13/2025-10-16"),
        ],
    );
    let all = fixture.events(&Project::new("empty"));
    let view: Vec<(&str, EventStatus, Option<&str>)> = all
        .iter()
        .map(|e| (e.title.as_str(), e.status, e.edtf.as_deref()))
        .collect();
    assert_eq!(
        view,
        [
            ("Putin–Trump call", EventStatus::Held, Some("2025-10-16")),
            // "agreed to meet" shares the call's subject; "the Budapest meeting" refers back.
            (
                "Putin–Trump meeting in Budapest",
                EventStatus::Planned,
                None
            ),
            (
                "Rubio meets Russian Foreign Minister Sergei Lavrov",
                EventStatus::Planned,
                Some("2025-10-20/2025-10-26")
            ),
            // "where he will meet Trump" is part of the visit.
            (
                "Zelenskyy visits the White House",
                EventStatus::Planned,
                Some("2025-10-17")
            ),
            (
                "China–India talks in Beijing",
                EventStatus::Held,
                Some("2025-10-13/2025-10-16")
            ),
        ]
    );
    assert_eq!(all[0].claims, [0, 1]);
    assert_eq!(all[1].claims, [0, 3]);
    assert_eq!(
        all[2].participants[0].role.as_deref(),
        Some("Secretary of State")
    );
    assert_eq!(
        all[2].participants[1].role.as_deref(),
        Some("Russian Foreign Minister")
    );
    assert!(all[3].participants.iter().any(|p| p.name == "Donald Trump"));
    // Unnamed officials are qualified by the place of the happening.
    assert_eq!(
        names(&all[4]),
        ["Chinese officials (Beijing)", "Indian officials (Beijing)"]
    );
}

#[test]
fn harder_sentences() {
    let text = "Putin will host Chinese President Xi Jinping in Moscow on May 9. Zelenskyy told reporters on Sunday that the trip to Washington would happen next week. The two leaders met on the sidelines of the G20 summit in Johannesburg on Saturday. Talks on a ceasefire collapsed last month. Hamas and Israel have agreed to resume negotiations in Cairo, Egyptian officials said.";
    let fixture = Fixture::new(
        text,
        day(2026, 3, 4),
        &[
            ("on May 9", "2026-05-09"),
            ("on Sunday", "2026-03-01"),
            ("next week", "2026-03-09/2026-03-15"),
            ("on Saturday", "2026-02-28"),
            ("last month", "2026-02"),
        ],
    );
    let all = fixture.events(&Project::new("empty"));
    let view: Vec<(EventKind, EventStatus, Option<&str>, Vec<usize>)> = all
        .iter()
        .map(|e| (e.kind, e.status, e.edtf.as_deref(), e.claims.clone()))
        .collect();
    assert_eq!(
        view,
        [
            // "May" the month is no hedge.
            (
                EventKind::Meeting,
                EventStatus::Planned,
                Some("2026-05-09"),
                vec![0]
            ),
            // Sunday is the day Zelenskyy told reporters, not the trip's.
            (
                EventKind::Visit,
                EventStatus::Planned,
                Some("2026-03-09/2026-03-15"),
                vec![1]
            ),
            // "The two leaders met" names nobody: it joins no other happening.
            (
                EventKind::Meeting,
                EventStatus::Held,
                Some("2026-02-28"),
                vec![2]
            ),
            // February overlaps Saturday 28th, but nothing else is shared.
            (
                EventKind::Talks,
                EventStatus::Held,
                Some("2026-02"),
                vec![3]
            ),
            // Undated, but with parties, a place and "agreed to".
            (EventKind::Talks, EventStatus::Planned, None, vec![4]),
        ]
    );
    assert_eq!(all[4].title, "Hamas–Israel talks in Cairo");
}
