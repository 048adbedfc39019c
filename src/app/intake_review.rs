//! Article intake's dialogs without the UI (issue 14): checking what the analyst gave
//! before anything is proposed, the review's decisions, and which words of the text to
//! highlight for which proposal. The windows are `ui::intake`; the proposals come from
//! `intake::propose`, and what is accepted becomes one edit (`app::edits::intake_edit`).

use std::path::Path;

use jiff::civil;

use crate::intake::accept::Decisions;
use crate::intake::article::{ArticleError, ArticleInput, InputKind, read_text};
use crate::intake::{Article, Proposals, Span};

/// A report longer than this is not one article: the article reader's limit (5 MiB, which
/// leaves room for a saved news page's scripts and styles around its text).
pub const MAX_REPORT_BYTES: usize = crate::intake::article::MAX_ARTICLE_BYTES;

/// The file names a report is read from: plain text, HTML and Markdown.
pub const REPORT_EXTENSIONS: [&str; 6] = ["txt", "text", "html", "htm", "md", "markdown"];

/// Whether `path` names a report (by its extension): what a dropped file opens.
pub fn is_report_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The text of a report file's bytes, or why it is not one.
pub fn report_text(bytes: &[u8], name: &str) -> Result<String, String> {
    // Zero bytes are binary data, except as every other byte of UTF-16 (checked once
    // decoded).
    let utf16 = crate::import::encoding::utf16_of(bytes).is_some();
    let decoded = crate::import::encoding::decode(bytes, crate::import::EncodingChoice::Auto)
        .map_err(|err| format!("{name}: {err}"))?;
    if (!utf16 && bytes.contains(&0)) || decoded.text.contains('\0') {
        return Err(format!(
            "{name} is not a text file (it holds binary data): open the report as .txt, .html \
             or .md."
        ));
    }
    // Issue 15: read in the encoding detected (UTF-8, UTF-16, Windows-1252 …); automatic
    // decoding does not fail, and takes off the byte-order mark.
    Ok(decoded.text.trim_start_matches('\u{feff}').to_owned())
}

/// What the input dialog holds: the report and what is known about its publication.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportInput {
    pub text: String,
    /// The outlet as named (one of the project's sources, or a new one); `None` while none
    /// is chosen.
    pub outlet: Option<String>,
    pub published: Option<civil::Date>,
    /// IANA name, or empty.
    pub time_zone: String,
    pub url: String,
    /// Plain text, HTML or Markdown (from the file's extension; pasted text is read as HTML
    /// when it starts like a page).
    pub kind: InputKind,
}

/// Relative words that cannot be read without the publication date, searched for the
/// message that asks for it (the most frequent in wire reports first).
const RELATIVE_WORDS: [&str; 16] = [
    "this weekend",
    "last weekend",
    "over the weekend",
    "next weekend",
    "this week",
    "last week",
    "next week",
    "yesterday",
    "today",
    "tomorrow",
    "this month",
    "last month",
    "next month",
    "earlier this",
    "later this",
    "overnight",
];

/// The first relative date words in `text` (as written there), if any.
pub fn first_relative_words(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    // Lower-casing may change lengths outside ASCII: the words are found in the lower-cased
    // text and read back from it, so the offsets never fall inside a character of `text`.
    RELATIVE_WORDS
        .iter()
        .filter_map(|w| lower.find(w).map(|at| (at, *w)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, w)| w)
}

