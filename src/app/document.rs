//! The open project with what is derived from it, where it came from, and whether it is saved.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::io::{
    LoadError, SAMPLE_NAME, SaveError, load_project_bytes_upgraded, sample_project, to_ron_string,
    write_atomically,
};
use crate::layout::EventIndex;
use crate::model::{Event, Id, ItemRef, Lookup, Project};
use crate::query::ClaimIndex;

use super::cancel::WriteOutcome;
use super::derived::Derived;
use super::edit::{Edit, EditError};
use super::edit_history::UndoHistory;
use super::file_watch::{FileFingerprint, changed_on_disk};
use super::save_job::{SaveJob, SaveOutcome};

/// Where the open project lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Made with File ▸ New; saving asks for a path.
    Untitled,
    /// The embedded sample; saving asks for a path, so the sample is never overwritten.
    Sample,
    File(PathBuf),
}

/// The open project. Derived data (lookup, timeline index, counts) follows every change:
/// updated for the events an edit replaced, rebuilt after any other change; never per frame.
pub struct Document {
    /// Shared with background work (an export) without copying; an edit while it is shared
    /// copies it first (`Arc::make_mut`).
    project: std::sync::Arc<Project>,
    origin: Origin,
    /// The file as it was when the project was read from it or last written to it, to tell
    /// whether someone else changed it since. `None` when not from a file.
    fingerprint: Option<FileFingerprint>,
    /// Edits done and undone, and which state was saved.
    history: UndoHistory,
    derived: Derived,
    /// Unique per document opened in this process, so that caches keyed on
    /// [`Self::revision`] never confuse two projects.
    instance: u64,
    /// Bumped on every change, so views can cache what they derive.
    generation: u64,
    /// What to tell the analyst once about the file's format having been upgraded on opening.
    upgrade_notice: Option<String>,
}

