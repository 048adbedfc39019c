//! Sentences of a report, as byte spans: the unit of a claim, and of a clause's tense.
//!
//! A line break always ends a sentence (headlines and standfirsts have no full stop); inside
//! a line a sentence ends at `.`, `!`, `?` or `…` (with closing quotes or brackets) followed
//! by white space and an upper-case letter, a digit or an opening quote, unless:
//! - the word before the stop is a known abbreviation ("Dec.", "Mr.") or a single capital
//!   ("J. Smith");
//! - the stop ends dotted initials ("U.S.", "a.m.") and the next word does not usually open a
//!   sentence ("U.S. officials" goes on; "in the U.S. The talks" ends);
//! - the stop is inside a quotation that closes later on the same line
//!   (`"We are ready. We will come," he said.` is one sentence: one speaker, one claim).

use super::Span;

/// Words that end in a full stop without ending a sentence. "U.S." and other dotted
/// initials are caught by the rule for single letters.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov",
    "pres", "amb", "st", "mt", "jr", "sr", "no", "vs", "etc", "approx", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Words that open a sentence after dotted initials ("… in the U.S. The talks …"): articles,
/// pronouns and the connectives wire copy starts sentences with. A name after "U.S." is more
/// often part of the same sentence ("U.S. Secretary of State …"), so names do not count.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "however",
    "meanwhile",
    "separately",
    "in",
    "on",
    "at",
    "after",
    "before",
    "his",
    "her",
    "its",
    "their",
    "our",
    "officials",
    "talks",
];

/// The sentences of `text` in order, each trimmed of surrounding white space; empty lines
/// give none.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(
            text,
            line_start,
            line.trim_end_matches(['\n', '\r']),
            &mut out,
        );
        line_start += line.len();
    }
    out
}

