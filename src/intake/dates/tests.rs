//! Unit tests of the date stage: one short article of our own per rule, each published on
//! Thursday 18 December 2025 unless it says otherwise.

use jiff::civil;

use super::find_dates;
use crate::intake::text::sentences;
use crate::model::DateSpec;

const THURSDAY: (i16, i8, i8) = (2025, 12, 18);

/// (spanned words, EDTF, time of day) of every proposal of `text` published on `day`.
fn found(text: &str, (y, m, d): (i16, i8, i8)) -> Vec<(String, String, Option<String>)> {
    find_dates(text, &sentences(text), civil::date(y, m, d))
        .into_iter()
        .map(|d| (d.span.of(text).to_owned(), d.edtf, d.time_of_day))
        .collect()
}

/// The proposals of `text` are exactly `expected` (words, EDTF), and every EDTF parses.
fn assert_dates(text: &str, day: (i16, i8, i8), expected: &[(&str, &str)]) {
    let got = found(text, day);
    for (_, edtf, _) in &got {
        assert!(DateSpec::parse(edtf).is_ok(), "{edtf} does not parse");
    }
    let got: Vec<(&str, &str)> = got
        .iter()
        .map(|(s, e, _)| (s.as_str(), e.as_str()))
        .collect();
    assert_eq!(got, expected, "{text}");
}

#[test]
fn explicit_dates_in_every_news_form() {
    let text = "GENEVA, Nov. 3 (AFP) - Foreign ministers gathered for a meeting first proposed \
        on 14 October 2025. The accord, dated 2025-10-01, replaces one signed on 3/15/2019. A \
        follow-up is planned for Jan 12-14, 2026, a review in March 2026, and a vote on \
        Friday, Dec. 19. The 20th of December is a holiday there.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("Nov. 3", "2025-11-03"),
            ("14 October 2025", "2025-10-14"),
            ("2025-10-01", "2025-10-01"),
            ("3/15/2019", "2019-03-15"),
            ("Jan 12-14, 2026", "2026-01-12/2026-01-14"),
            ("March 2026", "2026-03"),
            ("Friday, Dec. 19", "2025-12-19"),
            ("20th of December", "2025-12-20"),
        ],
    );
}

#[test]
fn a_date_without_a_year_is_the_occurrence_nearest_to_publication() {
    let text = "The envoys met on December 29 and will meet again on January 4.";
    // Published 2 January 2026: 29 December is four days back, 4 January two days ahead.
    assert_dates(
        text,
        (2026, 1, 2),
        &[("December 29", "2025-12-29"), ("January 4", "2026-01-04")],
    );
}

#[test]
fn years_decades_and_numbers_that_are_not_years() {
    let text = "The ceasefire of 1994 held until 2014. Since the 1990s and in the ’80s the \
        region has changed. The 2024 election, the 2,025 delegates, a 20-point plan, 90 per \
        cent, $2025, 2025 people, Resolution 2254, Article 5 and a force of 1200 came up. \
        Between 1998 and 2000 little moved; the 1998-2000 talks failed.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("1994", "1994"),
            ("2014", "2014"),
            ("1990s", "199X"),
            ("’80s", "198X"),
            ("2024", "2024"),
            ("1998", "1998"),
            ("2000", "2000"),
            ("1998-2000", "1998/2000"),
        ],
    );
}

#[test]
fn quarters_halves_and_seasons() {
    let text = "Exports fell in the third quarter and are expected to grow in the fourth \
        quarter of 2026. Q1 2025 was weak. The first half of 2024 was calmer, and the first \
        half of the match was dull. The offensive began in the spring and a new push is \
        expected next summer. Last winter was harsh. Talks resume in spring 2026. Output \
        grew last quarter.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("the third quarter", "2025-07/2025-09"),
            ("the fourth quarter of 2026", "2026-10/2026-12"),
            ("Q1 2025", "2025-01/2025-03"),
            ("The first half of 2024", "2024-01/2024-06"),
            ("the spring", "2025-21"),
            ("next summer", "2026-22"),
            ("Last winter", "2024-24"),
            ("spring 2026", "2026-21"),
            ("last quarter", "2025-07/2025-09"),
        ],
    );
}

#[test]
fn days_around_publication_and_overnight() {
    let text = "Talks resumed today. The minister arrived yesterday and leaves tomorrow. He \
        will speak tonight. Officials met this morning. Drones struck Kyiv last night. \
        Shelling continued overnight. They booked an overnight stay. The day after tomorrow \
        a vote is due. Talks are now under way and currently stalled.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("today", "2025-12-18"),
            ("yesterday", "2025-12-17"),
            ("tomorrow", "2025-12-19"),
            ("tonight", "2025-12-18"),
            ("this morning", "2025-12-18"),
            ("last night", "2025-12-17"),
            ("overnight", "2025-12-17/2025-12-18"),
            ("The day after tomorrow", "2025-12-20"),
        ],
    );
}

