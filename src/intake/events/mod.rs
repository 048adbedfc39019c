//! Events: meetings, talks, calls, visits, statements and signings the report tells of, with
//! participants, places, a status from the verb and its hedges, and a match with the
//! project's own events. `docs/INTAKE.md` ("Events") gives the rules.
//!
//! Each sentence is read once: its words ([`tokens`]), the actors it names ([`actors`]),
//! and the words that name a happening (triggers from `assets/intake/events.ron`). Each
//! trigger becomes a [`Mention`] with its clause's participants, places ([`places`]), dates
//! and status words ([`status`]); [`merge`] makes one event of the mentions of one
//! happening, and [`matches`] finds the project's event it describes.

mod actors;
mod lexicon;
mod matches;
mod merge;
mod places;
mod roles;
mod status;
mod tokens;

#[cfg(test)]
mod actor_tests;
#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod seed_tests;

// For the positions stage: build an `ActorIndex` once per article, `tokenize` each sentence,
// and call `actors_in` with a `Scan` (the word lists are `words()`) and one `Cast` passed
// through the sentences in order, as `read_sentence` does.
pub(crate) use actors::{ActorIndex, ActorMention, Cast, Scan, actors_in, hints_of};
pub(crate) use lexicon::words;
pub(crate) use tokens::tokenize;

use crate::geo::Gazetteer;
use crate::model::{EventKind, EventStatus, Project};

use super::{Article, ClaimProposal, DateProposal, EventProposal, Span};
use lexicon::{Form, FormTense, Words};
use places::{LocationIndex, PlaceGroup, Places};
use tokens::{Token, text_of};

/// A comma between a date and a trigger counts as 40 more bytes (about eight words): "visit
/// the White House on Friday, where he will meet" dates the visit.
const COMMA_BYTES: usize = 40;

/// A date goes to one of the two mentions on either side of it: the nearest, unless a
/// reporting word or commas stand between.
const NEAR_MENTIONS: usize = 2;

/// A happening's place is named within ten words of its trigger ("discussions involving US,
/// Ukrainian and European officials in Berlin" is seven); further on, "in" belongs to
/// something else ("the prolonged conflict in Ukraine").
const PLACE_WINDOW_WORDS: usize = 10;

/// One sentence, read.
pub(crate) struct Sentence {
    pub index: usize,
    pub span: Span,
    pub tokens: Vec<Token>,
    pub actors: Vec<ActorMention>,
    /// Spans that name the sentence's sources (from the claims stage).
    pub attribution: Vec<Span>,
}

/// One naming of a happening.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub sentence: usize,
    pub kind: EventKind,
    pub form: Form,
    pub tense: FormTense,
    pub span: Span,
    pub status_words: Option<(EventStatus, Span)>,
    /// "The meeting", "those consultations": refers to a happening already told of.
    pub back_reference: bool,
    /// After "Separately," or "Meanwhile,": a happening of its own.
    pub separate: bool,
    /// "…visit the White House on Friday, where he will meet Trump": part of the happening
    /// the sentence told of just before.
    pub joins_previous: bool,
    pub dates: Vec<usize>,
    pub places: Option<PlaceGroup>,
    pub participants: Vec<ActorMention>,
    /// The lone person before the verb ("Rustem Umerov … is expected to meet").
    pub subject_person: Option<ActorMention>,
    /// The words after the verb up to a place, date or stop ("members of the US delegation").
    pub object_text: String,
}

/// The events of `article`, one per happening however many sentences mention it.
pub fn find_events(
    article: &Article,
    sentences: &[Span],
    dates: &[DateProposal],
    claims: &[ClaimProposal],
    project: &Project,
    gazetteer: &Gazetteer,
) -> Vec<EventProposal> {
    let words = words();
    let text = article.text.as_str();
    let index = ActorIndex::new(project);
    let mut cast = Cast::default();
    let read: Vec<Sentence> = sentences
        .iter()
        .enumerate()
        .map(|(i, &span)| read_sentence(text, i, span, claims, words, &index, &mut cast))
        .collect();
    let locations = LocationIndex::new(project);
    let mut mentions = Vec::new();
    for s in &read {
        let places = Places {
            text,
            tokens: &s.tokens,
            words,
            locations: &locations,
            gazetteer,
        };
        mentions.extend(sentence_mentions(text, s, words, &places));
    }
    assign_dates(article, &read, dates, &mut mentions, words);
    let mut events = merge::Builder::new(article, words, dates);
    events.add_mentions(mentions, &read);
    events.add_statements(&read, dates);
    let mut proposals = events.finish(text, &read, claims);
    matches::match_project(&mut proposals, &read, text, project);
    proposals
}

