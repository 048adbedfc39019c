//! The tense of the clause around a date expression, from the verbs near it: "will meet on
//! Friday" is future, "met on Friday" past. Other stages may ask it too ([`clause_tense`]).
//!
//! Every tense cue of the sentence is found once (a modal, "is expected to", "plans to",
//! "has" + participle, a past form, "ago", …; the words are in `assets/intake/dates.ron`),
//! and the cue nearest to the expression decides. Distance counts tokens, and a cue across
//! a comma counts [`COMMA_TOKENS`] more, across a semicolon, colon, dash or bracket
//! [`BOUNDARY_TOKENS`] more, because those usually start another clause. A cue after the
//! expression counts [`AFTER_TOKENS`] more: "said on Friday that … would" is about the
//! saying. A present cue ("is", "says") counts [`PRESENT_TOKENS`] more, so that a verb
//! group with a tense of its own wins over a bare "is" at the same distance.

use super::tokens::{Kind, Token, tokens};
use super::words::{Words, words};
use crate::intake::{Span, Tense};

/// A comma between the cue and the expression: about a short clause's length (8 tokens).
const COMMA_TOKENS: usize = 8;
/// A semicolon, colon, dash or bracket: a clause of its own, twice a comma (16 tokens).
const BOUNDARY_TOKENS: usize = 16;
/// A cue after the expression: slightly less likely its verb than one before (2 tokens).
const AFTER_TOKENS: usize = 2;
/// A present cue: weaker than a tensed verb group (3 tokens).
const PRESENT_TOKENS: usize = 3;
/// A reporting verb ("said", "cited"): it dates the report, not what it tells of, unless
/// the date sits right by it ("said on Friday"): 6 tokens, more than "said on" apart.
const REPORTING_TOKENS: usize = 6;
/// "said on Friday", "told reporters on Friday": within 3 tokens, the date is the saying's.
const REPORTING_NEAR: usize = 3;

/// The tense of the clause of `text` around `at` inside `sentence` (byte spans of `text`):
/// [`Tense::Present`] when no verb near says otherwise.
pub fn clause_tense(text: &str, sentence: Span, at: Span) -> Tense {
    let toks = tokens(text, sentence.start, sentence.end);
    let first = toks
        .iter()
        .position(|t| t.end > at.start)
        .unwrap_or(toks.len());
    let end = toks
        .iter()
        .position(|t| t.start >= at.end)
        .unwrap_or(toks.len())
        .max(first);
    tense_near(&toks, first, end).unwrap_or(Tense::Present)
}

/// The tense of the cue nearest to tokens `first..end` of a sentence, or `None` when the
/// sentence has no cue outside them.
pub(super) fn tense_near(toks: &[Token], first: usize, end: usize) -> Option<Tense> {
    let w = words();
    let mut best: Option<(usize, Tense)> = None;
    let mut i = 0;
    while i < toks.len() {
        if (first..end).contains(&i) {
            i = end;
            continue;
        }
        let Some((tense, len)) = cue_at(w, toks, i) else {
            i += 1;
            continue;
        };
        let len = group_end(w, toks, i + len.max(1)) - i;
        let distance = cost(toks, i, first, end);
        let weak = if tense == Tense::Present {
            PRESENT_TOKENS
        } else if distance > REPORTING_NEAR
            && word(toks, i).is_some_and(|x| w.reporting.contains(x))
        {
            REPORTING_TOKENS
        } else {
            0
        };
        let cost = distance + weak;
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, tense));
        }
        i += len.max(1);
    }
    best.map(|(_, t)| t)
}

/// How far the cue at `i` is from the expression `first..end`, in tokens with the
/// punctuation in between weighed as the module says.
fn cost(toks: &[Token], i: usize, first: usize, end: usize) -> usize {
    let (from, to, after) = if i < first {
        (i + 1, first, false)
    } else {
        (end, i, true)
    };
    let between = toks.get(from..to).unwrap_or(&[]);
    let mut cost = between.len() + 1;
    for t in between {
        if t.kind != Kind::Punct {
            continue;
        }
        if t.is_punct(',') {
            cost += COMMA_TOKENS;
        } else if [';', ':', '—', '–', '(', ')', '"', '“', '”']
            .iter()
            .any(|&c| t.is_punct(c))
        {
            cost += BOUNDARY_TOKENS;
        }
    }
    if after {
        cost += AFTER_TOKENS;
    }
    cost
}

fn word_is(toks: &[Token], i: usize, expected: &str) -> bool {
    word(toks, i) == Some(expected)
}

fn word(toks: &[Token], i: usize) -> Option<&str> {
    toks.get(i)
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.lower.as_str())
}

