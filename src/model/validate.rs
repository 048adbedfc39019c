//! Validation: every duplicate id, dangling reference and invalid value, with where it is.
//!
//! Validation is pure: it names the entity and field of each problem. `io` turns that into a
//! line and column of the file being loaded.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{DateSpec, EntityKind, Id, Lookup, Project};

/// Where in the project a problem is: the entity (by list and id), the field, and the
/// offending value when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locator {
    pub kind: EntityKind,
    pub entity_id: String,
    pub field: &'static str,
    pub value: Option<String>,
    /// For a field of one of an event's reported states: its index in `Event::reported`
    /// (`field` is then the state's field: "claims", "places", "participants", "absent").
    pub state: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub at: Locator,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Checks a project and returns every problem found, in file order.
pub fn validate(project: &Project) -> Vec<Problem> {
    let mut v = Validator {
        lookup: project.lookup(),
        problems: Vec::new(),
    };
    v.duplicates(project);
    v.references(project);
    v.values(project);
    v.problems
}

/// The entity a problem is about: its id's text is looked up only for a problem, where
/// looking up a million claims' ids up front took 3% of saving a 1M-event import.
#[derive(Clone, Copy)]
enum Named<'a> {
    Text(&'a str),
    Id(Id),
}

impl<'a> Named<'a> {
    fn text(self) -> &'a str {
        match self {
            Self::Text(text) => text,
            Self::Id(id) => id.as_str(),
        }
    }
}

impl<'a> From<&'a str> for Named<'a> {
    fn from(text: &'a str) -> Self {
        Self::Text(text)
    }
}

impl From<Id> for Named<'_> {
    fn from(id: Id) -> Self {
        Self::Id(id)
    }
}

struct Validator {
    lookup: Lookup,
    problems: Vec<Problem>,
}

impl Validator {
    fn push(
        &mut self,
        kind: EntityKind,
        entity_id: &str,
        field: &'static str,
        value: Option<String>,
        message: String,
    ) {
        self.push_at(kind, entity_id, None, field, value, message);
    }

    fn push_at(
        &mut self,
        kind: EntityKind,
        entity_id: &str,
        state: Option<usize>,
        field: &'static str,
        value: Option<String>,
        message: String,
    ) {
        self.problems.push(Problem {
            message,
            at: Locator {
                kind,
                entity_id: entity_id.to_owned(),
                field,
                value,
                state,
            },
        });
    }

    fn duplicates(&mut self, p: &Project) {
        let num_entities = p.num_referable_entities();
        // The lookup holds each id once: as many entries as entities means no id repeats,
        // and the pass below (a second 1M-entry map for a 1M-claim import) is not needed.
        if self.lookup.len() != num_entities {
            self.repeated_entity_ids(p);
        }
        // Event ids are not interned (no entity refers to events): compared as text, and
        // with an entity's id only when the text is an interned id at all.
        let mut event_ids: FxHashSet<&str> =
            FxHashSet::with_capacity_and_hasher(p.events.len(), Default::default());
        for e in &p.events {
            if !Id::is_valid_text(&e.id) {
                self.push(
                    EntityKind::Event,
                    &e.id,
                    "id",
                    None,
                    format!("invalid event id {:?}: ids are non-empty and use letters, digits and - _ . : /", e.id.as_str()),
                );
            } else if !event_ids.insert(e.id.as_str())
                || Id::existing(&e.id).is_some_and(|id| self.lookup.get(id).is_some())
            {
                self.push(
                    EntityKind::Event,
                    &e.id,
                    "id",
                    None,
                    format!("duplicate id \"{}\": ids must be unique in a project", e.id),
                );
            }
        }
    }

