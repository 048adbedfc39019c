//! Roles of people as the text gives them: before the name ("Ukraine’s national security
//! advisor Rustem Umerov", "US President Donald Trump") or in apposition after it ("Steve
//! Witkoff, a special envoy of President Donald Trump,"). A role becomes
//! [`crate::intake::ActorRef::role`]; the people named inside an apposition are marked, so
//! that Donald Trump is not taken for a participant of a meeting Witkoff leads.

use crate::model::ActorKind;

use super::actors::{ActorMention, Scan};
use super::lexicon::NameUse;
use super::tokens::text_of;

/// Roles of people: written before the name ("Ukraine’s national security advisor Rustem
/// Umerov", "Ukrainian President Volodymyr Zelenskyy") or in apposition after it ("Steve
/// Witkoff, a special envoy of President Donald Trump,"); actors named inside an apposition
/// are marked `in_role`.
pub(super) fn mark_roles(scan: &Scan<'_, '_>, found: &mut [ActorMention]) {
    let tokens = scan.tokens;
    for i in 0..found.len() {
        if found[i].actor.kind != ActorKind::Person || found[i].in_role {
            continue;
        }
        let (start, end) = found[i].tokens;
        let before = role_before(scan, start);
        let after = apposition_after(scan, end);
        if let Some((from, to)) = after {
            for other in found.iter_mut() {
                if other.tokens.0 >= from && other.tokens.1 <= to {
                    other.in_role = true;
                }
            }
        }
        let role = after
            .map(|(from, to)| text_of(scan.text, tokens, from, to))
            .or_else(|| before.map(|from| text_of(scan.text, tokens, from, start)))
            .filter(|r| !r.is_empty());
        found[i].actor.role = role.map(str::to_owned);
    }
}

/// The first token of a role written just before a name, if there is one.
fn role_before(scan: &Scan<'_, '_>, name_start: usize) -> Option<usize> {
    const MAX_ROLE_WORDS: usize = 5; // "Ukraine’s deputy national security advisor"
    let (tokens, words) = (scan.tokens, scan.words);
    let mut k = name_start;
    // Titles already skipped by the name ("President", "Secretary of State") are part of
    // the role.
    loop {
        let title_start = (k.saturating_sub(3)..k).find(|&from| {
            tokens[from].cap
                && words
                    .titles
                    .longest_at(tokens, from)
                    .is_some_and(|(_, e)| e == k)
        });
        match title_start {
            Some(from) => k = from,
            None => break,
        }
    }
    let titled = k < name_start;
    let head_ok = titled || (k > 0 && words.lexicon.role_heads.contains(&tokens[k - 1].lower));
    if !head_ok {
        return None;
    }
    // A role in lower case ("national security advisor") when no title was written.
    while !titled
        && k > 0
        && name_start - k < MAX_ROLE_WORDS
        && tokens[k - 1].word
        && !tokens[k - 1].cap
        && !tokens[k - 1].possessive
        && !matches!(
            tokens[k - 1].lower.as_str(),
            "the"
                | "a"
                | "an"
                | "and"
                | "is"
                | "are"
                | "to"
                | "by"
                | "with"
                | "of"
                | "from"
                | "include"
                | "meet"
                | "met"
        )
    {
        k -= 1;
    }
    // An owner or a country's adjective before the role: "Ukraine’s", "Ukrainian".
    if k > 0
        && tokens[k - 1].word
        && (tokens[k - 1].possessive
            || words
                .country_at(tokens, k - 1, &[NameUse::Adjective])
                .is_some())
    {
        k -= 1;
    }
    (k < name_start).then_some(k)
}

/// ", a special envoy of President Donald Trump," after a name: the role's token range
/// without the article.
fn apposition_after(scan: &Scan<'_, '_>, name_end: usize) -> Option<(usize, usize)> {
    let (tokens, words) = (scan.tokens, scan.words);
    if tokens.get(name_end)?.lower != "," {
        return None;
    }
    let mut from = name_end + 1;
    if matches!(tokens.get(from)?.lower.as_str(), "a" | "an" | "the") {
        from += 1;
    }
    let mut to = from;
    let mut has_head = false;
    while let Some(t) = tokens.get(to) {
        if !t.word || words.links.longest_at(tokens, to).is_some() {
            break;
        }
        has_head |=
            words.lexicon.role_heads.contains(&t.lower) || words.titles.contains_word(&t.lower);
        to += 1;
    }
    (has_head && to > from).then_some((from, to))
}
