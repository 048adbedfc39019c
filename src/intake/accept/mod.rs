//! The accepted proposals as new entities of a project, and new reported states of the
//! events they match: what the review dialog hands to one undoable edit.
//!
//! Every name is looked up before anything is added: an actor, place or issue the project
//! has (by name or alias) is referred to, and one new entity stands for each other name,
//! however many proposals use it. Claims get their exact excerpt with about 60 characters
//! of context on each side, the attribution chain with actors where the name is one (an
//! unnamed group stays words), the publication date and the URL.

mod entities;
mod ids;

use std::collections::HashMap;

use arcstr::ArcStr;
use thin_vec::ThinVec;

use crate::model::{
    AttributionStep, Citation, Claim, Credibility, DateSpec, Event, EventPlace, EventStatus, Id,
    Membership, MembershipKind, ParticipantRole, Participation, Position, Project,
    ReportedParticipant, ReportedState,
};

use super::{ActorRef, Article, ClaimProposal, EventProposal, Proposals};
use entities::{Entities, WORDS};

/// Which proposals the analyst accepted, by index into the lists of [`super::Proposals`]
/// (edited proposals are edited in place before accepting).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    pub dates: Vec<bool>,
    pub claims: Vec<bool>,
    pub events: Vec<bool>,
    pub positions: Vec<bool>,
}

/// What accepting adds: new entities (to append), and new reported states of existing events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Accepted {
    /// Only the new entities: the source, claims, actors, memberships, locations, issues,
    /// positions and events. Ids are unique within the target project.
    pub additions: Project,
    /// A new reported state for each accepted event that matches one of the project's.
    pub states: Vec<(Id, ReportedState)>,
}

impl Accepted {
    /// Adds everything to `project` in place: the new entities appended, each state pushed
    /// onto its event's reports (a state whose event is gone is dropped). For the command
    /// line; the app records the same as one undoable edit.
    pub fn append_to(self, project: &mut Project) {
        crate::import::append_additions(project, self.additions);
        for (event_id, state) in self.states {
            if let Some(event) = project
                .events
                .iter_mut()
                .find(|e| e.id == event_id.as_str())
            {
                event.reported.push(state);
            }
        }
    }
}

impl Decisions {
    /// Everything accepted: what the review dialog starts from.
    pub fn all(proposals: &super::Proposals) -> Self {
        Self {
            dates: vec![true; proposals.dates.len()],
            claims: vec![true; proposals.claims.len()],
            events: vec![true; proposals.events.len()],
            positions: vec![true; proposals.positions.len()],
        }
    }
}

/// Context kept on each side of a claim's excerpt: about 60 characters, cut at a word, is
/// enough to find the sentence again in the report (the sample's contexts run 40–90).
const CONTEXT_CHARS: usize = 60;

