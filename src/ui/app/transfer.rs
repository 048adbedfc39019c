//! Opening in the background, importing, exporting and dropped files.

use std::path::Path;

use super::DetenteApp;
use crate::app::{Document, ProgressUnit, TaskKind, WriteOutcome, write_counted};
use crate::export::{ExportFormat, ExportOptions, export_to, timeline_png, timeline_svg};
use crate::ui::actions::Action;
use crate::ui::image_export::CurrentView;
use crate::ui::import_dialog::{ImportDialog, Target};
use crate::ui::tasks::{Finished, Outcome};

impl DetenteApp {
    /// Loads a project on a thread; the open project stays until the new one is ready.
    pub(super) fn open_path(&mut self, ctx: &egui::Context, path: &Path) {
        let p = path.to_path_buf();
        let label = format!(
            "Opening {}…",
            path.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        );
        self.tasks.spawn(
            ctx,
            TaskKind::Open,
            label,
            ProgressUnit::Bytes,
            move |work| {
                let doc = Document::open_watched(&p, work).map(Box::new);
                if doc.is_err() && is_importable(&p) {
                    return Outcome::ToImport(p);
                }
                Outcome::Opened(p, doc)
            },
        );
    }

    pub(super) fn export_to(&mut self, ctx: &egui::Context, format: ExportFormat, path: &Path) {
        // As of a day, the export is of the project as it was then.
        let project = self.session.view_document().shared_project();
        // The brief and the CSV hold what the filter shows, as the analyst sees it.
        let mut options = ExportOptions::default();
        options.filter.only =
            (!self.filter().is_empty()).then(|| self.filtered().result.events.clone());
        let p = path.to_path_buf();
        if format.is_image() {
            let image = self.image_export.options(CurrentView {
                view: self.timeline.view(),
                mode: self.timeline.mode(),
                sort: self.timeline.sort(),
                passes: options.filter.only.take(),
            });
            self.tasks.spawn(
                ctx,
                TaskKind::Export,
                format!("Exporting {}…", format.name()),
                ProgressUnit::Bytes,
                move |work| {
                    let bytes = if format == ExportFormat::Png {
                        timeline_png(&project, &image).map_err(|e| e.to_string())
                    } else {
                        Ok(timeline_svg(&project, &image).into_bytes())
                    };
                    let outcome = match bytes {
                        Ok(bytes) => write_counted(&p, &work.cancel, &work.progress, |out| {
                            out.write_all(&bytes)
                        }),
                        Err(err) => WriteOutcome::Failed(err),
                    };
                    Outcome::Exported(p, outcome)
                },
            );
            return;
        }
        self.tasks.spawn(
            ctx,
            TaskKind::Export,
            format!("Exporting {}…", format.name()),
            ProgressUnit::Bytes,
            move |work| {
                // Streamed into the temporary file, as on the command line; Cancel stops it.
                let outcome = write_counted(&p, &work.cancel, &work.progress, |out| {
                    export_to(&project, format, &options, out)
                });
                Outcome::Exported(p, outcome)
            },
        );
    }

    pub(super) fn finish_tasks(&mut self, ctx: &egui::Context) {
        for Finished {
            id,
            outcome,
            cancelled,
            ..
        } in self.tasks.poll()
        {
            match outcome {
                Outcome::Autosaved(written) => {
                    if let Some(problem) = self.desk.autosave_finished(id, written) {
                        self.error(problem);
                    }
                }
                Outcome::ImportRead(read) => {
                    if let Some(dialog) = self.import.as_mut() {
                        dialog.read_finished(id, read, cancelled);
                    }
                }
                Outcome::ParquetInspected(summary) => {
                    if let Some(dialog) = self.import.as_mut() {
                        dialog.inspected(id, summary, cancelled);
                    }
                }
                Outcome::Imported(target, imported) => {
                    if let Some(dialog) = self.import.as_mut() {
                        dialog.import_finished(id, target, *imported, cancelled);
                    }
                }
                Outcome::Saved(saved) => self.finish_save(ctx, &saved, cancelled),
                Outcome::AsOf(view) => self.finish_as_of(view),
                Outcome::Opened(path, _) | Outcome::ToImport(path) if cancelled => {
                    self.info(format!("Cancelled opening {}", path.display()));
                }
                Outcome::Opened(path, Ok(doc)) => {
                    self.replace_document(ctx, *doc);
                    self.info(format!("Opened {}", path.display()));
                    if let Some(text) = self.session.document_mut().take_upgrade_notice() {
                        self.info(text);
                    }
                    if let Some(problem) = self.desk.remember(&path) {
                        self.error(problem);
                    }
                }
                // A failed load changes nothing: the open project stays as it was.
                Outcome::Opened(_, Err(err)) => self.error(err.to_string()),
                // Not a project but a format the import dialog reads: that is what was meant.
                Outcome::ToImport(path) => self.pending_import = Some(path),
                Outcome::Exported(path, WriteOutcome::Written) if cancelled => {
                    self.info(format!(
                        "Exported {} (it had finished before Cancel)",
                        path.display()
                    ));
                }
                Outcome::Exported(path, WriteOutcome::Written) => {
                    self.info(format!("Exported {}", path.display()));
                }
                Outcome::Exported(path, WriteOutcome::Cancelled) => {
                    self.info(format!(
                        "Export cancelled: {} was not written",
                        path.display()
                    ));
                }
                Outcome::Exported(path, WriteOutcome::Failed(err)) => {
                    self.error(format!("Could not export {}: {err}", path.display()));
                }
            }
        }
    }

