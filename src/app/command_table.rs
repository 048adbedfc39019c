//! Every command the analyst can name: what the menu calls it, its keys on each platform,
//! and when it can run. The menu bar, the command palette, the key handler and the README's
//! shortcut list all read this one table (a test keeps the README equal to it).

use std::sync::LazyLock;

use crate::app::command::Command;
use crate::export::ExportFormat;
use crate::model::{EntityKind, Filter, LaneMode};

/// Where the keys are drawn from: macOS writes shortcuts with symbols (⇧⌘Z), the others
/// with names (Ctrl+Shift+Z), as egui's `format_shortcut` does, punctuation as printed
/// on the key (Ctrl+,).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    Mac,
    /// Linux and Windows.
    Other,
}

/// A key with its modifiers, as plain data. `command` is Ctrl, or ⌘ on macOS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    pub command: bool,
    pub shift: bool,
    pub alt: bool,
    /// The key's name as egui names it (`egui::Key::name`): "Z", "Comma", "Left", "F1".
    pub key: &'static str,
}

impl Shortcut {
    const fn key(key: &'static str) -> Self {
        Self {
            command: false,
            shift: false,
            alt: false,
            key,
        }
    }

    const fn command(key: &'static str) -> Self {
        Self {
            command: true,
            ..Self::key(key)
        }
    }

    const fn command_shift(key: &'static str) -> Self {
        Self {
            shift: true,
            ..Self::command(key)
        }
    }

    const fn alt(key: &'static str) -> Self {
        Self {
            alt: true,
            ..Self::key(key)
        }
    }

    const fn alt_shift(key: &'static str) -> Self {
        Self {
            shift: true,
            ..Self::alt(key)
        }
    }

    /// How many modifiers it needs: a shortcut with more is checked first, since egui lets
    /// Ctrl+S match while Shift is held too (Save As would otherwise also save).
    pub fn num_modifiers(&self) -> usize {
        usize::from(self.command) + usize::from(self.shift) + usize::from(self.alt)
    }

    /// "Ctrl+Shift+Z" on Linux and Windows, "⇧⌘Z" on macOS.
    pub fn text(&self, platform: Platform) -> String {
        match platform {
            Platform::Mac => {
                let mut text = String::new();
                for (on, symbol) in [(self.shift, "⇧"), (self.alt, "⌥"), (self.command, "⌘")]
                {
                    if on {
                        text.push_str(symbol);
                    }
                }
                text + key_symbol(self.key)
            }
            Platform::Other => {
                let mut parts = Vec::new();
                for (on, name) in [
                    (self.command, "Ctrl"),
                    (self.alt, "Alt"),
                    (self.shift, "Shift"),
                ] {
                    if on {
                        parts.push(name);
                    }
                }
                parts.push(punctuation_symbol(self.key));
                parts.join("+")
            }
        }
    }
}

/// The symbol macOS menus show for a key, where it has one (as egui's `symbol_or_name`).
fn key_symbol(name: &'static str) -> &'static str {
    match name {
        "Left" => "⏴",
        "Right" => "⏵",
        "Up" => "⏶",
        "Down" => "⏷",
        other => punctuation_symbol(other),
    }
}

/// A punctuation key as printed on it: GNOME, KDE and Windows menus write "Ctrl+,", where
/// egui's name would read "Ctrl+Comma".
fn punctuation_symbol(name: &'static str) -> &'static str {
    match name {
        "Comma" => ",",
        "Period" => ".",
        other => other,
    }
}

/// Where a shortcut acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Wherever the keyboard focus is; the key is used up.
    Everywhere,
    /// Undo and redo belong to a text field while it has the keyboard (it undoes its own
    /// typing); elsewhere they undo project edits.
    OutsideText,
    /// Delete and Escape act on the selection unless a text field has the keyboard or a
    /// dialog is open; the key is not used up, so that the dialog sees its Escape.
    Selection,
    /// Read by the timeline itself while it has the keyboard: listed, not handled here.
    Timeline,
}

/// What "enabled" reads: a few facts about the open project and the selection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CommandContext {
    pub can_undo: bool,
    pub can_redo: bool,
    pub has_selection: bool,
    /// The selection history has somewhere to go back or forward to.
    pub can_go_back: bool,
    pub can_go_forward: bool,
    /// The selection is one event (what "Record report…" acts on).
    pub one_event_selected: bool,
}

/// One row of the table.
pub struct CommandEntry {
    pub command: Command,
    /// As the menu and the palette show it.
    pub name: String,
    /// The first is the one shown; the others work too (Redo is also Ctrl+Y).
    pub shortcuts: Vec<Shortcut>,
    pub reach: Reach,
    pub enabled: fn(CommandContext) -> bool,
}

