//! The side panels: participants, locations, positions and sources, all obeying the filter.

mod locations;
mod participants;
mod positions;
mod sources;
mod stance_chart;

pub use locations::{LocationsState, locations_ui};
pub use participants::{ParticipantsState, ParticipantsView, participants_ui};
pub use positions::{PositionsState, PositionsView, positions_ui};
pub use sources::sources_ui;

use crate::app::{DateDisplay, Document, FilteredView, Selection, SelectionLinks};

/// What every panel reads: the project, the selection and what it reaches, and the filter's
/// result.
pub struct PanelContext<'a> {
    pub doc: &'a Document,
    pub selection: &'a Selection,
    pub links: &'a SelectionLinks,
    pub filtered: &'a FilteredView,
    /// How dates are written (the settings' day style and zone), passed down every frame.
    pub date_display: &'a DateDisplay,
    /// The project is shown as of a past day: nothing offers to edit it.
    pub read_only: bool,
}

/// What the panels keep between frames.
#[derive(Default)]
pub struct PanelsState {
    pub participants: ParticipantsState,
    pub positions: PositionsState,
    pub locations: LocationsState,
}

/// Which panel the side bar shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SideTab {
    #[default]
    Participants,
    Locations,
    Positions,
    Sources,
}

impl SideTab {
    pub const ALL: [Self; 4] = [
        Self::Participants,
        Self::Locations,
        Self::Positions,
        Self::Sources,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Participants => "Participants",
            Self::Locations => "Locations",
            Self::Positions => "Positions",
            Self::Sources => "Sources",
        }
    }
}

/// Row height of the panel tables: one line of body text with padding.
pub const ROW_HEIGHT: f32 = 22.0;

/// A clickable name cell: selecting it selects the entity. Its label is its accessible name.
pub fn name_cell(ui: &mut egui::Ui, selected: bool, name: &str) -> egui::Response {
    ui.add(egui::Button::selectable(selected, name).truncate())
}

/// A column header that sorts by its column; a second click reverses the order.
pub fn sort_header<C: PartialEq + Copy>(
    ui: &mut egui::Ui,
    label: &str,
    column: C,
    sort: &mut C,
    descending: &mut bool,
) {
    let arrow = match (*sort == column, *descending) {
        (true, false) => " ▲",
        (true, true) => " ▼",
        (false, _) => "",
    };
    let response = ui.add(
        egui::Button::new(egui::RichText::new(format!("{label}{arrow}")).strong()).frame(false),
    );
    if response
        .on_hover_text(format!("Sort by {}", label.to_lowercase()))
        .clicked()
    {
        if *sort == column {
            *descending = !*descending;
        } else {
            *sort = column;
            *descending = false;
        }
    }
}

/// A table wider than its panel, scrolling sideways. Its scroll bars stay visible (egui's
/// default shows them only under the pointer), so that a column cut at the panel's edge
/// reads as "more to the right" rather than as clipped text.
pub fn wide_table_ui<R>(
    ui: &mut egui::Ui,
    id_salt: &str,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    ui.scope(|ui| {
        ui.spacing_mut().scroll = egui::style::ScrollStyle::thin();
        egui::ScrollArea::horizontal()
            .id_salt(id_salt)
            .show(ui, add_contents)
            .inner
    })
    .inner
}
