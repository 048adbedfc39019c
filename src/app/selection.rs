//! The app's selection, shared by the timeline, the panels and the details view.

use crate::model::Id;

/// One selected thing.
pub use crate::model::ItemRef as Selected;

/// What is selected, in the order it was picked; the last one is shown in the details view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    items: Vec<Selected>,
}

impl Selection {
    pub fn items(&self) -> &[Selected] {
        &self.items
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The one the details view shows.
    pub fn primary(&self) -> Option<&Selected> {
        self.items.last()
    }

    pub fn contains(&self, item: &Selected) -> bool {
        self.items.contains(item)
    }

    pub fn contains_event(&self, id: &str) -> bool {
        self.items
            .iter()
            .any(|s| matches!(s, Selected::Event(e) if e == id))
    }

    pub fn set(&mut self, item: Selected) {
        self.items.clear();
        self.items.push(item);
    }

    pub fn set_many(&mut self, items: impl IntoIterator<Item = Selected>) {
        self.items.clear();
        for item in items {
            if !self.items.contains(&item) {
                self.items.push(item);
            }
        }
    }

    /// Ctrl-click: adds the item, or removes it when it is already selected.
    pub fn toggle(&mut self, item: Selected) {
        if let Some(pos) = self.items.iter().position(|s| *s == item) {
            self.items.remove(pos);
        } else {
            self.items.push(item);
        }
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// Event ids in the selection.
    pub fn event_ids(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|s| match s {
            Selected::Event(id) => Some(id.as_str()),
            _ => None,
        })
    }
}

/// What the selection reaches: the events selected or linked to a selected actor, place or
/// claim, and the actors and places of the selected events, so that every panel can show them. Computed once per selection change (one
/// pass over the events), not per frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SelectionLinks {
    pub event_indices: Vec<u32>,
    event_set: std::collections::HashSet<u32>,
    pub actors: std::collections::HashSet<Id>,
    pub locations: std::collections::HashSet<Id>,
}

impl SelectionLinks {
    /// Selected events, and the events of selected actors, places and claims (selecting
    /// Witkoff marks his events on the timeline), with the actors and places they involve.
    pub fn compute(project: &crate::model::Project, selection: &Selection) -> Self {
        let mut links = Self::default();
        if selection.is_empty() {
            return links;
        }
        let ids: std::collections::HashSet<&str> = selection.event_ids().collect();
        let mut actors = std::collections::HashSet::new();
        let mut places = std::collections::HashSet::new();
        let mut claims = std::collections::HashSet::new();
        for item in selection.items() {
            match item {
                Selected::Actor(id) => {
                    actors.insert(*id);
                }
                Selected::Location(id) => {
                    places.insert(*id);
                }
                Selected::Claim(id) => {
                    claims.insert(*id);
                }
                _ => {}
            }
        }
        for (i, event) in project.events.iter().enumerate() {
            let selected = ids.contains(event.id.as_str());
            let linked = selected
                || event.participant_ids().any(|a| actors.contains(&a))
                || event.location_ids().any(|l| places.contains(&l))
                || event.all_claim_ids().any(|c| claims.contains(&c));
            if linked {
                links.event_indices.push(i as u32);
                links.event_set.insert(i as u32);
            }
            // Who and where only for events selected themselves: selecting Witkoff should
            // not light up everyone he met.
            if selected {
                links.actors.extend(event.participant_ids());
                links.locations.extend(event.location_ids());
            }
        }
        links
    }

    pub fn contains_event(&self, index: u32) -> bool {
        self.event_set.contains(&index)
    }

