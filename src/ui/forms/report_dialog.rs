//! "Record report…": what one report said about an event (issue 13), as a reported state
//! tied to the claims that said it. The same window corrects a state already recorded. The
//! event's own fields (the analyst's assessment) are not touched: "Adopt as current" in the
//! event's Reports section does that.
//!
//! The state is drafted in the window and reaches the project only on "Record" (or "Save
//! changes"), as one edit, so one undo step.

use compact_str::CompactString;

use crate::app::{DateDisplay, edits, list_date_text};
use crate::model::{
    EventPlace, EventStatus, Id, Lookup, Project, ReportedParticipant, ReportedState,
};
use crate::query::TextSearch;
use crate::ui::actions::Action;
use crate::ui::forms::{FormState, date_field_ui, hint, quoted_excerpt, row, text_row};

/// Suggestions under a search field: more than eight is a list to scroll, not a suggestion.
const MAX_SUGGESTIONS: usize = 8;
/// A claim's words in a suggestion or a chosen row, cut to one line of the window.
const EXCERPT_CHARS: usize = 70;

/// The window's state: closed, or a draft of one state.
#[derive(Default)]
pub struct ReportDialog {
    draft: Option<Draft>,
}

struct Draft {
    event: CompactString,
    /// The index of the state being corrected; `None` for a new one.
    editing: Option<usize>,
    state: ReportedState,
    /// Several places are candidates ("Miami or elsewhere in the United States").
    candidates: bool,
    claim_query: String,
    place_query: String,
    participant_query: String,
    absent_query: String,
    /// For the date field's draft and preview.
    form: FormState,
}

/// Which list of actors a search adds to.
#[derive(Clone, Copy)]
enum ActorList {
    Participants,
    Absent,
}

impl ReportDialog {
    pub fn is_open(&self) -> bool {
        self.draft.is_some()
    }

    /// Opens on `event`: a new state, or a copy of state `editing` to correct. Does nothing
    /// when the event or the state is not in the project.
    pub fn open(&mut self, project: &Project, event: CompactString, editing: Option<usize>) {
        let Some(found) = project.events.iter().find(|e| e.id == event) else {
            return;
        };
        let state = match editing {
            Some(i) => match found.reported.get(i) {
                Some(state) => state.clone(),
                None => return,
            },
            None => ReportedState::default(),
        };
        let candidates = state
            .places
            .as_ref()
            .is_none_or(|p| p.len() < 2 || p.iter().all(|x| x.candidate));
        self.draft = Some(Draft {
            event,
            editing,
            state,
            candidates,
            claim_query: String::new(),
            place_query: String::new(),
            participant_query: String::new(),
            absent_query: String::new(),
            form: FormState::default(),
        });
    }

    /// The window, while open. Pushes the edit on "Record" and closes.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        lookup: &Lookup,
        display: &DateDisplay,
        actions: &mut Vec<Action>,
    ) {
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        let Some(index) = project.events.iter().position(|e| e.id == draft.event) else {
            // The event went (an undo, another project): nothing to record on.
            self.draft = None;
            return;
        };
        draft.form.date_display = display.clone();
        let title = if draft.editing.is_some() {
            "Edit report"
        } else {
            "Record report"
        };
        let mut open = true;
        let mut close = false;
        // Room for the title bar and the buttons under the fields (about 110 pt).
        let fields_height = (ctx.content_rect().height() - 160.0).max(200.0);
        // 540 pt: a claim's 70-character line and its source fit; less on a small screen.
        let width = 540.0_f32.min(ctx.content_rect().width() - 40.0);
        egui::Window::new(title)
            .id(egui::Id::unique("report_dialog"))
            .open(&mut open)
            .collapsible(false)
            // Sized by its content each frame, so that the buttons stay under the fields as
            // claims and places are added; long forms scroll inside.
            .resizable(false)
            // The date field's preview line would otherwise widen it to the screen's width.
            .min_width(width)
            .max_width(width)
            .show(ctx, |ui| {
                ui.set_width(width);
                egui::ScrollArea::vertical()
                    .max_height(fields_height)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        draft.ui(ui, project, lookup, index);
                    });
                ui.separator();
                close = draft.buttons_ui(ui, project, index, actions);
            });
        if close || !open {
            self.draft = None;
        }
    }
}