static NEXT_INSTANCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Document {
    pub fn new(project: Project, origin: Origin) -> Self {
        Self {
            derived: Derived::of(&project),
            project: std::sync::Arc::new(project),
            origin,
            fingerprint: None,
            history: UndoHistory::default(),
            instance: NEXT_INSTANCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            generation: 0,
            upgrade_notice: None,
        }
    }

    pub fn untitled() -> Self {
        Self::new(Project::default(), Origin::Untitled)
    }

    pub fn sample() -> Result<Self, LoadError> {
        Ok(Self::new(sample_project()?, Origin::Sample))
    }

    pub fn open(path: &Path) -> Result<Self, LoadError> {
        Self::open_watched(path, &crate::io::Work::default())
    }

    /// [`Self::open`] as background work: progress in bytes read, and Cancel stops the
    /// reading and the parsing.
    pub fn open_watched(path: &Path, work: &crate::io::Work) -> Result<Self, LoadError> {
        let bytes = crate::io::read_project_bytes_watched(path, work)?;
        let file = path.display().to_string();
        let loaded = load_project_bytes_upgraded(&bytes, &file, &work.cancel)?;
        let upgrade_notice = loaded.upgrade_notice();
        let mut doc = Self::new(loaded.project, Origin::File(path.to_path_buf()));
        doc.upgrade_notice = upgrade_notice;
        // Without a fingerprint a later save cannot tell a change on disk; that only costs
        // the warning, so a file whose time cannot be read still opens.
        doc.fingerprint = FileFingerprint::of_written(path, &bytes).ok();
        Ok(doc)
    }

    /// A project made by an import: it is on no disk yet, so it starts unsaved, and opening
    /// another project asks before replacing it.
    pub fn imported(project: Project) -> Self {
        let mut doc = Self::new(project, Origin::Untitled);
        doc.history.mark_unsaved();
        doc
    }

    /// A project brought back from a recovery file: it differs from anything saved, so it
    /// starts unsaved, and it belongs to the file it was autosaved from (when there was one).
    /// That file is fingerprinted now, so saving over it after someone else changed it since
    /// the restore still asks; what changed before the crash cannot be known.
    pub fn recovered(project: Project, origin: Option<&Path>) -> Self {
        let origin = origin.map_or(Origin::Untitled, |p| Origin::File(p.to_path_buf()));
        let mut doc = Self::new(project, origin);
        doc.history.mark_unsaved();
        if let Some(path) = doc.path() {
            doc.fingerprint = FileFingerprint::of_file(path).ok();
        }
        doc
    }

    /// Whether the project's file was changed (or removed) by someone else since it was
    /// opened or saved here. False when unknown: a file that cannot be read now will fail
    /// to save with its own error.
    pub fn changed_on_disk(&self) -> bool {
        match (self.path(), &self.fingerprint) {
            (Some(path), Some(fp)) => changed_on_disk(path, fp).unwrap_or(false),
            _ => false,
        }
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The notice that the file was written in an older format and upgraded on opening
    /// (saving writes the current one), given once.
    pub fn take_upgrade_notice(&mut self) -> Option<String> {
        self.upgrade_notice.take()
    }

    /// The project, shared: for work on another thread.
    pub fn shared_project(&self) -> std::sync::Arc<Project> {
        std::sync::Arc::clone(&self.project)
    }

    pub fn lookup(&self) -> &Lookup {
        &self.derived.lookup
    }

    /// Per-claim channels and grades, for corroboration and the grade filter.
    pub fn claims(&self) -> &ClaimIndex {
        &self.derived.claims
    }

    pub fn index(&self) -> &EventIndex {
        &self.derived.index
    }

    /// The events replaced in place since `generation` (see [`Self::generation`]), each once
    /// with its value then, when that is all that changed and the change is recent; `None`
    /// when anything else changed. Views follow these events instead of recomputing.
    pub fn replaced_since(&self, generation: u64) -> Option<Vec<(u32, &Event)>> {
        if generation > self.generation {
            return None;
        }
        self.derived.replaced_since(generation)
    }

    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) => Some(p),
            _ => None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Applies an edit and records it for undo. Edits with the same `merge_key` in a row
    /// (the keystrokes of one field, the frames of one drag) become one undo step, until
    /// [`Self::close_merge`]. An edit prepared from an older state of the project, that
    /// would overwrite what changed since or leave a reference to nothing, is refused with
    /// the reason, and the project stays as it was.
    pub fn apply(&mut self, edit: Edit, merge_key: Option<&str>) -> Result<(), EditError> {
        if edit.is_empty() {
            return Ok(());
        }
        let project = std::sync::Arc::make_mut(&mut self.project);
        if let Err(err) = edit.apply(project) {
            if matches!(err, EditError::RollbackFailed { .. }) {
                self.changed(); // part of the edit stays: what is derived must follow
            }
            return Err(err);
        }
        if let Err(err) = super::edit_check::check_consistent(project, &self.derived.lookup, &edit)
        {
            return match Edit::take_back(&edit.changes, project) {
                Ok(()) => Err(err),
                Err(rollback) => {
                    // Part of the edit stays: what is derived must follow the project.
                    self.changed();
                    Err(EditError::RollbackFailed {
                        refused: err.to_string(),
                        rollback: rollback.to_string(),
                    })
                }
            };
        }
        let replaced = owned(edit.replaced_events(false));
        self.history.record(edit, merge_key);
        self.changed_by(replaced);
        Ok(())
    }

    /// Ends a typing burst or a drag: the next edit starts a new undo step even with the
    /// same key. The UI calls it when a field loses focus, a drag ends, a dialog closes.
    pub fn close_merge(&mut self) {
        self.history.close_merge();
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// What Undo would bring back into view, to be selected once it is done, and whether
    /// it would remove one of `selected`.
    pub fn undo_subject(&self, selected: &[ItemRef]) -> (Option<ItemRef>, bool) {
        self.history
            .next_undo()
            .map(|edit| (edit.subject(true), edit.removes_any(true, selected)))
            .unwrap_or_default()
    }

    /// What Redo would bring back into view, and whether it would remove one of
    /// `selected`.
    pub fn redo_subject(&self, selected: &[ItemRef]) -> (Option<ItemRef>, bool) {
        self.history
            .next_redo()
            .map(|edit| (edit.subject(false), edit.removes_any(false, selected)))
            .unwrap_or_default()
    }

    /// Takes back the last step. `Ok(false)` when there is none; an error when it cannot be
    /// taken back (the project is not what the step left), and then the step stays where it
    /// was and the project is unchanged.
    pub fn undo(&mut self) -> Result<bool, EditError> {
        let Some(edit) = self.history.next_undo() else {
            return Ok(false);
        };
        let replaced = owned(edit.replaced_events(true));
        let result = edit.unapply(std::sync::Arc::make_mut(&mut self.project));
        self.after_history_step(result, replaced, UndoHistory::undone)
    }

    /// Makes the last undone step again; as [`Self::undo`].
    pub fn redo(&mut self) -> Result<bool, EditError> {
        let Some(edit) = self.history.next_redo() else {
            return Ok(false);
        };
        let replaced = owned(edit.replaced_events(false));
        let result = edit.apply(std::sync::Arc::make_mut(&mut self.project));
        self.after_history_step(result, replaced, UndoHistory::redone)
    }

    fn after_history_step(
        &mut self,
        result: Result<(), EditError>,
        replaced: Option<Vec<(u32, Event)>>,
        moved: fn(&mut UndoHistory),
    ) -> Result<bool, EditError> {
        match result {
            Ok(()) => {
                moved(&mut self.history);
                self.changed_by(replaced);
                Ok(true)
            }
            Err(err) => {
                if matches!(err, EditError::RollbackFailed { .. }) {
                    self.changed(); // part of the step stays: what is derived must follow
                }
                Err(err)
            }
        }
    }

    /// The estimated memory of the undo history, in bytes.
    pub fn history_bytes(&self) -> usize {
        self.history.bytes()
    }

    /// A message for the analyst when the undo history let old steps go for its cap.
    pub fn take_history_notice(&mut self) -> Option<String> {
        self.history.take_notice()
    }

    /// After a change that may have touched anything: what is derived is rebuilt.
    fn changed(&mut self) {
        self.changed_by(None);
    }

    /// After a change that replaced `replaced` in place (with their values before it), or
    /// anything (`None`).
    fn changed_by(&mut self, replaced: Option<Vec<(u32, Event)>>) {
        self.generation += 1;
        self.derived
            .follow(&self.project, self.generation, replaced);
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Which document, at which change: equal revisions mean equal projects.
    pub fn revision(&self) -> (u64, u64) {
        (self.instance, self.generation)
    }

    /// Which events' reports disagree (docs/DISPUTES.md), kept with the other derived data.
    pub fn disputed(&self) -> &crate::query::DisputedEvents {
        &self.derived.disputed
    }

    /// How many events each actor takes part in.
    pub fn actor_event_counts(&self) -> &HashMap<Id, usize> {
        &self.derived.actor_event_counts
    }

    /// How many events name each location (candidates included).
    pub fn location_event_counts(&self) -> &HashMap<Id, usize> {
        &self.derived.location_event_counts
    }

    /// Records how the project is viewed, to be saved with it. Not an edit: it neither marks
    /// the project unsaved nor invalidates what is derived from it.
    pub fn set_view(&mut self, view: crate::model::ViewState) {
        std::sync::Arc::make_mut(&mut self.project).view = view;
    }

    /// A save of the project as it is now, to run off the UI thread ([`SaveJob::run`]); the
    /// project is shared with it, not copied.
    pub fn save_job(&self, path: &Path) -> SaveJob {
        SaveJob {
            path: path.to_path_buf(),
            project: std::sync::Arc::clone(&self.project),
            instance: self.instance,
            generation: self.generation,
        }
    }

    /// Takes back what a [`SaveJob`] did. Written: the file becomes the document's, and the
    /// document is saved unless it changed while the save ran (then it stays unsaved: the
    /// file holds the project as it was). Returns whether the file was written and taken as
    /// this document's: a save of a document since replaced (another project opened while
    /// it ran) changes nothing here, or the next Save would write this project over it.
    pub fn finish_save(&mut self, outcome: &SaveOutcome) -> bool {
        if outcome.written != WriteOutcome::Written || outcome.instance != self.instance {
            return false;
        }
        self.fingerprint.clone_from(&outcome.fingerprint);
        self.origin = Origin::File(outcome.path.clone());
        if outcome.generation == self.generation {
            self.history.mark_saved();
        } else {
            self.history.mark_unsaved();
        }
        true
    }

    /// Saves to `path` (atomically) and makes it the document's file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        let text = to_ron_string(&self.project).map_err(|err| SaveError::Encode {
            path: path.to_path_buf(),
            message: err.to_string(),
        })?;
        write_atomically(path, text.as_bytes())?;
        self.fingerprint = FileFingerprint::of_written(path, text.as_bytes()).ok();
        self.origin = Origin::File(path.to_path_buf());
        self.history.mark_saved();
        Ok(())
    }

    /// The file name shown in the title bar and messages.
    pub fn file_label(&self) -> String {
        match &self.origin {
            Origin::Untitled => "unsaved".to_owned(),
            Origin::Sample => SAMPLE_NAME.to_owned(),
            Origin::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }

    /// "● Title — file.detente.ron — Detente": unsaved mark, project, file, app.
    pub fn window_title(&self) -> String {
        let mark = if self.is_dirty() { "● " } else { "" };
        format!(
            "{mark}{} — {} — Detente",
            self.project.title,
            self.file_label()
        )
    }
}

