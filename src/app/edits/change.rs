//! Changing an entity that exists: an event's new fields (forms, drags), any other entity
//! added or replaced as a whole by its form.

use super::{Entity, quoted};
use crate::app::edit::{Change, Edit, ListChange};
use crate::model::{Event, Project};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::model::Id;

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
}
