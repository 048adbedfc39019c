//! The event form: title, kind, status, date (as typed, with the interval it means), places,
//! participants, tags, description and the claims behind the event.

use egui::RichText;

use super::pickers::{Pick, actor_picker_ui, location_picker_ui};
use super::stale_notes::{forget_resolved, note_edits, stale_notes_ui};
use super::{FormState, enum_row, field_error, push_edit, row, text_area_row, text_row};
use crate::app::edits::{combine, quoted, replace_event, unique_id, upsert};
use crate::app::stale::StaleField;
use crate::model::Lookup;
use crate::model::{
    Actor, Certainty, Event, EventKind, EventPlace, EventStatus, Id, Location, LocationPrecision,
    ParticipantRole, Participation, Project,
};
use crate::ui::actions::Action;

pub fn event_form_ui(
    ui: &mut egui::Ui,
    project: &Project,
    lookup: &Lookup,
    index: usize,
    state: &mut FormState,
    actions: &mut Vec<Action>,
) {
    forget_resolved(project, index, state);
    let first_action = actions.len();
    event_fields_ui(ui, project, lookup, index, state, actions);
    note_edits(project, index, state, actions, first_action);
}

fn event_fields_ui(
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
    let key = |field: &str| Some(format!("event:{}:{field}", event.id));
    let edit = |new: Event, verb: &str| replace_event(project, index, new, verb);

    if let Some(title) = text_row(ui, "Title", &event.title, "What happened, or is to happen") {
        if title.trim().is_empty() {
            field_error(ui, "A title is needed.");
        } else {
            push_edit(
                actions,
                edit(
                    Event {
                        title: title.as_str().into(),
                        ..event.clone()
                    },
                    "rename",
                ),
                key("title"),
            );
        }
    }
    if event.title.trim().is_empty() {
        field_error(ui, "A title is needed.");
    }
    if let Some(kind) = enum_row(
        ui,
        "Kind",
        ("kind", index),
        event.kind,
        &EventKind::ALL,
        EventKind::label,
    ) {
        push_edit(
            actions,
            edit(
                Event {
                    kind,
                    ..event.clone()
                },
                "change the kind of",
            ),
            None,
        );
    }
    if let Some(status) = enum_row(
        ui,
        "Status",
        ("status", index),
        event.status,
        &EventStatus::ALL,
        EventStatus::label,
    ) {
        push_edit(
            actions,
            edit(
                Event {
                    status,
                    ..event.clone()
                },
                "change the status of",
            ),
            None,
        );
    }
    date_rows(ui, project, index, state, actions);

    ui.separator();
    places_ui(ui, project, lookup, index, state, actions);
    if let Some(w) = text_row(
        ui,
        "Place words",
        event.place_wording.as_deref().unwrap_or(""),
        "the report's words, e.g. “somewhere in Florida”",
    ) {
        let place_wording = (!w.trim().is_empty()).then(|| w.into());
        push_edit(
            actions,
            edit(
                Event {
                    place_wording,
                    ..event.clone()
                },
                "edit the place of",
            ),
            key("place_wording"),
        );
    }
    stale_notes_ui(ui, project, index, state, StaleField::PlaceWords, actions);
    ui.separator();
    participants_ui(ui, project, lookup, index, state, actions);
    stale_notes_ui(ui, project, index, state, StaleField::Participants, actions);
    ui.separator();
    tags_ui(ui, project, lookup, index, actions);
    if let Some(text) = text_area_row(ui, "Description", &event.description) {
        push_edit(
            actions,
            edit(
                Event {
                    description: text.into(),
                    ..event.clone()
                },
                "describe",
            ),
            key("description"),
        );
    }
    ui.separator();
    super::event_claims::claims_ui(ui, project, lookup, index, state, actions);
}

