//! The seed report against the sample project's 12 claims, scored.

use super::*;
use crate::intake::text::sentences;
use crate::model::Id;

/// The seed as the article stage gives it: the "date 2025-12-18 " prefix of the first line
/// stripped, that line the headline, published by Xinhua.
pub(super) fn seed_article() -> Article {
    let raw = include_str!("../../../tests/fixtures/seed_report.txt");
    let text = raw
        .trim_start()
        .strip_prefix("date 2025-12-18 ")
        .unwrap_or(raw)
        .to_string();
    let headline = text.lines().next().map(str::to_string);
    Article {
        text,
        published: jiff::civil::date(2025, 12, 18),
        time_zone: None,
        outlet: Some("Xinhua".into()),
        url: None,
        headline,
    }
}

fn sample() -> Project {
    crate::io::sample_project().expect("the sample loads")
}

/// One point per: a sample claim found with the same span; the chain's length; each step's
/// actor (where the sample has one), name (where it has one) and verb; the credibility.
/// A claim the sample does not have costs a point.
fn score(claims: &[ClaimProposal], text: &str, project: &Project) -> (usize, usize, Vec<String>) {
    let mut got: usize = 0;
    let mut max = 0;
    let mut misses = Vec::new();
    for expected in &project.claims {
        max += 3;
        let steps = &expected.attribution;
        for s in steps {
            max += 1 + usize::from(s.actor.is_some()) + usize::from(!s.name.is_empty());
        }
        let Some(found) = claims
            .iter()
            .find(|c| c.span.of(text) == &*expected.excerpt)
        else {
            misses.push(format!("{}: no claim with its excerpt", expected.id));
            continue;
        };
        got += 1;
        if found.credibility == expected.credibility.value() {
            got += 1;
        } else {
            misses.push(format!(
                "{}: credibility {}",
                expected.id, found.credibility
            ));
        }
        if found.attribution.len() == steps.len() {
            got += 1;
        } else {
            misses.push(format!("{}: chain {:?}", expected.id, found.attribution));
        }
        for (s, f) in steps.iter().zip(&found.attribution) {
            let mut step_ok = |ok: bool, what: &str| {
                if ok {
                    got += 1;
                } else {
                    misses.push(format!("{}: {what} of {f:?}", expected.id));
                }
            };
            if s.actor.is_some() {
                step_ok(s.actor == f.actor, "actor");
            }
            if !s.name.is_empty() {
                step_ok(s.name.eq_ignore_ascii_case(&f.name), "name");
            }
            step_ok(*s.verb == *f.verb, "verb");
        }
    }
    let extra = claims
        .iter()
        .filter(|c| {
            !project
                .claims
                .iter()
                .any(|e| c.span.of(text) == &*e.excerpt)
        })
        .count();
    if extra > 0 {
        misses.push(format!("{extra} claims the sample does not have"));
    }
    (got.saturating_sub(extra), max, misses)
}

#[test]
fn the_seed_gives_the_samples_twelve_claims_and_chains() {
    let article = seed_article();
    let project = sample();
    let claims = find_claims(&article, &sentences(&article.text), &project);
    let (got, max, misses) = score(&claims, &article.text, &project);
    // Recorded in docs/INTAKE.md: every point of the comparison.
    assert_eq!((got, max), (90, 90), "{misses:#?}");
    assert_eq!(claims.len(), 12);
}

#[test]
fn the_seed_chains_read_as_the_sample_does() {
    let article = seed_article();
    let project = sample();
    let claims = find_claims(&article, &sentences(&article.text), &project);
    let chain = |k: usize| -> Vec<(String, String)> {
        claims[k]
            .attribution
            .iter()
            .map(|s| (s.name.clone(), s.verb.clone()))
            .collect()
    };
    let pair = |n: &str, v: &str| (n.to_string(), v.to_string());
    assert_eq!(chain(0), [pair("Xinhua", "wrote")]);
    assert_eq!(
        chain(1),
        [pair("Politico", "reported"), pair("Xinhua", "cited")]
    );
    assert_eq!(
        chain(3),
        [
            pair("sources familiar with the matter", "said"),
            pair("Politico", "reported"),
            pair("Xinhua", "cited")
        ]
    );
    assert_eq!(
        chain(9),
        [
            pair("Volodymyr Zelenskyy", "has indicated"),
            pair("Xinhua", "reported")
        ]
    );
    assert_eq!(claims[9].attribution[0].actor, Some(Id::new("a-zelenskyy")));
    // The words that name the sources are highlighted, and the hedges.
    let text = &article.text;
    let words: Vec<&str> = claims[1]
        .attribution_spans
        .iter()
        .map(|s| s.of(text))
        .collect();
    assert_eq!(words, ["according to a report by US media outlet Politico"]);
    let hedges: Vec<&str> = claims[0].hedges.iter().map(|s| s.of(text)).collect();
    assert_eq!(hedges, ["may"]);
    let hedges: Vec<&str> = claims[2].hedges.iter().map(|s| s.of(text)).collect();
    assert_eq!(hedges, ["subject to", "is expected to"]);
    let words: Vec<&str> = claims[3]
        .attribution_spans
        .iter()
        .map(|s| s.of(text))
        .collect();
    assert_eq!(words, ["Sources familiar with the matter said"]);
    let words: Vec<&str> = claims[11]
        .attribution_spans
        .iter()
        .map(|s| s.of(text))
        .collect();
    assert_eq!(
        words,
        [
            "Zelensky has also stated",
            "according to Ukraine’s Ukrinform news agency"
        ]
    );
    let hedges: Vec<&str> = claims[6].hedges.iter().map(|s| s.of(text)).collect();
    assert_eq!(hedges, ["is also expected to"]);
}

#[test]
fn two_thousand_words_take_under_200_ms_in_a_debug_build() {
    let seed = seed_article();
    let mut text = String::new();
    while text.split_whitespace().count() < 2_000 {
        text.push_str(&seed.text);
        text.push('\n');
    }
    let article = Article { text, ..seed };
    let project = sample();
    let spans = sentences(&article.text);
    let started = std::time::Instant::now();
    let claims = find_claims(&article, &spans, &project);
    let took = started.elapsed();
    assert!(claims.len() > 70, "{}", claims.len());
    // Debug builds are ~10× slower than release; 20 ms is the release budget.
    assert!(took.as_millis() < 200, "{took:?}");
}
