//! Positions: who holds which stance on which issue, from the stance verbs ("is seeking",
//! "has been reluctant", "could consider", "rejected") with their conditions.
//!
//! A sentence is read clause by clause around each stance phrase of
//! `assets/intake/positions.ron`:
//! - the **holder** is the clause's subject: the words between the clause's start (the
//!   sentence's, a comma's, or a "that") and the stance phrase. When the "that" follows a
//!   speech verb and the speaker is a person ("Zelenskyy has indicated that Kyiv could
//!   consider"), the speaker holds the position; a capital stands for its state
//!   ("Washington"), a surname for the full name the report used before ("Zelensky");
//! - the **issue** is the one of the word lists whose words come first in the stance's
//!   object; a relative clause ("commitments that Washington has been reluctant to extend")
//!   without issue words of its own takes the issue of the sentence's previous position;
//! - the **stance** is the phrase's; "could consider" followed by a condition ("in exchange
//!   for", ", should", "if") is conditional;
//! - the **conditions** run from the condition's first word to the sentence's end, without a
//!   trailing attribution (", according to …").
//!
//! An author supports what they prepared ("a 20-point draft peace plan prepared by the
//! United States"). A negated stance ("has not rejected") proposes nothing.

mod holder;
mod issue;
mod rules;

use crate::model::{Project, Stance};

use super::{Article, ClaimProposal, PositionProposal, Span};
pub(crate) use holder::close_spelling;
use holder::{Named, holder_name, resolve};
use rules::{Rules, find_phrase, rules};

/// The positions of `article`, in text order.
pub fn find_positions(
    article: &Article,
    sentences: &[Span],
    claims: &[ClaimProposal],
    project: &Project,
) -> Vec<PositionProposal> {
    let rules = rules();
    let as_of = article.published.to_string();
    let mut out: Vec<PositionProposal> = Vec::new();
    for (index, &span) in sentences.iter().enumerate() {
        let (Some(text), Some(before)) = (
            article.text.get(span.start..span.end),
            article.text.get(..span.start),
        ) else {
            continue;
        };
        let lower = text.to_ascii_lowercase();
        let sentence = Sentence {
            text,
            lower: &lower,
            offset: span.start,
            before,
        };
        let cited: Vec<usize> = claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.sentence == index)
            .map(|(i, _)| i)
            .collect();
        let first = out.len();
        let mut found = Vec::new();
        for m in stance_matches(&lower, rules) {
            let previous = found.last().or_else(|| out[first..].last());
            if let Some(p) = read_stance(&sentence, &m, previous, project, rules) {
                found.push(p);
            }
        }
        found.extend(authorship(&sentence, project, rules));
        for mut p in found {
            let duplicate = out[first..].iter().any(|q| {
                q.holder.name == p.holder.name
                    && q.issue.name == p.issue.name
                    && q.stance == p.stance
            });
            if !duplicate {
                p.as_of.clone_from(&as_of);
                p.claims.clone_from(&cited);
                out.push(p);
            }
        }
    }
    out
}

/// A name without the titles and openers before it ("President Donald Trump" → "Donald
/// Trump"), for the accept stage's memberships.
pub(crate) fn name_without_title(text: &str) -> Option<String> {
    holder_name(text, rules()).map(|n| n.name)
}

/// One sentence of the article, with its ASCII-lowercased copy (same byte offsets).
struct Sentence<'a> {
    text: &'a str,
    lower: &'a str,
    /// The sentence's start in the article's text.
    offset: usize,
    /// The article's text before the sentence (for full names given earlier).
    before: &'a str,
}

impl Sentence<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.offset + start, self.offset + end)
    }
}

#[derive(Debug)]
struct StanceMatch {
    start: usize,
    end: usize,
    stance: Stance,
    conditional_with_condition: bool,
}

/// The stance phrases of a sentence, longest first at each place, not overlapping, each
/// with the auxiliaries before it ("has so far been reluctant"); negated ones left out.
fn stance_matches(lower: &str, rules: &Rules) -> Vec<StanceMatch> {
    let mut all = Vec::new();
    for group in &rules.stances {
        for phrase in &group.phrases {
            for (start, end) in find_phrase(lower, phrase) {
                all.push(StanceMatch {
                    start,
                    end,
                    stance: group.stance,
                    conditional_with_condition: group.conditional_with_condition,
                });
            }
        }
    }
    all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<StanceMatch> = Vec::new();
    for mut m in all {
        if out.last().is_some_and(|last| m.start < last.end) {
            continue;
        }
        let mut negated = false;
        while let Some((start, word)) = word_before(lower, m.start) {
            if rules.auxiliaries.iter().any(|a| a == word) {
                m.start = start;
                continue;
            }
            let two = word_before(lower, start).map(|(s, _)| &lower[s..m.start]);
            negated = rules
                .negations
                .iter()
                .any(|n| n == word || two.is_some_and(|t| t.trim() == n));
            break;
        }
        if !negated {
            out.push(m);
        }
    }
    out
}

