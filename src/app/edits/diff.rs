//! One edit that appends what a merged import adds, list by list.

use crate::app::edit::{Change, Described, Edit, ListChange};
use crate::model::Project;

/// Inserts after `into`'s own entities: the lists in the order in which an entity's
/// references are to lists before it (tags and sources before the claims that cite them).
fn appended<T: Described>(
    into_len: usize,
    added: Vec<T>,
    wrap: fn(ListChange<T>) -> Change,
    out: &mut Vec<Change>,
) {
    out.extend(
        added
            .into_iter()
            .enumerate()
            .map(|(i, x)| wrap(ListChange::insert(into_len + i, x))),
    );
}

/// One undoable edit that appends `added` (what [`crate::import::merge_additions`] gives) to
/// `into`: insertions only, the entities moved into the edit, so that merging an import into
/// a million-event project neither copies nor compares the project's own entities (what
/// diffing a merged copy against the project did). An added event under an id `into` has
/// (one that gained claims and reported states: GDELT mentions) replaces it in the same edit.
pub fn append_edit(into: &Project, added: Project, label: impl Into<String>) -> Edit {
    let Project {
        periods,
        tags,
        sources,
        claims,
        actors,
        memberships,
        locations,
        issues,
        positions,
        events,
        ..
    } = added;
    let mut changes = Vec::new();
    appended(into.periods.len(), periods, Change::Period, &mut changes);
    appended(into.tags.len(), tags, Change::Tag, &mut changes);
    appended(into.sources.len(), sources, Change::Source, &mut changes);
    appended(into.claims.len(), claims, Change::Claim, &mut changes);
    appended(into.actors.len(), actors, Change::Actor, &mut changes);
    appended(
        into.memberships.len(),
        memberships,
        Change::Membership,
        &mut changes,
    );
    appended(
        into.locations.len(),
        locations,
        Change::Location,
        &mut changes,
    );
    appended(into.issues.len(), issues, Change::Issue, &mut changes);
    appended(
        into.positions.len(),
        positions,
        Change::Position,
        &mut changes,
    );
    let (replaced, events) = crate::import::split_replaced_events(&into.events, events);
    for (i, after) in replaced {
        if let Some(before) = into.events.get(i) {
            changes.push(Change::Event(ListChange::replace(i, before.clone(), after)));
        }
    }
    appended(into.events.len(), events, Change::Event, &mut changes);
    Edit::new(label, changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Imported, merge_additions, merge_imported};
    use crate::io::sample_project;

    fn imported() -> Imported {
        let json = br#"{"title":{"text":{"headline":"Talks"}},"events":[
            {"start_date":{"year":"2025","month":"12","day":"19"},"text":{"headline":"Miami meeting"}},
            {"start_date":{"year":"2025","month":"12","day":"20"},"text":{"headline":"Dmitriev talks"}}]}"#;
        crate::import::import(
            json,
            crate::import::ImportFormat::TimelineJs,
            &crate::import::ImportOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn the_append_edit_makes_the_merged_project_and_undo_takes_it_back() {
        let before = sample_project().unwrap();
        let (merged, _, _) = merge_imported(&before, imported());
        let (added, _, _) = merge_additions(&before, imported());
        let edit = append_edit(&before, added, "import");
        assert!(!edit.is_empty());
        let mut p = before.clone();
        edit.apply(&mut p).unwrap();
        assert_eq!(p, merged);
        edit.unapply(&mut p).unwrap();
        assert_eq!(p, before);
    }
}
