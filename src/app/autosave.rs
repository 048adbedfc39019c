//! When to write the recovery file: once a change has stayed unsaved (and not yet autosaved)
//! for the autosave interval. Pure timing, so it is tested with made-up instants; the app
//! asks it every frame and does the writing.

use std::time::{Duration, Instant};

/// Which document at which change (see `Document::revision`).
pub type Revision = (u64, u64);

#[derive(Debug, Default)]
pub struct AutosaveClock {
    /// When the oldest change not yet in the recovery file was seen.
    pending_since: Option<Instant>,
    /// The revision last written to the recovery file.
    written: Option<Revision>,
}

impl AutosaveClock {
    /// Whether to autosave now. `interval` is `None` when autosave is off. Called every
    /// frame with the document's state; a change starts the clock, and it runs on through
    /// further changes, so steady typing is still autosaved every interval.
    pub fn is_due(
        &mut self,
        now: Instant,
        revision: Revision,
        dirty: bool,
        interval: Option<Duration>,
    ) -> bool {
        if !dirty || self.written == Some(revision) {
            self.pending_since = None;
            return false;
        }
        let since = *self.pending_since.get_or_insert(now);
        interval.is_some_and(|i| now.saturating_duration_since(since) >= i)
    }

    /// How long until [`Self::is_due`] turns true, for waking the UI up then.
    pub fn time_left(&self, now: Instant, interval: Option<Duration>) -> Option<Duration> {
        let since = self.pending_since?;
        Some((since + interval?).saturating_duration_since(now))
    }

    /// The recovery file now holds `revision`.
    pub fn written(&mut self, revision: Revision) {
        self.written = Some(revision);
        self.pending_since = None;
    }

    /// Saved, or another document opened: nothing is pending.
    pub fn reset(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const THIRTY: Option<Duration> = Some(Duration::from_secs(30));

    #[test]
    fn due_thirty_seconds_after_the_first_unsaved_change() {
        let start = Instant::now();
        let at = |s: u64| start + Duration::from_secs(s);
        let mut clock = AutosaveClock::default();
        assert!(
            !clock.is_due(at(0), (1, 0), false, THIRTY),
            "nothing unsaved"
        );
        assert!(!clock.is_due(at(1), (1, 1), true, THIRTY));
        assert_eq!(
            clock.time_left(at(11), THIRTY),
            Some(Duration::from_secs(20))
        );
        // Typing goes on: the clock does not restart with every change.
        assert!(!clock.is_due(at(20), (1, 5), true, THIRTY));
        assert!(clock.is_due(at(31), (1, 9), true, THIRTY));
        clock.written((1, 9));
        assert!(
            !clock.is_due(at(90), (1, 9), true, THIRTY),
            "already written"
        );
        assert!(!clock.is_due(at(91), (1, 10), true, THIRTY));
        assert!(clock.is_due(at(121), (1, 10), true, THIRTY));
    }

    #[test]
    fn off_never_due_and_saving_resets() {
        let start = Instant::now();
        let mut clock = AutosaveClock::default();
        assert!(!clock.is_due(start, (1, 1), true, None));
        let later = start + Duration::from_hours(1);
        assert!(!clock.is_due(later, (1, 1), true, None));
        assert_eq!(clock.time_left(later, None), None);
        // A clean document stops the clock; a new change starts it again.
        assert!(!clock.is_due(later, (1, 1), false, THIRTY));
        assert!(!clock.is_due(later, (1, 2), true, THIRTY));
        clock.reset();
        assert_eq!(clock.time_left(later, THIRTY), None);
    }
}