impl Draft {
    /// The fields.
    fn ui(&mut self, ui: &mut egui::Ui, project: &Project, lookup: &Lookup, index: usize) {
        let event = &project.events[index];
        ui.label(format!("What one report said about “{}”.", event.title));
        ui.weak(
            "Leave a field empty when the report does not say it. The event's own fields stay \
             your assessment.",
        );
        ui.add_space(4.0);
        self.claims_ui(ui, project, lookup);
        ui.add_space(4.0);
        if let Some(date) = date_field_ui(
            ui,
            &mut self.form,
            "report_date",
            "Date",
            self.state.date.as_ref(),
            true,
        ) {
            self.state.date = date;
        }
        status_ui(ui, &mut self.state.status);
        self.places_ui(ui, project, lookup);
        if let Some(text) = text_row(
            ui,
            "Place wording",
            self.state.place_wording.as_deref().unwrap_or(""),
            "e.g. in Miami or elsewhere in the United States",
        ) {
            let text = text.trim();
            self.state.place_wording = (!text.is_empty()).then(|| text.into());
        }
        self.actors_ui(ui, project, lookup, ActorList::Participants, event);
        self.actors_ui(ui, project, lookup, ActorList::Absent, event);
        if let Some(text) = crate::ui::forms::text_area_row(ui, "Note", &self.state.note) {
            self.state.note = text.into();
        }
    }

