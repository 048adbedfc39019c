//! Sources: each outlet with its kind and reliability, and under it its claims with their
//! excerpts, attribution chains and credibility. Clicking a claim shows what it supports.

use std::collections::HashMap;

use egui::RichText;

use super::PanelContext;
use crate::app::Selected;
use crate::model::{Claim, Id};
use crate::ui::actions::Action;
use crate::ui::style;

/// An outlet's claims are listed open at first when there are at most this many: the seed's
/// outlets have 1 to 12; a generated 100k-event project has ~250 per outlet, and 40 open
/// lists of them cost ~150 ms a frame.
const OPEN_BY_DEFAULT_MAX_CLAIMS: usize = 20;
/// Claims listed at once under an outlet, and added by "Show more": 50 framed rows are
/// ~3 ms a frame here, and more than a screenful.
const CLAIMS_PAGE: usize = 50;

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
    // One pass over the claims for every outlet (not one per outlet): 10k claims and 40
    // outlets cost 400k comparisons a frame the other way, ~2 ms at 100k events.
    let mut by_source: HashMap<Id, Vec<&Claim>> = HashMap::new();
    // Claims whose chain passes through an actor, and of those, the ones read from each
    // outlet: an outlet's "relayed" claims are the first less the second.
    let mut through_actor: HashMap<Id, usize> = HashMap::new();
    let mut through_actor_from: HashMap<(Id, Id), usize> = HashMap::new();
    let mut chain_actors: Vec<Id> = Vec::new();
    for (j, claim) in project.claims.iter().enumerate() {
        if passes.claims.get(j).copied().unwrap_or(true) {
            by_source.entry(claim.source).or_default().push(claim);
        }
        chain_actors.clear();
        chain_actors.extend(claim.attribution.iter().filter_map(|step| step.actor));
        chain_actors.sort_unstable();
        chain_actors.dedup();
        for &actor in &chain_actors {
            *through_actor.entry(actor).or_default() += 1;
            *through_actor_from.entry((actor, claim.source)).or_default() += 1;
        }
    }
    egui::ScrollArea::vertical()
        .id_salt("sources")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for i in shown {
                let source = &project.sources[i];
                let claims = by_source.get(&source.id).map_or(&[][..], Vec::as_slice);
                let relayed = source.actor.map_or(0, |actor| {
                    let own = through_actor_from
                        .get(&(actor, source.id))
                        .copied()
                        .unwrap_or(0);
                    through_actor.get(&actor).copied().unwrap_or(0) - own
                });
                let id = ui.make_persistent_id(("source", source.id));
                egui::collapsing_header::CollapsingState::load_with_default_open(
                    ui.ctx(),
                    id,
                    !claims.is_empty() && claims.len() <= OPEN_BY_DEFAULT_MAX_CLAIMS,
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
                    .on_hover_text(crate::model::reliability_meaning(source.reliability));
                    ui.weak(source.kind.label());
                    ui.weak(claims_count_text(claims.len()));
                })
                .body(|ui| {
                    if claims.is_empty() {
                        ui.weak(if relayed > 0 {
                            format!(
                                "No claims read here; {} read elsewhere {} through {}.",
                                crate::model::count(relayed, "claim", "claims"),
                                crate::model::noun(relayed, "passes", "pass"),
                                source.name
                            )
                        } else {
                            "No claims.".to_owned()
                        });
                    }
                    let limit_id = id.with("shown");
                    let limit = ui
                        .data(|d| d.get_temp::<usize>(limit_id))
                        .unwrap_or(CLAIMS_PAGE);
                    for claim in claims.iter().take(limit) {
                        claim_row_ui(ui, cx, claim, actions);
                    }
                    let hidden = claims.len().saturating_sub(limit);
                    if hidden > 0
                        && ui
                            .button(format!(
                                "Show {} more ({hidden} not shown)",
                                hidden.min(CLAIMS_PAGE)
                            ))
                            .clicked()
                    {
                        ui.data_mut(|d| d.insert_temp(limit_id, limit + CLAIMS_PAGE));
                    }
                });
            }
        });
}

fn claims_count_text(num_claims: usize) -> String {
    match num_claims {
        0 => String::new(),
        n => crate::model::count(n, "claim", "claims"),
    }
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
                let who = s.actor.map_or_else(
                    || s.name.to_string(),
                    |a| lookup.name_of(project, a).to_owned(),
                );
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
            // On one line of its own when it does not fit after the chain: split, the
            // grade's number would start a line without its word.
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!(
                        "credibility {} ({})",
                        claim.credibility,
                        claim.credibility.meaning()
                    ))
                    .weak(),
                )
                .wrap_mode(egui::TextWrapMode::Extend),
            );
        });
    });
}