#[test]
fn weekdays_follow_the_tense_of_their_clause() {
    let text = "Friday's talks in Doha ended without a deal. The envoy met Putin on Tuesday \
        and will fly to Ankara on Friday. On Thursday, the two leaders spoke by phone. Late \
        on Monday the talks broke up. He returned Sunday evening. The summit opens on \
        Monday. The Good Friday Agreement was cited.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("Friday", "2025-12-12"),
            ("Tuesday", "2025-12-16"),
            ("Friday", "2025-12-19"),
            ("Thursday", "2025-12-18"),
            ("Late on Monday", "2025-12-15"),
            ("Sunday evening", "2025-12-14"),
            ("Monday", "2025-12-22"),
        ],
    );
}

#[test]
fn weekends_in_a_saturday_report() {
    // Published Saturday 20 December: "this weekend" and a past "over the weekend" contain
    // the day; "last weekend" is the one before.
    let text = "Envoys gather in Miami this weekend. Officials met over the weekend, a week \
        after talks in Berlin last weekend. More talks may follow next weekend.";
    assert_dates(
        text,
        (2025, 12, 20),
        &[
            ("this weekend", "2025-12-20/2025-12-21"),
            ("over the weekend", "2025-12-20/2025-12-21"),
            ("last weekend", "2025-12-13/2025-12-14"),
            ("next weekend", "2025-12-27/2025-12-28"),
        ],
    );
}

#[test]
fn ago_and_within() {
    let text = "Ministers met two weeks ago and again 10 days ago. The deal must be ratified \
        within 30 days. Troops withdrew a year ago. The summit took place three months ago. \
        Talks should resume in the next two weeks.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("two weeks ago", "2025-12-01/2025-12-07"),
            ("10 days ago", "2025-12-08"),
            ("within 30 days", "2025-12-18/2026-01-17"),
            ("a year ago", "2024"),
            ("three months ago", "2025-09"),
            ("in the next two weeks", "2025-12-18/2026-01-01"),
        ],
    );
}

#[test]
fn months_and_years_and_their_parts() {
    let text = "Sanctions imposed last month will be reviewed next month. Earlier this year, \
        the council met; later this year it meets again. Growth slowed late last year. A deal \
        is possible by the end of the year. Talks in early December and late January are \
        planned. They met at the end of November and will meet in mid-2026.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("last month", "2025-11"),
            ("next month", "2026-01"),
            ("Earlier this year", "2025-01-01/2025-12-17"),
            ("later this year", "2025-12-19/2025-12-31"),
            ("late last year", "2024-09/2024-12"),
            ("the end of the year", "2025-12"),
            ("early December", "2025-12-01/2025-12-10"),
            ("late January", "2026-01-21/2026-01-31"),
            ("the end of November", "2025-11-21/2025-11-30"),
            ("mid-2026", "2026-05/2026-08"),
        ],
    );
}

#[test]
fn durations_vague_words_and_ordinals_are_not_dates() {
    let text = "The talks lasted five hours after a nearly four-year war. Troops stayed for \
        two weeks on a two-day visit. Talks will resume soon, in the coming weeks, at some \
        point. It was the 20th round of the 3rd brigade. Officials are now meeting and \
        currently talk. In recent days little moved.";
    assert_dates(text, THURSDAY, &[]);
}

#[test]
fn times_of_day_go_to_the_nearest_date() {
    let text = "The call began at 10 a.m. local time on Friday. Voting closed at 20:00 GMT. \
        The summit opens on Monday at 3pm ET. The final score was 14:00. It will start at 9 \
        a.m.";
    let got = found(text, THURSDAY);
    let got: Vec<(&str, &str, Option<&str>)> = got
        .iter()
        .map(|(s, e, t)| (s.as_str(), e.as_str(), t.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Friday", "2025-12-12", Some("10:00 local time")),
            ("20:00 GMT", "2025-12-18", Some("20:00 GMT")),
            ("Monday", "2025-12-22", Some("15:00 ET")),
        ]
    );
}

#[test]
fn may_and_march_need_a_date_word() {
    let text = "Theresa May said the talks may resume. Protesters march in Kyiv. In May, the \
        envoys met. The vote in May 2024 came first. He said in August that talks were over.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("May", "2025-05"),
            ("May 2024", "2024-05"),
            ("August", "2025-08"),
        ],
    );
}

