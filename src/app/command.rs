//! What the analyst asked for: every menu item, palette entry, shortcut, dropped file, form
//! change and dialog answer arrives as a [`Command`], and [`crate::app::Session::run`]
//! applies it in one place. Plain data, no egui: a test or a script runs commands without a
//! window.

use std::path::PathBuf;

use crate::app::Selected;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
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
    /// Delete what is selected first (the Delete key).
    DeleteSelected,
    /// The answer to "remove the references?" for the delete waiting for it.
    ConfirmDelete(bool),
    /// Create an entity of this kind and open its form.
    New(crate::model::EntityKind),
    /// Stop editing, clear the selection (Escape).
    Escape,
    GroupBy(crate::model::LaneMode),
    ImportDialog,
    /// Choose a folder: a Parquet dataset partitioned hive-style (issue 16).
    ImportFolderDialog,
    ImportPath(PathBuf),
    /// File ▸ Add report…: the article intake's input dialog (issue 14).
    AddReport,
    /// Choose a report file (.txt, .html, .md) for the input dialog.
    AddReportDialog,
    /// Open the input dialog on this report file (chosen or dropped on the window).
    AddReportFile(PathBuf),
    /// Open the review of these proposals: what the input dialog's Propose gives, and the
    /// way tests and scripts review proposals they built.
    ReviewReport(Box<crate::app::intake_review::Review>),
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
    /// The answer to "save the changes first?" for the command waiting for it.
    AnswerUnsaved(UnsavedAnswer),
    SetTheme(crate::app::ThemeChoice),
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
    /// Open "Record report…" on the selected event: what a report said about it (issue 13).
    RecordReport,
    /// Open the report dialog on reported state `1` of event `0`, to correct it.
    EditReport(compact_str::CompactString, usize),
    /// Show the project as it was known at the end of a day (read-only), or as it is now
    /// (`None`).
    SetAsOf(Option<crate::query::AsOf>),
    /// Step the as-of day to the previous or next day on which claims were published.
    AsOfPreviousReport,
    AsOfNextReport,
}

impl Command {
    /// Whether running it replaces the open project or ends the app: with unsaved changes it
    /// waits for Save / Discard / Cancel.
    pub fn discards_work(&self) -> bool {
        matches!(
            self,
            Self::NewProject
                | Self::OpenDialog
                | Self::OpenPath(_)
                | Self::OpenSample
                | Self::Quit
                | Self::AdoptImport
        )
    }

    /// Whether it changes the project: refused while the session shows it as of a day.
    pub fn edits(&self) -> bool {
        matches!(
            self,
            Self::Edit(..)
                | Self::Undo
                | Self::Redo
                | Self::Delete(_)
                | Self::DeleteSelected
                | Self::ConfirmDelete(true)
                | Self::New(_)
                | Self::RecordReport
                | Self::EditReport(..)
        )
    }

    /// Whether it selects something or opens a new entity's form: what opens the details
    /// pane the analyst closed.
    pub fn selects(&self) -> bool {
        matches!(
            self,
            Self::Select(_) | Self::ToggleSelect(_) | Self::SelectMany(_) | Self::New(_)
        )
    }
}

/// The answers to "this project has unsaved changes".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    /// Save, then carry on with the command once the save has finished.
    Save,
    /// Carry on, losing the changes.
    Discard,
    /// Forget the command.
    Cancel,
}
