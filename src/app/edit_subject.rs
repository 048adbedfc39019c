//! What Undo and Redo select: the item a step brings back into view. Undoing a delete
//! shows the event again, selected, as a desktop editor does, instead of leaving the
//! analyst to find it on the timeline.

use super::edit::{Change, Edit, ListChange};
use crate::model::ItemRef;

impl Edit {
    /// The item to select once this edit is taken back (`undone`) or made again: the
    /// first item the step adds back, else the first it changes. `None` when the step
    /// only removes items, or changes only the project's own fields, tags or periods
    /// (the panels do not select those).
    pub fn subject(&self, undone: bool) -> Option<ItemRef> {
        let mut changed = None;
        for (item, fate) in self.changes.iter().filter_map(|c| fate_of(c, undone)) {
            match fate {
                Fate::Appears => return Some(item),
                Fate::Changes => {
                    changed.get_or_insert(item);
                }
                Fate::Goes => {}
            }
        }
        changed
    }

    /// Whether this edit, taken back (`undone`) or made again, removes one of `items`: a
    /// selection of it would point at nothing. One pass over the changes, each compared
    /// with the few items selected (an undone merge of a million events stays one pass).
    pub fn removes_any(&self, undone: bool, items: &[ItemRef]) -> bool {
        !items.is_empty()
            && self
                .changes
                .iter()
                .filter_map(|c| fate_of(c, undone))
                .any(|(item, fate)| fate == Fate::Goes && items.contains(&item))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    Appears,
    Changes,
    Goes,
}

/// The item `change` is about, and what becomes of it.
fn fate_of(change: &Change, undone: bool) -> Option<(ItemRef, Fate)> {
    /// The value the change is about (the one left, or the one removed) and its fate.
    fn fate<T>(c: &ListChange<T>, undone: bool) -> Option<(&T, Fate)> {
        let (now, then) = if undone {
            (&c.before, &c.after)
        } else {
            (&c.after, &c.before)
        };
        match (now, then) {
            (Some(v), None) => Some((v, Fate::Appears)),
            (Some(v), Some(_)) => Some((v, Fate::Changes)),
            (None, Some(v)) => Some((v, Fate::Goes)),
            (None, None) => None,
        }
    }
    match change {
        Change::Event(c) => fate(c, undone).map(|(e, f)| (ItemRef::Event(e.id.clone()), f)),
        Change::Actor(c) => fate(c, undone).map(|(v, f)| (ItemRef::Actor(v.id), f)),
        Change::Membership(c) => fate(c, undone).map(|(v, f)| (ItemRef::Membership(v.id), f)),
        Change::Location(c) => fate(c, undone).map(|(v, f)| (ItemRef::Location(v.id), f)),
        Change::Issue(c) => fate(c, undone).map(|(v, f)| (ItemRef::Issue(v.id), f)),
        Change::Position(c) => fate(c, undone).map(|(v, f)| (ItemRef::Position(v.id), f)),
        Change::Source(c) => fate(c, undone).map(|(v, f)| (ItemRef::Source(v.id), f)),
        Change::Claim(c) => fate(c, undone).map(|(v, f)| (ItemRef::Claim(v.id), f)),
        Change::Tag(_) | Change::Period(_) | Change::Meta { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::edits;

    fn sample() -> crate::model::Project {
        crate::io::sample_project().unwrap()
    }

    #[test]
    fn undoing_a_delete_selects_what_comes_back_and_redo_selects_nothing() {
        let project = sample();
        let at = project
            .events
            .iter()
            .position(|e| e.id == "ev-miami-talks")
            .unwrap();
        let edit = edits::delete_event(&project, at).unwrap();
        assert_eq!(
            edit.subject(true),
            Some(ItemRef::Event("ev-miami-talks".into()))
        );
        assert_eq!(edit.subject(false), None);
        let miami = [ItemRef::Event("ev-miami-talks".into())];
        assert!(edit.removes_any(false, &miami));
        assert!(!edit.removes_any(true, &miami));
        assert!(!edit.removes_any(false, &[ItemRef::Event("ev-other".into())]));
    }

    #[test]
    fn an_actor_brought_back_wins_over_the_events_that_named_it() {
        let project = sample();
        let actor = project
            .actors
            .iter()
            .find(|a| a.name == "Steve Witkoff")
            .unwrap()
            .id;
        let (edit, _) = edits::delete_entity(&project, actor).unwrap();
        assert!(
            edit.changes.iter().any(|c| matches!(c, Change::Event(_))),
            "the delete also changes the events that named the actor"
        );
        assert_eq!(edit.subject(true), Some(ItemRef::Actor(actor)));
    }

    #[test]
    fn a_change_selects_the_changed_item_both_ways_and_meta_nothing() {
        let project = sample();
        let before = project.events[0].clone();
        let mut after = before.clone();
        after.title = "Renamed".into();
        let edit = Edit::new(
            "rename",
            vec![Change::Event(ListChange::replace(0, before.clone(), after))],
        );
        let item = Some(ItemRef::Event(before.id.clone()));
        assert_eq!(edit.subject(true), item);
        assert_eq!(edit.subject(false), item);
        let meta = crate::app::edit::Meta::of(&project);
        let edit = Edit::new(
            "title",
            vec![Change::Meta {
                before: meta.clone(),
                after: meta,
            }],
        );
        assert_eq!(edit.subject(true), None);
    }
}
