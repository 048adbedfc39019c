//! File ▸ Add report…: the report's text (pasted, or read from a .txt, .html or .md file),
//! the outlet that published it, its publication date (asked, never guessed: every relative
//! date is read against it), its time zone and URL. Propose reads it and opens the review.

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use jiff::civil;

use crate::app::intake_review::{
    MAX_REPORT_BYTES, ReportInput, Review, first_relative_words, found_in_text,
};
use crate::geo::Gazetteer;
use crate::intake::article::InputKind;
use crate::intake::{Article, Proposals};
use crate::model::{DateSpec, Project};
use crate::ui::forms::{FormState, date_field_ui, field_error, hint, row, text_row};
use crate::ui::intake::{IntakeContext, window_size};

/// Proposing is fast (≤ 100 ms for 2,000 words, ~12 KB, in release); a text over 64 KB is
/// read on a thread so that the window keeps drawing meanwhile.
const INLINE_PROPOSE_BYTES: usize = 64 * 1024;

/// The outlet list's choice.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outlet {
    Unchosen,
    /// One of the project's sources, by name.
    Known(String),
    /// A source the project does not have yet, named in the field beside the list.
    New,
}

/// What the dialog asks of the app this frame.
pub enum Outcome {
    Open,
    /// "Open file…": the app's file dialog.
    ChooseFile,
    Close,
    /// Propose was pressed and the proposals are ready.
    Review(Box<Review>),
}

/// The dialog's state, kept while its proposals are reviewed ("Back to the text").
pub struct InputDialog {
    text: String,
    outlet: Outlet,
    new_outlet: String,
    /// The date field's value and draft.
    published: Option<DateSpec>,
    form: FormState,
    time_zone: String,
    url: String,
    /// Where the text came from ("seed_report.txt, 3.1 KB").
    origin: Option<String>,
    /// Text, HTML or Markdown, from the file's extension.
    kind: InputKind,
    /// What the dialog filled in from the text itself ("Publication date read from the
    /// text's dateline"), so that nothing is taken silently.
    found: Option<String>,
    /// Why Propose did nothing, or why a file could not be read.
    message: Option<String>,
    /// Proposals being read on a thread, for a long text.
    pending: Option<Receiver<(Article, Proposals)>>,
    /// The project's sources, for the outlet list.
    sources: Vec<String>,
}

impl InputDialog {
    pub fn new(project: &Project) -> Self {
        let mut sources: Vec<String> = project.sources.iter().map(|s| s.name.clone()).collect();
        sources.sort_by_key(|s| s.to_lowercase());
        sources.dedup();
        Self {
            text: String::new(),
            outlet: Outlet::Unchosen,
            new_outlet: String::new(),
            published: None,
            form: FormState::default(),
            time_zone: String::new(),
            url: String::new(),
            origin: None,
            kind: InputKind::Text,
            found: None,
            message: None,
            pending: None,
            sources,
        }
    }

