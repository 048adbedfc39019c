//! The undo history: the steps done and undone, which of them was saved, the step still
//! open to the next keystroke of the same field, and what the history holds in memory.
//!
//! A step holds only the entities it changed, before and after (a keystroke in a title holds
//! that one event twice, and a burst of typing in one field still twice, see
//! [`Edit::absorb`]); long texts (`ArcStr`) are shared with the project, not copied. The
//! number of steps has no limit; their memory does: past [`HISTORY_CAP_BYTES`] the oldest
//! steps are let go, never the newest, and the analyst is told.

use std::collections::VecDeque;

use super::edit::{Change, Described, Edit, ListChange, Meta};
use crate::model::Event;

/// What the undo history may hold, besides its newest step: 512 MiB, twice what a
/// million-event project holds in memory (255 bytes an event), so that a merge of a
/// million events (a step of 408 MB, docs/PERFORMANCE.md) stays undoable beside a million
/// ordinary steps (about 470 bytes each: a keystroke, a drag).
pub const HISTORY_CAP_BYTES: usize = 512 << 20;

/// At most this many changes of a step are measured; a bigger step (a merged import) is
/// measured from evenly spaced samples, so that recording it stays cheap.
const MEASURED_CHANGES: usize = 256;

struct Step {
    edit: Edit,
    bytes: usize,
}

pub struct UndoHistory {
    /// Steps done, oldest first; undo takes from the back, the cap drops from the front.
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    /// `undo.len()` when the project was last saved or opened; `None` once that state can
    /// no longer be reached by undo and redo.
    saved_at: Option<usize>,
    /// Set by an edit until the next one, or until the field loses focus, the drag ends or
    /// the dialog closes: lets a typing burst or a drag merge into one step.
    open_merge: Option<String>,
    /// Estimated memory of all steps, undo and redo.
    bytes: usize,
    cap_bytes: usize,
    /// Steps let go for the cap and not yet reported.
    dropped_unreported: usize,
}

impl Default for UndoHistory {
    fn default() -> Self {
        Self::with_cap(HISTORY_CAP_BYTES)
    }
}

impl UndoHistory {
    pub fn with_cap(cap_bytes: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            saved_at: Some(0),
            open_merge: None,
            bytes: 0,
            cap_bytes,
            dropped_unreported: 0,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.undo.len())
    }

    /// The project now is the one on disk.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.undo.len());
        self.open_merge = None;
    }

    /// The project now differs from anything on disk (an import, a recovered project).
    pub fn mark_unsaved(&mut self) {
        self.saved_at = None;
    }

    /// Records an edit just applied. Edits with the same `merge_key` in a row (the
    /// keystrokes of one field, the frames of one drag) become one step.
    pub fn record(&mut self, edit: Edit, merge_key: Option<&str>) {
        let merging = merge_key.is_some() && self.open_merge.as_deref() == merge_key;
        match self.undo.back_mut() {
            Some(last) if merging => {
                last.edit.absorb(edit);
                let bytes = edit_bytes(&last.edit);
                self.bytes = self.bytes - last.bytes + bytes;
                last.bytes = bytes;
                // A merged step is a different state from the one saved, even if it was
                // the last.
                if self.saved_at == Some(self.undo.len()) {
                    self.saved_at = None;
                }
            }
            _ => {
                if self.saved_at.is_some_and(|s| s > self.undo.len()) {
                    self.saved_at = None; // the saved state was in the redo stack, now gone
                }
                let mut edit = edit;
                // A step built by pushing (a merge's million changes) keeps up to twice the
                // room it needs, 296 bytes a change: given back once, here.
                edit.changes.shrink_to_fit();
                let bytes = edit_bytes(&edit);
                self.bytes += bytes;
                self.undo.push_back(Step { edit, bytes });
            }
        }
        self.bytes -= self.redo.drain(..).map(|s| s.bytes).sum::<usize>();
        self.open_merge = merge_key.map(str::to_owned);
        self.enforce_cap();
    }

    /// Lets the oldest steps go until the history fits its cap, keeping the newest.
    fn enforce_cap(&mut self) {
        while self.bytes > self.cap_bytes && self.undo.len() > 1 {
            let Some(oldest) = self.undo.pop_front() else {
                break;
            };
            self.bytes -= oldest.bytes;
            self.dropped_unreported += 1;
            self.saved_at = match self.saved_at {
                Some(0) | None => None,
                Some(s) => Some(s - 1),
            };
        }
    }

    /// Ends a merge: the next edit starts a new step even with the same key.
    pub fn close_merge(&mut self) {
        self.open_merge = None;
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|s| s.edit.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.edit.label.as_str())
    }

    /// The step Undo would take back.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.back().map(|s| &s.edit)
    }

    /// The step Redo would make again.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.edit)
    }

    /// The step [`Self::next_undo`] was taken back: it moves to the redo stack.
    pub fn undone(&mut self) {
        if let Some(step) = self.undo.pop_back() {
            self.redo.push(step);
        }
        self.open_merge = None;
    }

    /// The step [`Self::next_redo`] was made again: it moves back to the undo stack.
    pub fn redone(&mut self) {
        if let Some(step) = self.redo.pop() {
            self.undo.push_back(step);
        }
        self.open_merge = None;
    }

    /// The estimated memory of all steps, in bytes.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    pub fn undo_steps(&self) -> usize {
        self.undo.len()
    }

    /// What to tell the analyst once, when steps were let go for the cap.
    pub fn take_notice(&mut self) -> Option<String> {
        if self.dropped_unreported == 0 {
            return None;
        }
        let n = std::mem::take(&mut self.dropped_unreported);
        Some(format!(
            "The oldest {n} undo step{} could no longer be kept: the undo history holds at \
             most {} MB.",
            if n == 1 { "" } else { "s" },
            self.cap_bytes >> 20
        ))
    }
}

