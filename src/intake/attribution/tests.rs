//! Each pattern on short articles in our own words, and random text that must never panic.

use super::*;
use crate::intake::text::sentences;
use crate::model::{Actor, ActorKind, Id};

fn actor(id: &str, name: &str, kind: ActorKind, aliases: &[&str]) -> Actor {
    Actor {
        id: Id::new(id),
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
        affiliation: None,
        country: None,
        description: String::new(),
    }
}

fn project() -> Project {
    Project {
        actors: vec![
            actor("a-putin", "Vladimir Putin", ActorKind::Person, &["Putin"]),
            actor(
                "a-zelenskyy",
                "Volodymyr Zelenskyy",
                ActorKind::Person,
                &["Zelensky"],
            ),
            actor("a-kremlin", "Kremlin", ActorKind::Organisation, &[]),
            actor("a-white-house", "White House", ActorKind::Organisation, &[]),
            actor(
                "a-trump-admin",
                "Trump administration",
                ActorKind::Organisation,
                &[],
            ),
            actor(
                "a-us",
                "United States",
                ActorKind::State,
                &["US", "Washington"],
            ),
            actor("a-politico", "Politico", ActorKind::Outlet, &[]),
            actor("a-xinhua", "Xinhua", ActorKind::Outlet, &[]),
            actor("a-herald", "Miami Herald", ActorKind::Outlet, &[]),
        ],
        ..Project::default()
    }
}

fn article(text: &str, outlet: Option<&str>) -> Article {
    Article {
        text: text.into(),
        published: jiff::civil::date(2026, 3, 12),
        time_zone: None,
        outlet: outlet.map(str::to_string),
        url: None,
        headline: None,
    }
}

fn claims_of(article: &Article) -> Vec<ClaimProposal> {
    find_claims(article, &sentences(&article.text), &project())
}

/// Each claim's chain as "name verb" steps joined by " → ".
fn chains(text: &str, outlet: Option<&str>) -> Vec<String> {
    claims_of(&article(text, outlet))
        .iter()
        .map(|c| {
            c.attribution
                .iter()
                .map(|s| format!("{} {}", s.name, s.verb))
                .collect::<Vec<_>>()
                .join(" → ")
        })
        .collect()
}

fn one(text: &str) -> String {
    let all = chains(text, Some("Xinhua"));
    assert_eq!(all.len(), 1, "{all:?}");
    all.into_iter().next().unwrap_or_default()
}

fn first_claim(text: &str) -> ClaimProposal {
    claims_of(&article(text, Some("Xinhua")))
        .into_iter()
        .next()
        .expect("a claim")
}

#[test]
fn a_report_by_an_outlet_is_relayed_by_the_publisher() {
    assert_eq!(
        one(
            "Talks between the two sides could resume in April, according to a report by US media outlet Politico."
        ),
        "Politico reported → Xinhua cited"
    );
    let claim =
        first_claim("Envoys may travel to Oman, according to Ukraine’s Ukrinform news agency.");
    assert_eq!(claim.attribution[0].name, "Ukrinform");
    assert_eq!(claim.attribution[0].verb, "reported");
    assert_eq!(claim.credibility, 3);
}

#[test]
fn the_report_cited_by_the_publisher_is_the_report_named_last() {
    let text = "Envoys will meet in Geneva, according to a report by the news outlet Axios.\n\
                Meanwhile, the weather was mild.\n\
                Separately, a second round is planned for May, according to the report cited by Xinhua.";
    assert_eq!(
        chains(text, Some("Xinhua")),
        [
            "Axios reported → Xinhua cited",
            "Xinhua wrote",
            "Axios reported → Xinhua cited"
        ]
    );
}

#[test]
fn unnamed_sources_and_officials_said() {
    assert_eq!(
        one("Sources familiar with the matter said the draft was nearly finished."),
        "sources familiar with the matter said → Xinhua reported"
    );
    let claim =
        first_claim("Officials from the Trump administration said the plan had broad support.");
    assert_eq!(
        claim.attribution[0].name,
        "officials from the Trump administration"
    );
    assert_eq!(claim.attribution[0].actor, Some(Id::new("a-trump-admin")));
    assert_eq!(claim.credibility, 3);
    assert_eq!(
        one("The harvest was poor, two senior diplomats said."),
        "two senior diplomats said → Xinhua reported"
    );
}

