//! Competing reports (issue 13, item 4): which of an event's reported states disagree.
//!
//! Two states dispute when they come from different sources, neither can have been
//! overtaken by the other (a plan that a later report moved), and they cannot both be
//! right: their dates do not overlap, none of the places of one is the same as, within or
//! around a place of the other, one names a participant the other says was absent, or one
//! says the event was held and the other that it was cancelled. The rules, with their
//! reasons and examples, are in docs/DISPUTES.md; the table of cases in `tests.rs` checks
//! each of them. Pure: no UI, no cache (the document keeps [`DisputedEvents`]).

mod dates;
mod disputed_events;
mod places;
#[cfg(test)]
mod tests;

use crate::model::{
    Certainty, DateSpec, Event, EventStatus, Id, Lookup, Project, ReportedState, TimeSecs,
    describe_bounds,
};

pub use dates::date_span;
pub use disputed_events::DisputedEvents;
pub use places::{PlaceRelation, place_relation, places_agree};

/// What two reports disagree about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DisputeKind {
    /// Their dates do not overlap.
    Date,
    /// Neither report's place is the same as, within or around the other's.
    Place,
    /// One names a participant whom the other reports absent.
    Participant,
    /// One says it was held, the other that it was cancelled.
    Status,
}

impl DisputeKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Place => "place",
            Self::Participant => "participant",
            Self::Status => "held or cancelled",
        }
    }

    /// The label heading a line: "Place — Reuters: Miami; TASS: Washington."
    pub fn title(self) -> &'static str {
        match self {
            Self::Date => "Date",
            Self::Place => "Place",
            Self::Participant => "Participant",
            Self::Status => "Held or cancelled",
        }
    }
}

/// One disagreement between two reported states of an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dispute {
    /// Positions in `event.reported`: the state known first (or listed first, when neither
    /// is known before the other), then the other.
    pub first: usize,
    pub second: usize,
    pub kind: DisputeKind,
    /// One line for the analyst: "Xinhua: Sat 20 – Sun 21 Dec 2025; Reuters: Fri 19 Dec
    /// 2025. The dates do not overlap."
    pub text: String,
}

/// What the rules need of one reported state, worked out once per state.
struct Facts<'e> {
    index: usize,
    state: &'e ReportedState,
    /// The outlets its claims were read in (`Claim::source`), sorted.
    sources: Vec<Id>,
    /// When it was published: the earliest instant its first claim allows, and when that
    /// claim was certainly out ([`crate::model::claim_known_secs`]).
    published: Option<(TimeSecs, TimeSecs)>,
    /// Its date's span, `None` when it gave none.
    span: Option<(TimeSecs, TimeSecs)>,
    /// It told of the future (a plan, an expectation, a cancellation), which a later report
    /// may overtake.
    plan: bool,
}

impl<'e> Facts<'e> {
    fn of(index: usize, state: &'e ReportedState, project: &Project, lookup: &Lookup) -> Self {
        let claims = || {
            state
                .claims
                .iter()
                .filter_map(|&id| lookup.claim(project, id))
        };
        let mut sources: Vec<Id> = claims().map(|c| c.source).collect();
        sources.sort_unstable_by(|a, b| a.cmp_by_symbol(*b));
        sources.dedup();
        // The state is dated by its first claim to be certainly out, as `known_secs` does:
        // `claim_known_secs` is the end of the publication date's bounds, taken here from
        // the bounds that give the start too.
        let published = claims()
            .filter_map(|c| {
                let bounds = c.published.as_ref()?.bounds().ok()?;
                Some((bounds.latest_secs, bounds.earliest_secs))
            })
            .min()
            .map(|(known, start)| (start, known));
        let span = state.date.as_ref().and_then(date_span);
        let plan = match state.status {
            Some(
                EventStatus::Planned
                | EventStatus::Expected
                | EventStatus::Confirmed
                | EventStatus::Postponed
                | EventStatus::Cancelled,
            ) => true,
            Some(EventStatus::Held) => false,
            // No status: a plan when the date it gave begins after the report was out.
            Some(EventStatus::Unknown) | None => match (span, published) {
                (Some((from, _)), Some((_, known))) => from >= known,
                _ => false,
            },
        };
        Self {
            index,
            state,
            sources,
            published,
            span,
            plan,
        }
    }

    /// From a source: a state whose claims name none is no report of anyone's, and takes
    /// part in no dispute.
    fn has_source(&self) -> bool {
        !self.sources.is_empty()
    }

