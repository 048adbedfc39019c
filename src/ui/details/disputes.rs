//! An event's "Disputed" section: each pair of reports that disagree (docs/DISPUTES.md), the
//! disagreements in one line each, then both versions side by side, each with its source,
//! when it was published, what it said (the disputed parts in the badge's red) and its
//! claims with their excerpts, attribution chains and grades.

use egui::RichText;

use crate::app::{Selected, date_text, list_date_text};
use crate::model::{
    Event, Id, ReportedState, grade_meaning, reliability_meaning, states_in_publication_order,
};
use crate::query::{Dispute, DisputeKind, event_disputes, state_sources};
use crate::ui::style;
use crate::ui::timeline::badges::{BADGE_GLYPH, dispute_color};

use super::DetailsContext;

/// Side by side only when each version gets this much width: an excerpt column narrower
/// than ~180 points holds under 25 characters a line, too few to read a sentence; below it
/// the versions stack.
const MIN_VERSION_WIDTH: f32 = 180.0;

impl DetailsContext<'_> {
    /// A "disputed" badge beside the event's kind and status, when its reports disagree:
    /// the section itself may be below the fold.
    pub(super) fn disputed_badge_ui(&self, ui: &mut egui::Ui, event: &Event) {
        if crate::query::is_disputed(event, self.doc.project(), self.doc.lookup()) {
            style::badge(ui, "disputed", dispute_color(ui.visuals().dark_mode)).on_hover_text(
                "Reports from different sources disagree about this event: see Disputed below",
            );
        }
    }

    /// The Disputed section of `event`, when any two of its reports disagree.
    pub(super) fn disputes_ui(&mut self, ui: &mut egui::Ui, event: &Event) {
        let doc = self.doc;
        let (project, lookup) = (doc.project(), doc.lookup());
        let disputes = event_disputes(event, project, lookup);
        if disputes.is_empty() {
            return;
        }
        let red = dispute_color(ui.visuals().dark_mode);
        ui.add_space(6.0);
        ui.label(RichText::new("Disputed").strong().color(red));
        let pairs = pairs_of(&disputes);
        ui.weak("Reports from different sources that cannot both be right:");
        // Which report came out first: "report 1 of 3" reads as in the event's history.
        let order: Vec<usize> = states_in_publication_order(event, project, lookup)
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        for (first, second, kinds) in pairs {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                for dispute in disputes
                    .iter()
                    .filter(|d| (d.first, d.second) == (first, second))
                {
                    ui.label(
                        RichText::new(format!(
                            "{BADGE_GLYPH} {} — {}",
                            dispute.kind.title(),
                            dispute.text
                        ))
                        .color(red),
                    );
                }
                let both = [first, second];
                if ui.available_width() >= 2.0 * MIN_VERSION_WIDTH {
                    ui.columns(2, |columns| {
                        for (column, index) in columns.iter_mut().zip(both) {
                            // Columns are justified, which would stretch the wrapped
                            // excerpts' words apart: the versions are set ragged-right.
                            column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                                self.version_ui(ui, event, index, &order, &kinds);
                            });
                        }
                    });
                } else {
                    for index in both {
                        ui.separator();
                        self.version_ui(ui, event, index, &order, &kinds);
                    }
                }
            });
        }
    }

    /// One report's version: its source and publication, what it said, and its claims.
    fn version_ui(
        &mut self,
        ui: &mut egui::Ui,
        event: &Event,
        index: usize,
        order: &[usize],
        kinds: &[DisputeKind],
    ) {
        let Some(state) = event.reported.get(index) else {
            return;
        };
        let doc = self.doc;
        let (project, lookup) = (doc.project(), doc.lookup());
        let sources = state_sources(state, project, lookup);
        let names: Vec<&str> = sources.iter().map(|&s| self.name(s)).collect();
        let number = order.iter().position(|&i| i == index).unwrap_or(index) + 1;
        ui.label(RichText::new(format!("Report {number}: {}", names.join(" and "))).strong());
        let published = state
            .claims
            .iter()
            .filter_map(|&c| lookup.claim(project, c))
            .filter_map(|c| c.published.as_ref())
            .map(|d| list_date_text(d, self.display))
            .next();
        if let Some(published) = published {
            ui.weak(format!("published {published}"));
        }
        self.said_marked_ui(ui, state, kinds);
        for &claim in &state.claims {
            ui.add_space(4.0);
            self.dispute_claim_ui(ui, claim);
        }
        if !state.note.is_empty() {
            ui.weak(state.note.as_str());
        }
    }

    /// What the report said about the event, each part it disputes in the badge's red.
    fn said_marked_ui(&mut self, ui: &mut egui::Ui, state: &ReportedState, kinds: &[DisputeKind]) {
        let red = dispute_color(ui.visuals().dark_mode);
        let marked = |kind: DisputeKind, text: String| {
            let text = RichText::new(text);
            if kinds.contains(&kind) {
                text.color(red).strong()
            } else {
                text
            }
        };
        if let Some(date) = &state.date {
            let text = marked(DisputeKind::Date, date_text(date, self.display));
            Self::field(ui, "Date", |ui| {
                ui.label(text);
            });
        }
        if let Some(status) = state.status {
            let text = marked(DisputeKind::Status, status.label().to_owned());
            Self::field(ui, "Status", |ui| {
                ui.label(text);
            });
        }
        if let Some(places) = &state.places {
            let joiner = if places.iter().any(|p| p.candidate) {
                " or "
            } else {
                ", "
            };
            let mut text = places
                .iter()
                .map(|p| self.name(p.location))
                .collect::<Vec<_>>()
                .join(joiner);
            if let Some(words) = &state.place_wording {
                text.push_str(&format!(" (“{words}”)"));
            }
            let text = marked(DisputeKind::Place, text);
            Self::field(ui, "Place", |ui| {
                ui.label(text);
            });
        }
        if let Some(participants) = &state.participants {
            let names: Vec<String> = participants
                .iter()
                .map(|p| {
                    let name = self.name(p.actor);
                    if p.certainty.is_stated() {
                        name.to_owned()
                    } else {
                        format!("{name} ({})", p.certainty.label())
                    }
                })
                .collect();
            let text = marked(DisputeKind::Participant, names.join(", "));
            Self::field(ui, "With", |ui| {
                ui.label(text);
            });
        }
        if !state.absent.is_empty() {
            let names: Vec<&str> = state.absent.iter().map(|&a| self.name(a)).collect();
            let text = marked(DisputeKind::Participant, names.join(", "));
            Self::field(ui, "Absent", |ui| {
                ui.label(text);
            });
        }
    }

    /// A claim of a version: its excerpt, attribution chain and grade (the source's
    /// reliability and the claim's credibility, in words beside the badge).
    fn dispute_claim_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let doc = self.doc;
        let (project, lookup) = (doc.project(), doc.lookup());
        let Some(claim) = lookup.claim(project, id) else {
            return;
        };
        ui.label(RichText::new(format!("“{}”", claim.excerpt)).italics());
        if !claim.attribution.is_empty() {
            self.chain_ui(ui, claim);
        }
        let Some(source) = lookup.source(project, claim.source) else {
            return;
        };
        let dark = ui.visuals().dark_mode;
        ui.horizontal_wrapped(|ui| {
            let name = source.name.clone();
            self.link(ui, &name, Selected::Source(source.id));
            let grade = claim.grade(source.reliability);
            let badge = style::badge(
                ui,
                &grade,
                style::reliability_color(source.reliability, dark),
            );
            badge.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Label, true, format!("{name} grade {grade}"))
            });
            badge.on_hover_text(grade_meaning(source.reliability, claim.credibility));
            ui.weak(format!(
                "{}, {}",
                source.reliability.meaning(),
                claim.credibility.meaning()
            ))
            .on_hover_text(reliability_meaning(source.reliability));
        });
    }
}

/// The disputing pairs, each once in the order the rules gave them, with their kinds.
fn pairs_of(disputes: &[Dispute]) -> Vec<(usize, usize, Vec<DisputeKind>)> {
    let mut pairs: Vec<(usize, usize, Vec<DisputeKind>)> = Vec::new();
    for d in disputes {
        match pairs
            .iter_mut()
            .find(|(a, b, _)| (*a, *b) == (d.first, d.second))
        {
            Some((_, _, kinds)) => kinds.push(d.kind),
            None => pairs.push((d.first, d.second, vec![d.kind])),
        }
    }
    pairs
}