#[test]
fn told_reporters_and_told_an_outlet() {
    let claim = first_claim("Putin told reporters that he was open to a meeting.");
    assert_eq!(claim.attribution[0].name, "Putin");
    assert_eq!(claim.attribution[0].verb, "told reporters");
    assert_eq!(claim.attribution[0].actor, Some(Id::new("a-putin")));
    assert_eq!(claim.attribution[1].verb, "reported");
    assert_eq!(claim.credibility, 2);
    assert_eq!(
        one("A senior diplomat told Reuters the negotiations had stalled."),
        "senior diplomat told → Reuters reported → Xinhua cited"
    );
    assert_eq!(
        one("Russian Foreign Minister Sergei Lavrov told journalists the door stayed open."),
        "Sergei Lavrov told journalists → Xinhua reported"
    );
}

#[test]
fn an_outlet_citing_sources_and_an_outlet_citing_a_report() {
    assert_eq!(
        one("Axios reported, citing two sources, that the envoy would fly out on Monday."),
        "two sources said → Axios reported → Xinhua cited"
    );
    assert_eq!(
        one("Xinhua, citing a report by the US outlet Politico, said the delegation had landed."),
        "Politico reported → Xinhua cited"
    );
    assert_eq!(
        chains(
            "Tass, citing a report by the US outlet Politico, said the delegation had landed.",
            Some("Xinhua")
        ),
        ["Politico reported → Tass cited → Xinhua cited"]
    );
}

#[test]
fn an_official_cited_by_a_newspaper() {
    let claim = first_claim(
        "The summit will take place in Budapest, according to a White House official cited by the Miami Herald.",
    );
    let steps: Vec<(&str, &str, Option<Id>)> = claim
        .attribution
        .iter()
        .map(|s| (s.name.as_str(), s.verb.as_str(), s.actor))
        .collect();
    assert_eq!(
        steps,
        [
            (
                "White House official",
                "said",
                Some(Id::new("a-white-house"))
            ),
            ("Miami Herald", "cited", Some(Id::new("a-herald"))),
            ("Xinhua", "cited", Some(Id::new("a-xinhua"))),
        ]
    );
    let text = "The summit will take place in Budapest, according to a White House official cited by the Miami Herald.";
    let spans: Vec<&str> = claim.attribution_spans.iter().map(|s| s.of(text)).collect();
    assert_eq!(
        spans,
        ["according to a White House official cited by the Miami Herald"]
    );
}

#[test]
fn named_speakers_on_the_record() {
    let claim = first_claim("The Kremlin said the proposal deserved careful study.");
    assert_eq!(claim.attribution[0].name, "Kremlin");
    assert_eq!(claim.attribution[0].actor, Some(Id::new("a-kremlin")));
    assert_eq!(claim.credibility, 2);
    assert_eq!(
        one("Zelensky has indicated that Kyiv might accept a ceasefire along the current line."),
        "Zelensky has indicated → Xinhua reported"
    );
    assert_eq!(
        one("The Kremlin has repeatedly stated that it wants a lasting deal."),
        "Kremlin has stated → Xinhua reported"
    );
    assert_eq!(
        one("The Foreign Ministry said in a statement that it welcomed the talks."),
        "Foreign Ministry said in a statement → Xinhua reported"
    );
    assert_eq!(
        one("Putin said on Sunday that the trip would happen sometime next week."),
        "Putin said → Xinhua reported"
    );
    assert_eq!(
        one("\"We are ready for dialogue,\" said Dmitry Peskov, the Kremlin spokesman."),
        "Dmitry Peskov said → Xinhua reported"
    );
    assert_eq!(
        one("\"We are ready for dialogue,\" Putin said."),
        "Putin said → Xinhua reported"
    );
}

