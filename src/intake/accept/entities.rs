//! The entities accepted proposals name: actors, the outlet's source, locations and issues,
//! each the project's when it has one by that name (or alias), else one new entity per name.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::geo::{Gazetteer, fold};
use crate::intake::{ActorRef, IssueRef, PlaceRef, ProposedStep};
use crate::model::{
    Actor, ActorKind, Id, Issue, Location, LocationPrecision, Project, Reliability, Source,
    SourceKind,
};

use super::ids::Ids;

const ACCEPT_RON: &str = include_str!("../../../assets/intake/accept.ron");

#[derive(Debug, Default, serde::Deserialize)]
pub(super) struct WordLists {
    pub news_agencies: Vec<String>,
    pub outlet_verbs: Vec<String>,
    pub group_words: Vec<String>,
    pub family_roles: Vec<String>,
}

/// A broken asset fails the test below; at run time it gives empty lists, never a panic.
pub(super) static WORDS: LazyLock<WordLists> =
    LazyLock::new(|| ron::from_str(ACCEPT_RON).unwrap_or_default());

/// The new entities so far, and the names that find them and the project's.
pub(super) struct Entities<'p> {
    pub project: &'p Project,
    pub added: Project,
    pub ids: Ids<'p>,
    actors: HashMap<String, Id>,
    locations: HashMap<String, Id>,
    issues: HashMap<String, Id>,
}

impl<'p> Entities<'p> {
    pub(super) fn new(project: &'p Project) -> Self {
        let mut actors = HashMap::new();
        for a in &project.actors {
            for name in std::iter::once(&a.name).chain(&a.aliases) {
                actors.entry(fold(name)).or_insert(a.id);
            }
        }
        let mut locations = HashMap::new();
        for l in &project.locations {
            for name in std::iter::once(&l.name).chain(&l.aliases) {
                locations.entry(fold(name)).or_insert(l.id);
            }
        }
        let issues = project
            .issues
            .iter()
            .map(|i| (fold(&i.name), i.id))
            .collect();
        Self {
            project,
            added: Project::default(),
            ids: Ids::of(project),
            actors,
            locations,
            issues,
        }
    }

    /// The actor a proposal names: its match, an actor of that name (or, for a one-word
    /// name, a person whose surname it is: "Zelensky" for "Volodymyr Zelenskyy"), or a new
    /// one of the proposed kind.
    pub(super) fn actor(&mut self, name: &str, known: Option<Id>, kind: ActorKind) -> Id {
        if let Some(id) = known {
            return id;
        }
        let key = fold(name);
        if let Some(&id) = self.actors.get(&key) {
            return id;
        }
        if !key.contains(' ')
            && let Some(id) = self.person_by_surname(&key)
        {
            return id;
        }
        let id = Id::new(&self.ids.fresh("a", name));
        self.added.actors.push(Actor {
            id,
            name: name.trim().to_owned(),
            kind,
            aliases: Vec::new(),
            affiliation: None,
            // A state's own country; for anyone else the report rarely says.
            country: (kind == ActorKind::State)
                .then(|| country_code(name))
                .flatten(),
            description: String::new(),
        });
        self.actors.insert(key, id);
        id
    }

    pub(super) fn actor_ref(&mut self, actor: &ActorRef) -> Id {
        self.actor(&actor.name, actor.known, actor.kind)
    }

    fn person_by_surname(&self, key: &str) -> Option<Id> {
        // Five letters, as the positions stage: shorter surnames are too common to match.
        if key.len() < 5 {
            return None;
        }
        let people = self.project.actors.iter().chain(&self.added.actors);
        people
            .filter(|a| a.kind == ActorKind::Person)
            .find(|a| {
                fold(&a.name).rsplit(' ').next().is_some_and(|last| {
                    last != fold(&a.name) && crate::intake::positions::close_spelling(last, key)
                })
            })
            .map(|a| a.id)
    }

    /// An attribution step's actor: its match, the publishing outlet, or a new actor for a
    /// proper name (an outlet when its verb is an outlet's, else a person or organisation);
    /// an unnamed group ("sources familiar with the matter") stays words, with no actor.
    pub(super) fn step_actor(&mut self, step: &ProposedStep) -> Option<Id> {
        if step.actor.is_some() {
            return step.actor;
        }
        let key = fold(&step.name);
        if let Some(&id) = self.actors.get(&key) {
            return Some(id);
        }
        let words = &*WORDS;
        let proper = step.name.chars().next().is_some_and(char::is_uppercase);
        let group = key
            .split(' ')
            .any(|w| words.group_words.iter().any(|g| g == w));
        if !proper || group {
            return None;
        }
        let verb = step.verb.to_ascii_lowercase();
        let outlet = words.outlet_verbs.iter().any(|v| verb.contains(v.as_str()))
            || words.news_agencies.contains(&key);
        let kind = if outlet {
            ActorKind::Outlet
        } else if step.name.split_whitespace().count() >= 2 {
            ActorKind::Person
        } else {
            ActorKind::Organisation
        };
        Some(self.actor(&step.name, None, kind))
    }

