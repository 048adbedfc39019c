//! An actor's details (aliases, affiliation, roles, members, events, positions) and a
//! membership's (who, of what, from when to when).

use crate::app::{Selected, date_text};
use crate::model::Id;
use crate::query::membership_title;
use crate::ui::style;

use super::{DetailsContext, missing_ui};

impl DetailsContext<'_> {
    pub(super) fn actor_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(actor) = self.doc.lookup().actor(project, id) else {
            return missing_ui(ui);
        };
        Self::heading(ui, actor.kind.label(), &actor.name);
        if !actor.aliases.is_empty() {
            Self::field(ui, "Also", |ui| {
                ui.label(actor.aliases.join(", "));
            });
        }
        if let Some(aff) = actor.affiliation {
            Self::field(ui, "Part of", |ui| {
                let name = self.name(aff).to_owned();
                self.link(ui, &name, Selected::Actor(aff));
            });
        }
        if let Some(c) = &actor.country {
            Self::field(ui, "Country", |ui| {
                ui.label(c);
            });
        }
        if !actor.description.is_empty() {
            ui.label(&actor.description);
        }
        let roles = crate::query::roles_text(project, self.doc.lookup(), actor);
        if !roles.is_empty() {
            ui.add_space(6.0);
            ui.strong("Roles");
            for m in project.memberships.iter().filter(|m| m.member == id) {
                ui.horizontal_wrapped(|ui| {
                    ui.label(&m.role);
                    ui.weak("of");
                    let name = self.name(m.organisation).to_owned();
                    self.link(ui, &name, Selected::Actor(m.organisation));
                    if !m.certainty.is_stated() {
                        ui.weak(format!("({})", m.certainty.label()));
                    }
                });
            }
        }
        let members: Vec<_> = project
            .memberships
            .iter()
            .filter(|m| m.organisation == id)
            .collect();
        if !members.is_empty() {
            ui.add_space(6.0);
            ui.strong("Members and office holders");
            for m in members {
                ui.horizontal_wrapped(|ui| {
                    let name = self.name(m.member).to_owned();
                    self.link(ui, &name, Selected::Actor(m.member));
                    ui.weak(&m.role);
                });
            }
        }
        let events = crate::query::events_with_participant(project, id);
        self.event_list_ui(ui, "Events", &events);
        let positions: Vec<_> = project
            .positions
            .iter()
            .filter(|p| p.holder == id)
            .collect();
        if !positions.is_empty() {
            ui.add_space(6.0);
            ui.strong("Positions");
            for p in positions {
                ui.horizontal_wrapped(|ui| {
                    let dark = ui.visuals().dark_mode;
                    style::badge(ui, p.stance.label(), style::stance_color(p.stance, dark))
                        .on_hover_text(format!("Stance: {}", p.stance.label()));
                    let issue = self.name(p.issue).to_owned();
                    self.link(ui, &issue, Selected::Position(p.id));
                });
            }
        }
    }

    pub(super) fn membership_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(m) = project.memberships.iter().find(|m| m.id == id) else {
            return missing_ui(ui);
        };
        let member = self.name(m.member).to_owned();
        let org = self.name(m.organisation).to_owned();
        Self::heading(ui, "role", &membership_title(project, self.doc.lookup(), m));
        Self::field(ui, "Member", |ui| {
            self.link(ui, &member, Selected::Actor(m.member));
        });
        Self::field(ui, "Of", |ui| {
            self.link(ui, &org, Selected::Actor(m.organisation));
        });
        Self::field(ui, "Kind", |ui| {
            ui.label(m.kind.label());
        });
        if !m.certainty.is_stated() {
            Self::field(ui, "Certainty", |ui| {
                ui.label(m.certainty.label());
            });
        }
        if let Some(d) = &m.start {
            Self::field(ui, "From", |ui| {
                ui.label(date_text(d, self.display));
            });
        }
        if let Some(d) = &m.end {
            Self::field(ui, "Until", |ui| {
                ui.label(date_text(d, self.display));
            });
        }
        self.claims_ui(ui, m.claims.iter().copied());
    }
}
