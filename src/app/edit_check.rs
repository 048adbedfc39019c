//! Whether an applied edit left the project consistent: no reference to nothing, no id
//! twice, no affiliation going round in a circle. [`super::edit`] refuses a change whose
//! entity changed since; this catches what an edit prepared from an older state gets wrong
//! elsewhere (a participant added to an event while a delete of that actor waited for its
//! "remove the references?" answer).
//!
//! The cost follows what the edit does, not the project: a change of one entity (a
//! keystroke, a drag) checks that entity's references through the lookup. Adding an entity
//! also compares its id with the event ids (one pass over the events: event ids have no
//! index, and the edits that add are built by a pass over the project anyway), and deleting
//! one that others can refer to (an actor, a claim…; never an event) looks for what still
//! refers to it, one pass over the references, as building that delete did.

use rustc_hash::{FxHashMap, FxHashSet};

use super::edit::{Change, Described, Edit, EditError, ListChange, describe};
use crate::model::{
    Actor, Claim, EntityKind, Event, Id, Issue, Location, Lookup, Membership, Period, Position,
    Project, Source, Tag,
};

/// The references an entity holds: (field, target, the kind the target must be).
trait Refs: Described {
    fn id(&self) -> Option<Id>;
    fn for_each_ref(&self, f: &mut dyn FnMut(&'static str, Id, EntityKind));
    /// A rule within the entity that an edit prepared from an older state could break.
    fn own_problem(&self) -> Option<String> {
        None
    }
}

macro_rules! refs {
    ($t:ty, |$s:ident, $f:ident| $body:block) => {
        impl Refs for $t {
            fn id(&self) -> Option<Id> {
                Some(self.id)
            }
            fn for_each_ref(&self, $f: &mut dyn FnMut(&'static str, Id, EntityKind)) {
                let $s = self;
                $body
            }
        }
    };
}

refs!(Period, |_s, _f| {});
refs!(Tag, |_s, _f| {});
refs!(Location, |_s, _f| {});
refs!(Issue, |_s, _f| {});
refs!(Source, |s, f| {
    if let Some(actor) = s.actor {
        f("actor", actor, EntityKind::Actor);
    }
});
refs!(Claim, |s, f| {
    f("source", s.source, EntityKind::Source);
    for step in &s.attribution {
        if let Some(actor) = step.actor {
            f("attribution", actor, EntityKind::Actor);
        }
    }
});
refs!(Actor, |s, f| {
    if let Some(affiliation) = s.affiliation {
        f("affiliation", affiliation, EntityKind::Actor);
    }
});
refs!(Membership, |s, f| {
    f("member", s.member, EntityKind::Actor);
    f("organisation", s.organisation, EntityKind::Actor);
    for &claim in &s.claims {
        f("claims", claim, EntityKind::Claim);
    }
});
refs!(Position, |s, f| {
    f("holder", s.holder, EntityKind::Actor);
    f("issue", s.issue, EntityKind::Issue);
    for &claim in &s.claims {
        f("claims", claim, EntityKind::Claim);
    }
});

impl Refs for Event {
    fn id(&self) -> Option<Id> {
        None // events are referred to by nothing, and their ids are not interned
    }
    fn for_each_ref(&self, f: &mut dyn FnMut(&'static str, Id, EntityKind)) {
        for place in &self.places {
            f("places", place.location, EntityKind::Location);
        }
        for part in &self.participants {
            f("participants", part.actor, EntityKind::Actor);
        }
        for &tag in &self.tags {
            f("tags", tag, EntityKind::Tag);
        }
        for citation in &self.claims {
            f("claims", citation.claim, EntityKind::Claim);
        }
        for state in &self.reported {
            for &claim in &state.claims {
                f("reported claims", claim, EntityKind::Claim);
            }
            for place in state.places.iter().flatten() {
                f("reported places", place.location, EntityKind::Location);
            }
            for part in state.participants.iter().flatten() {
                f("reported participants", part.actor, EntityKind::Actor);
            }
            for &actor in &state.absent {
                f("reported absent", actor, EntityKind::Actor);
            }
        }
    }
    fn own_problem(&self) -> Option<String> {
        self.claims
            .iter()
            .filter_map(|c| c.participant)
            .find(|actor| !self.participants.iter().any(|p| p.actor == *actor))
            .map(|actor| {
                format!(
                    "{} would cite a claim for the part of “{actor}”, who no longer takes part",
                    describe(self)
                )
            })
    }
}

/// What the edit does to which ids, in the state it leaves.
#[derive(Default)]
struct Outcome<'e> {
    /// Interned ids the edit inserts or deletes: how many more (or fewer) entities have it
    /// afterwards, and the kind it was inserted as.
    delta: FxHashMap<Id, (i64, Option<EntityKind>)>,
    /// Each id the edit deletes, as messages name it.
    deleted_names: FxHashMap<Id, String>,
    /// Event ids the edit inserts or deletes, by how many more events have them, with the
    /// event it inserts.
    event_delta: FxHashMap<&'e str, (i64, Option<&'e Event>)>,
}

impl<'e> Outcome<'e> {
    fn note<T: Refs>(&mut self, c: &ListChange<T>) {
        if let Some(id) = c.before.as_ref().and_then(Refs::id) {
            self.delta.entry(id).or_insert((0, None)).0 -= 1;
            if let Some(before) = &c.before {
                self.deleted_names.insert(id, describe(before));
            }
        }
        if let Some(id) = c.after.as_ref().and_then(Refs::id) {
            let entry = self.delta.entry(id).or_insert((0, None));
            entry.0 += 1;
            entry.1 = Some(T::KIND);
        }
    }

    fn note_event(&mut self, c: &'e ListChange<Event>) {
        if let Some(before) = &c.before {
            self.event_delta.entry(before.id.as_str()).or_default().0 -= 1;
        }
        if let Some(after) = &c.after {
            let entry = self.event_delta.entry(after.id.as_str()).or_default();
            entry.0 += 1;
            entry.1 = Some(after);
        }
    }

    /// How many entities have `id` after the edit, and the kind of the one that has it.
    fn after(&self, lookup: &Lookup, id: Id) -> (i64, Option<EntityKind>) {
        let existing = lookup.get(id).map(|(kind, _)| kind);
        match self.delta.get(&id) {
            None => (i64::from(existing.is_some()), existing),
            Some(&(delta, inserted)) => {
                let count = i64::from(existing.is_some()) + delta;
                (
                    count,
                    if count > 0 {
                        inserted.or(existing)
                    } else {
                        None
                    },
                )
            }
        }
    }
}

/// Checks what `edit` (just applied to `project`) changed against `before`, the lookup of
/// the project as it was before the edit.
pub fn check_consistent(project: &Project, before: &Lookup, edit: &Edit) -> Result<(), EditError> {
    let mut outcome = Outcome::default();
    for change in &edit.changes {
        match change {
            Change::Event(c) => outcome.note_event(c),
            Change::Actor(c) => outcome.note(c),
            Change::Membership(c) => outcome.note(c),
            Change::Location(c) => outcome.note(c),
            Change::Issue(c) => outcome.note(c),
            Change::Position(c) => outcome.note(c),
            Change::Source(c) => outcome.note(c),
            Change::Claim(c) => outcome.note(c),
            Change::Tag(c) => outcome.note(c),
            Change::Period(c) => outcome.note(c),
            Change::Meta { .. } => {}
        }
    }
    for change in &edit.changes {
        match change {
            Change::Event(c) => check_after(c, &outcome, before)?,
            Change::Actor(c) => {
                check_after(c, &outcome, before)?;
                if let Some(actor) = &c.after {
                    check_affiliation(project, before, actor)?;
                }
            }
            Change::Membership(c) => check_after(c, &outcome, before)?,
            Change::Location(c) => check_after(c, &outcome, before)?,
            Change::Issue(c) => check_after(c, &outcome, before)?,
            Change::Position(c) => check_after(c, &outcome, before)?,
            Change::Source(c) => check_after(c, &outcome, before)?,
            Change::Claim(c) => check_after(c, &outcome, before)?,
            Change::Tag(c) => check_after(c, &outcome, before)?,
            Change::Period(c) => check_after(c, &outcome, before)?,
            Change::Meta { .. } => {}
        }
    }
    check_new_ids(project, &outcome, before)?;
    check_nothing_refers_to_deleted(project, &outcome, before)
}

/// The entity a change leaves: its id is its own, and what it refers to exists.
fn check_after<T: Refs>(
    c: &ListChange<T>,
    outcome: &Outcome<'_>,
    before: &Lookup,
) -> Result<(), EditError> {
    let Some(value) = &c.after else {
        return Ok(());
    };
    if let Some(id) = value.id() {
        let (count, _) = outcome.after(before, id);
        if count == 0 {
            return Ok(()); // deleted again later in the same edit
        }
        if count > 1 {
            return Err(EditError::Inconsistent(format!(
                "{} would share its id with another entity",
                describe(value)
            )));
        }
    }
    let mut problem = None;
    value.for_each_ref(&mut |field, target, expected| {
        if problem.is_some() {
            return;
        }
        match outcome.after(before, target) {
            (n, Some(kind)) if n > 0 && kind == expected => {}
            _ => {
                problem = Some(format!(
                    "{} would refer in its {field} to “{target}”, which is no {} in the project \
                     (any more)",
                    describe(value),
                    expected.label()
                ));
            }
        }
    });
    if problem.is_none() {
        problem = value.own_problem();
    }
    problem.map_or(Ok(()), |p| Err(EditError::Inconsistent(p)))
}

/// An actor's affiliations, followed from it, never come back to it.
fn check_affiliation(project: &Project, before: &Lookup, actor: &Actor) -> Result<(), EditError> {
    // The lookup's positions are the old ones; an edit that adds or removes actors moves
    // them, so each is confirmed by its id and searched for when it moved.
    let find = |id: Id| -> Option<&Actor> {
        before
            .index_of(id, EntityKind::Actor)
            .and_then(|i| project.actors.get(i))
            .filter(|a| a.id == id)
            .or_else(|| project.actors.iter().find(|a| a.id == id))
    };
    let mut current = actor.affiliation;
    let mut steps = 0;
    while let Some(next) = current {
        if next == actor.id {
            return Err(EditError::Inconsistent(format!(
                "{}'s affiliations would go round in a circle back to it",
                describe(actor)
            )));
        }
        steps += 1;
        if steps > project.actors.len() {
            break; // a circle that does not pass through this actor was there before
        }
        current = find(next).and_then(|a| a.affiliation);
    }
    Ok(())
}

/// Ids the edit adds are not taken by an event, and event ids it adds by nothing else.
fn check_new_ids(
    project: &Project,
    outcome: &Outcome<'_>,
    before: &Lookup,
) -> Result<(), EditError> {
    let new_ids: Vec<(&str, NewId<'_>)> = outcome
        .event_delta
        .iter()
        .filter_map(|(&id, &(d, event))| event.filter(|_| d > 0).map(|e| (id, NewId::Event(e))))
        .chain(
            outcome
                .delta
                .iter()
                .filter(|&(&id, &(d, _))| d > 0 && before.get(id).is_none())
                .map(|(id, _)| (id.as_str(), NewId::Entity)),
        )
        .collect();
    if new_ids.is_empty() {
        return Ok(());
    }
    let new_ids = SmallSet::new(new_ids);
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for event in &project.events {
        let id = event.id.as_str();
        match new_ids.get(id) {
            Some(NewId::Entity) => {
                return Err(EditError::Inconsistent(format!(
                    "the new entity “{id}” would share its id with {}",
                    describe(event)
                )));
            }
            Some(NewId::Event(new)) if !seen.insert(id) => {
                return Err(EditError::Inconsistent(format!(
                    "{} would share its id with another event",
                    describe(new)
                )));
            }
            None | Some(NewId::Event(_)) => {}
        }
    }
    let taken =
        non_event_ids(project).find(|id| matches!(new_ids.get(id.as_str()), Some(NewId::Event(_))));
    if let Some(id) = taken {
        return Err(EditError::Inconsistent(format!(
            "a new event would have the id “{id}”, which another entity has"
        )));
    }
    Ok(())
}

/// An id an edit adds: an event's (with the event, to name it) or another entity's.
#[derive(Clone, Copy)]
enum NewId<'e> {
    Event(&'e Event),
    Entity,
}

/// The ids an edit adds, to look every event's id up in: compared one by one when they are
/// few (an edit that adds an event or two, where hashing a million event ids would cost
/// more than comparing them: the lengths differ for most), hashed when many (a merge).
enum SmallSet<'e> {
    Few(Vec<(&'e str, NewId<'e>)>),
    Many(FxHashMap<&'e str, NewId<'e>>),
}

impl<'e> SmallSet<'e> {
    /// Up to 8 ids are compared one by one: 8 comparisons of mostly unequal lengths cost
    /// about what one hash of a 10-byte id does.
    const FEW: usize = 8;

    fn new(ids: Vec<(&'e str, NewId<'e>)>) -> Self {
        if ids.len() <= Self::FEW {
            Self::Few(ids)
        } else {
            Self::Many(ids.into_iter().collect())
        }
    }

    fn get(&self, id: &str) -> Option<NewId<'e>> {
        match self {
            Self::Few(ids) => ids.iter().find(|(x, _)| *x == id).map(|&(_, e)| e),
            Self::Many(ids) => ids.get(id).copied(),
        }
    }
}

fn non_event_ids(p: &Project) -> impl Iterator<Item = Id> + '_ {
    (p.periods.iter().map(|x| x.id))
        .chain(p.tags.iter().map(|x| x.id))
        .chain(p.sources.iter().map(|x| x.id))
        .chain(p.claims.iter().map(|x| x.id))
        .chain(p.actors.iter().map(|x| x.id))
        .chain(p.memberships.iter().map(|x| x.id))
        .chain(p.locations.iter().map(|x| x.id))
        .chain(p.issues.iter().map(|x| x.id))
        .chain(p.positions.iter().map(|x| x.id))
}