/// The index of the next word after `i`, skipping "not", "also", "still" and -ly adverbs
/// ("is also expected to", "has not yet met").
fn next_content(toks: &[Token], mut i: usize) -> usize {
    i += 1;
    while let Some(w) = word(toks, i) {
        let skip = matches!(
            w,
            "not" | "also" | "still" | "yet" | "now" | "already" | "n"
        ) || (w.len() > 4 && w.ends_with("ly") && w != "likely" && w != "early");
        // "n't" is three tokens: n, ’, t.
        if w == "n" {
            i += 3;
            continue;
        }
        if !skip {
            break;
        }
        i += 1;
    }
    i
}

/// The end of a verb group whose auxiliary ends before `j`: "will [not] be held", "is to
/// be signed", "has been postponed" are one cue, so that "held" is not read again as past.
fn group_end(w: &Words, toks: &[Token], j: usize) -> usize {
    let mut k = next_content(toks, j.saturating_sub(1));
    if word(toks, k).is_some_and(|x| matches!(x, "be" | "been" | "being" | "have" | "get")) {
        k = next_content(toks, k);
    }
    // "postponed" stays a cue of its own: "was postponed until Friday" points forwards.
    if word(toks, k).is_some_and(|x| is_participle(w, x) && !w.postponed.contains(x)) {
        k += 1;
    }
    k.max(j)
}

fn is_participle(w: &Words, word: &str) -> bool {
    w.past.contains(word) || word == "been" || (word.len() > 3 && word.ends_with("ed"))
}

/// A tense cue starting at token `i`, and how many tokens it takes.
fn cue_at(w: &Words, toks: &[Token], i: usize) -> Option<(Tense, usize)> {
    let word = word(toks, i)?;
    let after_apostrophe = i > 0
        && toks
            .get(i - 1)
            .is_some_and(|t| t.is_punct('\'') || t.is_punct('’'));
    let next = next_content(toks, i);
    let next_word = self::word(toks, next);
    if after_apostrophe {
        // "’ll" is "will"; "’s", "’re", "’ve", "’d" are too ambiguous to read.
        return (word == "ll").then_some((Tense::Future, 1));
    }
    if word == "won"
        && toks
            .get(i + 1)
            .is_some_and(|t| t.is_punct('\'') || t.is_punct('’'))
    {
        return Some((Tense::Future, 3));
    }
    if w.postponed.contains(word) {
        let mut k = next;
        if matches!(self::word(toks, k), Some("back" | "forward")) {
            k += 1;
        }
        if matches!(self::word(toks, k), Some("until" | "to" | "for" | "till")) {
            return Some((Tense::Future, k - i + 1));
        }
    }
    if w.future.contains(word) {
        let hyphen = toks.get(i + 1).is_some_and(|t| t.is_punct('-'));
        return (!hyphen).then_some((Tense::Future, 1));
    }
    if w.modals.contains(word) {
        let tense = if next_word == Some("have") {
            Tense::Past
        } else {
            Tense::Future
        };
        return Some((tense, next - i + 1));
    }
    if w.be.contains(word) {
        return Some(be_cue(w, toks, i, word, next));
    }
    if matches!(word, "set" | "due" | "scheduled" | "slated")
        && matches!(next_word, Some("for" | "to"))
    {
        return Some((Tense::Future, 2));
    }
    if w.intend.contains(word) && next_word == Some("to") {
        return Some((Tense::Future, next - i + 1));
    }
    if w.perfect.contains(word) && word != "ve" && word != "d" {
        if next_word.is_some_and(|n| is_participle(w, n)) {
            return Some((Tense::Past, next - i + 1));
        }
        return Some((
            if word == "had" {
                Tense::Past
            } else {
                Tense::Present
            },
            1,
        ));
    }
    if w.past_markers.contains(word) {
        let hyphen = toks.get(i + 1).is_some_and(|t| t.is_punct('-'));
        return (!hyphen).then_some((Tense::Past, 1));
    }
    if w.past.contains(word) || is_ed_verb(w, toks, i, word) {
        return Some((Tense::Past, 1));
    }
    if w.present.contains(word) {
        return Some((Tense::Present, 1));
    }
    None
}

