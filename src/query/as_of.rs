//! The project "as of" a day D: only what had been published by the end of D (issue 13,
//! item 2). The rules are written out in docs/AS_OF.md; in short:
//!
//! - a claim is kept when it was certainly published by the end of D
//!   ([`claim_known_secs`] ≤ the start of D + 1); a claim without a publication date cannot
//!   be shown to predate D, so it is hidden and counted;
//! - an event is kept when its first reported state (or, without states, the first of its
//!   cited claims) is known by D; an event known by no dated claim at all is hidden and
//!   counted. It shows its reported states known by D folded in publication order: each
//!   field a state gives replaces the one before; a field no known state gives is "not
//!   reported yet" (status unknown, no place, no participant), never the analyst's current
//!   value; an event whose known reports give no date yet is hidden and counted;
//! - citations of hidden claims go; positions and memberships keep their known claims, and
//!   one whose claims are all hidden, or whose own date begins after D, goes;
//! - sources, actors, locations, issues, tags and periods stay.
//!
//! The result is a whole [`Project`], not a view over the real one: every view, the filter,
//! the derived indices and every exporter already read a `Project`, so one projection makes
//! all of them honour D without a second code path in each (the cost is a copy of the kept
//! events while "as of" is on).

use jiff::civil;
use rustc_hash::FxHashSet;
use thin_vec::ThinVec;

use crate::model::{
    Citation, DateSpec, Event, EventPlace, EventStatus, Id, Lookup, Membership, Participation,
    Position, Project, ReportedState, SECS_PER_DAY, TimeSecs, civil_from_secs, claim_known_secs,
    day_start_secs, parse_date_input, states_in_publication_order,
};

/// The day a view is "as of": it shows what was published by the end of that day (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AsOf {
    day: civil::Date,
}

impl AsOf {
    pub fn new(day: civil::Date) -> Self {
        Self { day }
    }

    pub fn day(self) -> civil::Date {
        self.day
    }

    /// The day that ends just before `secs` (a claim known at the start of 19 Dec was
    /// published by the end of 18 Dec).
    pub fn ending_at(secs: TimeSecs) -> Self {
        Self::new(civil_from_secs(secs - 1).date())
    }

    /// Reads a date as the app's date fields do ("18 Dec 2025", "2025-12-18"). A date
    /// longer than a day means its last day ("Dec 2025": as of 31 December 2025).
    pub fn parse(text: &str) -> Result<Self, String> {
        let input = parse_date_input(text).map_err(|e| e.to_string())?;
        let bounds = DateSpec::parse(&input.edtf)
            .and_then(|d| d.bounds())
            .map_err(|e| e.to_string())?;
        let last = if bounds.latest_secs > bounds.earliest_secs {
            bounds.latest_secs
        } else {
            bounds.earliest_secs + 1
        };
        Ok(Self::ending_at(last))
    }

    /// The start of the next day: what is known by then was published by the end of D.
    pub fn cutoff_secs(self) -> TimeSecs {
        day_start_secs(
            i32::from(self.day.year()),
            u32::try_from(self.day.month()).unwrap_or(1),
            u32::try_from(self.day.day()).unwrap_or(1),
        )
        .map_or(TimeSecs::MAX, |start| start + SECS_PER_DAY)
    }

    /// "18 Dec 2025", for the window title and the banner.
    pub fn text(self) -> String {
        self.day.strftime("%-d %b %Y").to_string()
    }

    /// "2025-12-18".
    pub fn edtf(self) -> String {
        self.day.to_string()
    }
}

/// What the projection left out, for the banner ("3 events not yet reported").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hidden {
    /// Events first reported after D.
    pub events_later: usize,
    /// Events that no dated claim reports: they cannot be shown to predate D.
    pub events_undated: usize,
    /// Events reported by D whose reports by then gave no date.
    pub events_without_date: usize,
    pub claims_later: usize,
    /// Claims without a publication date.
    pub claims_undated: usize,
    pub positions: usize,
    pub memberships: usize,
}

