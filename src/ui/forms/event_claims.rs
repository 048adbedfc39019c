//! The claims an event cites, in the event form, and the two ways to add one: cite a claim
//! of the project, or draft a new one from a quotation, its source (one of the project's or a
//! new one, described in place), its grade and its publication date.

use egui::RichText;

use super::{FormState, NewClaim, hint, push_edit, quoted_excerpt, row};
use crate::app::claim_draft::{
    NewSource, SourceChoice, cite_new_claim, default_published, missing_text,
};
use crate::app::edits::replace_event;
use crate::model::Lookup;
use crate::model::{Credibility, DateSpec, Project, Reliability, SourceKind};
use crate::ui::actions::Action;
use crate::ui::style;

/// Excerpts in the list and the menu are cut at 70 characters: a line of the form.
const EXCERPT_CHARS: usize = 70;

pub(super) fn claims_ui(
    ui: &mut egui::Ui,
    project: &Project,
    lookup: &Lookup,
    index: usize,
    state: &mut FormState,
    actions: &mut Vec<Action>,
) {
    let Some(event) = project.events.get(index) else {
        return;
    };
    ui.label(RichText::new("Claims").strong());
    for (i, citation) in event.claims.iter().enumerate() {
        let claim_id = citation.claim;
        ui.horizontal(|ui| {
            let excerpt = lookup.name_of(project, claim_id);
            let short = quoted_excerpt(excerpt, EXCERPT_CHARS);
            let participant = citation.participant.map(|actor| {
                lookup
                    .actor(project, actor)
                    .map_or(actor.as_str(), |a| a.name.as_str())
            });
            let (text, remove_label) = match participant {
                None => (format!("“{excerpt}”"), format!("Stop citing {short}")),
                Some(name) => (
                    format!("{name}'s part: “{excerpt}”"),
                    format!("Stop citing {short} for {name}"),
                ),
            };
            // The button first: the excerpt is truncated to what is left of the row, so a
            // button after it would be pushed out of the panel.
            let remove = ui.small_button("✕").on_hover_text("Stop citing this claim");
            remove
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &remove_label));
            if remove.clicked() {
                let mut new = event.clone();
                new.claims.remove(i);
                push_edit(
                    actions,
                    replace_event(project, index, new, "uncite a claim in"),
                    None,
                );
            }
            ui.add(egui::Label::new(RichText::new(text).italics()).truncate());
        });
    }
    ui.horizontal(|ui| {
        ui.menu_button("Cite a claim…", |ui| {
            ui.add(egui::TextEdit::singleline(&mut state.cite_search).hint_text(hint("Find…")));
            let needle = state.cite_search.to_lowercase();
            egui::ScrollArea::vertical()
                .max_height(280.0)
                .show(ui, |ui| {
                    for claim in project
                        .claims
                        .iter()
                        .filter(|c| !event.own_claim_ids().any(|x| x == c.id))
                    {
                        if !needle.is_empty() && !claim.excerpt.to_lowercase().contains(&needle) {
                            continue;
                        }
                        if ui
                            .button(quoted_excerpt(&claim.excerpt, EXCERPT_CHARS))
                            .clicked()
                        {
                            let mut new = event.clone();
                            new.cite(claim.id);
                            push_edit(
                                actions,
                                replace_event(project, index, new, "cite a claim in"),
                                None,
                            );
                            ui.close();
                        }
                    }
                });
        });
        if state.new_claim.is_none() && ui.button("New claim from a quotation…").clicked() {
            state.new_claim = Some(NewClaim::default());
        }
    });
    new_claim_ui(ui, project, lookup, index, state, actions);
}

/// Today, as the date a claim read now was published until the analyst says otherwise.
fn today() -> Option<DateSpec> {
    let now = crate::ui::timeline::now_secs();
    DateSpec::parse(&crate::model::civil_from_secs(now).date().to_string()).ok()
}

/// The draft of a new claim: quotation, source, grade, date. Made and cited in one step.
fn new_claim_ui(
    ui: &mut egui::Ui,
    project: &Project,
    lookup: &Lookup,
    index: usize,
    state: &mut FormState,
    actions: &mut Vec<Action>,
) {
    let Some(mut new) = state.new_claim.take() else {
        return;
    };
    let mut done = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new("New claim").strong());
        ui.label(RichText::new("The exact words of the source:").weak());
        ui.add(
            egui::TextEdit::multiline(&mut new.draft.excerpt)
                .id_salt("new_claim_quotation")
                .hint_text(hint("Paste the quotation here"))
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Quotation")
        });
        source_rows_ui(ui, project, lookup, &mut new);
        grade_rows_ui(ui, project, lookup, &mut new);
        published_row_ui(ui, project, state, &mut new);
        let missing = new.draft.missing();
        if let Some(text) = missing_text(&missing) {
            ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(missing.is_empty(), egui::Button::new("Add the claim"))
                .clicked()
                && let Some(edit) = cite_new_claim(project, index, &new.draft)
            {
                actions.push(Action::Edit(edit, None));
                done = true;
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
        });
    });
    if !done {
        state.new_claim = Some(new);
    }
}

