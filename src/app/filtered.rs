//! The project as the shared filter shows it: what passes, and the per-actor and per-place
//! figures the panels list. Recomputed when the filter or the project changes, never per frame.

use std::collections::HashMap;

use super::Document;
use crate::layout::EventIndex;
use crate::model::{Id, TimeSecs};
use crate::query::{Filter, FilterResult, Pair, apply_filter, who_met_whom};

/// Events, first and last appearance of one actor or place among the passing events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Appearances {
    pub num_events: usize,
    pub first_secs: Option<TimeSecs>,
    /// Exclusive, as `TimeBounds::latest_secs`: an event on 21 December ends at 22 December
    /// 00:00.
    pub last_secs: Option<TimeSecs>,
}

impl Appearances {
    fn add(&mut self, earliest: Option<TimeSecs>, latest: Option<TimeSecs>) {
        self.num_events += 1;
        if let Some(t) = earliest {
            self.first_secs = Some(self.first_secs.map_or(t, |f| f.min(t)));
        }
        if let Some(t) = latest {
            self.last_secs = Some(self.last_secs.map_or(t, |l| l.max(t)));
        }
    }
}

#[derive(Default)]
pub struct FilteredView {
    key: Option<(Filter, (u64, u64))>,
    pub filter: Filter,
    pub result: FilterResult,
    pub actors: HashMap<Id, Appearances>,
    pub locations: HashMap<Id, Appearances>,
    /// Who met whom among the passing events, computed when first asked for: only its view
    /// shows it, and at 1M events it was half the cost of a filter change.
    pairs: std::cell::OnceCell<Vec<Pair>>,
    /// The passing events' time index (for the overview strip and the count of events in
    /// view), built when first asked for; `None` while the filter lets everything through,
    /// when the project's own index serves.
    index: std::cell::OnceCell<Option<EventIndex>>,
    /// Bumped whenever the result changes, so that views can cache what they derive.
    generation: u64,
}

impl FilteredView {
    /// Brings the view up to date with `filter` and `doc`; returns whether anything changed.
    pub fn refresh(&mut self, doc: &Document, filter: &Filter) -> bool {
        let key = (filter.clone(), doc.revision());
        if self.key.as_ref() == Some(&key) {
            return false;
        }
        let project = doc.project();
        self.result = apply_filter(project, doc.lookup(), doc.claims(), filter);
        self.actors.clear();
        self.locations.clear();
        for (event, _) in project
            .events
            .iter()
            .zip(&self.result.events)
            .filter(|(_, pass)| **pass)
        {
            let bounds = event.date.bounds().ok();
            let (earliest, latest) = (
                bounds.map(|b| b.earliest_secs),
                bounds.map(|b| b.latest_secs),
            );
            for actor in event.participant_ids() {
                self.actors.entry(actor).or_default().add(earliest, latest);
            }
            for location in event.location_ids() {
                self.locations
                    .entry(location)
                    .or_default()
                    .add(earliest, latest);
            }
        }
        self.pairs = std::cell::OnceCell::new();
        self.index = std::cell::OnceCell::new();
        self.filter = filter.clone();
        self.key = Some(key);
        self.generation += 1;
        true
    }

    /// Who met whom among the passing events of `project` (the project of the last
    /// `refresh`).
    pub fn pairs(&self, project: &crate::model::Project) -> &[Pair] {
        self.pairs
            .get_or_init(|| who_met_whom(project, &self.result.events))
    }

    /// The time index of the passing events of `doc` (the document of the last `refresh`).
    pub fn event_index<'a>(&'a self, doc: &'a Document) -> &'a EventIndex {
        self.index
            .get_or_init(|| {
                (!self.filter.is_empty()).then(|| {
                    let passing = (0..doc.project().events.len() as u32)
                        .filter(|&i| self.event_passes(i as usize));
                    EventIndex::build_subset(&doc.project().events, passing)
                })
            })
            .as_ref()
            .unwrap_or_else(|| doc.index())
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn event_passes(&self, index: usize) -> bool {
        self.result.events.get(index).copied().unwrap_or(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appearances_follow_the_filter() {
        let doc = Document::sample().unwrap();
        let mut view = FilteredView::default();
        assert!(view.refresh(&doc, &Filter::default()));
        assert!(!view.refresh(&doc, &Filter::default()), "cached");
        let zelenskyy = view.actors[&Id::new("a-zelenskyy")];
        assert_eq!(zelenskyy.num_events, 2);
        // Computed on first use, and again after the filter changes (below).
        assert!(!view.pairs(doc.project()).is_empty());
        let filter = Filter {
            text: "Article 5".into(),
            ..Filter::default()
        };
        assert!(view.refresh(&doc, &filter));
        assert_eq!(view.actors[&Id::new("a-zelenskyy")].num_events, 1);
        assert!(!view.actors.contains_key(&Id::new("a-witkoff")));
        assert!(view.pairs(doc.project()).is_empty());
    }

    #[test]
    fn the_time_index_holds_the_passing_events() {
        let doc = Document::sample().unwrap();
        let mut view = FilteredView::default();
        view.refresh(&doc, &Filter::default());
        assert_eq!(view.event_index(&doc).num_indexed(), 5);
        let expected = Filter {
            statuses: vec![crate::model::EventStatus::Expected],
            ..Filter::default()
        };
        view.refresh(&doc, &expected);
        assert_eq!(view.event_index(&doc).num_indexed(), 2);
        view.refresh(&doc, &Filter::default());
        assert_eq!(view.event_index(&doc).num_indexed(), 5, "rebuilt");
    }
}