fn read_sentence(
    text: &str,
    index: usize,
    span: Span,
    claims: &[ClaimProposal],
    words: &Words,
    actor_index: &ActorIndex<'_>,
    cast: &mut Cast,
) -> Sentence {
    let tokens = tokenize(text, span);
    let hints = hints_of(text, &tokens);
    let scan = Scan {
        text,
        tokens: &tokens,
        words,
        index: actor_index,
        hints: &hints,
    };
    let actors = actors_in(&scan, 0, tokens.len(), cast);
    let attribution = claims
        .iter()
        .filter(|c| c.sentence == index)
        .flat_map(|c| c.attribution_spans.iter().copied())
        .collect();
    Sentence {
        index,
        span,
        tokens,
        actors,
        attribution,
    }
}

/// The triggers of one sentence, each read in its clause.
fn sentence_mentions(text: &str, s: &Sentence, words: &Words, places: &Places<'_>) -> Vec<Mention> {
    let tokens = &s.tokens;
    let mut triggers = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match words.triggers.longest_at(tokens, i) {
            Some((t, end)) if is_trigger(words, tokens, t, i, end) => {
                triggers.push((t, i, end));
                i = end;
            }
            _ => i += 1,
        }
    }
    let separate = words.lexicon.new_event_markers.iter().any(|m| {
        let first: Vec<&str> = tokens.iter().take(3).map(|t| t.lower.as_str()).collect();
        let marker: Vec<&str> = m.split_whitespace().collect();
        first.starts_with(&marker)
    });
    let mut out: Vec<Mention> = Vec::new();
    let mut previous_subject: Vec<ActorMention> = Vec::new();
    for (n, &(t, ts, te)) in triggers.iter().enumerate() {
        let trigger = &words.lexicon.triggers[t];
        let prev_end = n.checked_sub(1).map_or(0, |p| triggers[p].2);
        let next_start = triggers.get(n + 1).map_or(tokens.len(), |x| x.1);
        // The clause starts after the last reporting word before the trigger ("Sources …
        // said the US side would brief") and after the previous trigger.
        let lo = (prev_end..ts)
            .rev()
            .find_map(|k| words.reporting.longest_at(tokens, k).map(|(_, e)| e))
            .filter(|&e| e <= ts)
            .unwrap_or(prev_end)
            .max(prev_end);
        let hi = (te..next_start)
            .find(|&k| tokens[k].lower == "according")
            .unwrap_or(next_start);
        // "a visit", "the state visit": a verb's form used as a noun.
        let form = if trigger.form == Form::Verb && after_article(tokens, ts) {
            Form::Noun
        } else {
            trigger.form
        };
        let back_reference = form == Form::Noun && is_back_reference(words, tokens, ts);
        let place_group = (te..hi.min(te + PLACE_WINDOW_WORDS))
            .find_map(|k| places.group_at(k, trigger.kind == EventKind::Visit))
            .or_else(|| (lo..ts).find_map(|k| places.group_at(k, false)))
            .or_else(|| modifier_place(places, tokens, ts, te, trigger.kind));
        let object_end = object_end(words, tokens, te, hi, place_group.as_ref());
        let place_tokens = place_group.as_ref().map(|g| g.tokens);
        let usable = |m: &&ActorMention| {
            !m.possessive
                && !m.in_role
                && m.actor.kind != crate::model::ActorKind::Outlet
                && !place_tokens.is_some_and(|(a, b)| m.tokens.0 < b && a < m.tokens.1)
                && !s
                    .attribution
                    .iter()
                    .any(|a| m.actor.spans.iter().any(|w| a.overlaps(*w)))
        };
        let mut subject: Vec<&ActorMention> =
            actors_between(&s.actors, lo, ts).filter(usable).collect();
        let between = |w: &[&str]| {
            tokens[prev_end..ts]
                .iter()
                .any(|t| w.contains(&t.lower.as_str()))
        };
        // "Putin and Trump spoke by phone … and agreed to meet": the same subject.
        if subject.is_empty() && n > 0 && lo == prev_end && between(&["and"]) {
            subject = previous_subject.iter().collect();
        }
        let joins_previous = n > 0
            && tokens[prev_end..ts].iter().enumerate().any(|(k, t)| {
                t.lower == "where"
                    || (t.lower == "which"
                        && k > 0
                        && matches!(tokens[prev_end + k - 1].lower.as_str(), "during" | "at"))
            });
        let object: Vec<&ActorMention> = actors_between(&s.actors, te, object_end)
            .filter(usable)
            .collect();
        let subject_person = match subject.as_slice() {
            [one] if one.actor.kind == crate::model::ActorKind::Person => Some((*one).clone()),
            _ => None,
        };
        let subject_owned: Vec<ActorMention> = subject.iter().map(|m| (*m).clone()).collect();
        let participants = if back_reference {
            Vec::new()
        } else {
            subject.into_iter().chain(object).cloned().collect()
        };
        out.push(Mention {
            sentence: s.index,
            kind: trigger.kind,
            form,
            tense: trigger.tense,
            span: Span::new(tokens[ts].span.start, tokens[te - 1].span.end),
            status_words: status::status_words(words, tokens, (ts, te), lo, hi),
            back_reference,
            separate,
            joins_previous,
            dates: Vec::new(),
            places: place_group,
            participants,
            subject_person,
            object_text: text_of(text, tokens, te, object_end).to_owned(),
        });
        previous_subject = subject_owned;
    }
    out
}

