//! The command palette (Ctrl+K): every command of the command table by name, with its
//! shortcut as this platform writes it, found by typing.

use egui::{Key, RichText};

use crate::app::command_table::{CommandContext, Platform, command_table};
use crate::query::TextSearch;
use crate::ui::actions::Action;

/// One command of the palette.
pub struct PaletteCommand {
    pub name: String,
    /// As the platform writes it ("Ctrl+Z", "⌘Z"); empty without one.
    pub shortcut: String,
    pub action: Action,
}

/// Every command of the command table, with the shortcuts `platform` shows; those that
/// cannot run now (`enabled`) are left out.
pub fn commands(platform: Platform, enabled: CommandContext) -> Vec<PaletteCommand> {
    command_table()
        .iter()
        .filter(|e| (e.enabled)(enabled))
        .map(|e| PaletteCommand {
            name: e.name.clone(),
            shortcut: e.shortcut_text(platform),
            action: e.command.clone(),
        })
        .collect()
}

/// Commands matching `query`: every word of the query appears in the name (any order, any
/// case, accents ignored), names starting with the query first.
pub fn matching<'c>(commands: &'c [PaletteCommand], query: &str) -> Vec<&'c PaletteCommand> {
    let words: Vec<TextSearch> = query
        .split_whitespace()
        .filter_map(TextSearch::new)
        .collect();
    let mut found: Vec<&PaletteCommand> = commands
        .iter()
        .filter(|c| words.iter().all(|w| w.matches(&c.name)))
        .collect();
    if let Some(whole) = TextSearch::new(query) {
        found.sort_by_key(|c| !whole.matches_start(&c.name));
    }
    found
}

#[derive(Default)]
pub struct PaletteState {
    pub open: bool,
    query: String,
    highlighted: usize,
}

/// A command for each recent project that is still there ("Open recent: /path/talks.detente.ron").
pub fn recent_commands(recent: &crate::app::RecentFiles) -> Vec<PaletteCommand> {
    recent
        .entries()
        .iter()
        .filter(|entry| !entry.missing)
        .map(|entry| PaletteCommand {
            name: format!("Open recent: {}", entry.path.display()),
            shortcut: String::new(),
            action: Action::OpenPath(entry.path.clone()),
        })
        .collect()
}

/// Shows the palette when open, with [`commands`] and `extra` (the recent projects); returns
/// the chosen command's action.
pub fn palette_ui(
    ctx: &egui::Context,
    state: &mut PaletteState,
    enabled: CommandContext,
    extra: Vec<PaletteCommand>,
) -> Option<Action> {
    if !state.open {
        return None;
    }
    let mut all = commands(crate::ui::menu::platform(ctx), enabled);
    all.extend(extra);
    let found = matching(&all, &state.query);
    let (up, down, enter, escape) = ctx.input(|i| {
        (
            i.key_pressed(Key::ArrowUp),
            i.key_pressed(Key::ArrowDown),
            i.key_pressed(Key::Enter),
            i.key_pressed(Key::Escape),
        )
    });
    if down {
        state.highlighted = (state.highlighted + 1).min(found.len().saturating_sub(1));
    }
    if up {
        state.highlighted = state.highlighted.saturating_sub(1);
    }
    state.highlighted = state.highlighted.min(found.len().saturating_sub(1));
    let mut chosen = None;
    egui::Modal::new(egui::Id::unique("command_palette")).show(ctx, |ui| {
        ui.set_width(460.0);
        let field = ui.add(
            egui::TextEdit::singleline(&mut state.query)
                .hint_text("Type a command…")
                .desired_width(f32::INFINITY),
        );
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SearchInput, true, "Command"));
        field.request_focus();
        if field.changed() {
            state.highlighted = 0;
        }
        // The scroll bar floats over the content's right edge, where the shortcuts end:
        // keep them clear of it, at its widest (when hovered) and its margin.
        let bar = &ui.spacing().scroll;
        let bar_room = (bar.bar_width + bar.bar_inner_margin).ceil() as i8;
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .content_margin(egui::Margin {
                right: bar_room,
                ..egui::Margin::ZERO
            })
            .show(ui, |ui| {
                for (i, command) in found.iter().enumerate() {
                    ui.horizontal(|ui| {
                        let button = ui.add(egui::Button::selectable(
                            i == state.highlighted,
                            &command.name,
                        ));
                        if button.clicked() {
                            chosen = Some(command.action.clone());
                        }
                        if i == state.highlighted {
                            button.scroll_to_me(None);
                        }
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.label(RichText::new(&command.shortcut).weak());
                        });
                    });
                }
                if found.is_empty() {
                    ui.weak("No command matches.");
                }
            });
    });
    if enter && chosen.is_none() {
        chosen = found.get(state.highlighted).map(|c| c.action.clone());
    }
    if chosen.is_some() || escape {
        *state = PaletteState::default();
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_projects_are_commands_unless_missing() {
        let dir = std::env::temp_dir().join(format!("detente-palette-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let there = dir.join("talks.detente.ron");
        std::fs::write(&there, "x").unwrap();
        let mut recent = crate::app::RecentFiles::default();
        recent.add(&there);
        recent.add(&dir.join("gone.detente.ron"));
        recent.refresh();
        let found = recent_commands(&recent);
        assert_eq!(found.len(), 1, "the missing file is not offered");
        assert!(found[0].name.ends_with("talks.detente.ron"));
        let there = std::fs::canonicalize(&there).unwrap();
        assert!(matches!(&found[0].action, Action::OpenPath(p) if *p == there));
        let all: Vec<PaletteCommand> = commands(Platform::Other, CommandContext::default())
            .into_iter()
            .chain(found)
            .collect();
        assert_eq!(matching(&all, "recent talks").len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn typing_finds_commands_by_words() {
        let all = commands(Platform::Other, CommandContext::default());
        let names = |q: &str| {
            matching(&all, q)
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("save as")[0], "Save As…");
        assert_eq!(names("as save")[0], "Save As…");
        // Case and accents are ignored, as everywhere text is searched.
        assert_eq!(names("SÁVE AS")[0], "Save As…");
        assert!(names("group particip").contains(&"Group timeline: Participant".to_owned()));
        assert!(names("zzz").is_empty());
        assert_eq!(names("").len(), all.len());
    }
}
