//! Edit ▸ New …: an entity with sensible defaults, as an edit, and what to select after.

use crate::app::Selected;
use crate::app::edit::Edit;
use crate::app::edits::{add_event, unique_id, upsert};
use crate::model::{
    Actor, ActorKind, Claim, Credibility, DateSpec, EntityKind, Event, EventKind, EventStatus, Id,
    Issue, Location, LocationPrecision, Position, Project, Reliability, Source, SourceKind, Stance,
    TimeSecs, civil_from_secs,
};

/// The edit that adds a new entity of `kind` to `project`, and the entity to select. A new
/// event falls on the day the analyst is `looking_at` (the middle of the timeline), else on
/// `now`'s day. `Ok(None)`: that kind is not made on its own (memberships, tags, periods are
/// made in their owners' forms). `Err`: what the project lacks first, for the analyst.
pub fn new_entity(
    project: &Project,
    kind: EntityKind,
    looking_at: Option<TimeSecs>,
    now: TimeSecs,
) -> Result<Option<(Edit, Selected)>, String> {
    let (edit, item) = match kind {
        EntityKind::Event => {
            // The day at the middle of the timeline: where the analyst is looking.
            let day = civil_from_secs(looking_at.unwrap_or(now))
                .date()
                .to_string();
            let date = DateSpec::parse(&day).map_err(|e| e.to_string())?;
            let id = unique_id(project, "ev", "new event");
            let event = Event::new(
                &id,
                "New event",
                EventKind::Meeting,
                EventStatus::Planned,
                date,
            );
            (add_event(project, event), Selected::Event(id.into()))
        }
        EntityKind::Actor => {
            let id = Id::new(&unique_id(project, "a", "new actor"));
            let actor = Actor {
                id,
                name: "New actor".into(),
                kind: ActorKind::Person,
                aliases: Vec::new(),
                affiliation: None,
                country: None,
                description: String::new(),
            };
            (upsert(project, actor, "add"), Selected::Actor(id))
        }
        EntityKind::Location => {
            let id = Id::new(&unique_id(project, "l", "new place"));
            let location = Location {
                id,
                name: "New place".into(),
                country: None,
                lat: None,
                lon: None,
                precision: LocationPrecision::Unknown,
                geonames_id: None,
                aliases: Vec::new(),
            };
            (upsert(project, location, "add"), Selected::Location(id))
        }
        EntityKind::Issue => {
            let id = Id::new(&unique_id(project, "i", "new issue"));
            let issue = Issue {
                id,
                name: "New issue".into(),
                description: String::new(),
            };
            (upsert(project, issue, "add"), Selected::Issue(id))
        }
        EntityKind::Source => {
            let id = Id::new(&unique_id(project, "src", "new source"));
            let source = Source {
                id,
                name: "New source".into(),
                kind: SourceKind::Other,
                actor: None,
                country: None,
                url: None,
                reliability: Reliability::F,
                scheme: Default::default(),
                note: String::new(),
            };
            (upsert(project, source, "add"), Selected::Source(id))
        }
        EntityKind::Position => new_position(project, now)?,
        EntityKind::Claim => new_claim(project, now)?,
        EntityKind::Membership | EntityKind::Tag | EntityKind::Period => return Ok(None),
    };
    Ok(Some((edit, item)))
}

fn new_position(project: &Project, now: TimeSecs) -> Result<(Edit, Selected), String> {
    // A position needs a holder and an issue: the first of each, changed in the form.
    let (Some(holder), Some(issue)) = (project.actors.first(), project.issues.first()) else {
        return Err("A position needs an actor and an issue: add them first.".into());
    };
    let as_of =
        DateSpec::parse(&civil_from_secs(now).date().to_string()).map_err(|e| e.to_string())?;
    let id = Id::new(&unique_id(project, "p", "new position"));
    let position = Position {
        id,
        holder: holder.id,
        issue: issue.id,
        stance: Stance::Unclear,
        summary: String::new(),
        conditions: String::new(),
        as_of,
        certainty: Default::default(),
        claims: Vec::new(),
    };
    Ok((upsert(project, position, "add"), Selected::Position(id)))
}

fn new_claim(project: &Project, now: TimeSecs) -> Result<(Edit, Selected), String> {
    let (Some(source), Some(credibility)) = (project.sources.first(), Credibility::new(6)) else {
        return Err("A claim needs a source: add one first.".into());
    };
    let id = Id::new(&unique_id(project, "c", "new claim"));
    let today = civil_from_secs(now).date().to_string();
    let published = DateSpec::parse(&today)
        .ok()
        .map(|today| crate::app::claim_draft::default_published(project, Some(source.id), &today));
    let claim = Claim {
        id,
        source: source.id,
        excerpt: Box::default(),
        context_before: arcstr::ArcStr::default(),
        context_after: arcstr::ArcStr::default(),
        attribution: Vec::new(),
        published,
        url: None,
        credibility,
        note: arcstr::ArcStr::default(),
    };
    Ok((upsert(project, claim, "add"), Selected::Claim(id)))
}
