//! Pickers that suggest as the analyst types: existing entries first, then "create".

use crate::model::{ActorKind, Id, Project};
use crate::query::TextSearch;

/// Suggestions shown under a picker's text field at most: more than eight is a list to
/// scroll, not a suggestion.
const MAX_SUGGESTIONS: usize = 8;

pub enum Pick {
    Existing(Id),
    /// Create a new entry with this name (and, for actors, kind).
    New(String, ActorKind),
}

/// Match of `search` against a name or one of its aliases, accents and case ignored; names
/// that start with it rank before names that merely contain it.
fn rank(search: &TextSearch, name: &str, aliases: &[String]) -> Option<u8> {
    let starts = |s: &str| search.matches_start(s);
    let contains = |s: &str| search.matches(s);
    if starts(name) {
        Some(0)
    } else if aliases.iter().any(|a| starts(a)) {
        Some(1)
    } else if contains(name) || aliases.iter().any(|a| contains(a)) {
        Some(2)
    } else {
        None
    }
}

/// After a suggestion is picked, the keyboard goes back to the picker's field: the click on
/// the suggestion took the focus from it, so the next name typed was lost until the field was
/// clicked again. The field has a fixed id (`id_salt`): the row added above it (the new
/// participant or place) shifts the automatic ids, and the focus would go to a stale one.
fn keep_typing_in(field: &egui::Response) {
    field.request_focus();
}

/// "Add participant": a text field, existing actors matching it, and "create".
pub fn actor_picker_ui(
    ui: &mut egui::Ui,
    project: &Project,
    text: &mut String,
    exclude: &[Id],
) -> Option<Pick> {
    let field = ui.add(
        egui::TextEdit::singleline(text)
            .id_salt("add_participant")
            .hint_text(super::hint("Add participant: type a name…"))
            .desired_width(f32::INFINITY),
    );
    field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Add participant"));
    let search = TextSearch::new(text)?;
    let query = text.trim();
    let mut matches: Vec<(u8, &crate::model::Actor)> = project
        .actors
        .iter()
        .filter(|a| !exclude.contains(&a.id))
        .filter_map(|a| rank(&search, &a.name, &a.aliases).map(|r| (r, a)))
        .collect();
    matches.sort_by(|x, y| x.0.cmp(&y.0).then_with(|| x.1.name.cmp(&y.1.name)));
    let mut picked = None;
    ui.indent("actor_suggestions", |ui| {
        for (_, actor) in matches.iter().take(MAX_SUGGESTIONS) {
            if ui
                .button(format!("{} ({})", actor.name, actor.kind.label()))
                .clicked()
            {
                picked = Some(Pick::Existing(actor.id));
            }
        }
        let exact = matches
            .iter()
            .any(|(_, a)| a.name.eq_ignore_ascii_case(query));
        if !exact {
            ui.horizontal_wrapped(|ui| {
                ui.weak(format!("New “{query}” as"));
                for kind in [
                    ActorKind::Person,
                    ActorKind::Delegation,
                    ActorKind::State,
                    ActorKind::Organisation,
                ] {
                    if ui.small_button(kind.label()).clicked() {
                        picked = Some(Pick::New(query.to_owned(), kind));
                    }
                }
            });
        }
    });
    if picked.is_some() {
        text.clear();
        keep_typing_in(&field);
    }
    picked
}

/// "Add place": existing locations matching the text.
pub fn location_picker_ui(
    ui: &mut egui::Ui,
    project: &Project,
    text: &mut String,
    exclude: &[Id],
) -> Option<Pick> {
    let field = ui.add(
        egui::TextEdit::singleline(text)
            .id_salt("add_place")
            .hint_text(super::hint("Add place: type a name…"))
            .desired_width(f32::INFINITY),
    );
    field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Add place"));
    let search = TextSearch::new(text)?;
    let query = text.trim();
    let mut matches: Vec<(u8, &crate::model::Location)> = project
        .locations
        .iter()
        .filter(|l| !exclude.contains(&l.id))
        .filter_map(|l| rank(&search, &l.name, &l.aliases).map(|r| (r, l)))
        .collect();
    matches.sort_by(|x, y| x.0.cmp(&y.0).then_with(|| x.1.name.cmp(&y.1.name)));
    let mut picked = None;
    ui.indent("place_suggestions", |ui| {
        for (_, location) in matches.iter().take(MAX_SUGGESTIONS) {
            let country = location.country.as_deref().unwrap_or("");
            if ui.button(format!("{} {country}", location.name)).clicked() {
                picked = Some(Pick::Existing(location.id));
            }
        }
        if !matches
            .iter()
            .any(|(_, l)| l.name.eq_ignore_ascii_case(query))
            && ui.small_button(format!("New place “{query}”")).clicked()
        {
            picked = Some(Pick::New(query.to_owned(), ActorKind::Person));
        }
    });
    if picked.is_some() {
        text.clear();
        keep_typing_in(&field);
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::{TextSearch, rank};

    fn rank_of(query: &str, name: &str, aliases: &[String]) -> Option<u8> {
        rank(&TextSearch::new(query).expect("a query"), name, aliases)
    }

    #[test]
    fn ranking_prefers_prefixes_then_aliases_then_substrings() {
        assert_eq!(rank_of("wit", "Steve Witkoff", &[]), Some(2));
        assert_eq!(rank_of("ste", "Steve Witkoff", &[]), Some(0));
        assert_eq!(
            rank_of("zelensky", "Volodymyr Zelenskyy", &["Zelensky".into()]),
            Some(1)
        );
        assert_eq!(rank_of("putin", "Steve Witkoff", &[]), None);
    }

    #[test]
    fn ranking_ignores_accents_and_case() {
        assert_eq!(rank_of("geneve", "Genève", &[]), Some(0));
        assert_eq!(rank_of("ZURICH", "Lake Zürich", &[]), Some(2));
        assert_eq!(
            rank_of("cote", "Ivory Coast", &["Côte d'Ivoire".into()]),
            Some(1)
        );
    }
}
