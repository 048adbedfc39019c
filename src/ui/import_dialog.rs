//! File ▸ Import…: pick the format (detected from the content), map CSV columns, see the
//! first rows as they will be read, import into a new project or merge into the open one,
//! and read the report. Reading and importing run as tasks (`ui::tasks`), shown in the
//! status bar too; Cancel stops the importer at its next row and leaves the open project
//! as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use egui::RichText;

use crate::app::{ProgressUnit, TaskId, TaskKind};
use crate::import::{
    CsvMapping, EncodingChoice, ImportError, ImportFormat, ImportOptions, Imported, PreviewRow,
    Skipped, import, no_events_error, preview,
};
use crate::ui::background_preview::{BackgroundPreview, reading_ui};
use crate::ui::csv_mapping_ui::sheet_mapping_ui;
use crate::ui::import_inputs_ui::InputChoices;
use crate::ui::import_preview_ui::{preview_table_ui, suspicious_dates_ui};
use crate::ui::import_read::{ReadFile, read_file};
use crate::ui::parquet_import_ui::ParquetChoices;
use crate::ui::sheet_choice_ui::{SheetChoice, sheet_choice_ui};
use crate::ui::tasks::{Outcome, Tasks};

/// Rows shown in the preview: enough to see the columns are right.
const PREVIEW_ROWS: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    NewProject,
    MergeIntoOpen,
}

/// What a finished import hands the app.
pub struct Finished {
    pub imported: Imported,
    pub target: Target,
    pub file_name: String,
}

enum Stage {
    Reading(TaskId),
    /// A Parquet file or folder: its footers being read.
    Inspecting(TaskId),
    Ready(Box<Ready>),
    Parquet(Box<ParquetChoices>),
    Importing {
        task: TaskId,
        started: Instant,
        /// What the dialog goes back to when the import is cancelled or fails.
        back: Back,
    },
}

/// The page an import started from.
enum Back {
    File(Box<Ready>),
    Parquet(Box<ParquetChoices>),
}

impl Back {
    fn stage(self) -> Stage {
        match self {
            Self::File(ready) => Stage::Ready(ready),
            Self::Parquet(choices) => Stage::Parquet(choices),
        }
    }
}

struct Ready {
    path: PathBuf,
    /// The outcome of the last "save this mapping".
    saved: Option<String>,
    bytes: Arc<Vec<u8>>,
    format: ImportFormat,
    reason: String,
    mapping: CsvMapping,
    target: Target,
    /// The first rows, made on a thread for (format, mapping, sheet, header row,
    /// encoding, member).
    preview: BackgroundPreview<PreviewKey>,
    /// Why the archive member chosen could not be unpacked.
    input_error: Option<String>,
    /// Issue 15: unpacked from an archive, in an encoding.
    input: InputChoices,
    /// A spreadsheet's sheet and header row; `None` for other formats.
    sheet: Option<SheetChoice>,
}

type PreviewKey = (
    ImportFormat,
    CsvMapping,
    Option<String>,
    Option<usize>,
    EncodingChoice,
    Option<String>,
);

impl Ready {
    /// How to read the file as chosen in the dialog.
    fn options(&self) -> ImportOptions {
        let sheet = self
            .sheet
            .as_ref()
            .filter(|_| self.format == ImportFormat::Spreadsheet);
        ImportOptions {
            file_name: self.input.import_name(),
            mapping: matches!(self.format, ImportFormat::Csv | ImportFormat::Spreadsheet)
                .then(|| self.mapping.clone()),
            sheet: sheet.and_then(|c| c.sheet.clone()),
            header_row: sheet.map(|c| c.header_row),
            encoding: self.input.encoding,
            ..ImportOptions::default()
        }
    }
}

pub struct ImportDialog {
    path: PathBuf,
    stage: Stage,
    error: Option<String>,
    /// The import done, to hand over at the next [`Self::ui`].
    finished: Option<Finished>,
    /// The dialog window's id, new for each dialog (its scroll position is kept by id).
    window_id: egui::Id,
}

/// Counts the dialogs opened, for their window ids.
static DIALOGS_OPENED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A window id no dialog had before.
fn next_window_id() -> egui::Id {
    let n = DIALOGS_OPENED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    egui::Id::unique(("import_dialog", n))
}

