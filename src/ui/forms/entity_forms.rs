//! Forms for actors, places, issues, positions, sources, claims and memberships.

// The row helpers return `Option<Option<T>>`: outer `None` when the field did not change,
// `Some(None)` when it was cleared. A named enum would say no more.
#![allow(clippy::option_option)]

use super::{FormState, enum_row, field_error, hint, push_edit, row, text_area_row, text_row};
use crate::app::Selected;
use crate::app::edits::{Entity, upsert};
use crate::model::Lookup;
use crate::model::{
    ActorKind, AttributionStep, Certainty, Credibility, Id, LocationPrecision, MembershipKind,
    Project, Reliability, SourceKind, Stance,
};
use crate::ui::actions::Action;
use crate::ui::place_picker::place_suggestions_ui;

/// The form of `item`, if it has one here (events have their own).
pub fn entity_form_ui(
    ui: &mut egui::Ui,
    project: &Project,
    lookup: &Lookup,
    item: &Selected,
    state: &mut FormState,
    actions: &mut Vec<Action>,
) {
    match item {
        Selected::Actor(id) => {
            if let Some(x) = lookup.actor(project, *id) {
                actor_form(ui, project, lookup, x.clone(), actions);
            }
        }
        Selected::Location(id) => {
            if let Some(x) = lookup.location(project, *id) {
                location_form(ui, project, x.clone(), state, actions);
            }
        }
        Selected::Issue(id) => {
            if let Some(x) = lookup.issue(project, *id) {
                let mut x = x.clone();
                if let Some(v) = text_row(ui, "Name", &x.name, "e.g. NATO membership") {
                    x.name = v;
                    send(actions, project, x.clone(), "name");
                }
                if let Some(v) = text_area_row(ui, "Description", &x.description) {
                    x.description = v;
                    send(actions, project, x, "description");
                }
            }
        }
        Selected::Position(id) => {
            if let Some(x) = project.positions.iter().find(|p| p.id == *id) {
                position_form(ui, project, lookup, x.clone(), state, actions);
            }
        }
        Selected::Source(id) => {
            if let Some(x) = lookup.source(project, *id) {
                source_form(ui, project, lookup, x.clone(), actions);
            }
        }
        Selected::Claim(id) => {
            if let Some(x) = lookup.claim(project, *id) {
                claim_form(ui, project, lookup, x.clone(), state, actions);
            }
        }
        Selected::Membership(id) => {
            if let Some(x) = project.memberships.iter().find(|m| m.id == *id) {
                membership_form(ui, project, lookup, x.clone(), actions);
            }
        }
        Selected::Event(_) => {}
    }
}

/// Sends the entity as changed, merging keystrokes in one field into one undo step.
fn send<T: Entity>(actions: &mut Vec<Action>, project: &Project, value: T, field: &str) {
    let key = format!("{}:{field}", value.id());
    push_edit(actions, Some(upsert(project, value, "edit")), Some(key));
}