/// Counts what is written to it.
struct ByteCount(usize);

impl std::io::Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What an entity other than an event holds on the heap, estimated by the length of its
/// JSON text: strings and lists are counted with their field names and punctuation, so the
/// estimate errs high, and text shared with the project (`ArcStr`) is counted though it is
/// not copied. Such entities are few beside events, even in a merge.
fn entity_heap_bytes<T: serde::Serialize>(value: &T) -> usize {
    let mut count = ByteCount(0);
    match serde_json::to_writer(&mut count, value) {
        Ok(()) => count.0,
        Err(_) => 0,
    }
}

/// What an event holds on the heap, counted: events are most of a big step (a merge), so
/// they are counted exactly rather than estimated. Texts in `ArcStr` are shared with the
/// project and not counted; a title up to 24 bytes is inline.
fn event_heap_bytes(e: &Event) -> usize {
    /// A thin vector keeps its length and capacity on the heap, before its items.
    const THIN_VEC_HEADER: usize = 16;
    fn thin<T>(v: &thin_vec::ThinVec<T>) -> usize {
        if v.capacity() == 0 {
            0
        } else {
            THIN_VEC_HEADER + v.capacity() * size_of::<T>()
        }
    }
    let title = if e.title.is_heap_allocated() {
        e.title.capacity()
    } else {
        0
    };
    let id = if e.id.is_heap_allocated() {
        e.id.capacity()
    } else {
        0
    };
    id + title
        + thin(&e.places)
        + thin(&e.tags)
        + thin(&e.claims)
        + e.participants.len() * size_of::<crate::model::Participation>()
}

fn list_change_bytes<T: Described>(c: &ListChange<T>, heap: fn(&T) -> usize) -> usize {
    c.before.as_ref().map_or(0, heap) + c.after.as_ref().map_or(0, heap)
}

fn meta_bytes(m: &Meta) -> usize {
    m.title.capacity() + m.description.capacity()
}