impl ImportDialog {
    /// Starts reading `path` as a task: a Parquet file or folder by its footers only (it may
    /// be bigger than memory), any other file whole.
    pub fn open(path: &Path, ctx: &egui::Context, tasks: &mut Tasks) -> Self {
        let p = path.to_path_buf();
        let name = file_name_of(path);
        if is_parquet(path) {
            let task = tasks.spawn(
                ctx,
                TaskKind::Import,
                format!("Reading the footers of {name}…"),
                ProgressUnit::Files,
                move |work| Outcome::ParquetInspected(crate::import::parquet::inspect(&p, work)),
            );
            return Self {
                path: path.to_path_buf(),
                stage: Stage::Inspecting(task),
                error: None,
                finished: None,
                window_id: next_window_id(),
            };
        }
        let label = format!("Reading {name}…");
        let task = tasks.spawn(
            ctx,
            TaskKind::Import,
            label,
            ProgressUnit::Bytes,
            // Unpacked, detected and (a workbook) opened here too: a big workbook takes
            // seconds to open, which the window's thread would spend frozen.
            move |work| {
                let read = crate::io::read_import_bytes_watched(&p, work);
                // The bytes are in; opening a workbook can take as long again, with nothing
                // to count: the status bar shows a spinner, not a full bar that seems stuck.
                work.progress.set_done(0);
                work.progress.set_total(0);
                Outcome::ImportRead(read_file(&p, &name, read).map(Box::new))
            },
        );
        Self {
            path: path.to_path_buf(),
            stage: Stage::Reading(task),
            error: None,
            finished: None,
            window_id: next_window_id(),
        }
    }

    /// The task this dialog waits for, if any.
    pub fn task(&self) -> Option<TaskId> {
        match &self.stage {
            Stage::Reading(task) | Stage::Inspecting(task) | Stage::Importing { task, .. } => {
                Some(*task)
            }
            Stage::Ready(_) | Stage::Parquet(_) => None,
        }
    }

    /// The file has been read and prepared (or not) on the reading task. Cancelled, the
    /// dialog says so and reads nothing.
    pub fn read_finished(
        &mut self,
        task: TaskId,
        read: Result<Box<ReadFile>, String>,
        cancelled: bool,
    ) {
        if !matches!(self.stage, Stage::Reading(t) if t == task) {
            return;
        }
        if cancelled {
            self.error = Some(format!("Reading {} was cancelled", self.path.display()));
            return;
        }
        match read {
            Ok(read) => {
                let ReadFile {
                    input,
                    bytes,
                    format,
                    reason,
                    mapping,
                    sheet,
                } = *read;
                self.stage = Stage::Ready(Box::new(Ready {
                    input,
                    path: self.path.clone(),
                    saved: None,
                    bytes: Arc::new(bytes),
                    format,
                    reason,
                    mapping,
                    target: Target::NewProject,
                    preview: BackgroundPreview::default(),
                    input_error: None,
                    sheet,
                }));
            }
            Err(err) => self.error = Some(err),
        }
    }

    /// The Parquet dataset's footers have been read (or not).
    pub fn inspected(
        &mut self,
        task: TaskId,
        summary: Result<crate::import::parquet::DatasetSummary, String>,
        cancelled: bool,
    ) {
        if !matches!(self.stage, Stage::Inspecting(t) if t == task) {
            return;
        }
        match summary {
            _ if cancelled => {
                self.error = Some(format!("Reading {} was cancelled", self.path.display()));
            }
            Ok(summary) => {
                self.stage = Stage::Parquet(Box::new(ParquetChoices::new(&self.path, summary)));
            }
            Err(err) => self.error = Some(err),
        }
    }

    /// The import has run. Cancelled (even if it had finished), nothing is handed over and
    /// the dialog goes back to its choices, so the open project stays as it was.
    pub fn import_finished(
        &mut self,
        task: TaskId,
        target: Target,
        imported: Result<Imported, ImportError>,
        cancelled: bool,
    ) {
        let stage = std::mem::replace(&mut self.stage, Stage::Reading(task));
        let back = match stage {
            Stage::Importing { task: t, back, .. } if t == task => back,
            other => {
                self.stage = other;
                return;
            }
        };
        match imported {
            _ if cancelled => {
                self.error = Some("Import cancelled: the project was not changed".to_owned());
            }
            Ok(imported) => {
                self.finished = Some(Finished {
                    imported,
                    target,
                    file_name: self.file_name(),
                });
            }
            Err(err) => self.error = Some(format!("{}: {err}", self.path.display())),
        }
        self.stage = back.stage();
    }