impl Hidden {
    /// "2 events and 3 claims published later; 1 claim without a publication date", or
    /// `None` when nothing is hidden.
    pub fn text(&self) -> Option<String> {
        use crate::model::count;
        let mut parts = Vec::new();
        let mut later = Vec::new();
        if self.events_later > 0 {
            later.push(count(self.events_later, "event", "events"));
        }
        if self.claims_later > 0 {
            later.push(count(self.claims_later, "claim", "claims"));
        }
        if !later.is_empty() {
            parts.push(format!("{} reported later", later.join(" and ")));
        }
        if self.claims_undated > 0 {
            parts.push(format!(
                "{} without a publication date",
                count(self.claims_undated, "claim", "claims")
            ));
        }
        if self.events_undated > 0 {
            parts.push(format!(
                "{} known by no dated claim",
                count(self.events_undated, "event", "events")
            ));
        }
        if self.events_without_date > 0 {
            parts.push(format!(
                "{} with no date reported yet",
                count(self.events_without_date, "event", "events")
            ));
        }
        let other = self.positions + self.memberships;
        if other > 0 {
            parts.push(format!(
                "{} known only later",
                count(other, "position or role", "positions and roles")
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// The project as of a day, and what it left out.
#[derive(Clone, Debug)]
pub struct Projected {
    pub project: Project,
    pub hidden: Hidden,
}

/// `project` as it was known at the end of `as_of`'s day (see the module's rules).
pub fn project_as_of(project: &Project, lookup: &Lookup, as_of: AsOf) -> Projected {
    project_as_of_watched(project, lookup, as_of, &mut |_| true)
        .unwrap_or_else(|| unreachable_projection(project))
}

/// Never reached: `project_as_of` goes on at every step.
fn unreachable_projection(project: &Project) -> Projected {
    Projected {
        project: Project::new(&project.title),
        hidden: Hidden::default(),
    }
}

/// How many events between two calls of the progress callback: often enough for a
/// progress bar and a Cancel at 1M events, rarely enough to cost nothing.
const EVENTS_PER_STEP: usize = 16_384;

/// [`project_as_of`] as background work: `go_on(events done)` is called every
/// [`EVENTS_PER_STEP`] events; `None` when it answered false (cancelled).
pub fn project_as_of_watched(
    project: &Project,
    lookup: &Lookup,
    as_of: AsOf,
    go_on: &mut dyn FnMut(usize) -> bool,
) -> Option<Projected> {
    let cutoff = as_of.cutoff_secs();
    let mut hidden = Hidden::default();
    let mut known_claims: FxHashSet<Id> = FxHashSet::default();
    let mut claims = Vec::new();
    for claim in &project.claims {
        match claim_known_secs(claim) {
            Some(secs) if secs <= cutoff => {
                known_claims.insert(claim.id);
                claims.push(claim.clone());
            }
            Some(_) => hidden.claims_later += 1,
            None => hidden.claims_undated += 1,
        }
    }
    let mut events = Vec::new();
    for (i, event) in project.events.iter().enumerate() {
        if i % EVENTS_PER_STEP == 0 && !go_on(i) {
            return None;
        }
        match event_as_of(event, project, lookup, &known_claims, cutoff) {
            Ok(kept) => events.push(kept),
            Err(Gone::Later) => hidden.events_later += 1,
            Err(Gone::Undated) => hidden.events_undated += 1,
            Err(Gone::NoDate) => hidden.events_without_date += 1,
        }
    }
    let (positions, memberships) = positions_and_roles(project, &known_claims, cutoff, &mut hidden);
    let reference = DateSpec::parse(&as_of.edtf())
        .ok()
        .map(|d| d.with_wording("as of"));
    Some(Projected {
        project: Project {
            format_version: project.format_version,
            title: project.title.clone(),
            description: project.description.clone(),
            reference_date: reference.or_else(|| project.reference_date.clone()),
            periods: project.periods.clone(),
            tags: project.tags.clone(),
            sources: project.sources.clone(),
            claims,
            actors: project.actors.clone(),
            memberships,
            locations: project.locations.clone(),
            issues: project.issues.clone(),
            positions,
            view: project.view.clone(),
            events,
        },
        hidden,
    })
}

/// Positions and memberships with their known claims; those resting only on later claims,
/// or whose own date begins after D, are left out and counted.
fn positions_and_roles(
    project: &Project,
    known_claims: &FxHashSet<Id>,
    cutoff: TimeSecs,
    hidden: &mut Hidden,
) -> (Vec<Position>, Vec<Membership>) {
    let known = |ids: &[Id]| -> Vec<Id> {
        ids.iter()
            .copied()
            .filter(|c| known_claims.contains(c))
            .collect()
    };
    let mut positions = Vec::new();
    for position in &project.positions {
        let kept = known(&position.claims);
        let begins_later = begins_after(&position.as_of, cutoff);
        if begins_later || (kept.is_empty() && !position.claims.is_empty()) {
            hidden.positions += 1;
        } else {
            let mut position = position.clone();
            position.claims = kept;
            positions.push(position);
        }
    }
    let mut memberships = Vec::new();
    for membership in &project.memberships {
        let kept = known(&membership.claims);
        let begins_later = membership
            .start
            .as_ref()
            .is_some_and(|d| begins_after(d, cutoff));
        if begins_later || (kept.is_empty() && !membership.claims.is_empty()) {
            hidden.memberships += 1;
        } else {
            let mut membership = membership.clone();
            membership.claims = kept;
            // An end after D was not known at D: the role goes on as far as D knows.
            if membership
                .end
                .as_ref()
                .is_some_and(|d| begins_after(d, cutoff))
            {
                membership.end = None;
            }
            memberships.push(membership);
        }
    }
    (positions, memberships)
}

/// Whether a date's earliest instant is at or after the cutoff (it starts after D). A date
/// that cannot be read says nothing against the entity.
fn begins_after(date: &DateSpec, cutoff: TimeSecs) -> bool {
    date.bounds().is_ok_and(|b| b.earliest_secs >= cutoff)
}

/// Why an event is not shown as of D.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gone {
    /// First reported after D.
    Later,
    /// No dated claim reports it.
    Undated,
    /// Reported by D, but no report by then gave its date.
    NoDate,
}

fn event_as_of(
    event: &Event,
    project: &Project,
    lookup: &Lookup,
    known_claims: &FxHashSet<Id>,
    cutoff: TimeSecs,
) -> Result<Event, Gone> {
    if event.reported.is_empty() {
        return event_without_states(event, project, lookup, known_claims, cutoff);
    }
    let order = states_in_publication_order(event, project, lookup);
    if order.iter().all(|(_, known)| known.is_none()) {
        return Err(Gone::Undated);
    }
    let known_states: Vec<usize> = order
        .iter()
        .filter(|(_, known)| known.is_some_and(|k| k <= cutoff))
        .map(|&(i, _)| i)
        .collect();
    if known_states.is_empty() {
        return Err(Gone::Later);
    }
    let folded = fold_states(known_states.iter().map(|&i| &event.reported[i]));
    let date = folded.date.ok_or(Gone::NoDate)?;
    let participants: Box<[Participation]> = folded.participants.into_iter().collect();
    let everything_known = known_states.len() == event.reported.len();
    let mut kept_states: Vec<usize> = known_states;
    kept_states.sort_unstable();
    let reported = kept_states
        .into_iter()
        .map(|i| {
            let mut state = event.reported[i].clone();
            state.claims.retain(|c| known_claims.contains(c));
            state
        })
        .collect();
    Ok(Event {
        id: event.id.clone(),
        title: event.title.clone(),
        kind: event.kind,
        status: folded.status.unwrap_or(EventStatus::Unknown),
        date,
        places: folded.places,
        place_wording: folded.place_wording,
        claims: kept_citations(&event.claims, &participants, known_claims),
        participants,
        tags: event.tags.clone(),
        // The analyst's description draws on every report of the event: shown only when
        // every one of them was published by D.
        description: if everything_known {
            event.description.clone()
        } else {
            arcstr::ArcStr::default()
        },
        reported,
    })
}

/// An event without reported states: its own fields are what its claims said, known once
/// the first of them was. A participant whose part rests only on later claims goes.
fn event_without_states(
    event: &Event,
    project: &Project,
    lookup: &Lookup,
    known_claims: &FxHashSet<Id>,
    cutoff: TimeSecs,
) -> Result<Event, Gone> {
    let first = event
        .claims
        .iter()
        .filter_map(|c| lookup.claim(project, c.claim))
        .filter_map(claim_known_secs)
        .min()
        .ok_or(Gone::Undated)?;
    if first > cutoff {
        return Err(Gone::Later);
    }
    let participants: Box<[Participation]> = event
        .participants
        .iter()
        .filter(|p| {
            let mut about = event.claims_about(p.actor).peekable();
            about.peek().is_none() || about.any(|c| known_claims.contains(&c))
        })
        .copied()
        .collect();
    let everything_known = event.claims.iter().all(|c| known_claims.contains(&c.claim));
    Ok(Event {
        claims: kept_citations(&event.claims, &participants, known_claims),
        participants,
        description: if everything_known {
            event.description.clone()
        } else {
            arcstr::ArcStr::default()
        },
        ..event.clone()
    })
}

/// The citations of known claims, about the event or about a participant still shown.
fn kept_citations(
    citations: &[Citation],
    participants: &[Participation],
    known_claims: &FxHashSet<Id>,
) -> ThinVec<Citation> {
    citations
        .iter()
        .filter(|c| known_claims.contains(&c.claim))
        .filter(|c| {
            c.participant
                .is_none_or(|actor| participants.iter().any(|p| p.actor == actor))
        })
        .copied()
        .collect()
}

/// What the known states say together: the latest word on each field.
#[derive(Default)]
struct Folded {
    date: Option<DateSpec>,
    status: Option<EventStatus>,
    places: ThinVec<EventPlace>,
    place_wording: Option<arcstr::ArcStr>,
    participants: Vec<Participation>,
}

/// Folds states given in publication order. Places and their wording go together: a report
/// that names places (or only words for them) replaces both, so that an old wording never
/// describes new places. Participants: a report that names them replaces the list; one that
/// says someone is absent removes that actor.
fn fold_states<'a>(states: impl Iterator<Item = &'a ReportedState>) -> Folded {
    let mut folded = Folded::default();
    for state in states {
        if let Some(date) = &state.date {
            folded.date = Some(date.clone());
        }
        if let Some(status) = state.status {
            folded.status = Some(status);
        }
        if state.places.is_some() || state.place_wording.is_some() {
            folded.places = state.places.clone().unwrap_or_default();
            folded.place_wording.clone_from(&state.place_wording);
        }
        if let Some(named) = &state.participants {
            folded.participants = named
                .iter()
                .map(|p| Participation {
                    actor: p.actor,
                    role: p.role,
                    certainty: p.certainty,
                })
                .collect();
        }
        folded
            .participants
            .retain(|p| !state.absent.contains(&p.actor));
    }
    folded
}

/// The distinct days on which claims became known (the last day of each publication date),
/// oldest first: the stops of the as-of slider and of the keys that step between reports.
pub fn report_days(project: &Project) -> Vec<AsOf> {
    let seen: FxHashSet<TimeSecs> = project.claims.iter().filter_map(claim_known_secs).collect();
    let mut days: Vec<AsOf> = seen.into_iter().map(AsOf::ending_at).collect();
    days.sort_unstable();
    days.dedup();
    days
}
