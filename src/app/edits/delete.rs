//! Deleting: an event, or any other entity with every reference to it, and what that
//! deletes or changes besides (the consequences the confirmation names).

use std::collections::HashSet;

use super::{Entity, quoted};
use crate::app::edit::{Change, Edit, ListChange};
use crate::model::{EntityKind, Id, Lookup, Membership, Position, Project};

pub fn delete_event(project: &Project, index: usize) -> Option<Edit> {
    let old = project.events.get(index)?;
    let label = format!("delete event {}", quoted(&old.title));
    Some(Edit::new(
        label,
        vec![Change::Event(ListChange::delete(index, old.clone()))],
    ))
}

/// What deleting an entity would change elsewhere, for the "remove the references?" question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Consequences {
    /// Entities that lose a reference, by kind and number.
    pub updated: Vec<(EntityKind, usize)>,
    /// Entities deleted with it (a position whose holder goes), by kind and number.
    pub deleted: Vec<(EntityKind, usize)>,
}

impl Consequences {
    pub fn is_empty(&self) -> bool {
        self.updated.is_empty() && self.deleted.is_empty()
    }

    pub fn describe(&self) -> String {
        let part = |(k, n): &(EntityKind, usize)| {
            format!("{n} {}{}", k.label(), if *n == 1 { "" } else { "s" })
        };
        let mut text = Vec::new();
        if !self.updated.is_empty() {
            text.push(format!(
                "removes it from {}",
                self.updated.iter().map(part).collect::<Vec<_>>().join(", ")
            ));
        }
        if !self.deleted.is_empty() {
            text.push(format!(
                "also deletes {}",
                self.deleted.iter().map(part).collect::<Vec<_>>().join(", ")
            ));
        }
        text.join("; ")
    }
}

/// The ids that go when `id` goes: the entity, and what cannot exist without it (a position
/// without its holder or issue, a membership without its member, a claim without its source).
fn removed_ids(project: &Project, id: Id) -> HashSet<Id> {
    let mut removed = HashSet::from([id]);
    loop {
        let before = removed.len();
        for m in &project.memberships {
            if removed.contains(&m.member) || removed.contains(&m.organisation) {
                removed.insert(m.id);
            }
        }
        for p in &project.positions {
            if removed.contains(&p.holder) || removed.contains(&p.issue) {
                removed.insert(p.id);
            }
        }
        for c in &project.claims {
            if removed.contains(&c.source) {
                removed.insert(c.id);
            }
        }
        if removed.len() == before {
            return removed;
        }
    }
}

/// Replacements first (they keep positions), then deletions from the back of each list.
fn list_changes<T: Entity>(
    list: &[T],
    removed: &HashSet<Id>,
    strip: impl Fn(&T) -> T,
    out: &mut Vec<Change>,
    tally: &mut Tally,
) {
    let mut deletions = Vec::new();
    for (i, x) in list.iter().enumerate() {
        if removed.contains(&x.id()) {
            deletions.push(ListChange::delete(i, x.clone()));
        } else {
            let stripped = strip(x);
            if stripped != *x {
                out.push(T::change(ListChange::replace(i, x.clone(), stripped)));
                tally.updated(T::KIND);
            }
        }
    }
    for d in deletions.into_iter().rev() {
        out.push(T::change(d));
        tally.deleted(T::KIND);
    }
}

#[derive(Default)]
struct Tally(Consequences);

impl Tally {
    fn bump(list: &mut Vec<(EntityKind, usize)>, kind: EntityKind) {
        match list.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => list.push((kind, 1)),
        }
    }
    fn updated(&mut self, kind: EntityKind) {
        Self::bump(&mut self.0.updated, kind);
    }
    fn deleted(&mut self, kind: EntityKind) {
        Self::bump(&mut self.0.deleted, kind);
    }
    /// The entity itself is in `deleted`; report only what goes besides it.
    fn besides(self, kind: EntityKind) -> Consequences {
        let mut consequences = self.0;
        if let Some(entry) = consequences.deleted.iter_mut().find(|(k, _)| *k == kind) {
            entry.1 -= 1;
        }
        consequences.deleted.retain(|(_, n)| *n > 0);
        consequences
    }
}

