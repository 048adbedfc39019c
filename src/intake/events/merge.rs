//! One event per happening: the mentions of a sentence-by-sentence reading merged, their
//! dates joined into one interval, the people of "The US delegation is expected to be led
//! by …" added, statements of named people made events, and a short title written.
//!
//! - A mention with a date or a verb of its own ("may meet this weekend", "hold talks")
//!   joins the latest event of a compatible kind (talks and meetings are one family) whose
//!   date overlaps and whose participants include all of the mention's; otherwise, or after
//!   "Separately,", it is a new event.
//! - A back-reference ("The meeting", "those consultations", "the Berlin discussions") joins
//!   the latest event of a compatible kind introduced before it, at the same place if it
//!   names one, whatever its date ("The talks continued on Tuesday" extends Monday's talks);
//!   it adds no participants.
//! - Without a date, a mention that names nobody and no place, or says nothing of where it
//!   stands, makes no event of its own ("Officials will meet with reporters"); like a bare
//!   noun, it may join one.
//! - A bare noun without a date ("further negotiations with Moscow", a headline's "talks in
//!   Miami") joins the compatible event it shares most people, countries or places with, or
//!   is dropped ("a peace agreement" is not a happening).

use std::collections::BTreeSet;

use crate::geo::fold;
use crate::intake::{ActorRef, Article, DateProposal, EventProposal, PlaceRef, Span};
use crate::model::{ActorKind, EventKind, EventStatus, TimeSecs};

use super::lexicon::{Form, FormTense, Words};
use super::status::{self, When};
use super::tokens::text_of;
use super::{ActorMention, Mention, Sentence};

/// A statement's title quotes at most nine words of what was said: enough for "Kyiv could
/// consider suspending its bid to join NATO".
const TITLE_QUOTE_WORDS: usize = 9;

/// How many happenings back a mention may refer to (the seed needs 3).
const LOOKBACK: usize = 64;
/// How many happenings ahead an undated mention may join (a headline's "talks in Miami"
/// joins the first event the body tells of).
const LOOKAHEAD: usize = 8;

/// An event being assembled.
#[derive(Debug)]
struct Draft {
    kind: EventKind,
    status: EventStatus,
    status_words: Option<Span>,
    dates: Vec<usize>,
    /// The dates joined into one interval.
    edtf: Option<String>,
    participants: Vec<ActorMention>,
    places: Vec<PlaceRef>,
    place_wording: Option<String>,
    sentences: BTreeSet<usize>,
    spans: Vec<Span>,
    /// The first mention: its subject and object make a meeting's title.
    first: Option<Mention>,
    /// For a statement: its title and date wording.
    statement: Option<(String, String)>,
}

pub(super) struct Builder<'a> {
    article: &'a Article,
    words: &'a Words,
    dates: &'a [DateProposal],
    published_secs: TimeSecs,
    drafts: Vec<Draft>,
    /// Weak mentions, placed once every event is known.
    deferred: Vec<Mention>,
    /// The sentence and draft of the last mention placed.
    last: Option<(usize, usize)>,
    /// Each sentence's span, by index, for the tense of a mention's clause.
    sentence_spans: Vec<Span>,
}

impl<'a> Builder<'a> {
    pub fn new(article: &'a Article, words: &'a Words, dates: &'a [DateProposal]) -> Self {
        let p = article.published;
        let published_secs =
            crate::model::day_start_secs(i32::from(p.year()), p.month() as u32, p.day() as u32)
                .unwrap_or_default();
        Self {
            article,
            words,
            dates,
            published_secs,
            drafts: Vec::new(),
            deferred: Vec::new(),
            last: None,
            sentence_spans: Vec::new(),
        }
    }

