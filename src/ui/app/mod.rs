//! The app window: menu, side panels, timeline, details, and the actions they emit.

mod as_of;
mod desk;
mod effects;
mod panes;
mod prompts;
mod saving;
mod transfer;

use std::path::{Path, PathBuf};

use crate::app::{Document, FilteredView, Origin, Selection, SelectionLinks, Session};
use crate::model::{Filter, count};
use crate::ui::actions::Action;
use crate::ui::file_dialog::{FileDialogs, Purpose};
use crate::ui::filter_bar::{FilterBarState, filter_bar_ui};
use crate::ui::frame_stats::FrameStats;
use crate::ui::notices::{Notice, notices_ui, push_error, push_info};
use crate::ui::panels::{PanelContext, PanelsState, SideTab};
use crate::ui::timeline::{TimelineState, timeline_ui};
use crate::ui::{about, menu};

pub struct DetenteApp {
    /// The project, the selection and the filter, and the commands that change them.
    session: Session,
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
    notices: Vec<Notice>,
    dialogs: FileDialogs,
    windows: Windows,
    /// An action to run once the Save As that the prompt asked for has succeeded.
    after_save: Option<Action>,
    /// A save is running on a background thread.
    saving: bool,
    /// Save asked for while one ran: started when it ends.
    save_next: Option<PathBuf>,
    frame_stats: Option<FrameStats>,
    chrome: Chrome,
    /// Settings, recent files, autosave and recovery, changes on disk.
    desk: desk::Desk,
    as_of_bar: crate::ui::as_of_bar::AsOfBarState,
    /// The projection "as of" a day running in the background, if any.
    as_of_task: Option<crate::app::TaskId>,
    /// Article intake's input and review dialogs (issue 14).
    intake: crate::ui::intake::IntakeState,
}

/// The small windows and panes the analyst opens and closes.
#[derive(Default)]
struct Windows {
    about: bool,
    getting_started: bool,
    project_properties: bool,
    /// The analyst closed the details pane; the next selection opens it again.
    details_dismissed: bool,
    /// The report of the last import, until its window is closed.
    import_report: Option<String>,
    /// "Record report…" on an event (issue 13).
    report: crate::ui::forms::ReportDialog,
}

/// What the window's frame remembers between frames.
#[derive(Default)]
struct Chrome {
    last_title: String,
    /// The width the status bar's right-hand part (running work, Legend, Getting started)
    /// took in the last frame: what the left-hand labels leave free.
    status_right_width: f32,
    fonts_installed: bool,
    /// The side panel's and the details pane's widths when the pointer went down: a width
    /// that differs at release was dragged, and is kept.
    pane_widths_at_press: (Option<f32>, Option<f32>),
}