    /// Follows an edit that replaced the events at `changed` (and nothing else), as
    /// [`Self::compute`] would give for the edited project: those events are asked again,
    /// instead of all of them (50 ms at a million events, every keystroke in a form).
    pub fn follow(
        &mut self,
        project: &crate::model::Project,
        selection: &Selection,
        changed: &[u32],
    ) {
        let ids: std::collections::HashSet<&str> = selection.event_ids().collect();
        let wanted = |kind: fn(&Selected) -> Option<Id>| -> std::collections::HashSet<Id> {
            selection.items().iter().filter_map(kind).collect()
        };
        let actors = wanted(|s| {
            if let Selected::Actor(id) = s {
                Some(*id)
            } else {
                None
            }
        });
        let places = wanted(|s| {
            if let Selected::Location(id) = s {
                Some(*id)
            } else {
                None
            }
        });
        let claims = wanted(|s| {
            if let Selected::Claim(id) = s {
                Some(*id)
            } else {
                None
            }
        });
        for &i in changed {
            let Some(event) = project.events.get(i as usize) else {
                continue;
            };
            let linked = ids.contains(event.id.as_str())
                || event.participant_ids().any(|a| actors.contains(&a))
                || event.location_ids().any(|l| places.contains(&l))
                || event.all_claim_ids().any(|c| claims.contains(&c));
            let at = self.event_indices.binary_search(&i);
            match (linked, at) {
                (true, Err(at)) => {
                    self.event_indices.insert(at, i);
                    self.event_set.insert(i);
                }
                (false, Ok(at)) => {
                    self.event_indices.remove(at);
                    self.event_set.remove(&i);
                }
                _ => {}
            }
        }
        // Who and where of the selected events, again: only those linked can be selected.
        self.actors.clear();
        self.locations.clear();
        for &i in &self.event_indices {
            let Some(event) = project.events.get(i as usize) else {
                continue;
            };
            if ids.contains(event.id.as_str()) {
                self.actors.extend(event.participant_ids());
                self.locations.extend(event.location_ids());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_reach_participants_and_places() {
        let project = crate::io::sample_project().unwrap();
        let mut sel = Selection::default();
        sel.set(Selected::Event("ev-miami-talks".into()));
        let links = SelectionLinks::compute(&project, &sel);
        assert_eq!(links.event_indices.len(), 1);
        assert!(links.actors.contains(&Id::new("a-witkoff")));
        assert!(!links.actors.contains(&Id::new("a-zelenskyy")));
        assert!(links.locations.contains(&Id::new("l-miami")));
        // Selecting an actor links their events.
        sel.set(Selected::Actor(Id::new("a-zelenskyy")));
        let links = SelectionLinks::compute(&project, &sel);
        assert_eq!(links.event_indices.len(), 2);
    }

    #[test]
    fn following_an_edit_gives_what_computing_gives() {
        let mut project = crate::io::sample_project().unwrap();
        let witkoff = Id::new("a-witkoff");
        for selected in [
            Selected::Event("ev-miami-talks".into()),
            Selected::Actor(witkoff),
        ] {
            let mut sel = Selection::default();
            sel.set(selected);
            let mut links = SelectionLinks::compute(&project, &sel);
            // Witkoff joins the Berlin talks and leaves the Miami talks, in turn.
            let berlin = project
                .events
                .iter()
                .position(|e| e.id == "ev-berlin-talks")
                .unwrap();
            let miami = project
                .events
                .iter()
                .position(|e| e.id == "ev-miami-talks")
                .unwrap();
            let mut parts = project.events[berlin].participants.to_vec();
            parts[0].actor = witkoff;
            project.events[berlin].participants = parts.into();
            let parts: Vec<_> = project.events[miami]
                .participants
                .iter()
                .filter(|p| p.actor != witkoff)
                .copied()
                .collect();
            project.events[miami].participants = parts.into();
            links.follow(&project, &sel, &[berlin as u32, miami as u32]);
            assert_eq!(links, SelectionLinks::compute(&project, &sel));
        }
    }

    #[test]
    fn toggle_adds_and_removes() {
        let mut sel = Selection::default();
        sel.set(Selected::Event("a".into()));
        sel.toggle(Selected::Actor(Id::new("x")));
        assert_eq!(sel.items().len(), 2);
        assert_eq!(sel.primary(), Some(&Selected::Actor(Id::new("x"))));
        sel.toggle(Selected::Event("a".into()));
        assert!(!sel.contains_event("a"));
        assert_eq!(sel.items().len(), 1);
    }
}