    /// Places the mentions in text order, sentence by sentence, adding the people of each
    /// sentence's participant links after its mentions.
    pub fn add_mentions(&mut self, mentions: Vec<Mention>, read: &[Sentence]) {
        self.sentence_spans =
            vec![Span::default(); read.iter().map(|s| s.index + 1).max().unwrap_or(0)];
        for s in read {
            self.sentence_spans[s.index] = s.span;
        }
        let mut mentions = mentions.into_iter().peekable();
        for s in read {
            let mut touched = None;
            while let Some(m) = mentions.next_if(|m| m.sentence == s.index) {
                if let Some(d) = self.place_mention(m) {
                    touched = Some(d);
                    self.last = Some((s.index, d));
                }
            }
            self.add_linked_people(s, touched);
        }
        // Drafts are in text order here; a weak mention looks at those near it.
        let firsts: Vec<usize> = self
            .drafts
            .iter()
            .map(|d| d.sentences.first().copied().unwrap_or(0))
            .collect();
        let mut own = Vec::new();
        for m in std::mem::take(&mut self.deferred) {
            let at = firsts.partition_point(|&f| f <= m.sentence);
            let near = at.saturating_sub(LOOKBACK)..(at + LOOKAHEAD).min(firsts.len());
            let best = self.drafts[near.clone()]
                .iter()
                .enumerate()
                .map(|(i, d)| (i + near.start, d))
                .filter(|(_, d)| d.statement.is_none() && compatible(d.kind, m.kind))
                .map(|(i, d)| (i, shared(d, &m)))
                .filter(|&(_, score)| score > 0)
                .max_by_key(|&(i, score)| (score, std::cmp::Reverse(i)));
            if let Some((i, _)) = best {
                let d = &mut self.drafts[i];
                d.sentences.insert(m.sentence);
                d.spans.push(m.span);
            } else if !m.back_reference
                && m.status_words.is_some()
                && !(m.participants.is_empty() && m.places.is_none())
            {
                // "Hamas and Israel have agreed to resume negotiations in Cairo": undated,
                // but with parties, a place and a status, a happening of its own.
                own.push(m);
            }
        }
        for m in own {
            self.new_draft(m);
        }
    }

    fn mention_edtf(&self, m: &Mention) -> Option<String> {
        m.dates
            .iter()
            .filter_map(|&d| self.dates.get(d).map(|d| d.edtf.clone()))
            .reduce(|a, b| union_edtf(&a, &b))
    }

    fn mention_status(&self, m: &Mention) -> EventStatus {
        let when = status::when(self.mention_edtf(m).as_deref(), self.published_secs);
        status::decide(m.status_words.map(|s| s.0), m.form, m.tense, when)
    }

    /// The draft the mention went to, if any.
    fn place_mention(&mut self, m: Mention) -> Option<usize> {
        let dated = !m.dates.is_empty();
        if let Some((sentence, i)) = self.last
            && m.joins_previous
            && sentence == m.sentence
        {
            self.join(i, &m, true);
            return Some(i);
        }
        if m.back_reference {
            let found = self.latest(|d| {
                d.statement.is_none() && compatible(d.kind, m.kind) && same_place(d, &m)
            });
            return match found {
                Some(i) => {
                    self.join(i, &m, false);
                    Some(i)
                }
                None if dated => Some(self.new_draft(m)),
                None => {
                    self.deferred.push(m);
                    None
                }
            };
        }
        // Undated, with nobody and nowhere, or with nothing that says where it stands
        // ("The two leaders met …", "Officials will meet with reporters", "The council meets
        // regularly"): not a happening of its own, only a mention that may join one.
        let bare = m.participants.is_empty() && m.places.is_none();
        let unknown = self.mention_status(&m) == EventStatus::Unknown;
        if !dated && (m.form == Form::Noun || bare || unknown) {
            self.deferred.push(m);
            return None;
        }
        let found = (!m.separate)
            .then(|| {
                self.latest(|d| {
                    d.statement.is_none()
                        && compatible(d.kind, m.kind)
                        && self.dates_fit(d, &m)
                        && m.participants
                            .iter()
                            .all(|p| d.participants.iter().any(|q| same_actor(p, q)))
                        && (m.places.is_none() || d.places.is_empty() || same_place(d, &m))
                        // Something in common besides an overlapping date: "Talks on a
                        // ceasefire collapsed last month" is not Saturday's summit; "signed a
                        // peace agreement" is one happening in one sentence.
                        && (shared(d, &m) > 0
                            || self.same_date(d, &m)
                            || d.sentences.contains(&m.sentence))
                })
            })
            .flatten();
        match found {
            Some(i) => {
                self.join(i, &m, true);
                Some(i)
            }
            None => Some(self.new_draft(m)),
        }
    }

