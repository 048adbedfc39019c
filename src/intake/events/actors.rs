//! Actors named in a stretch of a sentence: the project's own by name and alias first, then
//! new ones with a proposed kind. Shared with the positions stage.
//!
//! In order, at each word: a country's group ("US, Ukrainian and European officials",
//! "negotiators from Washington and Moscow", "the US side" → a delegation per country), a
//! listed organisation ("the Kremlin", "NATO"), the project's actors by name or alias
//! (longest first, case-insensitive), a country by name or capital (a state), and a
//! capitalised name: a person when it has two words or follows a title or role ("President",
//! "envoy"), an organisation when it has an organisation word ("Trump administration") or is
//! an acronym. A single word matches a person already named by surname ("Zelensky" after
//! "Volodymyr Zelenskyy"), keeping the full form the report first used.

use std::collections::HashMap;

use crate::geo::fold;
use crate::intake::{ActorRef, Span};
use crate::model::{ActorKind, Id, Project};

use super::lexicon::{Country, NameUse, Phrases, Words};
use super::tokens::{Token, text_of, tokenize};

/// One naming of an actor in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ActorMention {
    pub actor: ActorRef,
    /// What a title calls it: a country's short name for a state or a country's group
    /// ("US", "Russia"), a surname for a person, the name otherwise.
    pub short: String,
    /// ISO code of the actor's country, when known.
    pub country: Option<String>,
    /// Token range of the mention (in the tokens it was found in).
    pub tokens: (usize, usize),
    /// Named as an owner ("Trump’s son-in-law"): not a participant.
    pub possessive: bool,
    /// Named inside another actor's role ("a special envoy of President Donald Trump").
    pub in_role: bool,
}

/// The project's actors by folded name and alias, and as phrases to find in text.
pub(crate) struct ActorIndex<'p> {
    project: &'p Project,
    phrases: Phrases,
    /// For each phrase, the actor's index in `project.actors`.
    phrase_actor: Vec<usize>,
    /// Folded name or alias → the first actor of that name.
    by_name: HashMap<String, usize>,
    /// Folded name without its qualifier ("us officials" for "US officials (Berlin)").
    by_base: HashMap<String, Vec<usize>>,
    /// People's folded surnames.
    surnames: Vec<(String, usize)>,
    by_id: HashMap<Id, usize>,
}

impl<'p> ActorIndex<'p> {
    /// Indexes the project's actors once per article: a lookup is then a hash probe, however
    /// many actors the project has.
    pub fn new(project: &'p Project) -> Self {
        let mut names = Vec::new();
        let mut phrase_actor = Vec::new();
        let mut by_name = HashMap::new();
        let mut by_base: HashMap<String, Vec<usize>> = HashMap::new();
        let mut surnames = Vec::new();
        let mut by_id = HashMap::new();
        for (i, actor) in project.actors.iter().enumerate() {
            by_id.entry(actor.id).or_insert(i);
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                by_name.entry(fold(name)).or_insert(i);
                let words = phrase_words(base_name(name));
                if !words.is_empty() {
                    names.push(words);
                    phrase_actor.push(i);
                }
            }
            if base_name(&actor.name) != actor.name {
                by_base
                    .entry(fold(base_name(&actor.name)))
                    .or_default()
                    .push(i);
            }
            if actor.kind == ActorKind::Person
                && let Some(last) = fold(&actor.name).rsplit(' ').next()
            {
                surnames.push((last.to_owned(), i));
            }
        }
        Self {
            project,
            phrases: Phrases::new(names.iter().map(String::as_str)),
            phrase_actor,
            by_name,
            by_base,
            surnames,
            by_id,
        }
    }

    /// The project's actor called `name` (name or alias, case and accents ignored). A name
    /// with a qualifier ("US officials (Berlin)") also answers to its base name; when
    /// several do, the one whose qualifier is among `hints` (the capitalised words nearby,
    /// folded, sorted and without repeats) wins.
    pub fn find(&self, name: &str, hints: &[String]) -> Option<(Id, ActorKind)> {
        let key = fold(name);
        if key.is_empty() {
            return None;
        }
        let actors = &self.project.actors;
        if let Some(a) = self.by_name.get(&key).and_then(|&i| actors.get(i)) {
            return Some((a.id, a.kind));
        }
        let based: Vec<_> = self
            .by_base
            .get(&key)
            .map(|list| list.iter().filter_map(|&i| actors.get(i)).collect())
            .unwrap_or_default();
        let hinted = based
            .iter()
            .find(|a| qualifier(&a.name).is_some_and(|q| hints.binary_search(&fold(q)).is_ok()));
        match (hinted, based.as_slice()) {
            (Some(a), _) | (None, [a]) => Some((a.id, a.kind)),
            _ => None,
        }
    }

    /// The project's name of a matched actor ("US officials (Berlin)" for "US officials"),
    /// or `written` for a new one.
    fn name_of(&self, known: Option<(Id, ActorKind)>, written: String) -> String {
        known
            .and_then(|(id, _)| self.actor(id))
            .map_or(written, |a| a.name.clone())
    }

    fn actor(&self, id: Id) -> Option<&'p crate::model::Actor> {
        self.by_id
            .get(&id)
            .and_then(|&i| self.project.actors.get(i))
    }

    /// The project's person whose surname `word` is ("Zelensky" for an actor with that
    /// alias is found by [`Self::find`]; this finds "Witkoff" for "Steve Witkoff").
    fn find_surname(&self, word: &str) -> Option<&'p crate::model::Actor> {
        let key = fold(word);
        self.surnames
            .iter()
            .find(|(last, _)| same_surname(last, &key))
            .and_then(|&(_, i)| self.project.actors.get(i))
    }

    fn country_of(&self, id: Id) -> Option<String> {
        self.actor(id).and_then(|a| a.country.clone())
    }
}