impl ReportInput {
    /// The article to propose from, or what is missing or wrong, as the dialog says it.
    /// Nothing is guessed: without a publication date there is no article.
    pub fn article(&self) -> Result<Article, String> {
        let text = self.text.trim();
        if text.is_empty() {
            return Err(
                "The report is empty: paste its text, or open or drop a .txt, .html or .md file."
                    .to_owned(),
            );
        }
        if text.contains('\0') {
            return Err("The text holds binary data: paste the report's words only.".to_owned());
        }
        let read = read_text(text, self.kind).map_err(|err| match err {
            ArticleError::TooLarge { bytes } => format!(
                "The text is {:.1} MB: a report is at most {} MB. Paste one article at a time.",
                bytes as f64 / 1e6,
                MAX_REPORT_BYTES / (1024 * 1024)
            ),
            other => sentence_case(&other.to_string()),
        })?;
        let outlet = self
            .outlet
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .ok_or_else(|| {
                "Choose the outlet that published the report, or New source… with its name."
                    .to_owned()
            })?;
        let Some(published) = self.published else {
            return Err(match first_relative_words(text) {
                Some(words) => format!(
                    "Publication date needed to resolve “{words}”: every relative date is read \
                     against it."
                ),
                None => "Publication date needed: every date in the report is read against it."
                    .to_owned(),
            });
        };
        let time_zone = self.time_zone.trim();
        if !time_zone.is_empty() && jiff::tz::TimeZone::get(time_zone).is_err() {
            return Err(format!(
                "“{time_zone}” is not an IANA time zone: write it as Asia/Shanghai or \
                 America/New_York, or leave it empty."
            ));
        }
        let url = self.url.trim();
        let is_web = url.starts_with("http://") || url.starts_with("https://");
        if !url.is_empty() && !is_web {
            return Err(format!(
                "“{url}” is not a web address: it starts with http:// or https://, or leave it \
                 empty."
            ));
        }
        let mut article = read
            .into_article(Some(published), Some(outlet.to_owned()))
            .map_err(|err| sentence_case(&err.to_string()))?;
        if !time_zone.is_empty() {
            article.time_zone = Some(time_zone.to_owned());
        }
        if !url.is_empty() {
            article.url = Some(url.to_owned());
        }
        Ok(article)
    }
}

/// What the text itself says of its publication (a dateline, the page's metadata, the
/// seed's "date" line), for the dialog to fill in what the analyst has not; `None` when the
/// text cannot be read as an article.
pub fn found_in_text(text: &str, kind: InputKind) -> Option<ArticleInput> {
    read_text(text.trim(), kind).ok()
}

/// "the article is empty: …" → "The article is empty: …".
fn sentence_case(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The review's four lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Dates,
    Events,
    Claims,
    Positions,
}

impl Section {
    pub const ALL: [Self; 4] = [Self::Dates, Self::Events, Self::Claims, Self::Positions];

    pub fn title(self) -> &'static str {
        match self {
            Self::Dates => "Dates",
            Self::Events => "Events",
            Self::Claims => "Claims",
            Self::Positions => "Positions",
        }
    }

    /// The plural in "Accept all dates".
    pub fn noun(self) -> &'static str {
        match self {
            Self::Dates => "dates",
            Self::Events => "events",
            Self::Claims => "claims",
            Self::Positions => "positions",
        }
    }
}

/// One proposal: its list and its index there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ProposalRef {
    pub section: Section,
    pub index: usize,
}

/// What a highlighted word is, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    Date,
    /// The source and reporting verb of a claim.
    Attribution,
    /// A hedge that lowered a claim's credibility.
    Hedge,
    /// The words that name a happening, and its status words.
    Event,
    /// A position's stance words.
    Stance,
}

impl Mark {
    /// Where marks overlap, the narrower kind of word wins: a hedge inside an event's status
    /// words, a date inside a claim's attribution.
    fn rank(self) -> u8 {
        match self {
            Self::Hedge => 0,
            Self::Date => 1,
            Self::Stance => 2,
            Self::Attribution => 3,
            Self::Event => 4,
        }
    }
}

/// A stretch of the text drawn one way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    pub mark: Option<Mark>,
    /// The proposal a click on it shows.
    pub of: Option<ProposalRef>,
    /// Part of the proposal the analyst is looking at.
    pub focused: bool,
}

