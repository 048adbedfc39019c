//! The app window: menu, side panels, timeline, details, and the actions they emit.

mod create;
mod desk;
mod panes;
mod prompts;
mod saving;
mod transfer;

use std::path::{Path, PathBuf};

use crate::app::{Document, FilteredView, History, Origin, Selection, SelectionLinks};
use crate::model::{Filter, ViewState, count};
use crate::ui::actions::Action;
use crate::ui::file_dialog::{FileDialogs, Purpose};
use crate::ui::filter_bar::{FilterBarState, filter_bar_ui, search_field_id};
use crate::ui::frame_stats::FrameStats;
use crate::ui::notices::{Notice, notices_ui, push_error, push_info};
use crate::ui::panels::{PanelContext, PanelsState, SideTab};
use crate::ui::timeline::{TimelineState, timeline_ui};
use crate::ui::{about, menu};

pub struct DetenteApp {
    doc: Document,
    selection: Selection,
    /// What the selection reaches, and the selection and document it was computed for.
    links: SelectionLinks,
    links_for: Option<(Selection, (u64, u64))>,
    history: History,
    /// The filter every view obeys, and the project as it shows it.
    filter: Filter,
    filtered: FilteredView,
    filter_bar: FilterBarState,
    timeline: TimelineState,
    side_tab: SideTab,
    panels: PanelsState,
    forms: crate::ui::forms::FormState,
    palette: crate::ui::palette::PaletteState,
    tasks: crate::ui::tasks::Tasks,
    import: Option<crate::ui::import_dialog::ImportDialog>,
    /// A file that was to be opened but is another tool's format: the import dialog opens
    /// on it at the next frame (the dialog needs the `egui::Context`).
    pending_import: Option<PathBuf>,
    image_export: crate::ui::image_export::ImageExportDialog,
    /// A project made by an import, waiting for the unsaved-changes question.
    imported: Option<Document>,
    import_report: Option<String>,
    notices: Vec<Notice>,
    dialogs: FileDialogs,
    show_about: bool,
    show_getting_started: bool,
    show_project_properties: bool,
    /// The analyst closed the details pane; the next selection opens it again.
    details_dismissed: bool,
    /// The side panel's and the details pane's widths when the pointer went down: a width
    /// that differs at release was dragged, and is kept.
    pane_widths_at_press: (Option<f32>, Option<f32>),
    /// An action that would discard unsaved work, waiting for Save / Discard / Cancel.
    pending_discard: Option<Action>,
    /// An action to run once the Save As that the prompt asked for has succeeded.
    after_save: Option<Action>,
    /// A save is running on a background thread.
    saving: bool,
    /// Save asked for while one ran: started when it ends.
    save_next: Option<PathBuf>,
    /// The analyst agreed to close without saving: let the next close request through.
    close_confirmed: bool,
    /// A delete waiting for "remove the references?".
    pending_delete: Option<(crate::app::Selected, crate::app::edit::Edit, String)>,
    frame_stats: Option<FrameStats>,
    last_title: String,
    /// The width the status bar's right-hand part (running work, Legend, Getting started)
    /// took in the last frame: what the left-hand labels leave free.
    status_right_width: f32,
    fonts_installed: bool,
    /// Settings, recent files, autosave and recovery, changes on disk.
    desk: desk::Desk,
}