/// The word that ends just before `pos` (white space between), with its start.
fn word_before(lower: &str, pos: usize) -> Option<(usize, &str)> {
    let head = lower.get(..pos)?;
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() == head.len() && !head.is_empty() {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &trimmed[start..];
    (!word.is_empty()).then_some((start, word))
}

/// Where the clause of a stance begins.
enum ClauseStart {
    /// At the sentence's start or after a comma: the byte where the subject begins.
    Plain(usize),
    /// After "that" (`that` is the byte of the word "that"; `subject` after it).
    That { that: usize, subject: usize },
}

fn clause_start(lower: &str, before: usize) -> ClauseStart {
    let head = &lower[..before];
    let comma = head.rfind(", ").map_or(0, |i| i + 2);
    match head.rfind(" that ") {
        Some(i) if i + 1 >= comma => ClauseStart::That {
            that: i + 1,
            subject: i + 6,
        },
        _ => ClauseStart::Plain(comma),
    }
}

fn read_stance(
    s: &Sentence<'_>,
    m: &StanceMatch,
    previous: Option<&PositionProposal>,
    project: &Project,
    rules: &Rules,
) -> Option<PositionProposal> {
    let (subject_start, that) = match clause_start(s.lower, m.start) {
        ClauseStart::Plain(start) => (start, None),
        ClauseStart::That { that, subject } => (subject, Some(that)),
    };
    let named = holder_name(&s.text[subject_start..m.start], rules)?;
    let mut holder = resolve_at(s, subject_start, &named, project, rules);
    // Before "that": a speech verb and its speaker, or the antecedent of a relative clause.
    let mut summary_start = skip_openers(s.lower, subject_start, rules);
    let mut antecedent = None;
    if let Some(that) = that {
        let head = s.lower[..that].trim_end();
        let speech = rules
            .speech
            .iter()
            .filter_map(|v| {
                find_phrase(head, v)
                    .into_iter()
                    .find(|&(_, e)| e == head.len())
            })
            .min_by_key(|&(start, _)| start);
        if let Some((speech_start, _)) = speech {
            let from = head[..speech_start].rfind(", ").map_or(0, |i| i + 2);
            let speaker = holder_name(&s.text[from..speech_start], rules)
                .map(|n| resolve_at(s, from, &n, project, rules));
            if let Some(speaker) = speaker
                && speaker.kind == crate::model::ActorKind::Person
            {
                holder = speaker;
            }
        } else {
            let from = head.rfind(", ").map_or(0, |i| i + 2);
            antecedent = Some((from, that));
            summary_start = from;
        }
    }
    let parts = clause_parts(s, m, rules);
    let object_lower = &s.lower[m.end..parts.object_end];
    let antecedent_lower = antecedent.map_or("", |(a, b)| &s.lower[a..b]);
    let issue = issue::issue_of(
        object_lower,
        antecedent_lower,
        previous.map(|p| &p.issue),
        &s.text[m.end..parts.object_end],
        project,
        rules,
    )?;
    let stance = if m.conditional_with_condition && parts.conditional {
        Stance::Conditional
    } else {
        m.stance
    };
    Some(PositionProposal {
        holder,
        issue,
        stance,
        stance_words: s.span(m.start, m.end),
        summary: sentence_case(
            s.text
                .get(summary_start.min(m.start)..parts.object_end)
                .unwrap_or(""),
        ),
        conditions: parts
            .conditions
            .and_then(|(a, b)| s.text.get(a..b))
            .map(sentence_case),
        as_of: String::new(),
        claims: Vec::new(),
    })
}

fn resolve_at(
    s: &Sentence<'_>,
    subject_start: usize,
    named: &Named,
    project: &Project,
    rules: &Rules,
) -> crate::intake::ActorRef {
    let start = subject_start + named.start;
    let span = s.span(start, start + named.name.len());
    let text_before = format!("{}{}", s.before, &s.text[..start]);
    resolve(named, span, &text_before, project, rules)
}

fn skip_openers(lower: &str, mut start: usize, rules: &Rules) -> usize {
    loop {
        let rest = &lower[start..];
        let trimmed = rest.trim_start_matches([' ', ',']);
        let at = start + rest.len() - trimmed.len();
        match rules.openers.iter().find(|o| {
            trimmed.starts_with(o.as_str())
                && trimmed[o.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        }) {
            Some(o) => start = at + o.len(),
            None => return at,
        }
    }
}

/// Where a stance's object ends, and its conditions.
struct ClauseParts {
    object_end: usize,
    /// Byte range of the conditions in the sentence.
    conditions: Option<(usize, usize)>,
    /// A condition that makes "could consider" conditional.
    conditional: bool,
}

fn clause_parts(s: &Sentence<'_>, m: &StanceMatch, rules: &Rules) -> ClauseParts {
    let end = content_end(s.lower);
    let after = m.end.min(end);
    let clause_end = s.lower[after..end].find(", ").map_or(end, |k| after + k);
    let condition = rules
        .conditions
        .iter()
        .filter_map(|c| {
            find_phrase(s.lower, &c.words)
                .into_iter()
                .find(|&(start, _)| start >= after && start < end)
                .map(|(start, _)| (start, c.conditional))
        })
        .min_by_key(|&(start, _)| start);
    let tail = attribution_tail(s.lower, after, end);
    match condition {
        Some((start, conditional)) if start <= clause_end + 2 && start < tail => {
            let from = s.lower[start..]
                .find(|c: char| c.is_alphanumeric())
                .map_or(start, |k| start + k);
            ClauseParts {
                object_end: trim_end_at(s.lower, after, start.min(clause_end)),
                conditions: Some((from, tail)),
                conditional,
            }
        }
        _ => ClauseParts {
            object_end: trim_end_at(s.lower, after, clause_end.min(tail)),
            conditions: None,
            conditional: false,
        },
    }
}

/// The sentence's end without its closing stop and quotes.
fn content_end(lower: &str) -> usize {
    lower
        .trim_end_matches(['.', '!', '?', '"', '\'', '’', '”', ' '])
        .len()
}

/// Where a trailing attribution begins (", according to …", ", officials said"), or `end`.
fn attribution_tail(lower: &str, from: usize, end: usize) -> usize {
    if let Some(i) = lower[from..end].rfind(", according to") {
        return from + i;
    }
    if let Some(i) = lower[from..end].rfind(", ") {
        let last = &lower[from + i..end];
        let verbs = [" said", " says", " told reporters", " reported"];
        if verbs.iter().any(|v| last.ends_with(v)) && last.split_whitespace().count() <= 6 {
            return from + i;
        }
    }
    end
}

fn trim_end_at(lower: &str, from: usize, to: usize) -> usize {
    from + lower[from..to].trim_end_matches([' ', ',']).len()
}

/// First letter upper case, a full stop at the end.
fn sentence_case(text: &str) -> String {
    let text = text.trim().trim_end_matches([',', ';', ':']);
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.is_empty() && !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// "a 20-point draft peace plan prepared by the United States": the author supports it.
fn authorship(s: &Sentence<'_>, project: &Project, rules: &Rules) -> Vec<PositionProposal> {
    let mut out = Vec::new();
    for phrase in &rules.authorship {
        for (start, end) in find_phrase(s.lower, phrase) {
            let Some((agent_start, agent)) = agent_after(s.text, end) else {
                continue;
            };
            let Some((phrase_start, words)) = noun_phrase_before(s.lower, start, rules) else {
                continue;
            };
            let named = Named {
                name: agent.to_owned(),
                start: 0,
                titled: false,
            };
            let holder = resolve_at(s, agent_start, &named, project, rules);
            let issue = issue::issue_of_phrase(&s.text[words.0..words.1], project, rules);
            out.push(PositionProposal {
                holder,
                issue,
                stance: Stance::Support,
                stance_words: s.span(start, end),
                summary: sentence_case(&s.text[phrase_start..agent_start + agent.len()]),
                conditions: None,
                as_of: String::new(),
                claims: Vec::new(),
            });
        }
    }
    out
}

/// The capitalised name after "by" ("the United States"), with where it starts.
fn agent_after(text: &str, from: usize) -> Option<(usize, &str)> {
    let rest = text.get(from..)?;
    let mut start = from + rest.len() - rest.trim_start().len();
    for article in ["the ", "The "] {
        if text[start..].starts_with(article) {
            start += article.len();
        }
    }
    let mut end = start;
    let mut offset = start;
    for word in text[start..].split(' ') {
        let clean = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !clean.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        end = offset + clean.len();
        if clean.len() != word.len() {
            break;
        }
        offset += word.len() + 1;
    }
    let agent = text[start..end].trim_end();
    (!agent.is_empty()).then_some((start, agent))
}

/// The noun phrase ending before `end`: back to a determiner, a comma or the sentence's
/// start. Returns the determiner's start (for the summary) and the phrase's own range.
fn noun_phrase_before(lower: &str, end: usize, rules: &Rules) -> Option<(usize, (usize, usize))> {
    let phrase_end = lower[..end].trim_end().len();
    let mut start = phrase_end;
    let mut pos = end;
    while let Some((word_start, word)) = word_before(lower, pos) {
        if rules.determiners.iter().any(|d| d == word) {
            let words = (start, phrase_end);
            return (start < phrase_end).then_some((word_start, words));
        }
        start = word_start;
        if word_start == 0 || lower[..word_start].ends_with(", ") {
            break;
        }
        pos = word_start;
    }
    (start < phrase_end).then_some((start, (start, phrase_end)))
}

#[cfg(test)]
mod tests;
