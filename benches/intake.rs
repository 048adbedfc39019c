//! What reading a report costs (issue 14, item 5: a 2,000-word article proposed in ≤ 100 ms
//! in release): `intake::propose` on the seed report followed by a text of our own repeated
//! to 2,000 words, against the sample project; and the article reader and accept-all on it.
//!
//!     cargo bench --bench intake -- --warm-up-time 1 --measurement-time 3
//!
//! Figures in docs/INTAKE.md.

#![allow(clippy::unwrap_used)] // benches may unwrap: a panic is a failure with its reason

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use detente::geo::Gazetteer;
use detente::intake::accept::{Decisions, accept};
use detente::intake::article::{InputKind, read_text};
use detente::intake::propose;

const SEED: &str = include_str!("../tests/fixtures/seed_report.txt");

/// Our own paragraph, in the register of a wire report: dates of several forms, attributed
/// claims, meetings with participants and places, and stances with conditions.
const PARAGRAPH: &str = "Foreign ministers from Turkey and Egypt met in Ankara on Tuesday \
to discuss a ceasefire in Gaza, officials from both governments said. The talks, which \
lasted five hours, are set to continue in Cairo next week, according to a statement \
released by the Turkish foreign ministry. Egypt is seeking guarantees that aid convoys will \
be allowed through, a senior diplomat told reporters on Wednesday. Israel has so far been \
reluctant to commit to a timetable, while Qatar could consider hosting a follow-up round \
if both sides agree to a prisoner exchange. Reuters reported, citing two sources familiar \
with the matter, that envoys may meet again later this month in Doha or elsewhere in the \
region. The United Nations envoy said on Monday that the plan prepared by the mediators \
was the best basis for progress, and that she expected a decision early next year.";

/// The seed, then the paragraph until the text holds at least 2,000 words.
fn article_text() -> String {
    let mut text = SEED.to_owned();
    while text.split_whitespace().count() < 2_000 {
        text.push('\n');
        text.push_str(PARAGRAPH);
    }
    text
}

fn bench(c: &mut Criterion) {
    let sample = detente::io::sample_project().unwrap();
    let gazetteer = Gazetteer::embedded();
    let text = article_text();
    let input = read_text(&text, InputKind::Text).unwrap();
    let article = input.into_article(None, Some("Xinhua".to_owned())).unwrap();
    // Load the gazetteer and the word lists outside the measurement: they load once per run.
    let proposals = propose(&article, &sample, gazetteer);
    let mut group = c.benchmark_group("intake");
    group.sample_size(20);
    group.bench_function("read_2000_words", |b| {
        b.iter(|| read_text(black_box(&text), InputKind::Text).unwrap());
    });
    group.bench_function("propose_2000_words", |b| {
        b.iter(|| propose(black_box(&article), &sample, gazetteer));
    });
    group.bench_function("accept_all_2000_words", |b| {
        let decisions = Decisions::all(&proposals);
        b.iter(|| accept(&sample, &article, black_box(&proposals), &decisions));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
