//! Who a source phrase names: an outlet, a named speaker or an unnamed one, the name as the
//! text gives it, and the project's actor of that name or alias.
//!
//! Names are compared in lower case, without a leading "the" and without a possessive "’s"
//! ("Trump’s" is "trump"), so "the Kremlin" finds the actor "Kremlin". The index is built once
//! per article from the project's actors (names and aliases) and sources, so that a phrase
//! costs at most 78 look-ups (every run of up to 12 words) whatever the project's size.

use std::collections::{HashMap, HashSet};

use crate::model::{ActorKind, Id, Project};

use super::tokens::Tok;
use super::words::Words;

/// What a step of the chain is: it decides the publisher's verb, what carries over to the
/// next sentences, and the credibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A person, state or organisation speaking on the record ("the Kremlin", "Putin").
    Named,
    /// A speaker the text does not name ("sources familiar with the matter").
    Unnamed,
    /// An outlet or its report ("US media outlet Politico").
    Outlet,
    /// "the report", "the outlet": the report named last in the article.
    BackRef,
    /// "he", "she", "they": the paragraph's last speaker.
    Pronoun,
}

/// One link of a chain while reading; [`super::ProposedStep`] once the chain is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub name: String,
    pub verb: String,
    pub actor: Option<Id>,
    pub role: Role,
}

/// The project's names, normalised, for matching.
pub struct Names {
    by_name: HashMap<String, Id>,
    outlet_actors: HashSet<Id>,
    /// Sources' names, normalised: outlets even when they have no actor.
    sources: HashSet<String>,
    /// A person's last name alone ("Witkoff" for Steve Witkoff), when only one person of the
    /// project has it (`None` when several do).
    surnames: HashMap<String, Option<Id>>,
}

/// Lower case, `’` as `'`, a possessive `'s` dropped, a leading "the" dropped, single spaces.
pub fn normalise(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| normal_word(&w.to_lowercase().replace('’', "'")).to_string())
        .filter(|w| !w.is_empty())
        .collect();
    let skip = usize::from(words.first().is_some_and(|w| w == "the") && words.len() > 1);
    words[skip..].join(" ")
}

/// A lower-cased word without its possessive ending.
fn normal_word(lower: &str) -> &str {
    lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix('\''))
        .unwrap_or(lower)
}

impl Names {
    pub fn new(project: &Project) -> Self {
        let mut by_name = HashMap::new();
        let mut outlet_actors = HashSet::new();
        let mut surnames: HashMap<String, Option<Id>> = HashMap::new();
        for actor in &project.actors {
            if actor.kind == ActorKind::Person
                && let Some(last) = normalise(&actor.name).rsplit(' ').next()
                && !last.is_empty()
            {
                surnames
                    .entry(last.to_string())
                    .and_modify(|id| {
                        if *id != Some(actor.id) {
                            *id = None;
                        }
                    })
                    .or_insert(Some(actor.id));
            }
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                by_name.entry(normalise(name)).or_insert(actor.id);
            }
            if actor.kind == ActorKind::Outlet {
                outlet_actors.insert(actor.id);
            }
        }
        let mut sources = HashSet::new();
        for source in &project.sources {
            let key = normalise(&source.name);
            if let Some(actor) = source.actor {
                outlet_actors.insert(actor);
                by_name.entry(key.clone()).or_insert(actor);
            }
            sources.insert(key);
        }
        by_name.remove("");
        Self {
            by_name,
            outlet_actors,
            sources,
            surnames,
        }
    }

    /// The one person of the project with this last name.
    pub fn person_by_surname(&self, name: &str) -> Option<Id> {
        self.surnames.get(&normalise(name)).copied().flatten()
    }

    /// The actor named exactly `name` (normalised).
    pub fn actor(&self, name: &str) -> Option<Id> {
        self.by_name.get(&normalise(name)).copied()
    }

    fn actor_of_words(&self, words: &[&str]) -> Option<Id> {
        let skip = usize::from(words.first() == Some(&"the") && words.len() > 1);
        self.by_name.get(&words[skip..].join(" ")).copied()
    }

    /// The longest run of `toks` that names an actor: its token range and the actor.
    fn longest_inside(&self, toks: &[Tok]) -> Option<(usize, usize, Id)> {
        let words: Vec<&str> = toks.iter().map(|t| normal_word(&t.lower)).collect();
        let n = words.len().min(12);
        for len in (1..=n).rev() {
            for a in 0..=words.len() - len {
                if let Some(id) = self.actor_of_words(&words[a..a + len]) {
                    return Some((a, a + len, id));
                }
            }
        }
        None
    }

    /// Is this name an outlet: the project's outlet actor or source, or a known outlet?
    pub fn is_outlet(&self, words: &Words, name: &str) -> bool {
        let key = normalise(name);
        self.sources.contains(&key)
            || self
                .by_name
                .get(&key)
                .is_some_and(|id| self.outlet_actors.contains(id))
            || words.known_outlets.contains(&key)
    }

    pub fn is_outlet_actor(&self, id: Id) -> bool {
        self.outlet_actors.contains(&id)
    }
}

