//! What the window does after a command: the session's [`Effect`]s carried out with egui
//! (dialogs, windows, focus, the viewport) and the desk (settings, recent files).

use super::DetenteApp;
use crate::app::session::{FileChoice, Window};
use crate::app::{Command, Effect};
use crate::ui::file_dialog::Purpose;
use crate::ui::filter_bar::search_field_id;

impl DetenteApp {
    pub(super) fn carry_out(&mut self, ctx: &egui::Context, effect: Effect) {
        match effect {
            Effect::Error(text) => self.error(text),
            Effect::Info(text) => self.info(text),
            Effect::ChooseFile(choice, start) => {
                let purpose = match choice {
                    FileChoice::Open => Purpose::Open,
                    FileChoice::SaveAs => Purpose::SaveAs,
                    FileChoice::Import => Purpose::Import,
                    FileChoice::ImportFolder => Purpose::ImportFolder,
                    FileChoice::Export(format) => Purpose::Export(format),
                    FileChoice::Report => Purpose::Report,
                };
                self.dialogs.start(purpose, ctx, start);
            }
            Effect::Load(path) => self.open_path(ctx, &path),
            // What the unsaved-changes prompt asked for next (`after_save`) runs once the
            // save has finished.
            Effect::Save { path, check_disk } if check_disk => self.save_to(ctx, &path),
            Effect::Save { path, .. } => self.save_unchecked(ctx, &path),
            Effect::AfterSave(command) => self.after_save = Some(*command),
            Effect::Import(path) => self.open_import_dialog(ctx, &path),
            Effect::Export(format, path) => self.export_to(ctx, format, &path),
            Effect::ProjectAsOf(day) => self.project_as_of(ctx, day),
            Effect::DocumentReplaced => {
                // The work of the project being left was saved or discarded by the analyst.
                self.desk.forget_recovery(&mut self.tasks);
                self.timeline.request_fit();
                self.restore_view();
            }
            Effect::StartForm(item) => self.forms.start(item),
            Effect::Escape => {
                if self.forms.editing.is_some() {
                    self.forms.stop();
                } else {
                    self.apply(ctx, Command::ClearSelection);
                }
            }
            Effect::Show(window) => self.show(window),
            Effect::FocusSearch => ctx.memory_mut(|m| m.request_focus(search_field_id())),
            Effect::FitTimeline => self.timeline.request_fit(),
            Effect::GroupBy(mode) => self.timeline.set_mode(mode),
            Effect::ToggleDetailsPane => {
                self.windows.details_dismissed = !self.windows.details_dismissed;
            }
            Effect::Close => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Effect::ReportDialog(event, state) => {
                let project = self.session.document().project();
                self.windows.report.open(project, event, state);
            }
            Effect::AddReportFile(path) => {
                let project = self.session.document().project();
                self.intake.open_file(project, &path);
            }
            Effect::ReviewReport(review) => self.intake.open_review(*review),
            Effect::ToggleSidePanel
            | Effect::SetTheme(_)
            | Effect::SetSettings(_)
            | Effect::ClearRecent => self.change_settings(ctx, effect),
        }
    }

    fn show(&mut self, window: Window) {
        match window {
            Window::About => self.windows.about = true,
            Window::GettingStarted => self.windows.getting_started = true,
            Window::ProjectProperties => self.windows.project_properties = true,
            Window::Settings => self.desk.show_settings = true,
            Window::Palette => self.palette.open = true,
            Window::Legend => self.timeline.show_legend = true,
            Window::ImageExport => self.image_export.open = true,
            Window::AddReport => self.intake.open_input(self.session.document().project()),
        }
    }

    /// Settings and recent files, kept in the config folder.
    fn change_settings(&mut self, ctx: &egui::Context, effect: Effect) {
        let problem = match effect {
            Effect::SetTheme(theme) => {
                let mut settings = self.desk.settings.clone();
                settings.theme = theme;
                self.apply(ctx, Command::SetSettings(Box::new(settings)));
                None
            }
            Effect::SetSettings(settings) => {
                // What the analyst sees in the window is what is kept, theme included.
                self.desk.theme_override = None;
                self.desk.settings = *settings;
                self.desk.look_active = true;
                self.desk.store_settings()
            }
            Effect::ClearRecent => self.desk.clear_recent(),
            Effect::ToggleSidePanel => {
                let panels = &mut self.desk.settings.panels;
                panels.side_open = !panels.side_open;
                self.desk.store_settings()
            }
            _ => None,
        };
        if let Some(problem) = problem {
            self.error(problem);
        }
    }
}
