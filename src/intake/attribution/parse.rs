//! One sentence's own attribution: "according to …", "X said/told/reported …", ", citing …",
//! "… cited by …", read with plain scans over the sentence's tokens.

use super::super::Span;
use super::names::{Names, Role, Step, classify};
use super::tokens::{Tok, span_of};
use super::words::Words;

/// What a sentence says of its own sources.
#[derive(Debug, Default, PartialEq)]
pub struct Own {
    /// Origin first; empty when the sentence names no source.
    pub steps: Vec<Step>,
    /// The words that name the sources and their verbs.
    pub spans: Vec<Span>,
}

/// Longest subject read back from a verb; a longer run is a clause, not a speaker.
const MAX_SUBJECT_WORDS: usize = 12;

/// Punctuation that ends a source phrase read forwards ("according to X, …").
fn ends_phrase(t: &Tok) -> bool {
    !t.is_word
}

/// Reads the attribution of one sentence.
pub fn own_attribution(text: &str, toks: &[Tok], names: &Names, words: &Words) -> Own {
    let mut own = Own::default();
    // "according to X": taken first, so that the verbs inside X are not read as the
    // sentence's own ("according to a report cited by …").
    let mut according: Vec<Step> = Vec::new();
    let mut according_range = None;
    for i in 0..toks.len().saturating_sub(2) {
        if toks[i].quoted || !(toks[i].is("according") && toks[i + 1].is("to")) {
            continue;
        }
        let end = phrase_end(toks, i + 2, words);
        according = source_phrase(text, &toks[i + 2..end], names, words);
        if !according.is_empty() {
            own.spans.extend(span_of(&toks[i..end]));
            according_range = Some(i..end);
            break;
        }
    }
    let outside = |k: usize| according_range.as_ref().is_none_or(|r| !r.contains(&k));
    let mut speaker: Vec<Step> = Vec::new();
    for v in 0..toks.len() {
        if !outside(v) || toks[v].quoted || !toks[v].is_word {
            continue;
        }
        if toks[v].is("quoted")
            && let Some(found) = quoted_as_saying(text, toks, v, names, words)
        {
            speaker = found.steps;
            own.spans.extend(found.spans);
            break;
        }
        // A capitalised verb inside a sentence is part of a name ("the United States").
        if toks[v].capital || !words.reporting_verbs.contains(&toks[v].lower) {
            continue;
        }
        if let Some(found) = subject_verb(text, toks, v, names, words) {
            speaker = found.steps;
            own.spans.extend(found.spans);
            break;
        }
    }
    own.steps = speaker;
    own.steps.extend(according);
    own.spans = merged(text, own.spans);
    own
}

/// Sorted, with spans apart only by white space joined ("Sources familiar with the matter"
/// and "said" highlight as one).
fn merged(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        if let Some(last) = out.last_mut()
            && (span.start <= last.end
                || text
                    .get(last.end..span.start)
                    .is_some_and(|gap| gap.trim().is_empty()))
        {
            last.end = last.end.max(span.end);
            continue;
        }
        out.push(span);
    }
    out
}

/// Where a source phrase read forwards from `from` ends: at punctuation, at a clause word
/// ("that", "who"), or at the sentence's end.
fn phrase_end(toks: &[Tok], from: usize, words: &Words) -> usize {
    let mut k = from;
    while k < toks.len() && !ends_phrase(&toks[k]) {
        let w = toks[k].lower.as_str();
        if k > from
            && (matches!(w, "that" | "who" | "which" | "on" | "as" | "when" | "while")
                || words.reporting_verbs.contains(w))
        {
            break;
        }
        k += 1;
    }
    k
}

/// The steps of a source phrase ("a report by US media outlet Politico", "a White House
/// official cited by the Miami Herald", "the report cited by Xinhua"), origin first.
pub fn source_phrase(text: &str, toks: &[Tok], names: &Names, words: &Words) -> Vec<Step> {
    let relay = (0..toks.len()).find(|&k| {
        k > 0
            && matches!(toks[k].lower.as_str(), "cited" | "quoted" | "relayed")
            && toks.get(k + 1).is_some_and(|t| t.is("by"))
    });
    if let Some(k) = relay {
        let mut steps = report_or_source(text, &toks[..k], "said", names, words);
        if let Some(step) = classify(text, &toks[k + 2..], "cited", true, names, words) {
            steps.push(step);
        }
        return steps;
    }
    report_or_source(text, toks, "said", names, words)
}

