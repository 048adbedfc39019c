//! Plain text, Markdown and HTML reduced to an article's text, with what they say about the
//! publication: the headline, the date, the outlet, the URL; and the dateline of a wire report.

use jiff::civil;

use super::ArticleInput;
use crate::import::html_to_text;

/// Plain text. A first line "date YYYY-MM-DD Headline" (how the seed reports are kept)
/// gives the publication date and the headline; otherwise a short first line without a
/// full stop, followed by more text, is the headline.
pub(super) fn from_text(text: &str) -> ArticleInput {
    // Plain text is kept exactly as given, so that the offsets of `detente intake --json`
    // point into the file the caller has. The seed's "date YYYY-MM-DD" line stays in the
    // text as the headline's line; the stages know the headline from `headline`.
    let body = text.trim_start();
    let (first, rest) = body.split_once('\n').unwrap_or((body, ""));
    let first = first.trim_end_matches('\r');
    if let Some((date, headline)) = dated_first_line(first) {
        return ArticleInput {
            published: Some(date),
            headline: Some(headline.to_owned()),
            text: text.to_owned(),
            ..ArticleInput::default()
        };
    }
    // 200 characters: longer than any headline, shorter than most paragraphs.
    let first = first.trim();
    let headline =
        (!rest.trim().is_empty() && first.chars().count() <= 200 && !first.ends_with(['.', ':']))
            .then(|| first.to_owned());
    ArticleInput {
        text: text.to_owned(),
        headline,
        ..ArticleInput::default()
    }
}

/// "date 2025-12-18 US, Russian envoys to explore…" → (2025-12-18, the headline).
fn dated_first_line(line: &str) -> Option<(civil::Date, &str)> {
    let rest = line.trim().strip_prefix("date ")?;
    let (date, headline) = rest.split_once(' ')?;
    let date: civil::Date = date.parse().ok()?;
    let headline = headline.trim();
    (!headline.is_empty()).then_some((date, headline))
}

/// Markdown: headings' `#`, emphasis, block quotes and list marks dropped, links and images
/// kept as their text; the first heading is the headline. A front matter's `title:` and
/// `date:` give the headline and the date.
pub(super) fn from_markdown(text: &str) -> ArticleInput {
    let text = text.replace("\r\n", "\n");
    let mut input = ArticleInput::default();
    let mut body = text.trim_start();
    if let Some(after) = body.strip_prefix("---\n")
        && let Some(end) = after.find("\n---")
    {
        for line in after[..end].lines() {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().trim_matches(['"', '\'']);
            match key.trim() {
                "title" if !value.is_empty() => input.headline = Some(value.to_owned()),
                "date" => input.published = value.get(..10).and_then(|d| d.parse().ok()),
                _ => {}
            }
        }
        body = after[end + 4..].trim_start_matches(['-', '\n']);
    }
    let mut lines = Vec::new();
    let mut in_code = false;
    for line in body.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        let (heading, rest) = match trimmed.trim_start_matches('#') {
            rest if rest.len() < trimmed.len() && (rest.is_empty() || rest.starts_with(' ')) => {
                (true, rest)
            }
            _ => (false, trimmed),
        };
        let rest = rest.trim_start_matches('>').trim_start();
        let rest = ["- ", "* ", "+ "]
            .iter()
            .find_map(|m| rest.strip_prefix(m))
            .unwrap_or(rest);
        let plain = inline_markdown(rest.trim());
        if heading && input.headline.is_none() && !plain.is_empty() {
            input.headline = Some(plain.clone());
        }
        lines.push(plain);
    }
    let mut text = lines.join("\n").trim().to_owned();
    if let Some(headline) = &input.headline
        && !text.starts_with(headline.as_str())
    {
        text = format!("{headline}\n{text}");
    }
    input.text = text;
    input
}

