//! The seed report pasted into an empty project, everything accepted, compared with the
//! analyst's sample project (issue 14, item 6): a score per kind, printed as the table that
//! docs/INTAKE.md records, and each asserted at or above a floor.
//!
//! What matches what:
//! - **events**: the same EDTF date, status and kind (one produced event per sample event);
//! - **claims**: the same excerpt; and of those, the same attribution chain (the names, origin
//!   first: a step's words when it has them, else its actor's name);
//! - **positions**: the same holder (by the sample actor's name or alias), stance, and issue
//!   (one issue's words all in the other's: "20-point draft peace plan" is the
//!   "20-point peace plan");
//! - **participants** and **places**: of each sample event, those named in its matched
//!   event (by name or alias), over all the sample's events.
//!
//! Recall is matched / in the sample; precision is matched / produced.
//!
//!     cargo test --test intake_seed -- --nocapture
//!
//! The floors (recall and precision) are what the merged stages reach, so that a change that loses a match fails.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::geo::{Gazetteer, fold};
use detente::intake::accept::{Decisions, accept};
use detente::intake::article::{InputKind, read_bytes};
use detente::intake::propose;
use detente::model::{Claim, Event, Id, Position, Project, validate};

const SEED: &[u8] = include_bytes!("fixtures/seed_report.txt");

/// Recall and precision floors per kind, in per cent: what the merged stages reach on
/// 4 Dec 2026. Raise them as the stages improve; never lower one to make a change pass.
/// Positions miss one of six (the United States' support for a settlement, which the text
/// says only of "the United States and Russia" together).
const FLOORS: [(&str, f64, f64); 6] = [
    ("events", 100.0, 100.0),
    ("claims (excerpt)", 100.0, 100.0),
    ("claims (excerpt and chain)", 100.0, 100.0),
    ("positions", 83.0, 100.0),
    ("participants", 100.0, 100.0),
    ("places", 100.0, 100.0),
];

struct Score {
    kind: &'static str,
    sample: usize,
    produced: usize,
    matched: usize,
    /// The sample's items not matched (ids, and for chains what differs), to print.
    missed: Vec<String>,
}

impl Score {
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    fn percent(part: usize, whole: usize) -> f64 {
        if whole == 0 {
            100.0
        } else {
            100.0 * part as f64 / whole as f64
        }
    }

    fn recall(&self) -> f64 {
        Self::percent(self.matched, self.sample)
    }

    /// "—" when nothing was proposed.
    fn precision(&self) -> String {
        if self.produced == 0 {
            "—".to_owned()
        } else {
            format!("{:.0} %", Self::percent(self.matched, self.produced))
        }
    }
}

fn intake_seed() -> Project {
    let input = read_bytes(SEED, InputKind::Text).unwrap();
    // The outlet, as the analyst names it in the dialog: the seed does not say it is Xinhua's.
    let article = input.into_article(None, Some("Xinhua".to_owned())).unwrap();
    let mut project = Project::default();
    let proposals = propose(&article, &project, Gazetteer::embedded());
    accept(&project, &article, &proposals, &Decisions::all(&proposals)).append_to(&mut project);
    project
}

/// Names an actor goes by (its name and aliases, folded).
fn actor_names(project: &Project, id: Id) -> Vec<String> {
    project
        .actors
        .iter()
        .find(|a| a.id == id)
        .map(|a| {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .map(|n| fold(n))
                .collect()
        })
        .unwrap_or_default()
}

fn same_actor(sample: &Project, sample_id: Id, ours: &Project, our_id: Id) -> bool {
    let theirs = actor_names(sample, sample_id);
    actor_names(ours, our_id).iter().any(|n| theirs.contains(n))
}

fn event_key(
    e: &Event,
) -> (
    String,
    detente::model::EventStatus,
    detente::model::EventKind,
) {
    (e.date.edtf_text(), e.status, e.kind)
}

/// Each sample event's matched event in `ours`, one to one.
fn match_events<'a>(sample: &'a Project, ours: &'a Project) -> Vec<(&'a Event, Option<&'a Event>)> {
    let mut used = vec![false; ours.events.len()];
    sample
        .events
        .iter()
        .map(|s| {
            let found = ours
                .events
                .iter()
                .enumerate()
                .find(|(i, o)| !used[*i] && event_key(o) == event_key(s));
            if let Some((i, _)) = found {
                used[i] = true;
            }
            (s, found.map(|(_, o)| o))
        })
        .collect()
}

fn chain(project: &Project, claim: &Claim) -> Vec<String> {
    claim
        .attribution
        .iter()
        .map(|step| {
            if step.name.is_empty() {
                step.actor
                    .and_then(|id| project.actors.iter().find(|a| a.id == id))
                    .map_or(String::new(), |a| fold(&a.name))
            } else {
                fold(&step.name)
            }
        })
        .collect()
}

