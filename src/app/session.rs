//! The controller: the open project, what is selected and filtered, and the one place where
//! commands change them. What only the window can do (a file dialog, a window, the keyboard
//! focus, closing) comes back as [`Effect`]s for the UI to carry out.

use std::path::{Path, PathBuf};

use crate::app::as_of_view::{AsOfView, INLINE_EVENTS, step_day};
use crate::app::command::{Command, UnsavedAnswer};
use crate::app::edit::Edit;
use crate::app::{Document, FilteredView, History, Selected, Selection, SelectionLinks};
use crate::export::ExportFormat;
use crate::import::{Imported, merge_additions};
use crate::model::{EntityKind, Filter, LaneMode, TimeSecs, ViewState};
use crate::query::AsOf;

/// What the UI must do after a command: plain data, carried out by the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// A message for the notices bar.
    Error(String),
    Info(String),
    /// Ask for a file (the system dialog), starting at this path.
    ChooseFile(FileChoice, Option<PathBuf>),
    /// Load this project in the background; the open one stays until it is ready.
    Load(PathBuf),
    /// Save to this path in the background; `check_disk`: first ask when the file changed on
    /// disk since it was opened or saved (a path just chosen in Save As was asked about).
    Save {
        path: PathBuf,
        check_disk: bool,
    },
    /// Run this command once the save that was just asked for has finished.
    AfterSave(Box<Command>),
    /// Open the import dialog on this file.
    Import(PathBuf),
    /// Write this export in the background, of what the filter shows.
    Export(ExportFormat, PathBuf),
    /// Another project is open: the timeline fits it and takes its grouping, and the
    /// recovery file of the one left goes.
    DocumentReplaced,
    /// Open the form of what was just made.
    StartForm(Selected),
    /// Escape: the form being edited, if any, stops; else the selection clears.
    Escape,
    Show(Window),
    FocusSearch,
    FitTimeline,
    GroupBy(LaneMode),
    ToggleSidePanel,
    ToggleDetailsPane,
    SetTheme(crate::app::ThemeChoice),
    SetSettings(Box<crate::app::Settings>),
    ClearRecent,
    /// Project the open project as of this day on a background thread (it is large), then
    /// hand the result to [`Session::adopt_as_of`].
    ProjectAsOf(crate::query::AsOf),
    /// Close the app's window (everything was saved or discarded on purpose).
    Close,
    /// Open the report dialog on this event: a new reported state, or the one at this index.
    ReportDialog(compact_str::CompactString, Option<usize>),
    /// Open the intake's input dialog on this report file.
    AddReportFile(PathBuf),
    /// Open the intake review on these proposals.
    ReviewReport(Box<crate::app::intake_review::Review>),
}

/// The file dialogs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileChoice {
    Open,
    SaveAs,
    Import,
    /// A folder to import: a partitioned Parquet dataset.
    ImportFolder,
    Export(ExportFormat),
    /// A report for article intake (.txt, .html, .md).
    Report,
}

/// The windows a command opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    About,
    GettingStarted,
    ProjectProperties,
    Settings,
    Palette,
    Legend,
    ImageExport,
    /// Article intake's input dialog.
    AddReport,
}

/// A delete that reaches other entities, waiting for "remove the references?".
#[derive(Clone, Debug, PartialEq)]
pub struct PendingDelete {
    pub item: Selected,
    pub edit: Edit,
    /// What else it changes, in words ("removes 2 claims from events").
    pub consequences: String,
}

