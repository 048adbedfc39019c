use super::*;

const SEED: &str = include_str!("../../../tests/fixtures/seed_report.txt");

#[test]
fn the_seeds_first_line_gives_the_date_and_the_headline() {
    let input = read_bytes(SEED.as_bytes(), InputKind::Text).expect("the seed reads");
    assert_eq!(input.published, Some(civil::date(2025, 12, 18)));
    let headline = "US, Russian envoys to explore Ukraine settlement through talks in Miami";
    assert_eq!(input.headline.as_deref(), Some(headline));
    // Plain text is kept as given, so that `--json` offsets point into the file.
    assert_eq!(input.text, SEED);
    assert_eq!(input.missing(), ["outlet"]);
    let article = input
        .into_article(None, Some("Xinhua".to_owned()))
        .expect("dated");
    assert_eq!(article.published, civil::date(2025, 12, 18));
    assert_eq!(article.outlet.as_deref(), Some("Xinhua"));
}

#[test]
fn html_gives_its_text_title_date_outlet_and_url() {
    let html = r#"<!DOCTYPE html><html><head><title>Envoys meet in Geneva | The Courier</title>
        <meta property="og:site_name" content="The Courier">
        <meta property="article:published_time" content="2026-03-05T07:30:00+01:00">
        <link rel="canonical" href="https://courier.example/envoys">
        <script>var x = "<p>not text</p>";</script></head>
        <body><h1>Envoys meet in Geneva</h1><p>The envoys met on Tuesday &amp; agreed to meet again, officials said.</p></body></html>"#;
    let input = read_bytes(html.as_bytes(), InputKind::Html).expect("reads");
    assert_eq!(input.published, Some(civil::date(2026, 3, 5)));
    assert_eq!(input.outlet.as_deref(), Some("The Courier"));
    assert_eq!(input.url.as_deref(), Some("https://courier.example/envoys"));
    // The article's own <h1>, not the page title with its outlet.
    assert_eq!(input.headline.as_deref(), Some("Envoys meet in Geneva"));
    assert!(
        input.text.starts_with("Envoys meet in Geneva\n"),
        "{}",
        input.text
    );
    assert!(!input.text.contains("DOCTYPE"), "{}", input.text);
    assert!(input.text.contains("The envoys met on Tuesday & agreed"));
    assert!(!input.text.contains("not text"));
    assert!(input.missing().is_empty());
}

#[test]
fn html_articles_decode_every_entity() {
    let html = "<html><head><title>Talks in Gen&egrave;ve</title></head><body>\
        <h1>Talks in Gen&egrave;ve &rarr; Z&uuml;rich</h1>\
        <p>The Fran&ccedil;ois plan, worth &euro;5 billion, was agreed in caf&#233; talks \
        &#x2192; the envoys said on Monday that the ministers would meet again.</p></body></html>";
    let input = read_bytes(html.as_bytes(), InputKind::Html).expect("reads");
    assert_eq!(input.headline.as_deref(), Some("Talks in Genève → Zürich"));
    assert!(
        input
            .text
            .contains("The François plan, worth €5 billion, was agreed in café talks → the envoys"),
        "{}",
        input.text
    );
}

#[test]
fn pasted_html_is_read_as_html() {
    let html = "<html><body><p>The foreign ministers of the two countries met in Ankara on Monday and said that the talks would continue.</p></body></html>";
    let input = read_text(html, InputKind::Text).expect("reads");
    assert!(!input.text.contains('<'), "{}", input.text);
}

#[test]
fn markdown_keeps_the_words_of_headings_emphasis_and_links() {
    let md = "---\ntitle: \"Talks resume\"\ndate: 2026-01-09\n---\n# Talks *resume* in Doha\n\n\
              The **delegations** met in [Doha](https://example.org/doha) on Friday, \
              according to _the foreign ministry_.\n\n> It was a useful meeting, an aide said.\n";
    let input = read_bytes(md.as_bytes(), InputKind::Markdown).expect("reads");
    assert_eq!(input.headline.as_deref(), Some("Talks resume"));
    assert_eq!(input.published, Some(civil::date(2026, 1, 9)));
    assert!(
        input.text.contains("Talks resume in Doha"),
        "{}",
        input.text
    );
    assert!(
        input
            .text
            .contains("The delegations met in Doha on Friday, according to the foreign ministry."),
        "{}",
        input.text
    );
    assert!(input.text.contains("\nIt was a useful meeting"));
}