fn same_issue(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    let a: Vec<&str> = a.split(' ').collect();
    let b: Vec<&str> = b.split(' ').collect();
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

fn issue_name(project: &Project, id: Id) -> &str {
    project
        .issues
        .iter()
        .find(|i| i.id == id)
        .map_or("", |i| i.name.as_str())
}

fn same_position(sample: &Project, s: &Position, ours: &Project, o: &Position) -> bool {
    s.stance == o.stance
        && same_actor(sample, s.holder, ours, o.holder)
        && same_issue(issue_name(sample, s.issue), issue_name(ours, o.issue))
}

fn scores(sample: &Project, ours: &Project) -> Vec<Score> {
    let events = match_events(sample, ours);
    let matched_events = events.iter().filter(|(_, o)| o.is_some()).count();
    let missed_events = events
        .iter()
        .filter(|(_, o)| o.is_none())
        .map(|(s, _)| s.id.to_string())
        .collect();
    let excerpt = |c: &Claim| c.excerpt.trim().to_owned();
    let (mut claims_excerpt, mut claims_chain) = (0, 0);
    let (mut missed_excerpt, mut missed_chain) = (Vec::new(), Vec::new());
    for s in &sample.claims {
        if let Some(o) = ours.claims.iter().find(|o| excerpt(o) == excerpt(s)) {
            claims_excerpt += 1;
            if chain(ours, o) == chain(sample, s) {
                claims_chain += 1;
            } else {
                missed_chain.push(format!(
                    "{}: {:?} instead of {:?}",
                    s.id,
                    chain(ours, o),
                    chain(sample, s)
                ));
            }
        } else {
            missed_excerpt.push(s.id.to_string());
            missed_chain.push(s.id.to_string());
        }
    }
    let mut used = vec![false; ours.positions.len()];
    let mut positions = 0;
    let mut missed_positions = Vec::new();
    for s in &sample.positions {
        if let Some(i) = (0..ours.positions.len())
            .find(|&i| !used[i] && same_position(sample, s, ours, &ours.positions[i]))
        {
            used[i] = true;
            positions += 1;
        } else {
            missed_positions.push(s.id.to_string());
        }
    }
    let (mut participants, mut places) = (0, 0);
    for (s, o) in &events {
        let Some(o) = o else { continue };
        participants += s
            .participants
            .iter()
            .filter(|p| {
                o.participants
                    .iter()
                    .any(|q| same_actor(sample, p.actor, ours, q.actor))
            })
            .count();
        let place_names = |project: &Project, e: &Event| -> Vec<String> {
            e.places
                .iter()
                .filter_map(|p| project.locations.iter().find(|l| l.id == p.location))
                .map(|l| fold(&l.name))
                .collect()
        };
        let theirs = place_names(ours, o);
        places += place_names(sample, s)
            .iter()
            .filter(|n| theirs.contains(n))
            .count();
    }
    let count = |f: fn(&Event) -> usize, p: &Project| p.events.iter().map(f).sum::<usize>();
    let score = |kind, sample, produced, matched, missed| Score {
        kind,
        sample,
        produced,
        matched,
        missed,
    };
    vec![
        score(
            "events",
            sample.events.len(),
            ours.events.len(),
            matched_events,
            missed_events,
        ),
        score(
            "claims (excerpt)",
            sample.claims.len(),
            ours.claims.len(),
            claims_excerpt,
            missed_excerpt,
        ),
        score(
            "claims (excerpt and chain)",
            sample.claims.len(),
            ours.claims.len(),
            claims_chain,
            missed_chain,
        ),
        score(
            "positions",
            sample.positions.len(),
            ours.positions.len(),
            positions,
            missed_positions,
        ),
        score(
            "participants",
            count(|e| e.participants.len(), sample),
            count(|e| e.participants.len(), ours),
            participants,
            Vec::new(),
        ),
        score(
            "places",
            count(|e| e.places.len(), sample),
            count(|e| e.places.len(), ours),
            places,
            Vec::new(),
        ),
    ]
}

fn table(scores: &[Score]) -> String {
    let mut out = String::from(
        "| kind | in the sample | proposed | matched | recall | precision |\n|---|---:|---:|---:|---:|---:|\n",
    );
    for s in scores {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {:.0} % | {} |\n",
            s.kind,
            s.sample,
            s.produced,
            s.matched,
            s.recall(),
            s.precision()
        ));
    }
    out
}

#[test]
fn the_seed_accepted_into_an_empty_project_comes_close_to_the_sample() {
    let ours = intake_seed();
    let problems = validate(&ours);
    assert!(problems.is_empty(), "{problems:#?}");
    let sample = detente::io::sample_project().unwrap();
    let scores = scores(&sample, &ours);
    println!("{}", table(&scores));
    for score in scores.iter().filter(|s| !s.missed.is_empty()) {
        println!("missed {}: {}", score.kind, score.missed.join("; "));
    }
    for (score, (kind, recall, precision)) in scores.iter().zip(FLOORS) {
        assert_eq!(score.kind, kind);
        assert!(
            score.recall() >= recall,
            "{kind}: recall {:.0} % is below the floor {recall} %\n{}",
            score.recall(),
            table(&scores)
        );
        let produced = Score::percent(score.matched, score.produced.max(1));
        assert!(
            produced >= precision,
            "{kind}: precision {produced:.0} % is below the floor {precision} %\n{}",
            table(&scores)
        );
    }
}

#[test]
fn the_scoring_gives_the_sample_full_marks_against_itself() {
    let sample = detente::io::sample_project().unwrap();
    for score in scores(&sample, &sample) {
        assert_eq!(score.matched, score.sample, "{}", score.kind);
    }
    let empty = Project::default();
    for score in scores(&sample, &empty) {
        assert_eq!(score.matched, 0, "{}", score.kind);
    }
}