/// The date as typed, the interval it means, and the source's words beside it.
fn date_rows(
    ui: &mut egui::Ui,
    project: &Project,
    index: usize,
    state: &mut FormState,
    actions: &mut Vec<Action>,
) {
    let Some(event) = project.events.get(index) else {
        return;
    };
    let field_key = format!("event:{}:date", event.id);
    if let Some(Some(date)) =
        super::date_field::date_field_ui(ui, state, &field_key, "Date", Some(&event.date), false)
    {
        push_edit(
            actions,
            replace_event(
                project,
                index,
                Event {
                    date,
                    ..event.clone()
                },
                "change the date of",
            ),
            Some(field_key),
        );
    }
    let wording = event.date.wording().unwrap_or("");
    if let Some(w) = text_row(
        ui,
        "Date words",
        wording,
        "the report's words, e.g. “later this month”",
    ) {
        let mut date = event.date.clone();
        date.set_wording(Some(w.as_str()).filter(|w| !w.trim().is_empty()));
        push_edit(
            actions,
            replace_event(
                project,
                index,
                Event {
                    date,
                    ..event.clone()
                },
                "edit the date words of",
            ),
            Some(format!("event:{}:wording", event.id)),
        );
    }
    stale_notes_ui(ui, project, index, state, StaleField::DateWords, actions);
}

fn places_ui(
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
    ui.label(RichText::new("Places").strong());
    for (i, place) in event.places.iter().enumerate() {
        // The button first, and the row wrapping: in a narrow details view (1024 pt windows)
        // a button at the end of the row was cut off by the panel's edge.
        ui.horizontal_wrapped(|ui| {
            let name = lookup.name_of(project, place.location);
            let remove = ui.small_button("✕").on_hover_text("Remove this place");
            remove.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Remove place {name}"))
            });
            if remove.clicked() {
                let mut new = event.clone();
                new.places.remove(i);
                push_edit(
                    actions,
                    replace_event(project, index, new, "remove a place from"),
                    None,
                );
            }
            ui.label(name);
            let mut candidate = place.candidate;
            // "candidate" fits beside the name in the narrowest details view; the hover says
            // what it means.
            if ui
                .checkbox(&mut candidate, "candidate")
                .on_hover_text("One of several places the source names: it happens in one of them")
                .changed()
            {
                let mut new = event.clone();
                new.places[i].candidate = candidate;
                push_edit(
                    actions,
                    replace_event(project, index, new, "edit the places of"),
                    None,
                );
            }
        });
    }
    let existing: Vec<Id> = event.location_ids().collect();
    match location_picker_ui(ui, project, &mut state.add_place, &existing) {
        Some(Pick::Existing(id)) => {
            let mut new = event.clone();
            new.places.push(EventPlace {
                location: id,
                candidate: false,
            });
            push_edit(
                actions,
                replace_event(project, index, new, "add a place to"),
                None,
            );
        }
        Some(Pick::New(name, _)) => {
            let id = unique_id(project, "l", &name);
            let location = Location {
                id: Id::new(&id),
                name,
                country: None,
                lat: None,
                lon: None,
                precision: LocationPrecision::Unknown,
                geonames_id: None,
                aliases: Vec::new(),
            };
            let mut new = event.clone();
            new.places.push(EventPlace {
                location: location.id,
                candidate: false,
            });
            let edits = [
                upsert(project, location, "add"),
                replace_event(project, index, new, "add a place to")
                    .unwrap_or_else(|| crate::app::edit::Edit::new("", Vec::new())),
            ];
            actions.push(Action::Edit(
                combine(
                    format!("add a new place to {}", quoted(&event.title)),
                    edits,
                ),
                None,
            ));
        }
        None => {}
    }
}

