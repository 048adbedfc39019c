//! A date field: EDTF or the ways people write dates (`20 Dec 2025`, `week of 15 Dec 2025`).
//! While the analyst types, the interval the text means is shown under the field; the date
//! is taken only when the field is left (Enter, Tab or a click elsewhere), so a half-typed
//! date never reaches the project. Words that are not EDTF are kept as the date's wording.

// `Option<Option<DateSpec>>`: no change, or a change to an optional date (which may be none).
#![allow(clippy::option_option)]

use crate::model::{DateSpec, parse_date_input};
use crate::ui::forms::{FormState, field_error, hint, row};

/// The field's text is the date as the project has it (nothing typed).
fn is_unchanged(text: &str, value: Option<&DateSpec>) -> bool {
    value.map_or(text.trim().is_empty(), |v| text.trim() == v.edtf_text())
}

/// What the text means, under the field: indented under it when the panel has room (the
/// labels take 90 pt), else from the panel's edge, wrapped rather than cut.
fn preview_ui(ui: &mut egui::Ui, text: &str) {
    ui.horizontal(|ui| {
        if ui.available_width() > 300.0 {
            ui.add_space(90.0);
        }
        ui.add(egui::Label::new(egui::RichText::new(text).weak()).wrap());
    });
}

/// The date row. Returns the new date once the analyst accepts a changed one: `Some(None)`
/// when an `optional` field was emptied.
pub fn date_field_ui(
    ui: &mut egui::Ui,
    state: &mut FormState,
    key: &str,
    label: &str,
    value: Option<&DateSpec>,
    optional: bool,
) -> Option<Option<DateSpec>> {
    let mut text = match &state.date_draft {
        Some((k, t)) if k == key => t.clone(),
        _ => value.map(DateSpec::edtf_text).unwrap_or_default(),
    };
    let response = row(ui, label, |ui| {
        ui.add(
            egui::TextEdit::singleline(&mut text)
                .id_salt(("date_field", key))
                .hint_text(hint("e.g. 20 Dec 2025, 2025-12-20, week of 15 Dec 2025"))
                .desired_width(f32::INFINITY),
        )
    });
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    if response.changed() {
        state.date_draft = Some((key.to_owned(), text.clone()));
    }
    let display = state.date_display.clone();
    if is_unchanged(&text, value) {
        if let Some(words) = value.and_then(|v| display.describe(v)) {
            preview_ui(ui, &format!("= {words}"));
        }
        if response.lost_focus() {
            state.date_draft = None;
        }
        return None;
    }
    if optional && text.trim().is_empty() {
        preview_ui(ui, "no date (press Enter to remove it)");
        if response.lost_focus() {
            state.date_draft = None;
            return Some(None);
        }
        return None;
    }
    let input = match parse_date_input(&text) {
        Ok(input) => input,
        Err(err) => {
            field_error(ui, &err.to_string());
            return None;
        }
    };
    let Ok(mut date) = DateSpec::parse(&input.edtf) else {
        return None; // parse_date_input promises EDTF that parses
    };
    let words = display.describe(&date).unwrap_or_default();
    preview_ui(ui, &format!("→ {} = {words} (Enter to accept)", input.edtf));
    if let Some(note) = &input.note {
        preview_ui(ui, note);
    }
    if !response.lost_focus() {
        return None;
    }
    state.date_draft = None;
    let typed = text.trim();
    // What was typed in words is what the source said; typed EDTF says nothing new.
    date.set_wording(if typed == input.edtf {
        value.and_then(DateSpec::wording)
    } else {
        Some(typed)
    });
    date.set_tz(value.and_then(DateSpec::tz));
    (Some(&date) != value).then_some(Some(date))
}
