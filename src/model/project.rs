//! The project: everything an analyst has gathered on one subject.

use rustc_hash::FxHashMap;

use super::{
    Actor, Claim, DateSpec, Event, Id, Issue, Location, Membership, Position, Source, ViewState,
};

/// The newest project file format this build reads and writes.
/// Version 2 added reported states (`Event::reported`); version 1 files are read and
/// upgraded in memory (`model::upgrade`).
pub const FORMAT_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub format_version: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The date the project is seen from, e.g. the report date that "this weekend" refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_date: Option<DateSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub memberships: Vec<Membership>,
    #[serde(default)]
    pub locations: Vec<Location>,
    #[serde(default)]
    pub issues: Vec<Issue>,
    #[serde(default)]
    pub positions: Vec<Position>,
    /// How the project was last viewed: filter, selection, grouping.
    #[serde(default, skip_serializing_if = "ViewState::is_default")]
    pub view: ViewState,
    #[serde(default)]
    pub events: Vec<Event>,
}

/// A named period (era) drawn as a band behind the timeline.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub id: Id,
    pub name: String,
    pub date: DateSpec,
    /// `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// A label for grouping events ("peace plan", a Timeline app category).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub id: Id,
    pub name: String,
    /// `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// What kind of entity an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Period,
    Tag,
    Source,
    Claim,
    Actor,
    Membership,
    Location,
    Issue,
    Position,
    Event,
}

impl EntityKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Period => "period",
            Self::Tag => "tag",
            Self::Source => "source",
            Self::Claim => "claim",
            Self::Actor => "actor",
            Self::Membership => "membership",
            Self::Location => "location",
            Self::Issue => "issue",
            Self::Position => "position",
            Self::Event => "event",
        }
    }

    /// The field of the project file that lists this kind.
    pub fn list_field(self) -> &'static str {
        match self {
            Self::Period => "periods",
            Self::Tag => "tags",
            Self::Source => "sources",
            Self::Claim => "claims",
            Self::Actor => "actors",
            Self::Membership => "memberships",
            Self::Location => "locations",
            Self::Issue => "issues",
            Self::Position => "positions",
            Self::Event => "events",
        }
    }
}

impl Default for Project {
    fn default() -> Self {
        Self::new("Untitled project")
    }
}

impl Project {
    pub fn new(title: &str) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            title: title.to_owned(),
            description: String::new(),
            reference_date: None,
            periods: Vec::new(),
            tags: Vec::new(),
            sources: Vec::new(),
            claims: Vec::new(),
            actors: Vec::new(),
            memberships: Vec::new(),
            locations: Vec::new(),
            issues: Vec::new(),
            positions: Vec::new(),
            view: ViewState::default(),
            events: Vec::new(),
        }
    }

    pub fn num_events(&self) -> usize {
        self.events.len()
    }

    /// Builds the id lookup. Cheap next to loading (entities other than events are few).
    pub fn lookup(&self) -> Lookup {
        Lookup::new(self)
    }

    /// Entities that others refer to by id: all but events.
    pub fn num_referable_entities(&self) -> usize {
        self.periods.len()
            + self.tags.len()
            + self.sources.len()
            + self.claims.len()
            + self.actors.len()
            + self.memberships.len()
            + self.locations.len()
            + self.issues.len()
            + self.positions.len()
    }
}

/// Id → position lookups for every entity kind except events (which no entity references).
#[derive(Clone, Debug, Default)]
pub struct Lookup {
    /// Positions as `u32`: an entry takes 12 bytes instead of 24 (a project's lists are far
    /// shorter than four billion).
    map: FxHashMap<Id, (EntityKind, u32)>,
}

impl Lookup {
    pub fn new(project: &Project) -> Self {
        // Sized for every entity at once: grown insert by insert, a 1M-claim import's map
        // was rebuilt twenty times over.
        let mut map = FxHashMap::with_capacity_and_hasher(
            project.num_referable_entities(),
            rustc_hash::FxBuildHasher,
        );
        let mut add = |kind: EntityKind, ids: &mut dyn Iterator<Item = Id>| {
            for (i, id) in ids.enumerate() {
                if let Ok(i) = u32::try_from(i) {
                    map.entry(id).or_insert((kind, i));
                }
            }
        };
        add(
            EntityKind::Period,
            &mut project.periods.iter().map(|x| x.id),
        );
        add(EntityKind::Tag, &mut project.tags.iter().map(|x| x.id));
        add(
            EntityKind::Source,
            &mut project.sources.iter().map(|x| x.id),
        );
        add(EntityKind::Claim, &mut project.claims.iter().map(|x| x.id));
        add(EntityKind::Actor, &mut project.actors.iter().map(|x| x.id));
        add(
            EntityKind::Membership,
            &mut project.memberships.iter().map(|x| x.id),
        );
        add(
            EntityKind::Location,
            &mut project.locations.iter().map(|x| x.id),
        );
        add(EntityKind::Issue, &mut project.issues.iter().map(|x| x.id));
        add(
            EntityKind::Position,
            &mut project.positions.iter().map(|x| x.id),
        );
        Self { map }
    }

    /// Distinct ids held (an id that several entities share counts once).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn get(&self, id: Id) -> Option<(EntityKind, usize)> {
        self.map.get(&id).map(|&(kind, i)| (kind, i as usize))
    }

    pub fn index_of(&self, id: Id, kind: EntityKind) -> Option<usize> {
        match self.get(id) {
            Some((k, i)) if k == kind => Some(i),
            _ => None,
        }
    }

    pub fn actor<'p>(&self, project: &'p Project, id: Id) -> Option<&'p Actor> {
        self.index_of(id, EntityKind::Actor)
            .map(|i| &project.actors[i])
    }

    pub fn location<'p>(&self, project: &'p Project, id: Id) -> Option<&'p Location> {
        self.index_of(id, EntityKind::Location)
            .map(|i| &project.locations[i])
    }

    pub fn claim<'p>(&self, project: &'p Project, id: Id) -> Option<&'p Claim> {
        self.index_of(id, EntityKind::Claim)
            .map(|i| &project.claims[i])
    }

    pub fn source<'p>(&self, project: &'p Project, id: Id) -> Option<&'p Source> {
        self.index_of(id, EntityKind::Source)
            .map(|i| &project.sources[i])
    }

    pub fn issue<'p>(&self, project: &'p Project, id: Id) -> Option<&'p Issue> {
        self.index_of(id, EntityKind::Issue)
            .map(|i| &project.issues[i])
    }

    pub fn tag<'p>(&self, project: &'p Project, id: Id) -> Option<&'p Tag> {
        self.index_of(id, EntityKind::Tag).map(|i| &project.tags[i])
    }

    /// The display name of any entity id, or the id itself when it names nothing. A claim
    /// is named by its words: its id is a file's business, not the analyst's.
    pub fn name_of<'p>(&self, project: &'p Project, id: Id) -> &'p str {
        match self.get(id) {
            Some((EntityKind::Actor, i)) => &project.actors[i].name,
            Some((EntityKind::Location, i)) => &project.locations[i].name,
            Some((EntityKind::Source, i)) => &project.sources[i].name,
            Some((EntityKind::Issue, i)) => &project.issues[i].name,
            Some((EntityKind::Tag, i)) => &project.tags[i].name,
            Some((EntityKind::Period, i)) => &project.periods[i].name,
            Some((EntityKind::Claim, i)) => &project.claims[i].excerpt,
            _ => id.as_str(),
        }
    }
}
