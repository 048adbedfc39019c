//! Building edits: add, replace and delete entities, deleting never leaving a dangling
//! reference behind.

use std::collections::HashSet;

use super::edit::{Change, Described, Edit, ListChange};
use crate::model::{
    Actor, Claim, EntityKind, Event, Id, Issue, Location, Membership, Period, Position, Project,
    Source, Tag,
};

/// An entity with an id in one of the project's lists.
pub trait Entity: Described {
    fn id(&self) -> Id;
    fn list(project: &Project) -> &Vec<Self>;
    fn change(change: ListChange<Self>) -> Change;
    /// How the entity is named in edit labels.
    fn name(&self) -> &str;
}

macro_rules! entity {
    ($t:ty, $field:ident, $variant:ident, |$s:ident| $name:expr) => {
        impl Entity for $t {
            fn id(&self) -> Id {
                self.id
            }
            fn list(project: &Project) -> &Vec<Self> {
                &project.$field
            }
            fn change(change: ListChange<Self>) -> Change {
                Change::$variant(change)
            }
            fn name(&self) -> &str {
                let $s = self;
                $name
            }
        }
    };
}

entity!(Actor, actors, Actor, |s| &s.name);
entity!(Membership, memberships, Membership, |s| &s.role);
entity!(Location, locations, Location, |s| &s.name);
entity!(Issue, issues, Issue, |s| &s.name);
entity!(Position, positions, Position, |s| &s.summary);
entity!(Source, sources, Source, |s| &s.name);
entity!(Claim, claims, Claim, |s| &s.excerpt);
entity!(Tag, tags, Tag, |s| &s.name);
entity!(Period, periods, Period, |s| &s.name);

/// Edit labels quote names, cut to keep the Edit menu readable (32 characters).
pub fn quoted(name: &str) -> String {
    const MAX: usize = 32;
    if name.chars().count() > MAX {
        let cut: String = name.chars().take(MAX).collect();
        format!("‘{}…’", cut.trim_end())
    } else {
        format!("‘{name}’")
    }
}

/// Adds `value`, or replaces the entity with its id.
pub fn upsert<T: Entity>(project: &Project, value: T, verb: &str) -> Edit {
    let list = T::list(project);
    let label = format!("{verb} {} {}", T::KIND.label(), quoted(value.name()));
    match list.iter().position(|x| x.id() == value.id()) {
        Some(i) if list[i] == value => Edit::new(label, Vec::new()),
        Some(i) => Edit::new(
            label,
            vec![T::change(ListChange::replace(i, list[i].clone(), value))],
        ),
        None => Edit::new(
            label,
            vec![T::change(ListChange::insert(list.len(), value))],
        ),
    }
}

pub fn add_event(project: &Project, event: Event) -> Edit {
    let label = format!("add event {}", quoted(&event.title));
    Edit::new(
        label,
        vec![Change::Event(ListChange::insert(
            project.events.len(),
            event,
        ))],
    )
}

/// Replaces the event at `index`; `verb` names the step ("move", "rename", "edit").
pub fn replace_event(project: &Project, index: usize, event: Event, verb: &str) -> Option<Edit> {
    let old = project.events.get(index)?;
    if *old == event {
        return None;
    }
    // Named by the title it had, which is how the analyst knows it ("rename ‘Miami talks’").
    let label = format!("{verb} {}", quoted(&old.title));
    Some(Edit::new(
        label,
        vec![Change::Event(ListChange::replace(
            index,
            old.clone(),
            event,
        ))],
    ))
}

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
}