impl DetenteApp {
    /// Opens `file`, or the sample when there is none. A file in another tool's format
    /// (a TimelineJS sheet, a GDELT export, …) opens the import dialog on an empty project;
    /// any other file that fails to load leaves an empty project open and says why.
    pub fn new(file: Option<&Path>) -> Self {
        let mut notices = Vec::new();
        let mut pending_import = None;
        let doc = match file {
            Some(path) => Document::open(path).unwrap_or_else(|err| {
                if transfer::is_importable(path) {
                    pending_import = Some(path.to_path_buf());
                } else {
                    notices.push(Notice {
                        text: err.to_string(),
                        is_error: true,
                    });
                }
                Document::untitled()
            }),
            None => Document::sample().unwrap_or_else(|err| {
                notices.push(Notice {
                    text: format!("The sample project could not be loaded: {err}"),
                    is_error: true,
                });
                Document::untitled()
            }),
        };
        let mut app = Self {
            doc,
            selection: Selection::default(),
            links: SelectionLinks::default(),
            links_for: None,
            history: History::default(),
            filter: Filter::default(),
            filtered: FilteredView::default(),
            filter_bar: FilterBarState::default(),
            timeline: TimelineState::default(),
            side_tab: SideTab::default(),
            panels: PanelsState::default(),
            forms: crate::ui::forms::FormState::default(),
            palette: crate::ui::palette::PaletteState::default(),
            tasks: crate::ui::tasks::Tasks::default(),
            import: None,
            pending_import,
            image_export: Default::default(),
            imported: None,
            import_report: None,
            notices,
            dialogs: FileDialogs::default(),
            show_about: false,
            show_getting_started: false,
            show_project_properties: false,
            details_dismissed: false,
            pane_widths_at_press: (None, None),
            pending_discard: None,
            after_save: None,
            saving: false,
            save_next: None,
            close_confirmed: false,
            pending_delete: None,
            frame_stats: None,
            last_title: String::new(),
            status_right_width: 0.0,
            fonts_installed: false,
            desk: desk::Desk::default(),
        };
        app.restore_view();
        app
    }

    /// Shows `doc` (a generated or imported project) instead of the sample: benches and tests.
    pub fn from_document(doc: Document) -> Self {
        let mut app = Self::new(None);
        app.doc = doc;
        app.restore_view();
        app
    }

    /// The panels' own state (which view each shows): benches and tests.
    pub fn panels_mut(&mut self) -> &mut PanelsState {
        &mut self.panels
    }

    /// The app as started from the desktop: settings, recent files and recovery files in
    /// `config_dir` (`None` remembers nothing). Without a `file`, the last project is
    /// reopened when the settings say so and it is still there; else the sample opens.
    pub fn launch(file: Option<&Path>, config_dir: Option<PathBuf>) -> Self {
        let (desk, warnings) = desk::Desk::load(config_dir);
        let last = desk
            .settings
            .reopen_last_project
            .then(|| desk.recent.last_project().map(Path::to_path_buf))
            .flatten();
        let file = file.map(Path::to_path_buf).or(last);
        let mut app = Self::new(file.as_deref());
        app.desk = desk;
        for warning in warnings {
            app.error(warning);
        }
        if let Some(path) = app.doc.path().map(Path::to_path_buf)
            && let Some(problem) = app.desk.remember(&path)
        {
            app.error(problem);
        }
        app
    }

    /// `--theme` on the command line: shown instead of the theme setting, and not kept.
    #[must_use]
    pub fn with_theme_override(mut self, theme: Option<crate::app::ThemeChoice>) -> Self {
        self.desk.look_active |= theme.is_some();
        self.desk.theme_override = theme;
        self
    }

    pub fn settings(&self) -> &crate::app::Settings {
        &self.desk.settings
    }

    /// The recovery file offered at start, until it is restored or discarded.
    pub fn offered_recovery(&self) -> Option<&crate::app::Recovery> {
        self.desk.leftover.as_ref()
    }

    /// Writes the recovery file now instead of after the autosave interval.
    pub fn autosave_now(&mut self) {
        if let Some(problem) = self.desk.autosave_now(&self.doc) {
            self.error(problem);
        }
    }