/// "is expected to", "are to meet", "to be held" (future); "was", "were" (past); "is" (present).
fn be_cue(w: &Words, toks: &[Token], i: usize, word: &str, next: usize) -> (Tense, usize) {
    let next_word = self::word(toks, next);
    let after = self::word(toks, next + 1);
    if next_word.is_some_and(|n| w.be_going.contains(n)) && after == Some("to") {
        return (Tense::Future, next - i + 2);
    }
    // "is expected in two weeks", "was due on Friday": a plan, read forwards.
    if next_word.is_some_and(|n| {
        matches!(
            n,
            "expected" | "due" | "scheduled" | "set" | "slated" | "planned"
        )
    }) {
        return (Tense::Future, next - i + 1);
    }
    if next_word == Some("to") && word != "been" {
        return (Tense::Future, next - i + 1);
    }
    if word == "be" && i > 0 && self::word(toks, i - 1) == Some("to") {
        return (Tense::Future, 1);
    }
    match word {
        "was" | "were" | "been" => (Tense::Past, 1),
        "is" | "are" | "am" => {
            // Passive present ("is held") and progressive ("is meeting") stay present.
            (Tense::Present, next - i + usize::from(next_word.is_some()))
        }
        _ => (Tense::Present, 1),
    }
}

/// A regular past form: "-ed", not a known adjective, not after a determiner ("the
/// proposed plan") and not a capitalised name inside the sentence ("United").
fn is_ed_verb(w: &Words, toks: &[Token], i: usize, word: &str) -> bool {
    if word.len() < 5 || !word.ends_with("ed") || w.not_past.contains(word) {
        return false;
    }
    if i > 0 && toks.get(i).is_some_and(|t| t.capital) {
        return false;
    }
    // "the report cited by Xinhua": a participle of a noun, not the clause's verb.
    if word_is(toks, i + 1, "by") {
        return false;
    }
    let before = i.checked_sub(1).and_then(|j| self::word(toks, j));
    !before.is_some_and(|b| {
        matches!(
            b,
            "the"
                | "a"
                | "an"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "this"
                | "that"
                | "these"
                | "those"
                | "of"
                | "for"
                | "with"
                | "newly"
                | "recently"
                | "much"
                | "long"
                | "well"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(sentence: &str, expression: &str) -> Tense {
        let at = sentence.find(expression).unwrap_or(0);
        clause_tense(
            sentence,
            Span::new(0, sentence.len()),
            Span::new(at, at + expression.len()),
        )
    }

    #[test]
    fn verbs_near_the_expression_decide() {
        let cases = [
            ("The ministers met on Friday.", Tense::Past),
            ("The ministers will meet on Friday.", Tense::Future),
            ("Talks are expected to resume on Friday.", Tense::Future),
            ("Talks are set to resume on Friday.", Tense::Future),
            ("The summit is to be held on Friday.", Tense::Future),
            ("He plans to travel on Friday.", Tense::Future),
            ("The sides have agreed on Friday to a truce.", Tense::Past),
            ("They could have met on Friday.", Tense::Past),
            (
                "Officials said on Friday that talks would go on.",
                Tense::Past,
            ),
            (
                "Officials said the talks would resume on Friday.",
                Tense::Future,
            ),
            ("On Friday, the two leaders spoke by phone.", Tense::Past),
            (
                "On Friday, the two leaders will speak by phone.",
                Tense::Future,
            ),
            ("The talks on Friday.", Tense::Present),
            ("Talks won't start before Friday.", Tense::Future),
            ("The talks were postponed to Friday.", Tense::Future),
            ("A vote is expected on Friday.", Tense::Future),
            ("Officials expect a decision on Friday.", Tense::Future),
            ("The meeting was postponed until Friday.", Tense::Future),
            ("The vote has been pushed back to Friday.", Tense::Future),
            ("The meeting was postponed on Friday.", Tense::Past),
            ("Ukraine is seeking guarantees on Friday.", Tense::Present),
            ("The summit will be held on Friday.", Tense::Future),
            ("The summit has been postponed until Friday.", Tense::Future),
            ("The summit has been held on Friday.", Tense::Past),
            (
                "He is expected to meet them in the United States on Friday, according to the report cited by Xinhua.",
                Tense::Future,
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(tense_of(sentence, "Friday"), expected, "{sentence}");
        }
    }

    #[test]
    fn adjectives_in_ed_and_hyphenated_last_are_no_cue() {
        assert_eq!(
            tense_of(
                "The United States and the renewed talks on Friday.",
                "Friday"
            ),
            Tense::Present
        );
        assert_eq!(
            tense_of("Subject to last-minute changes, talks on Friday.", "Friday"),
            Tense::Present
        );
    }

    #[test]
    fn spans_outside_the_sentence_are_no_panic() {
        let text = "They met on Friday.";
        assert_eq!(
            clause_tense(text, Span::new(0, 99), Span::new(50, 60)),
            Tense::Present
        );
        assert_eq!(
            clause_tense(text, Span::new(0, text.len()), Span::new(50, 60)),
            Tense::Past
        );
    }
}