/// Deletes the entity with `id` (not an event) and every reference to it. Returns the edit
/// and what it does besides, or `None` if no entity has that id.
pub fn delete_entity(project: &Project, id: Id) -> Option<(Edit, Consequences)> {
    let lookup = project.lookup();
    let (kind, _) = lookup.get(id)?;
    let name = lookup.name_of(project, id).to_owned();
    let removed = removed_ids(project, id);
    let gone = |x: &Id| removed.contains(x);
    let keep = |ids: &[Id]| -> Vec<Id> { ids.iter().copied().filter(|c| !gone(c)).collect() };
    let mut changes = Vec::new();
    let mut tally = Tally::default();

    // Events lose participants, places, tags and claims that go.
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
        if new != *e {
            changes.push(Change::Event(ListChange::replace(i, e.clone(), new)));
            tally.updated(EntityKind::Event);
        }
    }
    list_changes(
        &project.actors,
        &removed,
        |a| {
            let mut a = a.clone();
            if a.affiliation.is_some_and(|x| gone(&x)) {
                a.affiliation = None;
            }
            a
        },
        &mut changes,
        &mut tally,
    );
    list_changes(
        &project.memberships,
        &removed,
        |m| Membership {
            claims: keep(&m.claims),
            ..m.clone()
        },
        &mut changes,
        &mut tally,
    );
    list_changes(
        &project.positions,
        &removed,
        |p| Position {
            claims: keep(&p.claims),
            ..p.clone()
        },
        &mut changes,
        &mut tally,
    );
    list_changes(
        &project.sources,
        &removed,
        |s| {
            let mut s = s.clone();
            if s.actor.is_some_and(|x| gone(&x)) {
                s.actor = None;
            }
            s
        },
        &mut changes,
        &mut tally,
    );
    // An attribution keeps its words when its actor goes: the chain is evidence.
    list_changes(
        &project.claims,
        &removed,
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
        &mut changes,
        &mut tally,
    );
    list_changes(
        &project.locations,
        &removed,
        Clone::clone,
        &mut changes,
        &mut tally,
    );
    list_changes(
        &project.issues,
        &removed,
        Clone::clone,
        &mut changes,
        &mut tally,
    );
    list_changes(
        &project.tags,
        &removed,
        Clone::clone,
        &mut changes,
        &mut tally,
    );
    list_changes(
        &project.periods,
        &removed,
        Clone::clone,
        &mut changes,
        &mut tally,
    );

    // The entity itself is in `deleted`; report only what goes besides it.
    let mut consequences = tally.0;
    if let Some(entry) = consequences.deleted.iter_mut().find(|(k, _)| *k == kind) {
        entry.1 -= 1;
    }
    consequences.deleted.retain(|(_, n)| *n > 0);
    let label = format!("delete {} {}", kind.label(), quoted(&name));
    Some((Edit::new(label, changes), consequences))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::model::validate;

    #[test]
    fn a_new_tag_is_made_and_given_to_the_event_in_one_step() {
        let p = sample_project().unwrap();
        let edit = tag_with_new_tag(&p, 0, " Shuttle diplomacy ").unwrap();
        let mut q = p.clone();
        edit.apply(&mut q).unwrap();
        assert!(validate(&q).is_empty(), "{:?}", validate(&q));
        let tag = q
            .tags
            .iter()
            .find(|t| t.name == "Shuttle diplomacy")
            .unwrap();
        assert_eq!(tag.id.as_str(), "t-shuttle-diplomacy");
        assert!(q.events[0].tags.contains(&tag.id));
        edit.inverse().apply(&mut q).unwrap();
        assert_eq!(q, p);
        assert!(tag_with_new_tag(&p, 0, "  ").is_none());
        assert!(tag_with_new_tag(&p, 999, "x").is_none());
    }

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

    #[test]
    fn upsert_inserts_then_replaces() {
        let p = sample_project().unwrap();
        let mut issue = p.issues[0].clone();
        issue.id = Id::new("i-new");
        let edit = upsert(&p, issue.clone(), "add");
        assert_eq!(edit.label, "add issue ‘Ukraine peace settlement’");
        let mut q = p.clone();
        edit.apply(&mut q).unwrap();
        assert_eq!(q.issues.len(), p.issues.len() + 1);
        issue.name = "Renamed".into();
        let edit = upsert(&q, issue, "edit");
        edit.apply(&mut q).unwrap();
        assert_eq!(q.issues.last().unwrap().name, "Renamed");
        assert!(upsert(&q, q.issues[0].clone(), "edit").is_empty());
    }

    #[test]
    fn a_failed_edit_changes_nothing() {
        let p = sample_project().unwrap();
        let mut q = p.clone();
        let bad = Edit::new(
            "bad",
            vec![
                Change::Issue(ListChange::delete(0, p.issues[0].clone())),
                Change::Event(ListChange::delete(999, p.events[0].clone())),
            ],
        );
        assert!(bad.apply(&mut q).is_err());
        assert_eq!(q, p);
    }
}

/// A new id for an entity called `name`: `prefix-words-of-name`, unique in the project
/// (`-2`, `-3`… when taken). Ids stay readable in files and error messages.
pub fn unique_id(project: &Project, prefix: &str, name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .take(5)
        .collect::<Vec<_>>()
        .join("-");
    let base = if slug.is_empty() {
        prefix.to_owned()
    } else {
        format!("{prefix}-{slug}")
    };
    let lookup = project.lookup();
    let taken =
        |id: &str| lookup.get(Id::new(id)).is_some() || project.events.iter().any(|e| e.id == id);
    if !taken(&base) && Id::is_valid_text(&base) {
        return base;
    }
    {
        // There are at most as many taken ids as entities, so one of these is free.
        let limit = project.events.len()
            + project.actors.len()
            + project.locations.len()
            + project.claims.len()
            + 10;
        (2..limit + 2)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id) && Id::is_valid_text(id))
            .unwrap_or(base)
    }
}