    fn file_name(&self) -> String {
        file_name_of(&self.path)
    }

    /// Shows the dialog. Returns `(finished import, close)`; closed while it reads or
    /// imports, it cancels that task.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        tasks: &mut Tasks,
        project: &std::sync::Arc<crate::model::Project>,
    ) -> (Option<Finished>, bool) {
        let finished = self.finished.take();
        let mut close = false;
        let mut start = None;
        let title = format!("Import {}", self.file_name());
        let mut open = true;
        egui::Window::new(title)
            // Each dialog its own id: a second import starts scrolled to its top, not where
            // the previous dialog was left.
            .id(self.window_id)
            .open(&mut open)
            .collapsible(false)
            // With a column mapping the page is taller than a 1024×700 window: it may take
            // the window's height (48 pt: the title bar and a margin) and scrolls, instead
            // of putting Import below the bottom edge. A shorter page leaves no empty half
            // window at 1920×1080: the height is not resizable, so it follows the scroll
            // area below, which shrinks to its content. (The window's own scroll area
            // would fill the whole height it is offered.) The width stays the analyst's.
            .default_size([760.0, ctx.content_rect().height() - 48.0])
            .max_height(ctx.content_rect().height() - 48.0)
            .resizable([true, false])
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        if let Some(err) = &self.error {
                            ui.colored_label(ui.visuals().error_fg_color, err);
                        }
                        let file_name = file_name_of(&self.path);
                        match &mut self.stage {
                            Stage::Reading(task) | Stage::Inspecting(task) => {
                                // A read that failed or was cancelled leaves only its message.
                                let reading = tasks.is_running(*task);
                                if reading {
                                    ui.horizontal(|ui| {
                                        ui.spinner();
                                        ui.label(format!("Reading {}…", self.path.display()));
                                    });
                                }
                                close |= ui
                                    .button(if reading { "Cancel" } else { "Close" })
                                    .clicked();
                            }
                            Stage::Importing {
                                started,
                                task,
                                back,
                            } => {
                                if let Back::Parquet(choices) = back {
                                    choices.importing_ui(ui);
                                }
                                importing_ui(ui, tasks, *task, *started);
                                ui.weak(
                            "The app stays usable; the project changes when the import is done.",
                        );
                                close |= ui.button("Cancel").clicked();
                                ctx.request_repaint_after(std::time::Duration::from_millis(250));
                            }
                            Stage::Ready(ready) => {
                                start = ready_ui(ui, ready);
                                if start.is_none() && ui.button("Cancel").clicked() {
                                    close = true;
                                }
                            }
                            Stage::Parquet(choices) => {
                                let ok = choices.ui(ui, &file_name, project);
                                ui.separator();
                                let new_allowed = choices.into.is_none();
                                start = target_ui(ui, &mut choices.target, ok, new_allowed);
                                if start.is_none() && ui.button("Cancel").clicked() {
                                    close = true;
                                }
                            }
                        }
                    });
            });
        if let Some(target) = start {
            self.start_import(ctx, tasks, target);
        }
        let close = close || !open;
        if close && let Some(task) = self.task() {
            tasks.cancel(task);
        }
        (finished, close)
    }

    /// Runs the import as a task; the project changes only once it is done.
    fn start_import(&mut self, ctx: &egui::Context, tasks: &mut Tasks, target: Target) {
        if matches!(self.stage, Stage::Parquet(_)) {
            self.start_parquet_import(ctx, tasks, target);
            return;
        }
        let Stage::Ready(ready) = &self.stage else {
            return;
        };
        let (bytes, format) = (Arc::clone(&ready.bytes), ready.format);
        let mut options = ready.options();
        let notes = ready.input.notes();
        self.run_import(ctx, tasks, target, move |work| {
            options.work = work.clone();
            import(&bytes, format, &options).map(|mut imported| {
                imported.report.input_notes.extend(notes);
                imported
            })
        });
    }

    /// Imports the slice straight from the files on disk, as a task whose progress counts
    /// the rows of the row groups read.
    fn start_parquet_import(&mut self, ctx: &egui::Context, tasks: &mut Tasks, target: Target) {
        let file_name = self.file_name();
        let Stage::Parquet(choices) = &mut self.stage else {
            return;
        };
        let Ok(slice) = choices.slice() else {
            return;
        };
        choices.stop_preview();
        let mut options = choices.options(&file_name);
        let path = choices.path.clone();
        let into = choices.into.clone();
        self.run_import(ctx, tasks, target, move |work| {
            options.work = work.clone();
            crate::import::parquet::import_path_into(&path, &options, &slice, into.as_deref())
        });
    }

    /// Runs `import` as a task, the page it started from kept to go back to; the project
    /// changes only once it is done.
    fn run_import(
        &mut self,
        ctx: &egui::Context,
        tasks: &mut Tasks,
        target: Target,
        import: impl FnOnce(&crate::io::Work) -> Result<Imported, ImportError> + Send + 'static,
    ) {
        if !matches!(self.stage, Stage::Ready(_) | Stage::Parquet(_)) {
            return;
        }
        let task = tasks.spawn(
            ctx,
            TaskKind::Import,
            format!("Importing {}…", self.file_name()),
            ProgressUnit::Rows,
            move |work| Outcome::Imported(target, Box::new(import(work))),
        );
        self.error = None;
        let back = match std::mem::replace(&mut self.stage, Stage::Reading(task)) {
            Stage::Ready(ready) => Back::File(ready),
            Stage::Parquet(choices) => Back::Parquet(choices),
            other => {
                self.stage = other;
                return;
            }
        };
        self.stage = Stage::Importing {
            task,
            started: Instant::now(),
            back,
        };
    }
}

