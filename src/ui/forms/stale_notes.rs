//! Beside a field of the event form, what the last edit left contradicting it, with the fix
//! one click away (or "Leave it"). The findings are `app::stale`'s; this only shows them.

use super::FormState;
use crate::app::edits::replace_event;
use crate::app::stale::{StaleField, stale_after_edit};
use crate::model::Project;
use crate::ui::actions::Action;

/// Forgets findings the event no longer has (fixed by hand, undone, or another event).
pub(super) fn forget_resolved(project: &Project, index: usize, state: &mut FormState) {
    match project.events.get(index) {
        Some(event) => state.stale.retain(|s| s.applies(event)),
        None => state.stale.clear(),
    }
}

/// Takes the findings of the edits the form sent this frame (`actions[from..]`).
pub(super) fn note_edits(
    project: &Project,
    index: usize,
    state: &mut FormState,
    actions: &[Action],
    from: usize,
) {
    let Some(event) = project.events.get(index) else {
        return;
    };
    for action in actions.iter().skip(from) {
        if let Action::Edit(edit, _) = action {
            for found in stale_after_edit(project, edit, &event.id) {
                // A newer finding of the same field replaces the older one.
                state
                    .stale
                    .retain(|s| std::mem::discriminant(s) != std::mem::discriminant(&found));
                state.stale.push(found);
            }
        }
    }
}

/// The findings about `field`, each with its fix and "Leave it".
pub(super) fn stale_notes_ui(
    ui: &mut egui::Ui,
    project: &Project,
    index: usize,
    state: &mut FormState,
    field: StaleField,
    actions: &mut Vec<Action>,
) {
    let Some(event) = project.events.get(index) else {
        return;
    };
    let mut dismissed = None;
    for (i, stale) in state.stale.iter().enumerate() {
        if stale.field() != field {
            continue;
        }
        ui.horizontal(|ui| {
            // Under the field, not under its label (the form's labels take 90 pt), when the
            // panel has room for both.
            if ui.available_width() > 300.0 {
                ui.add_space(90.0);
            }
            ui.vertical(|ui| {
                let warn = warning_color(ui.visuals());
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(format!("⚠ {}", stale.message(project, event)))
                            .color(warn),
                    )
                    .wrap(),
                );
                ui.horizontal_wrapped(|ui| {
                    if ui.button(stale.fix_label()).clicked() {
                        if let Some(edit) =
                            replace_event(project, index, stale.fixed(event), stale.undo_verb())
                        {
                            actions.push(Action::Edit(edit, None));
                        }
                        dismissed = Some(i);
                    }
                    let leave = ui
                        .small_button("Leave it")
                        .on_hover_text("Keep the field as it is");
                    leave.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Leave it: {}", stale.fix_label()),
                        )
                    });
                    if leave.clicked() {
                        dismissed = Some(i);
                    }
                });
            });
        });
    }
    if let Some(i) = dismissed {
        state.stale.remove(i);
    }
}

/// The warning colour, darkened on light panels: egui's orange (255, 100, 0) on the light
/// panel reads at 2.8:1; (170, 70, 0) at 5.5:1, above the 4.5:1 that text needs.
fn warning_color(visuals: &egui::Visuals) -> egui::Color32 {
    if visuals.dark_mode {
        visuals.warn_fg_color
    } else {
        egui::Color32::from_rgb(170, 70, 0)
    }
}