    /// Each entity whose id an earlier entity already has.
    fn repeated_entity_ids(&mut self, p: &Project) {
        let mut seen: FxHashMap<Id, EntityKind> = FxHashMap::default();
        let mut check = |v: &mut Self, kind: EntityKind, id: Id| {
            if let Some(first) = seen.insert(id, kind) {
                v.push(
                    kind,
                    id.as_str(),
                    "id",
                    None,
                    format!(
                        "duplicate id \"{id}\": a {} already has this id; ids must be unique in a project",
                        first.label()
                    ),
                );
            }
        };
        for x in &p.periods {
            check(self, EntityKind::Period, x.id);
        }
        for x in &p.tags {
            check(self, EntityKind::Tag, x.id);
        }
        for x in &p.sources {
            check(self, EntityKind::Source, x.id);
        }
        for x in &p.claims {
            check(self, EntityKind::Claim, x.id);
        }
        for x in &p.actors {
            check(self, EntityKind::Actor, x.id);
        }
        for x in &p.memberships {
            check(self, EntityKind::Membership, x.id);
        }
        for x in &p.locations {
            check(self, EntityKind::Location, x.id);
        }
        for x in &p.issues {
            check(self, EntityKind::Issue, x.id);
        }
        for x in &p.positions {
            check(self, EntityKind::Position, x.id);
        }
    }