    fn same_date(&self, d: &Draft, m: &Mention) -> bool {
        self.draft_edtf(d).is_some() && self.draft_edtf(d) == self.mention_edtf(m)
    }

    /// The latest of the last [`LOOKBACK`] drafts that `fits`: a report refers back within
    /// a few dozen happenings, and a 5 MB text stays linear.
    fn latest(&self, fits: impl Fn(&Draft) -> bool) -> Option<usize> {
        let from = self.drafts.len().saturating_sub(LOOKBACK);
        (from..self.drafts.len())
            .rev()
            .find(|&i| fits(&self.drafts[i]))
    }

    fn dates_fit(&self, d: &Draft, m: &Mention) -> bool {
        let (Some(a), Some(b)) = (self.draft_edtf(d), self.mention_edtf(m)) else {
            return true;
        };
        overlap(&a, &b)
    }

    #[allow(clippy::unused_self)] // kept beside `mention_edtf`, its counterpart
    fn draft_edtf(&self, d: &Draft) -> Option<String> {
        d.edtf.clone()
    }

    fn new_draft(&mut self, m: Mention) -> usize {
        let status = self.mention_status(&m);
        let mut d = Draft {
            kind: m.kind,
            status,
            status_words: m.status_words.map(|s| s.1),
            dates: Vec::new(),
            edtf: None,
            participants: Vec::new(),
            places: Vec::new(),
            place_wording: None,
            sentences: BTreeSet::new(),
            spans: Vec::new(),
            first: None,
            statement: None,
        };
        let edtf = self.mention_edtf(&m);
        absorb(&mut d, &m, true, true, edtf);
        d.first = Some(m);
        self.drafts.push(d);
        self.drafts.len() - 1
    }

    fn join(&mut self, i: usize, m: &Mention, with_people: bool) {
        let status = self.mention_status(m);
        let mut edtf = self.mention_edtf(m);
        let d = &mut self.drafts[i];
        // "… are expected to meet on Tuesday. The talks were postponed last week": the date
        // of a putting-off that does not overlap the event's is when it was decided, not
        // when the event is; and an event expected or planned in the present or future
        // ("are expected to meet", "will meet") and dated after that decision was set anew
        // since. One stated as settled ("were to meet on Friday") is the plan put off.
        let decided = matches!(status, EventStatus::Postponed | EventStatus::Cancelled)
            && d.edtf
                .as_deref()
                .zip(edtf.as_deref())
                .is_some_and(|(a, b)| !overlap(a, b));
        // Only when a putting-off is dated (rare): the tense reads the whole sentence.
        let told_in_past = || {
            d.first.as_ref().is_some_and(|f| {
                let sentence = self
                    .sentence_spans
                    .get(f.sentence)
                    .copied()
                    .unwrap_or_default();
                crate::intake::dates::clause_tense(&self.article.text, sentence, f.span)
                    == crate::intake::Tense::Past
            })
        };
        let rescheduled = decided
            && matches!(d.status, EventStatus::Expected | EventStatus::Planned)
            && !told_in_past()
            && d.edtf
                .as_deref()
                .and_then(bounds)
                .zip(edtf.as_deref().and_then(bounds))
                .is_some_and(|(event, decision)| event.0 >= decision.1);
        // A later report that it happened, or was put off or called off, outranks the
        // first mention's expectation.
        if matches!(
            status,
            EventStatus::Held | EventStatus::Postponed | EventStatus::Cancelled
        ) && status != d.status
            && !rescheduled
            && (m.status_words.is_some() || m.tense == FormTense::Past || !m.dates.is_empty())
        {
            d.status = status;
            d.status_words = m.status_words.map(|s| s.1).or(d.status_words);
        }
        if d.kind == EventKind::Meeting && m.kind == EventKind::Talks {
            d.kind = EventKind::Talks;
        }
        if decided {
            edtf = None;
        }
        absorb(d, m, with_people, !decided, edtf);
    }