    /// Record (or Save changes) and Cancel; returns true when the dialog is done.
    fn buttons_ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        index: usize,
        actions: &mut Vec<Action>,
    ) -> bool {
        let has_claim = !self.state.claims.is_empty();
        let mut done = false;
        ui.horizontal(|ui| {
            let label = if self.editing.is_some() {
                "Save changes"
            } else {
                "Record"
            };
            let record = ui
                .add_enabled(has_claim, egui::Button::new(label))
                .on_disabled_hover_text("Choose the claim that reports it first")
                .on_hover_text("Add this report to the event (one undo step)");
            if record.clicked() {
                let edit = if let Some(i) = self.editing {
                    edits::replace_state(project, index, i, self.state.clone())
                } else {
                    let mut state = self.state.clone();
                    // To the second: the file says when, not how fast.
                    let now = jiff::Timestamp::now();
                    state.recorded = Some(now.round(jiff::Unit::Second).unwrap_or(now));
                    edits::record_state(project, index, state)
                };
                if let Some(edit) = edit {
                    actions.push(Action::Edit(edit, None));
                }
                done = true;
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
            if !has_claim {
                ui.weak("A report is dated by its claims: choose one above.");
            }
        });
        done
    }

    fn claims_ui(&mut self, ui: &mut egui::Ui, project: &Project, lookup: &Lookup) {
        ui.strong("Claims that say it");
        let mut remove = None;
        for (i, &id) in self.state.claims.iter().enumerate() {
            ui.horizontal(|ui| {
                if remove_button_ui(ui, &format!("Remove claim {}", i + 1)) {
                    remove = Some(i);
                }
                ui.add(egui::Label::new(claim_line(project, lookup, id)).truncate());
            });
        }
        if let Some(i) = remove {
            self.state.claims.remove(i);
        }
        let query = search_field_ui(
            ui,
            "Find claim",
            &mut self.claim_query,
            "Find claim: type words of its excerpt or its source…",
        );
        let Some(search) = TextSearch::new(&query) else {
            return;
        };
        let matches: Vec<Id> = project
            .claims
            .iter()
            .filter(|c| !self.state.claims.contains(&c.id))
            .filter(|c| {
                search.matches(&c.excerpt)
                    || lookup
                        .source(project, c.source)
                        .is_some_and(|s| search.matches(&s.name))
            })
            .map(|c| c.id)
            .take(MAX_SUGGESTIONS)
            .collect();
        ui.indent("claim_suggestions", |ui| {
            if matches.is_empty() {
                ui.weak("No claim matches.");
            }
            for id in matches {
                if ui.button(claim_line(project, lookup, id)).clicked() {
                    self.state.claims.push(id);
                    self.claim_query.clear();
                }
            }
        });
    }

    fn places_ui(&mut self, ui: &mut egui::Ui, project: &Project, lookup: &Lookup) {
        let places = self.state.places.get_or_insert_default();
        let mut remove = None;
        row(ui, "Places", |ui| {
            ui.horizontal_wrapped(|ui| {
                if places.is_empty() {
                    ui.weak("not said");
                }
                for (i, place) in places.iter().enumerate() {
                    let name = lookup.name_of(project, place.location);
                    ui.label(name);
                    if remove_button_ui(ui, &format!("Remove place {name}")) {
                        remove = Some(i);
                    }
                }
            });
        });
        if let Some(i) = remove {
            places.remove(i);
        }
        if places.len() > 1 {
            ui.horizontal(|ui| {
                ui.add_space(90.0);
                ui.checkbox(&mut self.candidates, "One of these (candidate places)");
            });
        }
        let chosen: Vec<Id> = places.iter().map(|p| p.location).collect();
        ui.horizontal(|ui| {
            ui.add_space(90.0);
            ui.vertical(|ui| {
                let query = search_field_ui(
                    ui,
                    "Add place",
                    &mut self.place_query,
                    "Add place: type a name…",
                );
                let Some(search) = TextSearch::new(&query) else {
                    return;
                };
                let matches: Vec<(Id, String)> = project
                    .locations
                    .iter()
                    .filter(|l| !chosen.contains(&l.id))
                    .filter(|l| {
                        search.matches(&l.name) || l.aliases.iter().any(|a| search.matches(a))
                    })
                    .map(|l| match &l.country {
                        Some(country) => (l.id, format!("{} ({country})", l.name)),
                        None => (l.id, l.name.clone()),
                    })
                    .take(MAX_SUGGESTIONS)
                    .collect();
                if let Some(id) = suggestions_ui(ui, "place_suggestions", &matches) {
                    places.push(EventPlace {
                        location: id,
                        candidate: false,
                    });
                    self.place_query.clear();
                }
            });
        });
        let candidate = self.candidates && places.len() > 1;
        for place in places.iter_mut() {
            place.candidate = candidate;
        }
        if places.is_empty() {
            self.state.places = None;
        }
    }

    fn actors_ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        lookup: &Lookup,
        list: ActorList,
        event: &crate::model::Event,
    ) {
        let (label, search, query) = match list {
            ActorList::Participants => (
                "Participants",
                "Add participant",
                &mut self.participant_query,
            ),
            ActorList::Absent => ("Absent", "Add absent actor", &mut self.absent_query),
        };
        let present: Vec<Id> = self
            .state
            .participants
            .iter()
            .flatten()
            .map(|p| p.actor)
            .collect();
        let chosen: Vec<Id> = match list {
            ActorList::Participants => present.clone(),
            ActorList::Absent => self.state.absent.to_vec(),
        };
        let mut remove = None;
        row(ui, label, |ui| {
            ui.horizontal_wrapped(|ui| {
                if chosen.is_empty() {
                    ui.weak("not said");
                }
                for (i, &actor) in chosen.iter().enumerate() {
                    let name = lookup.name_of(project, actor);
                    ui.label(name);
                    if remove_button_ui(ui, &format!("Remove {name} from {}", label.to_lowercase()))
                    {
                        remove = Some(i);
                    }
                }
            });
        });
        let mut added = None;
        ui.horizontal(|ui| {
            ui.add_space(90.0);
            ui.vertical(|ui| {
                let text = search_field_ui(ui, search, query, &format!("{search}: type a name…"));
                let Some(typed) = TextSearch::new(&text) else {
                    return;
                };
                // An actor is present or absent in one report, not both.
                let matches: Vec<(Id, String)> = project
                    .actors
                    .iter()
                    .filter(|a| !present.contains(&a.id) && !self.state.absent.contains(&a.id))
                    .filter(|a| {
                        typed.matches(&a.name) || a.aliases.iter().any(|x| typed.matches(x))
                    })
                    .map(|a| (a.id, format!("{} ({})", a.name, a.kind.label())))
                    .take(MAX_SUGGESTIONS)
                    .collect();
                if let Some(id) = suggestions_ui(ui, (search, "suggestions"), &matches) {
                    added = Some(id);
                    query.clear();
                }
            });
        });
        match list {
            ActorList::Participants => {
                let participants = self.state.participants.get_or_insert_default();
                if let Some(i) = remove {
                    participants.remove(i);
                }
                if let Some(actor) = added {
                    // The role the event gives the actor, when it has one; the certainty is the
                    // report's own, stated unless the analyst says otherwise.
                    let part = event.participants.iter().find(|p| p.actor == actor);
                    participants.push(ReportedParticipant {
                        actor,
                        role: part.map(|p| p.role).unwrap_or_default(),
                        certainty: crate::model::Certainty::Stated,
                    });
                }
                if participants.is_empty() {
                    self.state.participants = None;
                }
            }
            ActorList::Absent => {
                if let Some(i) = remove {
                    self.state.absent.remove(i);
                }
                if let Some(actor) = added {
                    self.state.absent.push(actor);
                }
            }
        }
    }
}