#[test]
fn quoted_as_saying_statements_and_owners() {
    assert_eq!(
        one(
            "Russia's TASS news agency quoted Deputy Foreign Minister Sergei Ryabkov as saying the offer stood."
        ),
        "Sergei Ryabkov said → TASS reported → Xinhua cited"
    );
    assert_eq!(
        one("The ceasefire holds, according to a statement from the Kremlin."),
        "Kremlin said in a statement → Xinhua reported"
    );
    assert_eq!(
        one("Ukraine's foreign ministry said the note had been received."),
        "Ukraine's foreign ministry said → Xinhua reported"
    );
    assert_eq!(
        chains(
            "The ministry issued a note. It said the talks would go on.",
            Some("Xinhua")
        ),
        ["Xinhua wrote", "It said → Xinhua reported"]
    );
}

#[test]
fn subjects_behind_appositions_and_opening_clauses() {
    assert_eq!(
        one("According to Ukrinform, Zelensky said the talks would resume."),
        "Zelensky said → Ukrinform reported → Xinhua cited"
    );
    assert_eq!(
        one("Speaking to reporters in Kyiv on Friday, Zelensky said the talks would resume."),
        "Zelensky said → Xinhua reported"
    );
    assert_eq!(
        one("Putin, who met the envoy for five hours, said the talks were useful."),
        "Putin said → Xinhua reported"
    );
    assert_eq!(
        one("The head of the fund, Kirill Dmitriev, said the meeting went well."),
        "Kirill Dmitriev said → Xinhua reported"
    );
    let claim =
        first_claim("The official, who spoke on condition of anonymity, said no date was set.");
    assert_eq!(claim.attribution[0].name, "official");
    assert_eq!(claim.credibility, 3);
}

#[test]
fn participles_and_adjectives_are_not_attributions() {
    assert_eq!(
        one("The agreement, announced on Monday, covers grain exports."),
        "Xinhua wrote"
    );
    assert_eq!(
        one("Putin's reported remarks drew a sharp response."),
        "Xinhua wrote"
    );
    assert_eq!(
        one("The stated aim of the talks is a lasting peace."),
        "Xinhua wrote"
    );
}

#[test]
fn a_last_name_alone_finds_the_one_person_who_has_it() {
    let claim = first_claim("Envoy Zelenskyy told reporters he was hopeful.");
    assert_eq!(claim.attribution[0].actor, Some(Id::new("a-zelenskyy")));
    let text = "Peskov said the Kremlin would wait.";
    let mut p = project();
    p.actors
        .push(actor("a-peskov", "Dmitry Peskov", ActorKind::Person, &[]));
    let claims = find_claims(&article(text, None), &sentences(text), &p);
    assert_eq!(claims[0].attribution[0].actor, Some(Id::new("a-peskov")));
    // Two people named Peskov: no guess.
    p.actors.push(actor(
        "a-peskov-2",
        "Nikolai Peskov",
        ActorKind::Person,
        &[],
    ));
    let claims = find_claims(&article(text, None), &sentences(text), &p);
    assert_eq!(claims[0].attribution[0].actor, None);
}

#[test]
fn the_publisher_named_with_its_cue_words_is_the_outlet() {
    let claim = claims_of(&article("The talks ended.", Some("Xinhua News Agency")))
        .into_iter()
        .next()
        .expect("a claim");
    assert_eq!(claim.attribution[0].name, "Xinhua News Agency");
    assert_eq!(claim.attribution[0].actor, Some(Id::new("a-xinhua")));
}

#[test]
fn the_outlets_own_voice_and_no_outlet() {
    let claim = first_claim("The two delegations met for five hours.");
    assert_eq!(claim.attribution.len(), 1);
    assert_eq!(claim.attribution[0].verb, "wrote");
    assert_eq!(claim.credibility, 3);
    let text = "The two delegations met for five hours. Putin said it went well.";
    let claims = claims_of(&article(text, None));
    assert!(claims[0].attribution.is_empty());
    assert_eq!(claims[0].credibility, 6);
    assert_eq!(claims[1].attribution.len(), 1);
    assert_eq!(claims[1].attribution[0].verb, "said");
}

