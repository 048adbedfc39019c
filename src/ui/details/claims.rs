//! Sources and claims: a source's details with the claims read there, a claim's details with
//! what it supports, and the claim cards (excerpt, attribution chain, grade) that every
//! entity's details list.

use egui::RichText;

use crate::app::{Selected, list_date_text};
use crate::model::{Claim, Id, reliability_meaning};
use crate::query::{attribution_step_text, membership_title, position_title};
use crate::ui::actions::Action;
use crate::ui::style;

use super::{DetailsContext, missing_ui};

impl DetailsContext<'_> {
    pub(super) fn source_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(source) = self.doc.lookup().source(project, id) else {
            return missing_ui(ui);
        };
        let dark = ui.visuals().dark_mode;
        Self::heading(ui, "source", &source.name);
        ui.horizontal(|ui| {
            ui.label(source.kind.label());
            style::badge(
                ui,
                &source.reliability.letter().to_string(),
                style::reliability_color(source.reliability, dark),
            )
            .on_hover_text(reliability_meaning(source.reliability));
            ui.weak(source.reliability.meaning());
        });
        if let Some(url) = &source.url {
            ui.hyperlink(url);
        }
        if !source.note.is_empty() {
            ui.label(&source.note);
        }
        let claims: Vec<Id> = project
            .claims
            .iter()
            .filter(|c| c.source == id)
            .map(|c| c.id)
            .collect();
        self.claims_ui(ui, claims.into_iter());
        // Claims relayed through this outlet, read elsewhere.
        let relayed = crate::query::relayed_claims(project, source);
        if relayed > 0 {
            ui.weak(crate::query::relayed_text(relayed, &source.name));
        }
    }

    pub(super) fn claim_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(claim) = self.doc.lookup().claim(project, id) else {
            return missing_ui(ui);
        };
        // Named by its words (cut to a heading's length, 60 characters; the card below has
        // them all), never by its id.
        Self::heading(
            ui,
            "claim",
            &crate::ui::forms::quoted_excerpt(&claim.excerpt, 60),
        );
        self.claim_card_ui(ui, id);
        ui.add_space(6.0);
        ui.strong("Supports");
        for event in crate::query::events_citing(project, id) {
            ui.horizontal_wrapped(|ui| {
                ui.weak("event");
                self.link(ui, &event.title, Selected::Event(event.id.clone()));
            });
        }
        for p in project.positions.iter().filter(|p| p.claims.contains(&id)) {
            ui.horizontal_wrapped(|ui| {
                ui.weak("position");
                let text = position_title(project, self.doc.lookup(), p);
                self.link(ui, &text, Selected::Position(p.id));
            });
        }
        for m in project
            .memberships
            .iter()
            .filter(|m| m.claims.contains(&id))
        {
            ui.horizontal_wrapped(|ui| {
                ui.weak("role");
                let text = membership_title(project, self.doc.lookup(), m);
                self.link(ui, &text, Selected::Membership(m.id));
            });
        }
    }

    /// The claims behind something, each with its excerpt, chain and grade; duplicates once.
    pub(super) fn claims_ui(&mut self, ui: &mut egui::Ui, claims: impl Iterator<Item = Id>) {
        let seen = crate::query::distinct_ids(claims);
        if seen.is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.strong(format!(
            "Sources ({})",
            crate::model::count(seen.len(), "claim", "claims")
        ));
        for id in seen {
            self.claim_card_ui(ui, id);
        }
    }

    /// The attribution chain of a claim: officials → Politico → Xinhua, each a link.
    pub(super) fn chain_ui(&mut self, ui: &mut egui::Ui, claim: &Claim) {
        let doc = self.doc;
        ui.horizontal_wrapped(|ui| {
            for (i, step) in claim.attribution.iter().enumerate() {
                if i > 0 {
                    ui.label("→");
                }
                let who = attribution_step_text(doc.project(), doc.lookup(), step);
                match step.actor {
                    Some(actor) => self.link(ui, &who, Selected::Actor(actor)),
                    None => {
                        ui.label(who);
                    }
                }
                if !step.verb.is_empty() {
                    ui.weak(step.verb.as_str());
                }
            }
        });
    }

    pub(super) fn claim_card_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let lookup = self.doc.lookup();
        let Some(claim) = lookup.claim(project, id) else {
            return;
        };
        let source = lookup.source(project, claim.source);
        let dark = ui.visuals().dark_mode;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("“{}”", claim.excerpt)).italics());
            // No chain, no row: an empty one leaves a blank line in the card.
            if !claim.attribution.is_empty() {
                self.chain_ui(ui, claim);
            }
            ui.horizontal_wrapped(|ui| {
                if let Some(source) = source {
                    self.link(ui, &source.name, Selected::Source(source.id));
                    let grade = claim.grade(source.reliability);
                    style::badge(
                        ui,
                        &grade,
                        style::reliability_color(source.reliability, dark),
                    )
                    .on_hover_text(crate::model::grade_meaning(
                        source.reliability,
                        claim.credibility,
                    ));
                }
                if let Some(published) = &claim.published {
                    ui.weak(format!(
                        "published {}",
                        list_date_text(published, self.display)
                    ));
                }
                if ui
                    .small_button("claim")
                    .on_hover_text("Show this claim and what it supports")
                    .clicked()
                {
                    self.actions.push(Action::Select(Selected::Claim(claim.id)));
                }
            });
            if !claim.note.is_empty() {
                ui.weak(claim.note.as_str());
            }
        });
    }
}
