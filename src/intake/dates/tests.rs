//! Unit tests of the date stage: one short article of our own per rule.

use jiff::civil;

use super::find_dates;
use crate::intake::text::sentences;

/// (spanned words, EDTF, time of day) of every proposal of `text` published on `day`.
fn found(text: &str, day: civil::Date) -> Vec<(String, String, Option<String>)> {
    find_dates(text, &sentences(text), day)
        .into_iter()
        .map(|d| (d.span.of(text).to_owned(), d.edtf, d.time_of_day))
        .collect()
}

#[test]
fn explore() {
    let seed = include_str!("../../../tests/fixtures/seed_report.txt");
    for f in found(seed, civil::date(2025, 12, 18)) {
        println!("{f:?}");
    }
    let text = "MIAMI, Dec 20 (Reuters) - The talks began on Friday. They will resume on Friday. \
                In 1998 and the 2024 election. Dec. 20, 2025 and 20 December 2025 and 2025-12-20 \
                and 12/20/2025. A 20-point plan, 90 per cent, $2025. Talks two weeks ago, within 30 days, \
                earlier this month, mid-November, early next year, in the coming days, the third quarter. \
                He met at 10 a.m. local time. It will be on Monday at 14:00 GMT. The 1990s. Last night and overnight. \
                Putin told reporters on Sunday that the trip would happen next week.";
    for f in found(text, civil::date(2025, 12, 18)) {
        println!("{f:?}");
    }
}