/// "Read in": a source of the project, or "New source…" with its name, kind, reliability and
/// web address right here, so that nothing typed is lost by going to make it elsewhere.
fn source_rows_ui(ui: &mut egui::Ui, project: &Project, lookup: &Lookup, new: &mut NewClaim) {
    let current = match &new.draft.source {
        SourceChoice::None => "choose…".to_owned(),
        SourceChoice::Existing(id) => lookup.source(project, *id).map_or_else(
            || id.as_str().to_owned(),
            |s| format!("{} ({})", s.name, s.reliability.letter()),
        ),
        SourceChoice::New(_) => "a new source".to_owned(),
    };
    let mut choice = new.draft.source.clone();
    row(ui, "Read in", |ui| {
        egui::ComboBox::from_id_salt("new_claim_source")
            .selected_text(current)
            .width(ui.available_width().min(260.0))
            .show_ui(ui, |ui| {
                for s in &project.sources {
                    let chosen = choice == SourceChoice::Existing(s.id);
                    if ui
                        .selectable_label(
                            chosen,
                            format!("{} ({})", s.name, s.reliability.letter()),
                        )
                        .clicked()
                    {
                        choice = SourceChoice::Existing(s.id);
                    }
                }
                ui.separator();
                let is_new = matches!(choice, SourceChoice::New(_));
                if ui.selectable_label(is_new, "New source…").clicked() && !is_new {
                    choice = SourceChoice::New(NewSource::default());
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Read in"));
    });
    if choice != new.draft.source {
        new.draft.source = choice;
    }
    let SourceChoice::New(source) = &mut new.draft.source else {
        return;
    };
    // Not indented: the form's 90 pt of labels already take a third of the narrowest
    // details view (250 pt at 1024 pt windows).
    ui.scope(|ui| {
        labelled_text_ui(ui, "Source name", &mut source.name, "e.g. Le Monde");
        row(ui, "Kind", |ui| {
            egui::ComboBox::from_id_salt("new_source_kind")
                .selected_text(source.kind.label())
                .show_ui(ui, |ui| {
                    for kind in SourceKind::ALL {
                        ui.selectable_value(&mut source.kind, kind, kind.label());
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Source kind")
                });
        });
        row(ui, "Reliability", |ui| {
            let text = source.reliability.map_or_else(
                || "grade the outlet…".to_owned(),
                |r| format!("{}: {}", r.letter(), r.meaning()),
            );
            egui::ComboBox::from_id_salt("new_source_reliability")
                .selected_text(text)
                .show_ui(ui, |ui| {
                    for r in Reliability::ALL {
                        ui.selectable_value(
                            &mut source.reliability,
                            Some(r),
                            format!("{}: {}", r.letter(), r.meaning()),
                        );
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Source reliability")
                });
        });
        labelled_text_ui(ui, "Web address", &mut source.url, "https://…");
    });
}

/// A text field of the draft, named for screen readers and tests by `label`.
fn labelled_text_ui(ui: &mut egui::Ui, label: &str, text: &mut String, hint_text: &str) {
    let shown = label.strip_prefix("Source ").unwrap_or(label);
    let shown = capitalised(shown);
    let response = row(ui, &shown, |ui| {
        ui.add(
            egui::TextEdit::singleline(text)
                .id_salt(("new_claim", label))
                .hint_text(hint(hint_text))
                .desired_width(f32::INFINITY),
        )
    });
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The claim's credibility (1–6), asked here rather than left at "cannot be judged", with
/// the grade it makes with the source's reliability ("B2").
fn grade_rows_ui(ui: &mut egui::Ui, project: &Project, lookup: &Lookup, new: &mut NewClaim) {
    let reliability = match &new.draft.source {
        SourceChoice::Existing(id) => lookup.source(project, *id).map(|s| s.reliability),
        SourceChoice::New(s) => s.reliability,
        SourceChoice::None => None,
    };
    row(ui, "Credibility", |ui| {
        let text = new.draft.credibility.map_or_else(
            || "grade the claim…".to_owned(),
            |c| format!("{c}: {}", c.meaning()),
        );
        // The grade the claim will have ("B2") before the box: after it, the narrowest
        // details view (250 pt) cut it off.
        if let (Some(r), Some(c)) = (reliability, new.draft.credibility) {
            let dark = ui.visuals().dark_mode;
            style::badge(
                ui,
                &format!("{}{c}", r.letter()),
                style::reliability_color(r, dark),
            );
        }
        egui::ComboBox::from_id_salt("new_claim_credibility")
            .selected_text(text)
            .show_ui(ui, |ui| {
                for c in Credibility::ALL {
                    ui.selectable_value(
                        &mut new.draft.credibility,
                        Some(c),
                        format!("{c}: {}", c.meaning()),
                    );
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Credibility"));
    });
}

/// The publication date: the source's last one (or today) until the analyst types one.
fn published_row_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &mut FormState,
    new: &mut NewClaim,
) {
    if !new.published_by_hand
        && let Some(today) = today()
    {
        let source = match &new.draft.source {
            SourceChoice::Existing(id) => Some(*id),
            _ => None,
        };
        new.draft.published = Some(default_published(project, source, &today));
    }
    if let Some(date) = super::date_field::date_field_ui(
        ui,
        state,
        "new_claim:published",
        "Published",
        new.draft.published.as_ref(),
        true,
    ) {
        new.draft.published = date;
        new.published_by_hand = true;
    }
}