#[test]
fn datelines_give_the_outlet_and_a_dated_ones_date() {
    let text = "Envoys to meet\nMIAMI, Dec 20, 2025 (Reuters) — US and Russian envoys met on Saturday in Miami, officials said.";
    let input = read_text(text, InputKind::Text).expect("reads");
    assert_eq!(input.outlet.as_deref(), Some("Reuters"));
    assert_eq!(input.published, Some(civil::date(2025, 12, 20)));
    // Without a year the dateline's day is left for the dates stage; the date is asked.
    let text = "WASHINGTON, Dec 20 (AP) — The president said on Friday that the talks were useful and would go on.";
    let input = read_text(text, InputKind::Text).expect("reads");
    assert_eq!(input.outlet.as_deref(), Some("AP"));
    assert_eq!(input.published, None);
    assert_eq!(input.missing(), ["publication date"]);
    assert_eq!(input.into_article(None, None), Err(ArticleError::NoDate));
}

#[test]
fn bad_input_is_refused_with_a_message() {
    assert_eq!(
        read_bytes(b"  \n\t ", InputKind::Text),
        Err(ArticleError::Empty)
    );
    assert_eq!(
        read_bytes(b"<html><body></body></html>", InputKind::Html),
        Err(ArticleError::Empty)
    );
    assert_eq!(
        read_bytes(b"PK\x03\x04\x00\x00binary", InputKind::Text),
        Err(ArticleError::Binary)
    );
    // Issue 15: UTF-16 is decoded, not refused; a chosen encoding the bytes are not in is.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain("The envoys met.".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(
        read_bytes(&utf16, InputKind::Text).map(|a| a.text),
        read_bytes(b"The envoys met.", InputKind::Text).map(|a| a.text)
    );
    let err = read_bytes_in(
        b"caf\xe9",
        InputKind::Text,
        EncodingChoice::Forced(encoding_rs::UTF_8),
    );
    assert!(matches!(err, Err(ArticleError::Encoding(_))), "{err:?}");
    let huge = "The envoys met. ".repeat(MAX_ARTICLE_BYTES / 16 + 1);
    let err = read_bytes(huge.as_bytes(), InputKind::Text).expect_err("too large");
    assert!(matches!(err, ArticleError::TooLarge { .. }));
    assert!(err.to_string().contains("5 MB at most"), "{err}");
    let german = "Die Unterhändler aus Washington und Moskau könnten sich am Wochenende in Miami \
                  treffen, berichtete die Zeitung unter Berufung auf Regierungskreise.";
    let err = read_text(german, InputKind::Text).expect_err("German");
    assert_eq!(err, ArticleError::NotEnglish);
    assert!(
        err.to_string()
            .starts_with("the text does not look like English")
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,300}") {
        for kind in [InputKind::Text, InputKind::Html, InputKind::Markdown] {
            let _ = read_text(&text, kind);
        }
    }

    /// The marks the readers look for, in any order, with multi-byte characters between.
    #[test]
    fn markup_like_text_never_panics(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "<meta", " property=", "\"og:title\"", " content=", "'", "\"", ">", "<title>",
            "</title>", "<head>", "</head>", "<link rel=canonical href=x>", "[", "]", "(", ")",
            "!", "*", "_", "#", "---\n", "date: ", "2025-12-18", "\n", "MIAMI, Dec 20, 2025 ",
            "(Reuters)", "—", " - ", "é", "Kyïv", "the", "said", "of", "&amp;", "&",
        ]), 0..40)
    ) {
        let text = parts.concat();
        for kind in [InputKind::Text, InputKind::Html, InputKind::Markdown] {
            let _ = read_text(&text, kind);
        }
    }
}