/// The accepted proposals of `article` as additions to `project` and reported states of its
/// events. A rejected claim is dropped from the events and positions that cite it; a rejected
/// date leaves its events undated.
pub fn accept(
    project: &Project,
    article: &super::Article,
    proposals: &super::Proposals,
    decisions: &Decisions,
) -> Accepted {
    // A civil date always writes as an EDTF day; were it ever refused, nothing is added.
    let Ok(published) = DateSpec::parse(&article.published.to_string()) else {
        return Accepted::default();
    };
    let mut e = Entities::new(project);
    let outlet = outlet_name(article);
    // The source (and its outlet actor) only when a claim cites it: nothing that was not
    // accepted enters the project.
    let mut source = None;
    // The source's claims with the same words: the same report pasted again cites them
    // instead of adding copies.
    let mut known_claims: Option<HashMap<String, Id>> = None;
    let mut reused: Vec<Id> = Vec::new();
    let claim_ids: Vec<Option<Id>> = proposals
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            is_accepted(&decisions.claims, i).then(|| {
                let (source, outlet_actor) = *source.get_or_insert_with(|| e.source(&outlet));
                let known = known_claims
                    .get_or_insert_with(|| claims_of_source(project, source, article, proposals));
                match known.get(&one_spaced(c.span.of(&article.text))) {
                    Some(&id) => {
                        reused.push(id);
                        id
                    }
                    None => add_claim(&mut e, article, c, source, outlet_actor, &published),
                }
            })
        })
        .collect();
    let cited = |indexes: &[usize]| -> Vec<Id> {
        let mut ids: Vec<Id> = indexes
            .iter()
            .filter_map(|&i| claim_ids.get(i).copied().flatten())
            .collect();
        ids.dedup();
        ids
    };
    for (i, p) in proposals.positions.iter().enumerate() {
        if !is_accepted(&decisions.positions, i) {
            continue;
        }
        let holder = e.actor_ref(&p.holder);
        let issue = e.issue(&p.issue);
        let as_of = DateSpec::parse(&p.as_of)
            .unwrap_or_else(|_| published.clone())
            .with_wording(p.stance_words.of(&article.text));
        // The same stance of the same holder on the same issue as of the same day is
        // already there (the report pasted again).
        let known = project.positions.iter().any(|x| {
            x.holder == holder
                && x.issue == issue
                && x.stance == p.stance
                && x.as_of.edtf_text() == as_of.edtf_text()
        });
        if known {
            continue;
        }
        let id = Id::new(
            &e.ids
                .fresh("p", &format!("{} {}", p.holder.name, p.issue.name)),
        );
        e.added.positions.push(Position {
            id,
            holder,
            issue,
            stance: p.stance,
            summary: p.summary.clone(),
            conditions: p.conditions.clone().unwrap_or_default(),
            as_of,
            certainty: crate::model::Certainty::Stated,
            claims: cited(&p.claims),
        });
    }
    let mut states = Vec::new();
    for (i, event) in proposals.events.iter().enumerate() {
        if !is_accepted(&decisions.events, i) {
            continue;
        }
        let claims = cited(&event.claims);
        let state = reported_state(&mut e, event, decisions, &claims);
        add_memberships(&mut e, proposals, event, &claim_ids);
        match event.matches {
            // A state that cites only claims the project had (this report was read before)
            // says nothing new.
            Some(_) if state.claims.iter().all(|c| reused.contains(c)) => {}
            Some(id) => states.push((id, state)),
            None => add_event(&mut e, event, state, &claims, &published),
        }
    }
    Accepted {
        additions: e.added,
        states,
    }
}

/// The words of a text with its runs of white space made single spaces.
fn one_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `source`'s claims in the project whose excerpt is one of the proposals' (by words), by
/// excerpt: one pass over the project's claims, comparing ids before words.
fn claims_of_source(
    project: &Project,
    source: Id,
    article: &Article,
    proposals: &super::Proposals,
) -> HashMap<String, Id> {
    let wanted: std::collections::HashSet<String> = proposals
        .claims
        .iter()
        .map(|c| one_spaced(c.span.of(&article.text)))
        .collect();
    project
        .claims
        .iter()
        .filter(|c| c.source == source)
        .filter_map(|c| {
            let words = one_spaced(&c.excerpt);
            wanted.contains(&words).then_some((words, c.id))
        })
        .collect()
}

fn is_accepted(list: &[bool], index: usize) -> bool {
    list.get(index).copied().unwrap_or(false)
}

/// The outlet as the article names it, else the URL's host, else words that say so.
fn outlet_name(article: &Article) -> String {
    if let Some(outlet) = article.outlet.as_deref().map(str::trim)
        && !outlet.is_empty()
    {
        return outlet.to_owned();
    }
    let host = article.url.as_deref().and_then(|url| {
        let rest = url.split("://").nth(1).unwrap_or(url);
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.trim_start_matches("www.");
        (!host.is_empty()).then(|| host.to_owned())
    });
    host.unwrap_or_else(|| "Unnamed outlet".to_owned())
}

