//! Edits: the one way a project changes. Each edit is a list of changes to entity lists
//! (insert, delete or replace one element) and knows its inverse, which is what undo applies.

use crate::model::{
    Actor, Claim, DateSpec, Event, Issue, Location, Membership, Period, Position, Project, Source,
    Tag,
};

/// One element of one list changes: inserted (`before` is `None`), deleted (`after` is
/// `None`) or replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct ListChange<T> {
    pub index: usize,
    pub before: Option<T>,
    pub after: Option<T>,
}

impl<T: Clone> ListChange<T> {
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

    fn apply(&self, list: &mut Vec<T>) -> Result<(), EditError> {
        match (&self.before, &self.after) {
            (None, Some(value)) if self.index <= list.len() => {
                list.insert(self.index, value.clone());
            }
            (Some(_), None) if self.index < list.len() => {
                list.remove(self.index);
            }
            (Some(_), Some(value)) if self.index < list.len() => list[self.index] = value.clone(),
            _ => {
                return Err(EditError::OutOfRange {
                    index: self.index,
                    len: list.len(),
                });
            }
        }
        Ok(())
    }

    /// Undoes `apply` on the same list (used to roll back a half-applied edit).
    fn revert(&self, list: &mut Vec<T>) {
        let _ = self.inverse().apply(list);
    }
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

/// Applies `$body` to the list change and the project list a change is about.
macro_rules! with_list {
    ($change:expr, $project:expr, |$c:ident, $list:ident| $body:expr) => {
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
            Change::Meta { .. } => unreachable!("handled before"),
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

    fn apply(&self, project: &mut Project) -> Result<(), EditError> {
        if let Self::Meta { after, .. } = self {
            project.title.clone_from(&after.title);
            project.description.clone_from(&after.description);
            project.reference_date.clone_from(&after.reference_date);
            return Ok(());
        }
        with_list!(self, project, |c, list| c.apply(list))
    }

    fn revert(&self, project: &mut Project) {
        if let Self::Meta { before, .. } = self {
            project.title.clone_from(&before.title);
            project.description.clone_from(&before.description);
            project.reference_date.clone_from(&before.reference_date);
            return;
        }
        with_list!(self, project, |c, list| c.revert(list));
    }
}

/// A named step of editing: what Undo undoes at once ("move ‘Miami talks’").
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub label: String,
    pub changes: Vec<Change>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the edit refers to position {index} of a list of {len}; the project changed under it")]
    OutOfRange { index: usize, len: usize },
}

impl Edit {
    pub fn new(label: impl Into<String>, changes: Vec<Change>) -> Self {
        Self {
            label: label.into(),
            changes,
        }
    }

    /// Applies every change in order, or none: a failure rolls back what was applied.
    pub fn apply(&self, project: &mut Project) -> Result<(), EditError> {
        for (i, change) in self.changes.iter().enumerate() {
            if let Err(err) = change.apply(project) {
                for done in self.changes[..i].iter().rev() {
                    done.revert(project);
                }
                return Err(err);
            }
        }
        Ok(())
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

    /// Folds `later` into this edit (a typing burst or a drag is one step): the changes of
    /// both, applied in order, undone together.
    pub fn absorb(&mut self, later: Self) {
        self.changes.extend(later.changes);
    }
}
