//! Participants: a sortable table, a tree of who belongs to whom, and who met whom.

use egui_extras::{Column, TableBuilder};

use super::{PanelContext, ROW_HEIGHT, name_cell, sort_header};
use crate::app::{Appearances, Selected, day_text};
use crate::model::Actor;
use crate::query::{ActorNode, actor_tree, roles_text};
use crate::ui::actions::Action;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParticipantsView {
    #[default]
    Table,
    Tree,
    WhoMetWhom,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActorColumn {
    #[default]
    Name,
    Kind,
    Affiliation,
    Roles,
    Events,
    First,
    Last,
}

#[derive(Default)]
pub struct ParticipantsState {
    pub view: ParticipantsView,
    pub sort: ActorColumn,
    pub descending: bool,
}

pub fn participants_ui(
    ui: &mut egui::Ui,
    cx: &PanelContext<'_>,
    state: &mut ParticipantsState,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(&mut state.view, ParticipantsView::Table, "Table");
        ui.selectable_value(&mut state.view, ParticipantsView::Tree, "Tree");
        ui.selectable_value(
            &mut state.view,
            ParticipantsView::WhoMetWhom,
            "Who met whom",
        );
    });
    match state.view {
        ParticipantsView::Table => table_ui(ui, cx, state, actions),
        ParticipantsView::Tree => tree_ui(ui, cx, actions),
        ParticipantsView::WhoMetWhom => who_met_whom_ui(ui, cx, actions),
    }
}

fn table_ui(
    ui: &mut egui::Ui,
    cx: &PanelContext<'_>,
    state: &mut ParticipantsState,
    actions: &mut Vec<Action>,
) {
    let project = cx.doc.project();
    let lookup = cx.doc.lookup();
    let none = Appearances::default();
    let stats = |a: &Actor| cx.filtered.actors.get(&a.id).copied().unwrap_or(none);
    let affiliation = |a: &Actor| a.affiliation.map_or("", |id| lookup.name_of(project, id));
    let mut rows: Vec<usize> = (0..project.actors.len())
        .filter(|&i| cx.filtered.result.actors.get(i).copied().unwrap_or(true))
        .collect();
    rows.sort_by(|&x, &y| {
        let (a, b) = (&project.actors[x], &project.actors[y]);
        let order = match state.sort {
            ActorColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            ActorColumn::Kind => a.kind.cmp(&b.kind),
            ActorColumn::Affiliation => affiliation(a).cmp(affiliation(b)),
            ActorColumn::Roles => {
                roles_text(project, lookup, a).cmp(&roles_text(project, lookup, b))
            }
            ActorColumn::Events => stats(a).num_events.cmp(&stats(b).num_events),
            ActorColumn::First => stats(a).first_secs.cmp(&stats(b).first_secs),
            ActorColumn::Last => stats(a).last_secs.cmp(&stats(b).last_secs),
        };
        let order = if state.descending {
            order.reverse()
        } else {
            order
        };
        order.then_with(|| a.name.cmp(&b.name))
    });
    super::wide_table_ui(ui, "participants_h", |ui| {
        TableBuilder::new(ui)
            .id_salt("participants")
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(130.0).at_least(60.0).clip(true))
            .column(Column::initial(76.0).at_least(40.0).clip(true))
            .column(Column::initial(50.0).at_least(40.0))
            .column(Column::initial(80.0).at_least(40.0))
            .column(Column::initial(80.0).at_least(40.0))
            .column(Column::initial(100.0).at_least(40.0).clip(true))
            .column(Column::initial(180.0).at_least(40.0).clip(true))
            .header(ROW_HEIGHT, |mut header| {
                for (column, label) in [
                    (ActorColumn::Name, "Name"),
                    (ActorColumn::Kind, "Kind"),
                    (ActorColumn::Events, "Events"),
                    (ActorColumn::First, "First"),
                    (ActorColumn::Last, "Last"),
                    (ActorColumn::Affiliation, "Affiliation"),
                    (ActorColumn::Roles, "Roles"),
                ] {
                    header.col(|ui| {
                        sort_header(ui, label, column, &mut state.sort, &mut state.descending);
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                    let actor = &project.actors[rows[row.index()]];
                    let item = Selected::Actor(actor.id);
                    // Highlighted when selected, or when a selected event involves it.
                    let selected =
                        cx.selection.contains(&item) || cx.links.actors.contains(&actor.id);
                    row.set_selected(selected);
                    let s = stats(actor);
                    row.col(|ui| {
                        if name_cell(ui, selected, &actor.name).clicked() {
                            actions.push(Action::Select(item.clone()));
                        }
                    });
                    row.col(|ui| {
                        ui.label(actor.kind.label());
                    });
                    row.col(|ui| {
                        ui.label(s.num_events.to_string());
                    });
                    row.col(|ui| {
                        ui.label(day_text(s.first_secs));
                    });
                    row.col(|ui| {
                        // The last appearance is an exclusive end (midnight after it).
                        ui.label(day_text(s.last_secs.map(|t| t.saturating_sub(1))));
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(affiliation(actor)).truncate());
                    });
                    row.col(|ui| {
                        let roles = roles_text(project, lookup, actor);
                        ui.add(egui::Label::new(&roles).truncate())
                            .on_hover_text(&roles);
                    });
                });
            });
    });
}

