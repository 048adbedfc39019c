//! Who holds a position: the name in a clause's subject, matched to the project's actors,
//! a capital read as its state, a surname read as the full name the report used before.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::geo::fold;
use crate::model::{ActorKind, Project};

use super::rules::{Rules, find_phrase};
use crate::intake::{ActorRef, Span};

/// Folded names of the world's countries (from the gazetteer's country list), for telling a
/// state from an organisation.
static COUNTRIES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut names = HashSet::new();
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let code = [a, b];
            let code = std::str::from_utf8(&code).unwrap_or("");
            if let Some(name) = crate::geo::country_name(code) {
                names.insert(fold(name));
            }
        }
    }
    names
});

/// A holder's name as read from a subject: openers, articles and titles dropped
/// ("Meanwhile, Ukrainian President Volodymyr Zelenskyy" → "Volodymyr Zelenskyy", titled).
pub(super) struct Named {
    pub name: String,
    /// Where the name sits in the subject (byte offsets into it).
    pub start: usize,
    /// A title stood before the name, so it is a person's.
    pub titled: bool,
}

pub(super) fn holder_name(subject: &str, rules: &Rules) -> Option<Named> {
    let lower = subject.to_ascii_lowercase();
    // A dateline before the subject ("VIENNA, March 3, 2026 (AFP) — Iran") ends at its dash.
    let mut start = ["—", "–", " - "]
        .iter()
        .filter_map(|d| lower.rfind(d).map(|i| i + d.len()))
        .max()
        .unwrap_or(0);
    // Openers: "Meanwhile,", "But".
    loop {
        let rest = &lower[start..];
        let trimmed = rest.trim_start_matches([' ', ',']);
        let skipped = rest.len() - trimmed.len();
        let Some(opener) = rules.openers.iter().find(|o| {
            trimmed.starts_with(o.as_str())
                && trimmed[o.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        }) else {
            start += skipped;
            break;
        };
        start += skipped + opener.len();
    }
    // The last title: the name follows it.
    let mut titled = false;
    for title in &rules.titles {
        for (_, end) in find_phrase(&lower, title) {
            if end > start && end < lower.len() {
                start = start.max(end);
                titled = true;
            }
        }
    }
    let rest = &subject[start..];
    let trimmed = rest.trim_start_matches([' ', ',']);
    let mut name_start = start + rest.len() - trimmed.len();
    let mut name = trimmed.trim_end_matches([' ', ',', '.', ';', ':']);
    for article in ["the ", "The "] {
        if let Some(n) = name.strip_prefix(article) {
            name = n;
            name_start += article.len();
        }
    }
    // Six words is a long name; a longer subject is a clause, not a holder.
    let words = name.split_whitespace().count();
    (words > 0 && words <= 6).then(|| Named {
        name: name.to_owned(),
        start: name_start,
        titled,
    })
}

/// The actor a name stands for: the project's (by name or alias), a capital's state, the
/// full name the report gave a surname before (`text_before`), or a new one with a kind.
pub(super) fn resolve(
    named: &Named,
    span: Span,
    text_before: &str,
    project: &Project,
    rules: &Rules,
) -> ActorRef {
    let mut name = named.name.clone();
    if let Some((_, state)) = rules.capitals.iter().find(|(c, _)| fold(c) == fold(&name)) {
        // "Washington" stands for the United States unless the project says otherwise.
        if find_actor(project, &name).is_none() {
            name.clone_from(state);
        }
    }
    if !name.contains(' ')
        && find_actor(project, &name).is_none()
        && let Some(full) = full_name_before(&name, text_before, rules)
    {
        name = full;
    }
    let known = find_actor(project, &name);
    let kind = match known {
        Some(i) => project.actors[i].kind,
        None => kind_of(&name, named.titled, rules),
    };
    ActorRef {
        name: known.map_or(name, |i| project.actors[i].name.clone()),
        known: known.map(|i| project.actors[i].id),
        kind,
        role: None,
        spans: vec![span],
    }
}

/// The index of the project's actor named `name` or with it as an alias.
pub(super) fn find_actor(project: &Project, name: &str) -> Option<usize> {
    let key = fold(name);
    if key.is_empty() {
        return None;
    }
    project
        .actors
        .iter()
        .position(|a| fold(&a.name) == key || a.aliases.iter().any(|x| fold(x) == key))
}

fn kind_of(name: &str, titled: bool, rules: &Rules) -> ActorKind {
    let key = fold(name);
    let lower = name.to_ascii_lowercase();
    let is_state = COUNTRIES.contains(&key)
        || rules.states.iter().any(|s| fold(s) == key)
        || rules.capitals.iter().any(|(_, s)| fold(s) == key);
    if is_state {
        return ActorKind::State;
    }
    if rules
        .organisations
        .iter()
        .any(|w| !find_phrase(&lower, w).is_empty())
    {
        return ActorKind::Organisation;
    }
    if titled {
        return ActorKind::Person;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    match (capitalised, words.len()) {
        (false, _) => ActorKind::Group,
        (true, 2..=4) => ActorKind::Person,
        _ => ActorKind::Organisation,
    }
}

/// The last full name before `surname` in the report whose last word is that surname, or a
/// spelling one letter apart ("Zelensky" after "Volodymyr Zelenskyy").
fn full_name_before(surname: &str, text_before: &str, rules: &Rules) -> Option<String> {
    let key = fold(surname);
    // Five letters: shorter names ("Li", "Kim") are too common to be read as a variant.
    if key.chars().count() < 5 {
        return None;
    }
    let mut found = None;
    let mut run: Vec<&str> = Vec::new();
    let mut consider = |run: &[&str]| {
        if run.len() < 2 {
            return;
        }
        let last = fold(run[run.len() - 1]);
        if close_spelling(&last, &key) {
            // Drop titles from the front of the run: "President Volodymyr Zelenskyy".
            let text = run.join(" ");
            if let Some(named) = holder_name(&text, rules)
                && named.name.contains(' ')
            {
                found = Some(named.name);
            }
        }
    };
    for word in text_before.split_whitespace() {
        let clean = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let clean = clean
            .strip_suffix("’s")
            .or_else(|| clean.strip_suffix("'s"))
            .unwrap_or(clean);
        if clean.chars().next().is_some_and(char::is_uppercase) {
            run.push(clean);
            if clean.len() != word.len() {
                // Punctuation after the word ends the run.
                consider(&run);
                run.clear();
            }
        } else {
            consider(&run);
            run.clear();
        }
    }
    consider(&run);
    found
}

/// Equal, or one letter added at the end or inside (Zelensky / Zelenskyy); `a` and `b` folded.
pub(crate) fn close_spelling(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let (short, long) = (short.as_bytes(), long.as_bytes());
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    short[prefix..] == long[prefix + 1..]
}

#[cfg(test)]
mod tests {
    use super::super::rules::rules;
    use super::*;

    #[test]
    fn titles_and_openers_are_not_part_of_the_name() {
        let named = holder_name(
            "Meanwhile, Ukrainian President Volodymyr Zelenskyy",
            rules(),
        )
        .expect("a name");
        assert_eq!(named.name, "Volodymyr Zelenskyy");
        assert!(named.titled);
        let named = holder_name("The Kremlin", rules()).expect("a name");
        assert_eq!((named.name.as_str(), named.titled), ("Kremlin", false));
    }

    #[test]
    fn a_capital_is_its_state_and_a_surname_its_earlier_full_name() {
        let empty = Project::default();
        let washington = holder_name("Washington", rules()).expect("a name");
        let actor = resolve(&washington, Span::default(), "", &empty, rules());
        assert_eq!(
            (actor.name.as_str(), actor.kind),
            ("United States", ActorKind::State)
        );
        let before =
            "Foreign Minister Andrii Sybiha spoke. Then President Volodymyr Zelenskyy left.";
        let zelensky = holder_name("Zelensky", rules()).expect("a name");
        let actor = resolve(&zelensky, Span::default(), before, &empty, rules());
        assert_eq!(
            (actor.name.as_str(), actor.kind),
            ("Volodymyr Zelenskyy", ActorKind::Person)
        );
    }

    #[test]
    fn kinds_of_new_holders() {
        let r = rules();
        assert_eq!(kind_of("Ukraine", false, r), ActorKind::State);
        assert_eq!(
            kind_of("Trump administration", false, r),
            ActorKind::Organisation
        );
        assert_eq!(kind_of("Kirill Dmitriev", false, r), ActorKind::Person);
        assert_eq!(kind_of("officials", false, r), ActorKind::Group);
    }
}
