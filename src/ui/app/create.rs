//! Edit ▸ New …: make an entity with sensible defaults, select it and open its form.

use super::DetenteApp;
use crate::app::Selected;
use crate::app::edits::{add_event, unique_id, upsert};
use crate::model::{
    Actor, ActorKind, Claim, Credibility, DateSpec, EntityKind, Event, EventKind, EventStatus, Id,
    Issue, Location, LocationPrecision, Position, Reliability, Source, SourceKind, Stance,
    civil_from_secs,
};

impl DetenteApp {
    pub(super) fn create(&mut self, kind: EntityKind) {
        let project = self.doc.project();
        let (edit, item) = match kind {
            EntityKind::Event => {
                // The day at the middle of the timeline: where the analyst is looking.
                let secs = self
                    .timeline
                    .view()
                    .map_or_else(crate::ui::timeline::now_secs, |v| {
                        (v.start_secs + v.end_secs()).div_euclid(2.0) as i64
                    });
                let day = civil_from_secs(secs).date().to_string();
                let Ok(date) = DateSpec::parse(&day) else {
                    return;
                };
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
            EntityKind::Position => {
                // A position needs a holder and an issue: the first of each, changed in the form.
                let (Some(holder), Some(issue)) = (project.actors.first(), project.issues.first())
                else {
                    self.error_message("A position needs an actor and an issue: add them first.");
                    return;
                };
                let Ok(as_of) = DateSpec::parse(
                    &civil_from_secs(crate::ui::timeline::now_secs())
                        .date()
                        .to_string(),
                ) else {
                    return;
                };
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
                (upsert(project, position, "add"), Selected::Position(id))
            }
            EntityKind::Claim => {
                let (Some(source), Some(credibility)) =
                    (project.sources.first(), Credibility::new(6))
                else {
                    self.error_message("A claim needs a source: add one first.");
                    return;
                };
                let id = Id::new(&unique_id(project, "c", "new claim"));
                let today = civil_from_secs(crate::ui::timeline::now_secs())
                    .date()
                    .to_string();
                let published = DateSpec::parse(&today).ok().map(|today| {
                    crate::app::claim_draft::default_published(project, Some(source.id), &today)
                });
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
                (upsert(project, claim, "add"), Selected::Claim(id))
            }
            EntityKind::Membership | EntityKind::Tag | EntityKind::Period => return,
        };
        match self.doc.apply(edit, None) {
            Ok(()) => {
                self.history.visit(&self.selection);
                self.selection.set(item.clone());
                self.forms.start(item);
            }
            Err(err) => self.error_message(&format!("Could not add it: {err}")),
        }
    }

    fn error_message(&mut self, text: &str) {
        crate::ui::notices::push_error(&mut self.notices, text.to_owned());
    }
}
