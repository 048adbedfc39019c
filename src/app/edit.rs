//! Edits: the one way a project changes. Each edit is a list of changes to entity lists
//! (insert, delete or replace one element) and knows its inverse, which is what undo applies.
//!
//! A change names the entity it replaces or deletes by its whole value (`before`, id
//! included) and is refused when the list no longer holds exactly that value at its place:
//! an edit prepared from an older state of the project (a frame ago, before a prompt, before
//! a background import finished) never overwrites what changed since. The check costs one
//! comparison of the entity, never a pass over the project.

use crate::model::{
    Actor, Claim, DateSpec, EntityKind, Event, Issue, Location, Membership, Period, Position,
    Project, Source, Tag,
};

/// How messages name an entity: its kind, id and name (a claim by its words).
pub trait Described: Clone + PartialEq + serde::Serialize {
    const KIND: EntityKind;
    fn id_text(&self) -> &str;
    fn display_name(&self) -> &str;
}

macro_rules! described {
    ($t:ty, $kind:ident, |$s:ident| $id:expr, $name:expr) => {
        impl Described for $t {
            const KIND: EntityKind = EntityKind::$kind;
            fn id_text(&self) -> &str {
                let $s = self;
                $id
            }
            fn display_name(&self) -> &str {
                let $s = self;
                $name
            }
        }
    };
}

described!(Event, Event, |s| &s.id, &s.title);
described!(Actor, Actor, |s| s.id.as_str(), &s.name);
described!(Membership, Membership, |s| s.id.as_str(), &s.role);
described!(Location, Location, |s| s.id.as_str(), &s.name);
described!(Issue, Issue, |s| s.id.as_str(), &s.name);
described!(Position, Position, |s| s.id.as_str(), &s.summary);
described!(Source, Source, |s| s.id.as_str(), &s.name);
described!(Claim, Claim, |s| s.id.as_str(), &s.excerpt);
described!(Tag, Tag, |s| s.id.as_str(), &s.name);
described!(Period, Period, |s| s.id.as_str(), &s.name);

/// "the event ‘Miami talks’ (ev-miami-talks)": kind, name (cut at 40 characters, so that a
/// long claim stays readable in a one-line message) and id.
pub fn describe<T: Described>(value: &T) -> String {
    const MAX_NAME_CHARS: usize = 40;
    let name = value.display_name().trim();
    let name = if name.chars().count() > MAX_NAME_CHARS {
        let cut: String = name.chars().take(MAX_NAME_CHARS).collect();
        format!("{}…", cut.trim_end())
    } else {
        name.to_owned()
    };
    format!("the {} ‘{name}’ ({})", T::KIND.label(), value.id_text())
}

/// The fields in which `a` and `b` differ, by their names in the project file ("title,
/// date"). Only for messages: it serializes both, which is fine once, on a refusal.
fn changed_fields<T: serde::Serialize>(a: &T, b: &T) -> String {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(a), serde_json::to_value(b))
    else {
        return String::new();
    };
    let mut names: Vec<&str> = a
        .iter()
        .filter(|(k, v)| b.get(*k) != Some(*v))
        .map(|(k, _)| k.as_str())
        .chain(b.keys().filter(|k| !a.contains_key(*k)).map(String::as_str))
        .collect();
    names.sort_unstable();
    names.dedup();
    names.join(", ")
}

/// One element of one list changes: inserted (`before` is `None`), deleted (`after` is
/// `None`) or replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct ListChange<T> {
    pub index: usize,
    pub before: Option<T>,
    pub after: Option<T>,
}

impl<T: Described> ListChange<T> {
    pub fn insert(index: usize, value: T) -> Self {
        Self {
            index,
            before: None,
            after: Some(value),
        }
    }

    pub fn delete(index: usize, value: T) -> Self {
        Self {
            index,
            before: Some(value),
            after: None,
        }
    }

    pub fn replace(index: usize, before: T, after: T) -> Self {
        Self {
            index,
            before: Some(before),
            after: Some(after),
        }
    }

