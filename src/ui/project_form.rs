//! File ▸ Project properties: the project's title, description and report date (the date
//! the sources' relative dates, "this weekend", were resolved against), as undoable edits,
//! so that a project can be built from an empty one without a text editor.

use crate::app::Document;
use crate::app::edit::{Change, Edit, Meta};
use crate::ui::actions::Action;
use crate::ui::forms::{FormState, date_field_ui, row};

pub fn project_properties_ui(
    ctx: &egui::Context,
    open: &mut bool,
    doc: &Document,
    forms: &mut FormState,
    actions: &mut Vec<Action>,
) {
    let before = Meta::of(doc.project());
    egui::Window::new("Project properties")
        .open(open)
        .resizable(false)
        .collapsible(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            let mut after = before.clone();
            // A typing burst in one field is one undo step.
            let mut merge_key = None;
            let title = row(ui, "Title", |ui| {
                ui.add(egui::TextEdit::singleline(&mut after.title).desired_width(f32::INFINITY))
            });
            title.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Project title")
            });
            if title.changed() {
                merge_key = Some("project-title");
            }
            let description = row(ui, "Description", |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut after.description)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
            });
            description.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Project description")
            });
            if description.changed() {
                merge_key = Some("project-description");
            }
            if let Some(date) = date_field_ui(
                ui,
                forms,
                "project-report-date",
                "Report date",
                before.reference_date.as_ref(),
                true,
            ) {
                after.reference_date = date;
            }
            ui.add(
                egui::Label::new(
                    egui::RichText::new(
                        "The date relative dates were resolved against; drawn as a line on the timeline.",
                    )
                    .weak(),
                )
                .wrap(),
            );
            if after != before {
                let label = if after.title == before.title {
                    "edit project properties".to_owned()
                } else {
                    "rename the project".to_owned()
                };
                actions.push(Action::Edit(
                    Edit::new(label, vec![Change::Meta {
                        before: before.clone(),
                        after,
                    }]),
                    merge_key.map(str::to_owned),
                ));
            }
        });
}
