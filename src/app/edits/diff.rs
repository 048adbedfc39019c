//! One edit from a project to another (a merged import), list by list.

use crate::app::edit::{Change, Described, Edit, ListChange};
use crate::model::Project;

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
mod tests {
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