/// Words that open an unnamed speaker's phrase and are written in lower case inside a
/// sentence ("Sources familiar…" at the start is "sources familiar…" in the chain).
const COMMON_OPENERS: &[&str] = &[
    "a",
    "an",
    "two",
    "three",
    "four",
    "five",
    "several",
    "some",
    "many",
    "senior",
    "top",
    "unnamed",
    "other",
    "most",
    "one",
    "multiple",
    "western",
    "european",
    "diplomatic",
];

/// The text of `toks` as written, from the first token's start to the last one's end.
fn text_of<'a>(text: &'a str, toks: &[Tok]) -> &'a str {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => text.get(a.start..b.end).unwrap_or(""),
        _ => "",
    }
}

/// Drops a leading article ("a", "an", "the") and a leading possessive owner
/// ("Ukraine’s Ukrinform" is "Ukrinform").
fn trim_front(toks: &[Tok]) -> &[Tok] {
    let mut toks = toks;
    while toks.len() > 1 && (toks[0].is("a") || toks[0].is("an") || toks[0].is("the")) {
        toks = &toks[1..];
    }
    toks
}

/// Drops the owner before a name ("Ukraine’s Ukrinform" is Ukrinform), but not before a
/// common noun ("Ukraine’s foreign ministry" stays whole).
fn drop_possessive_owner(toks: &[Tok]) -> &[Tok] {
    match toks.iter().rposition(|t| t.lower.ends_with("'s")) {
        Some(k) if toks[k + 1..].iter().any(|t| t.capital) => &toks[k + 1..],
        _ => toks,
    }
}

/// Reads a source phrase (`toks`, words only, in text order) into a step with `verb`. The
/// role is `Outlet` when the phrase has an outlet cue or names an outlet, or `as_outlet`.
pub fn classify(
    text: &str,
    toks: &[Tok],
    verb: &str,
    as_outlet: bool,
    names: &Names,
    words: &Words,
) -> Option<Step> {
    let toks = trim_front(toks);
    if toks.is_empty() {
        return None;
    }
    let step = |name: &str, actor: Option<Id>, role: Role| Step {
        name: name.to_string(),
        verb: verb.to_string(),
        actor,
        role,
    };
    let first = toks[0].lower.as_str();
    if toks.len() == 1 && matches!(first, "he" | "she" | "it" | "they" | "we" | "i") {
        return Some(step(text_of(text, toks), None, Role::Pronoun));
    }
    // "the report", "the outlet", "the agency" alone: the report named last.
    if toks.len() <= 2
        && toks
            .iter()
            .any(|t| t.is("report") || t.is("outlet") || t.is("agency") || t.is("newspaper"))
        && !toks.iter().any(|t| t.capital)
    {
        return Some(step("the report", None, Role::BackRef));
    }
    let whole = text_of(text, toks);
    // An outlet cue: the name is what follows it, or what precedes it without its owner.
    for at in 0..toks.len() {
        let Some(cue) = words.outlet_cues.longest_at(toks, at) else {
            continue;
        };
        let after = trim_front(&toks[at + cue..]);
        let before = drop_possessive_owner(&toks[..at]);
        let name_toks = if after.iter().any(|t| t.capital) {
            after
        } else {
            before
        };
        let name = text_of(text, trim_front(name_toks));
        // "US media": the words before the cue name a country, not the outlet.
        let actor = names.actor(name);
        let not_outlet =
            actor.is_some_and(|id| !names.is_outlet_actor(id)) && !names.is_outlet(words, name);
        if name.is_empty() || not_outlet || !name_toks.iter().any(|t| t.capital) {
            return Some(step(whole, None, Role::Outlet));
        }
        return Some(step(name, actor, Role::Outlet));
    }
    if as_outlet || names.is_outlet(words, whole) {
        return Some(step(whole, names.actor(whole), Role::Outlet));
    }
    // An unnamed speaker: an anonymous head not followed by a name ("officials from…",
    // "a White House official"; not "advisor Rustem Umerov").
    let unnamed = toks.iter().enumerate().any(|(k, t)| {
        words.anonymous_heads.contains(&t.lower) && toks.get(k + 1).is_none_or(|n| !n.capital)
    });
    if unnamed {
        let mut name = whole.to_string();
        if COMMON_OPENERS.contains(&first) || words.anonymous_heads.contains(first) {
            name = lower_first(&name);
        }
        let actor = names.longest_inside(toks).map(|(_, _, id)| id);
        return Some(step(&name, actor, Role::Unnamed));
    }
    if let Some(id) = names.actor(whole) {
        return Some(step(whole, Some(id), Role::Named));
    }
    // A title before a name: the name is the words after the last title ("Kremlin
    // spokesman Dmitry Peskov" is Dmitry Peskov, not the Kremlin).
    let mut from = 0;
    for at in 0..toks.len() {
        if let Some(title) = words.titles.longest_at(toks, at)
            && at + title < toks.len()
        {
            from = at + title;
        }
    }
    let name_toks = trim_front(drop_possessive_owner(&toks[from..]));
    let name = text_of(text, name_toks);
    if let Some(id) = names.actor(name) {
        return Some(step(name, Some(id), Role::Named));
    }
    if let Some((a, b, id)) = names.longest_inside(name_toks) {
        return Some(step(text_of(text, &name_toks[a..b]), Some(id), Role::Named));
    }
    let surname = match name_toks {
        [one] => names.person_by_surname(&one.lower),
        _ => None,
    };
    Some(step(name, surname, Role::Named))
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
