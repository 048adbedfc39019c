//! The side panels: participants, locations, positions.

mod locations;
mod participants;
mod positions;

pub use locations::locations_ui;
pub use participants::{participants_ui, roles_text};
pub use positions::positions_ui;

/// Which panel the side bar shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SideTab {
    #[default]
    Participants,
    Locations,
    Positions,
}

impl SideTab {
    pub const ALL: [Self; 3] = [Self::Participants, Self::Locations, Self::Positions];

    pub fn label(self) -> &'static str {
        match self {
            Self::Participants => "Participants",
            Self::Locations => "Locations",
            Self::Positions => "Positions",
        }
    }
}

/// Row height of the panel tables: one line of body text with padding.
pub const ROW_HEIGHT: f32 = 22.0;

/// A clickable name cell: selecting it selects the entity. Its label is its accessible name.
pub fn name_cell(ui: &mut egui::Ui, selected: bool, name: &str) -> egui::Response {
    ui.add(egui::Button::selectable(selected, name).truncate())
}