fn tree_ui(ui: &mut egui::Ui, cx: &PanelContext<'_>, actions: &mut Vec<Action>) {
    let project = cx.doc.project();
    let forest = actor_tree(project, &cx.filtered.result.actors);
    egui::ScrollArea::vertical()
        .id_salt("participants_tree")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for node in &forest {
                node_ui(ui, cx, node, actions);
            }
        });
}

fn node_ui(ui: &mut egui::Ui, cx: &PanelContext<'_>, node: &ActorNode, actions: &mut Vec<Action>) {
    let project = cx.doc.project();
    let Some(actor) = cx.doc.lookup().actor(project, node.actor) else {
        return;
    };
    let item = Selected::Actor(actor.id);
    let selected = cx.selection.contains(&item) || cx.links.actors.contains(&actor.id);
    let events = cx
        .filtered
        .actors
        .get(&actor.id)
        .map_or(0, |s| s.num_events);
    let text = format!("{}  ({}, {events})", actor.name, actor.kind.label());
    if node.children.is_empty() {
        ui.horizontal(|ui| {
            ui.add_space(18.0);
            if ui
                .add(egui::Button::selectable(selected, &actor.name))
                .on_hover_text(&text)
                .clicked()
            {
                actions.push(Action::Select(item.clone()));
            }
            ui.weak(format!("{} · {events}", actor.kind.label()));
        });
        return;
    }
    let id = ui.make_persistent_id(("actor_node", actor.id));
    egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, true)
        .show_header(ui, |ui| {
            if ui
                .add(egui::Button::selectable(selected, &actor.name))
                .on_hover_text(&text)
                .clicked()
            {
                actions.push(Action::Select(item.clone()));
            }
            ui.weak(format!("{} · {events}", actor.kind.label()));
        })
        .body(|ui| {
            for child in &node.children {
                node_ui(ui, cx, child, actions);
            }
        });
}

fn who_met_whom_ui(ui: &mut egui::Ui, cx: &PanelContext<'_>, actions: &mut Vec<Action>) {
    let project = cx.doc.project();
    let lookup = cx.doc.lookup();
    let pairs = cx.filtered.pairs(cx.doc.project());
    if pairs.is_empty() {
        ui.weak("No two actors share an event among those shown.");
        return;
    }
    ui.weak(format!(
        "{} among the events shown; click one to select their events.",
        crate::model::count(pairs.len(), "pair", "pairs")
    ));
    egui::ScrollArea::vertical()
        .id_salt("pairs")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, pairs.len(), |ui, range| {
            for pair in &pairs[range] {
                let (a, b) = (
                    lookup.name_of(project, pair.a),
                    lookup.name_of(project, pair.b),
                );
                ui.horizontal(|ui| {
                    let label = format!("{a} — {b}");
                    if ui
                        .add(egui::Button::new(&label).frame(false).truncate())
                        .clicked()
                    {
                        let events = pair
                            .events
                            .iter()
                            .filter_map(|&i| project.events.get(i as usize))
                            .map(|e| Selected::Event(e.id.clone()));
                        actions.push(Action::SelectMany(events.collect()));
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.weak(format!("last {}", day_text(pair.last_secs.map(|t| t - 1))));
                        ui.label(format!("{}×", pair.events.len()));
                    });
                });
            }
        });
}