/// `**bold**`, `_em_`, `[text](url)`, `![alt](url)` and `` `code` `` as their words.
fn inline_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at_edge = |j: usize| {
            let before = j.checked_sub(1).and_then(|k| chars.get(k));
            let after = chars.get(j + 1);
            before.is_none_or(|b| !b.is_alphanumeric())
                || after.is_none_or(|a| !a.is_alphanumeric())
        };
        match c {
            '*' | '`' => {}
            '_' if at_edge(i) => {}
            '!' if chars.get(i + 1) == Some(&'[') => {}
            '[' => {
                // "[text](url)": keep the text, drop the url.
                let close = chars[i..].iter().position(|&c| c == ']').map(|k| i + k);
                if let Some(close) = close
                    && chars.get(close + 1) == Some(&'(')
                    && let Some(end) = chars[close..].iter().position(|&c| c == ')')
                {
                    out.extend(
                        chars[i + 1..close]
                            .iter()
                            .filter(|c| !matches!(c, '*' | '`')),
                    );
                    i = close + end + 1;
                    continue;
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// HTML: the body's text; the headline from `og:title` or `<title>`; the date from
/// `article:published_time` (or `datePublished`); the outlet from `og:site_name`; the URL
/// from `og:url` or the canonical link.
pub(super) fn from_html(html: &str) -> ArticleInput {
    let lower = html.to_ascii_lowercase();
    let mut input = ArticleInput::default();
    let meta = |key: &str| meta_content(html, &lower, key);
    // The page's <title> often ends with the outlet ("… | The Courier"); the article's own
    // <h1> does not.
    input.headline = meta("og:title")
        .or_else(|| element_text(html, &lower, "h1"))
        .or_else(|| element_text(html, &lower, "title"));
    input.published = meta("article:published_time")
        .or_else(|| meta("datepublished"))
        .or_else(|| meta("date"))
        .and_then(|d| d.get(..10).and_then(|d| d.parse().ok()));
    input.outlet = meta("og:site_name");
    input.url = meta("og:url").or_else(|| canonical(html, &lower));
    // The head holds the title and scripts, not the report; the doctype is no text either.
    let body = match (
        lower.find("<head"),
        lower.find("</head>"),
        lower.find("<body"),
    ) {
        (_, _, Some(start)) => html[start..].to_owned(),
        (Some(start), Some(end), None) if start < end => {
            format!("{}{}", &html[..start], &html[end + "</head>".len()..])
        }
        _ => html.to_owned(),
    };
    let body = match body.to_ascii_lowercase().find("<!doctype") {
        Some(at) => {
            let end = body[at..].find('>').map_or(body.len(), |e| at + e + 1);
            format!("{}{}", &body[..at], &body[end..])
        }
        None => body,
    };
    let mut text = html_to_text(&body);
    if let Some(headline) = &input.headline {
        let head: String = text.chars().take(headline.chars().count() + 300).collect();
        if !head.contains(headline.as_str()) {
            text = format!("{headline}\n{text}");
        }
    }
    input.text = text;
    input
}

/// The `content` of `<meta property="KEY">` or `<meta name="KEY">`, decoded.
fn meta_content(html: &str, lower: &str, key: &str) -> Option<String> {
    let mut from = 0;
    while let Some(pos) = lower[from..].find("<meta") {
        let start = from + pos;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        from = end;
        let tag = &html[start..end];
        let names = [
            attribute(tag, "property"),
            attribute(tag, "name"),
            attribute(tag, "itemprop"),
        ];
        if names.iter().flatten().any(|n| n.eq_ignore_ascii_case(key)) {
            return attribute(tag, "content").filter(|c| !c.is_empty());
        }
    }
    None
}

fn canonical(html: &str, lower: &str) -> Option<String> {
    let mut from = 0;
    while let Some(pos) = lower[from..].find("<link") {
        let start = from + pos;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        from = end;
        let tag = &html[start..end];
        if attribute(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
            return attribute(tag, "href");
        }
    }
    None
}

/// The text of the first `<name>…</name>`.
fn element_text(html: &str, lower: &str, name: &str) -> Option<String> {
    let open = lower.find(&format!("<{name}"))?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find(&format!("</{name}"))?;
    let text = html_to_text(&html[start..end]);
    (!text.is_empty()).then_some(text)
}

/// `name="value"` (or single-quoted) in a tag's text, its entities decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name) {
        let at = from + pos;
        from = at + name.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value = tag[tag.len() - after.len() + 1..].trim_start();
        let raw = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value.split(char::is_whitespace).next().unwrap_or(""),
        };
        return Some(html_to_text(raw.trim()));
    }
    None
}

/// A wire dateline at the start of the body: "MIAMI, Dec 20, 2025 (Reuters) —" or
/// "WASHINGTON (AP) —": the outlet in brackets, and the date when it has a year (without
/// one the date is not a publication date to rely on: the analyst gives it).
pub(super) fn read_dateline(input: &mut ArticleInput) {
    let lines = input
        .text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .skip(usize::from(input.headline.is_some()))
        .take(2);
    for line in lines {
        // A dateline is short: 80 bytes hold "SHARM EL-SHEIKH, Egypt, Nov 30, 2025 (Reuters) —".
        let Some(dash) = ["—", "–", " - ", "--"]
            .iter()
            .filter_map(|d| line.find(d))
            .filter(|&i| i <= 80)
            .min()
        else {
            continue;
        };
        let prefix = line[..dash].trim();
        let place_word = prefix.split([',', ' ', '(']).next().unwrap_or("");
        let capitals = place_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && place_word.chars().all(|c| !c.is_lowercase());
        if !capitals {
            continue;
        }
        let (before_bracket, outlet) = match prefix.find('(') {
            Some(open) => (
                &prefix[..open],
                prefix[open + 1..].split(')').next().map(str::trim),
            ),
            None => (prefix, None),
        };
        if input.outlet.is_none() {
            input.outlet = outlet.filter(|o| !o.is_empty()).map(str::to_owned);
        }
        if input.published.is_none() {
            input.published = before_bracket
                .split_once(',')
                .and_then(|(_, date)| dateline_date(date));
        }
        return;
    }
}

/// "Dec 20, 2025", "December 20 2025", "20 December 2025" → the date; without a year, none.
fn dateline_date(text: &str) -> Option<civil::Date> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let month = words.iter().find_map(|w| month_number(w))?;
    let numbers: Vec<i32> = words.iter().filter_map(|w| w.parse().ok()).collect();
    let day = numbers.iter().find(|&&n| (1..=31).contains(&n))?;
    let year = numbers.iter().find(|&&n| n >= 1900)?;
    civil::Date::new(i16::try_from(*year).ok()?, month, i8::try_from(*day).ok()?).ok()
}

fn month_number(word: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = word.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| lower.starts_with(m))?;
    i8::try_from(index + 1).ok()
}