/// The open project and the analyst's place in it.
pub struct Session {
    doc: Document,
    selection: Selection,
    history: History,
    /// The filter every view obeys, and the project as it shows it.
    filter: Filter,
    filtered: FilteredView,
    /// What the selection reaches, and the selection and document it was computed for.
    links: SelectionLinks,
    links_for: Option<(Selection, (u64, u64))>,
    /// A command that would discard unsaved work, waiting for Save / Discard / Cancel.
    pending_discard: Option<Command>,
    pending_delete: Option<PendingDelete>,
    /// A project made by an import, waiting for the unsaved-changes question.
    imported: Option<Document>,
    /// The analyst agreed to close without saving: the close goes through.
    close_confirmed: bool,
    /// The moment the analyst looks at (the middle of the timeline): where a new event goes.
    looking_at: Option<TimeSecs>,
    /// "As of" a day: the day asked for (the view may still be computed in the background)
    /// and the view once it is ready. While a day is asked for, the project is read-only.
    as_of_wanted: Option<AsOf>,
    as_of: Option<AsOfView>,
    /// The days on which claims were published, for the document revision they belong to.
    report_days: Option<((u64, u64), Vec<AsOf>)>,
}

impl Session {
    /// `doc`, with the filter, selection and grouping it was saved with.
    pub fn new(doc: Document) -> Self {
        let mut session = Self {
            doc,
            selection: Selection::default(),
            history: History::default(),
            filter: Filter::default(),
            filtered: FilteredView::default(),
            links: SelectionLinks::default(),
            links_for: None,
            pending_discard: None,
            pending_delete: None,
            imported: None,
            close_confirmed: false,
            looking_at: None,
            as_of_wanted: None,
            as_of: None,
            report_days: None,
        };
        session.restore_view();
        session
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// For the save's bookkeeping and the end of a typing burst (`set_view`, `finish_save`,
    /// `close_merge`): changes to the project go through [`Session::run`].
    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.doc
    }

    /// The document every view reads: the project as of the chosen day while "as of" is
    /// on and its view is ready, else the project itself.
    pub fn view_document(&self) -> &Document {
        self.as_of.as_ref().map_or(&self.doc, |view| &view.doc)
    }

    /// The as-of view shown, if any.
    pub fn as_of_view(&self) -> Option<&AsOfView> {
        self.as_of.as_ref()
    }

    /// The day asked for, shown or still being computed.
    pub fn as_of_wanted(&self) -> Option<AsOf> {
        self.as_of_wanted
    }

    /// The days on which claims were published, oldest first (the slider's stops).
    pub fn report_days(&mut self) -> &[AsOf] {
        let revision = self.doc.revision();
        if self
            .report_days
            .as_ref()
            .is_none_or(|(r, _)| *r != revision)
        {
            let days = crate::query::report_days(self.doc.project());
            self.report_days = Some((revision, days));
        }
        self.report_days.as_ref().map_or(&[], |(_, days)| days)
    }

