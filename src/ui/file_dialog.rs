//! File dialogs off the UI thread, with a typed path where the desktop has no dialog.
//!
//! rfd blocks while its dialog is open, so it runs on a thread and the UI polls for the
//! answer. Where the desktop has no dialog service (no portal, no zenity), rfd answers
//! `None` within ~10 ms; a person cannot cancel a dialog that fast, so an answer within
//! 300 ms is taken as "no dialog here" and the app asks for a path instead.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::io::EXTENSION;

/// Faster than anyone closes a dialog (see the module comment).
const NO_DIALOG_SERVICE_WITHIN: Duration = Duration::from_millis(300);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    Import,
    /// A folder: a Parquet dataset partitioned hive-style.
    ImportFolder,
    Export(crate::export::ExportFormat),
    /// A report for article intake.
    Report,
}

impl Purpose {
    /// The prompt's example path, with the extension this purpose writes or reads: an export
    /// to Markdown showed a project file's name (`talks.detente.ron`).
    pub fn example_path(self) -> String {
        let extension = match self {
            Self::Open | Self::SaveAs => EXTENSION,
            Self::Import => "json",
            Self::ImportFolder => "",
            Self::Report => "txt",
            Self::Export(format) => format.extension(),
        };
        let stem = match self {
            Self::Import => "timeline",
            Self::ImportFolder => "gdelt-2025-11",
            Self::Report => "xinhua-2025-12-18",
            Self::Export(_) => "talks-brief",
            Self::Open | Self::SaveAs => "talks.detente",
        };
        if extension.is_empty() {
            return format!("/home/analyst/data/{stem}");
        }
        format!("/home/analyst/projects/{stem}.{extension}")
    }

    /// What is chosen: a file, or a folder.
    fn thing(self) -> &'static str {
        if self == Self::ImportFolder {
            "folder"
        } else {
            "file"
        }
    }

    fn title(self) -> &'static str {
        match self {
            Self::Open => "Open project",
            Self::SaveAs => "Save project as",
            Self::Import => "Import events",
            Self::ImportFolder => "Import a Parquet folder",
            Self::Export(_) => "Export as",
            Self::Report => "Open report",
        }
    }
}

struct Pending {
    purpose: Purpose,
    started: Instant,
    answer: Receiver<Option<PathBuf>>,
}

/// A path typed by hand.
struct PathPrompt {
    purpose: Purpose,
    text: String,
    reason: String,
    focus_requested: bool,
}

#[derive(Default)]
pub struct FileDialogs {
    pending: Option<Pending>,
    prompt: Option<PathPrompt>,
}

impl FileDialogs {
    pub fn is_busy(&self) -> bool {
        self.pending.is_some() || self.prompt.is_some()
    }