impl CommandEntry {
    /// The shortcut's text on `platform`, or "" without one.
    pub fn shortcut_text(&self, platform: Platform) -> String {
        self.shortcuts
            .first()
            .map_or_else(String::new, |s| s.text(platform))
    }
}

fn always(_: CommandContext) -> bool {
    true
}

fn entry(command: Command, name: &str, shortcuts: &[Shortcut]) -> CommandEntry {
    CommandEntry {
        command,
        name: name.to_owned(),
        shortcuts: shortcuts.to_vec(),
        reach: Reach::Everywhere,
        enabled: always,
    }
}

/// The table, built once.
pub fn command_table() -> &'static [CommandEntry] {
    static TABLE: LazyLock<Vec<CommandEntry>> = LazyLock::new(build);
    &TABLE
}

/// The row of `command`, if it has one.
pub fn entry_of(command: &Command) -> Option<&'static CommandEntry> {
    command_table().iter().find(|e| e.command == *command)
}

fn build() -> Vec<CommandEntry> {
    use Shortcut as S;
    let mut table = vec![
        entry(Command::NewProject, "New project", &[S::command("N")]),
        entry(Command::OpenDialog, "Open…", &[S::command("O")]),
        entry(Command::OpenSample, "Open sample", &[]),
        entry(Command::ImportDialog, "Import…", &[]),
        entry(Command::ImportFolderDialog, "Import Parquet folder…", &[]),
        entry(Command::AddReport, "Add report…", &[S::command_shift("R")]),
    ];
    for (format, name) in [
        (ExportFormat::Csv, "Export events as CSV…"),
        (ExportFormat::TimelineJs, "Export TimelineJS3 JSON…"),
        (
            ExportFormat::Markdown,
            "Export chronology brief (Markdown)…",
        ),
        (ExportFormat::Html, "Export chronology brief (HTML)…"),
    ] {
        table.push(entry(Command::ExportDialog(format), name, &[]));
    }
    table.extend([
        entry(
            Command::ImageExportDialog,
            "Export timeline image (PNG, SVG)…",
            &[],
        ),
        entry(Command::Save, "Save", &[S::command("S")]),
        entry(Command::SaveAsDialog, "Save As…", &[S::command_shift("S")]),
        entry(Command::ShowProjectProperties, "Project properties…", &[]),
        entry(Command::ShowSettings, "Settings…", &[S::command("Comma")]),
        entry(Command::Quit, "Quit", &[S::command("Q")]),
    ]);
    table.extend(edit_rows());
    table.extend(view_rows());
    table.extend([
        entry(
            Command::ShowGettingStarted,
            "Getting started",
            &[S::key("F1")],
        ),
        entry(Command::OpenPalette, "Command palette…", &[S::command("K")]),
        entry(Command::ShowAbout, "About Detente", &[]),
    ]);
    table
}

/// Undo, redo, delete and new entities; the selection's history and the filter.
fn edit_rows() -> Vec<CommandEntry> {
    use Shortcut as S;
    let mut table = vec![
        CommandEntry {
            reach: Reach::OutsideText,
            enabled: |cx| cx.can_undo,
            ..entry(Command::Undo, "Undo", &[S::command("Z")])
        },
        CommandEntry {
            reach: Reach::OutsideText,
            enabled: |cx| cx.can_redo,
            ..entry(
                Command::Redo,
                "Redo",
                &[S::command_shift("Z"), S::command("Y")],
            )
        },
        CommandEntry {
            reach: Reach::Selection,
            enabled: |cx| cx.has_selection,
            ..entry(
                Command::DeleteSelected,
                "Delete the selection",
                &[S::key("Delete")],
            )
        },
        CommandEntry {
            enabled: |cx| cx.one_event_selected,
            ..entry(Command::RecordReport, "Record report…", &[])
        },
        CommandEntry {
            reach: Reach::Selection,
            ..entry(
                Command::Escape,
                "Stop editing, clear the selection",
                &[S::key("Escape")],
            )
        },
    ];
    for (name, kind) in [
        ("New event", EntityKind::Event),
        ("New actor", EntityKind::Actor),
        ("New place", EntityKind::Location),
        ("New issue", EntityKind::Issue),
        ("New position", EntityKind::Position),
        ("New source", EntityKind::Source),
        ("New claim", EntityKind::Claim),
    ] {
        table.push(entry(Command::New(kind), name, &[]));
    }
    table.extend([
        entry(
            Command::FocusSearch,
            "Find (focus the search field)",
            &[S::command("F")],
        ),
        entry(Command::SetFilter(Filter::default()), "Clear filter", &[]),
        CommandEntry {
            enabled: |cx| cx.can_go_back,
            ..entry(Command::Back, "Back", &[S::alt("Left")])
        },
        CommandEntry {
            enabled: |cx| cx.can_go_forward,
            ..entry(Command::Forward, "Forward", &[S::alt("Right")])
        },
    ]);
    table
}

