//! Claims: one per sentence of the report (the headline line excepted), with the attribution
//! chain from the origin out to the publishing outlet, the words that name the sources, the
//! hedges, and a credibility proposed from them.
//!
//! The rules, in the order they apply (docs/INTAKE.md, "Claims and attribution", says the
//! same with examples):
//!
//! 1. **Which sentences.** Every sentence is a claim, except the headline: the sentences of
//!    the first line when that line is [`Article::headline`] (the sample has no claim for the
//!    title; the standfirst below it is one).
//! 2. **A sentence's own sources.** "according to X" (X: "a report by [cue] Outlet" → Outlet
//!    reported; "the report" → the report named last; "Y cited by Z" → Y, then Z cited), and a
//!    subject before a reporting verb ("S said", "S has indicated", "S told reporters",
//!    "S said in a statement"; an outlet subject "Axios reported"), with ", citing X" after
//!    the verb or between commas before it (X goes before S; S's "said" becomes "cited" when
//!    X is a report). The speaker's chain comes first, then the "according to" relays.
//!    "He"/"she" as the subject is the last speaker named, in any paragraph; "they", "it",
//!    "we" the paragraph's last speaker.
//! 3. **Threads carry over.** A sentence relayed from another outlet ("according to a report
//!    by US media outlet Politico") opens a *thread*: the outlet's part of the chain. Every
//!    later sentence without sources of its own keeps it, across paragraphs, and an unnamed
//!    speaker inside the thread ("Sources familiar with the matter said") is nested in it
//!    (sources said → Politico reported); a speaker on the record ("the Kremlin said") is the
//!    publisher's own reporting and closes the thread. A new outlet replaces the thread; a topic shift at
//!    the start of a sentence ("Meanwhile", "Separately") closes it; "the report" reopens the
//!    report named last. The publisher itself never opens one ("told Reuters" in Reuters).
//! 4. **Speakers carry over within their paragraph**, into a following sentence without
//!    sources of its own that opens by pointing back ("The remaining issues…", "It…", "They…")
//!    — not into one that names its subject outright ("Ukraine is seeking…"), which is the
//!    outlet's own statement, nor into the next paragraph.
//! 5. **The publisher ends every chain** ([`Article::outlet`]): "cited" after another outlet
//!    or report, "reported" after a speaker, "wrote" alone (the outlet's own voice); not added
//!    when the text already names it as the last relay ("the report cited by Xinhua").
//! 6. **Credibility** (Admiralty 1–6): 2 when the origin is a named speaker on the record
//!    (the statement is attested by whoever relays it), 3 when it is unnamed, an outlet's
//!    report or the publisher's own voice, 6 when there is no source and no publisher; an
//!    attribution hedge ("reportedly", "is said to") takes a named speaker to 3, and a doubt
//!    word ("unconfirmed", "rumoured") lowers any grade by one. Content hedges ("may", "is
//!    expected to") are highlighted but do not move it: they qualify what is claimed, not
//!    who claims it. 1 (confirmed by other sources) needs other reports and is never
//!    proposed from one.

mod names;
mod parse;
mod tokens;
mod words;

use crate::model::{Id, Project};

use super::{Article, ClaimProposal, ProposedStep, Span};
use names::{Names, Role, Step};
use tokens::{Tok, tokens};
use words::Words;

