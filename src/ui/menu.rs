//! The menu bar and the keyboard shortcuts of its commands.

use egui::{KeyboardShortcut, Modifiers};

use crate::app::Document;
use crate::app::command_table::{
    CommandContext, CommandEntry, Platform, Reach, Shortcut, command_table, entry_of,
};
use crate::export::ExportFormat;
use crate::model::EntityKind;
use crate::ui::actions::Action;

/// The table's platform for this window: macOS writes shortcuts with symbols.
pub fn platform(ctx: &egui::Context) -> Platform {
    if ctx.os().is_mac() {
        Platform::Mac
    } else {
        Platform::Other
    }
}

/// A table shortcut as egui matches it; `None` for a key name egui does not know.
pub fn egui_shortcut(shortcut: &Shortcut) -> Option<KeyboardShortcut> {
    let key = egui::Key::from_name(shortcut.key)?;
    let mut modifiers = Modifiers::NONE;
    if shortcut.command {
        modifiers = modifiers.plus(Modifiers::COMMAND);
    }
    if shortcut.shift {
        modifiers = modifiers.plus(Modifiers::SHIFT);
    }
    if shortcut.alt {
        modifiers = modifiers.plus(Modifiers::ALT);
    }
    Some(KeyboardShortcut::new(modifiers, key))
}

/// The table's shortcuts, wherever the focus is (see [`Reach`]). A shortcut with more
/// modifiers is checked first: Save As before Save, whose keys it contains.
pub fn shortcuts(ctx: &egui::Context, enabled: CommandContext, actions: &mut Vec<Action>) {
    let editing_text = ctx.egui_wants_keyboard_input();
    // A dialog (the palette, a prompt) shown last frame takes Escape and Delete for itself:
    // the Escape that closes the palette must not also clear the selection.
    let dialog_open = ctx.memory(|m| m.top_modal_layer().is_some());
    let mut keys: Vec<(&Shortcut, &CommandEntry)> = command_table()
        .iter()
        .flat_map(|e| e.shortcuts.iter().map(move |s| (s, e)))
        .collect();
    keys.sort_by_key(|(s, _)| std::cmp::Reverse(s.num_modifiers()));
    ctx.input_mut(|i| {
        for (shortcut, entry) in keys {
            let Some(keys) = egui_shortcut(shortcut) else {
                continue;
            };
            let pressed = match entry.reach {
                Reach::Everywhere => i.consume_shortcut(&keys),
                Reach::OutsideText => !editing_text && i.consume_shortcut(&keys),
                Reach::Selection => {
                    !editing_text
                        && !dialog_open
                        && i.modifiers.is_none()
                        && i.key_pressed(keys.logical_key)
                }
                Reach::Timeline => false,
            };
            if pressed && (entry.enabled)(enabled) && !actions.contains(&entry.command) {
                actions.push(entry.command.clone());
            }
        }
    });
}

/// A menu item for the table's `command`: its name, its shortcut, enabled when it can run.
fn command_ui(ui: &mut egui::Ui, command: &Action, enabled: CommandContext) -> bool {
    let Some(entry) = entry_of(command) else {
        return false;
    };
    command_named_ui(ui, entry, &entry.name, enabled)
}

fn command_named_ui(
    ui: &mut egui::Ui,
    entry: &CommandEntry,
    name: &str,
    enabled: CommandContext,
) -> bool {
    let mut button = egui::Button::new(name);
    let shortcut = entry.shortcut_text(platform(ui.ctx()));
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    ui.add_enabled((entry.enabled)(enabled), button).clicked()
}

fn item(ui: &mut egui::Ui, label: &str) -> bool {
    ui.add(egui::Button::new(label)).clicked()
}