/// "a report by X" (X reported), "the report" (the report named last), or a speaker or
/// outlet by name (with `verb`, or "reported" for an outlet).
fn report_or_source(
    text: &str,
    toks: &[Tok],
    verb: &str,
    names: &Names,
    words: &Words,
) -> Vec<Step> {
    let mut at = 0;
    let definite = toks
        .first()
        .is_some_and(|t| t.is("the") || t.is("that") || t.is("this"));
    while at < toks.len()
        && matches!(
            toks[at].lower.as_str(),
            "a" | "an" | "the" | "that" | "this"
        )
    {
        at += 1;
    }
    // "a statement from the Kremlin": the Kremlin said in a statement.
    if toks.get(at).is_some_and(|t| t.is("statement"))
        && toks
            .get(at + 1)
            .is_some_and(|t| t.is("by") || t.is("from") || t.is("of"))
    {
        return classify(
            text,
            &toks[at + 2..],
            "said in a statement",
            false,
            names,
            words,
        )
        .into_iter()
        .collect();
    }
    // "a Politico report", "the Axios report": the outlet before the noun.
    let noun = (at..toks.len().min(at + 4)).find(|&k| words.report_nouns.contains(&toks[k].lower));
    if let Some(n) = noun {
        let by = toks
            .get(n + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "by" | "from" | "in" | "of" | "on"));
        let named = if by { &toks[n + 2..] } else { &toks[at..n] };
        if named.is_empty() {
            let step = if definite {
                Step {
                    name: "the report".into(),
                    verb: "reported".into(),
                    actor: None,
                    role: Role::BackRef,
                }
            } else {
                Step {
                    name: "a report".into(),
                    verb: "reported".into(),
                    actor: None,
                    role: Role::Outlet,
                }
            };
            return vec![step];
        }
        return classify(text, named, "reported", true, names, words)
            .into_iter()
            .collect();
    }
    match classify(text, toks, verb, false, names, words) {
        Some(mut step) => {
            if step.role == Role::Outlet && verb == "said" {
                step.verb = "reported".into();
            }
            vec![step]
        }
        None => Vec::new(),
    }
}

/// "TASS quoted Deputy Foreign Minister Sergei Ryabkov as saying …": the person said, the
/// subject reported.
fn quoted_as_saying(
    text: &str,
    toks: &[Tok],
    v: usize,
    names: &Names,
    words: &Words,
) -> Option<Found> {
    let as_at = (v + 1..toks.len().min(v + 2 + MAX_SUBJECT_WORDS)).find(|&k| {
        toks[k].is("as")
            && toks
                .get(k + 1)
                .is_some_and(|t| t.is("saying") || t.is("telling"))
    })?;
    let object = &toks[v + 1..as_at];
    if object.is_empty() || object.iter().any(|t| !t.is_word) {
        return None;
    }
    let subject = subject_before(toks, v, words);
    let subject_toks = &toks[subject];
    if !plausible_subject(subject_toks, words) {
        return None;
    }
    let speaker = classify(text, object, "said", false, names, words)?;
    let relay = classify(text, subject_toks, "reported", false, names, words)?;
    let mut spans = Vec::new();
    spans.extend(span_of(subject_toks));
    spans.extend(span_of(&toks[v..as_at + 2]));
    Some(Found {
        steps: vec![
            speaker,
            Step {
                verb: "reported".into(),
                ..relay
            },
        ],
        spans,
    })
}

struct Found {
    steps: Vec<Step>,
    spans: Vec<Span>,
}

fn is_boundary(toks: &[Tok], k: usize, words: &Words) -> bool {
    let t = &toks[k];
    if !t.is_word || t.quoted {
        return true;
    }
    if t.is("and") {
        // "US and Ukrainian officials", "Witkoff and Kushner": one subject.
        let around = k > 0 && toks[k - 1].capital && toks.get(k + 1).is_some_and(|n| n.capital);
        return !around;
    }
    words.clause_boundaries.contains(&t.lower)
}

