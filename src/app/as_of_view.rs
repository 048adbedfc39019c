//! The session's "as of" view: the project as it was known at the end of a day
//! (`query::project_as_of`), kept as a document of its own that every view reads while it
//! is on. Read-only: the session refuses edits while it is on (docs/AS_OF.md says why).

use std::sync::Arc;

use super::{Document, Origin};
use crate::io::Work;
use crate::model::Project;
use crate::query::{AsOf, Hidden, project_as_of_watched};

/// Up to this many events the projection runs on the UI thread: with its document it took
/// 35 ms at 100k events and 0.66 s at 1M (`benches/as_of.rs`, docs/PERFORMANCE.md), about
/// 0.35 µs an event, so 20k events cost some 7 ms, within a frame; above, it runs as
/// background work with progress, and the frame is never held up.
pub const INLINE_EVENTS: usize = 20_000;

/// The project as of a day, with what it hides.
pub struct AsOfView {
    pub as_of: AsOf,
    /// The projection as a document: its own derived indices, never saved.
    pub doc: Document,
    pub hidden: Hidden,
    /// The revision of the real document it was projected from.
    pub source: (u64, u64),
}

impl AsOfView {
    /// Projects `project` as of `as_of`; `None` when `work` was cancelled.
    pub fn compute(
        project: &Project,
        as_of: AsOf,
        source: (u64, u64),
        work: &Work,
    ) -> Option<Self> {
        let lookup = project.lookup();
        work.progress.set_total(project.events.len() as u64);
        let mut last = 0;
        let projected = project_as_of_watched(project, &lookup, as_of, &mut |done| {
            work.progress.add((done - last) as u64);
            last = done;
            !work.cancel.is_cancelled()
        })?;
        Some(Self {
            as_of,
            doc: Document::new(projected.project, Origin::Untitled),
            hidden: projected.hidden,
            source,
        })
    }

    /// [`Self::compute`] of a shared project, for a background task.
    pub fn compute_shared(
        project: &Arc<Project>,
        as_of: AsOf,
        source: (u64, u64),
        work: &Work,
    ) -> Option<Box<Self>> {
        Self::compute(project, as_of, source, work).map(Box::new)
    }

    /// "Read-only: as known on 18 Dec 2025. Hidden: 1 event and 3 claims reported later. …":
    /// the day and what is hidden first, since a narrow window cuts the end.
    pub fn banner_text(&self) -> String {
        let hidden = self
            .hidden
            .text()
            .map_or_else(String::new, |h| format!(" Hidden: {h}."));
        format!(
            "Read-only: as known on {}.{hidden} Choose Now to edit.",
            self.as_of.text()
        )
    }
}

/// The day one step from `current` among `days` (oldest first): back from "now" (`None`)
/// is the last day; forward from the last day is "now". `None` when there is nowhere to go.
pub fn step_day(days: &[AsOf], current: Option<AsOf>, forward: bool) -> Option<Option<AsOf>> {
    match (current, forward) {
        (None, false) => days.last().copied().map(Some),
        (None, true) => None,
        (Some(day), false) => days.iter().rev().find(|d| **d < day).copied().map(Some),
        (Some(day), true) => Some(days.iter().find(|d| **d > day).copied()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn steps_go_from_report_to_report_and_past_the_last_to_now() {
        let d = |day| AsOf::new(date(2025, 12, day));
        let days = [d(18), d(19), d(21)];
        assert_eq!(step_day(&days, None, false), Some(Some(d(21))));
        assert_eq!(step_day(&days, None, true), None);
        assert_eq!(step_day(&days, Some(d(21)), false), Some(Some(d(19))));
        // A day between reports steps to the neighbours.
        assert_eq!(step_day(&days, Some(d(20)), false), Some(Some(d(19))));
        assert_eq!(step_day(&days, Some(d(20)), true), Some(Some(d(21))));
        assert_eq!(step_day(&days, Some(d(18)), false), None);
        assert_eq!(step_day(&days, Some(d(21)), true), Some(None));
        assert_eq!(step_day(&[], None, false), None);
    }
}
