//! The hover card of an event: title, date as the source gave it, status, who, where, sources.

use crate::app::{DateDisplay, Document, date_text};
use crate::model::Event;

pub fn event_tooltip_ui(ui: &mut egui::Ui, doc: &Document, event: &Event, display: &DateDisplay) {
    let project = doc.project();
    let lookup = doc.lookup();
    ui.set_max_width(360.0);
    ui.strong(event.title.as_str());
    ui.label(format!("{} · {}", event.kind.label(), event.status.label()));
    ui.label(date_text(&event.date, display));
    if !event.participants.is_empty() {
        let names: Vec<String> = event
            .participants
            .iter()
            .map(|p| {
                let name = lookup.name_of(project, p.actor);
                if p.certainty.is_stated() {
                    name.to_owned()
                } else {
                    format!("{name} ({})", p.certainty.label())
                }
            })
            .collect();
        ui.label(format!("Participants: {}", names.join(", ")));
    }
    if let Some(wording) = &event.place_wording {
        ui.label(format!("Place: “{wording}”"));
    } else if !event.places.is_empty() {
        let names: Vec<&str> = event
            .places
            .iter()
            .map(|p| lookup.name_of(project, p.location))
            .collect();
        ui.label(format!("Place: {}", names.join(", ")));
    }
    let mut sources: Vec<String> = Vec::new();
    for claim_id in event.all_claim_ids() {
        let Some(claim) = lookup.claim(project, claim_id) else {
            continue;
        };
        let Some(source) = lookup.source(project, claim.source) else {
            continue;
        };
        let text = format!("{} {}", source.name, claim.grade(source.reliability));
        if !sources.contains(&text) {
            sources.push(text);
        }
    }
    if !sources.is_empty() {
        ui.label(format!("Sources: {}", sources.join(", ")));
    }
    super::badges::disputed_line_ui(ui, doc, event);
}