/// The subject read backwards from before `end`: up to a boundary, without a leading
/// connective or topic shift ("Meanwhile, …" stops at the comma anyway).
fn subject_before(toks: &[Tok], end: usize, words: &Words) -> std::ops::Range<usize> {
    let mut start = end;
    while start > 0 && !is_boundary(toks, start - 1, words) {
        start -= 1;
    }
    while start < end {
        let skip = words
            .connectives
            .longest_at(&toks[..end], start)
            .or_else(|| words.topic_shifts.longest_at(&toks[..end], start));
        match skip {
            Some(n) if start + n < end => start += n,
            _ => break,
        }
    }
    start..end
}

/// Is this run of words a plausible speaker: short, and naming someone (a capitalised word,
/// an unnamed speaker's head, a pronoun, or "the report")?
fn plausible_subject(toks: &[Tok], words: &Words) -> bool {
    // A possessive before the verb makes it an adjective ("Trump's reported remarks").
    if toks.is_empty()
        || toks.len() > MAX_SUBJECT_WORDS
        || toks.last().is_some_and(|t| t.lower.ends_with("'s"))
    {
        return false;
    }
    let only = toks.len() == 1;
    toks.iter().enumerate().any(|(k, t)| {
        (t.capital && !(k == 0 && words.anaphora.contains(&t.lower)))
            || words.anonymous_heads.contains(&t.lower)
            || words.report_nouns.contains(&t.lower)
            || (only && matches!(t.lower.as_str(), "he" | "she" | "it" | "they" | "we"))
            || (k > 0 && matches!(t.lower.as_str(), "outlet" | "agency" | "newspaper"))
    })
}