#[test]
fn a_passive_is_not_an_attribution_and_hedges_lower_the_grade() {
    assert_eq!(
        one("The envoy is said to favour an early meeting."),
        "Xinhua wrote"
    );
    let reportedly = first_claim("Putin reportedly told aides that he would not attend.");
    assert_eq!(reportedly.attribution[0].name, "Putin");
    assert_eq!(reportedly.credibility, 3);
    let doubt = first_claim("Unconfirmed accounts spread quickly, the Kremlin said.");
    assert_eq!(doubt.attribution[0].name, "Kremlin");
    assert_eq!(doubt.credibility, 3);
    let text = "Leaders may meet this weekend, though the date is subject to change.";
    let hedged = first_claim(text);
    let hedges: Vec<&str> = hedged.hedges.iter().map(|s| s.of(text)).collect();
    assert_eq!(hedges, ["may", "subject to"]);
}

#[test]
fn a_thread_carries_across_paragraphs_and_speakers_within_their_paragraph() {
    let text = "Envoys are expected to meet on Saturday, according to a report by the outlet Semafor.\n\
                The talks could last two days. An aide to the envoy said the agenda was open.\n\
                The delegation will be small.\n\
                Officials from the Trump administration said the draft was ready. The remaining gaps are narrow. Washington is seeking a quick deal.\n\
                Meanwhile, Putin said he was patient. Russia is in no hurry. It wants guarantees.";
    assert_eq!(
        chains(text, Some("Xinhua")),
        [
            "Semafor reported → Xinhua cited",
            "Semafor reported → Xinhua cited",
            "aide to the envoy said → Semafor reported → Xinhua cited",
            "Semafor reported → Xinhua cited",
            "officials from the Trump administration said → Semafor reported → Xinhua cited",
            "officials from the Trump administration said → Semafor reported → Xinhua cited",
            "Semafor reported → Xinhua cited",
            "Putin said → Xinhua reported",
            "Xinhua wrote",
            "Putin said → Xinhua reported",
        ]
    );
}

#[test]
fn a_pronoun_speaker_is_the_last_named_speaker() {
    let text = "Putin said the meeting was useful. He added that more work was needed.\n\
                He also said a date was not set.";
    assert_eq!(
        chains(text, Some("Xinhua")),
        [
            "Putin said → Xinhua reported",
            "Putin added → Xinhua reported",
            "Putin said → Xinhua reported"
        ]
    );
    let text = "Putin said the meeting was useful.\n\
                Officials said the date was open. They added that Geneva was likely.";
    assert_eq!(chains(text, None)[2], "officials added");
}

#[test]
fn the_headline_line_is_not_a_claim() {
    let text = "Envoys to meet in Miami\nEnvoys may meet in Miami this weekend, officials said.";
    let mut with_headline = article(text, Some("Xinhua"));
    with_headline.headline = Some("Envoys to meet  in Miami".into());
    let claims = claims_of(&with_headline);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].sentence, 1);
    assert_eq!(claims_of(&article(text, Some("Xinhua"))).len(), 2);
}

