//! Unit tests of the date field reader.

use super::*;

fn edtf(text: &str) -> String {
    match parse_date_input(text) {
        Ok(input) => input.edtf,
        Err(err) => panic!("{text:?}: {err}"),
    }
}

fn note(text: &str) -> String {
    parse_date_input(text).unwrap().note.unwrap_or_default()
}

fn error(text: &str) -> DateInputError {
    parse_date_input(text).unwrap_err()
}

#[test]
fn edtf_is_taken_as_typed() {
    for text in [
        "2025-12-20",
        "2025-12",
        "2025",
        "2025-12-20/2025-12-21",
        "2025-12-13?",
        "2025-12~",
        "/2025-12-18",
        "2025-12-20/..",
        "2025-21",
        "2025-12-20T14:00:00Z",
    ] {
        assert_eq!(
            parse_date_input(text).unwrap(),
            DateInput {
                edtf: text.into(),
                note: None
            }
        );
    }
    assert_eq!(edtf("  2025-12-20 "), "2025-12-20");
}

#[test]
fn dates_in_words() {
    assert_eq!(edtf("20 Dec 2025"), "2025-12-20");
    assert_eq!(edtf("20 December 2025"), "2025-12-20");
    assert_eq!(edtf("December 20, 2025"), "2025-12-20");
    assert_eq!(edtf("Dec. 20th, 2025"), "2025-12-20");
    assert_eq!(edtf("Sat 20 Dec 2025"), "2025-12-20");
    assert_eq!(edtf("2025 Dec 20"), "2025-12-20");
    assert_eq!(edtf("1 Sept 2025"), "2025-09-01");
    assert_eq!(edtf("Dec 2025"), "2025-12");
    assert_eq!(edtf("december 2025"), "2025-12");
    assert!(parse_date_input("20 Dec 2025").unwrap().note.is_none());
}

#[test]
fn qualifiers() {
    assert_eq!(edtf("~2025-12-20"), "2025-12-20~");
    assert_eq!(edtf("2025-12-20?"), "2025-12-20?");
    assert_eq!(edtf("c. 2025"), "2025~");
    assert_eq!(edtf("circa 2025"), "2025~");
    assert_eq!(edtf("ca. Dec 2025"), "2025-12~");
    assert_eq!(edtf("20 Dec 2025?"), "2025-12-20?");
    assert_eq!(edtf("~20 Dec 2025?"), "2025-12-20%");
    assert_eq!(edtf("c. 20–21 Dec 2025"), "2025-12-20~/2025-12-21~");
}

#[test]
fn ranges() {
    assert_eq!(edtf("2025-12-20/21"), "2025-12-20/2025-12-21");
    assert_eq!(edtf("20–21 Dec 2025"), "2025-12-20/2025-12-21");
    assert_eq!(edtf("20-21 Dec 2025"), "2025-12-20/2025-12-21");
    assert_eq!(edtf("20 - 21 Dec 2025"), "2025-12-20/2025-12-21");
    assert_eq!(edtf("Dec 20-21, 2025"), "2025-12-20/2025-12-21");
    assert_eq!(edtf("20 Dec 2025 — 3 Jan 2026"), "2025-12-20/2026-01-03");
    assert_eq!(edtf("2025-12-20 / 2025-12-21"), "2025-12-20/2025-12-21");
    assert_eq!(edtf("from 20 to 22 Dec 2025"), "2025-12-20/2025-12-22");
    assert_eq!(edtf("between 20 and 22 Dec 2025"), "2025-12-20/2025-12-22");
    assert_eq!(edtf("March–May 2025"), "2025-03/2025-05");
    assert_eq!(edtf("2019-2021"), "2019/2021");
    assert_eq!(edtf("2019–2021"), "2019/2021");
    assert_eq!(edtf("20 Dec 2025/.."), "2025-12-20/..");
    assert_eq!(edtf("/20 Dec 2025"), "/2025-12-20");
}

#[test]
fn ranges_across_a_new_year_say_so() {
    assert_eq!(edtf("20 Dec – 3 Jan 2026"), "2025-12-20/2026-01-03");
    assert!(
        note("20 Dec – 3 Jan 2026").contains("year before"),
        "{}",
        note("20 Dec – 3 Jan 2026")
    );
    assert_eq!(edtf("20 Dec 2025 – 3 Jan"), "2025-12-20/2026-01-03");
    assert_eq!(edtf("Dec – Feb 2026"), "2025-12/2026-02");
    // A day borrowed from the start's month never moves the year.
    assert!(matches!(
        error("2025-12-30/02"),
        DateInputError::Invalid(DateError::Reversed { .. })
    ));
}

#[test]
fn week_of_is_monday_to_sunday() {
    let input = parse_date_input("week of 15 Dec 2025").unwrap();
    assert_eq!(input.edtf, "2025-12-15/2025-12-21");
    assert_eq!(
        input.note.as_deref(),
        Some("week of 15 Dec 2025 → Mon 15 – Sun 21 Dec 2025; weeks run Monday to Sunday")
    );
    assert_eq!(edtf("week of 17 Dec 2025"), "2025-12-15/2025-12-21");
    assert_eq!(edtf("w/c 2025-12-21"), "2025-12-15/2025-12-21");
    assert_eq!(edtf("week of 1 Jan 2025"), "2024-12-30/2025-01-05");
    assert!(matches!(
        error("week of Dec 2025"),
        DateInputError::Unrecognised { .. }
    ));
}

