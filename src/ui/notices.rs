//! Messages under the menu: errors stay until dismissed, confirmations until the next one.

/// A message shown under the menu until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

pub fn push_error(notices: &mut Vec<Notice>, text: String) {
    // The same refusal every frame of a drag is one notice.
    if notices.last().is_some_and(|n| n.is_error && n.text == text) {
        return;
    }
    notices.push(Notice {
        text,
        is_error: true,
    });
}

pub fn push_info(notices: &mut Vec<Notice>, text: String) {
    // Only the latest confirmation is worth keeping on screen.
    notices.retain(|n| n.is_error);
    notices.push(Notice {
        text,
        is_error: false,
    });
}

pub fn notices_ui(ui: &mut egui::Ui, notices: &mut Vec<Notice>) {
    let mut dismissed = None;
    for (i, notice) in notices.iter().enumerate() {
        let visuals = ui.visuals();
        let (fill, stroke) = if notice.is_error {
            (
                visuals.error_fg_color.gamma_multiply(0.15),
                visuals.error_fg_color,
            )
        } else {
            (
                visuals.selection.bg_fill.gamma_multiply(0.3),
                visuals.selection.stroke.color,
            )
        };
        egui::Frame::new()
            .fill(fill)
            .stroke(egui::Stroke::new(1.0, stroke))
            .corner_radius(4.0)
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_top(|ui| {
                    // The message takes the width the button leaves (90 pt fits "Dismiss").
                    let text_width = (ui.available_width() - 90.0).max(100.0);
                    egui::ScrollArea::vertical()
                        .max_height(120.0)
                        .max_width(text_width)
                        .auto_shrink([false, true])
                        .id_salt(("notice", i))
                        .show(ui, |ui| {
                            ui.add(egui::Label::new(&notice.text).selectable(true).wrap());
                        });
                    if ui.button("Dismiss").clicked() {
                        dismissed = Some(i);
                    }
                });
            });
    }
    if let Some(i) = dismissed {
        notices.remove(i);
    }
}
