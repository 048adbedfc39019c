//! The Settings window: theme, UI scale, how dates are written and in which time zone, what
//! happens at start, autosave. Every change applies at once and is kept.

use crate::app::settings::{AUTOSAVE_RANGE, UI_SCALE_RANGE, check_time_zone};
use crate::app::{DateFormat, Settings, ThemeChoice, TimeZoneChoice};

/// What the window keeps between frames.
#[derive(Default)]
pub struct SettingsForm {
    /// The zone name being typed, until it names a zone.
    zone_draft: Option<String>,
    /// The UI scale while its slider is dragged: applying it at once would move the
    /// slider under the pointer.
    scale_draft: Option<f32>,
}

fn theme_name(theme: ThemeChoice) -> &'static str {
    match theme {
        ThemeChoice::System => "Follow the system",
        ThemeChoice::Light => "Light",
        ThemeChoice::Dark => "Dark",
    }
}

fn format_name(format: DateFormat) -> &'static str {
    match format {
        DateFormat::Iso => "2025-12-20 (ISO)",
        DateFormat::DayMonthYear => "Sat 20 Dec 2025",
        DateFormat::MonthDayYear => "Sat, Dec 20, 2025",
    }
}

/// A label in the first column whose widget in the second column is named by it.
fn labelled<R>(
    ui: &mut egui::Ui,
    label: &str,
    add: impl FnOnce(&mut egui::Ui) -> egui::InnerResponse<R>,
) {
    let name = ui.label(label);
    let inner = ui.vertical(add).inner;
    let _ = inner.response.labelled_by(name.id);
    ui.end_row();
}

/// Shows the window while `open`; returns the settings when the analyst changed them.
pub fn settings_window_ui(
    ctx: &egui::Context,
    open: &mut bool,
    form: &mut SettingsForm,
    current: &Settings,
    config_dir: Option<&std::path::Path>,
) -> Option<Settings> {
    let mut next = current.clone();
    egui::Window::new("Settings")
        .open(open)
        .resizable(false)
        .collapsible(false)
        .default_width(440.0)
        .show(ctx, |ui| {
            egui::Grid::new("settings_grid")
                .num_columns(2)
                .spacing([16.0, 8.0])
                .show(ui, |ui| {
                    labelled(ui, "Theme", |ui| {
                        ui.horizontal(|ui| {
                            for theme in
                                [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark]
                            {
                                ui.radio_value(&mut next.theme, theme, theme_name(theme));
                            }
                        })
                    });
                    labelled(ui, "UI scale", |ui| {
                        ui.horizontal(|ui| scale_ui(ui, form, &mut next))
                    });
                    labelled(ui, "Dates", |ui| {
                        ui.horizontal(|ui| {
                            egui::ComboBox::from_id_salt("date_format")
                                .selected_text(format_name(next.date_format))
                                .show_ui(ui, |ui| {
                                    for f in [
                                        DateFormat::Iso,
                                        DateFormat::DayMonthYear,
                                        DateFormat::MonthDayYear,
                                    ] {
                                        ui.selectable_value(
                                            &mut next.date_format,
                                            f,
                                            format_name(f),
                                        );
                                    }
                                })
                                .response
                                .widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Dates")
                                });
                        })
                    });
                    labelled(ui, "Times shown in", |ui| zone_ui(ui, form, &mut next));
                    labelled(ui, "At start", |ui| {
                        ui.horizontal(|ui| {
                            ui.checkbox(&mut next.reopen_last_project, "Reopen the last project");
                        })
                    });
                    labelled(ui, "Autosave", |ui| autosave_ui(ui, &mut next));
                });
            ui.add_space(6.0);
            let where_kept = config_dir.map_or_else(
                || "Settings are not kept: there is no config folder.".to_owned(),
                |d| format!("Kept in {}", d.display()),
            );
            ui.add(egui::Label::new(egui::RichText::new(where_kept).weak().small()).wrap());
        });
    (next != *current).then_some(next)
}

fn scale_ui(ui: &mut egui::Ui, form: &mut SettingsForm, next: &mut Settings) -> egui::Response {
    let mut scale = form.scale_draft.unwrap_or(next.ui_scale);
    let slider = ui.add(
        egui::Slider::new(&mut scale, UI_SCALE_RANGE)
            .step_by(0.05)
            .fixed_decimals(2)
            .suffix("×"),
    );
    slider.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "UI scale"));
    if slider.dragged() {
        form.scale_draft = Some(scale);
    } else {
        form.scale_draft = None;
        next.ui_scale = scale;
    }
    if ui.button("Reset").clicked() {
        next.ui_scale = 1.0;
    }
    slider
}

fn zone_ui(
    ui: &mut egui::Ui,
    form: &mut SettingsForm,
    next: &mut Settings,
) -> egui::InnerResponse<()> {
    ui.vertical(|ui| {
        let local = jiff::tz::TimeZone::try_system()
            .ok()
            .and_then(|z| z.iana_name().map(str::to_owned))
            .unwrap_or_else(|| "unknown".to_owned());
        ui.radio_value(
            &mut next.time_zone,
            TimeZoneChoice::EventOwn,
            "Each event's own zone",
        );
        ui.radio_value(&mut next.time_zone, TimeZoneChoice::Utc, "UTC");
        ui.radio_value(
            &mut next.time_zone,
            TimeZoneChoice::Local,
            format!("This computer's zone ({local})"),
        );
        ui.horizontal(|ui| {
            let named = matches!(next.time_zone, TimeZoneChoice::Named(_));
            let current = match &next.time_zone {
                TimeZoneChoice::Named(name) => name.clone(),
                _ => String::new(),
            };
            if ui.radio(named, "Another zone:").clicked() && !named {
                form.zone_draft = Some(String::new());
            }
            let mut text = form.zone_draft.clone().unwrap_or(current);
            let field = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("Europe/Berlin")
                    .desired_width(140.0),
            );
            field.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Time zone name")
            });
            if field.changed() {
                if check_time_zone(text.trim()).is_ok() {
                    next.time_zone = TimeZoneChoice::Named(text.trim().to_owned());
                    form.zone_draft = None;
                } else {
                    form.zone_draft = Some(text);
                }
            }
        });
        if let Some(draft) = form.zone_draft.as_deref().filter(|d| !d.trim().is_empty())
            && let Err(err) = check_time_zone(draft.trim())
        {
            ui.colored_label(ui.visuals().error_fg_color, err);
        }
    })
}

fn autosave_ui(ui: &mut egui::Ui, next: &mut Settings) -> egui::InnerResponse<()> {
    ui.horizontal(|ui| {
        let mut on = next.autosave_secs > 0;
        if ui.checkbox(&mut on, "Every").changed() {
            next.autosave_secs = if on { 30 } else { 0 };
        }
        let mut secs = next.autosave_secs.max(*AUTOSAVE_RANGE.start());
        let value = ui.add_enabled(
            on,
            egui::DragValue::new(&mut secs)
                .range(AUTOSAVE_RANGE)
                .suffix(" s"),
        );
        value.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Autosave interval")
        });
        if on && value.changed() {
            next.autosave_secs = secs;
        }
        ui.weak("of unsaved changes");
    })
}
