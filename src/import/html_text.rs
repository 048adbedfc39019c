//! HTML reduced to plain text, links kept: what TimelineJS headlines and texts become.
//!
//! A small forgiving scanner rather than an HTML5 parser: slide texts are short fragments,
//! and all that is wanted is their words, their paragraphs and their links. Unclosed tags,
//! stray `<` and unknown entities come through as text; nothing here can fail. Entities are
//! decoded by `htmlize`, which knows all of HTML's.

use std::borrow::Cow;

/// Plain text of an HTML fragment. Paragraphs and line breaks become newlines, list items
/// start with "• ", and a link becomes "text (url)" unless its text is the url itself.
pub fn html_to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return collapse(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut links: Vec<Option<String>> = Vec::new();
    let mut link_start: Vec<usize> = Vec::new();
    let mut skip_until: Option<&'static str> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_until.is_none() {
                push_text(&mut out, rest);
            }
            break;
        };
        if skip_until.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        let after = &rest[lt + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(gt) = after.find('>') else {
            // A lone `<` with no tag after it is text.
            if skip_until.is_none() {
                push_text(&mut out, &rest[lt..]);
            }
            break;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() {
            // `< 3` or `<>`: not a tag.
            if skip_until.is_none() {
                push_text(&mut out, &format!("<{tag}>"));
            }
            continue;
        }
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        match (name.as_str(), closing) {
            ("script", false) => skip_until = Some("script"),
            ("style", false) => skip_until = Some("style"),
            ("br", _) => out.push('\n'),
            (
                "p" | "div" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr" | "ul"
                | "ol" | "table" | "section" | "article",
                _,
            ) => paragraph(&mut out),
            ("li", false) => {
                line(&mut out);
                out.push_str("• ");
            }
            ("li", true) => line(&mut out),
            ("td" | "th", true) => out.push(' '),
            ("a", false) => {
                links.push(attribute(tag, "href"));
                link_start.push(out.len());
            }
            ("a", true) => {
                if let (Some(href), Some(start)) = (links.pop(), link_start.pop())
                    && let Some(href) = href
                {
                    let text = out.get(start..).unwrap_or_default().trim();
                    let internal = href.starts_with('#') || href.starts_with("javascript:");
                    if !internal && !href.is_empty() && text != href {
                        if text.is_empty() {
                            out.push_str(&href);
                        } else {
                            out.push_str(&format!(" ({href})"));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    tidy(&out)
}

/// The decoded value of `name="…"` (or `'…'`, or unquoted) in a tag's text.
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
        let value_at = tag.len() - after.len() + 1;
        let value = tag[value_at..].trim_start();
        let raw = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value.split(char::is_whitespace).next().unwrap_or(""),
        };
        return Some(decode_attribute(raw.trim()).into_owned());
    }
    None
}

fn push_text(out: &mut String, text: &str) {
    let decoded = decode_entities(text);
    let mut last_space = out.is_empty() || out.ends_with([' ', '\n']);
    for c in decoded.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(if c == '\u{a0}' { ' ' } else { c });
            last_space = false;
        }
    }
}

fn line(out: &mut String) {
    trim_end_spaces(out);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn paragraph(out: &mut String) {
    trim_end_spaces(out);
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
}

fn trim_end_spaces(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

/// Trims each line and the whole, and keeps at most one blank line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

fn collapse(text: &str) -> String {
    let mut out = String::new();
    push_text(&mut out, text);
    tidy(&out)
}

/// Character references decoded as a browser decodes them in text: every named entity of
/// HTML (`&ccedil;`, `&euro;`, `&rarr;`), numeric ones (`&#233;`, `&#x2192;`) and the few
/// legacy names a browser takes without their semicolon (`&copy`). An unknown name stays as
/// written; a numeric reference to no character (`&#0;`, a surrogate) becomes U+FFFD, as in a
/// browser.
fn decode_entities(text: &str) -> Cow<'_, str> {
    htmlize::unescape(text)
}

/// As [`decode_entities`], for an attribute's value: there a legacy name without its
/// semicolon followed by a letter, digit or `=` stays as written, so that a link's
/// `?a=1&copy=2` keeps its `&copy`.
pub(crate) fn decode_attribute(text: &str) -> Cow<'_, str> {
    htmlize::unescape_attribute(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::timelinejs::text_to_html;

    #[test]
    fn paragraphs_links_and_entities() {
        let html = "<p>Take <a href=\"https://en.wikipedia.org/wiki/Ada_Lovelace\">Ada Lovelace</a>: \
                    Lord Byron&#39;s daughter &amp; more.</p><span class=\"tl-note\">A note.</span>";
        assert_eq!(
            html_to_text(html),
            "Take Ada Lovelace (https://en.wikipedia.org/wiki/Ada_Lovelace): Lord Byron's daughter & more.\n\nA note."
        );
    }

    #[test]
    fn every_html_entity_decodes() {
        assert_eq!(
            html_to_text("<p>Fran&ccedil;ois: &euro;5 &rarr; &#233;t&#xE9; &#x2192; &hearts;</p>"),
            "François: €5 → été → ♥"
        );
        // Unknown names stay as written; a reference to no character becomes U+FFFD.
        assert_eq!(html_to_text("&bogus; &#0;"), "&bogus; \u{fffd}");
        // In a link, `&copy=` is a URL's parameter, not ©; in text, `&copy` is ©.
        assert_eq!(
            html_to_text("<a href=\"https://x.example/?a=1&copy=2&amp;b\">see</a> &copy 2025"),
            "see (https://x.example/?a=1&copy=2&b) © 2025"
        );
    }

    #[test]
    fn timelinejs_slides_decode_every_entity() {
        let json = r#"{"events": [{"start_date": {"year": "2025", "month": "12", "day": "20"},
            "text": {"headline": "Talks in Gen&egrave;ve &rarr; Z&uuml;rich",
                     "text": "<p>Fran&ccedil;ais &euro;5, caf&#233; &#x2192; done</p>"}}]}"#;
        let imported = super::super::timelinejs::import(
            json,
            &crate::import::ImportOptions::named("slides.json"),
        )
        .expect("imports");
        let event = &imported.project.events[0];
        assert_eq!(event.title, "Talks in Genève → Zürich");
        assert_eq!(event.description.as_str(), "Français €5, café → done");
    }

    #[test]
    fn odd_input_comes_through_as_text() {
        assert_eq!(html_to_text("a < b && c"), "a < b && c");
        assert_eq!(html_to_text("x <3"), "x <3");
        assert_eq!(
            html_to_text("<b>bold</b><script>evil()</script> end"),
            "bold end"
        );
        assert_eq!(html_to_text("<a href='#top'>top</a>"), "top");
        assert_eq!(
            html_to_text("<ul><li>one</li><li>two</li></ul>"),
            "• one\n• two"
        );
    }

    #[test]
    fn text_to_html_round_trips() {
        for text in ["a & b < c", "line one\nline two", "\"quoted\" 'single'"] {
            assert_eq!(html_to_text(&text_to_html(text)), text);
        }
    }
}