    fn inverse(&self) -> Self {
        Self {
            index: self.index,
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }

    /// Whether `later` continues this change: the same element, replaced again from the
    /// value this change left (the next keystroke in the same field).
    fn continued_by(&self, later: &Self) -> bool {
        self.index == later.index
            && self.after.is_some()
            && self.before.is_some()
            && later.before.is_some()
            && later.after.is_some()
            && self.after == later.before
    }

    /// Refuses, and leaves the list as it is, unless the list still holds `before` at
    /// `index` (or, for an insert, `index` is within the list).
    fn apply(&self, list: &mut Vec<T>) -> Result<(), EditError> {
        Self::step(self.index, self.before.as_ref(), self.after.as_ref(), list)
    }

    /// Applies the inverse, without building it (a step of a million events is not copied
    /// to be undone).
    fn unapply(&self, list: &mut Vec<T>) -> Result<(), EditError> {
        Self::step(self.index, self.after.as_ref(), self.before.as_ref(), list)
    }

    fn step(
        index: usize,
        before: Option<&T>,
        after: Option<&T>,
        list: &mut Vec<T>,
    ) -> Result<(), EditError> {
        match (before, after) {
            (None, None) => {}
            (None, Some(value)) => {
                if index > list.len() {
                    return Err(EditError::Stale(format!(
                        "{} was to go at position {} of {} {}s, and the list is shorter now",
                        describe(value),
                        index + 1,
                        list.len(),
                        T::KIND.label()
                    )));
                }
                list.insert(index, value.clone());
            }
            (Some(expected), after) => {
                let Some(current) = list.get_mut(index) else {
                    return Err(EditError::Stale(format!(
                        "{} is no longer in the project",
                        describe(expected)
                    )));
                };
                if current != expected {
                    return Err(EditError::Stale(stale_message(expected, current)));
                }
                match after {
                    Some(value) => current.clone_from(value),
                    None => {
                        list.remove(index);
                    }
                }
            }
        }
        Ok(())
    }
}

/// Why a change whose list holds `current` where it expected `expected` is refused.
fn stale_message<T: Described>(expected: &T, current: &T) -> String {
    if current.id_text() != expected.id_text() {
        return format!(
            "{} is no longer where this change expected it (the {}s changed since: {} is \
             there now)",
            describe(expected),
            T::KIND.label(),
            describe(current)
        );
    }
    let fields = changed_fields(expected, current);
    let fields = if fields.is_empty() {
        String::new()
    } else {
        format!(" (its {fields})")
    };
    format!(
        "{} changed after this change was prepared{fields}",
        describe(expected)
    )
}

/// The project's own fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub title: String,
    pub description: String,
    pub reference_date: Option<DateSpec>,
}

impl Meta {
    pub fn of(project: &Project) -> Self {
        Self {
            title: project.title.clone(),
            description: project.description.clone(),
            reference_date: project.reference_date.clone(),
        }
    }