/// Deletes the entity with `id` (not an event) and every reference to it. Returns the edit
/// and what it does besides, or `None` if no entity has that id.
pub fn delete_entity(project: &Project, id: Id) -> Option<(Edit, Consequences)> {
    let lookup = project.lookup();
    let (kind, _) = lookup.get(id)?;
    let name = lookup.name_of(project, id).to_owned();
    let removed = removed_ids(project, id);
    let mut changes = Vec::new();
    let mut tally = Tally::default();

    event_changes(project, &removed, &mut changes, &mut tally);
    referring_changes(project, &lookup, &removed, &mut changes, &mut tally);
    plain_changes(project, &removed, &mut changes, &mut tally);

    let consequences = tally.besides(kind);
    let label = format!("delete {} {}", kind.label(), quoted(&name));
    Some((Edit::new(label, changes), consequences))
}

/// Events lose participants, places, tags and claims that go.
fn event_changes(
    project: &Project,
    removed: &HashSet<Id>,
    changes: &mut Vec<Change>,
    tally: &mut Tally,
) {
    let gone = |x: &Id| removed.contains(x);
    for (i, e) in project.events.iter().enumerate() {
        let mut new = e.clone();
        new.participants = new
            .participants
            .iter()
            .filter(|p| !gone(&p.actor))
            .copied()
            .collect();
        new.places.retain(|p| !gone(&p.location));
        new.tags.retain(|t| !gone(t));
        new.claims
            .retain(|c| !gone(&c.claim) && !c.participant.is_some_and(|a| gone(&a)));
        // Reported states lose what goes too; a state whose every claim goes goes with them
        // (nothing backs or dates it any more), and a list emptied by the delete says
        // nothing rather than "no one" or "nowhere".
        new.reported.retain_mut(|s| {
            let had_claims = !s.claims.is_empty();
            s.claims.retain(|c| !gone(c));
            if let Some(places) = &mut s.places
                && places.iter().any(|p| gone(&p.location))
            {
                places.retain(|p| !gone(&p.location));
                if places.is_empty() {
                    s.places = None;
                }
            }
            if let Some(who) = &mut s.participants
                && who.iter().any(|p| gone(&p.actor))
            {
                who.retain(|p| !gone(&p.actor));
                if who.is_empty() {
                    s.participants = None;
                }
            }
            s.absent.retain(|a| !gone(a));
            !(had_claims && s.claims.is_empty())
        });
        if new != *e {
            changes.push(Change::Event(ListChange::replace(i, e.clone(), new)));
            tally.updated(EntityKind::Event);
        }
    }
}

/// The lists whose entities refer to others: actors (affiliation), memberships and positions
/// (claims), sources (their outlet actor), claims (attribution); each loses what goes.
fn referring_changes(
    project: &Project,
    lookup: &Lookup,
    removed: &HashSet<Id>,
    changes: &mut Vec<Change>,
    tally: &mut Tally,
) {
    let gone = |x: &Id| removed.contains(x);
    let keep = |ids: &[Id]| -> Vec<Id> { ids.iter().copied().filter(|c| !gone(c)).collect() };
    list_changes(
        &project.actors,
        removed,
        |a| {
            let mut a = a.clone();
            if a.affiliation.is_some_and(|x| gone(&x)) {
                a.affiliation = None;
            }
            a
        },
        changes,
        tally,
    );
    list_changes(
        &project.memberships,
        removed,
        |m| Membership {
            claims: keep(&m.claims),
            ..m.clone()
        },
        changes,
        tally,
    );
    list_changes(
        &project.positions,
        removed,
        |p| Position {
            claims: keep(&p.claims),
            ..p.clone()
        },
        changes,
        tally,
    );
    list_changes(
        &project.sources,
        removed,
        |s| {
            let mut s = s.clone();
            if s.actor.is_some_and(|x| gone(&x)) {
                s.actor = None;
            }
            s
        },
        changes,
        tally,
    );
    // An attribution keeps its words when its actor goes: the chain is evidence.
    list_changes(
        &project.claims,
        removed,
        |c| {
            let mut c = c.clone();
            for step in &mut c.attribution {
                if let Some(actor) = step.actor.filter(|a| gone(a)) {
                    if step.name.is_empty() {
                        step.name = lookup.name_of(project, actor).into();
                    }
                    step.actor = None;
                }
            }
            c
        },
        changes,
        tally,
    );
}