/// "S [has] [also] said/told/reported …" at verb `v`, with ", citing X" before or after.
fn subject_verb(text: &str, toks: &[Tok], v: usize, names: &Names, words: &Words) -> Option<Found> {
    // "is said to", "was reported by": a passive is a hedge, not an attribution.
    if v > 0
        && matches!(
            toks[v - 1].lower.as_str(),
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        )
    {
        return None;
    }
    if toks.get(v + 1).is_some_and(|t| t.is("by")) {
        return None;
    }
    // Auxiliaries stay in the verb ("has indicated"); adverbs go ("has also stated").
    let mut verb_start = v;
    let mut aux: Vec<&str> = Vec::new();
    while verb_start > 0 {
        let t = &toks[verb_start - 1];
        if !t.is_word || t.quoted {
            break;
        }
        if words.auxiliaries.contains(&t.lower) {
            aux.push(&t.lower);
        } else if !words.adverbs.contains(&t.lower) {
            break;
        }
        verb_start -= 1;
    }
    aux.reverse();
    let mut verb = aux.join(" ");
    if !verb.is_empty() {
        verb.push(' ');
    }
    verb.push_str(&toks[v].lower);
    let mut spans = Vec::new();
    let mut verb_end = v + 1;
    // "told reporters", "said in a statement": the audience or channel stays in the verb.
    let extra = if matches!(toks[v].lower.as_str(), "told" | "tells" | "tell") {
        words.audiences.longest_at(toks, v + 1)
    } else {
        words.channels.longest_at(toks, v + 1)
    };
    if let Some(n) = extra {
        for t in &toks[v + 1..v + 1 + n] {
            verb.push(' ');
            verb.push_str(&t.lower);
        }
        verb_end += n;
    }
    // "told Reuters": the outlet the speaker told relays it.
    let mut told_outlet = None;
    if extra.is_none() && matches!(toks[v].lower.as_str(), "told" | "tells") {
        // The object: "the" and a run of capitalised words ("the BBC", "Reuters").
        let mut end = v + 1;
        if toks.get(end).is_some_and(|t| t.is("the")) {
            end += 1;
        }
        while toks.get(end).is_some_and(|t| t.is_word && t.capital) {
            end += 1;
        }
        let object = &toks[v + 1..end];
        if let Some(step) = classify(text, object, "reported", false, names, words)
            .filter(|s| s.role == Role::Outlet && object.iter().any(|t| t.capital))
        {
            spans.extend(span_of(object));
            told_outlet = Some(step);
        }
    }
    // ", citing X" after the verb, or at the end of what an outlet reported ("Axios
    // reported that …, citing two officials").
    let mut cited: Vec<Step> = Vec::new();
    let citing_later = (verb_end..toks.len()).find(|&k| {
        !toks[k].quoted && toks[k].is_punct(',') && toks.get(k + 1).is_some_and(|t| t.is("citing"))
    });
    let verb_end_for_citing = match citing_later {
        Some(k) if words.outlet_verbs.contains(&toks[v].lower) => k,
        _ => verb_end,
    };
    let c = verb_end_for_citing;
    if toks.get(c).is_some_and(|t| t.is_punct(','))
        && toks.get(c + 1).is_some_and(|t| t.is("citing"))
    {
        let end = phrase_end(toks, c + 2, words);
        cited = source_phrase(text, &toks[c + 2..end], names, words);
        spans.extend(span_of(&toks[c + 1..end]));
    }
    // The subject: before the verb, walking back over ", citing X," and appositions
    // (", a special envoy of …,"); else after it, when the verb follows a quote or a comma
    // ("…,” said Peskov).
    let mut subject = subject_before(toks, verb_start, words);
    let mut guard = 0;
    while subject.is_empty()
        && subject.start > 0
        && toks[subject.start - 1].is_punct(',')
        && guard < 4
    {
        guard += 1;
        let comma = subject.start - 1;
        let mut seg = comma;
        while seg > 0 && toks[seg - 1].is_word && !toks[seg - 1].quoted {
            seg -= 1;
        }
        let segment = &toks[seg..comma];
        let Some(first) = segment.first() else { break };
        if first.is("citing") {
            cited = source_phrase(text, &segment[1..], names, words);
            spans.extend(span_of(segment));
        } else if first.capital {
            subject = subject_before(toks, comma, words);
            break;
        }
        subject = seg..seg;
    }
    // Inverted: "…,” said Peskov", ", said the official": only verbs of speech, and the
    // subject opens with a name or an article, not a preposition ("announced on Monday").
    let follows_punct = verb_start > 0 && !toks[verb_start - 1].is_word;
    let inverts = matches!(toks[v].lower.as_str(), "said" | "says" | "added" | "wrote");
    let opens_name = toks.get(verb_end).is_some_and(|t| {
        t.is_word && (t.capital || matches!(t.lower.as_str(), "the" | "a" | "an"))
    });
    if follows_punct && inverts && opens_name && !plausible_subject(&toks[subject.clone()], words) {
        let end = phrase_end(toks, verb_end, words);
        subject = verb_end..end;
    }
    let subject_toks = &toks[subject.clone()];
    if !plausible_subject(subject_toks, words) {
        return None;
    }
    let as_outlet = words.outlet_verbs.contains(&toks[v].lower);
    let mut step = classify(text, subject_toks, &verb, as_outlet, names, words)?;
    if step.role == Role::Outlet && !as_outlet && !toks[v].lower.starts_with("told") {
        // "the agency said": an outlet speaking is a report.
        step.verb = verb.replace("said", "reported");
    }
    // "Xinhua, citing a report by Politico, said": the subject relays a report.
    if cited
        .iter()
        .any(|s| matches!(s.role, Role::Outlet | Role::BackRef))
        && !as_outlet
    {
        step.verb = "cited".into();
    }
    spans.extend(span_of(subject_toks));
    spans.extend(span_of(&toks[verb_start..verb_end]));
    let mut steps = cited;
    steps.push(step);
    steps.extend(told_outlet);
    Some(Found { steps, spans })
}

/// The hedges of a sentence: each longest match, left to right, without overlaps.
pub fn hedge_spans(toks: &[Tok], words: &Words) -> Vec<Span> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if let Some(n) = words.hedges.longest_at(toks, k) {
            out.extend(span_of(&toks[k..k + n]));
            k += n;
        } else {
            k += 1;
        }
    }
    out
}