fn participants_ui(
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
    ui.label(RichText::new("Participants").strong());
    for (i, part) in event.participants.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(lookup.name_of(project, part.actor));
            let name = lookup.name_of(project, part.actor);
            let mut new = event.clone();
            let mut changed = false;
            egui::ComboBox::from_id_salt(("role", index, i))
                .selected_text(part.role.label())
                .show_ui(ui, |ui| {
                    for role in ParticipantRole::ALL {
                        changed |= ui
                            .selectable_value(&mut new.participants[i].role, role, role.label())
                            .changed();
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("Role of {name}"))
                });
            egui::ComboBox::from_id_salt(("certainty", index, i))
                .selected_text(part.certainty.label())
                .show_ui(ui, |ui| {
                    for c in Certainty::ALL {
                        changed |= ui
                            .selectable_value(&mut new.participants[i].certainty, c, c.label())
                            .changed();
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::ComboBox,
                        true,
                        format!("Certainty of {name}"),
                    )
                });
            if changed {
                push_edit(
                    actions,
                    replace_event(project, index, new.clone(), "edit the participants of"),
                    None,
                );
            }
            let remove = ui
                .small_button("✕")
                .on_hover_text("Remove this participant");
            remove.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Remove participant {name}"),
                )
            });
            if remove.clicked() {
                let mut new = event.clone();
                new.remove_participant(part.actor);
                push_edit(
                    actions,
                    replace_event(project, index, new, "remove a participant from"),
                    None,
                );
            }
        });
    }
    let existing: Vec<Id> = event.participant_ids().collect();
    let participation = |actor: Id| Participation {
        actor,
        role: ParticipantRole::Participant,
        certainty: Certainty::Stated,
    };
    match actor_picker_ui(ui, project, &mut state.add_participant, &existing) {
        Some(Pick::Existing(id)) => {
            let mut new = event.clone();
            new.add_participant(participation(id));
            push_edit(
                actions,
                replace_event(project, index, new, "add a participant to"),
                None,
            );
        }
        Some(Pick::New(name, kind)) => {
            let actor = Actor {
                id: Id::new(&unique_id(project, "a", &name)),
                name,
                kind,
                aliases: Vec::new(),
                affiliation: None,
                country: None,
                description: String::new(),
            };
            let mut new = event.clone();
            new.add_participant(participation(actor.id));
            let label = format!("add {} to {}", quoted(&actor.name), quoted(&event.title));
            let edits = [
                upsert(project, actor, "add"),
                replace_event(project, index, new, "")
                    .unwrap_or_else(|| crate::app::edit::Edit::new("", Vec::new())),
            ];
            actions.push(Action::Edit(combine(label, edits), None));
        }
        None => {}
    }
}

fn tags_ui(
    ui: &mut egui::Ui,
    project: &Project,
    lookup: &Lookup,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let Some(event) = project.events.get(index) else {
        return;
    };
    row(ui, "Tags", |ui| {
        ui.horizontal_wrapped(|ui| {
            for (i, &tag) in event.tags.iter().enumerate() {
                let name = lookup.name_of(project, tag).to_owned();
                if ui
                    .small_button(format!("{name} ✕"))
                    .on_hover_text("Remove this tag")
                    .clicked()
                {
                    let mut new = event.clone();
                    new.tags.remove(i);
                    push_edit(actions, replace_event(project, index, new, "untag"), None);
                }
            }
            ui.menu_button("+ tag", |ui| {
                for tag in project.tags.iter().filter(|t| !event.tags.contains(&t.id)) {
                    if ui.button(&tag.name).clicked() {
                        let mut new = event.clone();
                        new.tags.push(tag.id);
                        push_edit(actions, replace_event(project, index, new, "tag"), None);
                        ui.close();
                    }
                }
                // Or a new tag, made and given in one step.
                ui.separator();
                let draft_id = ui.make_persistent_id(("new-tag", index));
                let mut name: String = ui.data(|d| d.get_temp(draft_id)).unwrap_or_default();
                let field = ui.add(
                    egui::TextEdit::singleline(&mut name)
                        .hint_text(super::hint("New tag…"))
                        .desired_width(160.0),
                );
                field.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New tag")
                });
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Add tag").clicked() || entered {
                    push_edit(
                        actions,
                        crate::app::edits::tag_with_new_tag(project, index, &name),
                        None,
                    );
                    name.clear();
                    ui.close();
                }
                ui.data_mut(|d| d.insert_temp(draft_id, name));
            });
        });
    });
}
