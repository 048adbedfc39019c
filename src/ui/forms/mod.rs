//! Edit forms in the details view. A form shows the project's values and turns each change
//! into an edit at once (a typing burst in one field is one undo step); what is invalid stays
//! in the form with the reason next to the field, and does not reach the project.

mod date_field;
mod entity_forms;
mod event_claims;
mod event_form;
mod pickers;
mod report_dialog;
mod stale_notes;

pub use date_field::date_field_ui;
pub use entity_forms::entity_form_ui;
pub use event_form::event_form_ui;
pub use report_dialog::ReportDialog;

use crate::app::claim_draft::ClaimDraft;
use crate::app::edit::Edit;
use crate::app::stale::Stale;
use crate::app::{DateDisplay, Selected};
use crate::ui::actions::Action;

/// What the forms keep between frames: drafts that are not valid yet, and the text of the
/// "add …" fields.
#[derive(Default)]
pub struct FormState {
    /// The entity being edited (the details view shows its form instead of its details).
    pub editing: Option<Selected>,
    /// A date as typed, until it parses: (field key, text).
    pub date_draft: Option<(String, String)>,
    pub add_participant: String,
    pub add_place: String,
    pub new_claim: Option<NewClaim>,
    pub cite_search: String,
    /// Fields the form's last edits left contradicting another, until fixed or dismissed.
    pub stale: Vec<Stale>,
    /// The place name field shows gazetteer suggestions (set by typing in it).
    pub place_suggest: bool,
    /// The place name as the analyst typed it, kept as an alias if it names the picked city.
    pub place_typed: String,
    /// How dates are written (the settings), for the date fields' previews: the app sets it
    /// every frame before any form is shown.
    pub date_display: DateDisplay,
    /// The widget that had the keyboard focus at the last look (see [`Self::focus_moved`]).
    focus_seen: Option<egui::Id>,
}

/// A claim being drafted in the event form: the quotation, its source (possibly a new one),
/// its grade and publication date.
#[derive(Clone, Debug, Default)]
pub struct NewClaim {
    pub draft: ClaimDraft,
    /// The analyst set the publication date: it no longer follows the source's last one.
    pub published_by_hand: bool,
}

impl FormState {
    pub fn is_editing(&self, item: &Selected) -> bool {
        self.editing.as_ref() == Some(item)
    }

    pub fn start(&mut self, item: Selected) {
        *self = Self {
            editing: Some(item),
            ..Self::default()
        };
    }

    pub fn stop(&mut self) {
        *self = Self::default();
    }

    /// Whether the keyboard focus moved since the last call. A typing burst is one undo step
    /// only while its field keeps the focus: typing in a field, leaving it and typing in it
    /// again are two steps, so the app ends the step when this says so.
    pub fn focus_moved(&mut self, ctx: &egui::Context) -> bool {
        let focused = ctx.memory(egui::Memory::focused);
        let moved = focused != self.focus_seen;
        self.focus_seen = focused;
        moved
    }
}

/// Sends an edit unless it changes nothing.
pub fn push_edit(actions: &mut Vec<Action>, edit: Option<Edit>, merge_key: Option<String>) {
    if let Some(edit) = edit.filter(|e| !e.is_empty()) {
        actions.push(Action::Edit(edit, merge_key));
    }
}

/// A labelled row of the form.
pub fn row<R>(ui: &mut egui::Ui, label: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.horizontal(|ui| {
        ui.add_sized(
            [86.0, 20.0],
            egui::Label::new(egui::RichText::new(label).weak()),
        );
        add(ui)
    })
    .inner
}

/// The reason a value was not taken, next to its field.
pub fn field_error(ui: &mut egui::Ui, text: &str) {
    ui.horizontal(|ui| {
        ui.add_space(90.0);
        ui.colored_label(ui.visuals().error_fg_color, text);
    });
}

/// A field's placeholder, in italics (and the hint colour) so that it never reads as a value
/// the project holds; examples say "e.g.".
pub fn hint(text: &str) -> egui::RichText {
    egui::RichText::new(text).italics()
}

/// A claim's words in quotes, cut at `max_chars` (whole words where it can) so that a list
/// of claims stays one line a claim: claims are named by their words, never by their ids.
pub fn quoted_excerpt(excerpt: &str, max_chars: usize) -> String {
    let excerpt = excerpt.trim();
    if excerpt.chars().count() <= max_chars {
        return format!("“{excerpt}”");
    }
    let cut: String = excerpt.chars().take(max_chars).collect();
    // Back to the last space, unless that loses more than a third of the text.
    let cut = match cut.rfind(' ') {
        Some(at) if at > cut.len() * 2 / 3 => &cut[..at],
        _ => cut.as_str(),
    };
    format!("“{}…”", cut.trim_end())
}

/// A single-line text field bound to a value; returns the new value when it changed.
pub fn text_row(ui: &mut egui::Ui, label: &str, value: &str, hint_text: &str) -> Option<String> {
    let mut text = value.to_owned();
    let response = row(ui, label, |ui| {
        ui.add(
            egui::TextEdit::singleline(&mut text)
                // A fixed id: rows added above a field (a place, a participant, a note) must
                // not move the keyboard focus to another field.
                .id_salt(("text_row", label))
                .hint_text(hint(hint_text))
                .desired_width(f32::INFINITY),
        )
    });
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    (response.changed() && text != value).then_some(text)
}

/// A multi-line text field bound to a value.
pub fn text_area_row(ui: &mut egui::Ui, label: &str, value: &str) -> Option<String> {
    let mut text = value.to_owned();
    ui.label(egui::RichText::new(label).weak());
    let response = ui.add(
        egui::TextEdit::multiline(&mut text)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, label));
    (response.changed() && text != value).then_some(text)
}

/// A combo box over an enum's values; returns the new value when it changed.
pub fn enum_row<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    value: T,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Option<T> {
    let mut chosen = value;
    row(ui, label, |ui| {
        egui::ComboBox::from_id_salt(id)
            .selected_text(name(value))
            .show_ui(ui, |ui| {
                for &v in all {
                    ui.selectable_value(&mut chosen, v, name(v));
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
    });
    (chosen != value).then_some(chosen)
}

#[cfg(test)]
mod tests {
    use super::quoted_excerpt;

    #[test]
    fn excerpts_are_quoted_and_cut_at_a_word() {
        assert_eq!(quoted_excerpt(" Short. ", 70), "“Short.”");
        assert_eq!(
            quoted_excerpt("The Russian side is likely to include Kirill Dmitriev", 30),
            "“The Russian side is likely to…”"
        );
        assert_eq!(quoted_excerpt("Averyveryverylongword", 5), "“Avery…”");
    }
}
