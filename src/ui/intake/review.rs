//! The review of an article's proposals: the text on the left with each proposal's words
//! highlighted, the proposals on the right in four lists (Dates, Events, Claims, Positions),
//! each accepted, edited or rejected. "Add to project" turns what is accepted into one edit.

use crate::app::edit::Edit;
use crate::app::edits::intake_edit;
use crate::app::intake_review::{Mark, ProposalRef, Review, Section};
use crate::model::{DateSpec, count};
use crate::ui::intake::review_rows::section_ui;
use crate::ui::intake::review_text::{mark_fill, text_ui};
use crate::ui::intake::{IntakeContext, window_size};

/// What the dialog asks of the app this frame.
pub enum Outcome {
    Open,
    /// Back to the input dialog, to change the text or the date and propose again.
    Back,
    Close,
    /// "Add to project": the one edit of everything accepted.
    Add(Edit),
}

/// The review window's state.
pub struct ReviewDialog {
    pub(super) review: Review,
    /// The proposal whose editor is open under its row.
    pub(super) editing: Option<ProposalRef>,
    /// Why "Add to project" added nothing; cleared by the next decision.
    pub(super) message: Option<String>,
    /// The focus changed from a row: the text scrolls to its words once.
    pub(super) scroll_text: bool,
    /// The focus changed from the text: the list scrolls to its row once.
    pub(super) scroll_row: bool,
}

impl ReviewDialog {
    pub fn new(review: Review) -> Self {
        Self {
            review,
            editing: None,
            message: None,
            scroll_text: false,
            scroll_row: false,
        }
    }

    pub fn review(&self) -> &Review {
        &self.review
    }