fn add_claim(
    e: &mut Entities<'_>,
    article: &Article,
    claim: &ClaimProposal,
    source: Id,
    outlet_actor: Option<Id>,
    published: &DateSpec,
) -> Id {
    let text = &article.text;
    let excerpt = claim.span.of(text).trim();
    let attribution = claim
        .attribution
        .iter()
        .map(|step| {
            let actor = if article
                .outlet
                .as_deref()
                .is_some_and(|o| crate::geo::fold(o) == crate::geo::fold(&step.name))
            {
                outlet_actor.or(step.actor)
            } else {
                e.step_actor(step)
            };
            AttributionStep {
                actor,
                name: if actor.is_some() {
                    ArcStr::default()
                } else {
                    ArcStr::from(step.name.as_str())
                },
                verb: step.verb.as_str().into(),
            }
        })
        .collect();
    let id = Id::new(&e.ids.fresh("c", excerpt));
    e.added.claims.push(Claim {
        id,
        source,
        excerpt: excerpt.into(),
        context_before: ArcStr::from(context_before(text, claim.span.start)),
        context_after: ArcStr::from(context_after(text, claim.span.end)),
        attribution,
        published: Some(published.clone()),
        url: article.url.as_deref().map(ArcStr::from),
        credibility: Credibility::new(claim.credibility)
            .unwrap_or(Credibility::ALL[Credibility::ALL.len() - 1]),
        note: ArcStr::default(),
    });
    id
}

/// About [`CONTEXT_CHARS`] characters before `start`, from a word's start, on one line.
fn context_before(text: &str, start: usize) -> String {
    let before = text.get(..start).unwrap_or("");
    let from = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS)
        .map_or(0, |(i, _)| i);
    let mut piece = &before[from..];
    if from > 0 {
        piece = piece.split_once(' ').map_or(piece, |(_, rest)| rest);
    }
    piece.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// About [`CONTEXT_CHARS`] characters after `end`, to a word's end.
