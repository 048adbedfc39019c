//! "As of" in the window: the bar under the filter bar, the background projection of a
//! large project, and the window title's "as of 18 Dec 2025".

use super::DetenteApp;
use crate::app::{AsOfView, ProgressUnit, TaskKind};
use crate::query::AsOf;
use crate::ui::actions::Action;
use crate::ui::as_of_bar::{AsOfBar, as_of_bar_ui};
use crate::ui::tasks::Outcome;

impl DetenteApp {
    /// Projects the open project as of `day` on a thread, with progress in the status bar;
    /// a projection still running for another day is cancelled.
    pub(super) fn project_as_of(&mut self, ctx: &egui::Context, day: AsOf) {
        if let Some(task) = self.as_of_task.take() {
            self.tasks.cancel(task);
        }
        let project = self.doc().shared_project();
        let revision = self.doc().revision();
        self.as_of_task = Some(self.tasks.spawn(
            ctx,
            TaskKind::AsOf,
            format!("As of {}…", day.text()),
            ProgressUnit::Rows,
            move |work| Outcome::AsOf(AsOfView::compute_shared(&project, day, revision, work)),
        ));
    }

    /// A finished projection: shown if it is still the day asked for.
    pub(super) fn finish_as_of(&mut self, view: Option<Box<AsOfView>>) {
        if let Some(view) = view {
            self.session.adopt_as_of(*view);
        }
    }

    /// The bar, in a panel of its own under the filter bar; tinted while a day is chosen.
    pub(super) fn as_of_bar_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let wanted = self.session.as_of_wanted();
        let banner = self.session.as_of_view().map(AsOfView::banner_text);
        let computing = wanted.is_some() && self.session.as_of_view().map(|v| v.as_of) != wanted;
        let days = self.session.report_days().to_vec();
        // The past is read-only: a form opened on it closes, saying why.
        if let Some(day) = wanted
            && self.forms.editing.is_some()
        {
            self.forms.stop();
            self.info(format!(
                "Editing is off while the project is shown as of {}: choose Now to edit.",
                day.text()
            ));
        }
        let mut frame = egui::Frame::side_top_panel(ui.style());
        if wanted.is_some() {
            // A faint wash of the warning colour over the panel's own (opaque: a translucent
            // fill showed the black behind it in the light theme): a view of the past.
            let visuals = ui.visuals();
            frame = frame.fill(
                visuals
                    .panel_fill
                    .lerp_to_gamma(visuals.warn_fg_color, 0.15),
            );
        }
        egui::Panel::top("as_of_bar").frame(frame).show(ui, |ui| {
            let bar = AsOfBar {
                wanted,
                days: &days,
                banner,
                computing,
            };
            as_of_bar_ui(ui, &mut self.as_of_bar, &bar, actions);
        });
    }

    /// The window's title: "… — Detente", with "as of 18 Dec 2025" while a day is chosen.
    pub fn window_title(&self) -> String {
        let title = self.doc().window_title();
        match self.session.as_of_wanted() {
            Some(day) => title.replacen(
                " — Detente",
                &format!(" — as of {} — Detente", day.text()),
                1,
            ),
            None => title,
        }
    }
}
