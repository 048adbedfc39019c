//! HTML reduced to plain text, links kept: what TimelineJS headlines and texts become.
//!
//! A small forgiving scanner rather than an HTML5 parser: slide texts are short fragments,
//! and all that is wanted is their words, their paragraphs and their links. Unclosed tags,
//! stray `<` and unknown entities come through as text; nothing here can fail.

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
        return Some(decode_entities(raw.trim()));
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

/// Decodes character references: the XML five, common typographic names, and numeric ones.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| entity(&after[..end]).map(|c| (c, end)));
        if let Some((c, end)) = decoded {
            out.push(c);
            rest = &after[end + 1..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "szlig" => 'ß',
        _ => return None,
    })
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