/// The actors wholly within tokens `from..to` (actors are in text order: a binary search
/// finds the first, so a long sentence with many triggers stays linear).
fn actors_between(
    actors: &[ActorMention],
    from: usize,
    to: usize,
) -> impl Iterator<Item = &ActorMention> {
    let first = actors.partition_point(|m| m.tokens.0 < from);
    actors[first..]
        .iter()
        .take_while(move |m| m.tokens.0 < to)
        .filter(move |m| m.tokens.1 <= to)
}

/// Is the phrase at `at..end` (trigger `t`) a happening here? Verbs that also mean other
/// things ("receive assurances", "a sign of", "call for") need a party after them.
fn is_trigger(words: &Words, tokens: &[Token], t: usize, at: usize, end: usize) -> bool {
    let trigger = &words.lexicon.triggers[t];
    let next = tokens.get(end);
    let prev = at.checked_sub(1).and_then(|p| tokens.get(p));
    let next_lower = next.map_or("", |n| n.lower.as_str());
    match trigger.words.as_str() {
        "receive" | "received" | "host" | "hosted" | "brief" | "briefed" => {
            next.is_some_and(|n| n.cap || n.lower == "the")
        }
        "call" => !matches!(next_lower, "for" | "on" | "to" | "off"),
        "sign" => !(next_lower == "of" || prev.is_some_and(|p| p.lower == "a")),
        "deal" => !matches!(next_lower, "with" | "a"),
        _ => true,
    }
}

/// Is the word at `at` after an article or possessive, with at most one word between?
fn after_article(tokens: &[Token], at: usize) -> bool {
    let is_article = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "a" | "an" | "the" | "this" | "his" | "her" | "their" | "its" | "our"
            )
        })
    };
    (at >= 1 && is_article(at - 1)) || (at >= 2 && tokens[at - 1].word && is_article(at - 2))
}

/// A noun after "the", "this", "those" (with at most a modifier between: "the Berlin
/// discussions", "the planned meeting").
fn is_back_reference(words: &Words, tokens: &[Token], at: usize) -> bool {
    let is_det = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| words.lexicon.back_reference.contains(&t.lower))
    };
    let modifier_ok =
        |k: usize| tokens[k].word && !words.lexicon.not_back_reference.contains(&tokens[k].lower);
    (at >= 1 && is_det(at - 1)) || (at >= 2 && modifier_ok(at - 1) && is_det(at - 2))
}

/// "the Berlin discussions", "visit Kyiv": a place written as a modifier or a visit's object.
fn modifier_place(
    places: &Places<'_>,
    tokens: &[Token],
    ts: usize,
    te: usize,
    kind: EventKind,
) -> Option<PlaceGroup> {
    let before = ts
        .checked_sub(1)
        .and_then(|k| places.modifier_at(k).map(|(p, e)| (p, k, e)));
    let after = (kind == EventKind::Visit)
        .then(|| places.modifier_at(te).map(|(p, e)| (p, te, e)))
        .flatten();
    let (place, from, to) = before.filter(|b| b.2 == ts).or(after)?;
    let _ = tokens;
    Some(PlaceGroup {
        places: vec![place],
        tokens: (from, to),
        wording: None,
    })
}

