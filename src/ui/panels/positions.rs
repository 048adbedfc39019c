//! Reported positions: who holds which stance on which issue, as of when.

use egui_extras::{Column, TableBuilder};

use super::{ROW_HEIGHT, name_cell};
use crate::app::{Document, Selected, Selection};
use crate::ui::actions::Action;
use crate::ui::style;

pub fn positions_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    selection: &Selection,
    actions: &mut Vec<Action>,
) {
    let project = doc.project();
    let lookup = doc.lookup();
    let dark = ui.visuals().dark_mode;
    TableBuilder::new(ui)
        .id_salt("positions")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(110.0).at_least(60.0).clip(true))
        .column(Column::initial(100.0).at_least(50.0).clip(true))
        .column(Column::initial(86.0).at_least(70.0))
        .column(Column::remainder().at_least(40.0).clip(true))
        .header(ROW_HEIGHT, |mut header| {
            header.col(|ui| {
                ui.strong("Holder");
            });
            header.col(|ui| {
                ui.strong("Issue");
            });
            header.col(|ui| {
                ui.strong("Stance");
            });
            header.col(|ui| {
                ui.strong("As of");
            });
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, project.positions.len(), |mut row| {
                let position = &project.positions[row.index()];
                let item = Selected::Position(position.id);
                let selected = selection.contains(&item);
                row.set_selected(selected);
                row.col(|ui| {
                    let holder = lookup.name_of(project, position.holder);
                    if name_cell(ui, selected, holder)
                        .on_hover_text(&position.summary)
                        .clicked()
                    {
                        actions.push(Action::Select(item.clone()));
                    }
                });
                row.col(|ui| {
                    let issue = lookup.name_of(project, position.issue);
                    ui.add(egui::Label::new(issue).truncate());
                });
                row.col(|ui| {
                    style::badge(
                        ui,
                        position.stance.label(),
                        style::stance_color(position.stance, dark),
                    );
                });
                row.col(|ui| {
                    ui.label(position.as_of.edtf_text());
                });
            });
        });
}