impl DetenteApp {
    /// Opens `file`, or the sample when there is none. A file in another tool's format
    /// (a TimelineJS sheet, a GDELT export, …) opens the import dialog on an empty project;
    /// any other file that fails to load leaves an empty project open and says why.
    pub fn new(file: Option<&Path>) -> Self {
        let mut notices = Vec::new();
        let mut pending_import = None;
        let mut doc = match file {
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
        if let Some(text) = doc.take_upgrade_notice() {
            notices.push(Notice {
                text,
                is_error: false,
            });
        }
        let mut app = Self {
            session: Session::new(doc),
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
            notices,
            dialogs: FileDialogs::default(),
            windows: Windows::default(),
            after_save: None,
            saving: false,
            save_next: None,
            frame_stats: None,
            chrome: Chrome::default(),
            desk: desk::Desk::default(),
            as_of_bar: Default::default(),
            as_of_task: None,
            intake: Default::default(),
        };
        app.restore_view();
        app
    }

    /// Shows `doc` (a generated or imported project) instead of the sample: benches and tests.
    pub fn from_document(doc: Document) -> Self {
        let mut app = Self::new(None);
        app.session = Session::new(doc);
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
        if let Some(path) = app.doc().path().map(Path::to_path_buf)
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
        if let Some(problem) = self.desk.autosave_now(self.session.document()) {
            self.error(problem);
        }
    }

    /// Where the log is (Help ▸ About shows it). A crash report the last run left is told
    /// about once, above the recovery prompt that offers its unsaved work.
    #[must_use]
    pub fn with_log_place(mut self, place: crate::app::logging::LogPlace) -> Self {
        if let Some(report) = place
            .dir
            .as_deref()
            .and_then(crate::app::crash::take_pending_report)
        {
            log::warn!("the last run crashed; its report is {}", report.display());
            self.error(crate::app::crash::crash_notice(&report));
        }
        self.desk.log_place = place;
        self
    }

    #[must_use]
    pub fn with_frame_stats(mut self, enabled: bool) -> Self {
        self.frame_stats = enabled.then(FrameStats::default);
        self
    }

    pub fn document(&self) -> &Document {
        self.session.document()
    }

    fn doc(&self) -> &Document {
        self.session.document()
    }

    /// The project's save bookkeeping; its edits go through [`DetenteApp::apply`].
    fn doc_mut(&mut self) -> &mut Document {
        self.session.document_mut()
    }

    /// The controller the commands run in: tests and scripts.
    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn selection(&self) -> &Selection {
        self.session.selection()
    }

    pub fn timeline(&self) -> &TimelineState {
        &self.timeline
    }

    pub fn timeline_mut(&mut self) -> &mut TimelineState {
        &mut self.timeline
    }

    pub fn filter(&self) -> &Filter {
        self.session.filter()
    }

    /// Replaces the filter, as the filter bar does; every view follows on the next frame.
    pub fn set_filter(&mut self, filter: Filter) {
        self.session.run(Action::SetFilter(filter));
    }

    pub fn filtered(&self) -> &FilteredView {
        self.session.filtered()
    }

    pub fn links(&self) -> &SelectionLinks {
        self.session.links()
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

    /// Article intake's dialogs: which is open, and what "Add to project" accepts with
    /// (tests give a stand-in for the accept stage).
    pub fn intake_mut(&mut self) -> &mut crate::ui::intake::IntakeState {
        &mut self.intake
    }

    pub fn intake(&self) -> &crate::ui::intake::IntakeState {
        &self.intake
    }

    /// Runs a command from the UI in the session, then does what it asks of the window.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        // A new selection, or a new entity's form, opens the details the analyst closed.
        if action.selects() {
            self.windows.details_dismissed = false;
        }
        // A new event goes to the day in the middle of the timeline.
        let looking_at = self
            .timeline
            .view()
            .map(|v| (v.start_secs + v.end_secs()).div_euclid(2.0) as crate::model::TimeSecs);
        self.session.set_looking_at(looking_at);
        for effect in self.session.run(action) {
            self.carry_out(ctx, effect);
        }
    }

    /// Shows another project (opened, restored, imported).
    fn replace_document(&mut self, ctx: &egui::Context, doc: Document) {
        for effect in self.session.replace_document(doc) {
            self.carry_out(ctx, effect);
        }
    }

    /// Opens the project as it was last viewed: the session took its filter and selection,
    /// the timeline takes its grouping.
    fn restore_view(&mut self) {
        self.timeline
            .set_mode(self.session.document().project().view.group_by);
    }

    /// The view to save with the project.
    fn view_state(&self) -> crate::model::ViewState {
        self.session.view_state(self.timeline.mode())
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
        self.begin_frame(&ctx);
        let mut actions = self.input_commands(&ctx);
        // The filter's result for this frame: recomputed only when the filter or the project
        // changed since the last frame.
        self.session.refresh_filtered();
        self.panels_ui(ui, &mut actions);
        let properties_were_open = self.windows.project_properties;
        self.windows_ui(&ctx, &mut actions);
        self.unsaved_prompt(&ctx);
        self.delete_prompt(&ctx);
        self.overwrite_prompt(&ctx);
        self.restore_prompt(&ctx);

        // One undo step per field focus: the keyboard focus moving ends a typing burst
        // (before this frame's edits, which belong to the field that has the focus now).
        if self.forms.focus_moved(&ctx) {
            self.doc_mut().close_merge();
        }
        for action in actions {
            self.apply(&ctx, action);
        }
        // One step per dialog: what is typed after reopening it is a new step.
        if properties_were_open && !self.windows.project_properties {
            self.doc_mut().close_merge();
        }
        self.end_frame(&ctx);
    }

    /// Frame statistics, fonts, the look the settings ask for, autosave.
    fn begin_frame(&mut self, ctx: &egui::Context) {
        if let Some(stats) = &mut self.frame_stats {
            stats.begin_frame();
        }
        #[cfg(debug_assertions)]
        crash_on_purpose(ctx);
        if !self.chrome.fonts_installed {
            crate::ui::fonts::install(ctx);
            self.chrome.fonts_installed = true;
        }
        self.desk.apply_look(ctx);
        self.forms.date_display = self.desk.date_display();
        self.desk
            .autosave_tick(ctx, self.session.document(), &mut self.tasks);
    }

    /// What arrived outside the panels: chosen files, shortcuts, finished background work,
    /// dropped files, the window's close button.
    fn input_commands(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        self.drop_stale_after_save();
        if let Some((purpose, path)) = self.dialogs.poll().or_else(|| self.dialogs.prompt_ui(ctx)) {
            actions.push(match purpose {
                Purpose::Open => Action::OpenPath(path),
                Purpose::SaveAs => Action::SaveAsPath(path),
                Purpose::Import | Purpose::ImportFolder => Action::ImportPath(path),
                Purpose::Export(format) => Action::ExportPath(format, path),
                Purpose::Report => Action::AddReportFile(path),
            });
        }
        let enabled = self.command_context();
        menu::shortcuts(ctx, enabled, &mut actions);
        self.finish_tasks(ctx);
        Self::dropped_files(ctx, &mut actions);
        // The window's close button: ask first when there is unsaved work.
        let close_requested = ctx.input(|i| i.viewport().close_requested());
        if close_requested && self.session.asks_before_closing() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            // Waits for Save / Discard / Cancel, asked in this frame.
            self.apply(ctx, Action::Quit);
        } else if close_requested {
            // Closing with everything saved, or with the changes discarded on purpose.
            self.desk.forget_recovery(&mut self.tasks);
        }
        actions
    }