fn change_heap_bytes(change: &Change) -> usize {
    match change {
        Change::Event(c) => list_change_bytes(c, event_heap_bytes),
        Change::Actor(c) => list_change_bytes(c, entity_heap_bytes),
        Change::Membership(c) => list_change_bytes(c, entity_heap_bytes),
        Change::Location(c) => list_change_bytes(c, entity_heap_bytes),
        Change::Issue(c) => list_change_bytes(c, entity_heap_bytes),
        Change::Position(c) => list_change_bytes(c, entity_heap_bytes),
        Change::Source(c) => list_change_bytes(c, entity_heap_bytes),
        Change::Claim(c) => list_change_bytes(c, entity_heap_bytes),
        Change::Tag(c) => list_change_bytes(c, entity_heap_bytes),
        Change::Period(c) => list_change_bytes(c, entity_heap_bytes),
        Change::Meta { before, after } => meta_bytes(before) + meta_bytes(after),
    }
}

/// The estimated memory of one step: the changes as stored (each the size of the largest
/// kind of change, room to spare included) and what their entities hold on the heap.
pub fn edit_bytes(edit: &Edit) -> usize {
    let n = edit.changes.len();
    let stored =
        size_of::<Step>() + edit.label.capacity() + edit.changes.capacity() * size_of::<Change>();
    if n == 0 {
        return stored;
    }
    let stride = n.div_ceil(MEASURED_CHANGES);
    let (sum, measured) = edit
        .changes
        .iter()
        .step_by(stride)
        .fold((0usize, 0usize), |(sum, k), c| {
            (sum + change_heap_bytes(c), k + 1)
        });
    stored + sum * n / measured.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::edits::replace_event;
    use crate::io::sample_project;

    fn rename(project: &crate::model::Project, title: &str) -> Edit {
        let mut event = project.events[0].clone();
        event.title = title.into();
        replace_event(project, 0, event, "rename").unwrap_or_else(|| Edit::new("", Vec::new()))
    }

    #[test]
    fn the_cap_lets_the_oldest_steps_go_and_says_so() {
        let mut project = sample_project().unwrap();
        let step = edit_bytes(&rename(&project, "A title"));
        // Room for three steps of this size, not four.
        let cap = step * 3 + step / 2;
        let mut history = UndoHistory::with_cap(cap);
        for i in 0..10 {
            let edit = rename(&project, &format!("Title {i}"));
            edit.apply(&mut project).unwrap();
            history.record(edit, None);
            assert!(history.bytes() <= cap);
        }
        assert_eq!(history.undo_steps(), 3);
        let notice = history.take_notice().unwrap();
        assert!(notice.contains("oldest 7 undo steps"), "{notice}");
        assert!(history.take_notice().is_none(), "told once");
        // The saved state (before the first step) can no longer be reached.
        assert!(history.is_dirty());
        // The newest step stays, whatever its size.
        let mut tiny = UndoHistory::with_cap(1);
        tiny.record(rename(&project, "Big"), None);
        assert_eq!(tiny.undo_steps(), 1);
    }

    #[test]
    fn the_number_of_small_steps_has_no_limit() {
        let mut project = sample_project().unwrap();
        let mut history = UndoHistory::default();
        for i in 0..2000 {
            let edit = rename(&project, &format!("Title {i}"));
            edit.apply(&mut project).unwrap();
            history.record(edit, None);
        }
        assert_eq!(history.undo_steps(), 2000);
        assert!(history.take_notice().is_none());
    }

    #[test]
    fn a_typing_burst_is_one_step_the_size_of_one_keystroke() {
        let mut project = sample_project().unwrap();
        let mut history = UndoHistory::default();
        let mut title = String::new();
        let mut first = 0;
        for c in "Talks in Geneva, first round".chars() {
            title.push(c);
            let edit = rename(&project, &title);
            edit.apply(&mut project).unwrap();
            history.record(edit, Some("event:title"));
            if first == 0 {
                first = history.bytes();
            }
        }
        assert_eq!(history.undo_steps(), 1);
        assert_eq!(history.next_undo().map(|e| e.changes.len()), Some(1));
        // The same two events, only the title longer.
        assert!(
            history.bytes() < first + 64,
            "{} vs {first}",
            history.bytes()
        );
        let original = sample_project().unwrap();
        history
            .next_undo()
            .unwrap()
            .inverse()
            .apply(&mut project)
            .unwrap();
        assert_eq!(project, original);
    }
}
