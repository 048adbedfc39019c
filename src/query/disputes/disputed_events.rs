//! Which events of a project are disputed: worked out once per change of the project and
//! kept beside the other derived data (`app::derived`), so that the timeline's badges and
//! the filter bar's count ask a sorted list instead of the rules.
//!
//! Only events with two reported states or more need the rules; the others are skipped on
//! one length check. An edit that replaces a few events asks the rules again for those
//! alone.

use super::is_disputed;
use crate::model::{Event, Lookup, Project};

/// The positions of the disputed events in `project.events`, ascending.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisputedEvents {
    events: Vec<u32>,
}

impl DisputedEvents {
    /// Asks the rules of every event with two states or more.
    pub fn new(project: &Project, lookup: &Lookup) -> Self {
        let events = project
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.reported.len() >= 2 && is_disputed(e, project, lookup))
            .map(|(i, _)| i as u32)
            .collect();
        Self { events }
    }

    /// Follows the replacement of the event at `index` by what `project` now holds there.
    pub fn replace(&mut self, project: &Project, lookup: &Lookup, index: u32) {
        let now = project
            .events
            .get(index as usize)
            .is_some_and(|e: &Event| is_disputed(e, project, lookup));
        match (self.events.binary_search(&index), now) {
            (Ok(at), false) => {
                self.events.remove(at);
            }
            (Err(at), true) => self.events.insert(at, index),
            _ => {}
        }
    }

    pub fn contains(&self, index: u32) -> bool {
        self.events.binary_search(&index).is_ok()
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The disputed events' positions, ascending.
    pub fn positions(&self) -> &[u32] {
        &self.events
    }
}