/// The claims of `article`, in text order; `sentences` are those of [`super::text::sentences`].
pub fn find_claims(article: &Article, sentences: &[Span], project: &Project) -> Vec<ClaimProposal> {
    let words = words::words();
    let names = Names::new(project);
    let text = article.text.as_str();
    let publisher = article
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(|o| Step {
            name: o.to_string(),
            verb: String::new(),
            actor: names.actor(o).or_else(|| outlet_actor(o, &names, words)),
            role: Role::Outlet,
        });
    let headline_end = headline_end(article);
    let mut carry = Carry::default();
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut last_end = 0usize;
    for (index, &sentence) in sentences.iter().enumerate() {
        let Some(piece) = text.get(sentence.start..sentence.end) else {
            continue;
        };
        if text
            .get(last_end.min(sentence.start)..sentence.start)
            .is_some_and(|gap| gap.contains('\n'))
        {
            paragraph += 1;
        }
        last_end = sentence.end;
        if headline_end.is_some_and(|end| sentence.end <= end)
            || !piece.chars().any(char::is_alphabetic)
        {
            continue;
        }
        let toks = tokens(text, sentence);
        let (chain, spans) =
            carry.chain_of(text, &toks, paragraph, publisher.as_ref(), &names, words);
        let hedges = parse::hedge_spans(&toks, words);
        let credibility = credibility(&chain, &toks, publisher.is_some(), words);
        let mut steps: Vec<ProposedStep> = chain.iter().map(proposed).collect();
        if let Some(publisher) = &publisher
            && !chain.last().is_some_and(|last| same_actor(last, publisher))
        {
            let verb = match chain.last().map(|s| s.role) {
                None => "wrote",
                Some(Role::Outlet | Role::BackRef) => "cited",
                Some(_) => "reported",
            };
            steps.push(ProposedStep {
                verb: verb.to_string(),
                ..proposed(publisher)
            });
        }
        out.push(ClaimProposal {
            span: sentence,
            sentence: index,
            attribution: steps,
            attribution_spans: spans,
            credibility,
            hedges,
        });
    }
    out
}

/// The actor of an outlet named with its cue words ("Xinhua News Agency" is Xinhua).
fn outlet_actor(outlet: &str, names: &Names, words: &Words) -> Option<Id> {
    let toks = tokens(outlet, Span::new(0, outlet.len()));
    names::classify(outlet, &toks, "", true, names, words)?.actor
}

fn proposed(step: &Step) -> ProposedStep {
    ProposedStep {
        name: step.name.clone(),
        verb: step.verb.clone(),
        actor: step.actor,
    }
}

fn same_actor(a: &Step, b: &Step) -> bool {
    match (a.actor, b.actor) {
        (Some(x), Some(y)) => x == y,
        _ => names::normalise(&a.name) == names::normalise(&b.name),
    }
}

/// The byte offset where the headline line ends, when the text's first line is the headline.
fn headline_end(article: &Article) -> Option<usize> {
    let headline = article.headline.as_deref()?.trim();
    let text = article.text.as_str();
    let lead = text.len() - text.trim_start().len();
    let first = text[lead..].lines().next()?;
    // The line may carry a date before the headline ("date 2025-12-18 US, Russian envoys…").
    let ends_with = |line: &str, headline: &str| {
        let line: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
        let headline: Vec<String> = headline.split_whitespace().map(str::to_lowercase).collect();
        line.ends_with(&headline)
    };
    (!headline.is_empty() && ends_with(first, headline)).then_some(lead + first.len())
}

/// What carries from one sentence to the next (rules 3 and 4).
#[derive(Default)]
struct Carry {
    /// The outlet part of the chain of the thread open now.
    thread: Option<Vec<Step>>,
    /// The outlet part of the chain of the report named last, for "the report".
    last_report: Option<Vec<Step>>,
    /// The speakers of the paragraph's last attributed sentence, and the paragraph.
    speaker: Option<(Vec<Step>, usize)>,
    /// The last speaker named, for "he" and "she" (news often opens a paragraph with "He
    /// said"), whatever the paragraph.
    last_named: Option<Step>,
}