/// Nothing in the project refers to an entity the edit deleted.
fn check_nothing_refers_to_deleted(
    project: &Project,
    outcome: &Outcome<'_>,
    before: &Lookup,
) -> Result<(), EditError> {
    let deleted: FxHashSet<Id> = outcome
        .delta
        .keys()
        .copied()
        .filter(|&id| before.get(id).is_some() && outcome.after(before, id).0 == 0)
        .collect();
    if deleted.is_empty() {
        return Ok(());
    }
    let found = scan(&project.events, &deleted)
        .or_else(|| scan(&project.actors, &deleted))
        .or_else(|| scan(&project.memberships, &deleted))
        .or_else(|| scan(&project.positions, &deleted))
        .or_else(|| scan(&project.sources, &deleted))
        .or_else(|| scan(&project.claims, &deleted));
    match found {
        None => Ok(()),
        Some((referrer, field, target)) => {
            let name = outcome
                .deleted_names
                .get(&target)
                .cloned()
                .unwrap_or_else(|| format!("“{target}”"));
            Err(EditError::Inconsistent(format!(
                "{name} would go, but {referrer} refers to it in its {field} (a reference made \
                 since the delete was prepared)"
            )))
        }
    }
}

/// The first entity of `list` that refers to a `deleted` id: named, the field, the id.
fn scan<T: Refs>(list: &[T], deleted: &FxHashSet<Id>) -> Option<(String, &'static str, Id)> {
    let mut found = None;
    for value in list {
        value.for_each_ref(&mut |field, target, _| {
            if found.is_none() && deleted.contains(&target) {
                found = Some((field, target));
            }
        });
        if let Some((field, target)) = found {
            return Some((describe(value), field, target));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::app::Document;
    use crate::app::edits::{add_event, delete_entity, replace_event};
    use crate::model::{Event, EventKind, EventStatus, Id, Participation};

    #[test]
    fn a_delete_waiting_for_its_answer_is_refused_once_the_actor_gained_a_reference() {
        let mut doc = Document::sample().unwrap();
        // The delete is prepared, and the "remove the references?" question waits…
        let (delete, _) = delete_entity(doc.project(), Id::new("a-putin")).unwrap();
        // …while the analyst adds Putin to the Berlin talks.
        let mut berlin = doc.project().events[0].clone();
        berlin.add_participant(Participation {
            actor: Id::new("a-putin"),
            role: Default::default(),
            certainty: Default::default(),
        });
        let add = replace_event(doc.project(), 0, berlin, "add participant to").unwrap();
        doc.apply(add, None).unwrap();
        let before = doc.project().clone();
        let err = doc.apply(delete, None).unwrap_err().to_string();
        assert!(
            err.contains("the actor ‘Vladimir Putin’ (a-putin) would go, but the event")
                && err.contains("(ev-berlin-talks) refers to it in its participants"),
            "{err}"
        );
        assert_eq!(doc.project(), &before);
        assert_eq!(
            doc.undo_label(),
            Some("add participant to ‘US–Ukraine–Europe talks in Berli…’")
        );
    }

    #[test]
    fn a_delete_is_refused_once_a_reported_state_names_the_actor() {
        let mut doc = Document::sample().unwrap();
        let (delete, _) = delete_entity(doc.project(), Id::new("a-putin")).unwrap();
        // A report said Putin would not attend the Berlin talks.
        let mut berlin = doc.project().events[0].clone();
        berlin.reported[0].absent.push(Id::new("a-putin"));
        let add = replace_event(doc.project(), 0, berlin, "edit a report on").unwrap();
        doc.apply(add, None).unwrap();
        let err = doc.apply(delete, None).unwrap_err().to_string();
        assert!(err.contains("refers to it in its reported absent"), "{err}");
    }

    #[test]
    fn two_new_events_prepared_in_one_frame_do_not_share_an_id() {
        let mut doc = Document::sample().unwrap();
        let date = doc.project().events[0].date.clone();
        let new = |title: &str| {
            Event::new(
                "ev-new-event",
                title,
                EventKind::Meeting,
                EventStatus::Planned,
                date.clone(),
            )
        };
        let first = add_event(doc.project(), new("First"));
        let second = add_event(doc.project(), new("Second"));
        doc.apply(first, None).unwrap();
        let err = doc.apply(second, None).unwrap_err().to_string();
        assert!(
            err.contains("‘Second’ (ev-new-event) would share its id with another event"),
            "{err}"
        );
        assert_eq!(doc.project().events.len(), 6);
    }
}