    /// The names of the fields in which `self` and `other` differ.
    fn changed_fields(&self, other: &Self) -> String {
        let mut names = Vec::new();
        if self.title != other.title {
            names.push("title");
        }
        if self.description != other.description {
            names.push("description");
        }
        if self.reference_date != other.reference_date {
            names.push("reference date");
        }
        names.join(", ")
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Event(ListChange<Event>),
    Actor(ListChange<Actor>),
    Membership(ListChange<Membership>),
    Location(ListChange<Location>),
    Issue(ListChange<Issue>),
    Position(ListChange<Position>),
    Source(ListChange<Source>),
    Claim(ListChange<Claim>),
    Tag(ListChange<Tag>),
    Period(ListChange<Period>),
    Meta { before: Meta, after: Meta },
}

/// Evaluates `$list_body` with the list change and the project list a change is about, or
/// `$meta_body` for a change of the project's own fields.
macro_rules! with_list {
    ($change:expr, $project:expr, |$c:ident, $list:ident| $body:expr, $meta:expr) => {
        match $change {
            Change::Event($c) => {
                let $list = &mut $project.events;
                $body
            }
            Change::Actor($c) => {
                let $list = &mut $project.actors;
                $body
            }
            Change::Membership($c) => {
                let $list = &mut $project.memberships;
                $body
            }
            Change::Location($c) => {
                let $list = &mut $project.locations;
                $body
            }
            Change::Issue($c) => {
                let $list = &mut $project.issues;
                $body
            }
            Change::Position($c) => {
                let $list = &mut $project.positions;
                $body
            }
            Change::Source($c) => {
                let $list = &mut $project.sources;
                $body
            }
            Change::Claim($c) => {
                let $list = &mut $project.claims;
                $body
            }
            Change::Tag($c) => {
                let $list = &mut $project.tags;
                $body
            }
            Change::Period($c) => {
                let $list = &mut $project.periods;
                $body
            }
            Change::Meta { .. } => $meta,
        }
    };
}

impl Change {
    #[must_use]
    pub fn inverse(&self) -> Self {
        match self {
            Self::Event(c) => Self::Event(c.inverse()),
            Self::Actor(c) => Self::Actor(c.inverse()),
            Self::Membership(c) => Self::Membership(c.inverse()),
            Self::Location(c) => Self::Location(c.inverse()),
            Self::Issue(c) => Self::Issue(c.inverse()),
            Self::Position(c) => Self::Position(c.inverse()),
            Self::Source(c) => Self::Source(c.inverse()),
            Self::Claim(c) => Self::Claim(c.inverse()),
            Self::Tag(c) => Self::Tag(c.inverse()),
            Self::Period(c) => Self::Period(c.inverse()),
            Self::Meta { before, after } => Self::Meta {
                before: after.clone(),
                after: before.clone(),
            },
        }
    }

    /// Applies the change, or its inverse when `backwards` (undo).
    fn apply(&self, project: &mut Project, backwards: bool) -> Result<(), EditError> {
        with_list!(
            self,
            project,
            |c, list| if backwards {
                c.unapply(list)
            } else {
                c.apply(list)
            },
            {
                let Self::Meta { before, after } = self else {
                    return Ok(());
                };
                let (before, after) = if backwards {
                    (after, before)
                } else {
                    (before, after)
                };
                let current = Meta::of(project);
                if current != *before {
                    return Err(EditError::Stale(format!(
                        "the project's {} changed after this change was prepared",
                        before.changed_fields(&current)
                    )));
                }
                project.title.clone_from(&after.title);
                project.description.clone_from(&after.description);
                project.reference_date.clone_from(&after.reference_date);
                Ok(())
            }
        )
    }

    /// Whether `later` continues this change (see [`ListChange::continued_by`]).
    fn continued_by(&self, later: &Self) -> bool {
        match (self, later) {
            (Self::Event(a), Self::Event(b)) => a.continued_by(b),
            (Self::Actor(a), Self::Actor(b)) => a.continued_by(b),
            (Self::Membership(a), Self::Membership(b)) => a.continued_by(b),
            (Self::Location(a), Self::Location(b)) => a.continued_by(b),
            (Self::Issue(a), Self::Issue(b)) => a.continued_by(b),
            (Self::Position(a), Self::Position(b)) => a.continued_by(b),
            (Self::Source(a), Self::Source(b)) => a.continued_by(b),
            (Self::Claim(a), Self::Claim(b)) => a.continued_by(b),
            (Self::Tag(a), Self::Tag(b)) => a.continued_by(b),
            (Self::Period(a), Self::Period(b)) => a.continued_by(b),
            (Self::Meta { after, .. }, Self::Meta { before, .. }) => after == before,
            _ => false,
        }
    }