/// "Zelensky" and "Zelenskyy" are one surname: equal, or one a prefix of the other of at
/// least 5 letters (transliterations differ in their endings).
fn same_surname(a: &str, b: &str) -> bool {
    const MIN_PREFIX: usize = 5;
    a == b || (a.len().min(b.len()) >= MIN_PREFIX && (a.starts_with(b) || b.starts_with(a)))
}

/// "US officials (Berlin)" → "US officials".
fn base_name(name: &str) -> &str {
    match name.find(" (") {
        Some(i) if name.ends_with(')') => &name[..i],
        _ => name,
    }
}

fn qualifier(name: &str) -> Option<&str> {
    let i = name.find(" (")?;
    name.strip_suffix(')').map(|n| &n[i + 2..])
}

/// A name as the lower-case words the tokenizer gives, space-separated.
fn phrase_words(name: &str) -> String {
    let tokens = tokenize(name, Span::new(0, name.len()));
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.word)
        .map(|t| t.lower.as_str())
        .collect();
    words.join(" ")
}

/// The people the article has named so far, in the full form first used.
#[derive(Debug, Default)]
pub(crate) struct Cast {
    people: Vec<(String, Option<Id>)>,
}

impl Cast {
    fn surname(&self, word: &str) -> Option<&(String, Option<Id>)> {
        let key = fold(word);
        self.people.iter().find(|(name, _)| {
            fold(name)
                .rsplit(' ')
                .next()
                .is_some_and(|last| same_surname(last, &key))
        })
    }

    fn remember(&mut self, name: &str, known: Option<Id>) {
        if !self.people.iter().any(|(n, _)| fold(n) == fold(name)) {
            self.people.push((name.to_owned(), known));
        }
    }
}

/// Everything a scan needs besides the text.
pub(crate) struct Scan<'a, 'p> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub words: &'a Words,
    pub index: &'a ActorIndex<'p>,
    /// The capitalised words near the scan, folded, sorted and without repeats, to choose
    /// between qualified actors.
    pub hints: &'a [String],
}

/// The capitalised words of `tokens`, folded, sorted and without repeats: the hints that
/// choose between qualified actors ("US officials (Berlin)" in a sentence naming Berlin).
pub(crate) fn hints_of(text: &str, tokens: &[Token]) -> Vec<String> {
    let mut hints: Vec<String> = tokens
        .iter()
        .filter(|t| t.word && t.cap)
        .map(|t| fold(t.span.of(text)))
        .collect();
    hints.sort_unstable();
    hints.dedup();
    hints
}

/// The actors named in `tokens[from..to]`, in text order.
pub(crate) fn actors_in(
    scan: &Scan<'_, '_>,
    from: usize,
    to: usize,
    cast: &mut Cast,
) -> Vec<ActorMention> {
    let tokens = scan.tokens;
    let to = to.min(tokens.len());
    let mut out: Vec<ActorMention> = Vec::new();
    let mut i = from;
    while i < to {
        if !tokens[i].word {
            i += 1;
            continue;
        }
        if let Some((mut found, end)) = group_at(scan, i, to) {
            out.append(&mut found);
            i = end;
            continue;
        }
        if let Some((m, end)) = named_at(scan, i, to, cast) {
            out.push(m);
            i = end;
            continue;
        }
        i += 1;
    }
    super::roles::mark_roles(scan, &mut out);
    out
}

