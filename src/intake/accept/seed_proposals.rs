//! The seed report's proposals built by hand, as the dates, claims and events stages are to
//! give them (they are written in parallel); the positions are the positions stage's own.

use crate::intake::{
    ActorRef, Article, ClaimProposal, DateProposal, EventProposal, PlaceRef, Proposals,
    ProposedStep, Span, positions, text,
};
use crate::model::{ActorKind, EventKind, EventStatus, Id, Project};

pub(super) fn seed_article() -> Article {
    let seed = include_str!("../../../tests/fixtures/seed_report.txt");
    let text = seed
        .trim_start()
        .strip_prefix("date 2025-12-18 ")
        .unwrap_or(seed)
        .to_owned();
    Article {
        text,
        published: jiff::civil::date(2025, 12, 18),
        time_zone: Some("Asia/Shanghai".to_owned()),
        outlet: Some("Xinhua".to_owned()),
        url: Some("https://english.news.cn/example".to_owned()),
        headline: Some(
            "US, Russian envoys to explore Ukraine settlement through talks in Miami".to_owned(),
        ),
    }
}

fn step(name: &str, verb: &str) -> ProposedStep {
    ProposedStep {
        name: name.to_owned(),
        verb: verb.to_owned(),
        actor: None,
    }
}

/// The sample's chains, sentence by sentence (the headline, sentence 0, is no claim).
fn chain(sentence: usize) -> Vec<ProposedStep> {
    let relayed = |first: Option<(&str, &str)>| {
        let mut c: Vec<ProposedStep> = first.map(|(n, v)| step(n, v)).into_iter().collect();
        c.extend([step("Politico", "reported"), step("Xinhua", "cited")]);
        c
    };
    match sentence {
        1 | 11 => vec![step("Xinhua", "wrote")],
        4 => relayed(Some(("sources familiar with the matter", "said"))),
        8 | 9 => relayed(Some(("officials from the Trump administration", "said"))),
        10 => vec![
            step("Volodymyr Zelenskyy", "has indicated"),
            step("Xinhua", "reported"),
        ],
        12 => vec![
            step("Zelensky", "has stated"),
            step("Ukrinform", "reported"),
            step("Xinhua", "cited"),
        ],
        _ => relayed(None),
    }
}

fn actor(text: &str, name: &str, kind: ActorKind, role: Option<&str>) -> ActorRef {
    let spans = text
        .match_indices(name)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect();
    ActorRef {
        name: name.to_owned(),
        known: None,
        kind,
        role: role.map(str::to_owned),
        spans,
    }
}

fn place(name: &str, geonames_id: Option<u64>, country: Option<&str>, candidate: bool) -> PlaceRef {
    PlaceRef {
        name: name.to_owned(),
        known: None,
        geonames_id,
        country: country.map(str::to_owned),
        candidate,
        spans: Vec::new(),
    }
}

fn date(text: &str, sentences: &[Span], sentence: usize, words: &str, edtf: &str) -> DateProposal {
    let s = sentences[sentence];
    let at = s.of(text).find(words).map_or(s.start, |i| s.start + i);
    DateProposal {
        span: Span::new(at, at + words.len()),
        edtf: edtf.to_owned(),
        sentence,
        time_of_day: None,
    }
}