#[test]
fn a_countrys_media_is_not_the_country() {
    let claim = first_claim("US media reported that the envoy had resigned.");
    assert_eq!(claim.attribution[0].name, "US media");
    assert_eq!(claim.attribution[0].actor, None);
    assert_eq!(claim.attribution[1].verb, "cited");
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fn check_never_panics(text: &str, outlet: Option<&str>, headline: Option<String>) {
    let mut a = article(text, outlet);
    a.headline = headline;
    let spans = sentences(text);
    for claim in find_claims(&a, &spans, &project()) {
        assert!(on_boundaries(text, claim.span));
        assert!((1..=6).contains(&claim.credibility));
        for s in claim.attribution_spans.iter().chain(&claim.hedges) {
            assert!(on_boundaries(text, *s), "{s:?} in {text:?}");
            assert!(claim.span.contains(*s));
        }
    }
}

proptest::proptest! {
    #[test]
    fn random_text_never_panics(
        text in "[a-zA-Z’'\"“”,.;:!? \\n\\-éü0-9]{0,300}",
        outlet in proptest::option::of("[A-Za-z ]{0,12}"),
    ) {
        let headline = text.lines().next().map(str::to_string);
        check_never_panics(&text, outlet.as_deref(), headline);
    }

    #[test]
    fn mutated_seed_never_panics(
        cuts in proptest::collection::vec((0usize..2_000, "[\\PC\\n]{0,6}"), 0..12),
    ) {
        let mut text = super::seed_tests::seed_article().text;
        for (at, insert) in cuts {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let cut_end = text[at..].char_indices().nth(2).map_or(text.len(), |(i, _)| at + i);
            text.replace_range(at..cut_end, &insert);
        }
        check_never_panics(&text, Some("Xinhua"), text.lines().next().map(str::to_string));
    }
}

/// A wire story in our own words, with the chain we expect for each sentence.
#[test]
fn a_wire_story_reads_sentence_by_sentence() {
    let text = "MOSCOW, March 11 (Reuters) - Russia and the United States will hold a new round of talks in Riyadh next week, two people briefed on the plans told Reuters on Tuesday.\n\
The talks, the third since January, are expected to cover a ceasefire in the Black Sea, one of the people said. \"We are not there yet,\" the second person said, adding that Washington wanted a quick result.\n\
Kremlin spokesman Dmitry Peskov told reporters that Moscow had not received any formal proposal. He said the Kremlin would study any plan carefully.\n\
U.S. Secretary of State Marco Rubio said on Monday that both sides had to make concessions. His remarks came after a phone call with Russian Foreign Minister Sergei Lavrov, the State Department said in a statement.\n\
Ukraine's foreign ministry did not immediately respond to a request for comment. Kyiv has repeatedly said it will not accept any deal made without it.\n\
The war, now in its fourth year, has killed tens of thousands of people.\n\
According to Ukrainian officials, Russian drones struck Odesa overnight. The attack damaged port infrastructure, regional governor Oleh Kiper said on Telegram.\n\
Separately, the Wall Street Journal reported that European leaders were preparing their own plan, citing officials familiar with the discussions.";
    let claims = claims_of(&article(text, Some("Reuters")));
    let got: Vec<(String, u8)> = claims
        .iter()
        .map(|c| {
            let chain: Vec<String> = c
                .attribution
                .iter()
                .map(|s| format!("{} {}", s.name, s.verb))
                .collect();
            (chain.join(" → "), c.credibility)
        })
        .collect();
    let expected = [
        ("two people briefed on the plans told → Reuters reported", 3),
        ("one of the people said → Reuters reported", 3),
        ("second person said → Reuters reported", 3),
        ("Dmitry Peskov told reporters → Reuters reported", 2),
        ("Dmitry Peskov said → Reuters reported", 2),
        ("Marco Rubio said → Reuters reported", 2),
        ("State Department said in a statement → Reuters reported", 2),
        ("Reuters wrote", 3),
        ("Kyiv has said → Reuters reported", 2),
        ("Reuters wrote", 3),
        ("Ukrainian officials said → Reuters reported", 3),
        ("Oleh Kiper said → Reuters reported", 2),
        (
            "officials familiar with the discussions said → Wall Street Journal reported → Reuters cited",
            3,
        ),
    ];
    let expected: Vec<(String, u8)> = expected
        .iter()
        .map(|(c, g)| ((*c).to_string(), *g))
        .collect();
    assert_eq!(got, expected);
    // Kyiv is not an actor of this test project: the name as written, no actor.
    assert_eq!(claims[8].attribution[0].actor, None);
}

#[test]
fn a_speaker_on_the_record_ends_another_outlets_thread() {
    let text = "The talks were postponed last week, Reuters reported. Sources close to the talks said a new date was near.\n\
The Kremlin said on Wednesday that Vladimir Putin had spoken to Recep Tayyip Erdogan.\n\
Both sides want a ceasefire.";
    assert_eq!(
        chains(text, Some("The Courier")),
        [
            "Reuters reported → The Courier cited",
            // An unnamed source inside Reuters' thread is Reuters' source.
            "sources close to the talks said → Reuters reported → The Courier cited",
            // The Kremlin on the record is the publisher's own reporting.
            "Kremlin said → The Courier reported",
            "The Courier wrote",
        ]
    );
}