/// A Parquet file (by its magic) or a folder (the only folders imported are Parquet
/// datasets; one without a `.parquet` file gets the dataset reader's error).
fn is_parquet(path: &Path) -> bool {
    path.is_dir() || crate::import::parquet::is_parquet_path(path)
}

/// The import running: how far (rows of the row groups read, when the importer counts
/// them) and for how long.
fn importing_ui(ui: &mut egui::Ui, tasks: &Tasks, task: TaskId, started: Instant) {
    let status = tasks.statuses().into_iter().find(|t| t.id == task);
    let seconds = started.elapsed().as_secs_f32();
    match status.filter(|s| s.total > 0) {
        Some(s) => {
            let fraction = s.done as f32 / s.total as f32;
            ui.add(
                egui::ProgressBar::new(fraction.min(1.0))
                    .text(format!(
                        "{} of {} rows scanned · {seconds:.0} s",
                        crate::model::group_thousands(s.done),
                        crate::model::group_thousands(s.total)
                    ))
                    .desired_width(420.0),
            )
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, "Import progress")
            });
        }
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("Importing… {seconds:.0} s"));
            });
        }
    }
}

/// New project or merge, and Import (enabled when the page says the import can start).
/// `new_allowed` is false for what only adds to the open project (GDELT mentions).
fn target_ui(
    ui: &mut egui::Ui,
    target: &mut Target,
    enabled: bool,
    new_allowed: bool,
) -> Option<Target> {
    ui.horizontal(|ui| {
        ui.add_enabled_ui(new_allowed, |ui| {
            ui.radio_value(target, Target::NewProject, "Into a new project");
        });
        ui.radio_value(
            target,
            Target::MergeIntoOpen,
            "Merged into the open project",
        );
    });
    ui.add_enabled(enabled, egui::Button::new("Import"))
        .clicked()
        .then_some(*target)
}