    /// Fills the text from a report file; a file that is not a report's text leaves the
    /// text as it was and says why.
    pub fn load_file(&mut self, path: &Path) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        // A file four times the limit is not read at all: it is not one report.
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        if size > (4 * MAX_REPORT_BYTES) as u64 {
            self.message = Some(format!(
                "{name} is {:.1} MB: a report is at most {} MB.",
                size as f64 / 1e6,
                MAX_REPORT_BYTES / (1024 * 1024)
            ));
            return;
        }
        let text = crate::io::read_import_bytes(path)
            .map_err(|err| format!("{name} could not be read: {err}"))
            .and_then(|bytes| crate::app::intake_review::report_text(&bytes, &name));
        match text {
            Ok(text) => {
                self.origin = Some(format!(
                    "Read from {name} ({:.1} KB)",
                    text.len() as f64 / 1e3
                ));
                self.text = text;
                self.kind = InputKind::of_path(path);
                self.message = None;
                self.fill_from_text();
            }
            Err(problem) => self.message = Some(problem),
        }
    }

    /// Fills what the analyst has not given from what the text says of itself: the
    /// publication date (a dateline, the page's metadata), the outlet, the URL and the time
    /// zone. Only empty fields are filled, and the dialog says what was taken from the text.
    fn fill_from_text(&mut self) {
        let Some(found) = found_in_text(&self.text, self.kind) else {
            return;
        };
        let mut taken = Vec::new();
        if self.published.is_none()
            && let Some(day) = found.published
            && let Ok(spec) = DateSpec::parse(&day.to_string())
        {
            self.published = Some(spec);
            taken.push("publication date");
        }
        if self.outlet == Outlet::Unchosen
            && let Some(outlet) = found.outlet
        {
            let known = self
                .sources
                .iter()
                .find(|s| s.eq_ignore_ascii_case(outlet.trim()));
            self.outlet = if let Some(name) = known {
                Outlet::Known(name.clone())
            } else {
                self.new_outlet = outlet;
                Outlet::New
            };
            taken.push("outlet");
        }
        if self.url.trim().is_empty()
            && let Some(url) = found.url
        {
            self.url = url;
            taken.push("URL");
        }
        if self.time_zone.trim().is_empty()
            && let Some(zone) = found.time_zone
        {
            self.time_zone = zone;
            taken.push("time zone");
        }
        if !taken.is_empty() {
            self.found = Some(format!(
                "Read from the text itself: {}. Check them before proposing.",
                taken.join(", ")
            ));
        }
    }

    fn input(&self) -> ReportInput {
        let outlet = match &self.outlet {
            Outlet::Unchosen => None,
            Outlet::Known(name) => Some(name.clone()),
            Outlet::New => Some(self.new_outlet.clone()),
        };
        ReportInput {
            text: self.text.clone(),
            outlet,
            published: self.published_day().ok().flatten(),
            time_zone: self.time_zone.clone(),
            url: self.url.clone(),
            kind: self.kind,
        }
    }

    /// The publication day, `None` when not given, or why the date given is not one day.
    fn published_day(&self) -> Result<Option<civil::Date>, String> {
        let Some(spec) = &self.published else {
            return Ok(None);
        };
        let edtf = spec.edtf_text();
        edtf.parse::<civil::Date>().map(Some).map_err(|_| {
            format!(
                "The publication date is one day (e.g. 18 Dec 2025), not “{edtf}”: relative dates \
                 are read against a day."
            )
        })
    }

    /// The window, while open.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &IntakeContext<'_>) -> Outcome {
        self.form.date_display = cx.date_display.clone();
        let mut outcome = self.poll(ctx);
        if !matches!(outcome, Outcome::Open) {
            return outcome;
        }
        let size = window_size(ctx, egui::vec2(900.0, 900.0));
        let mut open = true;
        egui::Window::new("Add report")
            .id(egui::Id::unique("intake_input"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .fixed_size(size)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                // Room under the text for the fields, the message and the buttons: 7 rows
                // of about 26 pt, 2 lines of hints and the separator.
                let text_height = (size.y - 260.0).max(80.0);
                self.text_ui(ui, text_height);
                ui.separator();
                self.fields_ui(ui);
                outcome = self.buttons_ui(ui, cx);
            });
        if !open {
            return Outcome::Close;
        }
        outcome
    }

    /// The long-text proposals, once the thread has them.
    fn poll(&mut self, ctx: &egui::Context) -> Outcome {
        let Some(pending) = &self.pending else {
            return Outcome::Open;
        };
        match pending.try_recv() {
            Ok((article, proposals)) => {
                self.pending = None;
                Outcome::Review(Box::new(Review::new(article, proposals)))
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
                Outcome::Open
            }
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                self.message = Some("Reading the report failed; nothing was proposed.".to_owned());
                Outcome::Open
            }
        }
    }

    fn text_ui(&mut self, ui: &mut egui::Ui, height: f32) {
        ui.horizontal(|ui| {
            ui.label("Paste the report, or open or drop a .txt, .html or .md file.");
            if let Some(origin) = &self.origin {
                ui.weak(origin);
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("intake_input_text")
            .max_height(height)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let response = ui.add_sized(
                    [ui.available_width(), height],
                    egui::TextEdit::multiline(&mut self.text)
                        .id_salt("intake_report_text")
                        .hint_text(hint(
                            "e.g. Senior negotiators from the United States and Russia are \
                             expected to hold talks in Miami this weekend, …",
                        )),
                );
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Report text")
                });
                if response.changed() {
                    self.message = None;
                    self.fill_from_text();
                }
            });
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui) {
        self.outlet_ui(ui);
        if let Some(date) = date_field_ui(
            ui,
            &mut self.form,
            "intake_published",
            "Published",
            self.published.as_ref(),
            true,
        ) {
            self.published = date;
            self.message = None;
        }
        match self.published_day() {
            Err(problem) => field_error(ui, &problem),
            Ok(None) => {
                let needed = match first_relative_words(&self.text) {
                    Some(words) => format!("Publication date needed to resolve “{words}”."),
                    None => "Publication date needed: dates in the report are read against it."
                        .to_owned(),
                };
                field_error(ui, &needed);
            }
            Ok(Some(_)) => {}
        }
        if let Some(found) = &self.found {
            ui.weak(found);
        }
        if let Some(text) = text_row(
            ui,
            "Time zone",
            &self.time_zone,
            "optional, e.g. Asia/Shanghai",
        ) {
            self.time_zone = text;
        }
        let zone = self.time_zone.trim();
        if !zone.is_empty() && jiff::tz::TimeZone::get(zone).is_err() {
            field_error(
                ui,
                "Not an IANA time zone (e.g. Asia/Shanghai, America/New_York)",
            );
        }
        if let Some(text) = text_row(
            ui,
            "URL",
            &self.url,
            "optional, e.g. https://english.news.cn/…",
        ) {
            self.url = text;
        }
    }

    fn outlet_ui(&mut self, ui: &mut egui::Ui) {
        let shown = match &self.outlet {
            Outlet::Unchosen => "Choose the outlet…".to_owned(),
            Outlet::Known(name) => name.clone(),
            Outlet::New => "New source…".to_owned(),
        };
        let mut chosen = self.outlet.clone();
        row(ui, "Outlet", |ui| {
            egui::ComboBox::from_id_salt("intake_outlet")
                .selected_text(shown)
                .width(220.0)
                .show_ui(ui, |ui| {
                    for name in &self.sources {
                        ui.selectable_value(&mut chosen, Outlet::Known(name.clone()), name);
                    }
                    ui.selectable_value(&mut chosen, Outlet::New, "New source…");
                })
                .response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Outlet"));
            if chosen == Outlet::New {
                let response = ui.add(
                    egui::TextEdit::singleline(&mut self.new_outlet)
                        .id_salt("intake_new_outlet")
                        .hint_text(hint("e.g. Xinhua"))
                        .desired_width(f32::INFINITY),
                );
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New source's name")
                });
            }
        });
        if chosen != self.outlet {
            self.outlet = chosen;
            self.message = None;
        }
    }

    fn buttons_ui(&mut self, ui: &mut egui::Ui, cx: &IntakeContext<'_>) -> Outcome {
        if let Some(message) = &self.message {
            ui.colored_label(ui.visuals().error_fg_color, message);
        }
        let mut outcome = Outcome::Open;
        ui.horizontal(|ui| {
            if self.pending.is_some() {
                ui.add(egui::Spinner::new());
                ui.label("Reading the report…");
                return;
            }
            let propose = ui
                .add(egui::Button::new(egui::RichText::new("Propose").strong()))
                .on_hover_text("Find the dates, events, claims and positions, for your review");
            if propose.clicked() {
                outcome = self.propose(ui.ctx(), cx);
            }
            if ui
                .button("Open file…")
                .on_hover_text("A report as .txt, .html or .md")
                .clicked()
            {
                outcome = Outcome::ChooseFile;
            }
            if ui.button("Cancel").clicked() {
                outcome = Outcome::Close;
            }
        });
        outcome
    }

    /// Checks the input; proposes at once for a usual report, on a thread for a long one.
    fn propose(&mut self, ctx: &egui::Context, cx: &IntakeContext<'_>) -> Outcome {
        if let Err(problem) = self.published_day() {
            self.message = Some(problem);
            return Outcome::Open;
        }
        let article = match self.input().article() {
            Ok(article) => article,
            Err(problem) => {
                self.message = Some(problem);
                return Outcome::Open;
            }
        };
        self.message = None;
        if article.text.len() <= INLINE_PROPOSE_BYTES {
            let proposals =
                crate::intake::propose(&article, cx.doc.project(), Gazetteer::embedded());
            return Outcome::Review(Box::new(Review::new(article, proposals)));
        }
        let project: Arc<Project> = cx.doc.shared_project();
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("intake-propose".into())
            .spawn(move || {
                let proposals = crate::intake::propose(&article, &project, Gazetteer::embedded());
                let _ = tx.send((article, proposals));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.pending = Some(rx),
            Err(err) => self.message = Some(format!("Could not start reading the report: {err}")),
        }
        Outcome::Open
    }
}