#[allow(clippy::too_many_lines)] // one literal: the seed's five events
fn events(text: &str) -> Vec<EventProposal> {
    let event = |title: &str, kind, status, edtf: Option<&str>, wording: &str| EventProposal {
        title: title.to_owned(),
        kind,
        status,
        status_words: None,
        edtf: edtf.map(str::to_owned),
        wording: Some(wording.to_owned()),
        dates: Vec::new(),
        participants: Vec::new(),
        places: Vec::new(),
        place_wording: None,
        claims: Vec::new(),
        spans: Vec::new(),
        matches: None,
    };
    let weekend = Some("2025-12-20/2025-12-21");
    let mut berlin = event(
        "US–Ukraine–Europe talks in Berlin",
        EventKind::Talks,
        EventStatus::Held,
        Some("2025-12-13/2025-12-14"),
        "last weekend",
    );
    berlin.dates = vec![2];
    berlin.participants = ["US", "Ukrainian", "European"]
        .iter()
        .map(|n| actor(text, &format!("{n} officials"), ActorKind::Delegation, None))
        .collect();
    berlin.places = vec![place("Berlin", Some(2_950_159), None, false)];
    berlin.claims = vec![2, 7];
    let mut miami = event(
        "US–Russia talks in Miami",
        EventKind::Talks,
        EventStatus::Expected,
        weekend,
        "this weekend",
    );
    miami.dates = vec![0, 1];
    miami.participants = vec![
        actor(text, "US delegation", ActorKind::Delegation, None),
        actor(
            text,
            "Steve Witkoff",
            ActorKind::Person,
            Some("a special envoy of President Donald Trump"),
        ),
        actor(
            text,
            "Jared Kushner",
            ActorKind::Person,
            Some("Trump’s son-in-law"),
        ),
        actor(text, "Russian side", ActorKind::Delegation, None),
        actor(
            text,
            "Kirill Dmitriev",
            ActorKind::Person,
            Some("a special envoy of President Vladimir Putin"),
        ),
    ];
    miami.places = vec![place("Miami", Some(4_164_138), None, false)];
    miami.claims = vec![0, 1, 2, 3, 4, 5, 8];
    let mut umerov = event(
        "Umerov meets members of the US delegation",
        EventKind::Meeting,
        EventStatus::Expected,
        weekend,
        "over the weekend",
    );
    umerov.dates = vec![3];
    umerov.participants = vec![
        actor(
            text,
            "Rustem Umerov",
            ActorKind::Person,
            Some("Ukraine’s national security advisor"),
        ),
        actor(text, "US delegation", ActorKind::Delegation, None),
    ];
    umerov.places = vec![
        place("Miami", Some(4_164_138), None, true),
        place("United States", None, Some("US"), true),
    ];
    umerov.place_wording = Some("in Miami or elsewhere in the United States".to_owned());
    umerov.claims = vec![6];
    let mut nato = event(
        "Zelenskyy: Kyiv could consider suspending NATO bid",
        EventKind::Statement,
        EventStatus::Held,
        Some("/2025-12-18"),
        "has indicated",
    );
    nato.participants = vec![actor(text, "Volodymyr Zelenskyy", ActorKind::Person, None)];
    nato.claims = vec![9];
    let mut article5 = event(
        "Zelensky: Ukraine prepared to explore Article 5-style guarantees",
        EventKind::Statement,
        EventStatus::Held,
        Some("/2025-12-18"),
        "has also stated",
    );
    article5.participants = vec![actor(text, "Zelensky", ActorKind::Person, None)];
    article5.claims = vec![11];
    vec![berlin, miami, umerov, nato, article5]
}

/// The seed's proposals against `project` (the positions stage reads it; the rest is as
/// built above, without matches).
pub(super) fn seed_proposals(article: &Article, project: &Project) -> Proposals {
    let text = &article.text;
    let sentences = text::sentences(text);
    let claims: Vec<ClaimProposal> = (1..sentences.len())
        .map(|sentence| ClaimProposal {
            span: sentences[sentence],
            sentence,
            attribution: chain(sentence),
            attribution_spans: Vec::new(),
            credibility: if matches!(sentence, 10 | 12) { 2 } else { 3 },
            hedges: Vec::new(),
        })
        .collect();
    let dates = vec![
        date(text, &sentences, 1, "this weekend", "2025-12-20/2025-12-21"),
        date(text, &sentences, 2, "this weekend", "2025-12-20/2025-12-21"),
        date(text, &sentences, 3, "last weekend", "2025-12-13/2025-12-14"),
        date(
            text,
            &sentences,
            7,
            "over the weekend",
            "2025-12-20/2025-12-21",
        ),
    ];
    let positions = positions::find_positions(article, &sentences, &claims, project);
    Proposals {
        sentences,
        dates,
        claims,
        events: events(text),
        positions,
    }
}

/// The sample's events, in the order of [`events`], for matching.
pub(super) const SAMPLE_EVENTS: [&str; 5] = [
    "ev-berlin-talks",
    "ev-miami-talks",
    "ev-umerov-us-meeting",
    "ev-zelenskyy-nato-statement",
    "ev-zelensky-article5-statement",
];

pub(super) fn id(text: &str) -> Id {
    Id::new(text)
}