fn file_name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The format, the mapping and the preview; returns the target when Import is pressed.
fn ready_ui(ui: &mut egui::Ui, ready: &mut Ready) -> Option<Target> {
    // A spreadsheet is no text: no encoding applies to it.
    let is_text = ready.format != ImportFormat::Spreadsheet;
    match ready.input.ui(ui, &mut ready.bytes, is_text) {
        Ok(true) => {
            ready.input_error = None;
            ready.preview.invalidate();
        }
        Ok(false) => {}
        Err(err) => ready.input_error = Some(err),
    }
    ui.horizontal(|ui| {
        ui.label("Format");
        egui::ComboBox::from_id_salt("import_format")
            .selected_text(ready.format.description())
            .show_ui(ui, |ui| {
                for f in ImportFormat::ALL {
                    ui.selectable_value(&mut ready.format, f, f.description());
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Import format"));
    });
    ui.weak(format!("Detected: {}", ready.reason));
    if ready.format == ImportFormat::Spreadsheet {
        let choice = ready
            .sheet
            .get_or_insert_with(|| SheetChoice::read(&ready.bytes));
        if sheet_choice_ui(ui, choice, &ready.bytes) {
            ready.mapping = choice.guess_mapping(&ready.mapping);
        }
        let cells = choice.header_cells.clone();
        sheet_mapping_ui(ui, &mut ready.mapping, &cells);
    }
    if ready.format == ImportFormat::Csv {
        crate::ui::csv_mapping_ui::mapping_ui(ui, &mut ready.mapping, ready.input.head.as_bytes());
    }
    if matches!(ready.format, ImportFormat::Csv | ImportFormat::Spreadsheet) {
        if ui
            .button("Save this mapping for reuse")
            .on_hover_text("Saved beside the file; the next import of it starts from it")
            .clicked()
        {
            let path = crate::ui::csv_mapping_ui::mapping_path(&ready.path);
            ready.saved = Some(
                match crate::io::write_atomically(&path, ready.mapping.to_json().as_bytes()) {
                    Ok(()) => format!("Saved {}", path.display()),
                    Err(err) => err.to_string(),
                },
            );
        }
        if let Some(saved) = &ready.saved {
            ui.weak(saved);
        }
    }
    let options = ready.options();
    let key = (
        ready.format,
        ready.mapping.clone(),
        options.sheet.clone(),
        options.header_row,
        options.encoding,
        ready.input.member.clone(),
    );
    let (bytes, format) = (Arc::clone(&ready.bytes), ready.format);
    let mut preview_options = options.clone();
    ready.preview.update(ui.ctx(), &key, move |work| {
        preview_options.work = work.clone();
        preview(&bytes, format, &preview_options, PREVIEW_ROWS).map_err(|e| e.to_string())
    });
    ui.separator();
    let heading = match &options.sheet {
        Some(sheet) => format!("First rows of sheet “{sheet}” as they will be read"),
        None => "First rows as they will be read".to_owned(),
    };
    ui.label(RichText::new(heading).strong());
    if let Some(err) = &ready.input_error {
        ui.colored_label(ui.visuals().error_fg_color, err);
    }
    match ready.preview.rows() {
        None => reading_ui(ui),
        Some(Ok(rows)) if rows.iter().all(|r| r.skipped.is_some()) => {
            // The error the import would give, with the rows' reasons below it.
            ui.colored_label(
                ui.visuals().error_fg_color,
                nothing_read_message(
                    ready.input.head.as_bytes(),
                    ready.format,
                    rows,
                    options.sheet.as_deref(),
                ),
            );
            if !rows.is_empty() {
                preview_table_ui(ui, rows);
            }
        }
        Some(Ok(rows)) => {
            preview_table_ui(ui, rows);
            suspicious_dates_ui(ui, rows);
        }
        Some(Err(err)) => {
            ui.colored_label(ui.visuals().error_fg_color, err);
        }
    }
    ui.separator();
    let ok = ready.input_error.is_none() && ready.preview.has_an_event();
    target_ui(ui, &mut ready.target, ok, true)
}

/// Why nothing would be imported: what the format expects, the file's first line and the
/// first skipped row's reason (the message `detente import` gives). The preview reads only
/// the first rows, so a full preview says so.
fn nothing_read_message(
    bytes: &[u8],
    format: ImportFormat,
    rows: &[PreviewRow],
    sheet: Option<&str>,
) -> String {
    let skipped: Vec<Skipped> = rows
        .iter()
        .map(|r| Skipped {
            line_or_row: r.line_or_row,
            unit: r.unit,
            reason: r.skipped.clone().unwrap_or_default(),
            sheet: sheet.map(str::to_owned),
        })
        .collect();
    let message = no_events_error(bytes, format, &skipped).to_string();
    if rows.len() >= PREVIEW_ROWS {
        format!("In the first {PREVIEW_ROWS} rows, {message}")
    } else {
        // A sentence of its own here, not after "file:" as on the command line.
        let mut chars = message.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::next_window_id;

    #[test]
    fn each_dialog_has_its_own_window() {
        // The same id would carry the last dialog's scroll position into the next one.
        assert_ne!(next_window_id(), next_window_id());
    }
}