#[test]
fn a_statement_with_its_day_anchors_what_it_says() {
    // Published Tuesday 16 December: "next week" said on Sunday 14 is the week of 15–21.
    let text = "The foreign minister told reporters on Sunday that the trip would happen next \
        week. Separately, the summit will take place next week.";
    assert_dates(
        text,
        (2025, 12, 16),
        &[
            ("Sunday", "2025-12-14"),
            ("next week", "2025-12-15/2025-12-21"),
            ("next week", "2025-12-22/2025-12-28"),
        ],
    );
}

#[test]
fn around_and_possibly_qualify_the_date() {
    let text = "Around December 20 the envoys will meet, possibly on Saturday. About two weeks \
        ago, the talks stalled. The vote is perhaps next month.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("Around December 20", "2025-12-20~"),
            ("Saturday", "2025-12-20"),
            ("About two weeks ago", "2025-12-01~/2025-12-07~"),
            ("perhaps next month", "2026-01?"),
        ],
    );
}

#[test]
fn the_coming_days_are_an_approximate_interval() {
    let text = "In the coming days, the envoys will talk again. The two presidents are \
        expected to speak in the next few days.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("In the coming days", "2025-12-18/2025-12-25~"),
            ("in the next few days", "2025-12-18/2025-12-25~"),
        ],
    );
}

#[test]
fn the_seed_report_dates() {
    let seed = include_str!("../../../tests/fixtures/seed_report.txt");
    assert_dates(
        seed,
        THURSDAY,
        &[
            ("2025-12-18", "2025-12-18"),
            ("this weekend", "2025-12-20/2025-12-21"),
            ("this weekend", "2025-12-20/2025-12-21"),
            ("last weekend", "2025-12-13/2025-12-14"),
            ("over the weekend", "2025-12-20/2025-12-21"),
        ],
    );
}

#[test]
fn proposals_name_their_sentence_in_text_order() {
    let text = "They met on Monday.\nThey meet again on Friday.";
    let dates = find_dates(text, &sentences(text), civil::date(2025, 12, 18));
    let sentences: Vec<usize> = dates.iter().map(|d| d.sentence).collect();
    assert_eq!(sentences, [0, 1]);
    assert!(dates.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

#[test]
fn news_wire_forms_of_days_decades_and_current_periods() {
    let text = "Talks broke up late yesterday after a session yesterday afternoon. Reforms of \
        the late 1980s shaped the current quarter. After the fall of Kabul, talks stalled in \
        the Arab Spring.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("late yesterday", "2025-12-17"),
            ("yesterday afternoon", "2025-12-17"),
            ("late 1980s", "198X"),
            ("the current quarter", "2025-10/2025-12"),
        ],
    );
}

#[test]
fn in_n_weeks_is_a_date_only_in_a_future_clause() {
    let text = "Talks will resume in two weeks and a vote is expected in 10 days' time. The \
        rebels captured the town in two days.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("in two weeks", "2025-12-29/2026-01-04"),
            ("in 10 days' time", "2025-12-28"),
        ],
    );
}

#[test]
fn a_stated_day_anchors_only_its_own_clause() {
    // Published Wednesday 17 December: "this weekend" said on Friday 12 is 13–14; "earlier
    // this week", after the comma, is the report's own (15–16).
    let text = "The president said on Friday he expected talks this weekend, after two days \
        of talks earlier this week. Talks resume next Tuesday at 10 a.m. (0900 GMT).";
    let got = found(text, (2025, 12, 17));
    let got: Vec<(&str, &str, Option<&str>)> = got
        .iter()
        .map(|(s, e, t)| (s.as_str(), e.as_str(), t.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Friday", "2025-12-12", None),
            ("this weekend", "2025-12-13/2025-12-14", None),
            ("earlier this week", "2025-12-15/2025-12-16", None),
            ("next Tuesday", "2025-12-23", Some("09:00 GMT")),
        ]
    );
}

#[test]
fn european_numeric_dates_and_fixed_holidays() {
    let text = "The decree of 20.12.2025 and the order of 25/11/2025 came before Christmas. \
        Talks resume after New Year's Day, not on Christmas Eve. Version 1.2.3 is out.";
    assert_dates(
        text,
        THURSDAY,
        &[
            ("20.12.2025", "2025-12-20"),
            ("25/11/2025", "2025-11-25"),
            ("Christmas", "2025-12-25"),
            ("New Year's Day", "2026-01-01"),
            ("Christmas Eve", "2025-12-24"),
        ],
    );
}

#[test]
fn a_clear_tense_keeps_a_date_without_a_year_on_its_side_of_publication() {
    let text = "The ceasefire, agreed on March 11 in Jeddah, collapsed. Elections will be held \
        on September 28. The report is dated December 29.";
    assert_dates(
        text,
        (2025, 12, 15),
        &[
            ("March 11", "2025-03-11"),
            ("September 28", "2026-09-28"),
            ("December 29", "2025-12-29"),
        ],
    );
}