    #[must_use]
    pub fn with_frame_stats(mut self, enabled: bool) -> Self {
        self.frame_stats = enabled.then(FrameStats::default);
        self
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn timeline(&self) -> &TimelineState {
        &self.timeline
    }

    pub fn timeline_mut(&mut self) -> &mut TimelineState {
        &mut self.timeline
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Replaces the filter, as the filter bar does; every view follows on the next frame.
    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
    }

    pub fn filtered(&self) -> &FilteredView {
        &self.filtered
    }

    pub fn links(&self) -> &SelectionLinks {
        &self.links
    }

    /// Whether background work (a save, an export, opening a project) is still running:
    /// tests step frames until it is done.
    pub fn is_busy(&self) -> bool {
        self.tasks.is_busy()
    }

    /// The background work running, as the status bar lists it.
    pub fn running_tasks(&self) -> Vec<crate::app::TaskStatus> {
        self.tasks.statuses()
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    pub fn side_tab(&self) -> SideTab {
        self.side_tab
    }

    pub fn set_side_tab(&mut self, tab: SideTab) {
        self.side_tab = tab;
    }

    /// Applies what the UI asked for. The one place where the open document is replaced.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let discards = matches!(
            action,
            Action::NewProject
                | Action::OpenDialog
                | Action::OpenPath(_)
                | Action::OpenSample
                | Action::Quit
                | Action::AdoptImport
        );
        if discards && self.doc.is_dirty() && !self.close_confirmed {
            self.pending_discard = Some(action);
            return;
        }
        // A new selection, or a new entity's form, opens the details the analyst closed.
        if matches!(
            action,
            Action::Select(_) | Action::ToggleSelect(_) | Action::SelectMany(_) | Action::New(_)
        ) {
            self.details_dismissed = false;
        }
        match action {
            Action::Select(item) => {
                self.history.visit(&self.selection);
                self.selection.set(item);
            }
            Action::ToggleSelect(item) => {
                self.history.visit(&self.selection);
                self.selection.toggle(item);
            }
            Action::SelectMany(items) => {
                self.history.visit(&self.selection);
                self.selection.set_many(items);
            }
            Action::ClearSelection => self.selection.clear(),
            Action::Back => {
                if let Some(previous) = self.history.back(&self.selection) {
                    self.selection = previous;
                }
            }
            Action::Forward => {
                if let Some(next) = self.history.forward(&self.selection) {
                    self.selection = next;
                }
            }
            Action::SetFilter(filter) => self.filter = filter,
            Action::FocusSearch => ctx.memory_mut(|m| m.request_focus(search_field_id())),
            Action::NewProject => self.replace_document(Document::untitled()),
            Action::OpenDialog => {
                self.dialogs
                    .start(Purpose::Open, ctx, self.doc.path().map(Path::to_path_buf));
            }
            Action::OpenPath(path) => self.open_path(ctx, &path),
            Action::OpenSample => match Document::sample() {
                Ok(doc) => self.replace_document(doc),
                Err(err) => self.error(err.to_string()),
            },
            Action::Save => match self.doc.path().map(Path::to_path_buf) {
                Some(path) => self.save_to(ctx, &path),
                None => self.apply(ctx, Action::SaveAsDialog),
            },
            Action::SaveAsDialog => {
                let suggested = self.doc.path().map(Path::to_path_buf).or_else(|| {
                    std::env::current_dir()
                        .ok()
                        .map(|d| d.join(suggested_file_name(&self.doc.project().title)))
                });
                self.dialogs.start(Purpose::SaveAs, ctx, suggested);
            }
            Action::SaveAsPath(path) => {
                // The file dialog has asked before replacing a file. What the unsaved-changes
                // prompt asked for next (`after_save`) runs once the save has finished.
                self.save_unchecked(ctx, &path);
            }
            Action::Quit => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::Edit(edit, merge) => {
                if let Err(err) = self.doc.apply(edit, merge.as_deref()) {
                    self.error(format!("The change could not be made: {err}"));
                }
            }
            Action::ImportDialog => {
                self.dialogs
                    .start(Purpose::Import, ctx, self.doc.path().map(Path::to_path_buf));
            }
            Action::ImportPath(path) => {
                self.open_import_dialog(ctx, &path);
            }
            Action::AdoptImport => {
                if let Some(doc) = self.imported.take() {
                    self.replace_document(doc);
                }
            }
            Action::ExportDialog(format) => {
                let suggested = self
                    .doc
                    .path()
                    .map(|p| p.with_extension(format.extension()));
                self.dialogs.start(Purpose::Export(format), ctx, suggested);
            }
            Action::ImageExportDialog => self.image_export.open = true,
            Action::ExportPath(format, path) => self.export_to(ctx, format, &path),
            Action::Undo => {
                let label = self.doc.undo_label().unwrap_or_default().to_owned();
                if let Err(err) = self.doc.undo() {
                    self.error(format!("Could not undo “{label}”: {err}"));
                }
            }
            Action::Redo => {
                let label = self.doc.redo_label().unwrap_or_default().to_owned();
                if let Err(err) = self.doc.redo() {
                    self.error(format!("Could not redo “{label}”: {err}"));
                }
            }
            Action::Delete(item) => self.request_delete(item),
            Action::New(kind) => self.create(kind),
            Action::GroupBy(mode) => self.timeline.set_mode(mode),
            Action::OpenPalette => self.palette.open = true,
            Action::Escape => {
                if self.forms.editing.is_some() {
                    self.forms.stop();
                } else {
                    self.selection.clear();
                }
            }
            Action::SetTheme(theme) => {
                let mut settings = self.desk.settings.clone();
                settings.theme = match theme {
                    egui::ThemePreference::Dark => crate::app::ThemeChoice::Dark,
                    egui::ThemePreference::Light => crate::app::ThemeChoice::Light,
                    egui::ThemePreference::System => crate::app::ThemeChoice::System,
                };
                self.apply(ctx, Action::SetSettings(Box::new(settings)));
            }
            Action::ShowSettings => self.desk.show_settings = true,
            Action::ShowProjectProperties => self.show_project_properties = true,
            Action::SetSettings(settings) => {
                // What the analyst sees in the window is what is kept, theme included.
                self.desk.theme_override = None;
                self.desk.settings = *settings;
                self.desk.look_active = true;
                if let Some(problem) = self.desk.store_settings() {
                    self.error(problem);
                }
            }
            Action::ClearRecent => {
                if let Some(problem) = self.desk.clear_recent() {
                    self.error(problem);
                }
            }
            Action::ShowAbout => self.show_about = true,
            Action::ShowGettingStarted => self.show_getting_started = true,
            Action::ShowLegend => self.timeline.show_legend = true,
            Action::ToggleSidePanel => {
                let panels = &mut self.desk.settings.panels;
                panels.side_open = !panels.side_open;
                if let Some(problem) = self.desk.store_settings() {
                    self.error(problem);
                }
            }
            Action::ToggleDetailsPane => self.details_dismissed = !self.details_dismissed,
            Action::FitTimeline => self.timeline.request_fit(),
        }
    }

