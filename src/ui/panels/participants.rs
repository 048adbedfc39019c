//! Participants: people, delegations, states, organisations and outlets.

use egui_extras::{Column, TableBuilder};

use super::{ROW_HEIGHT, name_cell};
use crate::app::{Document, Selected, Selection, SelectionLinks};
use crate::model::{Actor, Lookup, Project};
use crate::ui::actions::Action;

pub fn participants_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    selection: &Selection,
    links: &SelectionLinks,
    actions: &mut Vec<Action>,
) {
    let project = doc.project();
    let lookup = doc.lookup();
    let counts = doc.actor_event_counts();
    TableBuilder::new(ui)
        .id_salt("participants")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(120.0).at_least(60.0).clip(true))
        .column(Column::initial(72.0).at_least(40.0).clip(true))
        .column(Column::remainder().at_least(40.0).clip(true))
        .column(Column::exact(44.0))
        .header(ROW_HEIGHT, |mut header| {
            header.col(|ui| {
                ui.strong("Name");
            });
            header.col(|ui| {
                ui.strong("Kind");
            });
            header.col(|ui| {
                ui.strong("Role / affiliation");
            });
            header.col(|ui| {
                ui.strong("Events");
            });
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, project.actors.len(), |mut row| {
                let actor = &project.actors[row.index()];
                let item = Selected::Actor(actor.id);
                // Highlighted when selected, or when a selected event involves it.
                let selected = selection.contains(&item) || links.actors.contains(&actor.id);
                row.set_selected(selected);
                row.col(|ui| {
                    if name_cell(ui, selected, &actor.name).clicked() {
                        actions.push(Action::Select(item.clone()));
                    }
                });
                row.col(|ui| {
                    ui.label(actor.kind.label());
                });
                row.col(|ui| {
                    let roles = roles_text(project, lookup, actor);
                    ui.add(egui::Label::new(&roles).truncate())
                        .on_hover_text(&roles);
                });
                row.col(|ui| {
                    ui.label(counts.get(&actor.id).copied().unwrap_or(0).to_string());
                });
            });
        });
}

/// "special envoy of Donald Trump; head of delegation, US delegation (likely)", or the
/// affiliation for actors without memberships.
pub fn roles_text(project: &Project, lookup: &Lookup, actor: &Actor) -> String {
    let mut parts: Vec<String> = project
        .memberships
        .iter()
        .filter(|m| m.member == actor.id)
        .map(|m| {
            let of = lookup.name_of(project, m.organisation);
            let hedge = if m.certainty.is_stated() {
                String::new()
            } else {
                format!(" ({})", m.certainty.label())
            };
            format!("{} of {of}{hedge}", m.role)
        })
        .collect();
    if let Some(aff) = actor.affiliation {
        parts.push(format!("part of {}", lookup.name_of(project, aff)));
    }
    parts.join("; ")
}