fn context_after(text: &str, end: usize) -> String {
    let after = text.get(end..).unwrap_or("");
    let to = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    let mut piece = &after[..to];
    if to < after.len() {
        piece = piece.rsplit_once(' ').map_or(piece, |(head, _)| head);
    }
    piece.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the report said of the event: its date (unless a date it rests on was rejected),
/// status, places and participants, tied to the accepted claims.
fn reported_state(
    e: &mut Entities<'_>,
    event: &EventProposal,
    decisions: &Decisions,
    claims: &[Id],
) -> ReportedState {
    let dated = event
        .dates
        .iter()
        .all(|&d| is_accepted(&decisions.dates, d));
    let date = event
        .edtf
        .as_deref()
        .filter(|_| dated)
        .and_then(|edtf| DateSpec::parse(edtf).ok())
        .map(|d| match &event.wording {
            Some(w) => d.with_wording(w),
            None => d,
        });
    let places: ThinVec<EventPlace> = event
        .places
        .iter()
        .map(|p| EventPlace {
            location: e.location(p),
            candidate: p.candidate,
        })
        .collect();
    let mut participants: ThinVec<ReportedParticipant> = ThinVec::new();
    for actor in &event.participants {
        let id = e.actor_ref(actor);
        if !participants.iter().any(|p| p.actor == id) {
            participants.push(ReportedParticipant {
                actor: id,
                role: ParticipantRole::Participant,
                certainty: crate::model::Certainty::Stated,
            });
        }
    }
    ReportedState {
        claims: claims.iter().copied().collect(),
        date,
        status: Some(event.status),
        places: (!places.is_empty()).then_some(places),
        place_wording: event.place_wording.as_deref().map(ArcStr::from),
        participants: (!participants.is_empty()).then_some(participants),
        ..ReportedState::default()
    }
}

fn add_event(
    e: &mut Entities<'_>,
    event: &EventProposal,
    state: ReportedState,
    claims: &[Id],
    published: &DateSpec,
) {
    // Undated in the report: before it if it happened, after it if it is to come.
    let date = state.date.clone().unwrap_or_else(|| {
        let p = published.edtf_text();
        let edtf = if event.status == EventStatus::Held {
            format!("/{p}")
        } else {
            format!("{p}/..")
        };
        DateSpec::parse(&edtf)
            .unwrap_or_else(|_| published.clone())
            .with_wording("no date in the report")
    });
    let title = if event.title.trim().is_empty() {
        event.kind.label()
    } else {
        event.title.trim()
    };
    let mut new = Event::new(
        &e.ids.fresh("ev", title),
        title,
        event.kind,
        event.status,
        date,
    );
    new.places = state.places.clone().unwrap_or_default();
    new.place_wording.clone_from(&state.place_wording);
    new.participants = state
        .participants
        .iter()
        .flatten()
        .map(|p| Participation {
            actor: p.actor,
            role: p.role,
            certainty: p.certainty,
        })
        .collect();
    new.claims = claims.iter().map(|&c| Citation::of_event(c)).collect();
    new.reported = ThinVec::from([state]);
    e.added.events.push(new);
}

/// A participant's role in apposition ("a special envoy of President Donald Trump",
/// "Trump’s son-in-law") as a membership of the one named, cited by the event's claims
/// that name the participant.
fn add_memberships(
    e: &mut Entities<'_>,
    proposals: &Proposals,
    event: &EventProposal,
    claim_ids: &[Option<Id>],
) {
    for actor in &event.participants {
        let Some(role) = actor.role.as_deref() else {
            continue;
        };
        let Some((role, of)) = role_and_organisation(role) else {
            continue;
        };
        let member = e.actor_ref(actor);
        let organisation = e.actor(&of, None, organisation_kind(&of));
        let exists =
            |m: &Membership| m.member == member && m.organisation == organisation && m.role == role;
        if e.project.memberships.iter().any(exists) || e.added.memberships.iter().any(exists) {
            continue;
        }
        let claims = claims_naming(proposals, event, actor, claim_ids);
        let family = WORDS.family_roles.iter().any(|f| *f == role.to_lowercase());
        let id = Id::new(&e.ids.fresh("m", &format!("{} {role}", actor.name)));
        e.added.memberships.push(Membership {
            id,
            member,
            organisation,
            role,
            kind: if family {
                MembershipKind::Family
            } else {
                MembershipKind::Office
            },
            start: None,
            end: None,
            certainty: crate::model::Certainty::Stated,
            claims,
        });
    }
}

/// "a special envoy of President Donald Trump" → ("special envoy", "Donald Trump");
/// "Trump’s son-in-law" → ("son-in-law", "Trump").
fn role_and_organisation(text: &str) -> Option<(String, String)> {
    let text = text.trim().trim_end_matches(',');
    let text = ["a ", "an ", "the "]
        .iter()
        .find_map(|a| text.strip_prefix(a))
        .unwrap_or(text);
    let (role, of) = if let Some((role, of)) = text.split_once(" of ") {
        (role, of)
    } else {
        let (of, role) = text.split_once("’s ").or_else(|| text.split_once("'s "))?;
        (role, of)
    };
    let of = super::positions::name_without_title(of)?;
    let role = role.trim();
    (!role.is_empty() && of.chars().next().is_some_and(char::is_uppercase))
        .then(|| (role.to_owned(), of))
}

fn organisation_kind(name: &str) -> crate::model::ActorKind {
    if entities::country_code(name).is_some() {
        crate::model::ActorKind::State
    } else if name.split_whitespace().count() >= 2 {
        crate::model::ActorKind::Person
    } else {
        crate::model::ActorKind::Organisation
    }
}

fn claims_naming(
    proposals: &Proposals,
    event: &EventProposal,
    actor: &ActorRef,
    claim_ids: &[Option<Id>],
) -> Vec<Id> {
    event
        .claims
        .iter()
        .filter(|&&c| {
            proposals
                .claims
                .get(c)
                .is_some_and(|claim| actor.spans.iter().any(|&s| claim.span.contains(s)))
        })
        .filter_map(|&c| claim_ids.get(c).copied().flatten())
        .collect()
}

#[cfg(test)]
mod seed_proposals;
#[cfg(test)]
mod tests;
