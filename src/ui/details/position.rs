//! A position's details (stance, holder, issue, as of, support, conditions, claims) and an
//! issue's (its description and every position on it).

use crate::app::{Selected, date_text, list_date_text};
use crate::model::Id;
use crate::query::position_title;
use crate::ui::style;

use super::{DetailsContext, missing_ui};

impl DetailsContext<'_> {
    pub(super) fn position_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(position) = project.positions.iter().find(|p| p.id == id) else {
            return missing_ui(ui);
        };
        let dark = ui.visuals().dark_mode;
        let holder = self.name(position.holder).to_owned();
        let issue = self.name(position.issue).to_owned();
        Self::heading(
            ui,
            "position",
            &position_title(project, self.doc.lookup(), position),
        );
        ui.horizontal(|ui| {
            style::badge(
                ui,
                position.stance.label(),
                style::stance_color(position.stance, dark),
            )
            .on_hover_text(format!("Stance: {}", position.stance.label()));
            if !position.certainty.is_stated() {
                ui.weak(position.certainty.label());
            }
        });
        Self::field(ui, "Holder", |ui| {
            self.link(ui, &holder, Selected::Actor(position.holder));
        });
        Self::field(ui, "Issue", |ui| {
            self.link(ui, &issue, Selected::Issue(position.issue));
        });
        Self::field(ui, "As of", |ui| {
            ui.label(date_text(&position.as_of, self.display));
        });
        self.support_ui(ui, &position.claims);
        ui.label(&position.summary);
        if !position.conditions.is_empty() {
            Self::field(ui, "Conditions", |ui| {
                ui.label(&position.conditions);
            });
        }
        self.claims_ui(ui, position.claims.iter().copied());
    }

    pub(super) fn issue_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(issue) = self.doc.lookup().issue(project, id) else {
            return missing_ui(ui);
        };
        Self::heading(ui, "issue", &issue.name);
        if !issue.description.is_empty() {
            ui.label(&issue.description);
        }
        ui.add_space(6.0);
        ui.strong("Positions");
        let dark = ui.visuals().dark_mode;
        for p in project.positions.iter().filter(|p| p.issue == id) {
            ui.horizontal_wrapped(|ui| {
                style::badge(ui, p.stance.label(), style::stance_color(p.stance, dark))
                    .on_hover_text(format!("Stance: {}", p.stance.label()));
                let holder = self.name(p.holder).to_owned();
                self.link(ui, &holder, Selected::Position(p.id));
                ui.weak(list_date_text(&p.as_of, self.display));
            });
        }
    }
}
