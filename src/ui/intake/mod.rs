//! Article intake's windows (issue 14): File ▸ Add report… opens the input dialog (the text,
//! the outlet, the publication date); Propose reads it (`intake::propose`) and opens the
//! review, where the analyst accepts, edits or rejects each proposal. Nothing enters the
//! project until "Add to project", which sends one edit (`app::edits::intake_edit`): one undo
//! step, refused like any other edit while the project is shown as of a past day.

mod input_dialog;
mod review;
mod review_rows;
mod review_text;

use std::path::Path;

use crate::app::intake_review::Review;
use crate::app::{DateDisplay, Document};
use crate::model::Project;
use crate::ui::actions::Action;

pub use input_dialog::InputDialog;
pub use review::ReviewDialog;

/// What the dialogs read of the app.
pub struct IntakeContext<'a> {
    /// The project itself, never its as-of projection: intake adds to the real project.
    pub doc: &'a Document,
    pub date_display: &'a DateDisplay,
    /// The project is shown as of a past day: "Add to project" would be refused.
    pub read_only: bool,
}

/// The two dialogs; at most one is shown at a time.
#[derive(Default)]
pub struct IntakeState {
    input: Option<InputDialog>,
    /// The input is kept, hidden, while its proposals are reviewed: "Back to the text".
    input_shown: bool,
    review: Option<ReviewDialog>,
}

impl IntakeState {
    /// File ▸ Add report…: the input dialog, as the analyst left it, or a new one.
    pub fn open_input(&mut self, project: &Project) {
        if self.input.is_none() {
            self.input = Some(InputDialog::new(project));
        }
        self.input_shown = true;
        self.review = None;
    }

    /// The input dialog filled from a report file (chosen, dropped, or `--add-report`).
    pub fn open_file(&mut self, project: &Project, path: &Path) {
        self.open_input(project);
        if let Some(input) = self.input.as_mut() {
            input.load_file(path);
        }
    }

    /// The review of `review`'s proposals, in place of the input dialog.
    pub fn open_review(&mut self, review: Review) {
        self.input_shown = false;
        self.review = Some(ReviewDialog::new(review));
    }

    pub fn is_input_open(&self) -> bool {
        self.input.is_some() && self.input_shown
    }

    pub fn is_review_open(&self) -> bool {
        self.review.is_some()
    }

    /// The review shown, with its decisions and focus: tests.
    pub fn review(&self) -> Option<&Review> {
        self.review.as_ref().map(ReviewDialog::review)
    }

    /// The open dialog, if any.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &IntakeContext<'_>, actions: &mut Vec<Action>) {
        if self.input_shown
            && let Some(input) = self.input.as_mut()
        {
            match input.ui(ctx, cx) {
                input_dialog::Outcome::Open => {}
                input_dialog::Outcome::ChooseFile => actions.push(Action::AddReportDialog),
                input_dialog::Outcome::Close => {
                    self.input = None;
                    self.input_shown = false;
                }
                input_dialog::Outcome::Review(review) => {
                    actions.push(Action::ReviewReport(review));
                }
            }
        }
        let Some(review) = self.review.as_mut() else {
            return;
        };
        match review.ui(ctx, cx) {
            review::Outcome::Open => {}
            review::Outcome::Back => {
                self.review = None;
                self.input_shown = self.input.is_some();
            }
            review::Outcome::Close => self.review = None,
            review::Outcome::Add(edit) => {
                // Added: the report is done with, text and all.
                self.review = None;
                self.input = None;
                self.input_shown = false;
                // An empty project's timeline shows the weeks around today, where a report
                // of last year's events has nothing: fit it to what was added. A project
                // with events keeps the analyst's view.
                let was_empty = cx.doc.project().events.is_empty();
                actions.push(Action::Edit(edit, None));
                if was_empty {
                    actions.push(Action::FitTimeline);
                }
            }
        }
    }
}

/// The window's size: the screen less a margin, so that nothing is clipped at 1024×700 and
/// a 1920×1080 screen is not filled edge to edge (at most `max`).
fn window_size(ctx: &egui::Context, max: egui::Vec2) -> egui::Vec2 {
    let screen = ctx.content_rect().size();
    // 32 pt each side for the window's frame and shadow, 48 pt top and bottom for its title
    // bar and the menu bar it should not cover.
    egui::vec2(
        (screen.x - 64.0).clamp(320.0, max.x),
        (screen.y - 96.0).clamp(240.0, max.y),
    )
}