    /// Opens the import dialog on `path`, which starts reading it; a dialog still open
    /// gives way, and its reading or importing is cancelled.
    pub(super) fn open_import_dialog(&mut self, ctx: &egui::Context, path: &Path) {
        if let Some(task) = self.import.as_ref().and_then(ImportDialog::task) {
            self.tasks.cancel(task);
        }
        self.import = Some(ImportDialog::open(path, ctx, &mut self.tasks));
    }

    /// The import dialog; a finished import goes to the session, as a new project or merged
    /// into the open one.
    pub(super) fn import_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.import.as_mut() else {
            return;
        };
        // The document's shared copy: the mentions page keeps it without copying the project.
        let project = self.session.document().shared_project();
        let (finished, close) = dialog.ui(ctx, &mut self.tasks, &project);
        if close {
            self.import = None;
        }
        let Some(finished) = finished else { return };
        self.import = None;
        match finished.target {
            Target::NewProject => {
                let report = self
                    .session
                    .stage_import(finished.imported, &finished.file_name);
                self.windows.import_report = Some(report);
                self.apply(ctx, Action::AdoptImport);
            }
            Target::MergeIntoOpen => {
                let (report, effects) = self
                    .session
                    .merge_import(finished.imported, &finished.file_name);
                self.windows.import_report = Some(report);
                for effect in effects {
                    self.carry_out(ctx, effect);
                }
            }
        }
    }

    /// The report of the last import: what came in, what was skipped and why.
    pub(super) fn import_report_ui(&mut self, ctx: &egui::Context) {
        let Some(text) = &self.windows.import_report else {
            return;
        };
        let mut open = true;
        egui::Window::new("Import report")
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        ui.add(egui::Label::new(text).selectable(true));
                    });
            });
        if !open {
            self.windows.import_report = None;
        }
    }

    /// Files dropped on the window: projects open, reports (.txt, .html, .md) go to the
    /// intake's input dialog, anything else is imported.
    pub(super) fn dropped_files(ctx: &egui::Context, actions: &mut Vec<Action>) {
        for file in ctx.input(|i| i.raw.dropped_files.clone()) {
            let path = file.path().to_path_buf();
            if path.as_os_str().is_empty() {
                continue;
            }
            let is_project = path.to_string_lossy().ends_with(".ron");
            actions.push(if is_project {
                Action::OpenPath(path)
            } else if crate::app::intake_review::is_report_file(&path) {
                Action::AddReportFile(path)
            } else {
                Action::ImportPath(path)
            });
        }
    }
}

/// Whether `path` is a file in a format the import dialog reads (not a Detente project):
/// what opening it from the command line or with File ▸ Open should do instead. A `.ron`
/// file is a project, however damaged: its load error says what is wrong with it (a
/// one-line RON file would otherwise pass for comma-separated values).
pub(super) fn is_importable(path: &Path) -> bool {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    if name.to_ascii_lowercase().ends_with(".ron") {
        return false;
    }
    // A Parquet file or dataset folder is read by its footers, never whole (issue 16).
    crate::import::parquet::is_parquet_path(path)
        || crate::io::read_import_bytes(path).is_ok_and(|bytes| {
            // A .gz or a zip archive goes to the dialog, which unpacks it (issue 15).
            crate::import::detect_format(&bytes, &name).is_ok()
                || crate::import::compressed::compression_of(&bytes).is_some()
        })
}
