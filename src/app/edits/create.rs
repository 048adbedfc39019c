//! Creating entities: a new event, a new tag given to an event, readable unique ids.

use super::{combine, quoted, replace_event};
use crate::app::edit::{Change, Edit, ListChange};
use crate::model::{Event, Id, Project, Tag};

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