impl Carry {
    /// The chain of one sentence (origin first, without the publisher) and the spans of its
    /// own attribution words; updates what carries to the next sentence.
    fn chain_of(
        &mut self,
        text: &str,
        toks: &[Tok],
        paragraph: usize,
        publisher: Option<&Step>,
        names: &Names,
        words: &Words,
    ) -> (Vec<Step>, Vec<Span>) {
        let opener = skip_connectives(toks, words);
        if words.topic_shifts.longest_at(toks, 0).is_some() {
            self.thread = None;
            self.speaker = None;
        }
        if self.speaker.as_ref().is_some_and(|(_, p)| *p != paragraph) {
            self.speaker = None;
        }
        let own = parse::own_attribution(text, toks, names, words);
        if own.steps.is_empty() {
            let anaphoric = toks
                .get(opener)
                .is_some_and(|t| words.anaphora.contains(&t.lower));
            let mut chain = Vec::new();
            if anaphoric && let Some((speakers, _)) = &self.speaker {
                chain.extend(speakers.iter().cloned());
            }
            chain.extend(self.thread.iter().flatten().cloned());
            return (chain, own.spans);
        }
        // Resolve "the report" and "he" against what came before.
        let mut chain: Vec<Step> = Vec::new();
        for step in own.steps {
            match step.role {
                Role::BackRef => match &self.last_report {
                    Some(report) => chain.extend(report.iter().cloned()),
                    None => chain.push(step),
                },
                Role::Pronoun => {
                    // "He", "she": a person named before; "they", "it", "we": the
                    // paragraph's speaker, often unnamed ("Officials said … They added …").
                    let person = matches!(step.name.to_lowercase().as_str(), "he" | "she");
                    let earlier = if person {
                        self.last_named.clone()
                    } else {
                        self.speaker.as_ref().and_then(|(s, _)| s.first()).cloned()
                    };
                    chain.push(match earlier {
                        Some(e) => Step {
                            verb: step.verb,
                            ..e
                        },
                        None => step,
                    });
                }
                _ => chain.push(step),
            }
        }
        let first_outlet = chain
            .iter()
            .position(|s| matches!(s.role, Role::Outlet | Role::BackRef));
        let speakers: Vec<Step> = chain[..first_outlet.unwrap_or(chain.len())].to_vec();
        match first_outlet {
            Some(k) => {
                // A report of another outlet: it opens (or reopens) the thread. The outlet
                // first in the thread "reported" what it tells.
                let mut relays: Vec<Step> = chain[k..].to_vec();
                // The publisher relaying is not a thread of another outlet ("told Reuters"
                // in a Reuters report; "the report cited by Xinhua" keeps Politico's).
                if let Some(publisher) = publisher
                    && relays
                        .last()
                        .is_some_and(|last| same_actor(last, publisher))
                {
                    relays.pop();
                }
                if let Some(first) = relays.first_mut()
                    && first.verb == "cited"
                {
                    first.verb = "reported".into();
                }
                if !relays.is_empty() {
                    self.thread = Some(relays.clone());
                    self.last_report = Some(relays);
                }
            }
            // An unnamed speaker inside a thread is the relaying outlet's source
            // ("Sources familiar with the matter said" in Politico's report); a speaker on
            // the record ("the Kremlin said") is the publisher's own reporting, and ends the
            // thread.
            None if speakers.iter().any(|s| s.role == Role::Named) => self.thread = None,
            None => chain.extend(self.thread.iter().flatten().cloned()),
        }
        if let Some(named) = speakers.iter().find(|s| s.role == Role::Named) {
            self.last_named = Some(named.clone());
        }
        self.speaker = (!speakers.is_empty()).then_some((speakers, paragraph));
        (chain, own.spans)
    }
}

/// The index of the first token after the opening connectives and topic shifts.
fn skip_connectives(toks: &[Tok], words: &Words) -> usize {
    let mut at = 0;
    while let Some(n) = words
        .connectives
        .longest_at(toks, at)
        .or_else(|| words.topic_shifts.longest_at(toks, at))
    {
        at += n;
        if toks.get(at).is_some_and(|t| t.is_punct(',')) {
            at += 1;
        }
    }
    at
}

/// Rule 6.
fn credibility(chain: &[Step], toks: &[Tok], has_publisher: bool, words: &Words) -> u8 {
    let mut grade = match chain.first().map(|s| s.role) {
        None if has_publisher => 3,
        None => 6,
        Some(Role::Named | Role::Pronoun) => {
            if words.attribution_hedges.occurs_in(toks) {
                3
            } else {
                2
            }
        }
        Some(_) => 3,
    };
    if grade < 6 && words.doubts.occurs_in(toks) {
        grade = (grade + 1).min(5);
    }
    grade
}

#[cfg(test)]
mod seed_tests;
#[cfg(test)]
mod tests;