    /// Whether some outlet reported both: then the later is its update (or its correction),
    /// never a dispute.
    fn shares_source(&self, other: &Self) -> bool {
        self.sources.iter().any(|s| other.sources.contains(s))
    }

    /// Whether `self` was certainly out before `other` could have been: `other`'s earliest
    /// possible publication is at or after the end of `self`'s publication date. Two reports
    /// of the same day cannot be ordered (publication dates are days), nor can a report
    /// without a publication date.
    fn before(&self, other: &Self) -> bool {
        match (self.published, other.published) {
            (Some((_, known)), Some((start, _))) => start >= known,
            _ => false,
        }
    }

    /// Whether `self` told of a plan that `other`, certainly later, may have overtaken: the
    /// plan moved (drift), which is no dispute.
    fn overtaken_by(&self, other: &Self) -> bool {
        self.plan && self.before(other)
    }
}

/// The disputes among `event`'s reported states.
pub fn event_disputes(event: &Event, project: &Project, lookup: &Lookup) -> Vec<Dispute> {
    disputes_among(event, project, lookup, None)
}

/// The disputes among the states of `event` known by `known_by` (seconds: a state counts
/// when its first claim was certainly out by then, as in [`ReportedState::known_secs`]), for
/// a view "as of" a day.
pub fn event_disputes_known_by(
    event: &Event,
    project: &Project,
    lookup: &Lookup,
    known_by: TimeSecs,
) -> Vec<Dispute> {
    disputes_among(event, project, lookup, Some(known_by))
}

/// Whether any two of `event`'s reported states dispute; stops at the first dispute and
/// writes no text (what the cache asks of a million events).
pub fn is_disputed(event: &Event, project: &Project, lookup: &Lookup) -> bool {
    if event.reported.len() < 2 {
        return false;
    }
    let facts = facts_of(event, project, lookup, None);
    pairs(&facts).any(|(a, b)| !kinds(project, lookup, a, b).is_empty())
}

fn disputes_among(
    event: &Event,
    project: &Project,
    lookup: &Lookup,
    known_by: Option<TimeSecs>,
) -> Vec<Dispute> {
    if event.reported.len() < 2 {
        return Vec::new();
    }
    let facts = facts_of(event, project, lookup, known_by);
    let mut out = Vec::new();
    for (a, b) in pairs(&facts) {
        // The first known first; equal, the first listed.
        let (a, b) = if b.before(a) { (b, a) } else { (a, b) };
        for kind in kinds(project, lookup, a, b) {
            out.push(Dispute {
                first: a.index,
                second: b.index,
                kind,
                text: dispute_text(project, lookup, a, b, kind),
            });
        }
    }
    out
}

/// The facts of each state that comes from a source (and is known by `known_by`).
fn facts_of<'e>(
    event: &'e Event,
    project: &Project,
    lookup: &Lookup,
    known_by: Option<TimeSecs>,
) -> Vec<Facts<'e>> {
    event
        .reported
        .iter()
        .enumerate()
        .map(|(i, state)| Facts::of(i, state, project, lookup))
        .filter(Facts::has_source)
        .filter(|f| known_by.is_none_or(|by| f.published.is_some_and(|(_, known)| known <= by)))
        .collect()
}

/// Each pair of states from different sources where neither overtook the other.
fn pairs<'f, 'e>(facts: &'f [Facts<'e>]) -> impl Iterator<Item = (&'f Facts<'e>, &'f Facts<'e>)> {
    facts.iter().enumerate().flat_map(move |(i, a)| {
        facts[i + 1..]
            .iter()
            .filter(move |b| !a.shares_source(b) && !a.overtaken_by(b) && !b.overtaken_by(a))
            .map(move |b| (a, b))
    })
}

/// What `a` and `b` disagree about, each kind once.
fn kinds(project: &Project, lookup: &Lookup, a: &Facts<'_>, b: &Facts<'_>) -> Vec<DisputeKind> {
    let mut out = Vec::new();
    if let (Some(x), Some(y)) = (a.span, b.span)
        && !dates::overlap(x, y)
    {
        out.push(DisputeKind::Date);
    }
    if let (Some(x), Some(y)) = (&a.state.places, &b.state.places)
        && !places_agree(project, lookup, x, y)
    {
        out.push(DisputeKind::Place);
    }
    if !absent_but_named(a.state, b.state).is_empty()
        || !absent_but_named(b.state, a.state).is_empty()
    {
        out.push(DisputeKind::Participant);
    }
    let held_cancelled = |x: &ReportedState, y: &ReportedState| {
        x.status == Some(EventStatus::Held) && y.status == Some(EventStatus::Cancelled)
    };
    if held_cancelled(a.state, b.state) || held_cancelled(b.state, a.state) {
        out.push(DisputeKind::Status);
    }
    out
}