/// The timeline, the panes and the theme.
fn view_rows() -> Vec<CommandEntry> {
    use Shortcut as S;
    let mut table = vec![
        CommandEntry {
            reach: Reach::Timeline,
            ..entry(
                Command::FitTimeline,
                "Fit timeline to project",
                &[S::key("F")],
            )
        },
        entry(Command::ShowLegend, "Show legend", &[]),
        entry(
            Command::ToggleSidePanel,
            "Show or hide the side panel",
            &[S::command("B")],
        ),
        entry(
            Command::ToggleDetailsPane,
            "Show or hide the details pane",
            &[S::command("I")],
        ),
        entry(
            Command::SetTheme(crate::app::ThemeChoice::System),
            "Follow system theme",
            &[],
        ),
        entry(
            Command::SetTheme(crate::app::ThemeChoice::Dark),
            "Dark theme",
            &[],
        ),
        entry(
            Command::SetTheme(crate::app::ThemeChoice::Light),
            "Light theme",
            &[],
        ),
    ];
    for mode in LaneMode::ALL {
        let name = format!("Group timeline: {}", mode.label());
        table.push(entry(Command::GroupBy(mode), &name, &[]));
    }
    // As of a day (docs/AS_OF.md): Alt+Shift with the arrows, beside Back and Forward's
    // Alt+arrows, steps through time rather than through the selection.
    table.extend([
        entry(
            Command::AsOfPreviousReport,
            "As of: previous report date",
            &[S::alt_shift("Left")],
        ),
        entry(
            Command::AsOfNextReport,
            "As of: next report date",
            &[S::alt_shift("Right")],
        ),
        entry(Command::SetAsOf(None), "As of: now (every report)", &[]),
    ]);
    table
}

/// The README's shortcut list: one row per command with keys ("| Undo | Ctrl+Z | ⌘Z |").
pub fn shortcut_rows() -> Vec<String> {
    command_table()
        .iter()
        .filter(|e| !e.shortcuts.is_empty())
        .map(|e| {
            let keys = |platform| {
                e.shortcuts
                    .iter()
                    .map(|s| format!("`{}`", s.text(platform)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            format!(
                "| {} | {} | {} |",
                e.name,
                keys(Platform::Other),
                keys(Platform::Mac)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_read_as_each_platform_writes_them() {
        let redo = entry_of(&Command::Redo).unwrap();
        assert_eq!(redo.shortcut_text(Platform::Other), "Ctrl+Shift+Z");
        assert_eq!(redo.shortcut_text(Platform::Mac), "⇧⌘Z");
        assert_eq!(redo.shortcuts[1].text(Platform::Other), "Ctrl+Y");
        let back = entry_of(&Command::Back).unwrap();
        assert_eq!(back.shortcut_text(Platform::Other), "Alt+Left");
        assert_eq!(back.shortcut_text(Platform::Mac), "⌥⏴");
        let settings = entry_of(&Command::ShowSettings).unwrap();
        assert_eq!(settings.shortcut_text(Platform::Mac), "⌘,");
        assert_eq!(settings.shortcut_text(Platform::Other), "Ctrl+,");
        let open = entry_of(&Command::OpenSample).unwrap();
        assert_eq!(open.shortcut_text(Platform::Mac), "");
    }

    #[test]
    fn no_two_commands_share_a_shortcut_or_a_name() {
        let table = command_table();
        for (i, a) in table.iter().enumerate() {
            for b in &table[i + 1..] {
                assert_ne!(a.name, b.name);
                assert_ne!(a.command, b.command);
                for s in &a.shortcuts {
                    assert!(!b.shortcuts.contains(s), "{} and {}", a.name, b.name);
                }
            }
        }
    }

    #[test]
    fn undo_redo_and_delete_are_enabled_only_when_they_can_act() {
        let nothing = CommandContext::default();
        let all = CommandContext {
            can_undo: true,
            can_redo: true,
            has_selection: true,
            can_go_back: true,
            can_go_forward: true,
            one_event_selected: true,
        };
        for command in [
            Command::Undo,
            Command::Redo,
            Command::DeleteSelected,
            Command::RecordReport,
            Command::Back,
            Command::Forward,
        ] {
            let e = entry_of(&command).unwrap();
            assert!(!(e.enabled)(nothing), "{}", e.name);
            assert!((e.enabled)(all), "{}", e.name);
        }
        assert!((entry_of(&Command::Save).unwrap().enabled)(nothing));
    }
}