/// The status the report gave, or "not said".
fn status_ui(ui: &mut egui::Ui, status: &mut Option<EventStatus>) {
    let text = status.map_or("not said", EventStatus::label);
    row(ui, "Status", |ui| {
        egui::ComboBox::from_id_salt("report_status")
            .selected_text(text)
            .show_ui(ui, |ui| {
                ui.selectable_value(status, None, "not said");
                for s in EventStatus::ALL {
                    ui.selectable_value(status, Some(s), s.label())
                        .on_hover_text(s.meaning());
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Status"));
    });
}

/// A search field with an accessible name; returns its trimmed text.
fn search_field_ui(ui: &mut egui::Ui, label: &str, text: &mut String, hint_text: &str) -> String {
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .id_salt(("report_search", label))
            .hint_text(hint(hint_text))
            .desired_width(f32::INFINITY),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    text.trim().to_owned()
}

/// Buttons for the matches; returns the one clicked.
fn suggestions_ui(
    ui: &mut egui::Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    matches: &[(Id, String)],
) -> Option<Id> {
    let mut picked = None;
    ui.push_id(salt, |ui| {
        if matches.is_empty() {
            ui.weak("No match.");
        }
        for (id, text) in matches {
            if ui.button(text).clicked() {
                picked = Some(*id);
            }
        }
    });
    picked
}

/// A small "✕" with a name that says what it removes.
fn remove_button_ui(ui: &mut egui::Ui, name: &str) -> bool {
    let response = ui.small_button("✕").on_hover_text(name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response.clicked()
}

/// A claim as a line: its words, its source and when it was published.
fn claim_line(project: &Project, lookup: &Lookup, id: Id) -> String {
    let Some(claim) = lookup.claim(project, id) else {
        return id.to_string();
    };
    let source = lookup
        .source(project, claim.source)
        .map_or("unknown source", |s| s.name.as_str());
    let published = claim.published.as_ref().map_or_else(
        || "undated".to_owned(),
        |d| list_date_text(d, &DateDisplay::default()),
    );
    format!(
        "{} — {source}, {published}",
        quoted_excerpt(&claim.excerpt, EXCERPT_CHARS)
    )
}