/// File ▸ Open Recent: the projects last opened or saved, newest first. A file that is gone
/// stays listed (it may be on a drive that is unplugged) but cannot be chosen.
fn recent_menu_ui(ui: &mut egui::Ui, recent: &crate::app::RecentFiles, actions: &mut Vec<Action>) {
    if recent.entries().is_empty() {
        ui.add_enabled(false, egui::Button::new("No recent projects"));
        return;
    }
    for entry in recent.entries() {
        let name = entry.path.file_name().map_or_else(
            || entry.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let label = if entry.missing {
            format!("{name} (missing)")
        } else {
            name
        };
        let response = ui
            .add_enabled(!entry.missing, egui::Button::new(label))
            .on_hover_text(entry.path.display().to_string());
        if response.clicked() {
            actions.push(Action::OpenPath(entry.path.clone()));
        }
    }
    ui.separator();
    if item(ui, "Clear the list") {
        actions.push(Action::ClearRecent);
    }
}

/// Runs `command` from the menu when its item is clicked.
fn push_ui(ui: &mut egui::Ui, command: Action, enabled: CommandContext, actions: &mut Vec<Action>) {
    if command_ui(ui, &command, enabled) {
        actions.push(command);
    }
}

pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    enabled: CommandContext,
    recent: &crate::app::RecentFiles,
    actions: &mut Vec<Action>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, enabled, recent, actions));
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, doc, enabled, actions));
        ui.menu_button("View", |ui| {
            for command in [Action::FitTimeline, Action::ShowLegend] {
                push_ui(ui, command, enabled, actions);
            }
            ui.separator();
            for command in [Action::ToggleSidePanel, Action::ToggleDetailsPane] {
                push_ui(ui, command, enabled, actions);
            }
            ui.separator();
            for command in [
                Action::AsOfPreviousReport,
                Action::AsOfNextReport,
                Action::SetAsOf(None),
            ] {
                push_ui(ui, command, enabled, actions);
            }
            ui.separator();
            for theme in [
                crate::app::ThemeChoice::System,
                crate::app::ThemeChoice::Dark,
                crate::app::ThemeChoice::Light,
            ] {
                push_ui(ui, Action::SetTheme(theme), enabled, actions);
            }
        });
        ui.menu_button("Help", |ui| {
            for command in [
                Action::ShowGettingStarted,
                Action::OpenPalette,
                Action::ShowAbout,
            ] {
                push_ui(ui, command, enabled, actions);
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.add(egui::Label::new(egui::RichText::new(&doc.project().title).weak()).truncate());
        });
    });
}

fn file_menu_ui(
    ui: &mut egui::Ui,
    enabled: CommandContext,
    recent: &crate::app::RecentFiles,
    actions: &mut Vec<Action>,
) {
    push_ui(ui, Action::NewProject, enabled, actions);
    push_ui(ui, Action::OpenDialog, enabled, actions);
    ui.menu_button("Open Recent", |ui| recent_menu_ui(ui, recent, actions));
    push_ui(ui, Action::OpenSample, enabled, actions);
    ui.separator();
    push_ui(ui, Action::ImportDialog, enabled, actions);
    push_ui(ui, Action::ImportFolderDialog, enabled, actions);
    push_ui(ui, Action::AddReport, enabled, actions);
    ui.menu_button("Export", |ui| {
        // Inside the Export menu, "Export" is left out of the names.
        for (format, label) in [
            (ExportFormat::Csv, "Events as CSV…"),
            (ExportFormat::TimelineJs, "TimelineJS3 JSON…"),
            (ExportFormat::Markdown, "Chronology brief (Markdown)…"),
            (ExportFormat::Html, "Chronology brief (HTML)…"),
        ] {
            let command = Action::ExportDialog(format);
            if let Some(entry) = entry_of(&command)
                && command_named_ui(ui, entry, label, enabled)
            {
                actions.push(command);
            }
        }
        ui.separator();
        // Images have their own dialog (range, width, theme).
        let command = Action::ImageExportDialog;
        if let Some(entry) = entry_of(&command)
            && command_named_ui(ui, entry, "Timeline image (PNG, SVG)…", enabled)
        {
            actions.push(command);
        }
    });
    ui.separator();
    push_ui(ui, Action::Save, enabled, actions);
    push_ui(ui, Action::SaveAsDialog, enabled, actions);
    ui.separator();
    push_ui(ui, Action::ShowProjectProperties, enabled, actions);
    push_ui(ui, Action::ShowSettings, enabled, actions);
    ui.separator();
    push_ui(ui, Action::Quit, enabled, actions);
}

fn edit_menu_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    enabled: CommandContext,
    actions: &mut Vec<Action>,
) {
    // Undo and redo name the step they undo.
    for (command, label) in [
        (Action::Undo, doc.undo_label()),
        (Action::Redo, doc.redo_label()),
    ] {
        let Some(entry) = entry_of(&command) else {
            continue;
        };
        let name = label.map_or_else(|| entry.name.clone(), |l| format!("{}: {l}", entry.name));
        if command_named_ui(ui, entry, &name, enabled) {
            actions.push(command);
        }
    }
    push_ui(ui, Action::DeleteSelected, enabled, actions);
    push_ui(ui, Action::RecordReport, enabled, actions);
    ui.separator();
    for kind in [
        EntityKind::Event,
        EntityKind::Actor,
        EntityKind::Location,
        EntityKind::Issue,
        EntityKind::Position,
        EntityKind::Source,
        EntityKind::Claim,
    ] {
        push_ui(ui, Action::New(kind), enabled, actions);
    }
}