    /// The window, while open.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &IntakeContext<'_>) -> Outcome {
        // Wider than tall: the text and the lists side by side; 1600×1000 leaves a 1920×1080
        // screen's edges free and is about two 80-character columns.
        let size = window_size(ctx, egui::vec2(1600.0, 1000.0));
        let mut open = true;
        let mut outcome = Outcome::Open;
        egui::Window::new("Review report")
            .id(egui::Id::unique("intake_review"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .fixed_size(size)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                // Panels inside the window: the header and the buttons keep their height,
                // the text and the lists share the rest, each scrolling on its own.
                egui::Panel::top("intake_review_header")
                    .frame(egui::Frame::new())
                    .show(ui, |ui| {
                        self.header_ui(ui, cx);
                        ui.add_space(4.0);
                    });
                egui::Panel::bottom("intake_review_footer")
                    .frame(egui::Frame::new())
                    .show(ui, |ui| {
                        ui.add_space(4.0);
                        outcome = self.footer_ui(ui, cx);
                    });
                self.body_ui(ui, cx, size.x);
            });
        if open { outcome } else { Outcome::Close }
    }

    fn header_ui(&self, ui: &mut egui::Ui, cx: &IntakeContext<'_>) {
        let article = &self.review.article;
        let p = &self.review.proposals;
        let published = DateSpec::parse(&article.published.to_string())
            .ok()
            .and_then(|d| cx.date_display.describe(&d))
            .unwrap_or_else(|| article.published.to_string());
        let outlet = article.outlet.as_deref().unwrap_or("Report");
        let found = [
            count(p.dates.len(), "date", "dates"),
            count(p.events.len(), "event", "events"),
            count(p.claims.len(), "claim", "claims"),
            count(p.positions.len(), "position", "positions"),
        ]
        .join(", ");
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("{outlet}, published {published}")).strong());
            ui.label(format!("· proposed: {found}"));
        });
        ui.horizontal_wrapped(|ui| {
            ui.weak("Highlighted:");
            for (mark, name) in [
                (Mark::Date, "dates"),
                (Mark::Event, "events' words"),
                (Mark::Attribution, "sources and their verbs"),
                (Mark::Hedge, "hedges"),
                (Mark::Stance, "stances"),
            ] {
                let fill = mark_fill(mark, ui.visuals().dark_mode, false);
                let text = egui::RichText::new(name).background_color(fill);
                ui.label(text);
            }
            ui.weak("· click a row to show its words, or words to show their row");
        });
    }

    fn body_ui(&mut self, ui: &mut egui::Ui, cx: &IntakeContext<'_>, width: f32) {
        // The text takes 45 %: a reading column; the lists, with their buttons, the rest.
        egui::Panel::left("intake_review_text_panel")
            .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(0, 4)))
            .resizable(true)
            .default_size((width * 0.45).floor())
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("intake_review_text")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        if let Some(clicked) = text_ui(ui, &self.review, &mut self.scroll_text) {
                            self.review.focus = Some(clicked);
                            self.scroll_row = true;
                        }
                    });
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::new().inner_margin(egui::Margin {
                left: 8,
                top: 4,
                ..egui::Margin::ZERO
            }))
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("intake_review_lists")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        if Section::ALL.iter().all(|s| self.review.counts(*s).1 == 0) {
                            ui.label(
                                "Nothing was proposed: no dates, events, claims or positions \
                                 were found in this text. Back to the text to check it, or add \
                                 what it says by hand.",
                            );
                        }
                        for section in Section::ALL {
                            section_ui(ui, self, cx, section);
                            ui.add_space(6.0);
                        }
                    });
            });
    }

    fn footer_ui(&mut self, ui: &mut egui::Ui, cx: &IntakeContext<'_>) -> Outcome {
        if cx.read_only {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The project is shown as of a past day (read-only): choose Now in the As of bar \
                 to add this report.",
            );
        } else if let Some(message) = &self.message {
            ui.colored_label(ui.visuals().error_fg_color, message);
        } else {
            let accepted: usize = Section::ALL.iter().map(|s| self.review.counts(*s).0).sum();
            ui.weak(format!(
                "{} accepted. Nothing enters the project until Add to project; it is one undo step.",
                count(accepted, "proposal", "proposals")
            ));
        }
        let mut outcome = Outcome::Open;
        ui.horizontal(|ui| {
            let add = ui
                .add_enabled(
                    !cx.read_only,
                    egui::Button::new(egui::RichText::new("Add to project").strong()),
                )
                .on_disabled_hover_text("The project is read-only as of a past day");
            if add.clicked() {
                match self.accepted_edit(cx) {
                    Ok(edit) => outcome = Outcome::Add(edit),
                    Err(problem) => self.message = Some(problem),
                }
            }
            if ui
                .button("Back to the text")
                .on_hover_text("Change the text, the outlet or the date, and propose again")
                .clicked()
            {
                outcome = Outcome::Back;
            }
            if ui.button("Cancel").clicked() {
                outcome = Outcome::Close;
            }
        });
        outcome
    }

    /// The edit of what is accepted, or why there is none.
    fn accepted_edit(&self, cx: &IntakeContext<'_>) -> Result<Edit, String> {
        let review = &self.review;
        if !review.any_accepted() {
            return Err("Nothing is accepted: accept proposals first, or Cancel.".to_owned());
        }
        for (i, e) in review.proposals.events.iter().enumerate() {
            let accepted = review.decisions.events.get(i).copied().unwrap_or(false);
            if let (true, Some(edtf)) = (accepted, &e.edtf)
                && DateSpec::parse(edtf).is_err()
            {
                return Err(format!(
                    "The date of “{}” is not EDTF (“{edtf}”): correct it or reject the event.",
                    e.title
                ));
            }
        }
        let project = cx.doc.project();
        let mut accepted = crate::intake::accept::accept(
            project,
            &review.article,
            &review.proposals,
            &review.decisions,
        );
        // When the analyst recorded each report, as Edit ▸ Record report… stamps it.
        let now = jiff::Timestamp::now();
        let now = now.round(jiff::Unit::Second).unwrap_or(now);
        let new_states = accepted
            .additions
            .events
            .iter_mut()
            .flat_map(|e| &mut e.reported);
        for state in new_states.chain(accepted.states.iter_mut().map(|(_, s)| s)) {
            state.recorded.get_or_insert(now);
        }
        intake_edit(project, accepted).ok_or_else(|| {
            "Nothing to add: the accepted proposals gave no new entity and no new report of an \
             event. Nothing was changed."
                .to_owned()
        })
    }
}