/// Tags the event at `index` with a new tag called `name` (given a readable unique id), as
/// one undo step. `None` for a blank name or a missing event.
pub fn tag_with_new_tag(project: &Project, index: usize, name: &str) -> Option<Edit> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let event = project.events.get(index)?;
    let id = Id::new(&unique_id(project, "t", name));
    let tag = Tag {
        id,
        name: name.to_owned(),
        color: None,
    };
    let mut tagged = event.clone();
    tagged.tags.push(id);
    let insert = Edit::new(
        "",
        vec![Change::Tag(ListChange::insert(project.tags.len(), tag))],
    );
    let retag = replace_event(project, index, tagged, "tag")?;
    Some(combine(
        format!("tag {} as {}", quoted(&event.title), quoted(name)),
        [insert, retag],
    ))
}

/// Several edits as one undo step.
pub fn combine(label: impl Into<String>, edits: impl IntoIterator<Item = Edit>) -> Edit {
    Edit::new(label, edits.into_iter().flat_map(|e| e.changes).collect())
}

#[cfg(test)]
mod id_tests {
    use super::*;
    use crate::io::sample_project;

    #[test]
    fn unique_ids_are_readable_and_unique() {
        let p = sample_project().unwrap();
        assert_eq!(unique_id(&p, "a", "Sergey Lavrov"), "a-sergey-lavrov");
        assert_eq!(unique_id(&p, "a", "Witkoff"), "a-witkoff-2");
        assert_eq!(
            unique_id(&p, "ev", "US–Russia talks in Miami"),
            "ev-us-russia-talks-in-miami"
        );
        assert_eq!(unique_id(&p, "l", "???"), "l");
    }
}

/// Changes that turn `before` into `after` when `after` keeps `before` as a prefix (what a
/// merge produces: the open project, then what was added), or else replace the whole list.
fn list_diff<T: Described>(
    before: &[T],
    after: &[T],
    wrap: fn(ListChange<T>) -> Change,
    out: &mut Vec<Change>,
) {
    if after.len() >= before.len() && after[..before.len()] == *before {
        for (i, x) in after.iter().enumerate().skip(before.len()) {
            out.push(wrap(ListChange::insert(i, x.clone())));
        }
        return;
    }
    let common = before.len().min(after.len());
    for i in 0..common {
        if before[i] != after[i] {
            out.push(wrap(ListChange::replace(
                i,
                before[i].clone(),
                after[i].clone(),
            )));
        }
    }
    for i in (common..before.len()).rev() {
        out.push(wrap(ListChange::delete(i, before[i].clone())));
    }
    for (i, x) in after.iter().enumerate().skip(common) {
        out.push(wrap(ListChange::insert(i, x.clone())));
    }
}

/// One undoable edit from `before` to `after` (a merged import): every list diffed, the
/// project's own fields kept as they are.
pub fn project_diff(before: &Project, after: &Project, label: impl Into<String>) -> Edit {
    let mut changes = Vec::new();
    list_diff(
        &before.periods,
        &after.periods,
        Change::Period,
        &mut changes,
    );
    list_diff(&before.tags, &after.tags, Change::Tag, &mut changes);
    list_diff(
        &before.sources,
        &after.sources,
        Change::Source,
        &mut changes,
    );
    list_diff(&before.claims, &after.claims, Change::Claim, &mut changes);
    list_diff(&before.actors, &after.actors, Change::Actor, &mut changes);
    list_diff(
        &before.memberships,
        &after.memberships,
        Change::Membership,
        &mut changes,
    );
    list_diff(
        &before.locations,
        &after.locations,
        Change::Location,
        &mut changes,
    );
    list_diff(&before.issues, &after.issues, Change::Issue, &mut changes);
    list_diff(
        &before.positions,
        &after.positions,
        Change::Position,
        &mut changes,
    );
    list_diff(&before.events, &after.events, Change::Event, &mut changes);
    Edit::new(label, changes)
}

#[cfg(test)]
mod diff_tests {
    use super::*;
    use crate::io::sample_project;

    #[test]
    fn project_diff_applies_and_undoes() {
        let before = sample_project().unwrap();
        let mut after = before.clone();
        after.events.push(after.events[0].clone());
        after.events.last_mut().unwrap().id = "ev-copy".into();
        after.actors[0].name = "Renamed".into();
        after.issues.remove(1);
        let edit = project_diff(&before, &after, "merge");
        let mut p = before.clone();
        edit.apply(&mut p).unwrap();
        assert_eq!(p.events, after.events);
        assert_eq!(p.actors, after.actors);
        assert_eq!(p.issues, after.issues);
        edit.inverse().apply(&mut p).unwrap();
        assert_eq!(p, before);
    }
}
