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
    /// Change the project; edits with the same merge key in a row are one undo step.
    Edit(crate::app::edit::Edit, Option<String>),
    Undo,
    Redo,
    /// Delete an entity, asking first when others refer to it.
    Delete(crate::app::Selected),
    /// Create an entity of this kind and open its form.
    New(crate::model::EntityKind),
    /// Stop editing, clear the selection (Escape).
    Escape,
    GroupBy(crate::model::LaneMode),
    ImportDialog,
    ImportPath(PathBuf),
    /// Open the project made by the import that just finished.
    AdoptImport,
    ExportDialog(crate::export::ExportFormat),
    /// The timeline image dialog: format, range, width, theme.
    ImageExportDialog,
    ExportPath(crate::export::ExportFormat, PathBuf),
    /// Ctrl+K.
    OpenPalette,
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
    /// Open the Settings window.
    ShowSettings,
    /// The project's title, description and report date.
    ShowProjectProperties,
    /// The analyst changed the settings: apply and keep them.
    SetSettings(Box<crate::app::Settings>),
    /// Empty File ▸ Open Recent.
    ClearRecent,
    ShowAbout,
    /// Help ▸ Getting started: what the marks and grades mean, what to try first.
    ShowGettingStarted,
    /// Open the timeline's legend (from the status bar).
    ShowLegend,
    /// Show or hide the participants, locations, positions and sources panel (Ctrl+B).
    ToggleSidePanel,
    /// Close the details pane until the next selection, or open it again (Ctrl+I).
    ToggleDetailsPane,
    FitTimeline,
}