    /// Makes this change end where `later` ends (`later` must continue it).
    fn extend_to(&mut self, later: Self) {
        match (self, later) {
            (Self::Event(a), Self::Event(b)) => a.after = b.after,
            (Self::Actor(a), Self::Actor(b)) => a.after = b.after,
            (Self::Membership(a), Self::Membership(b)) => a.after = b.after,
            (Self::Location(a), Self::Location(b)) => a.after = b.after,
            (Self::Issue(a), Self::Issue(b)) => a.after = b.after,
            (Self::Position(a), Self::Position(b)) => a.after = b.after,
            (Self::Source(a), Self::Source(b)) => a.after = b.after,
            (Self::Claim(a), Self::Claim(b)) => a.after = b.after,
            (Self::Tag(a), Self::Tag(b)) => a.after = b.after,
            (Self::Period(a), Self::Period(b)) => a.after = b.after,
            (Self::Meta { after, .. }, Self::Meta { after: later, .. }) => *after = later,
            _ => {}
        }
    }
}

/// Up to this many replaced events, what is derived follows them one at a time; beyond, it is
/// rebuilt. At a million events one replacement costs about 1 ms (shifting the sorted
/// columns of the time index), a rebuild about 400 ms (derived data, filter and lanes).
pub const MAX_INCREMENTAL_EVENTS: usize = 64;

/// A named step of editing: what Undo undoes at once ("move ‘Miami talks’").
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub label: String,
    pub changes: Vec<Change>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The edit was prepared from an older state of the project.
    #[error("{0}; making it would overwrite what changed")]
    Stale(String),
    /// The edit would leave the project inconsistent (a reference to nothing, an id twice).
    #[error("{0}; the project would no longer be consistent")]
    Inconsistent(String),
    /// A refused edit could not be taken back: the project holds part of it.
    #[error(
        "{refused}; taking back the part already made failed too ({rollback}), so the project \
         may hold part of the change: check it, and reopen the saved file if it is wrong"
    )]
    RollbackFailed { refused: String, rollback: String },
}

impl Edit {
    pub fn new(label: impl Into<String>, changes: Vec<Change>) -> Self {
        Self {
            label: label.into(),
            changes,
        }
    }

    /// Applies every change in order, or none: a refused change takes back the ones before
    /// it, and a failure of that is reported too, never ignored.
    pub fn apply(&self, project: &mut Project) -> Result<(), EditError> {
        for (i, change) in self.changes.iter().enumerate() {
            if let Err(err) = change.apply(project, false) {
                return Self::after_refusal(err, Self::take_back(&self.changes[..i], project));
            }
        }
        Ok(())
    }

    /// Takes the edit back (what undo does): the inverse of every change, newest first, or
    /// none, as [`Self::apply`]; without copying the edit.
    pub fn unapply(&self, project: &mut Project) -> Result<(), EditError> {
        for (i, change) in self.changes.iter().enumerate().rev() {
            if let Err(err) = change.apply(project, true) {
                let redo = self.changes[i + 1..]
                    .iter()
                    .try_for_each(|c| c.apply(project, false));
                return Self::after_refusal(err, redo);
            }
        }
        Ok(())
    }

    fn after_refusal(err: EditError, rollback: Result<(), EditError>) -> Result<(), EditError> {
        match rollback {
            Ok(()) => Err(err),
            Err(rollback) => Err(EditError::RollbackFailed {
                refused: err.to_string(),
                rollback: rollback.to_string(),
            }),
        }
    }

    /// Undoes `done` (changes just applied, in order), newest first.
    pub(crate) fn take_back(done: &[Change], project: &mut Project) -> Result<(), EditError> {
        done.iter().rev().try_for_each(|c| c.apply(project, true))
    }

