//! An article's text from what the analyst gives: a `.txt`, `.html` or `.md` file, or pasted
//! text; with the publication date, outlet, headline and URL read from a dateline or the HTML
//! metadata when there is one.
//!
//! What is read is an [`ArticleInput`]: what was found, and (by [`ArticleInput::missing`])
//! what was not. The publication date is never guessed: without a dated dateline, metadata
//! or the analyst's date, [`ArticleInput::into_article`] refuses.

use std::fmt;

use jiff::civil;

use super::Article;
use crate::import::EncodingChoice;

mod english;
mod markup;

/// The largest input read: 5 MiB. A long news report is 2,000–10,000 words (15–70 KB of
/// text); a saved news page with its inline scripts and styles runs 0.5–3 MB of HTML. Past
/// 5 MiB the input is not one article (a 50 MB text is some 8 million words, a shelf of
/// books), and reading it would keep the analyst waiting for minutes at the pipeline's
/// 100 ms per 2,000 words.
pub const MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;

/// What the input is, from the file's extension (pasted text is `Text`, or `Html` when it
/// starts like a page).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputKind {
    #[default]
    Text,
    Html,
    Markdown,
}

impl InputKind {
    /// From a file name's extension: `.html`/`.htm` and `.md`/`.markdown`; anything else is
    /// text.
    pub fn of_path(path: &std::path::Path) -> Self {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Self::Html,
            "md" | "markdown" => Self::Markdown,
            _ => Self::Text,
        }
    }
}

/// What was read from the input, before the analyst fills in what is missing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleInput {
    /// Plain text: the headline (when there is one) as its first line, then the body.
    pub text: String,
    pub headline: Option<String>,
    /// From a dated dateline, the HTML metadata, or the seed's "date YYYY-MM-DD" line.
    pub published: Option<civil::Date>,
    /// IANA time zone, when the metadata names one.
    pub time_zone: Option<String>,
    /// From a dateline's "(Reuters)" or the page's `og:site_name`.
    pub outlet: Option<String>,
    /// The page's `og:url` or canonical link.
    pub url: Option<String>,
}

/// Why an input gives no article. Each message says what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleError {
    Empty,
    Binary,
    TooLarge {
        bytes: usize,
    },
    NotEnglish,
    NoDate,
    /// The bytes are not text in the encoding chosen (`--encoding`): why, and where.
    Encoding(String),
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the article is empty: paste or open a report's text"),
            Self::Binary => write!(
                f,
                "this is not text (it holds binary data or is not UTF-8): open a .txt, .html or .md file"
            ),
            Self::TooLarge { bytes } => write!(
                f,
                "the input is {:.1} MB, more than one article ({} MB at most): open the report alone",
                mb(*bytes),
                MAX_ARTICLE_BYTES / (1024 * 1024)
            ),
            Self::NotEnglish => write!(
                f,
                "the text does not look like English (too few English words such as \"the\", \"of\", \"said\"): intake reads English reports only"
            ),
            Self::Encoding(why) => f.write_str(why),
            Self::NoDate => write!(
                f,
                "the publication date is unknown: give it (YYYY-MM-DD); relative dates such as \"this weekend\" are read against it"
            ),
        }
    }
}

impl std::error::Error for ArticleError {}

#[allow(clippy::cast_precision_loss)] // a size shown to one decimal
fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_000_000.0
}

/// Reads a file's bytes (or pasted text's) as an article of `kind`, in the encoding
/// detected from them (UTF-8, UTF-16, Windows-1252 …).
pub fn read_bytes(bytes: &[u8], kind: InputKind) -> Result<ArticleInput, ArticleError> {
    read_bytes_in(bytes, kind, EncodingChoice::Auto)
}

/// [`read_bytes`] in the encoding `encoding` says (`detente intake --encoding`).
pub fn read_bytes_in(
    bytes: &[u8],
    kind: InputKind,
    encoding: EncodingChoice,
) -> Result<ArticleInput, ArticleError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge { bytes: bytes.len() });
    }
    // A NUL byte never occurs in text, except as every other byte of UTF-16.
    if crate::import::encoding::utf16_of(bytes).is_none() && bytes.contains(&0) {
        return Err(ArticleError::Binary);
    }
    let decoded = crate::import::encoding::decode(bytes, encoding)
        .map_err(|err| ArticleError::Encoding(err.to_string()))?;
    if decoded.text.contains('\0') {
        return Err(ArticleError::Binary);
    }
    read_text(&decoded.text, kind)
}

/// Reads text (a file's, or pasted) as an article of `kind`; pasted text that starts like a
/// page is read as HTML whatever `kind` says.
pub fn read_text(text: &str, kind: InputKind) -> Result<ArticleInput, ArticleError> {
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}');
    let head = text
        .trim_start()
        .get(..15)
        .unwrap_or("")
        .to_ascii_lowercase();
    let kind = if head.starts_with("<!doctype html") || head.starts_with("<html") {
        InputKind::Html
    } else {
        kind
    };
    let mut input = match kind {
        InputKind::Html => markup::from_html(text),
        InputKind::Markdown => markup::from_markdown(text),
        InputKind::Text => markup::from_text(text),
    };
    if input.text.trim().is_empty() {
        return Err(ArticleError::Empty);
    }
    if !english::looks_english(&input.text) {
        return Err(ArticleError::NotEnglish);
    }
    markup::read_dateline(&mut input);
    Ok(input)
}

impl ArticleInput {
    /// What was not found, for the dialog to ask: "publication date" (required: without it
    /// [`Self::into_article`] refuses) and "outlet" (optional: without it the URL's host,
    /// or "Unnamed outlet", names the source).
    pub fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.published.is_none() {
            out.push("publication date");
        }
        if self.outlet.is_none() {
            out.push("outlet");
        }
        out
    }

    /// The article to read, with the analyst's publication date when given (it wins over
    /// the one found), and the analyst's outlet likewise.
    pub fn into_article(
        self,
        published: Option<civil::Date>,
        outlet: Option<String>,
    ) -> Result<Article, ArticleError> {
        let published = published.or(self.published).ok_or(ArticleError::NoDate)?;
        Ok(Article {
            text: self.text,
            published,
            time_zone: self.time_zone,
            outlet: outlet.or(self.outlet),
            url: self.url,
            headline: self.headline,
        })
    }
}

#[cfg(test)]
mod tests;
