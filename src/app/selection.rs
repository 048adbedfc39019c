//! The app's selection, shared by the timeline, the panels and the details view.

use compact_str::CompactString;

use crate::model::Id;

/// One selected thing.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Selected {
    /// Events are selected by id: their positions change when events are added or removed.
    Event(CompactString),
    Actor(Id),
    Location(Id),
    Issue(Id),
    Position(Id),
    Source(Id),
    Claim(Id),
    Membership(Id),
}

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

#[cfg(test)]
mod tests {
    use super::*;

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