/// A country's group at `at`: "US, Ukrainian and European officials", "the US side",
/// "negotiators from Washington and Moscow".
fn group_at(scan: &Scan<'_, '_>, at: usize, to: usize) -> Option<(Vec<ActorMention>, usize)> {
    let (tokens, words) = (scan.tokens, scan.words);
    // Adjectives, then a group noun.
    let (countries, after) = country_list(scan, at, to, &[NameUse::Adjective]);
    if !countries.is_empty() {
        let noun_at = skip_words(tokens, after, &["senior", "top"]);
        if let Some((g, end)) = words
            .groups
            .longest_at(tokens, noun_at)
            .filter(|p| p.1 <= to)
        {
            let noun = &words.lexicon.group_nouns[g].name;
            let span = Span::new(tokens[at].span.start, tokens[end - 1].span.end);
            let found = countries
                .iter()
                .map(|c| group_mention(scan, c, noun, span, (at, end)))
                .collect();
            return Some((found, end));
        }
    }
    // A group noun, "from", then countries by name or capital.
    let (g, after_noun) = words.groups.longest_at(tokens, at)?;
    let from_at = after_noun;
    if tokens.get(from_at).is_none_or(|t| t.lower != "from") {
        return None;
    }
    let list_at = skip_words(tokens, from_at + 1, &["the"]);
    let (countries, end) = country_list(scan, list_at, to, &[NameUse::Name, NameUse::Capital]);
    if countries.is_empty() {
        return None;
    }
    let noun = &words.lexicon.group_nouns[g].name;
    let span = Span::new(tokens[at].span.start, tokens[end - 1].span.end);
    let found = countries
        .iter()
        .map(|c| group_mention(scan, c, noun, span, (at, end)))
        .collect();
    Some((found, end))
}

fn skip_words(tokens: &[Token], mut at: usize, skip: &[&str]) -> usize {
    while tokens
        .get(at)
        .is_some_and(|t| skip.contains(&t.lower.as_str()))
    {
        at += 1;
    }
    at
}

/// Countries named one after another: "US, Ukrainian and European", "Washington and Moscow".
fn country_list<'w>(
    scan: &Scan<'w, '_>,
    at: usize,
    to: usize,
    uses: &[NameUse],
) -> (Vec<&'w Country>, usize) {
    let tokens = scan.tokens;
    let mut out = Vec::new();
    let mut i = at;
    let mut end = at;
    while let Some((country, _, after)) = scan.words.country_at(tokens, i, uses) {
        if after > to || tokens[after - 1].possessive {
            break;
        }
        out.push(country);
        end = after;
        match tokens.get(after).map(|t| t.lower.as_str()) {
            Some("," | "and" | "or") => {
                let next = skip_words(tokens, after + 1, &["and", "the"]);
                i = next;
            }
            _ => break,
        }
    }
    (out, end)
}

fn group_mention(
    scan: &Scan<'_, '_>,
    country: &Country,
    noun: &str,
    span: Span,
    tokens: (usize, usize),
) -> ActorMention {
    let adjective = country
        .adjectives
        .first()
        .map_or(country.short.clone(), |a| display_adjective(a, country));
    let name = format!("{adjective} {noun}");
    let known = scan.index.find(&name, scan.hints);
    ActorMention {
        actor: ActorRef {
            name: scan.index.name_of(known, name),
            known: known.map(|k| k.0),
            kind: known.map_or(ActorKind::Delegation, |k| k.1),
            role: None,
            spans: vec![span],
        },
        short: country.short.clone(),
        country: (!country.code.is_empty()).then(|| country.code.clone()),
        tokens,
        possessive: false,
        in_role: false,
    }
}