/// Where the words after a trigger stop naming its other parties: at a place, a listed
/// stop word ("according to", "as part of", a date's "this" or "last") or punctuation
/// other than a list comma.
fn object_end(
    words: &Words,
    tokens: &[Token],
    te: usize,
    hi: usize,
    place: Option<&PlaceGroup>,
) -> usize {
    let place_start = place.map(|g| g.tokens.0).filter(|&p| p >= te).unwrap_or(hi);
    (te..hi.min(place_start))
        .find(|&k| {
            let t = &tokens[k];
            (!t.word && t.lower != "," && t.lower != "–" && t.lower != "-")
                || words.stops.longest_at(tokens, k).is_some()
        })
        .unwrap_or(hi.min(place_start))
}

/// Each date goes to the nearest trigger of its sentence not across a reporting word
/// ("X said on Monday that they will meet" keeps Monday from the meeting). A date equal to
/// the publication day at the start of the text's first line is the dateline.
fn assign_dates(
    article: &Article,
    read: &[Sentence],
    dates: &[DateProposal],
    mentions: &mut [Mention],
    words: &Words,
) {
    let published = article.published.to_string();
    for (d, date) in dates.iter().enumerate() {
        if is_dateline(date, &published, read) {
            continue;
        }
        let Some(s) = read.get(date.sentence) else {
            continue;
        };
        // "told reporters on Sunday that …", "said on Monday": the day of the telling.
        if told_on(words, s, date.span) {
            continue;
        }
        // The mentions are in text order: the nearest are the two on either side of the
        // date, so a long sentence costs no more per date than a short one.
        let at = mentions
            .partition_point(|m| (m.sentence, m.span.start) < (date.sentence, date.span.start));
        let near = at.saturating_sub(NEAR_MENTIONS)..(at + NEAR_MENTIONS).min(mentions.len());
        let best = near
            .filter(|&i| mentions[i].sentence == date.sentence)
            .filter(|&i| !reporting_between(words, s, mentions[i].span, date.span))
            .min_by_key(|&i| {
                let m = &mentions[i];
                let (distance, after) = if date.span.start >= m.span.end {
                    (date.span.start - m.span.end, 0)
                } else {
                    (m.span.start.saturating_sub(date.span.end), 1)
                };
                let commas = tokens_within(s, gap(m.span, date.span))
                    .iter()
                    .filter(|t| t.lower == ",")
                    .count();
                (distance + COMMA_BYTES * commas, after)
            });
        if let Some(i) = best {
            mentions[i].dates.push(d);
        }
    }
}

/// Does a reporting word end within two words before the date ("said on Monday", "told
/// reporters on Sunday")?
fn told_on(words: &Words, s: &Sentence, date: Span) -> bool {
    const WORDS_BETWEEN: usize = 2; // "told reporters on"
    let first = s.tokens.partition_point(|t| t.span.end <= date.start);
    if first >= s.tokens.len() {
        return false;
    }
    (first.saturating_sub(WORDS_BETWEEN + 2)..first).any(|k| {
        words
            .reporting
            .longest_at(&s.tokens, k)
            .is_some_and(|(_, end)| end + WORDS_BETWEEN >= first && end <= first)
    })
}

/// The bytes between two spans.
fn gap(a: Span, b: Span) -> Span {
    if a.end <= b.start {
        Span::new(a.end, b.start)
    } else {
        Span::new(b.end, a.start)
    }
}

fn is_dateline(date: &DateProposal, published: &str, read: &[Sentence]) -> bool {
    date.edtf == published
        && read.get(date.sentence).is_some_and(|s| {
            let first_words = s.tokens.iter().take(3);
            date.sentence == 0 || first_words.clone().any(|t| t.span.overlaps(date.span))
        })
}

fn reporting_between(words: &Words, s: &Sentence, a: Span, b: Span) -> bool {
    let within = gap(a, b);
    let from = s.tokens.partition_point(|t| t.span.start < within.start);
    (from..s.tokens.len())
        .take_while(|&k| s.tokens[k].span.end <= within.end)
        .any(|k| words.reporting.longest_at(&s.tokens, k).is_some())
}

/// The sentence's tokens inside `span` (found by binary search: tokens are in text order).
fn tokens_within(s: &Sentence, span: Span) -> &[Token] {
    let from = s.tokens.partition_point(|t| t.span.start < span.start);
    let to = s
        .tokens
        .partition_point(|t| t.span.end <= span.end)
        .max(from);
    &s.tokens[from..to]
}