    /// "The US delegation is expected to be led by Steve Witkoff …": the people after the
    /// link join the event the sentence's group takes part in (or the sentence's own).
    fn add_linked_people(&mut self, s: &Sentence, touched: Option<usize>) {
        let tokens = &s.tokens;
        let Some((link_at, link_end)) = (0..tokens.len())
            .find_map(|k| self.words.links.longest_at(tokens, k).map(|(_, e)| (k, e)))
        else {
            return;
        };
        let subject: Vec<&ActorMention> =
            s.actors.iter().filter(|a| a.tokens.1 <= link_at).collect();
        let target = touched.or_else(|| {
            self.latest(|d| {
                d.statement.is_none()
                    && subject
                        .iter()
                        .any(|a| d.participants.iter().any(|p| same_actor(a, p)))
            })
        });
        let Some(i) = target else { return };
        let d = &mut self.drafts[i];
        d.sentences.insert(s.index);
        for a in s.actors.iter().filter(|a| a.tokens.0 >= link_end) {
            let usable = !a.possessive && !a.in_role && a.actor.kind != ActorKind::Outlet;
            if usable {
                add_participant(d, a);
            }
        }
    }

    /// A named person's statement ("Zelenskyy has indicated that …") in a sentence that
    /// tells of no other happening and gives no date: an event of its own, held on or
    /// before the publication day, worded with the verb.
    pub fn add_statements(&mut self, read: &[Sentence], dates: &[DateProposal]) {
        let published = self.article.published.to_string();
        let text = self.article.text.as_str();
        let mut taken = vec![false; read.len()];
        for d in &self.drafts {
            for &i in &d.sentences {
                if let Some(t) = taken.get_mut(i) {
                    *t = true;
                }
            }
        }
        for d in dates.iter().filter(|d| d.edtf != published) {
            if let Some(t) = taken.get_mut(d.sentence) {
                *t = true;
            }
        }
        for s in read {
            if taken.get(s.index).copied().unwrap_or(true) {
                continue;
            }
            let tokens = &s.tokens;
            let found = (0..tokens.len()).find_map(|k| {
                let (v, end) = self.words.statements.longest_at(tokens, k)?;
                let speaker = s.actors.iter().find(|a| {
                    a.tokens.1 == k
                        && a.actor.kind == ActorKind::Person
                        && !a.possessive
                        && !a.in_role
                })?;
                Some((v, k, end, speaker))
            });
            let Some((v, k, end, speaker)) = found else {
                continue;
            };
            let verb_span = Span::new(tokens[k].span.start, tokens[end - 1].span.end);
            let wording = verb_span.of(text).to_owned();
            let mut from = end;
            if tokens.get(from).is_some_and(|t| t.lower == "that") {
                from += 1;
            }
            let mut to = from;
            while to < tokens.len() && to - from < TITLE_QUOTE_WORDS && tokens[to].word {
                to += 1;
            }
            while to > from && is_function_word(&tokens[to - 1].lower) {
                to -= 1;
            }
            let quote = text_of(text, tokens, from, to);
            let title = if quote.is_empty() {
                format!("{} {wording}", speaker.short)
            } else {
                format!("{}: {quote}", speaker.short)
            };
            let mut d = Draft {
                kind: self.words.lexicon.statement_verbs[v].kind,
                status: EventStatus::Held,
                status_words: Some(verb_span),
                dates: Vec::new(),
                edtf: None,
                participants: vec![speaker.clone()],
                places: Vec::new(),
                place_wording: None,
                sentences: BTreeSet::from([s.index]),
                spans: vec![verb_span],
                first: None,
                statement: Some((title, wording)),
            };
            d.participants[0].actor.role = None;
            self.drafts.push(d);
        }
    }