/// The replaced events of an edit, copied: the edit itself goes into the history.
fn owned(replaced: Option<Vec<(u32, &Event)>>) -> Option<Vec<(u32, Event)>> {
    replaced.map(|r| r.into_iter().map(|(i, e)| (i, e.clone())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_shows_project_file_and_unsaved_mark() {
        let mut doc = Document::sample().unwrap();
        assert_eq!(
            doc.window_title(),
            "US–Russia talks on a Ukraine settlement, December 2025 — sample project — Detente"
        );
        let mut meta = super::super::edit::Meta::of(doc.project());
        let before = meta.clone();
        meta.title = "Changed".into();
        doc.apply(
            Edit::new(
                "rename",
                vec![super::super::edit::Change::Meta {
                    before,
                    after: meta,
                }],
            ),
            None,
        )
        .unwrap();
        assert_eq!(doc.window_title(), "● Changed — sample project — Detente");
        assert!(doc.generation() > 0);
    }

    #[test]
    fn save_as_then_open_gives_the_same_project() {
        let dir = std::env::temp_dir().join(format!("detente-doc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("copy.detente.ron");
        let mut doc = Document::sample().unwrap();
        let before = super::super::edit::Meta::of(doc.project());
        let mut after = before.clone();
        after.title = "Copy".into();
        doc.apply(
            Edit::new(
                "rename",
                vec![super::super::edit::Change::Meta { before, after }],
            ),
            None,
        )
        .unwrap();
        doc.save_as(&path).unwrap();
        assert!(!doc.is_dirty());
        assert_eq!(doc.window_title(), "Copy — copy.detente.ron — Detente");
        let reopened = Document::open(&path).unwrap();
        assert_eq!(reopened.project(), doc.project());
    }

    fn rename(doc: &mut Document, title: &str) {
        let before = super::super::edit::Meta::of(doc.project());
        let mut after = before.clone();
        title.clone_into(&mut after.title);
        doc.apply(
            Edit::new(
                "rename",
                vec![super::super::edit::Change::Meta { before, after }],
            ),
            None,
        )
        .unwrap();
    }

    fn temp_path(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("detente-doc-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("talks.detente.ron")
    }

    #[test]
    fn a_background_save_writes_the_project_as_it_was_asked_for() {
        let path = temp_path("job");
        let mut doc = Document::sample().unwrap();
        rename(&mut doc, "Saved title");
        let job = doc.save_job(&path);
        // The analyst goes on typing while the save runs on its thread.
        let handle = std::thread::spawn(move || job.run(&super::super::CancelToken::default()));
        rename(&mut doc, "Typed while saving");
        let outcome = handle.join().unwrap();
        assert!(doc.finish_save(&outcome));
        assert_eq!(doc.path(), Some(path.as_path()));
        assert!(doc.is_dirty(), "the later edit is not in the file");
        let on_disk = Document::open(&path).unwrap();
        assert_eq!(on_disk.project().title, "Saved title");

        // Saved again with nothing changed meanwhile: clean.
        let outcome = doc
            .save_job(&path)
            .run(&super::super::CancelToken::default());
        assert!(doc.finish_save(&outcome));
        assert!(!doc.is_dirty());
        assert!(!doc.changed_on_disk());
    }

    #[test]
    fn a_save_of_a_replaced_document_leaves_the_new_one_alone() {
        let path = temp_path("replaced");
        let old = Document::sample().unwrap();
        let outcome = old
            .save_job(&path)
            .run(&super::super::CancelToken::default());
        assert_eq!(outcome.written, WriteOutcome::Written);
        // Another project was opened while the save ran.
        let mut new = Document::untitled();
        assert!(!new.finish_save(&outcome));
        assert_eq!(new.origin(), &Origin::Untitled);
    }

    #[test]
    fn a_cancelled_background_save_changes_neither_file_nor_document() {
        let path = temp_path("cancel");
        let mut doc = Document::sample().unwrap();
        doc.save_as(&path).unwrap();
        rename(&mut doc, "Not saved");
        let cancel = super::super::CancelToken::default();
        cancel.cancel();
        let outcome = doc.save_job(&path).run(&cancel);
        assert_eq!(outcome.written, WriteOutcome::Cancelled);
        assert!(!doc.finish_save(&outcome));
        assert!(doc.is_dirty());
        assert_ne!(Document::open(&path).unwrap().project().title, "Not saved");
    }

    #[test]
    fn an_imported_project_starts_unsaved_until_saved() {
        let project = sample_project().unwrap();
        let mut doc = Document::imported(project);
        assert!(doc.is_dirty(), "an import exists on no disk");
        assert!(doc.window_title().starts_with("● "));
        let dir = std::env::temp_dir().join(format!("detente-imported-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        doc.save_as(&dir.join("imported.detente.ron")).unwrap();
        assert!(!doc.is_dirty());
    }
}
