//! The habits of a desktop app around the open project: settings applied and kept, recent
//! files, autosave to a recovery file and the offer to restore one, and the question before
//! saving over a file that changed on disk.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::DetenteApp;
use crate::app::crash::{self, UnsavedWork};
use crate::app::recovery::{
    self, Recovery, discard_recovery, find_recovery, recovery_dir, write_recovery,
};
use crate::app::{
    AutosaveClock, DateDisplay, Document, ProgressUnit, RecentFiles, Settings, TaskId, TaskKind,
    ThemeChoice,
};
use crate::io::SaveError;
use crate::ui::actions::Action;
use crate::ui::tasks::{Outcome, Tasks};

/// What the app keeps for the desktop workflow.
#[derive(Default)]
pub struct Desk {
    /// Where settings, recent files and recovery files live; `None` remembers nothing
    /// (tests, or a system without a home folder).
    pub config_dir: Option<PathBuf>,
    pub settings: Settings,
    /// `--theme` on the command line: wins over the setting until a theme is picked.
    pub theme_override: Option<ThemeChoice>,
    /// The theme and scale last given to egui, so they are set only when they change.
    applied: Option<(ThemeChoice, u32)>,
    /// Whether the settings decide the look: once they were read from a config folder, the
    /// analyst changed them or `--theme` was given. Until then egui's own look stays, as
    /// set by whoever embeds the app (the snapshot tests pick their theme).
    pub look_active: bool,
    pub recent: RecentFiles,
    clock: AutosaveClock,
    /// The autosave being written, a task in the app's list.
    writer: Option<TaskId>,
    /// A recovery file left by a Detente that died, waiting for Restore / Discard.
    pub leftover: Option<Recovery>,
    pub show_settings: bool,
    pub settings_form: crate::ui::settings_window::SettingsForm,
    /// Saving over a file that changed on disk, waiting for Overwrite / Save As / Cancel.
    pub pending_overwrite: Option<PathBuf>,
    /// Where the log and crash reports go (Help ▸ About).
    pub log_place: crate::app::logging::LogPlace,
    /// The document state last given to the crash hook: (revision, whether it was kept).
    published: Option<(crate::app::autosave::Revision, bool)>,
}

impl Desk {
    /// Reads the settings and recent files from `config_dir` and looks for a recovery file
    /// to offer. Problems reading them become warnings to show.
    pub fn load(config_dir: Option<PathBuf>) -> (Self, Vec<String>) {
        let mut desk = Self::default();
        let mut warnings = Vec::new();
        if let Some(dir) = &config_dir {
            let (settings, warning) = Settings::load(dir);
            desk.settings = settings;
            warnings.extend(warning);
            let (recent, warning) = RecentFiles::load(dir);
            desk.recent = recent;
            warnings.extend(warning);
            desk.leftover = find_recovery(&recovery_dir(dir));
        }
        desk.look_active = config_dir.is_some();
        desk.config_dir = config_dir;
        (desk, warnings)
    }

    pub fn date_display(&self) -> DateDisplay {
        DateDisplay::of(&self.settings)
    }

    fn recovery_dir(&self) -> Option<PathBuf> {
        self.config_dir.as_deref().map(recovery_dir)
    }