/// Every highlighted span of the proposals, with its kind and proposal.
pub fn marks(proposals: &Proposals) -> Vec<(Span, Mark, ProposalRef)> {
    let mut out = Vec::new();
    let at = |section, index| ProposalRef { section, index };
    for (i, d) in proposals.dates.iter().enumerate() {
        out.push((d.span, Mark::Date, at(Section::Dates, i)));
    }
    for (i, c) in proposals.claims.iter().enumerate() {
        let of = at(Section::Claims, i);
        out.extend(
            c.attribution_spans
                .iter()
                .map(|s| (*s, Mark::Attribution, of)),
        );
        out.extend(c.hedges.iter().map(|s| (*s, Mark::Hedge, of)));
    }
    for (i, e) in proposals.events.iter().enumerate() {
        let of = at(Section::Events, i);
        out.extend(
            e.spans
                .iter()
                .chain(&e.status_words)
                .map(|s| (*s, Mark::Event, of)),
        );
    }
    for (i, p) in proposals.positions.iter().enumerate() {
        out.push((p.stance_words, Mark::Stance, at(Section::Positions, i)));
    }
    out
}

/// The words of one proposal, to underline and scroll to: a date's words; an event's words,
/// dates, participants and places; a claim's sentence; a position's stance and holder.
pub fn focus_spans(proposals: &Proposals, of: ProposalRef) -> Vec<Span> {
    let i = of.index;
    match of.section {
        Section::Dates => proposals.dates.get(i).map(|d| vec![d.span]),
        Section::Claims => proposals.claims.get(i).map(|c| vec![c.span]),
        Section::Events => proposals.events.get(i).map(|e| {
            let mut spans: Vec<Span> = e.spans.iter().chain(&e.status_words).copied().collect();
            spans.extend(
                e.dates
                    .iter()
                    .filter_map(|d| proposals.dates.get(*d))
                    .map(|d| d.span),
            );
            spans.extend(e.participants.iter().flat_map(|p| p.spans.iter().copied()));
            spans.extend(e.places.iter().flat_map(|p| p.spans.iter().copied()));
            spans
        }),
        Section::Positions => proposals.positions.get(i).map(|p| {
            let mut spans = vec![p.stance_words];
            spans.extend(p.holder.spans.iter().copied());
            spans
        }),
    }
    .unwrap_or_default()
}

