//! The details view: everything about the selected thing, with the claims behind it.

use egui::RichText;

use crate::app::{DateDisplay, Document, History, Selected, date_text, list_date_text};
use crate::model::{Claim, Event, Id, reliability_meaning};
use crate::ui::actions::Action;
use crate::ui::forms::FormState;
use crate::ui::panels::PanelContext;
use crate::ui::style;

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

fn missing_ui(ui: &mut egui::Ui) {
    ui.weak("The selected item is no longer in the project.");
}

/// Long lists are cut at this many: the details view is for reading, the timeline for browsing.
const MAX_LISTED: usize = 50;

struct DetailsContext<'a> {
    doc: &'a Document,
    /// How dates are written (the settings), from the panel context.
    display: &'a DateDisplay,
    actions: &'a mut Vec<Action>,
}

impl DetailsContext<'_> {
    fn name(&self, id: Id) -> &str {
        self.doc.lookup().name_of(self.doc.project(), id)
    }

    /// A link to another entity: clicking it selects that entity.
    fn link(&mut self, ui: &mut egui::Ui, text: &str, target: Selected) {
        if ui.link(text).clicked() {
            self.actions.push(Action::Select(target));
        }
    }

    fn field(ui: &mut egui::Ui, label: &str, add: impl FnOnce(&mut egui::Ui)) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{label}:")).weak());
            add(ui);
        });
    }

    fn heading(ui: &mut egui::Ui, kind: &str, title: &str) {
        ui.label(RichText::new(kind.to_uppercase()).small().weak());
        ui.label(RichText::new(title).heading().strong());
    }

    fn event_ui(&mut self, ui: &mut egui::Ui, event: &Event) {
        let dark = ui.visuals().dark_mode;
        Self::heading(ui, "event", &event.title);
        ui.horizontal(|ui| {
            style::badge(ui, event.kind.label(), style::kind_color(event.kind, dark))
                .on_hover_text(format!("Kind of event: {}", event.kind.label()));
            style::badge(ui, event.status.label(), ui.visuals().text_color()).on_hover_text(
                format!(
                    "Status {}: {}",
                    event.status.label(),
                    event.status.meaning()
                ),
            );
        });
        Self::field(ui, "Date", |ui| {
            ui.label(date_text(&event.date, self.display));
        });
        self.support_ui(ui, &event.all_claim_ids().collect::<Vec<_>>());
        if !event.places.is_empty() || event.place_wording.is_some() {
            Self::field(ui, "Place", |ui| {
                for (i, place) in event.places.iter().enumerate() {
                    if i > 0 {
                        ui.label(if place.candidate { "or" } else { "," });
                    }
                    let name = self.name(place.location).to_owned();
                    self.link(ui, &name, Selected::Location(place.location));
                }
                if event.places.iter().any(|p| p.candidate) {
                    ui.weak("(candidates)");
                }
                if let Some(w) = &event.place_wording {
                    ui.label(format!("— “{w}”"));
                }
            });
        }
        if !event.tags.is_empty() {
            Self::field(ui, "Tags", |ui| {
                for &tag in &event.tags {
                    ui.label(self.name(tag).to_owned());
                }
            });
        }
        if !event.description.is_empty() {
            ui.add_space(4.0);
            ui.label(&*event.description);
        }
        if !event.participants.is_empty() {
            ui.add_space(6.0);
            ui.strong("Participants");
            for part in &event.participants {
                ui.horizontal_wrapped(|ui| {
                    let name = self.name(part.actor).to_owned();
                    self.link(ui, &name, Selected::Actor(part.actor));
                    ui.weak(part.role.label());
                    if !part.certainty.is_stated() {
                        ui.weak(format!("({})", part.certainty.label()));
                    }
                    self.participant_support_ui(ui, event, part.actor);
                });
            }
        }
        self.claims_ui(ui, event.all_claim_ids());
    }

    /// The claims about one participant's part ("likely to include Dmitriev"): their best
    /// grade, and their excerpts on hover.
    fn participant_support_ui(&self, ui: &mut egui::Ui, event: &Event, actor: Id) {
        let about: Vec<Id> = event.claims_about(actor).collect();
        let Some((grade, reliability, credibility)) =
            crate::query::best_grade(self.doc.project(), self.doc.lookup(), &about)
        else {
            return;
        };
        let project = self.doc.project();
        let excerpts: Vec<String> = about
            .iter()
            .filter_map(|&c| self.doc.lookup().claim(project, c))
            .map(|c| format!("“{}”", c.excerpt))
            .collect();
        let dark = ui.visuals().dark_mode;
        let badge = style::badge(ui, &grade, style::reliability_color(reliability, dark));
        let name = self.name(actor).to_owned();
        badge.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Label,
                true,
                format!("Support for {name}'s part: {grade}"),
            )
        });
        badge.on_hover_text(format!(
            "Best grade of the claims about this part: {}\n{}",
            crate::model::grade_meaning(reliability, credibility),
            excerpts.join("\n")
        ));
    }

    /// How well something is supported: independent sources and the best grade.
    fn support_ui(&self, ui: &mut egui::Ui, claims: &[Id]) {
        let index = self.doc.claims();
        let sources = index.independent_sources(claims.iter().copied());
        let best = index.best_reliability(claims.iter().copied());
        Self::field(ui, "Support", |ui| {
            let text = match sources {
                0 => "no source".to_owned(),
                1 => "1 independent source".to_owned(),
                n => format!("{n} independent sources"),
            };
            ui.label(text).on_hover_text(
                "Claims are independent when no outlet stands in both of their chains",
            );
            if let Some(r) = best {
                ui.weak(format!("· best source {} ({})", r.letter(), r.meaning()));
            }
        });
    }

    /// The claims behind something, each with its excerpt, chain and grade; duplicates once.
    fn claims_ui(&mut self, ui: &mut egui::Ui, claims: impl Iterator<Item = Id>) {
        let mut seen: Vec<Id> = Vec::new();
        for id in claims {
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
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
    fn chain_ui(&mut self, ui: &mut egui::Ui, claim: &Claim) {
        ui.horizontal_wrapped(|ui| {
            for (i, step) in claim.attribution.iter().enumerate() {
                if i > 0 {
                    ui.label("→");
                }
                let who = match step.actor {
                    Some(actor) if step.name.is_empty() => self.name(actor).to_owned(),
                    Some(actor) => format!("{} ({})", step.name, self.name(actor)),
                    None => step.name.to_string(),
                };
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

    fn claim_card_ui(&mut self, ui: &mut egui::Ui, id: Id) {
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

    fn actor_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(actor) = self.doc.lookup().actor(project, id) else {
            return missing_ui(ui);
        };
        Self::heading(ui, actor.kind.label(), &actor.name);
        if !actor.aliases.is_empty() {
            Self::field(ui, "Also", |ui| {
                ui.label(actor.aliases.join(", "));
            });
        }
        if let Some(aff) = actor.affiliation {
            Self::field(ui, "Part of", |ui| {
                let name = self.name(aff).to_owned();
                self.link(ui, &name, Selected::Actor(aff));
            });
        }
        if let Some(c) = &actor.country {
            Self::field(ui, "Country", |ui| {
                ui.label(c);
            });
        }
        if !actor.description.is_empty() {
            ui.label(&actor.description);
        }
        let roles = crate::query::roles_text(project, self.doc.lookup(), actor);
        if !roles.is_empty() {
            ui.add_space(6.0);
            ui.strong("Roles");
            for m in project.memberships.iter().filter(|m| m.member == id) {
                ui.horizontal_wrapped(|ui| {
                    ui.label(&m.role);
                    ui.weak("of");
                    let name = self.name(m.organisation).to_owned();
                    self.link(ui, &name, Selected::Actor(m.organisation));
                    if !m.certainty.is_stated() {
                        ui.weak(format!("({})", m.certainty.label()));
                    }
                });
            }
        }
        let members: Vec<_> = project
            .memberships
            .iter()
            .filter(|m| m.organisation == id)
            .collect();
        if !members.is_empty() {
            ui.add_space(6.0);
            ui.strong("Members and office holders");
            for m in members {
                ui.horizontal_wrapped(|ui| {
                    let name = self.name(m.member).to_owned();
                    self.link(ui, &name, Selected::Actor(m.member));
                    ui.weak(&m.role);
                });
            }
        }
        let events: Vec<&Event> = project
            .events
            .iter()
            .filter(|e| e.participant_ids().any(|a| a == id))
            .collect();
        self.event_list_ui(ui, "Events", &events);
        let positions: Vec<_> = project
            .positions
            .iter()
            .filter(|p| p.holder == id)
            .collect();
        if !positions.is_empty() {
            ui.add_space(6.0);
            ui.strong("Positions");
            for p in positions {
                ui.horizontal_wrapped(|ui| {
                    let dark = ui.visuals().dark_mode;
                    style::badge(ui, p.stance.label(), style::stance_color(p.stance, dark))
                        .on_hover_text(format!("Stance: {}", p.stance.label()));
                    let issue = self.name(p.issue).to_owned();
                    self.link(ui, &issue, Selected::Position(p.id));
                });
            }
        }
    }

    fn event_list_ui(&mut self, ui: &mut egui::Ui, title: &str, events: &[&Event]) {
        if events.is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.strong(format!("{title} ({})", events.len()));
        for event in events.iter().take(MAX_LISTED) {
            ui.horizontal_wrapped(|ui| {
                ui.weak(list_date_text(&event.date, self.display));
                self.link(ui, &event.title, Selected::Event(event.id.clone()));
                ui.weak(event.status.label());
            });
        }
        if events.len() > MAX_LISTED {
            ui.weak(format!("… and {} more", events.len() - MAX_LISTED));
        }
    }

    fn location_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(location) = self.doc.lookup().location(project, id) else {
            return missing_ui(ui);
        };
        Self::heading(ui, "location", &location.name);
        Self::field(ui, "Country", |ui| {
            ui.label(location.country.as_deref().unwrap_or("unknown"));
        });
        Self::field(ui, "Precision", |ui| {
            ui.label(location.precision.label());
        });
        if let Some((lat, lon)) = location.lat_lon() {
            Self::field(ui, "Coordinates", |ui| {
                ui.label(format!("{lat:.4}, {lon:.4}"));
            });
        }
        let events: Vec<&Event> = project
            .events
            .iter()
            .filter(|e| e.location_ids().any(|l| l == id))
            .collect();
        self.event_list_ui(ui, "Events", &events);
    }

    fn position_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(position) = project.positions.iter().find(|p| p.id == id) else {
            return missing_ui(ui);
        };
        let dark = ui.visuals().dark_mode;
        let holder = self.name(position.holder).to_owned();
        let issue = self.name(position.issue).to_owned();
        Self::heading(ui, "position", &format!("{holder} on {issue}"));
        ui.horizontal(|ui| {
            style::badge(
                ui,
                position.stance.label(),
                style::stance_color(position.stance, dark),
            )
            .on_hover_text(format!("Stance: {}", position.stance.label()));
            if !position.certainty.is_stated() {
                ui.weak(position.certainty.label());
            }
        });
        Self::field(ui, "Holder", |ui| {
            self.link(ui, &holder, Selected::Actor(position.holder));
        });
        Self::field(ui, "Issue", |ui| {
            self.link(ui, &issue, Selected::Issue(position.issue));
        });
        Self::field(ui, "As of", |ui| {
            ui.label(date_text(&position.as_of, self.display));
        });
        self.support_ui(ui, &position.claims);
        ui.label(&position.summary);
        if !position.conditions.is_empty() {
            Self::field(ui, "Conditions", |ui| {
                ui.label(&position.conditions);
            });
        }
        self.claims_ui(ui, position.claims.iter().copied());
    }

    fn issue_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(issue) = self.doc.lookup().issue(project, id) else {
            return missing_ui(ui);
        };
        Self::heading(ui, "issue", &issue.name);
        if !issue.description.is_empty() {
            ui.label(&issue.description);
        }
        ui.add_space(6.0);
        ui.strong("Positions");
        let dark = ui.visuals().dark_mode;
        for p in project.positions.iter().filter(|p| p.issue == id) {
            ui.horizontal_wrapped(|ui| {
                style::badge(ui, p.stance.label(), style::stance_color(p.stance, dark))
                    .on_hover_text(format!("Stance: {}", p.stance.label()));
                let holder = self.name(p.holder).to_owned();
                self.link(ui, &holder, Selected::Position(p.id));
                ui.weak(list_date_text(&p.as_of, self.display));
            });
        }
    }

    fn source_ui(&mut self, ui: &mut egui::Ui, id: Id) {
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
        if let Some(actor) = source.actor {
            let relayed = project
                .claims
                .iter()
                .filter(|c| c.source != id && c.attribution.iter().any(|s| s.actor == Some(actor)))
                .count();
            if relayed > 0 {
                ui.weak(format!(
                    "{} read elsewhere {} through {}.",
                    crate::model::count(relayed, "claim", "claims"),
                    crate::model::noun(relayed, "passes", "pass"),
                    source.name
                ));
            }
        }
    }

    fn claim_ui(&mut self, ui: &mut egui::Ui, id: Id) {
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
        let events: Vec<&Event> = project
            .events
            .iter()
            .filter(|e| e.all_claim_ids().any(|c| c == id))
            .collect();
        for event in events {
            ui.horizontal_wrapped(|ui| {
                ui.weak("event");
                self.link(ui, &event.title, Selected::Event(event.id.clone()));
            });
        }
        for p in project.positions.iter().filter(|p| p.claims.contains(&id)) {
            ui.horizontal_wrapped(|ui| {
                ui.weak("position");
                let text = format!("{} on {}", self.name(p.holder), self.name(p.issue));
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
                let text = format!(
                    "{}, {} of {}",
                    self.name(m.member),
                    m.role,
                    self.name(m.organisation)
                );
                self.link(ui, &text, Selected::Membership(m.id));
            });
        }
    }

    fn membership_ui(&mut self, ui: &mut egui::Ui, id: Id) {
        let project = self.doc.project();
        let Some(m) = project.memberships.iter().find(|m| m.id == id) else {
            return missing_ui(ui);
        };
        let member = self.name(m.member).to_owned();
        let org = self.name(m.organisation).to_owned();
        Self::heading(ui, "role", &format!("{member}, {} of {org}", m.role));
        Self::field(ui, "Member", |ui| {
            self.link(ui, &member, Selected::Actor(m.member));
        });
        Self::field(ui, "Of", |ui| {
            self.link(ui, &org, Selected::Actor(m.organisation));
        });
        Self::field(ui, "Kind", |ui| {
            ui.label(m.kind.label());
        });
        if !m.certainty.is_stated() {
            Self::field(ui, "Certainty", |ui| {
                ui.label(m.certainty.label());
            });
        }
        if let Some(d) = &m.start {
            Self::field(ui, "From", |ui| {
                ui.label(date_text(d, self.display));
            });
        }
        if let Some(d) = &m.end {
            Self::field(ui, "Until", |ui| {
                ui.label(date_text(d, self.display));
            });
        }
        self.claims_ui(ui, m.claims.iter().copied());
    }
}