    /// Gives egui the theme and scale of the settings when they changed.
    pub fn apply_look(&mut self, ctx: &egui::Context) {
        if !self.look_active {
            return;
        }
        let theme = self.theme_override.unwrap_or(self.settings.theme);
        // Compared in hundredths: the slider moves in steps of 0.05.
        let scale = (self.settings.ui_scale * 100.0).round() as u32;
        if self.applied == Some((theme, scale)) {
            return;
        }
        ctx.set_theme(match theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
        ctx.set_zoom_factor(self.settings.ui_scale);
        self.applied = Some((theme, scale));
    }

    /// Keeps the settings; an error is a message to show.
    pub fn store_settings(&self) -> Option<String> {
        let dir = self.config_dir.as_deref()?;
        self.settings
            .save(dir)
            .err()
            .map(|e| format!("The settings could not be kept: {e}"))
    }

    /// `path` was opened or saved: first in File ▸ Open Recent.
    pub fn remember(&mut self, path: &Path) -> Option<String> {
        let dir = self.config_dir.as_deref()?;
        self.recent.add(path);
        self.recent
            .save(dir)
            .err()
            .map(|e| format!("The recent files list could not be kept: {e}"))
    }

    pub fn clear_recent(&mut self) -> Option<String> {
        self.recent.clear();
        let dir = self.config_dir.as_deref()?;
        self.recent
            .save(dir)
            .err()
            .map(|e| format!("The recent files list could not be kept: {e}"))
    }

    fn interval(&self) -> Option<Duration> {
        let secs = self.settings.autosave_secs;
        (self.config_dir.is_some() && secs > 0).then(|| Duration::from_secs(u64::from(secs)))
    }

    /// Called every frame: starts writing the recovery file, as a task, when a change has
    /// been unsaved for the autosave interval. The UI does not wait for it; its result
    /// comes back through [`Self::autosave_finished`].
    pub fn autosave_tick(&mut self, ctx: &egui::Context, doc: &Document, tasks: &mut Tasks) {
        self.publish_unsaved_work(doc);
        let now = Instant::now();
        let interval = self.interval();
        if self
            .clock
            .is_due(now, doc.revision(), doc.is_dirty(), interval)
            && self.writer.is_none()
        {
            self.start_autosave(ctx, doc, tasks);
        } else if let Some(left) = self.clock.time_left(now, interval) {
            ctx.request_repaint_after(left);
        }
    }

    /// Keeps the crash hook's copy of the unsaved work current (app::crash), so that a
    /// panic writes the recovery file first: shared, not copied, and only when the document
    /// changed. With autosave off nothing is kept, as the analyst asked.
    fn publish_unsaved_work(&mut self, doc: &Document) {
        let kept = doc.is_dirty() && self.interval().is_some();
        let state = (doc.revision(), kept);
        if self.published == Some(state) {
            return;
        }
        self.published = Some(state);
        let work = self
            .recovery_dir()
            .filter(|_| kept)
            .map(|recovery_dir| UnsavedWork {
                recovery_dir,
                project: doc.shared_project(),
                origin: doc.path().map(Path::to_path_buf),
            });
        crash::keep_unsaved_work(work);
    }

    /// An autosave task ended; a failure is a message to show.
    pub fn autosave_finished(
        &mut self,
        task: TaskId,
        written: Result<PathBuf, SaveError>,
    ) -> Option<String> {
        if self.writer != Some(task) {
            // Waited for by `forget_recovery`, whose file is gone: nothing to report.
            return None;
        }
        self.writer = None;
        written.err().map(|err| format!("Autosave failed: {err}"))
    }

    /// Writes the recovery file now, on this thread, whatever the clock says (restoring
    /// keeps the restored work at once; tests).
    pub fn autosave_now(&mut self, doc: &Document) -> Option<String> {
        let dir = self.recovery_dir()?;
        self.clock.written(doc.revision());
        write_recovery(&dir, &doc.shared_project(), doc.path())
            .err()
            .map(|err| format!("Autosave failed: {err}"))
    }

    fn start_autosave(&mut self, ctx: &egui::Context, doc: &Document, tasks: &mut Tasks) {
        let Some(dir) = self.recovery_dir() else {
            return;
        };
        let project = doc.shared_project();
        let origin = doc.path().map(Path::to_path_buf);
        self.clock.written(doc.revision());
        // Serialising a large project takes a while; the window keeps drawing meanwhile.
        self.writer = Some(tasks.spawn(
            ctx,
            TaskKind::Autosave,
            "Autosaving…".to_owned(),
            ProgressUnit::Bytes,
            move |_| Outcome::Autosaved(write_recovery(&dir, &project, origin.as_deref())),
        ));
    }

    /// The project was saved, or is being left: its recovery file is no longer wanted.
    pub fn forget_recovery(&mut self, tasks: &mut Tasks) {
        // A write still running would bring the file back after it is removed.
        if let Some(task) = self.writer.take() {
            tasks.cancel_and_wait(task);
        }
        self.clock.reset();
        // Nor by the crash hook, until the document changes again.
        crash::keep_unsaved_work(None);
        if let Some(dir) = self.recovery_dir() {
            let _ = recovery::discard(&dir);
        }
    }
}

/// The analyst's answer to "the file changed on disk".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OverwriteAnswer {
    Overwrite,
    SaveAs,
    Cancel,
}