    fn replace_document(&mut self, doc: Document) {
        // The work of the project being left was saved or discarded by the analyst.
        self.desk.forget_recovery(&mut self.tasks);
        self.doc = doc;
        self.history.clear();
        self.timeline.request_fit();
        self.restore_view();
    }

    /// Opens the project as it was last viewed: filter, selection and grouping.
    fn restore_view(&mut self) {
        let view = &self.doc.project().view;
        self.filter = view.filter.clone();
        self.selection.set_many(view.selection.iter().cloned());
        self.timeline.set_mode(view.group_by);
    }

    /// The view to save with the project.
    fn view_state(&self) -> ViewState {
        ViewState {
            filter: self.filter.clone(),
            selection: self.selection.items().to_vec(),
            group_by: self.timeline.mode(),
        }
    }

    fn error(&mut self, text: String) {
        push_error(&mut self.notices, text);
    }

    fn info(&mut self, text: String) {
        push_info(&mut self.notices, text);
    }

    /// The whole window; `App::ui` calls this, and so do the tests.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if let Some(stats) = &mut self.frame_stats {
            stats.begin_frame();
        }
        if !self.fonts_installed {
            crate::ui::fonts::install(&ctx);
            self.fonts_installed = true;
        }
        self.desk.apply_look(&ctx);
        self.forms.date_display = self.desk.date_display();
        self.desk.autosave_tick(&ctx, &self.doc, &mut self.tasks);
        let mut actions = Vec::new();

        self.drop_stale_after_save();
        if let Some((purpose, path)) = self.dialogs.poll().or_else(|| self.dialogs.prompt_ui(&ctx))
        {
            actions.push(match purpose {
                Purpose::Open => Action::OpenPath(path),
                Purpose::SaveAs => Action::SaveAsPath(path),
                Purpose::Import => Action::ImportPath(path),
                Purpose::Export(format) => Action::ExportPath(format, path),
            });
        }
        menu::shortcuts(&ctx, self.doc.is_dirty(), &mut actions);
        self.finish_tasks(&ctx);
        Self::dropped_files(&ctx, &mut actions);
        // Delete and Escape act on the selection unless a text field has the keyboard.
        if !ctx.egui_wants_keyboard_input() {
            let (delete, escape) = ctx.input(|i| {
                (
                    i.key_pressed(egui::Key::Delete),
                    i.key_pressed(egui::Key::Escape),
                )
            });
            if delete && let Some(item) = self.selection.primary() {
                actions.push(Action::Delete(item.clone()));
            }
            if escape {
                actions.push(Action::Escape);
            }
        }
        // The window's close button: ask first when there is unsaved work.
        if ctx.input(|i| i.viewport().close_requested())
            && self.doc.is_dirty()
            && !self.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending_discard = Some(Action::Quit);
        } else if ctx.input(|i| i.viewport().close_requested()) {
            // Closing with everything saved, or with the changes discarded on purpose.
            self.desk.forget_recovery(&mut self.tasks);
        }
        // The filter's result for this frame: recomputed only when the filter or the project
        // changed since the last frame.
        self.filtered.refresh(&self.doc, &self.filter);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            menu::menu_bar_ui(ui, &self.doc, &self.desk.recent, &mut actions);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            self.status_bar_ui(ui);
        });
        if !self.notices.is_empty() {
            egui::Panel::top("notices").show(ui, |ui| notices_ui(ui, &mut self.notices));
        }
        egui::Panel::top("filter_bar").show(ui, |ui| {
            ui.add_space(2.0);
            filter_bar_ui(
                ui,
                &mut self.filter_bar,
                &self.doc,
                &self.filtered,
                &mut actions,
            );
            ui.add_space(2.0);
        });
        self.side_panel_ui(ui, &mut actions);
        self.details_pane_ui(ui, &mut actions);
        let central = egui::Frame::new().fill(ui.visuals().panel_fill);
        egui::CentralPanel::no_frame()
            .frame(central)
            .show(ui, |ui| {
                let date_display = self.desk.date_display();
                let cx = PanelContext {
                    doc: &self.doc,
                    selection: &self.selection,
                    links: &self.links,
                    filtered: &self.filtered,
                    date_display: &date_display,
                };
                timeline_ui(ui, &mut self.timeline, &cx, &mut actions);
            });
        if self.show_about {
            about::about_window(&ctx, &mut self.show_about);
        }
        if self.show_getting_started {
            crate::ui::getting_started::getting_started_window(
                &ctx,
                &mut self.show_getting_started,
            );
        }
        let properties_were_open = self.show_project_properties;
        if self.show_project_properties {
            crate::ui::project_form::project_properties_ui(
                &ctx,
                &mut self.show_project_properties,
                &self.doc,
                &mut self.forms,
                &mut actions,
            );
        }
        let recent = if self.palette.open {
            crate::ui::palette::recent_commands(&self.desk.recent)
        } else {
            Vec::new()
        };
        if let Some(action) = crate::ui::palette::palette_ui(&ctx, &mut self.palette, recent) {
            actions.push(action);
        }
        if let Some(path) = self.pending_import.take() {
            self.open_import_dialog(&ctx, &path);
        }
        self.import_ui(&ctx, &mut actions);
        if let Some(format) = self.image_export.ui(&ctx) {
            actions.push(Action::ExportDialog(format));
        }
        self.import_report_ui(&ctx);
        if self.desk.show_settings {
            let mut open = true;
            // The theme on screen, which `--theme` may have chosen for this run.
            let mut shown = self.desk.settings.clone();
            shown.theme = self.desk.theme_override.unwrap_or(shown.theme);
            if let Some(settings) = crate::ui::settings_window::settings_window_ui(
                &ctx,
                &mut open,
                &mut self.desk.settings_form,
                &shown,
                self.desk.config_dir.as_deref(),
            ) {
                actions.push(Action::SetSettings(Box::new(settings)));
            }
            self.desk.show_settings = open;
        }
        self.unsaved_prompt(&ctx);
        self.delete_prompt(&ctx);
        self.overwrite_prompt(&ctx);
        self.restore_prompt(&ctx);

        // One undo step per field focus: the keyboard focus moving ends a typing burst
        // (before this frame's edits, which belong to the field that has the focus now).
        if self.forms.focus_moved(&ctx) {
            self.doc.close_merge();
        }
        for action in actions {
            self.apply(&ctx, action);
        }
        // One step per dialog: what is typed after reopening it is a new step.
        if properties_were_open && !self.show_project_properties {
            self.doc.close_merge();
        }
        if let Some(notice) = self.doc.take_history_notice() {
            self.info(notice);
        }
        let key = (self.selection.clone(), self.doc.revision());
        if self.links_for.as_ref() != Some(&key) {
            // After an edit of a few events (a keystroke), only those are asked again.
            let replaced = match &self.links_for {
                Some((selection, (instance, generation)))
                    if *selection == self.selection && *instance == key.1.0 =>
                {
                    self.doc.replaced_since(*generation)
                }
                _ => None,
            };
            if let Some(replaced) = replaced {
                let changed: Vec<u32> = replaced.iter().map(|(i, _)| *i).collect();
                self.links
                    .follow(self.doc.project(), &self.selection, &changed);
            } else {
                self.links = SelectionLinks::compute(self.doc.project(), &self.selection);
            }
            self.links_for = Some(key);
        }
        let title = self.doc.window_title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
        if let Some(stats) = &mut self.frame_stats {
            stats.end_frame();
            // egui repaints only on input; measuring, the app repaints without pause, so
            // that the logged rate is what this machine can draw, not how often input came.
            ctx.request_repaint();
        }
    }

    /// Counts, events in view and the file on the left; running work, Legend and Getting
    /// started on the right. The right-hand part is drawn at its full width; the counts and
    /// the path give way (truncated, then hidden) when the window is too narrow for all,
    /// so that nothing overlaps at 1024 px with an export running.
    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let p = self.doc.project();
            let list = self.timeline.last_layout();
            let counts = [
                count(p.events.len(), "event", "events"),
                count(p.actors.len(), "actor", "actors"),
                count(p.locations.len(), "location", "locations"),
                count(p.positions.len(), "position", "positions"),
                count(p.claims.len(), "claim", "claims"),
            ]
            .join(" · ");
            let in_view = count(self.timeline.events_in_view(), "event", "events");
            let in_view = if list.is_aggregated() {
                format!("{in_view} in view (density)")
            } else {
                format!("{in_view} in view")
            };
            let gap = ui.spacing().item_spacing.x;
            let text_width = |ui: &egui::Ui, text: &str| {
                let font = egui::TextStyle::Body.resolve(ui.style());
                ui.painter()
                    .layout_no_wrap(text.to_owned(), font, egui::Color32::PLACEHOLDER)
                    .size()
                    .x
            };
            // A separator takes its own width and a gap on each side.
            let separator_width = 1.0 + 2.0 * gap;
            let room_for_counts = ui.available_width()
                - self.status_right_width
                - separator_width
                - text_width(ui, &in_view)
                - 2.0 * gap;
            // Under 60 px a truncated count says nothing ("5 eve…"): hidden instead.
            if room_for_counts > 60.0 {
                ui.scope(|ui| {
                    ui.set_max_width(room_for_counts);
                    ui.add(egui::Label::new(counts.as_str()).truncate())
                        .on_hover_text(counts.as_str());
                });
                ui.separator();
            }
            ui.label(in_view);
            if let Origin::File(path) = self.doc.origin() {
                let room = ui.available_width() - self.status_right_width - separator_width - gap;
                // 80 px shows a short file name; less is noise.
                if room > 80.0 {
                    ui.separator();
                    let path = path.display().to_string();
                    ui.scope(|ui| {
                        ui.set_max_width(room);
                        ui.add(egui::Label::new(egui::RichText::new(&path).weak()).truncate())
                            .on_hover_text(path);
                    });
                }
            }
            let right = ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .small_button("? Getting started")
                    .on_hover_text("What the marks and grades mean, and what to try first (F1)")
                    .clicked()
                {
                    self.show_getting_started = true;
                }
                ui.toggle_value(&mut self.timeline.show_legend, "Legend")
                    .on_hover_text("What the colours, outlines and fades of the marks mean");
                self.tasks.status_ui(ui);
            });
            let width = right.response.rect.width();
            if (width - self.status_right_width).abs() > 0.5 {
                self.status_right_width = width;
                ui.ctx().request_repaint();
            }
        });
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

impl eframe::App for DetenteApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if let Some(stats) = &mut self.frame_stats {
            stats.record_integration(frame.info().cpu_usage);
        }
        DetenteApp::ui(self, ui);
    }
}