    /// Shows a view computed in the background, if it is still the one asked for.
    pub fn adopt_as_of(&mut self, view: AsOfView) {
        if self.as_of_wanted == Some(view.as_of) && view.source == self.doc.revision() {
            self.as_of = Some(view);
        }
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub fn filtered(&self) -> &FilteredView {
        &self.filtered
    }

    pub fn links(&self) -> &SelectionLinks {
        &self.links
    }

    /// The command waiting for "save the changes first?".
    pub fn pending_discard(&self) -> Option<&Command> {
        self.pending_discard.as_ref()
    }

    pub fn pending_delete(&self) -> Option<&PendingDelete> {
        self.pending_delete.as_ref()
    }

    /// Whether closing the window must ask first: unsaved work not yet discarded on purpose.
    pub fn asks_before_closing(&self) -> bool {
        self.doc.is_dirty() && !self.close_confirmed
    }

    /// Where a new event goes: the moment in the middle of the timeline.
    pub fn set_looking_at(&mut self, secs: Option<TimeSecs>) {
        self.looking_at = secs;
    }

    /// The filter's result and the selection's links for this frame: recomputed only when
    /// the filter, the selection or the project changed.
    pub fn refresh_filtered(&mut self) {
        let doc = self.as_of.as_ref().map_or(&self.doc, |view| &view.doc);
        self.filtered.refresh(doc, &self.filter);
    }

    pub fn refresh_links(&mut self) {
        let doc = self.as_of.as_ref().map_or(&self.doc, |view| &view.doc);
        let key = (self.selection.clone(), doc.revision());
        if self.links_for.as_ref() != Some(&key) {
            // After an edit of a few events (a keystroke), only those are asked again.
            let replaced = match &self.links_for {
                Some((selection, (instance, generation)))
                    if *selection == self.selection && *instance == key.1.0 =>
                {
                    doc.replaced_since(*generation)
                }
                _ => None,
            };
            if let Some(replaced) = replaced {
                let changed: Vec<u32> = replaced.iter().map(|(i, _)| *i).collect();
                self.links.follow(doc.project(), &self.selection, &changed);
            } else {
                self.links = SelectionLinks::compute(doc.project(), &self.selection);
            }
            self.links_for = Some(key);
        }
    }

    /// The view to save with the project.
    pub fn view_state(&self, group_by: LaneMode) -> ViewState {
        ViewState {
            filter: self.filter.clone(),
            selection: self.selection.items().to_vec(),
            group_by,
        }
    }

    /// Applies `command`; returns what the window must do.
    pub fn run(&mut self, command: Command) -> Vec<Effect> {
        if command.discards_work() && self.asks_before_closing() {
            self.pending_discard = Some(command);
            return Vec::new();
        }
        if let Some(day) = self.as_of_wanted
            && command.edits()
        {
            return vec![Effect::Error(format!(
                "The project is shown as of {}, a read-only view of the past: choose Now in \
                 the As of bar to edit it.",
                day.text()
            ))];
        }
        match command {
            Command::Select(_)
            | Command::ToggleSelect(_)
            | Command::SelectMany(_)
            | Command::ClearSelection
            | Command::Back
            | Command::Forward
            | Command::SetFilter(_) => {
                self.navigate(command);
                Vec::new()
            }
            Command::Edit(edit, merge) => self.edit(edit, merge.as_deref()),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Delete(item) => self.delete(item),
            Command::DeleteSelected => match self.selection.primary() {
                Some(item) => self.delete(item.clone()),
                None => Vec::new(),
            },
            Command::ConfirmDelete(confirmed) => match self.pending_delete.take() {
                Some(pending) if confirmed => self.finish_delete(&pending.item, pending.edit),
                _ => Vec::new(),
            },
            Command::New(kind) => self.create(kind),
            Command::RecordReport => match self.selection.primary() {
                Some(Selected::Event(id)) => vec![Effect::ReportDialog(id.clone(), None)],
                _ => Vec::new(),
            },
            Command::EditReport(event, state) => vec![Effect::ReportDialog(event, Some(state))],
            Command::AnswerUnsaved(answer) => self.answer_unsaved(answer),
            Command::AdoptImport => match self.imported.take() {
                Some(doc) => self.replace_document(doc),
                None => Vec::new(),
            },
            Command::SetAsOf(day) => self.set_as_of(day),
            Command::AsOfPreviousReport | Command::AsOfNextReport => {
                let forward = command == Command::AsOfNextReport;
                let current = self.as_of_wanted;
                match step_day(self.report_days(), current, forward) {
                    Some(day) => self.set_as_of(day),
                    None => Vec::new(),
                }
            }
            command => self.run_file_command(command),
        }
    }

    /// Selection, history and filter.
    fn navigate(&mut self, command: Command) {
        match command {
            Command::Select(item) => {
                self.history.visit(&self.selection);
                self.selection.set(item);
            }
            Command::ToggleSelect(item) => {
                self.history.visit(&self.selection);
                self.selection.toggle(item);
            }
            Command::SelectMany(items) => {
                self.history.visit(&self.selection);
                self.selection.set_many(items);
            }
            Command::ClearSelection => self.selection.clear(),
            Command::Back => {
                if let Some(previous) = self.history.back(&self.selection) {
                    self.selection = previous;
                }
            }
            Command::Forward => {
                if let Some(next) = self.history.forward(&self.selection) {
                    self.selection = next;
                }
            }
            Command::SetFilter(filter) => self.filter = filter,
            _ => {}
        }
    }

    /// Shows the project as of `day` (`None`: as it is). A small project is projected at
    /// once; a large one in the background ([`Effect::ProjectAsOf`]), the view shown so far
    /// staying until the new one is ready.
    fn set_as_of(&mut self, day: Option<AsOf>) -> Vec<Effect> {
        self.as_of_wanted = day;
        let Some(day) = day else {
            self.as_of = None;
            return Vec::new();
        };
        let revision = self.doc.revision();
        if self
            .as_of
            .as_ref()
            .is_some_and(|v| v.as_of == day && v.source == revision)
        {
            return Vec::new();
        }
        if self.doc.project().events.len() > INLINE_EVENTS {
            return vec![Effect::ProjectAsOf(day)];
        }
        let work = crate::io::Work::default();
        self.as_of = AsOfView::compute(self.doc.project(), day, revision, &work);
        Vec::new()
    }

    /// Files, and the commands only the window carries out.
    fn run_file_command(&mut self, command: Command) -> Vec<Effect> {
        let path = self.doc.path().map(Path::to_path_buf);
        let effect = match command {
            Command::NewProject => return self.replace_document(Document::untitled()),
            Command::OpenSample => {
                return match Document::sample() {
                    Ok(doc) => self.replace_document(doc),
                    Err(err) => vec![Effect::Error(err.to_string())],
                };
            }
            Command::OpenDialog => Effect::ChooseFile(FileChoice::Open, path),
            Command::OpenPath(path) => Effect::Load(path),
            Command::Save => match path {
                Some(path) => Effect::Save {
                    path,
                    check_disk: true,
                },
                None => return self.run(Command::SaveAsDialog),
            },
            Command::SaveAsDialog => {
                let suggested = path.or_else(|| {
                    std::env::current_dir()
                        .ok()
                        .map(|d| d.join(suggested_file_name(&self.doc.project().title)))
                });
                Effect::ChooseFile(FileChoice::SaveAs, suggested)
            }
            // The file dialog has asked before replacing a file.
            Command::SaveAsPath(path) => Effect::Save {
                path,
                check_disk: false,
            },
            Command::Quit => {
                self.close_confirmed = true;
                Effect::Close
            }
            Command::ImportDialog => Effect::ChooseFile(FileChoice::Import, path),
            Command::ImportFolderDialog => Effect::ChooseFile(FileChoice::ImportFolder, path),
            Command::ImportPath(path) => Effect::Import(path),
            Command::AddReport => Effect::Show(Window::AddReport),
            Command::AddReportDialog => Effect::ChooseFile(FileChoice::Report, path),
            Command::AddReportFile(path) => Effect::AddReportFile(path),
            Command::ReviewReport(review) => Effect::ReviewReport(review),
            Command::ExportDialog(format) => Effect::ChooseFile(
                FileChoice::Export(format),
                path.map(|p| p.with_extension(format.extension())),
            ),
            Command::ExportPath(format, path) => Effect::Export(format, path),
            Command::ImageExportDialog => Effect::Show(Window::ImageExport),
            Command::OpenPalette => Effect::Show(Window::Palette),
            Command::ShowSettings => Effect::Show(Window::Settings),
            Command::ShowProjectProperties => Effect::Show(Window::ProjectProperties),
            Command::ShowAbout => Effect::Show(Window::About),
            Command::ShowGettingStarted => Effect::Show(Window::GettingStarted),
            Command::ShowLegend => Effect::Show(Window::Legend),
            Command::FocusSearch => Effect::FocusSearch,
            Command::FitTimeline => Effect::FitTimeline,
            Command::GroupBy(mode) => Effect::GroupBy(mode),
            Command::Escape => Effect::Escape,
            Command::SetTheme(theme) => Effect::SetTheme(theme),
            Command::SetSettings(settings) => Effect::SetSettings(settings),
            Command::ClearRecent => Effect::ClearRecent,
            Command::ToggleSidePanel => Effect::ToggleSidePanel,
            Command::ToggleDetailsPane => Effect::ToggleDetailsPane,
            // Handled in `run`.
            _ => return Vec::new(),
        };
        vec![effect]
    }

    fn edit(&mut self, edit: Edit, merge: Option<&str>) -> Vec<Effect> {
        match self.doc.apply(edit, merge) {
            Ok(()) => Vec::new(),
            Err(err) => vec![Effect::Error(format!(
                "The change could not be made: {err}"
            ))],
        }
    }

    /// Takes back the last step and selects what it brings back (a deleted event, the
    /// event whose date it restores), so that the analyst sees what changed.
    fn undo(&mut self) -> Vec<Effect> {
        let label = self.doc.undo_label().unwrap_or_default().to_owned();
        let subject = self.doc.undo_subject(self.selection.items());
        match self.doc.undo() {
            Ok(done) => {
                self.select_after_history_step(done, subject);
                Vec::new()
            }
            Err(err) => vec![Effect::Error(format!("Could not undo “{label}”: {err}"))],
        }
    }

    fn redo(&mut self) -> Vec<Effect> {
        let label = self.doc.redo_label().unwrap_or_default().to_owned();
        let subject = self.doc.redo_subject(self.selection.items());
        match self.doc.redo() {
            Ok(done) => {
                self.select_after_history_step(done, subject);
                Vec::new()
            }
            Err(err) => vec![Effect::Error(format!("Could not redo “{label}”: {err}"))],
        }
    }

    /// Selects the item an undo or redo brought back, as a click would (Back returns to
    /// what was selected before); a selection of an item it removed is cleared, as a
    /// delete clears it.
    fn select_after_history_step(
        &mut self,
        done: bool,
        (subject, removes_selected): (Option<Selected>, bool),
    ) {
        if !done {
            return;
        }
        if removes_selected {
            self.selection.clear();
        }
        if let Some(item) = subject
            && self.selection.primary() != Some(&item)
        {
            self.history.visit(&self.selection);
            self.selection.set(item);
        }
    }

    /// Deletes at once when nothing else refers to `item`; else waits for
    /// [`Command::ConfirmDelete`].
    fn delete(&mut self, item: Selected) -> Vec<Effect> {
        use crate::app::edits;
        let project = self.doc.project();
        let planned = match &item {
            Selected::Event(id) => project
                .events
                .iter()
                .position(|e| e.id == *id)
                .and_then(|i| edits::delete_event(project, i))
                .map(|e| (e, String::new())),
            Selected::Actor(id)
            | Selected::Location(id)
            | Selected::Issue(id)
            | Selected::Position(id)
            | Selected::Source(id)
            | Selected::Claim(id)
            | Selected::Membership(id) => {
                edits::delete_entity(project, *id).map(|(e, c)| (e, c.describe()))
            }
        };
        let Some((edit, consequences)) = planned else {
            return Vec::new();
        };
        if consequences.is_empty() {
            self.finish_delete(&item, edit)
        } else {
            self.pending_delete = Some(PendingDelete {
                item,
                edit,
                consequences,
            });
            Vec::new()
        }
    }

    fn finish_delete(&mut self, item: &Selected, edit: Edit) -> Vec<Effect> {
        match self.doc.apply(edit, None) {
            Ok(()) => {
                if self.selection.contains(item) {
                    self.selection.clear();
                }
                Vec::new()
            }
            Err(err) => vec![Effect::Error(format!(
                "The delete could not be made: {err}"
            ))],
        }
    }

    fn create(&mut self, kind: EntityKind) -> Vec<Effect> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| {
                TimeSecs::try_from(d.as_secs()).unwrap_or(TimeSecs::MAX)
            });
        let (edit, item) = match crate::app::new_entity::new_entity(
            self.doc.project(),
            kind,
            self.looking_at,
            now,
        ) {
            Ok(Some(planned)) => planned,
            Ok(None) => return Vec::new(),
            Err(problem) => return vec![Effect::Error(problem)],
        };
        match self.doc.apply(edit, None) {
            Ok(()) => {
                self.history.visit(&self.selection);
                self.selection.set(item.clone());
                vec![Effect::StartForm(item)]
            }
            Err(err) => vec![Effect::Error(format!("Could not add it: {err}"))],
        }
    }

    fn answer_unsaved(&mut self, answer: UnsavedAnswer) -> Vec<Effect> {
        let Some(command) = self.pending_discard.take() else {
            return Vec::new();
        };
        match answer {
            UnsavedAnswer::Cancel => Vec::new(),
            UnsavedAnswer::Discard => {
                let quitting = matches!(command, Command::Quit);
                self.close_confirmed = true;
                let effects = self.run(command);
                // The window's close request comes back on the next frame, with the project
                // still unsaved: quitting keeps the answer so that it is not asked again (it
                // was, and cancelled the close, so Discard never quit).
                self.close_confirmed = quitting;
                effects
            }
            UnsavedAnswer::Save => {
                // Carried on once the save has finished (it runs off the UI thread, and may
                // first ask whether to replace a file changed on disk); dropped if it fails.
                let mut effects = vec![Effect::AfterSave(Box::new(command))];
                effects.extend(self.run(Command::Save));
                effects
            }
        }
    }

    /// Replaces the open project (opened, restored, imported): its history goes, and its
    /// saved view (filter, selection) comes.
    pub fn replace_document(&mut self, doc: Document) -> Vec<Effect> {
        self.doc = doc;
        // Another project is shown as it is now.
        self.as_of_wanted = None;
        self.as_of = None;
        self.history.clear();
        self.pending_delete = None;
        self.restore_view();
        vec![Effect::DocumentReplaced]
    }

    /// Keeps the project an import made, for [`Command::AdoptImport`] (which may first ask
    /// about unsaved changes).
    pub fn stage_import(&mut self, mut imported: Imported, file_name: &str) -> String {
        let report = imported.report.to_text();
        imported.project.title = format!("Imported from {file_name}");
        self.imported = Some(Document::imported(imported.project));
        report
    }

    /// Merges an import into the open project as one edit (undone in one step); returns the
    /// report of what came in and what was merged.
    pub fn merge_import(&mut self, imported: Imported, file_name: &str) -> (String, Vec<Effect>) {
        // Only what the import adds is built and moved into the edit: the open project is
        // read, never copied (a million-event project is ~300 MB).
        let (added, merge_report, report) = merge_additions(self.doc.project(), imported);
        let edit = crate::app::edits::append_edit(
            self.doc.project(),
            added,
            format!("import {file_name}"),
        );
        let effects = self.run(Command::Edit(edit, None));
        (
            format!("{}\n{}", report.to_text(), merge_report.to_text()),
            effects,
        )
    }

    /// Opens the project as it was last viewed: filter and selection (the grouping is the
    /// timeline's, see [`Effect::DocumentReplaced`]).
    fn restore_view(&mut self) {
        let view = &self.doc.project().view;
        self.filter = view.filter.clone();
        self.selection.set_many(view.selection.iter().cloned());
    }
}

/// "US–Russia talks" → "US-Russia-talks.detente.ron".
fn suggested_file_name(title: &str) -> PathBuf {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-");
    let stem = if stem.is_empty() {
        "project".to_owned()
    } else {
        stem
    };
    PathBuf::from(format!("{stem}.detente.ron"))
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
