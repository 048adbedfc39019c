//! The "As of" bar under the filter bar: a date field, a slider over the days on which
//! claims were published, steps to the previous and next report, and Now. While a day is
//! chosen the bar says that the project is read-only and what the view hides.

use crate::query::AsOf;
use crate::ui::actions::Action;

/// What the bar keeps between frames: the field's text and why it was refused.
#[derive(Default)]
pub struct AsOfBarState {
    text: String,
    error: Option<String>,
    /// The day the text was last set from (`None`: now), so that a change from elsewhere
    /// (a key, the slider) rewrites it while typing does not; `text_set` false at first.
    text_for: Option<AsOf>,
    text_set: bool,
}

/// What the bar shows.
pub struct AsOfBar<'a> {
    /// The day asked for; `None`: now.
    pub wanted: Option<AsOf>,
    pub days: &'a [AsOf],
    /// The banner while a view is shown.
    pub banner: Option<String>,
    /// The view is being computed in the background.
    pub computing: bool,
}

/// The bar; pushes [`Action::SetAsOf`] and the steps.
pub fn as_of_bar_ui(
    ui: &mut egui::Ui,
    state: &mut AsOfBarState,
    bar: &AsOfBar<'_>,
    actions: &mut Vec<Action>,
) {
    if !state.text_set || state.text_for != bar.wanted {
        state.text = bar.wanted.map(AsOf::edtf).unwrap_or_default();
        state.text_for = bar.wanted;
        state.text_set = true;
        state.error = None;
    }
    ui.horizontal(|ui| {
        ui.label("As of");
        // 110 pt: "18 Dec 2025" and "2025-12-18" fit without scrolling.
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.text)
                    .desired_width(110.0)
                    .hint_text("now"),
            )
            .on_hover_text(
                "Show only what had been published by the end of this day \
                 (e.g. 18 Dec 2025); empty: now",
            );
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "As of date"));
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            submit(state, actions);
        }
        step_buttons_ui(ui, bar, actions);
        days_slider_ui(ui, bar, actions);
        let now = ui
            .add_enabled(bar.wanted.is_some(), egui::Button::new("Now"))
            .on_hover_text("Show the project as it is, with every report (turns As of off)");
        if now.clicked() {
            actions.push(Action::SetAsOf(None));
        }
        if bar.computing {
            ui.spinner();
        }
        if let Some(error) = &state.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        } else if let Some(banner) = &bar.banner {
            ui.add(
                egui::Label::new(egui::RichText::new(banner).color(ui.visuals().warn_fg_color))
                    .truncate(),
            )
            .on_hover_text(banner.as_str());
        }
    });
}

fn submit(state: &mut AsOfBarState, actions: &mut Vec<Action>) {
    if state.text.trim().is_empty() {
        actions.push(Action::SetAsOf(None));
        return;
    }
    match AsOf::parse(&state.text) {
        Ok(day) => {
            state.error = None;
            actions.push(Action::SetAsOf(Some(day)));
        }
        Err(err) => state.error = Some(format!("As of: {err}")),
    }
}

fn step_buttons_ui(ui: &mut egui::Ui, bar: &AsOfBar<'_>, actions: &mut Vec<Action>) {
    let has_earlier = match bar.wanted {
        None => !bar.days.is_empty(),
        Some(day) => bar.days.iter().any(|d| *d < day),
    };
    let back = ui
        .add_enabled(has_earlier, egui::Button::new("◀"))
        .on_hover_text("As of the previous report date (Alt+Shift+Left)");
    back.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, has_earlier, "Previous report")
    });
    if back.clicked() {
        actions.push(Action::AsOfPreviousReport);
    }
    let on = bar.wanted.is_some();
    let forward = ui
        .add_enabled(on, egui::Button::new("▶"))
        .on_hover_text("As of the next report date; after the last, now (Alt+Shift+Right)");
    forward.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, on, "Next report"));
    if forward.clicked() {
        actions.push(Action::AsOfNextReport);
    }
}

/// One stop per report day, and Now at the right end.
fn days_slider_ui(ui: &mut egui::Ui, bar: &AsOfBar<'_>, actions: &mut Vec<Action>) {
    if bar.days.is_empty() {
        ui.weak("no dated claims");
        return;
    }
    let now = bar.days.len();
    let mut stop = bar.wanted.map_or(now, |day| {
        bar.days.iter().filter(|d| **d <= day).count().max(1) - 1
    });
    let text = if stop == now {
        "now".to_owned()
    } else {
        bar.days[stop].text()
    };
    // 160 pt: room for a few dozen report days to be told apart by dragging.
    ui.spacing_mut().slider_width = 160.0;
    let slider = ui.add(
        egui::Slider::new(&mut stop, 0..=now)
            .show_value(false)
            .step_by(1.0),
    );
    let value = stop as f64;
    slider.widget_info(|| egui::WidgetInfo::slider(true, value, "Report date"));
    let slider = slider.on_hover_text(format!(
        "{} report dates; the right end is now",
        bar.days.len()
    ));
    // A drag asks once, when it ends: a large project is projected in the background.
    if (slider.changed() && !slider.dragged()) || slider.drag_stopped() {
        let day = bar.days.get(stop).copied();
        if day != bar.wanted {
            actions.push(Action::SetAsOf(day));
        }
    }
    ui.label(text);
}