/// A combo box over the project's actors (optionally of some kinds), with "none".
fn actor_row(
    ui: &mut egui::Ui,
    project: &Project,
    lookup: &Lookup,
    label: &str,
    value: Option<Id>,
    kinds: &[ActorKind],
    allow_none: bool,
) -> Option<Option<Id>> {
    let mut chosen = value;
    row(ui, label, |ui| {
        let text = value.map_or("—", |id| lookup.name_of(project, id));
        egui::ComboBox::from_id_salt(("actor_row", label))
            .selected_text(text)
            .show_ui(ui, |ui| {
                if allow_none {
                    ui.selectable_value(&mut chosen, None, "—");
                }
                for a in project
                    .actors
                    .iter()
                    .filter(|a| kinds.is_empty() || kinds.contains(&a.kind))
                {
                    ui.selectable_value(&mut chosen, Some(a.id), &a.name);
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
    });
    (chosen != value).then_some(chosen)
}

fn actor_form(
    ui: &mut egui::Ui,
    project: &Project,
    lookup: &Lookup,
    mut x: crate::model::Actor,
    actions: &mut Vec<Action>,
) {
    if let Some(v) = text_row(ui, "Name", &x.name, "e.g. Steve Witkoff") {
        if v.trim().is_empty() {
            field_error(ui, "A name is needed.");
        } else {
            x.name = v;
            send(actions, project, x.clone(), "name");
        }
    }
    if let Some(v) = enum_row(
        ui,
        "Kind",
        "actor_kind",
        x.kind,
        &ActorKind::ALL,
        ActorKind::label,
    ) {
        x.kind = v;
        send(actions, project, x.clone(), "kind");
    }
    if let Some(v) = text_row(
        ui,
        "Also called",
        &x.aliases.join(", "),
        "e.g. Zelensky, Washington (comma-separated)",
    ) {
        x.aliases = v
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        send(actions, project, x.clone(), "aliases");
    }
    if let Some(v) = actor_row(ui, project, lookup, "Part of", x.affiliation, &[], true) {
        if v == Some(x.id) {
            field_error(ui, "An actor cannot be part of itself.");
        } else {
            x.affiliation = v;
            send(actions, project, x.clone(), "affiliation");
        }
    }
    if let Some(c) = country_row(ui, x.country.as_deref()) {
        x.country = c;
        send(actions, project, x.clone(), "country");
    }
    if let Some(v) = text_area_row(ui, "Description", &x.description) {
        x.description = v;
        send(actions, project, x, "description");
    }
}

/// ISO 3166 country code field: two capital letters, or empty. Returns the new value.
fn country_row(ui: &mut egui::Ui, value: Option<&str>) -> Option<Option<String>> {
    let v = text_row(ui, "Country", value.unwrap_or(""), "ISO code, e.g. US")?;
    let v = v.trim().to_uppercase();
    if v.is_empty() {
        Some(None)
    } else if v.len() == 2 && v.chars().all(|c| c.is_ascii_uppercase()) {
        Some(Some(v))
    } else {
        field_error(ui, "Two letters, the ISO 3166 code: US, RU, UA, DE…");
        None
    }
}

fn location_form(
    ui: &mut egui::Ui,
    project: &Project,
    mut x: crate::model::Location,
    state: &mut FormState,
    actions: &mut Vec<Action>,
) {
    if let Some(city) = place_name_row(ui, project, &mut x, state, actions) {
        let typed = std::mem::take(&mut state.place_typed);
        city.fill_location(&mut x, &typed);
        // Its own undo step ("Kyiv from the gazetteer"), not part of the typing burst.
        send(actions, project, x.clone(), "gazetteer");
        return;
    }
    if let Some(c) = country_row(ui, x.country.as_deref()) {
        x.country = c;
        send(actions, project, x.clone(), "country");
    }
    let mut lat = x.lat.unwrap_or(0.0);
    let mut lon = x.lon.unwrap_or(0.0);
    let changed = row(ui, "Coordinates", |ui| {
        // Each number says which it is, to the eye and to screen readers.
        let coordinate = |ui: &mut egui::Ui, value: &mut f64, name: &str, max: f64| {
            let label = ui.label(egui::RichText::new(name).weak().small());
            ui.add(
                egui::DragValue::new(value)
                    .range(-max..=max)
                    .speed(0.01)
                    .max_decimals(5),
            )
            .labelled_by(label.id)
            .changed()
        };
        let a = coordinate(ui, &mut lat, "lat", 90.0);
        let b = coordinate(ui, &mut lon, "lon", 180.0);
        a || b
    });
    if changed {
        x.lat = Some(lat);
        x.lon = Some(lon);
        send(actions, project, x.clone(), "coordinates");
    }
    if let Some(v) = enum_row(
        ui,
        "Precision",
        "precision",
        x.precision,
        &LocationPrecision::ALL,
        LocationPrecision::label,
    ) {
        x.precision = v;
        send(actions, project, x, "precision");
    }
}

/// The name field of a place, with suggestions from the GeoNames gazetteer under it while
/// the analyst types; returns the city picked. Typing still renames the place at once.
fn place_name_row(
    ui: &mut egui::Ui,
    project: &Project,
    x: &mut crate::model::Location,
    state: &mut FormState,
    actions: &mut Vec<Action>,
) -> Option<crate::geo::City> {
    let mut text = x.name.clone();
    let response = row(ui, "Name", |ui| {
        ui.add(
            egui::TextEdit::singleline(&mut text)
                .id_salt("place_name")
                .hint_text(hint("a city: type to look it up"))
                .desired_width(f32::INFINITY),
        )
    });
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Name"));
    if response.changed() && text != x.name {
        state.place_typed.clone_from(&text);
        state.place_suggest = true;
        if !text.trim().is_empty() {
            x.name.clone_from(&text);
            send(actions, project, x.clone(), "name");
        }
    }
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        state.place_suggest = false;
    }
    if !state.place_suggest {
        return None;
    }
    // The list stays while the field has the focus or the pointer is on the list: a click
    // on a suggestion takes the focus from the field before it completes.
    // Under the field, not under its label (the form's labels are 86 pt wide).
    let list = ui.horizontal(|ui| {
        ui.add_space(90.0);
        ui.vertical(|ui| place_suggestions_ui(ui, &text)).inner
    });
    let keep = response.has_focus() || list.response.contains_pointer();
    if list.inner.is_some() || !keep {
        state.place_suggest = false;
    }
    if list.inner.is_some() {
        // The keyboard stays in the name field, where the analyst was typing: the click on
        // the suggestion took it away, and the field that then sat under the pointer looked
        // focused (hovered) but took no typing.
        response.request_focus();
    }
    list.inner
}

fn position_form(
    ui: &mut egui::Ui,
    project: &Project,
    lookup: &Lookup,
    mut x: crate::model::Position,
    state: &mut FormState,
    actions: &mut Vec<Action>,
) {
    if let Some(Some(v)) = actor_row(ui, project, lookup, "Holder", Some(x.holder), &[], false) {
        x.holder = v;
        send(actions, project, x.clone(), "holder");
    }
    let mut issue = x.issue;
    row(ui, "Issue", |ui| {
        egui::ComboBox::from_id_salt("position_issue")
            .selected_text(lookup.name_of(project, x.issue))
            .show_ui(ui, |ui| {
                for i in &project.issues {
                    ui.selectable_value(&mut issue, i.id, &i.name);
                }
            });
    });
    if issue != x.issue {
        x.issue = issue;
        send(actions, project, x.clone(), "issue");
    }
    if let Some(v) = enum_row(
        ui,
        "Stance",
        "stance",
        x.stance,
        &Stance::ALL,
        Stance::label,
    ) {
        x.stance = v;
        send(actions, project, x.clone(), "stance");
    }
    if let Some(v) = text_row(
        ui,
        "Summary",
        &x.summary,
        "e.g. Kyiv could consider suspending its NATO bid",
    ) {
        x.summary = v;
        send(actions, project, x.clone(), "summary");
    }
    if let Some(v) = text_row(
        ui,
        "Conditions",
        &x.conditions,
        "e.g. in exchange for security guarantees",
    ) {
        x.conditions = v;
        send(actions, project, x.clone(), "conditions");
    }
    if let Some(Some(d)) = super::date_field::date_field_ui(
        ui,
        state,
        &format!("{}:as_of", x.id),
        "As of",
        Some(&x.as_of),
        false,
    ) {
        x.as_of = d;
        send(actions, project, x.clone(), "as_of");
    }
    if let Some(v) = enum_row(
        ui,
        "Certainty",
        "position_certainty",
        x.certainty,
        &Certainty::ALL,
        Certainty::label,
    ) {
        x.certainty = v;
        send(actions, project, x, "certainty");
    }
}

fn source_form(
    ui: &mut egui::Ui,
    project: &Project,
    lookup: &Lookup,
    mut x: crate::model::Source,
    actions: &mut Vec<Action>,
) {
    if let Some(v) = text_row(ui, "Name", &x.name, "e.g. Reuters")
        && !v.trim().is_empty()
    {
        x.name = v;
        send(actions, project, x.clone(), "name");
    }
    if let Some(v) = enum_row(
        ui,
        "Kind",
        "source_kind",
        x.kind,
        &SourceKind::ALL,
        SourceKind::label,
    ) {
        x.kind = v;
        send(actions, project, x.clone(), "kind");
    }
    let letter = |r: Reliability| match r {
        Reliability::A => "A: completely reliable",
        Reliability::B => "B: usually reliable",
        Reliability::C => "C: fairly reliable",
        Reliability::D => "D: not usually reliable",
        Reliability::E => "E: unreliable",
        Reliability::F => "F: cannot be judged",
    };
    if let Some(v) = enum_row(
        ui,
        "Reliability",
        "reliability",
        x.reliability,
        &Reliability::ALL,
        letter,
    ) {
        x.reliability = v;
        send(actions, project, x.clone(), "reliability");
    }
    if let Some(v) = actor_row(
        ui,
        project,
        lookup,
        "As actor",
        x.actor,
        &[ActorKind::Outlet],
        true,
    ) {
        x.actor = v;
        send(actions, project, x.clone(), "actor");
    }
    if let Some(v) = text_row(
        ui,
        "Web address",
        x.url.as_deref().unwrap_or(""),
        "https://…",
    ) {
        x.url = (!v.trim().is_empty()).then_some(v);
        send(actions, project, x.clone(), "url");
    }
    if let Some(v) = text_area_row(ui, "Note", &x.note) {
        x.note = v;
        send(actions, project, x, "note");
    }
}

fn claim_form(
    ui: &mut egui::Ui,
    project: &Project,
    lookup: &Lookup,
    mut x: crate::model::Claim,
    state: &mut FormState,
    actions: &mut Vec<Action>,
) {
    if let Some(v) = text_area_row(ui, "Excerpt (exact words)", &x.excerpt) {
        x.excerpt = v.into();
        send(actions, project, x.clone(), "excerpt");
    }
    let mut source = x.source;
    row(ui, "Read in", |ui| {
        egui::ComboBox::from_id_salt("claim_source")
            .selected_text(lookup.name_of(project, x.source))
            .show_ui(ui, |ui| {
                for s in &project.sources {
                    ui.selectable_value(&mut source, s.id, &s.name);
                }
            });
    });
    if source != x.source {
        x.source = source;
        send(actions, project, x.clone(), "source");
    }
    let meaning = |c: Credibility| match c.value() {
        1 => "1: confirmed by other sources",
        2 => "2: probably true",
        3 => "3: possibly true",
        4 => "4: doubtful",
        5 => "5: improbable",
        _ => "6: cannot be judged",
    };
    if let Some(v) = enum_row(
        ui,
        "Credibility",
        "credibility",
        x.credibility,
        &Credibility::ALL,
        meaning,
    ) {
        x.credibility = v;
        send(actions, project, x.clone(), "credibility");
    }
    if let Some(d) = super::date_field::date_field_ui(
        ui,
        state,
        &format!("{}:published", x.id),
        "Published",
        x.published.as_ref(),
        true,
    ) {
        x.published = d;
        send(actions, project, x.clone(), "published");
    }
    ui.label(egui::RichText::new("Attribution, from the origin to where it was read").strong());
    let mut steps = x.attribution.clone();
    let mut changed = false;
    let mut remove = None;
    for (i, step) in steps.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let who = step
                .actor
                .map_or(step.name.as_str(), |a| lookup.name_of(project, a))
                .to_owned();
            egui::ComboBox::from_id_salt(("step_actor", i))
                .selected_text(who)
                .show_ui(ui, |ui| {
                    changed |= ui
                        .selectable_value(&mut step.actor, None, "(unnamed: words below)")
                        .changed();
                    for a in &project.actors {
                        changed |= ui
                            .selectable_value(&mut step.actor, Some(a.id), &a.name)
                            .changed();
                    }
                });
            let mut name = step.name.to_string();
            if ui
                .add(
                    egui::TextEdit::singleline(&mut name)
                        .hint_text(hint("e.g. sources familiar…"))
                        .desired_width(120.0),
                )
                .changed()
            {
                step.name = name.into();
                changed = true;
            }
            let mut verb = step.verb.to_string();
            if ui
                .add(
                    egui::TextEdit::singleline(&mut verb)
                        .hint_text(hint("e.g. said"))
                        .desired_width(70.0),
                )
                .changed()
            {
                step.verb = verb.into();
                changed = true;
            }
            if ui.small_button("✕").clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        steps.remove(i);
        changed = true;
    }
    if ui.small_button("+ step").clicked() {
        steps.push(AttributionStep {
            actor: None,
            name: arcstr::ArcStr::default(),
            verb: compact_str::CompactString::default(),
        });
        changed = true;
    }
    if changed {
        x.attribution = steps;
        send(actions, project, x.clone(), "attribution");
    }
    if let Some(v) = text_area_row(ui, "Note", &x.note) {
        x.note = v.into();
        send(actions, project, x, "note");
    }
}

fn membership_form(
    ui: &mut egui::Ui,
    project: &Project,
    lookup: &Lookup,
    mut x: crate::model::Membership,
    actions: &mut Vec<Action>,
) {
    if let Some(Some(v)) = actor_row(ui, project, lookup, "Member", Some(x.member), &[], false) {
        x.member = v;
        send(actions, project, x.clone(), "member");
    }
    if let Some(v) = text_row(ui, "Role", &x.role, "e.g. special envoy") {
        x.role = v;
        send(actions, project, x.clone(), "role");
    }
    if let Some(Some(v)) = actor_row(ui, project, lookup, "Of", Some(x.organisation), &[], false) {
        x.organisation = v;
        send(actions, project, x.clone(), "organisation");
    }
    if let Some(v) = enum_row(
        ui,
        "Kind",
        "membership_kind",
        x.kind,
        &MembershipKind::ALL,
        MembershipKind::label,
    ) {
        x.kind = v;
        send(actions, project, x.clone(), "kind");
    }
    if let Some(v) = enum_row(
        ui,
        "Certainty",
        "membership_certainty",
        x.certainty,
        &Certainty::ALL,
        Certainty::label,
    ) {
        x.certainty = v;
        send(actions, project, x, "certainty");
    }
}
