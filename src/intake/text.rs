//! Sentences of a report, as byte spans: the unit of a claim, and of a clause's tense.
//!
//! A line break always ends a sentence (headlines and standfirsts have no full stop); inside
//! a line a sentence ends at `.`, `!` or `?` (with closing quotes or brackets) followed by
//! white space and an upper-case letter, a digit or an opening quote, unless the word before
//! the stop is a known abbreviation ("Dec.", "Mr.", "U.S.") or a single capital ("J. Smith").

use super::Span;

/// Words that end in a full stop without ending a sentence. "U.S." and other dotted
/// initials are caught by the rule for single letters.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov",
    "pres", "amb", "st", "mt", "jr", "sr", "no", "vs", "etc", "approx", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
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
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // Take closing quotes and brackets with the stop.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '’' | '”' | ')' | ']') {
                j += 1;
            }
            let end = chars.get(j).map_or(line.len(), |&(p, _)| p);
            let next_starts = next_word_starts_sentence(&chars[j..]);
            if next_starts && !(c == '.' && is_abbreviation(&line[start..pos])) {
                push(text, offset + start, offset + end, out);
                start = end;
            }
            i = j;
            continue;
        }
        let _ = pos;
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