    /// The proposals, in the order the report first tells of them.
    pub fn finish(
        self,
        text: &str,
        read: &[Sentence],
        claims: &[crate::intake::ClaimProposal],
    ) -> Vec<EventProposal> {
        let published = self.article.published.to_string();
        let mut claims_of: std::collections::HashMap<usize, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, c) in claims.iter().enumerate() {
            claims_of.entry(c.sentence).or_default().push(i);
        }
        let mut out: Vec<(usize, EventProposal)> = Vec::new();
        for d in &self.drafts {
            let mut edtf = self.draft_edtf(d);
            let mut status = d.status;
            let mut wording = date_wording(text, self.dates, &d.dates);
            if let Some((_, verb)) = &d.statement {
                edtf = Some(format!("/{published}"));
                wording = Some(verb.clone());
            } else if status::when(edtf.as_deref(), self.published_secs) == When::Past
                && matches!(
                    status,
                    EventStatus::Expected
                        | EventStatus::Planned
                        | EventStatus::Confirmed
                        | EventStatus::Unknown
                )
            {
                // "a past happening with 'last weekend'": held.
                status = EventStatus::Held;
            } else if edtf.is_none() && status == EventStatus::Held {
                // Held, but the report says not when: on or before the publication day.
                edtf = Some(format!("/{published}"));
                wording = d.status_words.map(|s| s.of(text).to_owned());
            }
            let title = d
                .statement
                .as_ref()
                .map_or_else(|| title(d), |(t, _)| t.clone());
            let mut dates = d.dates.clone();
            dates.sort_unstable();
            dates.dedup();
            let first_at = d.spans.iter().map(|s| s.start).min().unwrap_or(0);
            out.push((
                first_at,
                EventProposal {
                    title,
                    kind: d.kind,
                    status,
                    status_words: d.status_words,
                    edtf,
                    wording,
                    dates,
                    participants: d
                        .participants
                        .iter()
                        .map(|p| qualified(&p.actor, d.places.first()))
                        .collect::<Vec<ActorRef>>(),
                    places: d.places.clone(),
                    place_wording: d.place_wording.clone(),
                    claims: d
                        .sentences
                        .iter()
                        .flat_map(|s| claims_of.get(s).into_iter().flatten().copied())
                        .collect(),
                    spans: d.spans.clone(),
                    matches: None,
                },
            ));
        }
        let _ = read;
        out.sort_by_key(|(at, _)| *at);
        out.into_iter().map(|(_, e)| e).collect()
    }
}

/// A new unnamed group of officials takes the event's place as a qualifier, as analysts
/// name them ("US officials (Berlin)"): the US officials in Berlin and those in Miami are
/// different people. Named delegations ("US delegation") and the project's actors keep
/// their names.
fn qualified(actor: &ActorRef, place: Option<&PlaceRef>) -> ActorRef {
    let mut out = actor.clone();
    if let Some(place) = place
        && actor.known.is_none()
        && actor.kind == ActorKind::Delegation
        && actor.name.ends_with(" officials")
    {
        out.name = format!("{} ({})", actor.name, place.name);
    }
    out
}

fn is_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "an"
            | "the"
            | "of"
            | "to"
            | "in"
            | "on"
            | "for"
            | "and"
            | "or"
            | "with"
            | "by"
            | "as"
            | "its"
            | "their"
            | "that"
    )
}

/// Talks and meetings are one family; other kinds only match themselves.
fn compatible(a: EventKind, b: EventKind) -> bool {
    let family = |k| matches!(k, EventKind::Meeting | EventKind::Talks);
    a == b || (family(a) && family(b))
}

