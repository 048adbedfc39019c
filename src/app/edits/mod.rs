//! Building edits: add, replace and delete entities, deleting never leaving a dangling
//! reference behind. One file per job: creating (`create`), changing what exists
//! (`change`), deleting with its consequences (`delete`), and the edit between two projects
//! (`diff`); this file holds what they share.

mod change;
mod create;
mod delete;
mod diff;
mod intake;
mod reported;

pub use change::{replace_event, upsert};
pub use create::{add_event, tag_with_new_tag, unique_id};
pub use delete::{Consequences, delete_entity, delete_event};
pub use diff::append_edit;
pub use intake::intake_edit;
pub use reported::{adopt_state, record_state, remove_state, replace_state};

use super::edit::{Change, Described, Edit, ListChange};
use crate::model::{
    Actor, Claim, Id, Issue, Location, Membership, Period, Position, Project, Source, Tag,
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

/// Several edits as one undo step.
pub fn combine(label: impl Into<String>, edits: impl IntoIterator<Item = Edit>) -> Edit {
    Edit::new(label, edits.into_iter().flat_map(|e| e.changes).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;

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