    /// What the command table's "enabled when" reads.
    fn command_context(&self) -> crate::app::command_table::CommandContext {
        let doc = self.session.document();
        // As of a day the project is read-only.
        let editable = self.session.as_of_wanted().is_none();
        crate::app::command_table::CommandContext {
            can_undo: editable && doc.undo_label().is_some(),
            can_redo: editable && doc.redo_label().is_some(),
            has_selection: self.session.selection().primary().is_some(),
            can_go_back: self.session.history().can_go_back(),
            can_go_forward: self.session.history().can_go_forward(),
            one_event_selected: self.session.selection().items().len() == 1
                && matches!(
                    self.session.selection().primary(),
                    Some(crate::app::Selected::Event(_))
                ),
        }
    }

    /// Menu bar, status bar, notices, filter bar, side panel, details and the timeline.
    fn panels_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let enabled = self.command_context();
        egui::Panel::top("menu_bar").show(ui, |ui| {
            menu::menu_bar_ui(
                ui,
                self.session.document(),
                enabled,
                &self.desk.recent,
                actions,
            );
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
                self.session.view_document(),
                self.session.filtered(),
                actions,
            );
            ui.add_space(2.0);
        });
        self.as_of_bar_ui(ui, actions);
        self.side_panel_ui(ui, actions);
        self.details_pane_ui(ui, actions);
        let central = egui::Frame::new().fill(ui.visuals().panel_fill);
        egui::CentralPanel::no_frame()
            .frame(central)
            .show(ui, |ui| {
                let date_display = self.desk.date_display();
                let cx = panel_context(&self.session, &date_display);
                timeline_ui(ui, &mut self.timeline, &cx, actions);
            });
    }

    /// About, Getting started, project properties, the palette, import and export dialogs,
    /// the import report and the settings.
    fn windows_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if self.windows.about
            && let Some(problem) =
                about::about_window(ctx, &mut self.windows.about, &self.desk.log_place)
        {
            self.error(problem);
        }
        if self.windows.getting_started {
            crate::ui::getting_started::getting_started_window(
                ctx,
                &mut self.windows.getting_started,
            );
        }
        if self.windows.project_properties {
            crate::ui::project_form::project_properties_ui(
                ctx,
                &mut self.windows.project_properties,
                self.session.document(),
                &mut self.forms,
                actions,
            );
        }
        let recent = if self.palette.open {
            crate::ui::palette::recent_commands(&self.desk.recent)
        } else {
            Vec::new()
        };
        let enabled = self.command_context();
        if let Some(action) =
            crate::ui::palette::palette_ui(ctx, &mut self.palette, enabled, recent)
        {
            actions.push(action);
        }
        if let Some(path) = self.pending_import.take() {
            self.open_import_dialog(ctx, &path);
        }
        self.import_ui(ctx);
        if let Some(format) = self.image_export.ui(ctx) {
            actions.push(Action::ExportDialog(format));
        }
        self.import_report_ui(ctx);
        self.settings_ui(ctx, actions);
        let doc = self.session.document();
        self.windows.report.ui(
            ctx,
            doc.project(),
            doc.lookup(),
            &self.forms.date_display,
            actions,
        );
        let read_only = self.session.as_of_wanted().is_some();
        self.intake.ui(
            ctx,
            &crate::ui::intake::IntakeContext {
                doc: self.session.document(),
                date_display: &self.forms.date_display,
                read_only,
            },
            actions,
        );
    }

    fn settings_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if !self.desk.show_settings {
            return;
        }
        let mut open = true;
        // The theme on screen, which `--theme` may have chosen for this run.
        let mut shown = self.desk.settings.clone();
        shown.theme = self.desk.theme_override.unwrap_or(shown.theme);
        if let Some(settings) = crate::ui::settings_window::settings_window_ui(
            ctx,
            &mut open,
            &mut self.desk.settings_form,
            &shown,
            self.desk.config_dir.as_deref(),
        ) {
            actions.push(Action::SetSettings(Box::new(settings)));
        }
        self.desk.show_settings = open;
    }

    /// Notices of the history, the selection's links, the window title, frame statistics.
    fn end_frame(&mut self, ctx: &egui::Context) {
        if let Some(notice) = self.doc_mut().take_history_notice() {
            self.info(notice);
        }
        self.session.refresh_links();
        let title = self.window_title();
        if title != self.chrome.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.chrome.last_title = title;
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
            let p = self.session.view_document().project();
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
            let text_width = crate::ui::tasks::text_width;
            // A separator takes its own width and a gap on each side.
            let separator_width = 1.0 + 2.0 * gap;
            // Running tasks may take what the events in view and the two buttons on the
            // right leave: before the counts and the file's path, which give way to them.
            let buttons_width = text_width(ui, HELP_BUTTON)
                + text_width(ui, LEGEND_BUTTON)
                + 4.0 * ui.spacing().button_padding.x
                + 2.0 * gap;
            let tasks_budget = ui.available_width()
                - text_width(ui, &in_view)
                - buttons_width
                - 2.0 * separator_width
                - 2.0 * gap;
            let room_for_counts = ui.available_width()
                - self.chrome.status_right_width
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
            let in_view_label = ui.label(in_view);
            if list.is_aggregated() {
                in_view_label.on_hover_text(
                    "Too many events to show one by one. Bars: how many begin at each point; \
                     pale shade behind them: how many are under way there.",
                );
            }
            if let Origin::File(path) = self.doc().origin() {
                let room =
                    ui.available_width() - self.chrome.status_right_width - separator_width - gap;
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
                    .small_button(HELP_BUTTON)
                    .on_hover_text("What the marks and grades mean, and what to try first (F1)")
                    .clicked()
                {
                    self.windows.getting_started = true;
                }
                ui.toggle_value(&mut self.timeline.show_legend, LEGEND_BUTTON)
                    .on_hover_text("What the colours, outlines and fades of the marks mean");
                self.tasks.status_ui(ui, tasks_budget);
            });
            let width = right.response.rect.width();
            if (width - self.chrome.status_right_width).abs() > 0.5 {
                self.chrome.status_right_width = width;
                ui.ctx().request_repaint();
            }
        });
    }
}