#[test]
fn before_and_after_are_half_open_and_explained() {
    assert_eq!(edtf("before 18 Dec 2025"), "/2025-12-18");
    assert!(note("before 18 Dec 2025").contains("unknown start"));
    assert_eq!(edtf("by Dec 2025"), "/2025-12");
    assert_eq!(edtf("after 20 Dec 2025"), "2025-12-20/..");
    assert_eq!(edtf("from 20 Dec 2025"), "2025-12-20/..");
    assert_eq!(edtf("since c. 2025"), "2025~/..");
    assert!(note("from 20 Dec 2025").contains("open end"));
}

#[test]
fn seasons_and_times() {
    assert_eq!(edtf("spring 2025"), "2025-21");
    assert_eq!(edtf("Autumn 2025"), "2025-23");
    assert!(note("spring 2025").contains("March to May"));
    assert_eq!(edtf("2025-12-20T14:00"), "2025-12-20T14:00:00");
    assert_eq!(edtf("2025-12-20 14:00:30"), "2025-12-20T14:00:30");
    assert_eq!(edtf("2025-12-20T14:00Z"), "2025-12-20T14:00:00Z");
    assert_eq!(edtf("2025-12-20t14:00+03:00"), "2025-12-20T14:00:00+03:00");
    assert!(note("2025-12-20T14:00").contains("without a zone"));
    assert!(
        parse_date_input("2025-12-20T14:00Z")
            .unwrap()
            .note
            .is_none()
    );
    assert!(matches!(
        error("2025-12-20T14"),
        DateInputError::Unrecognised { .. }
    ));
}

#[test]
fn numeric_day_month_forms_are_refused_with_both_readings() {
    let text = error("03/04/2025").to_string();
    assert!(text.contains("2025-04-03 or 3 Apr 2025"), "{text}");
    assert!(text.contains("2025-03-04 or 4 Mar 2025"), "{text}");
    let text = error("20/12/2025").to_string();
    assert!(
        text.contains("2025-12-20 or 20 Dec 2025") && !text.contains("month first"),
        "{text}"
    );
    for text in ["3.4.2025", "03-04-2025", "12/2025", "3/4", "03/04/25"] {
        assert!(
            matches!(error(text), DateInputError::Ambiguous { .. }),
            "{text}"
        );
    }
    assert!(error("2025/12/20").to_string().contains("write 2025-12-20"));
}

#[test]
fn mistakes_are_named() {
    assert_eq!(error(""), DateInputError::Empty);
    assert_eq!(error("   "), DateInputError::Empty);
    assert!(matches!(
        error("20 Dec 25"),
        DateInputError::ShortYear { .. }
    ));
    assert!(matches!(
        error("20 Dec"),
        DateInputError::MissingYear { .. }
    ));
    assert!(matches!(error("20-21"), DateInputError::MissingYear { .. }));
    assert!(matches!(
        error("30 Feb 2025"),
        DateInputError::Invalid(DateError::OutOfRange { .. })
    ));
    assert!(matches!(
        error("2025-02-30"),
        DateInputError::Invalid(DateError::OutOfRange { .. })
    ));
    assert!(matches!(
        error("32 Dec 2025"),
        DateInputError::Invalid(DateError::OutOfRange { .. })
    ));
    assert_eq!(
        error("Fri 20 Dec 2025").to_string(),
        "20 Dec 2025 is a Saturday, not a Friday"
    );
    let text = error("20 Dex 2025").to_string();
    assert!(
        text.contains("read “20 Dex 2025”") && text.contains("“Dex” is not a day, month"),
        "{text}"
    );
    // Errors quote the text as typed, not as lowered for reading.
    assert_eq!(
        error("20 DEC").to_string(),
        "“20 DEC” needs a year, e.g. 20 Dec 2025"
    );
    assert!(matches!(
        error("21 Dec 2025 – 20 Dec 2025"),
        DateInputError::Invalid(DateError::Reversed { .. })
    ));
    assert!(matches!(
        error("a/b/c"),
        DateInputError::Unrecognised { .. }
    ));
}

fn check_any(text: &str) {
    if let Ok(input) = parse_date_input(text) {
        let spec = DateSpec::parse(&input.edtf)
            .unwrap_or_else(|e| panic!("{text:?} → {}: {e}", input.edtf));
        assert!(spec.bounds().is_ok(), "{text:?} → {}", input.edtf);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,40}") {
        check_any(&text);
    }

    /// Sequences of the words and signs the reader knows: nearly valid input finds the
    /// corners that random text never reaches.
    #[test]
    fn date_like_text_is_valid_edtf_or_an_error(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "20", "3", "31", "0", "2025", "0800", "25", "Dec", "january", "Feb", "Sat",
            "spring", "week of", "before", "after", "from", "between", "and", "c.", "~",
            "?", "%", "–", "-", "/", "..", ",", " ", "to", "2025-12-20", "2025-12",
            "T14:00", "21st", "12:00", "Z", "+03:00", "9999", "0000", "w/c",
        ]), 0..8)
    ) {
        check_any(&parts.join(" "));
        check_any(&parts.concat());
    }
}