/// "us" → "US" (the short form when the adjective is it), "russian" → "Russian".
fn display_adjective(lower: &str, country: &Country) -> String {
    if fold(&country.short) == fold(lower) {
        return country.short.clone();
    }
    let mut chars = lower.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// An organisation, a project actor, a country or a capitalised name at `at`.
fn named_at(
    scan: &Scan<'_, '_>,
    at: usize,
    to: usize,
    cast: &mut Cast,
) -> Option<(ActorMention, usize)> {
    let (tokens, words) = (scan.tokens, scan.words);
    let t = &tokens[at];
    if is_dateline_place(scan.text, tokens, at) {
        return None;
    }
    // "US President Donald Trump", "Russian Foreign Minister": a country before a title is
    // part of the role, not an actor.
    if let Some((_, _, end)) = words.country_at(tokens, at, &[NameUse::Name, NameUse::Adjective])
        && tokens.get(end).is_some_and(|n| n.cap)
        && words.titles.longest_at(tokens, end).is_some()
    {
        return None;
    }
    // Listed organisations and the project's actors, longest phrase first.
    let listed = words
        .organisations
        .longest_at(tokens, at)
        .filter(|p| p.1 <= to);
    let project = scan
        .index
        .phrases
        .longest_at(tokens, at)
        .filter(|p| p.1 <= to);
    let project_end = project.map_or(0, |p| p.1);
    if let Some((i, end)) = project {
        // A capitalised run longer than the alias is a longer name ("Trump" in "Trump
        // administration" is not Donald Trump).
        let run_end = capitalised_run_end(scan, at, to);
        if end >= run_end || !t.cap {
            let actor = scan.index.project.actors.get(scan.index.phrase_actor[i])?;
            return Some((known_mention(scan, actor, at, end), end));
        }
    }
    if let Some((_, end)) = listed.filter(|p| p.1 > project_end) {
        let name = text_of(scan.text, tokens, at, end).to_owned();
        return Some((
            new_mention(scan, name, ActorKind::Organisation, at, end),
            end,
        ));
    }
    if let Some((country, _, end)) =
        words.country_at(tokens, at, &[NameUse::Name, NameUse::Capital])
        && end <= to
        && t.cap
    {
        let mut m = new_mention(scan, country.name.clone(), ActorKind::State, at, end);
        m.short.clone_from(&country.short);
        m.country = (!country.code.is_empty()).then(|| country.code.clone());
        return Some((m, end));
    }
    // Other countries by their GeoNames name ("Armenia", "Sri Lanka").
    if t.cap {
        let run_end = capitalised_run_end(scan, at, to);
        for end in (at + 1..=run_end.min(at + 3)).rev() {
            let name = text_of(scan.text, tokens, at, end);
            if let Some((code, country)) = super::places::country_code(&fold(name)) {
                let mut m = new_mention(scan, country.to_owned(), ActorKind::State, at, end);
                m.country = Some(code);
                return Some((m, end));
            }
        }
    }
    if !t.cap
        || words.is_not_name(&t.lower)
        || words
            .country_at(tokens, at, &[NameUse::Adjective])
            .is_some()
    {
        return None;
    }
    name_run(scan, at, to, cast)
}

/// Where the run of capitalised words from `at` ends (a possessive ends it after itself).
fn capitalised_run_end(scan: &Scan<'_, '_>, at: usize, to: usize) -> usize {
    const MAX_NAME_WORDS: usize = 4; // "Mohammed bin Salman Al Saud" is the rare longer one
    let tokens = scan.tokens;
    let mut end = at;
    while end < to && end - at < MAX_NAME_WORDS && tokens[end].word && tokens[end].cap {
        end += 1;
        if tokens[end - 1].possessive {
            break;
        }
    }
    // "Trump administration": an organisation word in lower case after the run.
    if end < to
        && end > at
        && !tokens[end - 1].possessive
        && scan
            .words
            .lexicon
            .organisation_words
            .contains(&tokens[end].lower)
    {
        end += 1;
    }
    end
}

/// A capitalised name, after any titles: a person, an organisation, or nothing.
fn name_run(
    scan: &Scan<'_, '_>,
    at: usize,
    to: usize,
    cast: &mut Cast,
) -> Option<(ActorMention, usize)> {
    let (tokens, words) = (scan.tokens, scan.words);
    let mut start = at;
    let mut titled = false;
    while let Some((_, end)) = words.titles.longest_at(tokens, start) {
        if end >= to || !tokens[start].cap {
            break;
        }
        titled = true;
        start = end;
    }
    let end = capitalised_run_end(scan, start, to);
    if end <= start {
        return None;
    }
    let name = text_of(scan.text, tokens, start, end).to_owned();
    let last = &tokens[end - 1];
    let org_word = words.lexicon.organisation_words.contains(&last.lower);
    let acronym = end - start == 1
        && last
            .span
            .of(scan.text)
            .chars()
            .filter(char::is_ascii_alphabetic)
            .count()
            >= 2
        && last
            .span
            .of(scan.text)
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '.');
    if org_word || acronym {
        return Some((
            new_mention(scan, name, ActorKind::Organisation, start, end),
            end,
        ));
    }
    if end - start >= 2 || titled {
        let known = scan.index.find(&name, scan.hints);
        if let Some((id, _)) = known
            && let Some(actor) = scan.index.actor(id)
        {
            cast.remember(&actor.name, Some(id));
            return Some((known_mention(scan, actor, start, end), end));
        }
        if end - start == 1
            && let Some(m) = surname_mention(scan, cast, start)
        {
            return Some((m, end));
        }
        cast.remember(&name, None);
        return Some((new_mention(scan, name, ActorKind::Person, start, end), end));
    }
    surname_mention(scan, cast, start).map(|m| (m, end))
}