    /// Opens the system dialog on a thread.
    pub fn start(&mut self, purpose: Purpose, ctx: &egui::Context, suggested: Option<PathBuf>) {
        if self.is_busy() {
            return;
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new().set_title(purpose.title());
                dialog = match purpose {
                    Purpose::Open | Purpose::SaveAs => {
                        dialog.add_filter("Detente project", &[EXTENSION])
                    }
                    Purpose::Import => dialog.add_filter(
                        "Event data",
                        &[
                            "json", "timeline", "csv", "tsv", "txt", "xlsx", "xls", "ods", "gz",
                            "zip", "parquet",
                        ],
                    ),
                    Purpose::ImportFolder => dialog,
                    Purpose::Export(format) => {
                        dialog.add_filter(format.name(), &[format.extension()])
                    }
                    Purpose::Report => dialog.add_filter(
                        "Report (text, HTML, Markdown)",
                        &crate::app::intake_review::REPORT_EXTENSIONS,
                    ),
                };
                dialog = dialog.add_filter("All files", &["*"]);
                if let Some(dir) = suggested.as_ref().and_then(|p| p.parent()) {
                    dialog = dialog.set_directory(dir);
                }
                let answer = match purpose {
                    Purpose::Open | Purpose::Import | Purpose::Report => dialog.pick_file(),
                    Purpose::ImportFolder => dialog.pick_folder(),
                    Purpose::SaveAs | Purpose::Export(_) => {
                        let name = suggested.as_ref().and_then(|p| p.file_name()).map_or_else(
                            || "project.detente.ron".to_owned(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        dialog.set_file_name(name).save_file()
                    }
                };
                let _ = tx.send(answer);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.pending = Some(Pending {
                    purpose,
                    started: Instant::now(),
                    answer: rx,
                });
            }
            Err(err) => {
                self.ask_for_path(purpose, format!("The file dialog could not start ({err})."));
            }
        }
    }

    /// Whether a dialog or the typed-path prompt is waiting for an answer.
    pub fn is_open(&self) -> bool {
        self.pending.is_some() || self.prompt.is_some()
    }

    /// Opens the typed-path prompt directly.
    pub fn ask_for_path(&mut self, purpose: Purpose, reason: String) {
        self.prompt = Some(PathPrompt {
            purpose,
            text: String::new(),
            reason,
            focus_requested: false,
        });
    }

    /// The path chosen, once there is one.
    pub fn poll(&mut self) -> Option<(Purpose, PathBuf)> {
        let pending = self.pending.as_ref()?;
        match pending.answer.try_recv() {
            Ok(Some(path)) => {
                let purpose = pending.purpose;
                self.pending = None;
                Some((purpose, path))
            }
            Ok(None) => {
                let (purpose, quick) = (
                    pending.purpose,
                    pending.started.elapsed() < NO_DIALOG_SERVICE_WITHIN,
                );
                self.pending = None;
                if quick {
                    self.ask_for_path(
                        purpose,
                        format!(
                            "This desktop has no file dialog service; type the {}'s path.",
                            purpose.thing()
                        ),
                    );
                }
                None
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                let purpose = pending.purpose;
                self.pending = None;
                self.ask_for_path(
                    purpose,
                    format!(
                        "The file dialog failed; type the {}'s path.",
                        purpose.thing()
                    ),
                );
                None
            }
        }
    }

    /// Shows the typed-path prompt, if open. Returns the path when confirmed.
    pub fn prompt_ui(&mut self, ctx: &egui::Context) -> Option<(Purpose, PathBuf)> {
        let prompt = self.prompt.as_mut()?;
        let mut result = None;
        let mut close = false;
        egui::Modal::new(egui::Id::unique("path_prompt")).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.heading(prompt.purpose.title());
            ui.label(&prompt.reason);
            let example = prompt.purpose.example_path();
            let edit = ui.add(
                egui::TextEdit::singleline(&mut prompt.text)
                    .hint_text(example.as_str())
                    .desired_width(f32::INFINITY),
            );
            edit.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "File path")
            });
            if !prompt.focus_requested {
                edit.request_focus();
                prompt.focus_requested = true;
            }
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let ok_label = match prompt.purpose {
                    Purpose::Open | Purpose::Report => "Open",
                    Purpose::SaveAs | Purpose::Export(_) => "Save",
                    Purpose::Import | Purpose::ImportFolder => "Import",
                };
                let ok =
                    ui.add_enabled(!prompt.text.trim().is_empty(), egui::Button::new(ok_label));
                if ok.clicked() || (entered && !prompt.text.trim().is_empty()) {
                    result = Some((prompt.purpose, expand_home(prompt.text.trim())));
                    close = true;
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    close = true;
                }
            });
        });
        if close {
            self.prompt = None;
        }
        result
    }
}

/// `~/x` → `$HOME/x`, as a shell would.
fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::ExportFormat;

    #[test]
    fn the_typed_path_example_has_the_extension_of_what_is_written() {
        assert_eq!(
            Purpose::Export(ExportFormat::Markdown).example_path(),
            "/home/analyst/projects/talks-brief.md"
        );
        assert_eq!(
            Purpose::Export(ExportFormat::Csv).example_path(),
            "/home/analyst/projects/talks-brief.csv"
        );
        assert_eq!(
            Purpose::SaveAs.example_path(),
            "/home/analyst/projects/talks.detente.ron"
        );
        assert_eq!(
            Purpose::Open.example_path(),
            "/home/analyst/projects/talks.detente.ron"
        );
    }
}
