//! The menu bar and the keyboard shortcuts of its commands.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::Document;
use crate::model::EntityKind;
use crate::ui::actions::Action;

const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const PALETTE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::K);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const SETTINGS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Comma);
const BACK: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft);
const FORWARD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight);
const SIDE_PANEL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::B);
const DETAILS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::I);
const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// Shortcuts work wherever the focus is. Save As is checked before Save, whose keys it contains.
pub fn shortcuts(ctx: &egui::Context, _dirty: bool, actions: &mut Vec<Action>) {
    // Undo and redo belong to a text field while it has the keyboard (it undoes its own
    // typing); elsewhere they undo project edits.
    let editing_text = ctx.egui_wants_keyboard_input();
    ctx.input_mut(|i| {
        if !editing_text {
            if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
                actions.push(Action::Redo);
            }
            if i.consume_shortcut(&UNDO) {
                actions.push(Action::Undo);
            }
        }
        if i.consume_shortcut(&SAVE_AS) {
            actions.push(Action::SaveAsDialog);
        }
        if i.consume_shortcut(&SAVE) {
            actions.push(Action::Save);
        }
        if i.consume_shortcut(&NEW) {
            actions.push(Action::NewProject);
        }
        if i.consume_shortcut(&OPEN) {
            actions.push(Action::OpenDialog);
        }
        if i.consume_shortcut(&QUIT) {
            actions.push(Action::Quit);
        }
        if i.consume_shortcut(&PALETTE) {
            actions.push(Action::OpenPalette);
        }
        if i.consume_shortcut(&SETTINGS) {
            actions.push(Action::ShowSettings);
        }
        if i.consume_shortcut(&FIND) {
            actions.push(Action::FocusSearch);
        }
        if i.consume_shortcut(&BACK) {
            actions.push(Action::Back);
        }
        if i.consume_shortcut(&FORWARD) {
            actions.push(Action::Forward);
        }
        if i.consume_shortcut(&SIDE_PANEL) {
            actions.push(Action::ToggleSidePanel);
        }
        if i.consume_shortcut(&DETAILS) {
            actions.push(Action::ToggleDetailsPane);
        }
        if i.consume_shortcut(&HELP) {
            actions.push(Action::ShowGettingStarted);
        }
    });
}

fn item(ui: &mut egui::Ui, label: &str, shortcut: Option<&KeyboardShortcut>) -> bool {
    let mut button = egui::Button::new(label);
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(s));
    }
    ui.add(button).clicked()
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
    if item(ui, "Clear the list", None) {
        actions.push(Action::ClearRecent);
    }
}

pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    recent: &crate::app::RecentFiles,
    actions: &mut Vec<Action>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if item(ui, "New", Some(&NEW)) {
                actions.push(Action::NewProject);
            }
            if item(ui, "Open…", Some(&OPEN)) {
                actions.push(Action::OpenDialog);
            }
            ui.menu_button("Open Recent", |ui| recent_menu_ui(ui, recent, actions));
            if item(ui, "Open sample", None) {
                actions.push(Action::OpenSample);
            }
            ui.separator();
            if item(ui, "Import…", None) {
                actions.push(Action::ImportDialog);
            }
            ui.menu_button("Export", |ui| {
                for format in crate::export::ExportFormat::ALL {
                    let label = match format {
                        crate::export::ExportFormat::Csv => "Events as CSV…",
                        crate::export::ExportFormat::TimelineJs => "TimelineJS3 JSON…",
                        crate::export::ExportFormat::Markdown => "Chronology brief (Markdown)…",
                        crate::export::ExportFormat::Html => "Chronology brief (HTML)…",
                        // Images have their own dialog (range, width, theme), below.
                        crate::export::ExportFormat::Svg | crate::export::ExportFormat::Png => {
                            continue;
                        }
                    };
                    if item(ui, label, None) {
                        actions.push(Action::ExportDialog(format));
                    }
                }
                ui.separator();
                if item(ui, "Timeline image (PNG, SVG)…", None) {
                    actions.push(Action::ImageExportDialog);
                }
            });
            ui.separator();
            if item(ui, "Save", Some(&SAVE)) {
                actions.push(Action::Save);
            }
            if item(ui, "Save As…", Some(&SAVE_AS)) {
                actions.push(Action::SaveAsDialog);
            }
            ui.separator();
            if item(ui, "Project properties…", None) {
                actions.push(Action::ShowProjectProperties);
            }
            if item(ui, "Settings…", Some(&SETTINGS)) {
                actions.push(Action::ShowSettings);
            }
            ui.separator();
            if item(ui, "Quit", Some(&QUIT)) {
                actions.push(Action::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            let undo = doc
                .undo_label()
                .map_or_else(|| "Undo".to_owned(), |l| format!("Undo: {l}"));
            let redo = doc
                .redo_label()
                .map_or_else(|| "Redo".to_owned(), |l| format!("Redo: {l}"));
            if ui
                .add_enabled(
                    doc.undo_label().is_some(),
                    egui::Button::new(undo).shortcut_text(ui.ctx().format_shortcut(&UNDO)),
                )
                .clicked()
            {
                actions.push(Action::Undo);
            }
            if ui
                .add_enabled(
                    doc.redo_label().is_some(),
                    egui::Button::new(redo).shortcut_text(ui.ctx().format_shortcut(&REDO)),
                )
                .clicked()
            {
                actions.push(Action::Redo);
            }
            ui.separator();
            for (label, kind) in [
                ("New event", EntityKind::Event),
                ("New actor", EntityKind::Actor),
                ("New place", EntityKind::Location),
                ("New issue", EntityKind::Issue),
                ("New position", EntityKind::Position),
                ("New source", EntityKind::Source),
                ("New claim", EntityKind::Claim),
            ] {
                if item(ui, label, None) {
                    actions.push(Action::New(kind));
                }
            }
        });
        ui.menu_button("View", |ui| {
            if item(ui, "Fit timeline to project", None) {
                actions.push(Action::FitTimeline);
            }
            if item(ui, "Legend", None) {
                actions.push(Action::ShowLegend);
            }
            ui.separator();
            if item(ui, "Side panel", Some(&SIDE_PANEL)) {
                actions.push(Action::ToggleSidePanel);
            }
            if item(ui, "Details pane", Some(&DETAILS)) {
                actions.push(Action::ToggleDetailsPane);
            }
            ui.separator();
            for (label, theme) in [
                ("Follow system theme", egui::ThemePreference::System),
                ("Dark theme", egui::ThemePreference::Dark),
                ("Light theme", egui::ThemePreference::Light),
            ] {
                if item(ui, label, None) {
                    actions.push(Action::SetTheme(theme));
                }
            }
        });
        ui.menu_button("Help", |ui| {
            if item(ui, "Getting started", Some(&HELP)) {
                actions.push(Action::ShowGettingStarted);
            }
            if item(ui, "Command palette…", Some(&PALETTE)) {
                actions.push(Action::OpenPalette);
            }
            if item(ui, "About Detente", None) {
                actions.push(Action::ShowAbout);
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.add(egui::Label::new(egui::RichText::new(&doc.project().title).weak()).truncate());
        });
    });
}
