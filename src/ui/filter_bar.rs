//! The filter bar: text search and facets that every view obeys, with what is shown and
//! hidden, and one click to clear it.

use egui::RichText;

use crate::app::{Document, FilteredView};
use crate::model::{DateSpec, EventKind, EventStatus, Filter, Id, Reliability};
use crate::query::{Shown, TextSearch};
use crate::ui::actions::Action;

/// What the filter bar keeps between frames: the texts of the search and date fields as
/// typed.
#[derive(Default)]
pub struct FilterBarState {
    from_text: String,
    to_text: String,
    facet_search: String,
    /// The filter the texts were last synchronised with.
    synced_for: Option<Filter>,
    search_text: String,
    /// When the search text last changed, while it waits for typing to pause.
    search_typed_at: Option<f64>,
}

/// Events above which the search waits for typing to pause before it filters.
pub const SEARCH_PAUSE_ABOVE_EVENTS: usize = 20_000;

/// How long typing must pause before the search text filters a project of `num_events`.
/// A filter change recomputes every view once: 49 ms at 100k events (docs/PERFORMANCE.md),
/// about 10 ms at 20k, unnoticeable per keystroke; at a million events it would be half a
/// second per key, so above 20k the search waits 0.3 s (a pause between words), or Enter.
pub fn search_pause_secs(num_events: usize) -> f64 {
    if num_events > SEARCH_PAUSE_ABOVE_EVENTS {
        0.3
    } else {
        0.0
    }
}

/// Id of the text field, so that Ctrl+F can focus it.
pub fn search_field_id() -> egui::Id {
    egui::Id::unique("filter_text")
}

pub fn filter_bar_ui(
    ui: &mut egui::Ui,
    state: &mut FilterBarState,
    doc: &Document,
    view: &FilteredView,
    actions: &mut Vec<Action>,
) {
    let current = &view.filter;
    if state.synced_for.as_ref() != Some(current) {
        state.from_text = current.from_secs.map(date_text).unwrap_or_default();
        state.to_text = current.to_secs.map(date_text).unwrap_or_default();
        if state.search_typed_at.is_none() {
            state.search_text.clone_from(&current.text);
        }
        state.synced_for = Some(current.clone());
    }
    let mut filter = current.clone();
    ui.horizontal_wrapped(|ui| {
        let text = ui.add(
            egui::TextEdit::singleline(&mut state.search_text)
                .id(search_field_id())
                .hint_text("Search titles, names, excerpts… (Ctrl+F)")
                .desired_width(230.0),
        );
        text.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SearchInput, true, "Search"));
        let now = ui.input(|i| i.time);
        if text.changed() {
            state.search_typed_at = Some(now);
        }
        if let Some(typed_at) = state.search_typed_at {
            let enter = text.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let wait = search_pause_secs(doc.project().events.len()) - (now - typed_at);
            if wait <= 0.0 || enter {
                filter.text.clone_from(&state.search_text);
                state.search_typed_at = None;
            } else {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(wait));
            }
        }
        facet_menu(ui, "Kind", &mut filter.kinds, &EventKind::ALL, |k| {
            k.label().to_owned()
        });
        facet_menu(ui, "Status", &mut filter.statuses, &EventStatus::ALL, |s| {
            s.label().to_owned()
        });
        let project = doc.project();
        let actors: Vec<(Id, String)> = project
            .actors
            .iter()
            .map(|a| (a.id, a.name.clone()))
            .collect();
        entity_menu(
            ui,
            "Participant",
            &mut filter.participants,
            &actors,
            &mut state.facet_search,
        );
        let places: Vec<(Id, String)> = project
            .locations
            .iter()
            .map(|l| (l.id, l.name.clone()))
            .collect();
        entity_menu(
            ui,
            "Place",
            &mut filter.locations,
            &places,
            &mut state.facet_search,
        );
        let issues: Vec<(Id, String)> = project
            .issues
            .iter()
            .map(|i| (i.id, i.name.clone()))
            .collect();
        entity_menu(
            ui,
            "Issue",
            &mut filter.issues,
            &issues,
            &mut state.facet_search,
        );
        dates_menu(ui, state, &mut filter);
        grade_menu(ui, &mut filter);
        let mut corroborated = filter.min_sources >= 2;
        if ui
            .checkbox(&mut corroborated, "Corroborated")
            .on_hover_text("Hide what only one independent source supports")
            .changed()
        {
            filter.min_sources = if corroborated { 2 } else { 0 };
        }
        disputed_chip_ui(ui, doc, &mut filter);
        if ui
            .add_enabled(!current.is_empty(), egui::Button::new("Clear filter"))
            .clicked()
        {
            filter = Filter::default();
            state.search_text.clear();
            state.search_typed_at = None;
        }
        // The totals are in the status bar; here only what the filter hides.
        if !current.is_empty() {
            counts_ui(ui, view);
        }
    });
    if filter != *current {
        // The date texts stay as typed ("2025-12"), not as the bounds they became.
        state.synced_for = Some(filter.clone());
        actions.push(Action::SetFilter(filter));
    }
}

/// "Disputed (N)": only the events whose reports disagree (docs/DISPUTES.md), with how many
/// there are in the project; greyed out while there are none.
fn disputed_chip_ui(ui: &mut egui::Ui, doc: &Document, filter: &mut Filter) {
    let count = doc.disputed().len();
    let enabled = count > 0 || filter.disputed;
    ui.add_enabled(
        enabled,
        egui::Checkbox::new(&mut filter.disputed, format!("Disputed ({count})")),
    )
    .on_hover_text(
        "Show only events whose reports disagree: dates, places, participants, held or cancelled",
    )
    .on_disabled_hover_text("No event's reports disagree");
}

