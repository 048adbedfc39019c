//! Sources: each outlet with its kind and reliability, and under it its claims with their
//! excerpts, attribution chains and credibility. Clicking a claim shows what it supports.

use egui::RichText;

use super::PanelContext;
use crate::app::Selected;
use crate::model::Claim;
use crate::ui::actions::Action;
use crate::ui::style;

/// Excerpts are cut at this many characters in the list; the details view shows them whole.
const EXCERPT_CHARS: usize = 140;

pub fn sources_ui(ui: &mut egui::Ui, cx: &PanelContext<'_>, actions: &mut Vec<Action>) {
    let project = cx.doc.project();
    let passes = &cx.filtered.result;
    let dark = ui.visuals().dark_mode;
    let shown: Vec<usize> = (0..project.sources.len())
        .filter(|&i| passes.sources.get(i).copied().unwrap_or(true))
        .collect();
    if shown.is_empty() {
        ui.weak("No sources to show.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("sources")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for i in shown {
                let source = &project.sources[i];
                let claims: Vec<&Claim> = project
                    .claims
                    .iter()
                    .enumerate()
                    .filter(|(j, c)| {
                        c.source == source.id && passes.claims.get(*j).copied().unwrap_or(true)
                    })
                    .map(|(_, c)| c)
                    .collect();
                let relayed = source.actor.map_or(0, |actor| {
                    project
                        .claims
                        .iter()
                        .filter(|c| {
                            c.source != source.id
                                && c.attribution.iter().any(|s| s.actor == Some(actor))
                        })
                        .count()
                });
                let id = ui.make_persistent_id(("source", source.id));
                egui::collapsing_header::CollapsingState::load_with_default_open(
                    ui.ctx(),
                    id,
                    !claims.is_empty(),
                )
                .show_header(ui, |ui| {
                    let item = Selected::Source(source.id);
                    if ui
                        .add(egui::Button::selectable(
                            cx.selection.contains(&item),
                            RichText::new(&source.name).strong(),
                        ))
                        .clicked()
                    {
                        actions.push(Action::Select(item));
                    }
                    style::badge(
                        ui,
                        &source.reliability.letter().to_string(),
                        style::reliability_color(source.reliability, dark),
                    )
                    .on_hover_text(source.reliability.meaning());
                    ui.weak(source.kind.label());
                })
                .body(|ui| {
                    if claims.is_empty() {
                        ui.weak(if relayed > 0 {
                            format!(
                                "No claims read here; {relayed} read elsewhere pass through {}.",
                                source.name
                            )
                        } else {
                            "No claims.".to_owned()
                        });
                    }
                    for claim in claims {
                        claim_row_ui(ui, cx, claim, actions);
                    }
                });
            }
        });
}

fn claim_row_ui(
    ui: &mut egui::Ui,
    cx: &PanelContext<'_>,
    claim: &Claim,
    actions: &mut Vec<Action>,
) {
    let project = cx.doc.project();
    let lookup = cx.doc.lookup();
    let item = Selected::Claim(claim.id);
    let selected = cx.selection.contains(&item);
    let excerpt: String = if claim.excerpt.chars().count() > EXCERPT_CHARS {
        let cut: String = claim.excerpt.chars().take(EXCERPT_CHARS).collect();
        format!("“{}…”", cut.trim_end())
    } else {
        format!("“{}”", claim.excerpt)
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let response =
            ui.add(egui::Button::selectable(selected, RichText::new(excerpt).italics()).wrap());
        if response
            .on_hover_text("Show what this claim supports")
            .clicked()
        {
            actions.push(Action::Select(item.clone()));
        }
        let chain: Vec<String> = claim
            .attribution
            .iter()
            .map(|s| {
                let who = s
                    .actor
                    .map_or_else(|| s.name.clone(), |a| lookup.name_of(project, a).to_owned());
                if s.verb.is_empty() {
                    who
                } else {
                    format!("{who} ({})", s.verb)
                }
            })
            .collect();
        ui.horizontal_wrapped(|ui| {
            if !chain.is_empty() {
                ui.weak(chain.join(" → "));
            }
            ui.weak(format!(
                "credibility {} ({})",
                claim.credibility,
                claim.credibility.meaning()
            ));
        });
    });
}
