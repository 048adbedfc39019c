//! What the analyst asked for this frame. UI code pushes actions; the app applies them after
//! the frame, in one place.

use std::path::PathBuf;

use crate::app::Selected;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Select(Selected),
    /// Ctrl-click: add to or remove from the selection.
    ToggleSelect(Selected),
    SelectMany(Vec<Selected>),
    ClearSelection,
    /// Back and forward through what was selected.
    Back,
    Forward,
    SetFilter(crate::model::Filter),
    /// Ctrl+F: put the keyboard in the search field.
    FocusSearch,
    NewProject,
    OpenDialog,
    OpenPath(PathBuf),
    OpenSample,
    Save,
    SaveAsDialog,
    SaveAsPath(PathBuf),
    Quit,
    SetTheme(egui::ThemePreference),
    ShowAbout,
    FitTimeline,
}
