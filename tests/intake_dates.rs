//! The date stage of article intake against docs/DATES.md's table (a report published on
//! each of the seven weekdays), the seed report, random text, and a long article's time.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::intake::dates::find_dates;
use detente::intake::text::sentences;
use detente::model::DateSpec;
use jiff::civil;
use proptest::prelude::*;

/// One row of the table: the sentence without brackets, the bracketed spans, and per
/// publication day (Monday 15 … Sunday 21 December 2025) the expected EDTF of each span.
struct Row {
    text: String,
    spans: Vec<(usize, usize)>,
    expected: Vec<Vec<String>>,
}

fn table() -> Vec<Row> {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/DATES.md")).unwrap();
    let section = doc
        .split("\n## The seven publication days\n")
        .nth(1)
        .unwrap();
    let mut rows = Vec::new();
    for line in section.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells[0] == "sentence" {
            continue;
        }
        assert_eq!(cells.len(), 8, "a sentence and seven days: {line}");
        let mut text = String::new();
        let mut spans = Vec::new();
        for (k, piece) in cells[0].split(['[', ']']).enumerate() {
            if k % 2 == 1 {
                spans.push((text.len(), text.len() + piece.len()));
            }
            text.push_str(piece);
        }
        let expected = cells[1..]
            .iter()
            .map(|cell| {
                cell.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        rows.push(Row {
            text,
            spans,
            expected,
        });
    }
    rows
}

#[test]
fn the_table_of_dates_md_holds_on_each_of_the_seven_weekdays() {
    let rows = table();
    assert!(rows.len() >= 40, "the table has {} rows", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        let sentences = sentences(&row.text);
        for (column, expected) in row.expected.iter().enumerate() {
            let day = civil::date(2025, 12, 15 + i8::try_from(column).unwrap());
            assert_eq!(expected.len(), row.spans.len(), "{}", row.text);
            let want: Vec<(&str, &str)> = row
                .spans
                .iter()
                .zip(expected)
                .map(|(&(a, b), edtf)| (&row.text[a..b], edtf.as_str()))
                .collect();
            let found = find_dates(&row.text, &sentences, day);
            let got: Vec<(&str, &str)> = found
                .iter()
                .map(|d| (d.span.of(&row.text), d.edtf.as_str()))
                .collect();
            if got != want {
                failures.push(format!(
                    "{} ({}): expected {want:?}, got {got:?}",
                    row.text,
                    day.strftime("%a %d")
                ));
            }
            for d in &found {
                DateSpec::parse(&d.edtf).unwrap();
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_seed_report_gives_its_three_weekends_and_nothing_from_its_numbers() {
    let seed = include_str!("fixtures/seed_report.txt");
    let found = find_dates(seed, &sentences(seed), civil::date(2025, 12, 18));
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|d| (d.span.of(seed), d.edtf.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("2025-12-18", "2025-12-18"),
            ("this weekend", "2025-12-20/2025-12-21"),
            ("this weekend", "2025-12-20/2025-12-21"),
            ("last weekend", "2025-12-13/2025-12-14"),
            ("over the weekend", "2025-12-20/2025-12-21"),
        ]
    );
    for (word, d) in ["20-point", "90 per cent", "nearly", "Article 5"]
        .iter()
        .flat_map(|w| found.iter().map(move |d| (w, d)))
    {
        let at = seed.find(word).unwrap();
        assert!(
            !d.span
                .overlaps(detente::intake::Span::new(at, at + word.len()))
        );
    }
}

/// About 2,000 words of varied news text with many date expressions.
fn long_article() -> String {
    let paragraph = "Negotiators met in Geneva on Tuesday and will meet again next week, officials said. \
        The talks, which began in 1998 and resumed on Dec. 3, 2025, are expected to continue over the weekend. \
        A second round took place earlier this month, and a third is planned for mid-January or early next year. \
        Around 90 per cent of a 20-point plan was agreed two weeks ago, the envoy told reporters at 10 a.m. local time. \
        Shelling went on overnight, and the ministers could meet within 10 days, possibly on Friday morning. ";
    let words_per_paragraph = paragraph.split_whitespace().count();
    paragraph.repeat(2000 / words_per_paragraph + 1)
}

#[test]
fn a_two_thousand_word_article_is_read_quickly() {
    let text = long_article();
    assert!(text.split_whitespace().count() >= 2000);
    let sentences = sentences(&text);
    let start = std::time::Instant::now();
    let found = find_dates(&text, &sentences, civil::date(2025, 12, 18));
    let elapsed = start.elapsed();
    assert!(found.len() > 200, "{} dates", found.len());
    // The release target is well under 30 ms; an unoptimised test build is about ten times
    // slower, so 300 ms here still catches a quadratic scan (which takes seconds).
    assert!(elapsed.as_millis() < 300, "{elapsed:?}");
}

/// Text made of date words, numbers, punctuation and stray characters.
fn datey_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Friday",
        "last",
        "next",
        "this",
        "weekend",
        "week",
        "month",
        "year",
        "Dec",
        ".",
        "December",
        "20",
        "2025",
        "-",
        "/",
        ",",
        "ago",
        "two",
        "within",
        "days",
        "mid",
        "early",
        "late",
        "the",
        "over",
        "in",
        "coming",
        "will",
        "met",
        "said",
        "on",
        "at",
        "10",
        "a.m.",
        "GMT",
        ":",
        "00",
        "’",
        "s",
        "1990s",
        "Q",
        "3",
        "quarter",
        "third",
        "around",
        "possibly",
        "overnight",
        "yesterday",
        "é",
        "日本",
        "\n",
        " ",
        "May",
        "March",
        "spring",
        "of",
        "9999",
        "0",
        "31",
        "29",
        "February",
        "$",
        "%",
        "per",
        "cent",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.join(" "))
}

fn check(text: &str, day: civil::Date) {
    let sentences = sentences(text);
    for d in find_dates(text, &sentences, day) {
        assert!(d.span.start < d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        assert!(d.sentence < sentences.len());
        assert!(sentences[d.sentence].contains(d.span));
        assert!(DateSpec::parse(&d.edtf).is_ok(), "{} in {text:?}", d.edtf);
    }
}

proptest! {
    #[test]
    fn any_text_gives_spans_on_char_boundaries_and_valid_edtf(
        text in "\\PC{0,200}",
        day in 0i32..3_650_000,
    ) {
        let day = civil::date(1, 1, 1)
            .checked_add(jiff::Span::new().days(i64::from(day)))
            .unwrap_or(civil::date(2025, 12, 18));
        check(&text, day);
    }

    #[test]
    fn date_like_text_gives_valid_edtf(
        text in datey_text(),
        year in 1i16..=9999,
        month in 1i8..=12,
        day in 1i8..=28,
    ) {
        check(&text, civil::date(year, month, day));
    }

    #[test]
    fn mutated_article_text_never_panics(
        cut in 0usize..2000,
        insert in "\\PC{0,8}",
        day in 1i8..=28,
    ) {
        let mut text = long_article();
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.insert_str(cut, &insert);
        check(&text, civil::date(2025, 12, day));
    }
}
