//! Help ▸ Getting started (F1): what the marks and the grades mean, and the three things to
//! try first. Short on purpose: it fits a 1024×700 window at scale 1 (about 540 pt tall), so
//! it needs no scrolling (a scroll area inside the window cut the last section off).

use crate::model::{Credibility, Reliability};
use crate::ui::timeline::{LEGEND_SIZE, legend_ui};

pub fn getting_started_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Getting started")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .default_width(LEGEND_SIZE.x + 300.0)
        .show(ctx, contents_ui);
}

fn contents_ui(ui: &mut egui::Ui) {
    ui.label(
        "Detente lays out talks, meetings, calls and statements on one timeline, each as sure \
         as its sources are, and ties every fact to the report that gave it.",
    );
    ui.add_space(6.0);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.strong("What the marks mean");
            ui.weak("Colour is the kind of event; the outline is its status; fades and");
            ui.weak("dashes are how well its date is known.");
            let (rect, _) = ui.allocate_exact_size(LEGEND_SIZE, egui::Sense::hover());
            legend_ui(ui, rect, None);
        });
        ui.add_space(12.0);
        ui.vertical(|ui| {
            ui.set_max_width(280.0);
            ui.strong("What the grades mean");
            ui.label(
                "A grade such as C3 is the Admiralty code: the letter is how reliable the \
                 source is, the digit how credible the information is.",
            );
            egui::Grid::new("grades")
                .num_columns(2)
                .spacing([10.0, 2.0])
                .show(ui, |ui| {
                    for (reliability, credibility) in Reliability::ALL.iter().zip(Credibility::ALL)
                    {
                        ui.label(format!(
                            "{}  {}",
                            reliability.letter(),
                            reliability.meaning()
                        ));
                        ui.label(format!("{}  {}", credibility, credibility.meaning()));
                        ui.end_row();
                    }
                });
            ui.weak("Hover over any badge to read its grade in words.");
        });
    });
    ui.add_space(8.0);
    ui.strong("Three things to try first");
    for (n, step) in [
        "Click an event on the timeline: the details show who takes part, where, and the \
         quoted claims behind it with their attribution chain and grade.",
        "Choose a status or a participant in the filter bar, or type in the search field \
         (Ctrl+F): the timeline, the panels and the map show only what matches.",
        "Group the timeline by participant (Group by, above the timeline) to see who met \
         whom; the wheel zooms, dragging pans, F fits the whole project.",
    ]
    .iter()
    .enumerate()
    {
        ui.label(format!("{}. {step}", n + 1));
    }
    ui.add_space(4.0);
    ui.weak("Ctrl+K lists every command. The legend is under View ▸ Legend and in the status bar.");
}
