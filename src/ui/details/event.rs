//! An event's details: kind and status, date, support, places, tags, description, the
//! participants with the support for each one's part, and the claims behind it.

use crate::app::{Selected, date_text};
use crate::model::{Event, Id};
use crate::ui::style;

use super::DetailsContext;

impl DetailsContext<'_> {
    pub(super) fn event_ui(&mut self, ui: &mut egui::Ui, event: &Event) {
        let dark = ui.visuals().dark_mode;
        Self::heading(ui, "event", &event.title);
        ui.horizontal(|ui| {
            style::badge(ui, event.kind.label(), style::kind_color(event.kind, dark))
                .on_hover_text(format!("Kind of event: {}", event.kind.label()));
            style::badge(ui, event.status.label(), ui.visuals().text_color()).on_hover_text(
                format!(
                    "Status {}: {}",
                    event.status.label(),
                    event.status.meaning()
                ),
            );
            self.disputed_badge_ui(ui, event);
        });
        Self::field(ui, "Date", |ui| {
            ui.label(date_text(&event.date, self.display));
        });
        self.support_ui(ui, &event.all_claim_ids().collect::<Vec<_>>());
        if !event.places.is_empty() || event.place_wording.is_some() {
            Self::field(ui, "Place", |ui| {
                for (i, place) in event.places.iter().enumerate() {
                    if i > 0 {
                        ui.label(if place.candidate { "or" } else { "," });
                    }
                    let name = self.name(place.location).to_owned();
                    self.link(ui, &name, Selected::Location(place.location));
                }
                if event.places.iter().any(|p| p.candidate) {
                    ui.weak("(candidates)");
                }
                if let Some(w) = &event.place_wording {
                    ui.label(format!("— “{w}”"));
                }
            });
        }
        if !event.tags.is_empty() {
            Self::field(ui, "Tags", |ui| {
                for &tag in &event.tags {
                    ui.label(self.name(tag).to_owned());
                }
            });
        }
        if !event.description.is_empty() {
            ui.add_space(4.0);
            ui.label(&*event.description);
        }
        if !event.participants.is_empty() {
            ui.add_space(6.0);
            ui.strong("Participants");
            for part in &event.participants {
                ui.horizontal_wrapped(|ui| {
                    let name = self.name(part.actor).to_owned();
                    self.link(ui, &name, Selected::Actor(part.actor));
                    ui.weak(part.role.label());
                    if !part.certainty.is_stated() {
                        ui.weak(format!("({})", part.certainty.label()));
                    }
                    self.participant_support_ui(ui, event, part.actor);
                });
            }
        }
        self.disputes_ui(ui, event);
        self.reports_ui(ui, event);
        self.history_ui(ui, event);
        self.claims_ui(ui, event.all_claim_ids());
    }

    /// The claims about one participant's part ("likely to include Dmitriev"): their best
    /// grade, and their excerpts on hover.
    fn participant_support_ui(&self, ui: &mut egui::Ui, event: &Event, actor: Id) {
        let about: Vec<Id> = event.claims_about(actor).collect();
        let Some((grade, reliability, credibility)) =
            crate::query::best_grade(self.doc.project(), self.doc.lookup(), &about)
        else {
            return;
        };
        let project = self.doc.project();
        let excerpts: Vec<String> = about
            .iter()
            .filter_map(|&c| self.doc.lookup().claim(project, c))
            .map(|c| format!("“{}”", c.excerpt))
            .collect();
        let dark = ui.visuals().dark_mode;
        let badge = style::badge(ui, &grade, style::reliability_color(reliability, dark));
        let name = self.name(actor).to_owned();
        badge.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Label,
                true,
                format!("Support for {name}'s part: {grade}"),
            )
        });
        badge.on_hover_text(format!(
            "Best grade of the claims about this part: {}\n{}",
            crate::model::grade_meaning(reliability, credibility),
            excerpts.join("\n")
        ));
    }
}