pub(super) fn same_actor(a: &ActorMention, b: &ActorMention) -> bool {
    match (a.actor.known, b.actor.known) {
        (Some(x), Some(y)) => x == y,
        _ => fold(&a.actor.name) == fold(&b.actor.name),
    }
}

fn same_place_ref(a: &PlaceRef, b: &PlaceRef) -> bool {
    match (a.known, b.known) {
        (Some(x), Some(y)) => x == y,
        _ => fold(&a.name) == fold(&b.name),
    }
}

/// Does the mention name no place, or one of the draft's?
fn same_place(d: &Draft, m: &Mention) -> bool {
    m.places.as_ref().is_none_or(|g| {
        g.places
            .iter()
            .any(|p| d.places.iter().any(|q| same_place_ref(p, q)))
    })
}

/// How much a weak mention shares with a draft: people (or their countries) and places.
fn shared(d: &Draft, m: &Mention) -> usize {
    let people = m
        .participants
        .iter()
        .filter(|p| {
            d.participants.iter().any(|q| {
                same_actor(p, q)
                    || (p.country.is_some()
                        && p.country == q.country
                        && (p.actor.kind == ActorKind::State || q.actor.kind == ActorKind::State))
            })
        })
        .count();
    let places = m.places.as_ref().map_or(0, |g| {
        g.places
            .iter()
            .filter(|p| d.places.iter().any(|q| same_place_ref(p, q)))
            .count()
    });
    people + places
}

fn add_participant(d: &mut Draft, a: &ActorMention) {
    if let Some(p) = d.participants.iter_mut().find(|p| same_actor(p, a)) {
        p.actor.spans.extend(a.actor.spans.iter().copied());
        if p.actor.role.is_none() {
            p.actor.role.clone_from(&a.actor.role);
        }
    } else {
        d.participants.push(a.clone());
    }
}

/// Adds a mention to a draft; `edtf` is the mention's date, joined to the draft's interval
/// here so that a draft never re-reads its dates.
fn absorb(d: &mut Draft, m: &Mention, with_people: bool, with_dates: bool, edtf: Option<String>) {
    d.sentences.insert(m.sentence);
    d.spans.push(m.span);
    if with_dates {
        d.dates.extend(m.dates.iter().copied());
    }
    d.edtf = match (d.edtf.take(), edtf) {
        (Some(a), Some(b)) => Some(union_edtf(&a, &b)),
        (a, b) => a.or(b),
    };
    if with_people {
        for p in &m.participants {
            add_participant(d, p);
        }
    }
    if let Some(g) = &m.places {
        for p in &g.places {
            if let Some(q) = d.places.iter_mut().find(|q| same_place_ref(q, p)) {
                q.spans.extend(p.spans.iter().copied());
            } else {
                d.places.push(p.clone());
            }
        }
        if d.place_wording.is_none() {
            d.place_wording.clone_from(&g.wording);
        }
    }
}

/// The words of the event's dates, in text order, each once ("this weekend").
fn date_wording(text: &str, dates: &[DateProposal], of: &[usize]) -> Option<String> {
    let mut spans: Vec<Span> = of
        .iter()
        .filter_map(|&i| dates.get(i).map(|d| d.span))
        .collect();
    spans.sort();
    let mut words: Vec<&str> = Vec::new();
    for s in spans {
        let w = s.of(text);
        if !w.is_empty() && !words.iter().any(|x| x.eq_ignore_ascii_case(w)) {
            words.push(w);
        }
    }
    (!words.is_empty()).then(|| words.join(" … "))
}

fn edtf_parts(edtf: &str) -> (&str, &str) {
    edtf.split_once('/').unwrap_or((edtf, edtf))
}

fn bounds(edtf: &str) -> Option<(TimeSecs, TimeSecs)> {
    let b = crate::model::DateSpec::parse(edtf).ok()?.bounds().ok()?;
    Some((b.earliest_secs, b.latest_secs))
}