/// `text` cut into stretches drawn alike, in order and covering it all. Spans that do not
/// fit the text (or cut a character) are left out, never a panic.
pub fn pieces(text: &str, proposals: &Proposals, focus: Option<ProposalRef>) -> Vec<Piece> {
    let fits = |s: &Span| s.start < s.end && text.get(s.start..s.end).is_some();
    let marks: Vec<_> = marks(proposals)
        .into_iter()
        .filter(|(s, ..)| fits(s))
        .collect();
    let focused: Vec<Span> = focus
        .map(|f| focus_spans(proposals, f))
        .unwrap_or_default()
        .into_iter()
        .filter(fits)
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in marks.iter().map(|(s, ..)| s).chain(&focused) {
        cuts.extend([s.start, s.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Piece> = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let span = Span::new(pair[0], pair[1]);
        let best = marks
            .iter()
            .filter(|(s, ..)| s.contains(span))
            .min_by_key(|(s, mark, _)| (mark.rank(), s.end - s.start));
        let piece = Piece {
            span,
            mark: best.map(|(_, m, _)| *m),
            of: best.map(|(.., of)| *of),
            focused: focused.iter().any(|s| s.contains(span)),
        };
        // Neighbours drawn alike are one piece: fewer sections for the text's layout.
        match out.last_mut() {
            Some(last)
                if last.mark == piece.mark
                    && last.of == piece.of
                    && last.focused == piece.focused =>
            {
                last.span.end = span.end;
            }
            _ => out.push(piece),
        }
    }
    out
}

/// The review: the article, its proposals (edited in place), and what is accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub article: Article,
    pub proposals: Proposals,
    pub decisions: Decisions,
    /// The proposal whose words are underlined in the text.
    pub focus: Option<ProposalRef>,
}

impl Review {
    /// Everything accepted to start with: the analyst rejects what is wrong.
    pub fn new(article: Article, proposals: Proposals) -> Self {
        let decisions = Decisions::all(&proposals);
        Self {
            article,
            proposals,
            decisions,
            focus: None,
        }
    }

    fn list_mut(&mut self, section: Section) -> &mut Vec<bool> {
        match section {
            Section::Dates => &mut self.decisions.dates,
            Section::Events => &mut self.decisions.events,
            Section::Claims => &mut self.decisions.claims,
            Section::Positions => &mut self.decisions.positions,
        }
    }

    pub fn list(&self, section: Section) -> &[bool] {
        match section {
            Section::Dates => &self.decisions.dates,
            Section::Events => &self.decisions.events,
            Section::Claims => &self.decisions.claims,
            Section::Positions => &self.decisions.positions,
        }
    }

    pub fn is_accepted(&self, of: ProposalRef) -> bool {
        self.list(of.section)
            .get(of.index)
            .copied()
            .unwrap_or(false)
    }

    pub fn set(&mut self, of: ProposalRef, accepted: bool) {
        if let Some(d) = self.list_mut(of.section).get_mut(of.index) {
            *d = accepted;
        }
    }

    /// "Accept all" / "Reject all" of one list.
    pub fn set_section(&mut self, section: Section, accepted: bool) {
        self.list_mut(section).fill(accepted);
    }

    /// (accepted, proposed) in one list.
    pub fn counts(&self, section: Section) -> (usize, usize) {
        let list = self.list(section);
        (list.iter().filter(|d| **d).count(), list.len())
    }

    /// Whether anything at all is accepted.
    pub fn any_accepted(&self) -> bool {
        Section::ALL.iter().any(|s| self.counts(*s).0 > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::{ClaimProposal, DateProposal, EventProposal, ProposedStep};
    use crate::model::{EventKind, EventStatus};

    const TEXT: &str = "Envoys are expected to meet in Miami this weekend, Politico reported.";

    fn span(needle: &str) -> Span {
        let at = TEXT.find(needle).unwrap();
        Span::new(at, at + needle.len())
    }

    fn proposals() -> Proposals {
        Proposals {
            sentences: vec![Span::new(0, TEXT.len())],
            dates: vec![DateProposal {
                span: span("this weekend"),
                edtf: "2025-12-20/2025-12-21".into(),
                sentence: 0,
                time_of_day: None,
            }],
            claims: vec![ClaimProposal {
                span: Span::new(0, TEXT.len()),
                sentence: 0,
                attribution: vec![ProposedStep {
                    name: "Politico".into(),
                    verb: "reported".into(),
                    actor: None,
                }],
                attribution_spans: vec![span("Politico reported")],
                credibility: 3,
                hedges: vec![span("expected")],
            }],
            events: vec![EventProposal {
                title: "Envoys meet in Miami".into(),
                kind: EventKind::Meeting,
                status: EventStatus::Expected,
                status_words: Some(span("are expected to")),
                edtf: Some("2025-12-20/2025-12-21".into()),
                wording: Some("this weekend".into()),
                dates: vec![0],
                participants: Vec::new(),
                places: Vec::new(),
                place_wording: None,
                claims: vec![0],
                spans: vec![span("meet")],
                matches: None,
            }],
            positions: Vec::new(),
        }
    }

    fn input() -> ReportInput {
        ReportInput {
            text: TEXT.into(),
            outlet: Some("Xinhua".into()),
            published: Some(civil::date(2025, 12, 18)),
            ..ReportInput::default()
        }
    }

    #[test]
    fn pieces_cover_the_text_in_order_and_the_narrowest_kind_wins() {
        let p = proposals();
        let pieces = pieces(TEXT, &p, None);
        let joined: String = pieces.iter().map(|x| x.span.of(TEXT)).collect();
        assert_eq!(joined, TEXT);
        let of = |words: &str| {
            pieces
                .iter()
                .find(|x| x.span.of(TEXT) == words)
                .unwrap_or_else(|| panic!("no piece {words:?} in {pieces:?}"))
                .mark
        };
        // "expected" is a hedge inside the event's status words "are expected to".
        assert_eq!(of("are "), Some(Mark::Event));
        assert_eq!(of("expected"), Some(Mark::Hedge));
        assert_eq!(of("this weekend"), Some(Mark::Date));
        assert_eq!(of("Politico reported"), Some(Mark::Attribution));
        assert_eq!(of("Envoys "), None);
    }

    #[test]
    fn the_focused_claim_underlines_its_sentence_and_bad_spans_are_left_out() {
        let mut p = proposals();
        p.dates[0].span = Span::new(5, 999);
        let claim = ProposalRef {
            section: Section::Claims,
            index: 0,
        };
        let pieces = pieces(TEXT, &p, Some(claim));
        assert!(pieces.iter().all(|x| x.focused));
        assert!(pieces.iter().all(|x| x.mark != Some(Mark::Date)));
        assert_eq!(pieces.last().unwrap().span.end, TEXT.len());
    }

    #[test]
    fn the_input_needs_text_an_outlet_and_a_date_and_says_which_words_need_the_date() {
        assert!(input().article().is_ok());
        let empty = ReportInput {
            text: "  \n ".into(),
            ..input()
        };
        assert!(
            empty
                .article()
                .unwrap_err()
                .starts_with("The report is empty")
        );
        let undated = ReportInput {
            published: None,
            ..input()
        };
        assert_eq!(
            undated.article().unwrap_err(),
            "Publication date needed to resolve “this weekend”: every relative date is read \
             against it."
        );
        let no_outlet = ReportInput {
            outlet: Some(" ".into()),
            ..input()
        };
        assert!(
            no_outlet
                .article()
                .unwrap_err()
                .starts_with("Choose the outlet")
        );
        let huge = ReportInput {
            text: "word ".repeat(MAX_REPORT_BYTES / 4),
            ..input()
        };
        assert!(
            huge.article().unwrap_err().contains("at most 5 MB"),
            "{:?}",
            huge.article()
        );
    }

    #[test]
    fn the_time_zone_is_checked_against_the_iana_database_and_kept() {
        let zoned = ReportInput {
            time_zone: " Asia/Shanghai ".into(),
            url: "https://english.news.cn/x.htm".into(),
            ..input()
        };
        let article = zoned.article().unwrap();
        assert_eq!(article.time_zone.as_deref(), Some("Asia/Shanghai"));
        assert_eq!(article.outlet.as_deref(), Some("Xinhua"));
        let bad = ReportInput {
            time_zone: "Asia/Shangai".into(),
            ..input()
        };
        assert!(bad.article().unwrap_err().contains("not an IANA time zone"));
        let bad_url = ReportInput {
            url: "news.cn".into(),
            ..input()
        };
        assert!(bad_url.article().unwrap_err().contains("not a web address"));
    }

    #[test]
    fn report_files_are_text_in_utf8() {
        assert!(is_report_file(Path::new("/tmp/report.HTML")));
        assert!(is_report_file(Path::new("seed.txt")));
        assert!(!is_report_file(Path::new("talks.detente.ron")));
        assert!(
            report_text(b"a\0b", "x.txt")
                .unwrap_err()
                .contains("binary")
        );
        // Issue 15: UTF-16 and Windows-1252 reports are decoded.
        assert_eq!(report_text(&[0xff, 0xfe, 0x41, 0], "x.txt").unwrap(), "A");
        assert_eq!(report_text(b"Gen\xe8ve", "x.txt").unwrap(), "Genève");
        assert_eq!(
            report_text("\u{feff}Talks".as_bytes(), "x").unwrap(),
            "Talks"
        );
    }

    #[test]
    fn accepting_and_rejecting_a_whole_list() {
        let mut review = Review::new(input().article().unwrap(), proposals());
        assert_eq!(review.counts(Section::Claims), (1, 1));
        review.set_section(Section::Claims, false);
        assert_eq!(review.counts(Section::Claims), (0, 1));
        assert!(review.any_accepted());
        review.set_section(Section::Dates, false);
        review.set(
            ProposalRef {
                section: Section::Events,
                index: 0,
            },
            false,
        );
        assert!(!review.any_accepted());
        // An index past the list changes nothing, and is not accepted.
        let past = ProposalRef {
            section: Section::Events,
            index: 9,
        };
        review.set(past, true);
        assert!(!review.is_accepted(past));
    }
}
