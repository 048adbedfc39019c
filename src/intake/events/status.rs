//! A happening's status from its verb and the hedges around it.
//!
//! The status words (`status_words` in `assets/intake/events.ron`) are looked for in the
//! clause up to [`WORDS_BEFORE`] words before the trigger and [`WORDS_AFTER`] words after
//! it; a happening's end ("was postponed", "were called off", "took place") is also found
//! further on in the clause ("Talks between Armenia and Azerbaijan planned for Friday have
//! been postponed"). The strongest found wins: cancelled, postponed, held, expected,
//! confirmed, planned ("the Kremlin confirmed the summit will take place" is confirmed). Without status words, the trigger's own tense and the date
//! decide: a past form ("met", "held talks") or a date that ended before the publication
//! day is held; an unhedged present or base form with a future date ("EU leaders meet in
//! Brussels on Thursday") is confirmed, the report stating it as fact; a bare noun with a
//! future date ("ahead of talks this weekend") is expected; nothing dated is unknown.

use crate::intake::Span;
use crate::model::{DateSpec, EventStatus, TimeSecs};

use super::lexicon::{Form, FormTense, Words};
use super::tokens::Token;

/// Hedges sit just before the verb ("is also expected to meet"): six words cover the
/// longest listed phrase (three words) with two adverbs and an auxiliary.
const WORDS_BEFORE: usize = 6;
/// "The talks were called off": the status verb follows a noun within four words.
const WORDS_AFTER: usize = 4;

/// How strong a status word is when several apply: a cancellation beats a hedge.
fn rank(status: EventStatus) -> u8 {
    match status {
        EventStatus::Cancelled => 6,
        EventStatus::Postponed => 5,
        EventStatus::Held => 4,
        EventStatus::Expected => 3,
        EventStatus::Confirmed => 2,
        EventStatus::Planned => 1,
        EventStatus::Unknown => 0,
    }
}

/// The strongest status words around the trigger at `trigger` (token range), within the
/// clause `lo..hi`.
pub(crate) fn status_words(
    words: &Words,
    tokens: &[Token],
    trigger: (usize, usize),
    lo: usize,
    hi: usize,
) -> Option<(EventStatus, Span)> {
    let before = lo.max(trigger.0.saturating_sub(WORDS_BEFORE))..trigger.0;
    let near_end = hi.min(trigger.1 + WORDS_AFTER).max(trigger.1);
    let mut best: Option<(EventStatus, Span)> = None;
    for start in before.chain(trigger.0..hi.max(trigger.0)) {
        let Some((i, end)) = words.status.longest_at(tokens, start) else {
            continue;
        };
        // "May" with a capital is the month.
        if tokens[start].cap && tokens[start].lower == "may" {
            continue;
        }
        let status = words.lexicon.status_words[i].status;
        let ends_it = matches!(
            status,
            EventStatus::Cancelled | EventStatus::Postponed | EventStatus::Held
        );
        if start >= near_end && !ends_it {
            continue;
        }
        let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
        if best.is_none_or(|(b, _)| rank(status) > rank(b)) {
            best = Some((status, span));
        }
    }
    best
}

/// Where the event's date lies against the publication day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum When {
    Undated,
    /// Ended before the publication day began.
    Past,
    /// Includes the publication day.
    Now,
    Future,
}

/// Where `edtf` lies against the day starting at `published_secs`.
pub(crate) fn when(edtf: Option<&str>, published_secs: TimeSecs) -> When {
    const DAY: TimeSecs = 86_400;
    let Some(bounds) = edtf.and_then(|e| DateSpec::parse(e).ok()?.bounds().ok()) else {
        return When::Undated;
    };
    if bounds.latest_secs <= published_secs {
        When::Past
    } else if bounds.earliest_secs >= published_secs + DAY {
        When::Future
    } else {
        When::Now
    }
}

/// The status of one mention: its words if any, else its form and date.
pub(crate) fn decide(
    found: Option<EventStatus>,
    form: Form,
    tense: FormTense,
    when: When,
) -> EventStatus {
    match found {
        Some(s @ (EventStatus::Cancelled | EventStatus::Postponed | EventStatus::Held)) => s,
        _ if tense == FormTense::Past => EventStatus::Held,
        // A past happening ("talks in Berlin last weekend") is held whatever the hedge.
        _ if when == When::Past => EventStatus::Held,
        Some(s) => s,
        None => match (when, form) {
            (When::Now, _) => EventStatus::Held,
            (When::Future, Form::Verb) => EventStatus::Confirmed,
            (When::Future, Form::Noun) => EventStatus::Expected,
            _ => EventStatus::Unknown,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::events::lexicon::words;
    use crate::intake::events::tokens::tokenize;

    fn around(text: &str, trigger: &str) -> Option<(EventStatus, String)> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        let at = tokens.iter().position(|t| t.lower == trigger)?;
        status_words(words(), &tokens, (at, at + 1), 0, tokens.len())
            .map(|(s, span)| (s, span.of(text).to_owned()))
    }

    #[test]
    fn hedges_and_verbs() {
        let cases = [
            (
                "Envoys may meet in Geneva",
                Some((EventStatus::Expected, "may")),
            ),
            (
                "They are expected to meet",
                Some((EventStatus::Expected, "are expected to")),
            ),
            (
                "They are set to meet",
                Some((EventStatus::Planned, "are set to")),
            ),
            ("They will meet", Some((EventStatus::Planned, "will"))),
            (
                "The meeting was postponed",
                Some((EventStatus::Postponed, "postponed")),
            ),
            (
                "The meeting was called off",
                Some((EventStatus::Cancelled, "called off")),
            ),
            ("May talks", None),
            ("They meet", None),
        ];
        for (text, expected) in cases {
            let trigger = if text.contains("meeting") {
                "meeting"
            } else if text.contains("talks") {
                "talks"
            } else {
                "meet"
            };
            let got = around(text, trigger);
            let got = got.as_ref().map(|(s, w)| (*s, w.as_str()));
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn tense_and_date_decide_without_words() {
        use EventStatus::*;
        assert_eq!(
            decide(None, Form::Verb, FormTense::Past, When::Undated),
            Held
        );
        assert_eq!(
            decide(Some(Expected), Form::Noun, FormTense::Base, When::Past),
            Held
        );
        assert_eq!(
            decide(None, Form::Verb, FormTense::Present, When::Future),
            Confirmed
        );
        assert_eq!(
            decide(None, Form::Noun, FormTense::Base, When::Future),
            Expected
        );
        assert_eq!(
            decide(Some(Postponed), Form::Verb, FormTense::Past, When::Past),
            Postponed
        );
        assert_eq!(
            decide(None, Form::Noun, FormTense::Base, When::Undated),
            Unknown
        );
    }

    #[test]
    fn where_a_date_lies() {
        let p = crate::model::day_start_secs(2025, 12, 18).expect("a day");
        assert_eq!(when(Some("2025-12-13/2025-12-14"), p), When::Past);
        assert_eq!(when(Some("2025-12-18"), p), When::Now);
        assert_eq!(when(Some("2025-12-20/2025-12-21"), p), When::Future);
        assert_eq!(when(Some("not a date"), p), When::Undated);
        assert_eq!(when(None, p), When::Undated);
    }
}