fn counts_ui(ui: &mut egui::Ui, view: &FilteredView) {
    let r = &view.result;
    let part = |one: &str, many: &str, s: Shown| {
        format!(
            "{} of {} {}",
            s.shown,
            s.total,
            crate::model::noun(s.total, one, many)
        )
    };
    let parts = [
        part("event", "events", r.events_shown()),
        part("actor", "actors", r.actors_shown()),
        part("place", "places", r.locations_shown()),
        part("position", "positions", r.positions_shown()),
        part("claim", "claims", r.claims_shown()),
    ];
    // One label a count, none broken inside: in a narrow window the row wraps between
    // counts ("Showing 2 of 5" on one line and "events" on the next read as nonsense).
    let color = ui.visuals().warn_fg_color;
    for (i, part) in parts.iter().enumerate() {
        let text = if i == 0 {
            format!("Showing {part}")
        } else {
            format!("· {part}")
        };
        ui.add(
            egui::Label::new(RichText::new(text).color(color))
                .wrap_mode(egui::TextWrapMode::Extend),
        );
    }
}

/// A menu of checkboxes over a fixed list (kinds, statuses).
fn facet_menu<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    name: &str,
    chosen: &mut Vec<T>,
    all: &[T],
    label: impl Fn(T) -> String,
) {
    let title = if chosen.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({})", chosen.len())
    };
    ui.menu_button(title, |ui| {
        for &item in all {
            let mut on = chosen.contains(&item);
            if ui.checkbox(&mut on, label(item)).changed() {
                if on {
                    chosen.push(item);
                } else {
                    chosen.retain(|x| *x != item);
                }
            }
        }
        if !chosen.is_empty() && ui.button("Any").clicked() {
            chosen.clear();
        }
    });
}

/// A searchable menu of checkboxes over the project's actors, places or issues.
fn entity_menu(
    ui: &mut egui::Ui,
    name: &str,
    chosen: &mut Vec<Id>,
    all: &[(Id, String)],
    search: &mut String,
) {
    let title = if chosen.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({})", chosen.len())
    };
    ui.menu_button(title, |ui| {
        ui.add(
            egui::TextEdit::singleline(search)
                .hint_text("Find…")
                .desired_width(200.0),
        );
        let needle = TextSearch::new(search);
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                // Chosen first, then the rest that match the search; a long list is cut at 200
                // rows, which is more than anyone scans (the search narrows it).
                let mut shown = 0;
                let matching: Vec<&(Id, String)> = all
                    .iter()
                    .filter(|(id, n)| {
                        chosen.contains(id) || needle.as_ref().is_none_or(|s| s.matches(n))
                    })
                    .take(200)
                    .collect();
                for (id, label) in matching {
                    let mut on = chosen.contains(id);
                    if ui.checkbox(&mut on, label).changed() {
                        if on {
                            chosen.push(*id);
                        } else {
                            chosen.retain(|x| x != id);
                        }
                    }
                    shown += 1;
                }
                if shown == 0 {
                    ui.weak("Nothing matches.");
                }
            });
        if !chosen.is_empty() && ui.button("Any").clicked() {
            chosen.clear();
        }
    });
}

fn date_text(secs: i64) -> String {
    crate::model::civil_from_secs(secs).date().to_string()
}

fn dates_menu(ui: &mut egui::Ui, state: &mut FilterBarState, filter: &mut Filter) {
    let active = filter.from_secs.is_some() || filter.to_secs.is_some();
    let title = if active { "Dates (set)" } else { "Dates" };
    ui.menu_button(title, |ui| {
        ui.label("Events and positions overlapping (EDTF, e.g. 2025-12 or 2025-12-13):");
        for (label, text, is_from) in [
            ("From", &mut state.from_text, true),
            ("To", &mut state.to_text, false),
        ] {
            ui.horizontal(|ui| {
                ui.label(label);
                let edit = ui.add(egui::TextEdit::singleline(text).desired_width(140.0));
                edit.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("{label} date"))
                });
                let parsed = if text.trim().is_empty() {
                    Ok(None)
                } else {
                    DateSpec::parse(text.trim())
                        .and_then(|d| d.bounds())
                        .map(Some)
                };
                match parsed {
                    Ok(bounds) => {
                        let secs = bounds.map(|b| {
                            if is_from {
                                b.earliest_secs
                            } else {
                                b.latest_secs
                            }
                        });
                        if is_from {
                            filter.from_secs = secs;
                        } else {
                            filter.to_secs = secs;
                        }
                    }
                    Err(err) => {
                        ui.colored_label(ui.visuals().error_fg_color, "⚠")
                            .on_hover_text(err.to_string());
                    }
                }
            });
        }
        if active && ui.button("Any date").clicked() {
            filter.from_secs = None;
            filter.to_secs = None;
            state.from_text.clear();
            state.to_text.clear();
        }
    });
}

fn grade_menu(ui: &mut egui::Ui, filter: &mut Filter) {
    let title = match filter.min_reliability {
        Some(r) => format!("Source ≥ {}", r.letter()),
        None => "Source grade".to_owned(),
    };
    ui.menu_button(title, |ui| {
        ui.radio_value(&mut filter.min_reliability, None, "Any source");
        for r in Reliability::ALL {
            ui.radio_value(
                &mut filter.min_reliability,
                Some(r),
                format!("{} or better: {}", r.letter(), r.meaning()),
            );
        }
    });
}