/// The lists that refer to nothing: their entities only go, never change.
fn plain_changes(
    project: &Project,
    removed: &HashSet<Id>,
    changes: &mut Vec<Change>,
    tally: &mut Tally,
) {
    list_changes(&project.locations, removed, Clone::clone, changes, tally);
    list_changes(&project.issues, removed, Clone::clone, changes, tally);
    list_changes(&project.tags, removed, Clone::clone, changes, tally);
    list_changes(&project.periods, removed, Clone::clone, changes, tally);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::model::validate;

    #[test]
    fn deleting_an_actor_removes_every_reference() {
        let p = sample_project().unwrap();
        let (edit, consequences) = delete_entity(&p, Id::new("a-witkoff")).unwrap();
        let mut q = p.clone();
        edit.apply(&mut q).unwrap();
        assert!(validate(&q).is_empty(), "{:?}", validate(&q));
        assert!(q.actors.iter().all(|a| a.id != Id::new("a-witkoff")));
        let miami = q.events.iter().find(|e| e.id == "ev-miami-talks").unwrap();
        assert_eq!(miami.participants.len(), 4);
        // The report of the 18th named Witkoff; its state no longer does.
        let reported = miami.reported[0].participants.as_ref().unwrap();
        assert_eq!(reported.len(), 4);
        assert!(reported.iter().all(|x| x.actor != Id::new("a-witkoff")));
        assert_eq!(consequences.deleted, [(EntityKind::Membership, 2)]);
        assert_eq!(consequences.updated, [(EntityKind::Event, 1)]);
        edit.inverse().apply(&mut q).unwrap();
        assert_eq!(q, p);
    }

    #[test]
    fn deleting_a_source_deletes_its_claims_and_their_citations() {
        let p = sample_project().unwrap();
        let (edit, consequences) = delete_entity(&p, Id::new("src-xinhua")).unwrap();
        let mut q = p.clone();
        edit.apply(&mut q).unwrap();
        assert!(validate(&q).is_empty(), "{:?}", validate(&q));
        assert!(q.claims.is_empty());
        assert!(q.events.iter().all(|e| e.all_claim_ids().next().is_none()));
        assert!(
            consequences.describe().contains("also deletes 12 claims"),
            "{}",
            consequences.describe()
        );
        edit.inverse().apply(&mut q).unwrap();
        assert_eq!(q, p);
    }

    #[test]
    fn deleting_an_outlet_actor_keeps_the_attribution_words() {
        let p = sample_project().unwrap();
        let (edit, _) = delete_entity(&p, Id::new("a-politico")).unwrap();
        let mut q = p.clone();
        edit.apply(&mut q).unwrap();
        assert!(validate(&q).is_empty());
        let claim = q
            .claims
            .iter()
            .find(|c| c.id == Id::new("c-berlin-90-percent"))
            .unwrap();
        assert_eq!(claim.attribution[1].name, "Politico");
        assert!(claim.attribution[1].actor.is_none());
    }

    #[test]
    fn a_claim_is_named_by_its_words_not_its_id() {
        let p = sample_project().unwrap();
        let (edit, _) = delete_entity(&p, Id::new("c-russian-side")).unwrap();
        assert_eq!(
            edit.label,
            "delete claim ‘The Russian side is likely to in…’"
        );
    }
}