/// The answer to "restore unsaved work?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RestoreAnswer {
    Restore,
    Discard,
    Later,
}

impl DetenteApp {
    /// Offers the recovery file left by a Detente that died: what it holds, and Restore,
    /// Discard or Not now (asked again at the next start).
    pub(super) fn restore_prompt(&mut self, ctx: &egui::Context) {
        let Some(leftover) = self.desk.leftover.clone() else {
            return;
        };
        let summary = &leftover.summary;
        let when = crate::app::format_instant(
            summary.written_at,
            &crate::app::TimeZoneChoice::Local,
            None,
            self.desk.settings.date_format,
        );
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("restore_prompt")).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.heading("Restore unsaved work?");
            ui.label(if summary.at_crash {
                "Detente crashed. This unsaved work was kept as it closed:"
            } else {
                "Detente closed without saving. This work was autosaved:"
            });
            ui.add_space(4.0);
            egui::Grid::new("restore_facts")
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    ui.weak("Project");
                    ui.add(egui::Label::new(summary.title.as_str()).wrap());
                    ui.end_row();
                    ui.weak("Events");
                    ui.label(summary.num_events.to_string());
                    ui.end_row();
                    ui.weak(summary.kept_how());
                    ui.label(when);
                    ui.end_row();
                    ui.weak("File");
                    let file = summary
                        .origin_path
                        .as_ref()
                        .map_or_else(|| "never saved".to_owned(), |p| p.display().to_string());
                    ui.add(egui::Label::new(file).wrap());
                    ui.end_row();
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    answer = Some(RestoreAnswer::Restore);
                }
                if ui.button("Discard").clicked() {
                    answer = Some(RestoreAnswer::Discard);
                }
                if ui.button("Not now").clicked() {
                    answer = Some(RestoreAnswer::Later);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(RestoreAnswer::Later);
        }
        let Some(answer) = answer else { return };
        self.desk.leftover = None;
        match answer {
            RestoreAnswer::Restore => match recovery::restore(&leftover) {
                Ok(project) => {
                    let doc = Document::recovered(project, summary.origin_path.as_deref());
                    self.replace_document(ctx, doc);
                    // Kept as this instance's own autosave before the leftover goes, so a
                    // crash right now still loses nothing.
                    if let Some(problem) = self.desk.autosave_now(self.session.document()) {
                        self.error(problem);
                    } else {
                        let _ = discard_recovery(&leftover);
                    }
                    self.info("Restored the unsaved work; save it to keep it".to_owned());
                }
                // The file stays, to be offered again: it may be all there is of the work.
                Err(err) => self.error(format!("The unsaved work could not be read: {err}")),
            },
            RestoreAnswer::Discard => {
                let _ = discard_recovery(&leftover);
            }
            RestoreAnswer::Later => return,
        }
        // Another Detente may have died too: offer its work next.
        if let Some(dir) = self.desk.recovery_dir() {
            self.desk.leftover = find_recovery(&dir);
        }
    }

    /// "The file changed on disk": Overwrite / Save As / Cancel.
    pub(super) fn overwrite_prompt(&mut self, ctx: &egui::Context) {
        let Some(path) = self.desk.pending_overwrite.clone() else {
            return;
        };
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("overwrite_prompt")).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.heading("The file changed on disk");
            ui.add(
                egui::Label::new(format!(
                    "{} was changed by another program since you opened or saved it. \
                     Saving replaces those changes with yours.",
                    path.display()
                ))
                .wrap(),
            );
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Overwrite").clicked() {
                    answer = Some(OverwriteAnswer::Overwrite);
                }
                if ui.button("Save As…").clicked() {
                    answer = Some(OverwriteAnswer::SaveAs);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(OverwriteAnswer::Cancel);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(OverwriteAnswer::Cancel);
        }
        let Some(answer) = answer else { return };
        self.desk.pending_overwrite = None;
        match answer {
            // What the unsaved-changes prompt asked for next runs once the save has finished.
            OverwriteAnswer::Overwrite => self.save_unchecked(ctx, &path),
            OverwriteAnswer::SaveAs => self.apply(ctx, Action::SaveAsDialog),
            OverwriteAnswer::Cancel => self.after_save = None,
        }
    }
}
