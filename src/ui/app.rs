//! The app window: menu, side panels, timeline, details, and the actions they emit.

use std::path::{Path, PathBuf};

use crate::app::{Document, Origin, Selection, SelectionLinks};
use crate::ui::actions::Action;
use crate::ui::file_dialog::{FileDialogs, Purpose};
use crate::ui::frame_stats::FrameStats;
use crate::ui::map::MapState;
use crate::ui::panels::{self, SideTab};
use crate::ui::timeline::{TimelineState, timeline_ui};
use crate::ui::{details, menu};

/// A message shown under the menu until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

pub struct DetenteApp {
    doc: Document,
    selection: Selection,
    /// What the selection reaches, and the selection and document it was computed for.
    links: SelectionLinks,
    links_for: Option<(Selection, (u64, u64))>,
    timeline: TimelineState,
    map: MapState,
    side_tab: SideTab,
    notices: Vec<Notice>,
    dialogs: FileDialogs,
    show_about: bool,
    frame_stats: Option<FrameStats>,
    last_title: String,
    fonts_installed: bool,
}

impl DetenteApp {
    /// Opens `file`, or the sample when there is none. A file that fails to load leaves an
    /// empty project open and says why.
    pub fn new(file: Option<&Path>) -> Self {
        let mut notices = Vec::new();
        let doc = match file {
            Some(path) => Document::open(path).unwrap_or_else(|err| {
                notices.push(Notice {
                    text: err.to_string(),
                    is_error: true,
                });
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
        Self {
            doc,
            selection: Selection::default(),
            links: SelectionLinks::default(),
            links_for: None,
            timeline: TimelineState::default(),
            map: MapState::default(),
            side_tab: SideTab::default(),
            notices,
            dialogs: FileDialogs::default(),
            show_about: false,
            frame_stats: None,
            last_title: String::new(),
            fonts_installed: false,
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
        match action {
            Action::Select(item) => self.selection.set(item),
            Action::ToggleSelect(item) => self.selection.toggle(item),
            Action::SelectMany(items) => self.selection.set_many(items),
            Action::ClearSelection => self.selection.clear(),
            Action::NewProject => self.replace_document(Document::untitled()),
            Action::OpenDialog => {
                self.dialogs
                    .start(Purpose::Open, ctx, self.doc.path().map(Path::to_path_buf));
            }
            Action::OpenPath(path) => self.open_path(&path),
            Action::OpenSample => match Document::sample() {
                Ok(doc) => self.replace_document(doc),
                Err(err) => self.error(err.to_string()),
            },
            Action::Save => match self.doc.path().map(Path::to_path_buf) {
                Some(path) => self.save_to(&path),
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
            Action::SaveAsPath(path) => self.save_to(&path),
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::SetTheme(theme) => ctx.set_theme(theme),
            Action::ShowAbout => self.show_about = true,
            Action::FitTimeline => self.timeline.request_fit(),
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.selection.clear();
        self.timeline.request_fit();
    }

    fn open_path(&mut self, path: &Path) {
        // A failed load changes nothing: the open project stays as it was.
        match Document::open(path) {
            Ok(doc) => {
                self.replace_document(doc);
                self.info(format!("Opened {}", path.display()));
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    fn save_to(&mut self, path: &Path) {
        match self.doc.save_as(path) {
            Ok(()) => self.info(format!("Saved {}", path.display())),
            Err(err) => self.error(err.to_string()),
        }
    }

    fn error(&mut self, text: String) {
        self.notices.push(Notice {
            text,
            is_error: true,
        });
    }

    fn info(&mut self, text: String) {
        // Only the latest confirmation is worth keeping on screen.
        self.notices.retain(|n| n.is_error);
        self.notices.push(Notice {
            text,
            is_error: false,
        });
    }

    fn notices_ui(&mut self, ui: &mut egui::Ui) {
        let mut dismissed = None;
        for (i, notice) in self.notices.iter().enumerate() {
            let visuals = ui.visuals();
            let (fill, stroke) = if notice.is_error {
                (
                    visuals.error_fg_color.gamma_multiply(0.15),
                    visuals.error_fg_color,
                )
            } else {
                (
                    visuals.selection.bg_fill.gamma_multiply(0.3),
                    visuals.selection.stroke.color,
                )
            };
            egui::Frame::new()
                .fill(fill)
                .stroke(egui::Stroke::new(1.0, stroke))
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_top(|ui| {
                        // The message takes the width the button leaves (90 pt fits "Dismiss").
                        let text_width = (ui.available_width() - 90.0).max(100.0);
                        egui::ScrollArea::vertical()
                            .max_height(120.0)
                            .max_width(text_width)
                            .auto_shrink([false, true])
                            .id_salt(("notice", i))
                            .show(ui, |ui| {
                                ui.add(egui::Label::new(&notice.text).selectable(true).wrap());
                            });
                        if ui.button("Dismiss").clicked() {
                            dismissed = Some(i);
                        }
                    });
                });
        }
        if let Some(i) = dismissed {
            self.notices.remove(i);
        }
    }

    fn about_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.show_about;
        egui::Window::new("About Detente").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
            ui.heading("Detente");
            ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
            ui.label("A desktop timeline viewer for analysts who follow diplomacy.");
            ui.add_space(6.0);
            ui.strong("Credits");
            ui.label("Sample project modelled on a Xinhua report of 18 December 2025, citing Politico and Ukrinform.");
            ui.label("Map: Natural Earth (public domain). Made with Natural Earth.");
            ui.label("City gazetteer: GeoNames (geonames.org, CC BY 4.0).");
            ui.label("EDTF dates parsed with the edtf crate (MPL-2.0); time zones by jiff.");
            ui.label("Built with egui and eframe.");
        });
        self.show_about = open;
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
        let mut actions = Vec::new();

        if let Some((purpose, path)) = self.dialogs.poll().or_else(|| self.dialogs.prompt_ui(&ctx))
        {
            actions.push(match purpose {
                Purpose::Open => Action::OpenPath(path),
                Purpose::SaveAs => Action::SaveAsPath(path),
            });
        }
        menu::shortcuts(&ctx, &mut actions);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            menu::menu_bar_ui(ui, &self.doc, &mut actions);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            self.status_bar_ui(ui);
        });
        if !self.notices.is_empty() {
            egui::Panel::top("notices").show(ui, |ui| self.notices_ui(ui));
        }
        let width = ui.available_width();
        // Side panels take about a quarter of the window each, within readable limits.
        let side_width = (width * 0.25).clamp(230.0, 420.0);
        egui::Panel::left("side_panel")
            .resizable(true)
            .default_size(side_width)
            .size_range(200.0..=width * 0.45)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for tab in SideTab::ALL {
                        ui.selectable_value(&mut self.side_tab, tab, tab.label());
                    }
                });
                ui.separator();
                match self.side_tab {
                    SideTab::Participants => {
                        panels::participants_ui(
                            ui,
                            &self.doc,
                            &self.selection,
                            &self.links,
                            &mut actions,
                        );
                    }
                    SideTab::Locations => {
                        // Every location passes until the lead wires the shared filter in.
                        let visible = vec![true; self.doc.project().locations.len()];
                        panels::locations_ui(
                            ui,
                            &self.doc,
                            &visible,
                            &self.selection,
                            &self.links,
                            &mut self.map,
                            &mut actions,
                        );
                    }
                    SideTab::Positions => {
                        panels::positions_ui(ui, &self.doc, &self.selection, &mut actions);
                    }
                }
            });
        egui::Panel::right("details_panel")
            .resizable(true)
            .default_size(side_width)
            .size_range(200.0..=width * 0.45)
            .show(ui, |ui| {
                ui.add_space(4.0);
                details::details_ui(ui, &self.doc, &self.selection, &mut actions);
            });
        let central = egui::Frame::new().fill(ui.visuals().panel_fill);
        egui::CentralPanel::no_frame()
            .frame(central)
            .show(ui, |ui| {
                timeline_ui(
                    ui,
                    &mut self.timeline,
                    &self.doc,
                    &self.selection,
                    &mut actions,
                );
            });
        if self.show_about {
            self.about_ui(&ctx);
        }

        for action in actions {
            self.apply(&ctx, action);
        }
        let key = (self.selection.clone(), self.doc.revision());
        if self.links_for.as_ref() != Some(&key) {
            self.links = SelectionLinks::compute(self.doc.project(), &self.selection);
            self.links_for = Some(key);
        }
        let title = self.doc.window_title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
        if let Some(stats) = &mut self.frame_stats {
            stats.end_frame();
        }
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let p = self.doc.project();
            let list = self.timeline.last_layout();
            ui.label(format!(
                "{} events · {} actors · {} locations · {} positions · {} claims",
                p.events.len(),
                p.actors.len(),
                p.locations.len(),
                p.positions.len(),
                p.claims.len()
            ));
            ui.separator();
            if list.is_aggregated() {
                ui.label(format!("{} in view (density)", list.num_visible));
            } else {
                ui.label(format!("{} in view", list.num_visible));
            }
            if let Origin::File(path) = self.doc.origin() {
                ui.separator();
                ui.weak(path.display().to_string());
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