    /// Reports `target` unless it names an entity of `expected` kind.
    fn reference<'a>(
        &mut self,
        kind: EntityKind,
        entity_id: impl Into<Named<'a>>,
        field: &'static str,
        target: Id,
        expected: EntityKind,
    ) {
        self.reference_in(kind, entity_id, None, field, target, expected);
    }

    /// [`Self::reference`] for a field of the event's reported state `state` when given.
    fn reference_in<'a>(
        &mut self,
        kind: EntityKind,
        entity_id: impl Into<Named<'a>>,
        state: Option<usize>,
        field: &'static str,
        target: Id,
        expected: EntityKind,
    ) {
        let found = self.lookup.get(target);
        if matches!(found, Some((k, _)) if k == expected) {
            return;
        }
        let entity_id = entity_id.into().text();
        // "reported state 2" counts from 1, as an analyst counts the rows.
        let within = state.map_or_else(String::new, |i| format!(" reported state {}:", i + 1));
        let message = match found {
            Some((k, _)) => format!(
                "{} \"{entity_id}\":{within} {field} \"{target}\" is a {}, expected a {}",
                kind.label(),
                k.label(),
                expected.label()
            ),
            None => format!(
                "{} \"{entity_id}\":{within} {field} \"{target}\" refers to no {} in the project",
                kind.label(),
                expected.label()
            ),
        };
        self.push_at(
            kind,
            entity_id,
            state,
            field,
            Some(target.as_str().to_owned()),
            message,
        );
    }

    /// Each reported state's references, and a participant said to be both present and
    /// absent in one state (one report cannot say both).
    fn reported_states(&mut self, e: &super::Event) {
        use EntityKind as K;
        let id = e.id.as_str();
        for (i, state) in e.reported.iter().enumerate() {
            let at = Some(i);
            for &c in &state.claims {
                self.reference_in(K::Event, id, at, "claims", c, K::Claim);
            }
            for place in state.places.iter().flatten() {
                self.reference_in(K::Event, id, at, "places", place.location, K::Location);
            }
            for part in state.participants.iter().flatten() {
                self.reference_in(K::Event, id, at, "participants", part.actor, K::Actor);
            }
            for &a in &state.absent {
                self.reference_in(K::Event, id, at, "absent", a, K::Actor);
                if state.participants.iter().flatten().any(|p| p.actor == a) {
                    self.push_at(
                        K::Event,
                        id,
                        at,
                        "absent",
                        Some(a.as_str().to_owned()),
                        format!(
                            "event \"{id}\": reported state {}: \"{a}\" is listed both as a \
                             participant and as absent",
                            i + 1
                        ),
                    );
                }
            }
            if let Some(date) = &state.date
                && let Err(err) = date.bounds()
            {
                self.push_at(
                    K::Event,
                    id,
                    at,
                    "date",
                    Some(date.edtf_text()),
                    format!("event \"{id}\": reported state {}: date: {err}", i + 1),
                );
            }
        }
    }

    fn references(&mut self, p: &Project) {
        use EntityKind as K;
        for c in &p.claims {
            let id = c.id;
            self.reference(K::Claim, id, "source", c.source, K::Source);
            for step in &c.attribution {
                if let Some(actor) = step.actor {
                    self.reference(K::Claim, id, "attribution", actor, K::Actor);
                }
            }
        }
        for s in &p.sources {
            if let Some(actor) = s.actor {
                self.reference(K::Source, s.id.as_str(), "actor", actor, K::Actor);
            }
        }
        for a in &p.actors {
            if let Some(aff) = a.affiliation {
                self.reference(K::Actor, a.id.as_str(), "affiliation", aff, K::Actor);
            }
        }
        self.affiliation_cycles(p);
        for m in &p.memberships {
            let id = m.id.as_str();
            self.reference(K::Membership, id, "member", m.member, K::Actor);
            self.reference(K::Membership, id, "organisation", m.organisation, K::Actor);
            for &c in &m.claims {
                self.reference(K::Membership, id, "claims", c, K::Claim);
            }
        }
        for x in &p.positions {
            let id = x.id.as_str();
            self.reference(K::Position, id, "holder", x.holder, K::Actor);
            self.reference(K::Position, id, "issue", x.issue, K::Issue);
            for &c in &x.claims {
                self.reference(K::Position, id, "claims", c, K::Claim);
            }
        }
        for e in &p.events {
            let id = e.id.as_str();
            for place in &e.places {
                self.reference(K::Event, id, "places", place.location, K::Location);
            }
            for part in &e.participants {
                self.reference(K::Event, id, "participants", part.actor, K::Actor);
                for c in e.claims_about(part.actor) {
                    self.reference(K::Event, id, "participants", c, K::Claim);
                }
            }
            for &t in &e.tags {
                self.reference(K::Event, id, "tags", t, K::Tag);
            }
            self.reported_states(e);
            for c in &e.claims {
                match c.participant {
                    None => self.reference(K::Event, id, "claims", c.claim, K::Claim),
                    // A file cannot say this (claims about a part sit in the participant),
                    // but an edit could, and saving would then lose the citation.
                    Some(actor) if !e.participants.iter().any(|p| p.actor == actor) => {
                        self.push(
                            K::Event,
                            id,
                            "claims",
                            Some(c.claim.to_string()),
                            format!(
                                "event \"{id}\": claims \"{}\" is cited for the part of \
                                 \"{actor}\", who is not one of its participants",
                                c.claim
                            ),
                        );
                    }
                    Some(_) => {}
                }
            }
        }
    }

    fn affiliation_cycles(&mut self, p: &Project) {
        for a in &p.actors {
            let mut current = a.affiliation;
            let mut steps = 0;
            while let Some(next) = current {
                if next == a.id {
                    self.push(
                        EntityKind::Actor,
                        a.id.as_str(),
                        "affiliation",
                        Some(next.as_str().to_owned()),
                        format!(
                            "actor \"{}\": affiliation goes round in a circle back to itself",
                            a.id
                        ),
                    );
                    break;
                }
                steps += 1;
                if steps > p.actors.len() {
                    break; // a cycle that does not include `a`; reported for its members
                }
                current = self.lookup.actor(p, next).and_then(|x| x.affiliation);
            }
        }
    }

    fn date<'a>(
        &mut self,
        kind: EntityKind,
        id: impl Into<Named<'a>>,
        field: &'static str,
        date: &DateSpec,
    ) {
        if let Err(err) = date.bounds() {
            let id = id.into().text();
            self.push(
                kind,
                id,
                field,
                Some(date.edtf_text()),
                format!("{} \"{id}\": {field}: {err}", kind.label()),
            );
        }
    }

    fn values(&mut self, p: &Project) {
        use EntityKind as K;
        if let Some(d) = &p.reference_date
            && let Err(err) = d.bounds()
        {
            self.push(
                K::Period,
                "",
                "reference_date",
                Some(d.edtf_text()),
                format!("reference_date: {err}"),
            );
        }
        for x in &p.periods {
            self.date(K::Period, x.id.as_str(), "date", &x.date);
            if let Some(c) = &x.color {
                self.color(K::Period, x.id.as_str(), c);
            }
        }
        for x in &p.tags {
            if let Some(c) = &x.color {
                self.color(K::Tag, x.id.as_str(), c);
            }
        }
        for x in &p.claims {
            if let Some(d) = &x.published {
                self.date(K::Claim, x.id, "published", d);
            }
        }
        for x in &p.actors {
            if let Some(c) = &x.country {
                self.country(K::Actor, x.id.as_str(), c);
            }
        }
        for x in &p.memberships {
            if let Some(d) = &x.start {
                self.date(K::Membership, x.id.as_str(), "start", d);
            }
            if let Some(d) = &x.end {
                self.date(K::Membership, x.id.as_str(), "end", d);
            }
        }
        for x in &p.locations {
            let id = x.id.as_str();
            if let Some(c) = &x.country {
                self.country(K::Location, id, c);
            }
            if let Some(lat) = x.lat
                && !(-90.0..=90.0).contains(&lat)
            {
                self.push(
                    K::Location,
                    id,
                    "lat",
                    Some(lat.to_string()),
                    format!("location \"{id}\": latitude {lat} is outside -90 to 90"),
                );
            }
            if let Some(lon) = x.lon
                && !(-180.0..=180.0).contains(&lon)
            {
                self.push(
                    K::Location,
                    id,
                    "lon",
                    Some(lon.to_string()),
                    format!("location \"{id}\": longitude {lon} is outside -180 to 180"),
                );
            }
            if x.lat.is_some() != x.lon.is_some() {
                self.push(
                    K::Location,
                    id,
                    "lat",
                    None,
                    format!("location \"{id}\": give both lat and lon, or neither"),
                );
            }
        }
        for x in &p.positions {
            self.date(K::Position, x.id.as_str(), "as_of", &x.as_of);
        }
        for e in &p.events {
            self.date(K::Event, e.id.as_str(), "date", &e.date);
            if e.title.trim().is_empty() {
                self.push(
                    K::Event,
                    &e.id,
                    "title",
                    None,
                    format!("event \"{}\": the title is empty", e.id),
                );
            }
        }
    }

    fn country(&mut self, kind: EntityKind, id: &str, code: &str) {
        if code.len() != 2 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            self.push(
                kind,
                id,
                "country",
                Some(code.to_owned()),
                format!("{} \"{id}\": country {code:?} is not an ISO 3166-1 alpha-2 code such as \"US\"", kind.label()),
            );
        }
    }

    fn color(&mut self, kind: EntityKind, id: &str, color: &str) {
        let ok = color.len() == 7
            && color.starts_with('#')
            && color[1..].chars().all(|c| c.is_ascii_hexdigit());
        if !ok {
            self.push(
                kind,
                id,
                "color",
                Some(color.to_owned()),
                format!(
                    "{} \"{id}\": color {color:?} is not of the form \"#rrggbb\"",
                    kind.label()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::model::Citation;

    #[test]
    fn the_sample_is_valid() {
        assert_eq!(validate(&sample_project().unwrap()), []);
    }

    #[test]
    fn repeated_ids_are_found_across_kinds_and_against_events() {
        let mut p = sample_project().unwrap();
        // An actor with a claim's id: the lookup holds one entry for two entities.
        let claim = p.claims[0].id;
        let mut actor = p.actors[0].clone();
        actor.id = claim;
        p.actors.push(actor);
        // An event with a location's id (event ids are text, compared as such).
        p.events[1].id = p.locations[0].id.as_str().into();
        // An event id that was never interned is no entity's id.
        p.events[2].id = "never-interned-anywhere-7f3a".into();
        let problems = validate(&p);
        let messages: Vec<&str> = problems.iter().map(|x| x.message.as_str()).collect();
        assert_eq!(problems.len(), 2, "{messages:?}");
        assert!(
            messages[0].contains(&format!("duplicate id \"{claim}\": a claim already has")),
            "{messages:?}"
        );
        assert_eq!(problems[0].at.kind, EntityKind::Actor);
        assert!(
            messages[1].contains(&format!("duplicate id \"{}\"", p.locations[0].id)),
            "{messages:?}"
        );
        assert_eq!(problems[1].at.kind, EntityKind::Event);
    }

    #[test]
    fn a_claim_about_someone_not_taking_part_is_a_problem() {
        let mut p = sample_project().unwrap();
        let claim = p.claims[0].id;
        let e = &mut p.events[0];
        e.claims
            .push(Citation::of_participant(claim, Id::new("a-nobody-here")));
        let problems = validate(&p);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("not one of its participants"),
            "{}",
            problems[0]
        );
        assert_eq!(problems[0].at.field, "claims");
    }

    #[test]
    fn a_reported_state_names_only_what_exists_and_no_one_both_present_and_absent() {
        use crate::model::{EventPlace, ReportedParticipant, ReportedState};
        let mut p = sample_project().unwrap();
        let miami = p
            .events
            .iter()
            .position(|e| e.id == "ev-miami-talks")
            .unwrap();
        let dmitriev = Id::new("a-dmitriev");
        p.events[miami].reported.push(ReportedState {
            claims: thin_vec::thin_vec![Id::new("c-headline"), Id::new("c-gone")],
            places: Some(thin_vec::thin_vec![EventPlace {
                location: Id::new("a-witkoff"),
                candidate: false,
            }]),
            participants: Some(thin_vec::thin_vec![
                ReportedParticipant {
                    actor: Id::new("a-nobody"),
                    role: Default::default(),
                    certainty: Default::default(),
                },
                ReportedParticipant {
                    actor: dmitriev,
                    role: Default::default(),
                    certainty: Default::default(),
                },
            ]),
            absent: thin_vec::thin_vec![dmitriev, Id::new("a-ghost")],
            ..ReportedState::default()
        });
        let problems = validate(&p);
        let found: Vec<(Option<usize>, &str, Option<&str>)> = problems
            .iter()
            .map(|x| (x.at.state, x.at.field, x.at.value.as_deref()))
            .collect();
        // The sample's own state is the first (index 0); the new one is the second.
        assert_eq!(
            found,
            [
                (Some(1), "claims", Some("c-gone")),
                (Some(1), "places", Some("a-witkoff")),
                (Some(1), "participants", Some("a-nobody")),
                (Some(1), "absent", Some("a-dmitriev")),
                (Some(1), "absent", Some("a-ghost")),
            ],
            "{problems:?}"
        );
        assert!(problems.iter().all(|x| {
            x.at.entity_id == "ev-miami-talks"
                && x.message
                    .starts_with("event \"ev-miami-talks\": reported state 2:")
        }));
        assert!(
            problems[1]
                .message
                .contains("is a actor, expected a location")
        );
        assert!(
            problems[3]
                .message
                .contains("both as a participant and as absent")
        );
        assert!(problems[4].message.contains("refers to no actor"));
    }

    #[test]
    fn dangling_claims_of_a_participant_are_reported_on_participants() {
        let mut p = sample_project().unwrap();
        let e = &mut p.events[0];
        let actor = e.participants[0].actor;
        e.claims
            .push(Citation::of_participant(Id::new("c-missing"), actor));
        let problems = validate(&p);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].at.field, "participants");
        assert!(problems[0].message.contains("c-missing"));
    }
}
