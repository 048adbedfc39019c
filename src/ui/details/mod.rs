//! The details view: everything about the selected thing, with the claims behind it. This
//! file picks what to show (the entity, or its form while editing); one file per kind of
//! entity draws it, and `shared` holds the context and rows they all use. The questions and
//! texts behind them (which events name an actor, "2 independent sources") are in `query`.

mod actor;
mod claims;
mod disputes;
mod event;
mod history;
mod location;
mod position;
mod reports;
mod shared;
mod trend_chart;

use crate::app::{History, Selected};
use crate::ui::actions::Action;
use crate::ui::forms::FormState;
use crate::ui::panels::PanelContext;
use shared::{DetailsContext, missing_ui};

/// Back and forward through what was selected (Alt+← and Alt+→).
pub fn navigation_ui(ui: &mut egui::Ui, history: &History, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        if ui
            .add_enabled(history.can_go_back(), egui::Button::new("◀ Back"))
            .on_hover_text("Alt+←")
            .clicked()
        {
            actions.push(Action::Back);
        }
        if ui
            .add_enabled(history.can_go_forward(), egui::Button::new("Forward ▶"))
            .on_hover_text("Alt+→")
            .clicked()
        {
            actions.push(Action::Forward);
        }
    });
    ui.separator();
}

pub fn details_ui(
    ui: &mut egui::Ui,
    cx: &PanelContext<'_>,
    forms: &mut FormState,
    actions: &mut Vec<Action>,
) {
    let (doc, selection) = (cx.doc, cx.selection);
    let Some(selected) = selection.primary() else {
        ui.add_space(8.0);
        ui.weak("Select an event on the timeline, or an entry in a panel, to see its details and sources.");
        return;
    };
    if selection.items().len() > 1 {
        ui.weak(format!(
            "{} selected; showing the last.",
            selection.items().len()
        ));
    }
    let editing = forms.is_editing(selected);
    // As of a past day the project is read-only: no button offers what would be refused.
    if !cx.read_only {
        ui.horizontal(|ui| {
            if editing {
                if ui
                    .button("Done")
                    .on_hover_text("Stop editing (Escape)")
                    .clicked()
                {
                    forms.stop();
                }
            } else if ui
                .button("✎ Edit")
                .on_hover_text("Edit this entry")
                .clicked()
            {
                forms.start(selected.clone());
            }
            if ui
                .button("Delete")
                .on_hover_text("Delete this entry (Delete key)")
                .clicked()
            {
                actions.push(Action::Delete(selected.clone()));
            }
        });
    }
    if editing {
        let project = doc.project();
        // Both ways: a row wider than the panel (a participant with two role menus) scrolls
        // instead of widening the panel under the timeline, which would then cover it.
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // The form never widens the panel: what does not fit is cut with an ellipsis.
                ui.set_max_width(ui.available_width());
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                form_ui(ui, project, doc.lookup(), selected, forms, actions);
            });
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut cx = DetailsContext {
                doc,
                display: cx.date_display,
                actions,
                read_only: cx.read_only,
            };
            match selected {
                Selected::Event(id) => match doc.project().events.iter().find(|e| e.id == *id) {
                    Some(event) => cx.event_ui(ui, event),
                    None => missing_ui(ui),
                },
                Selected::Actor(id) => cx.actor_ui(ui, *id),
                Selected::Location(id) => cx.location_ui(ui, *id),
                Selected::Position(id) => cx.position_ui(ui, *id),
                Selected::Issue(id) => cx.issue_ui(ui, *id),
                Selected::Source(id) => cx.source_ui(ui, *id),
                Selected::Claim(id) => cx.claim_ui(ui, *id),
                Selected::Membership(id) => cx.membership_ui(ui, *id),
            }
        });
}

fn form_ui(
    ui: &mut egui::Ui,
    project: &crate::model::Project,
    lookup: &crate::model::Lookup,
    selected: &Selected,
    forms: &mut FormState,
    actions: &mut Vec<Action>,
) {
    match selected {
        Selected::Event(id) => {
            if let Some(index) = project.events.iter().position(|e| e.id == *id) {
                crate::ui::forms::event_form_ui(ui, project, lookup, index, forms, actions);
            }
        }
        other => crate::ui::forms::entity_form_ui(ui, project, lookup, other, forms, actions),
    }
}
