//! Positions, grouped by issue: who holds which stance, on what conditions, as of when, and
//! on what evidence; or, per issue, the stances over time.

use egui::RichText;

use super::{PanelContext, stance_chart};
use crate::app::Selected;
use crate::model::{Id, Position, count};
use crate::ui::actions::Action;
use crate::ui::style;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PositionsView {
    #[default]
    List,
    OverTime,
}

#[derive(Default)]
pub struct PositionsState {
    pub view: PositionsView,
}

pub fn positions_ui(
    ui: &mut egui::Ui,
    cx: &PanelContext<'_>,
    state: &mut PositionsState,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(&mut state.view, PositionsView::List, "By issue");
        ui.selectable_value(
            &mut state.view,
            PositionsView::OverTime,
            "Stances over time",
        );
    });
    let project = cx.doc.project();
    let filter = &cx.filtered.filter;
    if !(filter.kinds.is_empty() && filter.statuses.is_empty() && filter.locations.is_empty()) {
        // Said plainly, as a position has no kind, status or place of its own.
        ui.add(
            egui::Label::new(
                RichText::new(
                    "Kind, status and place belong to events: the positions shown are those \
                     whose claims report an event the filter shows.",
                )
                .weak(),
            )
            .wrap(),
        );
    }
    let passes = &cx.filtered.result.positions;
    // Issues in project order, each with its passing positions.
    let groups: Vec<(Id, Vec<&Position>)> = project
        .issues
        .iter()
        .map(|issue| {
            let positions = project
                .positions
                .iter()
                .enumerate()
                .filter(|(i, p)| p.issue == issue.id && passes.get(*i).copied().unwrap_or(true))
                .map(|(_, p)| p)
                .collect::<Vec<_>>();
            (issue.id, positions)
        })
        .filter(|(_, positions)| !positions.is_empty())
        .collect();
    if groups.is_empty() {
        ui.weak("No positions to show.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("positions")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (issue, positions) in groups {
                let name = cx.doc.lookup().name_of(project, issue);
                let id = ui.make_persistent_id(("issue", issue));
                egui::collapsing_header::CollapsingState::load_with_default_open(
                    ui.ctx(),
                    id,
                    true,
                )
                .show_header(ui, |ui| {
                    let selected = cx.selection.contains(&Selected::Issue(issue));
                    if ui
                        .add(egui::Button::selectable(
                            selected,
                            RichText::new(name).strong(),
                        ))
                        .clicked()
                    {
                        actions.push(Action::Select(Selected::Issue(issue)));
                    }
                    ui.weak(count(positions.len(), "position", "positions"));
                })
                .body(|ui| match state.view {
                    PositionsView::List => {
                        for position in positions {
                            position_row_ui(ui, cx, position, actions);
                        }
                    }
                    PositionsView::OverTime => {
                        stance_chart::stance_chart_ui(ui, cx, issue, actions);
                    }
                });
            }
        });
}

fn position_row_ui(
    ui: &mut egui::Ui,
    cx: &PanelContext<'_>,
    position: &Position,
    actions: &mut Vec<Action>,
) {
    let project = cx.doc.project();
    let lookup = cx.doc.lookup();
    let dark = ui.visuals().dark_mode;
    let item = Selected::Position(position.id);
    let selected = cx.selection.contains(&item);
    ui.horizontal_wrapped(|ui| {
        let holder = lookup.name_of(project, position.holder);
        if ui.add(egui::Button::selectable(selected, holder)).clicked() {
            actions.push(Action::Select(item.clone()));
        }
        style::badge(
            ui,
            position.stance.label(),
            style::stance_color(position.stance, dark),
        )
        .on_hover_text(format!("Stance: {}", position.stance.label()));
        if let Some((grade, reliability, credibility)) =
            crate::query::best_grade(project, lookup, &position.claims)
        {
            style::badge(ui, &grade, style::reliability_color(reliability, dark)).on_hover_text(
                format!(
                    "Best grade of its claims (Admiralty)\n{}",
                    crate::model::grade_meaning(reliability, credibility)
                ),
            );
        }
        let sources = cx
            .doc
            .claims()
            .independent_sources(position.claims.iter().copied());
        // Each of these stays on one line: wrapped inside ("as of" at the end of a line,
        // the date on the next) they read as two facts.
        let unbroken = |ui: &mut egui::Ui, text: String| {
            ui.add(
                egui::Label::new(RichText::new(text).weak()).wrap_mode(egui::TextWrapMode::Extend),
            )
        };
        unbroken(ui, count(sources, "source", "sources"))
            .on_hover_text("Independent sources: claims that share no outlet");
        unbroken(
            ui,
            format!(
                "as of {}",
                crate::app::list_date_text(&position.as_of, cx.date_display)
            ),
        );
        if !position.certainty.is_stated() {
            ui.weak(position.certainty.label());
        }
    });
    ui.indent(("position", position.id), |ui| {
        ui.label(&position.summary);
        if !position.conditions.is_empty() {
            ui.label(
                RichText::new(format!("Conditions: {}", position.conditions))
                    .italics()
                    .weak(),
            );
        }
    });
    ui.add_space(4.0);
}