    /// The source the report is read from (the project's of that name, or a new one with an
    /// actor of kind outlet), and that actor.
    pub(super) fn source(&mut self, outlet: &str) -> (Id, Option<Id>) {
        let key = fold(outlet);
        if let Some(s) = self.project.sources.iter().find(|s| fold(&s.name) == key) {
            return (s.id, s.actor);
        }
        let actor = self.actor(outlet, None, ActorKind::Outlet);
        let kind = if WORDS.news_agencies.contains(&key) {
            SourceKind::NewsAgency
        } else {
            SourceKind::OnlineOutlet
        };
        let id = Id::new(&self.ids.fresh("src", outlet));
        self.added.sources.push(Source {
            id,
            name: outlet.to_owned(),
            kind,
            actor: Some(actor),
            country: None,
            url: None,
            // F: the analyst has not graded the outlet yet.
            reliability: Reliability::F,
            scheme: crate::model::GradingScheme::Admiralty,
            note: "Added by article intake; grade its reliability.".to_owned(),
        });
        (id, Some(actor))
    }

    /// A place: its match, a location of that name, or a new one (a gazetteer city filled
    /// from the gazetteer, a country at country precision, else a name only).
    pub(super) fn location(&mut self, place: &PlaceRef) -> Id {
        if let Some(id) = place.known {
            return id;
        }
        let key = fold(&place.name);
        if let Some(&id) = self.locations.get(&key) {
            return id;
        }
        let mut location = Location {
            id: Id::new(&self.ids.fresh("l", &place.name)),
            name: place.name.trim().to_owned(),
            country: None,
            lat: None,
            lon: None,
            precision: LocationPrecision::Unknown,
            geonames_id: None,
            aliases: Vec::new(),
        };
        let city = place.geonames_id.and_then(|gid| {
            Gazetteer::embedded()
                .suggest(&place.name, 20)
                .into_iter()
                .find(|c| c.geonames_id == gid)
        });
        if let Some(city) = city {
            city.fill_location(&mut location, &place.name);
        } else if let Some(code) = place.country.as_deref().and_then(country_code) {
            location.country = Some(code);
            location.precision = LocationPrecision::Country;
        }
        let id = location.id;
        self.added.locations.push(location);
        self.locations.insert(key, id);
        id
    }

    pub(super) fn issue(&mut self, issue: &IssueRef) -> Id {
        if let Some(id) = issue.known {
            return id;
        }
        let key = fold(&issue.name);
        if let Some(&id) = self.issues.get(&key) {
            return id;
        }
        let id = Id::new(&self.ids.fresh("i", &issue.name));
        self.added.issues.push(Issue {
            id,
            name: issue.name.trim().to_owned(),
            description: String::new(),
        });
        self.issues.insert(key, id);
        id
    }
}

/// An ISO 3166-1 alpha-2 code from a code or a country's name ("US", "United States").
pub(super) fn country_code(text: &str) -> Option<String> {
    let text = text.trim();
    if text.len() == 2 && crate::geo::country_name(&text.to_ascii_uppercase()).is_some() {
        return Some(text.to_ascii_uppercase());
    }
    let key = fold(text.trim_start_matches("the ").trim_start_matches("The "));
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let bytes = [a, b];
            let code = std::str::from_utf8(&bytes).unwrap_or("");
            if crate::geo::country_name(code).is_some_and(|n| fold(n) == key) {
                return Some(code.to_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_lists_parse() {
        let words: WordLists = ron::from_str(ACCEPT_RON).expect("assets/intake/accept.ron parses");
        assert!(words.news_agencies.iter().any(|a| a == "xinhua"));
        assert!(words.group_words.iter().any(|a| a == "sources"));
    }

    #[test]
    fn countries_by_code_or_name() {
        assert_eq!(country_code("US").as_deref(), Some("US"));
        assert_eq!(country_code("United States").as_deref(), Some("US"));
        assert_eq!(country_code("Atlantis"), None);
    }
}