fn split_line(text: &str, offset: usize, line: &str, out: &mut Vec<Span>) {
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    // The quotation open at each point, and where it closes: a stop inside a quotation that
    // closes on this line does not end the sentence.
    let mut open_quote: Option<char> = None;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        match (c, open_quote) {
            ('"', Some('"')) | ('”', Some('“')) => open_quote = None,
            ('"' | '“', None) => open_quote = Some(c),
            _ => {}
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let closer = match open_quote {
                Some('“') => Some('”'),
                Some(_) => Some('"'),
                None => None,
            };
            let quote_goes_on = closer.is_some_and(|q| {
                // The closing quote right after the stop ends the quotation here.
                let mut rest = chars[i + 1..].iter().map(|&(_, d)| d);
                rest.clone().next() != Some(q) && rest.any(|d| d == q)
            });
            if quote_goes_on {
                i += 1;
                continue;
            }
            // Take closing quotes and brackets with the stop.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '’' | '”' | ')' | ']') {
                if matches!(chars[j].1, '"' | '”') {
                    open_quote = None;
                }
                j += 1;
            }
            let end = chars.get(j).map_or(line.len(), |&(p, _)| p);
            let next_starts = next_word_starts_sentence(&chars[j..]);
            let abbreviation = c == '.' && is_abbreviation(&line[start..pos]);
            let initials_end =
                c == '.' && ends_initials(&line[start..pos]) && opens_sentence(&line[end..]);
            if next_starts && (!abbreviation || initials_end) {
                push(text, offset + start, offset + end, out);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(text, offset + start, offset + line.len(), out);
}

/// After white space, an upper-case letter, a digit or an opening quote; or the line's end.
fn next_word_starts_sentence(rest: &[(usize, char)]) -> bool {
    let mut it = rest.iter().map(|&(_, c)| c);
    match it.next() {
        None => true,
        Some(c) if c.is_whitespace() => {
            let next = it.find(|c| !c.is_whitespace());
            next.is_none_or(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(')
            })
        }
        Some(_) => false,
    }
}

/// Does the text before a full stop end in dotted initials ("U.S", "a.m")?
fn ends_initials(before_stop: &str) -> bool {
    let word = before_stop.rsplit(char::is_whitespace).next().unwrap_or("");
    let mut parts = word.split('.');
    let count = word.split('.').count();
    count > 1 && parts.all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Does the next word usually open a sentence ([`SENTENCE_OPENERS`])?
fn opens_sentence(after: &str) -> bool {
    let word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    SENTENCE_OPENERS.contains(&word.to_lowercase().as_str())
}

/// Is the word before a full stop an abbreviation or a single letter ("U.S", "J")?
fn is_abbreviation(before_stop: &str) -> bool {
    let word = before_stop
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or("");
    if last.chars().count() == 1 && last.chars().all(char::is_alphabetic) {
        return true;
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = text.get(start..end).unwrap_or("");
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return;
    }
    out.push(Span::new(start + lead, end - trail));
}

/// The number of Unicode code points before byte `offset` of `text` (what `--json` reports).
/// An offset inside a character counts that character as before it; past the end, the
/// whole text.
pub fn code_points_before(text: &str, offset: usize) -> usize {
    text.char_indices().take_while(|&(i, _)| i < offset).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn lines_and_full_stops_end_sentences() {
        let text = "Headline without a stop\nFirst one. Second one!\n\n  Third?  \n";
        assert_eq!(
            texts(text),
            [
                "Headline without a stop",
                "First one.",
                "Second one!",
                "Third?"
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text = "Mr. Smith met U.S. officials on Dec. 20 in Washington. J. Doe said so.";
        assert_eq!(
            texts(text),
            [
                "Mr. Smith met U.S. officials on Dec. 20 in Washington.",
                "J. Doe said so."
            ]
        );
    }

    #[test]
    fn a_stop_before_lower_case_or_inside_a_number_does_not_end_one() {
        let text = "It rose 2.5 per cent. e.g. not here. And \"quoted.\" Next.";
        assert_eq!(
            texts(text),
            [
                "It rose 2.5 per cent. e.g. not here.",
                "And \"quoted.\"",
                "Next."
            ]
        );
    }

    #[test]
    fn a_quotation_that_closes_on_the_line_is_one_sentence() {
        let text = "He said: \"We are ready. We will come.\" Then he left. “No. Never,” Peskov said. “Not now.” Done.";
        assert_eq!(
            texts(text),
            [
                "He said: \"We are ready. We will come.\"",
                "Then he left.",
                "“No. Never,” Peskov said.",
                "“Not now.”",
                "Done."
            ]
        );
        // A quotation left open splits as usual.
        let open = "He said: \"We are ready. We will come.";
        assert_eq!(texts(open), ["He said: \"We are ready.", "We will come."]);
    }

    #[test]
    fn dotted_initials_end_a_sentence_before_a_sentence_opener() {
        let text = "Talks were held in the U.S. The next round is due at 3 p.m. Officials said U.S. Secretary Rubio and U.N. envoys came.";
        assert_eq!(
            texts(text),
            [
                "Talks were held in the U.S.",
                "The next round is due at 3 p.m.",
                "Officials said U.S. Secretary Rubio and U.N. envoys came."
            ]
        );
    }

    #[test]
    fn an_ellipsis_ends_a_sentence_before_a_capital() {
        assert_eq!(
            texts("He paused… Then he spoke… slowly."),
            ["He paused…", "Then he spoke… slowly."]
        );
    }

    #[test]
    fn the_seed_report_has_thirteen_sentences() {
        let seed = include_str!("../../tests/fixtures/seed_report.txt");
        let all = texts(seed);
        assert_eq!(all.len(), 13, "{all:#?}");
        assert!(all[0].starts_with("date 2025-12-18"));
        assert!(all[12].ends_with("Ukrinform news agency."));
    }

    #[test]
    fn code_points_count_characters_not_bytes() {
        let text = "Trump’s son";
        let byte = text.find("son").expect("in text");
        assert_eq!(code_points_before(text, byte), 8);
        assert_eq!(code_points_before(text, 999), 11);
    }
}