    /// The edit that takes the project back: inverse changes in reverse order.
    #[must_use]
    pub fn inverse(&self) -> Self {
        Self {
            label: self.label.clone(),
            changes: self.changes.iter().rev().map(Change::inverse).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// When the edit only replaces events in place (a keystroke, a new date, a drag frame):
    /// each replaced position with the event as it was before the edit went forward (or,
    /// `backwards`, before it was undone), so that what is derived can follow one event at
    /// a time. `None` for any other edit, and for more than [`MAX_INCREMENTAL_EVENTS`]
    /// replacements: then what is derived is rebuilt.
    pub fn replaced_events(&self, backwards: bool) -> Option<Vec<(u32, &Event)>> {
        if self.changes.len() > MAX_INCREMENTAL_EVENTS {
            return None;
        }
        let mut replaced = Vec::with_capacity(self.changes.len());
        let in_order: Box<dyn Iterator<Item = &Change>> = if backwards {
            Box::new(self.changes.iter().rev())
        } else {
            Box::new(self.changes.iter())
        };
        for change in in_order {
            let Change::Event(ListChange {
                index,
                before: Some(before),
                after: Some(after),
            }) = change
            else {
                return None;
            };
            let index = u32::try_from(*index).ok()?;
            replaced.push((index, if backwards { after } else { before }));
        }
        Some(replaced)
    }

    /// Folds `later` into this edit (a typing burst or a drag is one step): the changes of
    /// both, applied in order, undone together. A change that continues this edit's last one
    /// (the next keystroke in the same field) extends it instead of being kept beside it, so
    /// that a burst of typing costs the entity twice, not twice per keystroke.
    pub fn absorb(&mut self, later: Self) {
        for change in later.changes {
            match self.changes.last_mut() {
                Some(last) if last.continued_by(&change) => last.extend_to(change),
                _ => self.changes.push(change),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::edits::{delete_event, replace_event};
    use crate::io::sample_project;

    #[test]
    fn an_edit_from_a_stale_frame_does_not_overwrite_another_event() {
        let p = sample_project().unwrap();
        // Prepared while the list held the Berlin talks at 0 ("rename" from an old frame)…
        let mut renamed = p.events[0].clone();
        renamed.title = "Renamed".into();
        let stale = replace_event(&p, 0, renamed, "rename").unwrap();
        // …applied after the Berlin talks were deleted: position 0 is the Miami talks now.
        let mut q = p.clone();
        delete_event(&p, 0).unwrap().apply(&mut q).unwrap();
        let now = q.clone();
        let err = stale.apply(&mut q).unwrap_err();
        assert_eq!(q, now, "nothing overwritten");
        let message = err.to_string();
        assert!(
            message.contains("‘US–Ukraine–Europe talks in Berlin’ (ev-berlin-talks)")
                && message.contains("‘US–Russia talks in Miami’ (ev-miami-talks) is there now")
                && message.contains("would overwrite what changed"),
            "{message}"
        );
    }

    #[test]
    fn a_stale_edit_of_a_changed_entity_says_which_fields_changed() {
        let p = sample_project().unwrap();
        let mut a = p.events[1].clone();
        a.title = "A".into();
        let first = replace_event(&p, 1, a, "rename").unwrap();
        let mut b = p.events[1].clone();
        b.description = "B".into();
        let second = replace_event(&p, 1, b, "describe").unwrap();
        let mut q = p.clone();
        first.apply(&mut q).unwrap();
        let err = second.apply(&mut q).unwrap_err().to_string();
        assert!(
            err.contains("(ev-miami-talks) changed after this change was prepared (its title)"),
            "{err}"
        );
        assert_eq!(q.events[1].title, "A");
        assert_eq!(q.events[1].description, p.events[1].description);
    }

    #[test]
    fn undo_on_a_project_that_is_not_what_the_edit_left_is_refused() {
        let p = sample_project().unwrap();
        let mut renamed = p.events[0].clone();
        renamed.title = "Renamed".into();
        let edit = replace_event(&p, 0, renamed, "rename").unwrap();
        // Never applied: undoing it would "restore" over the event as it is.
        let mut q = p.clone();
        assert!(matches!(edit.unapply(&mut q), Err(EditError::Stale(_))));
        assert_eq!(q, p);
        // A two-change edit whose second change is refused takes the first back.
        let meta = Meta::of(&p);
        let mut retitled = meta.clone();
        retitled.title = "New title".into();
        let both = Edit::new(
            "both",
            vec![
                Change::Meta {
                    before: meta,
                    after: retitled,
                },
                edit.changes[0].inverse(),
            ],
        );
        assert!(both.apply(&mut q).is_err());
        assert_eq!(q, p);
    }

    #[test]
    fn keystrokes_in_one_field_fold_into_one_change() {
        let p = sample_project().unwrap();
        let mut q = p.clone();
        let mut step = Edit::new("rename", Vec::new());
        for title in ["R", "Re", "Ren"] {
            let mut e = q.events[0].clone();
            e.title = title.into();
            let edit = replace_event(&q, 0, e, "rename").unwrap();
            edit.apply(&mut q).unwrap();
            step.absorb(edit);
        }
        assert_eq!(step.changes.len(), 1);
        step.unapply(&mut q).unwrap();
        assert_eq!(q, p);
    }
}
