//! Article intake: a news report in, proposed dates, claims, events and positions out.
//!
//! Plain Rust, no UI and no network: the rules and word lists are data files under
//! `assets/intake/`. [`propose`] reads an [`Article`] against the open project and returns
//! [`Proposals`]; nothing enters the project until the analyst accepts proposals in the
//! review dialog, and [`accept`] turns the accepted ones into new entities and reported
//! states. Offsets are byte offsets into [`Article::text`] (always on `char` boundaries);
//! [`json`] converts them to Unicode code points for `detente intake --json`.
//!
//! The readings follow `shared/docs/reading-reports.md`; `docs/DATES.md` and
//! `docs/INTAKE.md` say what each rule does and how well it scores.

pub mod accept;
pub mod article;
pub mod attribution;
pub mod dates;
pub mod events;
pub mod json;
pub mod positions;
pub mod text;

use jiff::civil;

use crate::geo::Gazetteer;
use crate::model::{ActorKind, EventKind, EventStatus, Id, Project, Stance};

/// A report to read: its text and what is known about its publication.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// Plain text (HTML and Markdown already reduced to text by [`article`]).
    pub text: String,
    /// The publication day, against which every relative date is resolved.
    pub published: civil::Date,
    /// IANA time zone of the publication (`Asia/Shanghai`), when known; times of day in the
    /// text without a zone of their own are read in it.
    pub time_zone: Option<String>,
    /// The outlet that published the report, as named ("Xinhua"); it ends every claim's
    /// attribution chain.
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The headline, when the input had one apart from the body (HTML `<title>`, the seed's
    /// first line); it is also the first paragraph of `text`.
    pub headline: Option<String>,
}

/// A half-open byte range `start..end` of [`Article::text`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The spanned text, or "" for a span that does not fit `text` (never a panic).
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Whether a clause tells of the past, the future, or neither (a weekday in "officials said
/// on Friday" is past; in "will meet on Friday" it is future).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    #[default]
    Present,
    Future,
}

/// A date expression found in the text, resolved against the publication date.
#[derive(Clone, Debug, PartialEq)]
pub struct DateProposal {
    /// The words of the expression ("this weekend", "on Friday morning").
    pub span: Span,
    /// EDTF level 0 or 1: `2025-12-20/2025-12-21`, `2025-12-19`, `2025-11-11/2025-11-20`.
    pub edtf: String,
    /// The sentence's index in [`Proposals::sentences`].
    pub sentence: usize,
    /// A local time of day with its zone, when the text gives one ("at 10 a.m. local time").
    pub time_of_day: Option<String>,
}

/// One link of a proposed attribution chain, from the origin outwards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedStep {
    /// As the text names it ("Politico", "sources familiar with the matter").
    pub name: String,
    /// The reporting verb: "said", "reported", "cited", "told reporters", "wrote".
    pub verb: String,
    /// The project's actor of that name or alias, when there is one.
    pub actor: Option<Id>,
}

/// A sentence whose content the report attributes to someone (or states in its own voice).
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimProposal {
    /// The whole sentence.
    pub span: Span,
    /// The sentence's index in [`Proposals::sentences`].
    pub sentence: usize,
    /// Origin first; the publishing outlet last ([`Article::outlet`]).
    pub attribution: Vec<ProposedStep>,
    /// The words that name the sources and their verbs, for highlighting.
    pub attribution_spans: Vec<Span>,
    /// Admiralty credibility 1–6 proposed from the hedges ("may", "is expected to").
    pub credibility: u8,
    /// The hedge words that lowered it, for highlighting and the reason shown.
    pub hedges: Vec<Span>,
}

/// An actor as a proposal names it: one of the project's, or a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorRef {
    /// The full form the report first uses ("Steve Witkoff"), or the matched actor's name.
    pub name: String,
    /// The project's actor matched by name or alias.
    pub known: Option<Id>,
    /// For a new actor: the kind proposed ("special envoy" → person).
    pub kind: ActorKind,
    /// A role given in apposition ("a special envoy of President Donald Trump").
    pub role: Option<String>,
    /// Where the name occurs.
    pub spans: Vec<Span>,
}

/// A place as a proposal names it: the project's location, a gazetteer city, or a name only.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceRef {
    pub name: String,
    pub known: Option<Id>,
    /// GeoNames id of the gazetteer's city, when the project has no such location.
    pub geonames_id: Option<u64>,
    /// A country, when the name is one ("the United States").
    pub country: Option<String>,
    /// One of several candidates ("in Miami or elsewhere in the United States").
    pub candidate: bool,
    pub spans: Vec<Span>,
}

/// A dated happening the report tells of.
#[derive(Clone, Debug, PartialEq)]
pub struct EventProposal {
    pub title: String,
    pub kind: EventKind,
    pub status: EventStatus,
    /// The words that set the status ("is expected to", "met").
    pub status_words: Option<Span>,
    /// EDTF of the event's date, or `None` when the report gives none.
    pub edtf: Option<String>,
    /// The date's words, kept as the date's wording ("this weekend").
    pub wording: Option<String>,
    /// Indexes into [`Proposals::dates`] that make up the date.
    pub dates: Vec<usize>,
    pub participants: Vec<ActorRef>,
    pub places: Vec<PlaceRef>,
    /// The place words when there are candidates ("in Miami or elsewhere in the United States").
    pub place_wording: Option<String>,
    /// Indexes into [`Proposals::claims`] that tell of it.
    pub claims: Vec<usize>,
    /// The words that name the happening ("hold talks", "meet"), for highlighting.
    pub spans: Vec<Span>,
    /// The project's event this one describes, if any: accepting it records a new reported
    /// state of that event instead of adding a duplicate.
    pub matches: Option<Id>,
}

/// An issue as a position names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueRef {
    pub name: String,
    pub known: Option<Id>,
}

/// A reported stance: who holds it, on what, how, and on what conditions.
#[derive(Clone, Debug, PartialEq)]
pub struct PositionProposal {
    pub holder: ActorRef,
    pub issue: IssueRef,
    pub stance: Stance,
    /// The stance's words ("is seeking", "has been reluctant"), kept as the as-of wording.
    pub stance_words: Span,
    pub summary: String,
    pub conditions: Option<String>,
    /// EDTF of "as of": the publication day unless the text dates the stance.
    pub as_of: String,
    pub claims: Vec<usize>,
}

/// Everything [`propose`] found in one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Proposals {
    /// The sentences, in order; claims and dates point into this list.
    pub sentences: Vec<Span>,
    pub dates: Vec<DateProposal>,
    pub claims: Vec<ClaimProposal>,
    pub events: Vec<EventProposal>,
    pub positions: Vec<PositionProposal>,
}

/// Reads `article` against `project` (for matching actors, places, issues and events) and
/// the gazetteer (for places the project does not have yet).
pub fn propose(article: &Article, project: &Project, gazetteer: &Gazetteer) -> Proposals {
    let sentences = text::sentences(&article.text);
    let dates = dates::find_dates(&article.text, &sentences, article.published);
    let claims = attribution::find_claims(article, &sentences, project);
    let events = events::find_events(article, &sentences, &dates, &claims, project, gazetteer);
    let positions = positions::find_positions(article, &sentences, &claims, project);
    Proposals {
        sentences,
        dates,
        claims,
        events,
        positions,
    }
}
