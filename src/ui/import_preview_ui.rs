//! The import dialog's preview: the first rows as they will be read (skipped rows with
//! their reasons), and a warning for implausible dates. Shared by the dialog's page for
//! files and its page for Parquet datasets.

use egui_extras::{Column, TableBuilder};

use crate::import::PreviewRow;

pub fn preview_table_ui(ui: &mut egui::Ui, rows: &[PreviewRow]) {
    TableBuilder::new(ui)
        .id_salt("import_preview")
        .striped(true)
        .resizable(true)
        .max_scroll_height(260.0)
        .column(Column::exact(40.0))
        .column(Column::initial(140.0).clip(true))
        .column(Column::initial(200.0).clip(true))
        .column(Column::initial(145.0).clip(true))
        .column(Column::remainder().clip(true))
        .header(20.0, |mut h| {
            for name in ["Row", "Date", "Title", "Kind", "Participants · places"] {
                h.col(|ui| {
                    ui.strong(name);
                });
            }
        })
        .body(|body| {
            body.rows(20.0, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| {
                    ui.label(r.line_or_row.to_string());
                });
                if let Some(reason) = &r.skipped {
                    row.col(|ui| {
                        ui.colored_label(warning_color(ui.visuals()), "skipped");
                    });
                    row.col(|ui| {
                        ui.label(reason).on_hover_text(reason);
                    });
                    row.col(|_| {});
                    row.col(|_| {});
                } else {
                    row.col(|ui| match &r.suspicious_date {
                        Some(reason) => {
                            ui.colored_label(warning_color(ui.visuals()), format!("{} ⚠", r.date))
                                .on_hover_text(format!(
                                    "Suspicious date: {reason}. Imported as written."
                                ));
                        }
                        None => {
                            ui.label(&r.date);
                        }
                    });
                    row.col(|ui| {
                        ui.label(&r.title).on_hover_text(&r.title);
                    });
                    row.col(|ui| {
                        ui.label(&r.kind);
                    });
                    row.col(|ui| {
                        ui.label(participants_and_places(&r.participants, &r.places));
                    });
                }
            });
        });
}

/// Under the preview: how many of its rows have implausible dates, which are imported as
/// written and listed in the report, so that a placeholder year is not taken for a date.
pub fn suspicious_dates_ui(ui: &mut egui::Ui, rows: &[PreviewRow]) {
    let flagged: Vec<&PreviewRow> = rows
        .iter()
        .filter(|r| r.suspicious_date.is_some())
        .collect();
    let Some(first) = flagged.first() else {
        return;
    };
    let n = flagged.len();
    let unit = first.unit.label();
    let numbers: Vec<String> = flagged.iter().map(|r| r.line_or_row.to_string()).collect();
    ui.colored_label(
        warning_color(ui.visuals()),
        format!(
            "⚠ Suspicious {} in {} {} (hover for why): imported as written, listed in the \
             report; check {}.",
            crate::model::noun(n, "date", "dates"),
            crate::model::noun(n, unit, &format!("{unit}s")),
            numbers.join(", "),
            crate::model::noun(n, "it", "them"),
        ),
    );
}

/// Warnings in the preview: egui's warning orange in the dark theme (7.5:1 on its window),
/// a darker orange in the light one, where egui's (255, 100, 0) reads at 2.8:1 and this one
/// at 5.1:1 or more on the window and its striped rows (text needs 4.5:1).
/// A preview row's "participants · places", without a dangling "·" when one is empty.
fn participants_and_places(participants: &str, places: &str) -> String {
    match (participants.is_empty(), places.is_empty()) {
        (false, false) => format!("{participants} · {places}"),
        (false, true) => participants.to_owned(),
        (true, _) => places.to_owned(),
    }
}

pub fn warning_color(visuals: &egui::Visuals) -> egui::Color32 {
    if visuals.dark_mode {
        visuals.warn_fg_color
    } else {
        egui::Color32::from_rgb(166, 70, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::{participants_and_places, warning_color};

    #[test]
    fn no_dangling_dot_between_participants_and_places() {
        assert_eq!(
            participants_and_places("France, Ukraine", "Geneva"),
            "France, Ukraine · Geneva"
        );
        assert_eq!(
            participants_and_places("France, Ukraine", ""),
            "France, Ukraine"
        );
        assert_eq!(participants_and_places("", "Geneva"), "Geneva");
        assert_eq!(participants_and_places("", ""), "");
    }
    use crate::export::palette::{MIN_TEXT_CONTRAST, contrast_ratio};
    use crate::ui::style::to_rgb;

    #[test]
    fn warnings_read_on_the_dialog_in_both_themes() {
        for visuals in [egui::Visuals::dark(), egui::Visuals::light()] {
            let ink = to_rgb(warning_color(&visuals));
            // Striped rows add the faint (additive) colour to the window's fill.
            let (fill, faint) = (visuals.window_fill, visuals.faint_bg_color);
            let stripe = egui::Color32::from_rgb(
                fill.r().saturating_add(faint.r()),
                fill.g().saturating_add(faint.g()),
                fill.b().saturating_add(faint.b()),
            );
            for ground in [visuals.window_fill, stripe] {
                let ratio = contrast_ratio(ink, to_rgb(ground));
                assert!(
                    ratio >= MIN_TEXT_CONTRAST,
                    "{ink:?} on {ground:?}: {ratio:.2}:1"
                );
            }
        }
    }
}
