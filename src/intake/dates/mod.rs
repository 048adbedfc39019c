//! Date expressions found in a report and resolved against its publication date into EDTF.
//! The policy for every form is in `docs/DATES.md`; the readings are those of
//! `shared/docs/reading-reports.md`.
//!
//! Each sentence is cut into tokens (`tokens.rs`); the scanner (`scan.rs`,
//! `scan_relative.rs`) finds the expressions left to right without overlaps; the clause's
//! tense (`tense.rs`, public as [`clause_tense`]) is read from the verbs near each; and
//! `resolve.rs` turns expression, tense and anchor day into EDTF. Times of day (`time.rs`)
//! go to the nearest date of their sentence. The word lists are `assets/intake/dates.ron`
//! (`words.rs`). No regular expressions: one pass over each sentence's tokens.

mod expr;
mod resolve;
mod scan;
mod scan_relative;
mod tense;
mod time;
mod tokens;
mod words;

#[cfg(test)]
mod tests;

use jiff::civil;

pub use tense::clause_tense;

use super::{DateProposal, Span};
use expr::{Expr, Found};
use resolve::Value;
use scan::Cursor;
use tokens::Token;

/// Every date expression of `text`, in text order, resolved against `published`.
/// `sentences` are those of [`super::text::sentences`]; each proposal names its sentence.
pub fn find_dates(text: &str, sentences: &[Span], published: civil::Date) -> Vec<DateProposal> {
    let w = words::words();
    let mut out = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let toks = tokens::tokens(text, sentence.start, sentence.end);
        let c = Cursor { toks: &toks, w };
        let first = out.len();
        // The day of a statement and the token where its clause ends.
        let mut statement: Option<(civil::Date, usize)> = None;
        for found in scan::scan(&c) {
            let anchor = match statement {
                Some((day, until)) if found.first < until => day,
                _ => published,
            };
            let tense = tense::tense_near(&toks, found.first, found.end);
            let Some(value) = resolve::resolve(found.expr, anchor, tense) else {
                continue;
            };
            let coming = found.expr == Expr::ComingDays;
            let Some(edtf) = resolve::edtf(value, found.qualifier, coming) else {
                continue;
            };
            if let Value::Day(day) = value
                && states_a_day(&c, &found)
            {
                // "told reporters on Sunday that … next week": what follows is said that day,
                // up to the end of the clause ("…, after talks earlier this week" is the
                // report's own voice again).
                statement = Some((day, clause_end(&toks, found.end)));
            }
            out.push(DateProposal {
                span: span_of(&toks, found.first, found.end),
                edtf,
                sentence: index,
                time_of_day: None,
            });
        }
        attach_times(&c, index, published, &mut out, first);
    }
    out
}

/// The bytes between two spans (0 when they touch or overlap).
fn gap(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The index of the first comma, semicolon, colon, dash or closing bracket from `from`.
fn clause_end(toks: &[Token], from: usize) -> usize {
    toks.iter()
        .skip(from)
        .position(|t| {
            [',', ';', ':', '—', '–', ')']
                .iter()
                .any(|&c| t.is_punct(c))
        })
        .map_or(toks.len(), |k| from + k)
}

fn span_of(toks: &[Token], first: usize, end: usize) -> Span {
    let start = toks.get(first).map_or(0, |t| t.start);
    let end = toks
        .get(end.saturating_sub(1))
        .map_or(start, |t| t.end)
        .max(start);
    Span::new(start, end)
}

/// A day right after a reporting verb ("said on Sunday", "told reporters on Sunday",
/// "announced Friday"): the day of a statement, which anchors what the statement says.
fn states_a_day(c: &Cursor<'_>, found: &Found) -> bool {
    let day_like = matches!(
        found.expr,
        Expr::Weekday { .. } | Expr::DayOffset(_) | Expr::Date { day_end: None, .. }
    );
    if !day_like {
        return false;
    }
    let mut j = found.first;
    if j > 0 && c.is(j - 1, "on") {
        j -= 1;
    }
    // The verb, or the verb and its object ("told reporters").
    (1..=2).any(|back| {
        j.checked_sub(back)
            .and_then(|k| c.word(k))
            .is_some_and(|w| c.w.reporting.contains(w))
    })
}

/// Gives each time of day of the sentence to the nearest date proposal of the sentence
/// (`out[first..]`); a time with no date in its sentence is on the publication day, unless
/// its clause is in the future (the day is then unknown, and no date is proposed).
fn attach_times(
    c: &Cursor<'_>,
    sentence: usize,
    published: civil::Date,
    out: &mut Vec<DateProposal>,
    first: usize,
) {
    for time in time::times(c) {
        let at = span_of(c.toks, time.first, time.end);
        let nearest = out
            .iter_mut()
            .skip(first)
            .filter(|d| d.time_of_day.is_none())
            .min_by_key(|d| gap(d.span, at));
        if let Some(date) = nearest {
            date.time_of_day = Some(time.text);
            continue;
        }
        let tense = tense::tense_near(c.toks, time.first, time.end);
        if tense == Some(super::Tense::Future) {
            continue;
        }
        let Some(edtf) = resolve::edtf(Value::Day(published), expr::Qualifier::Exact, false) else {
            continue;
        };
        let proposal = DateProposal {
            span: at,
            edtf,
            sentence,
            time_of_day: Some(time.text),
        };
        let position = out.partition_point(|d| d.span.start < at.start);
        out.insert(position.max(first), proposal);
    }
}