/// The status bar's two buttons on the right.
const HELP_BUTTON: &str = "? Getting started";
const LEGEND_BUTTON: &str = "Legend";

/// What the panels read of the session.
fn panel_context<'a>(
    session: &'a Session,
    date_display: &'a crate::app::DateDisplay,
) -> PanelContext<'a> {
    PanelContext {
        doc: session.view_document(),
        selection: session.selection(),
        links: session.links(),
        filtered: session.filtered(),
        date_display,
        read_only: session.as_of_wanted().is_some(),
    }
}

impl eframe::App for DetenteApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if let Some(stats) = &mut self.frame_stats {
            stats.record_integration(frame.info().cpu_usage);
        }
        DetenteApp::ui(self, ui);
    }
}

/// Debug builds: Ctrl+Alt+Shift+F12 panics, to try the crash report and the recovery file
/// from the real window (a chord no one presses by chance).
#[cfg(debug_assertions)]
fn crash_on_purpose(ctx: &egui::Context) {
    let chord = egui::Modifiers::CTRL | egui::Modifiers::ALT | egui::Modifiers::SHIFT;
    let pressed = ctx.input_mut(|i| i.consume_key(chord, egui::Key::F12));
    assert!(
        !pressed,
        "Ctrl+Alt+Shift+F12: a panic on purpose (debug builds only)"
    );
}