/// Do two EDTF values share a moment? Unreadable values are taken to fit.
pub(super) fn overlap(a: &str, b: &str) -> bool {
    match (bounds(a), bounds(b)) {
        (Some((a0, a1)), Some((b0, b1))) => a0 < b1.max(b0 + 1) && b0 < a1.max(a0 + 1),
        _ => true,
    }
}

/// One interval from the earlier start to the later end ("late on Monday … continued on
/// Tuesday" → Monday/Tuesday).
pub(super) fn union_edtf(a: &str, b: &str) -> String {
    let (Some((a0, a1)), Some((b0, b1))) = (bounds(a), bounds(b)) else {
        return a.to_owned();
    };
    let start = if a0 <= b0 {
        edtf_parts(a).0
    } else {
        edtf_parts(b).0
    };
    let end = if a1 >= b1 {
        edtf_parts(a).1
    } else {
        edtf_parts(b).1
    };
    if start == end {
        start.to_owned()
    } else {
        format!("{start}/{end}")
    }
}

/// "US–Russia talks in Miami", "Umerov meets members of the US delegation".
fn title(d: &Draft) -> String {
    let place = d
        .places
        .first()
        .map(|p| format!(" in {}", p.name))
        .unwrap_or_default();
    if let Some(first) = &d.first
        && let Some(person) = &first.subject_person
    {
        let object = first.object_text.trim();
        // Other kinds read better as "Macron–Erdogan call" (below).
        if d.kind == EventKind::Meeting && !object.is_empty() && !object.starts_with("with ") {
            return format!("{} meets {object}", person.short);
        }
        if d.kind == EventKind::Visit {
            if let Some(p) = d.places.first() {
                return format!("{} visits {}", person.short, p.name);
            }
            if !object.is_empty() {
                return format!("{} visits {object}", person.short);
            }
        }
    }
    let mut parties: Vec<&str> = Vec::new();
    let groups = d.participants.iter().filter(|p| {
        matches!(
            p.actor.kind,
            ActorKind::State | ActorKind::Delegation | ActorKind::Group | ActorKind::Organisation
        )
    });
    let people = d
        .participants
        .iter()
        .filter(|p| p.actor.kind == ActorKind::Person);
    let others = d.participants.iter();
    for list in [
        groups.collect::<Vec<_>>(),
        people.collect(),
        others.collect(),
    ] {
        if !list.is_empty() {
            for p in list {
                if !parties.contains(&p.short.as_str()) {
                    parties.push(p.short.as_str());
                }
            }
            break;
        }
    }
    let noun = match d.kind {
        EventKind::Meeting => "meeting",
        EventKind::Talks => "talks",
        EventKind::Call => "call",
        EventKind::Visit => "visit",
        EventKind::Statement => "statement",
        EventKind::Announcement => "announcement",
        EventKind::Agreement => "agreement",
        EventKind::Other => "event",
    };
    if parties.is_empty() {
        let mut chars = noun.chars();
        let capital = chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default();
        return format!("{capital}{place}");
    }
    if d.kind == EventKind::Visit
        && let Some(p) = d.places.first()
    {
        return format!("{} visit to {}", parties.join("–"), p.name);
    }
    format!("{} {noun}{place}", parties.join("–"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_join_into_one_interval() {
        assert_eq!(
            union_edtf("2025-12-15", "2025-12-16"),
            "2025-12-15/2025-12-16"
        );
        assert_eq!(
            union_edtf("2025-12-20/2025-12-21", "2025-12-20/2025-12-21"),
            "2025-12-20/2025-12-21"
        );
        assert_eq!(
            union_edtf("2025-12-21", "2025-12-13/2025-12-14"),
            "2025-12-13/2025-12-21"
        );
        assert!(overlap("2025-12-20/2025-12-21", "2025-12-21"));
        assert!(!overlap("2025-12-13/2025-12-14", "2025-12-20/2025-12-21"));
        assert!(overlap("/2025-12-18", "/2025-12-18"));
    }
}