/// The actors `named` says take part and `absent` says do not. A participant named with
/// even odds or worse ("may attend") is not said to take part.
fn absent_but_named(named: &ReportedState, absent: &ReportedState) -> Vec<Id> {
    let Some(participants) = &named.participants else {
        return Vec::new();
    };
    participants
        .iter()
        .filter(|p| takes_part(p.certainty) && absent.absent.contains(&p.actor))
        .map(|p| p.actor)
        .collect()
}

fn takes_part(certainty: Certainty) -> bool {
    !matches!(
        certainty,
        Certainty::RoughlyEven
            | Certainty::Unlikely
            | Certainty::VeryUnlikely
            | Certainty::AlmostNoChance
    )
}

/// The one line for a dispute: what each source said, then why they cannot both be right.
fn dispute_text(
    project: &Project,
    lookup: &Lookup,
    a: &Facts<'_>,
    b: &Facts<'_>,
    kind: DisputeKind,
) -> String {
    let (sa, sb) = (
        source_names(project, lookup, a),
        source_names(project, lookup, b),
    );
    match kind {
        DisputeKind::Date => format!(
            "{sa}: {}; {sb}: {}. The dates do not overlap.",
            date_words(a.state.date.as_ref()),
            date_words(b.state.date.as_ref()),
        ),
        DisputeKind::Place => format!(
            "{sa}: {}; {sb}: {}. Neither place is within the other.",
            place_words(project, lookup, a.state),
            place_words(project, lookup, b.state),
        ),
        DisputeKind::Participant => {
            let mut parts = Vec::new();
            for (named, absent, by_named, by_absent) in [(a, b, &sa, &sb), (b, a, &sb, &sa)] {
                for actor in absent_but_named(named.state, absent.state) {
                    let who = lookup.name_of(project, actor);
                    parts.push(format!(
                        "{by_named} names {who}; {by_absent} says {who} was absent."
                    ));
                }
            }
            parts.join(" ")
        }
        DisputeKind::Status => format!(
            "{sa}: {}; {sb}: {}.",
            a.state.status.map_or("?", EventStatus::label),
            b.state.status.map_or("?", EventStatus::label),
        ),
    }
}

/// The outlets a state's claims were read in (`Claim::source`), each once, in the order
/// its claims list them: what the rules call the state's source.
pub fn state_sources(state: &ReportedState, project: &Project, lookup: &Lookup) -> Vec<Id> {
    let mut out: Vec<Id> = Vec::new();
    for claim in state
        .claims
        .iter()
        .filter_map(|&id| lookup.claim(project, id))
    {
        if !out.contains(&claim.source) {
            out.push(claim.source);
        }
    }
    out
}

/// The outlets of a state: "Xinhua", "Xinhua and Reuters".
fn source_names(project: &Project, lookup: &Lookup, facts: &Facts<'_>) -> String {
    let names: Vec<&str> = facts
        .sources
        .iter()
        .map(|&s| {
            lookup
                .source(project, s)
                .map_or(s.as_str(), |x| x.name.as_str())
        })
        .collect();
    names.join(" and ")
}

fn date_words(date: Option<&DateSpec>) -> String {
    let Some(date) = date else {
        return "no date".to_owned();
    };
    let words = date
        .bounds()
        .map_or_else(|_| date.edtf_text(), |b| describe_bounds(&b));
    match date.wording() {
        Some(w) => format!("{words} (“{w}”)"),
        None => words,
    }
}

fn place_words(project: &Project, lookup: &Lookup, state: &ReportedState) -> String {
    if let Some(words) = &state.place_wording {
        return format!("“{words}”");
    }
    let Some(places) = &state.places else {
        return "no place".to_owned();
    };
    let joiner = if places.iter().any(|p| p.candidate) {
        " or "
    } else {
        ", "
    };
    places
        .iter()
        .map(|p| lookup.name_of(project, p.location))
        .collect::<Vec<_>>()
        .join(joiner)
}