/// A single capitalised word that is the surname of someone already named.
fn surname_mention(scan: &Scan<'_, '_>, cast: &Cast, at: usize) -> Option<ActorMention> {
    let word = scan.tokens[at].span.of(scan.text);
    if let Some((name, known)) = cast.surname(word) {
        let mut m = new_mention(scan, name.clone(), ActorKind::Person, at, at + 1);
        m.actor.known = *known;
        word.clone_into(&mut m.short);
        return Some(m);
    }
    let actor = scan.index.find_surname(word)?;
    let mut m = known_mention(scan, actor, at, at + 1);
    word.clone_into(&mut m.short);
    Some(m)
}

fn known_mention(
    scan: &Scan<'_, '_>,
    actor: &crate::model::Actor,
    at: usize,
    end: usize,
) -> ActorMention {
    let span = Span::new(scan.tokens[at].span.start, scan.tokens[end - 1].span.end);
    let country = actor
        .country
        .clone()
        .or_else(|| scan.index.country_of(actor.id));
    let lexicon_short = country.as_deref().and_then(|code| {
        scan.words
            .lexicon
            .countries
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.short.clone())
    });
    let short = match actor.kind {
        ActorKind::Person => last_word(&actor.name),
        ActorKind::State | ActorKind::Delegation | ActorKind::Group => lexicon_short
            .or_else(|| adjective_short(scan.words, &actor.name))
            .unwrap_or_else(|| base_name(&actor.name).to_owned()),
        _ => actor.name.clone(),
    };
    ActorMention {
        actor: ActorRef {
            name: actor.name.clone(),
            known: Some(actor.id),
            kind: actor.kind,
            role: None,
            spans: vec![span],
        },
        short,
        country,
        tokens: (at, end),
        possessive: scan.tokens[end - 1].possessive,
        in_role: false,
    }
}

/// "European officials (Berlin)" → "Europe", from the name's first word.
fn adjective_short(words: &Words, name: &str) -> Option<String> {
    let first = fold(name.split_whitespace().next()?);
    words
        .lexicon
        .countries
        .iter()
        .find(|c| c.adjectives.iter().any(|a| fold(a) == first))
        .map(|c| c.short.clone())
}

fn last_word(name: &str) -> String {
    base_name(name)
        .split_whitespace()
        .next_back()
        .unwrap_or(name)
        .to_owned()
}

fn new_mention(
    scan: &Scan<'_, '_>,
    name: String,
    kind: ActorKind,
    at: usize,
    end: usize,
) -> ActorMention {
    let span = Span::new(scan.tokens[at].span.start, scan.tokens[end - 1].span.end);
    let known = scan.index.find(&name, scan.hints);
    let short = if kind == ActorKind::Person {
        last_word(&name)
    } else {
        name.clone()
    };
    ActorMention {
        actor: ActorRef {
            known: known.map(|k| k.0),
            kind: known.map_or(kind, |k| k.1),
            name: scan.index.name_of(known, name),
            role: None,
            spans: vec![span],
        },
        short,
        country: None,
        tokens: (at, end),
        possessive: scan.tokens[end - 1].possessive,
        in_role: false,
    }
}

/// The place of a dateline ("GENEVA —", "MIAMI, Dec 20 (Reuters) —"): a word in capitals
/// of three letters or more (so not "US" or "UN"), before a dash or before a comma with a
/// dash at most 8 tokens on (the date and the agency between them). It names where the
/// report was filed, not a party to anything.
fn is_dateline_place(text: &str, tokens: &[super::tokens::Token], at: usize) -> bool {
    let word = tokens[at].span.of(text);
    let capitals = word.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !word.chars().any(char::is_lowercase);
    let is_dash = |t: &super::tokens::Token| matches!(t.span.of(text), "—" | "–" | "-" | "--");
    capitals
        && tokens.get(at + 1).is_some_and(|next| {
            is_dash(next)
                || (next.span.of(text) == "," && tokens[at + 1..].iter().take(8).any(is_dash))
        })
}
