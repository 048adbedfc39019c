//! TimelineJS3 JSON as both directions write and read it.

/// The key of Detente's own additions to a slide, which TimelineJS ignores: the exact EDTF
/// date, kind, status and every tag, so that an exported timeline reads back as it was.
pub const DETENTE_KEY: &str = "detente";

/// Plain text as HTML: escaped, with newlines as `<br>`. The importer's `html_to_text`
/// inverts it (its tests check the round trip).
pub fn text_to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_to_html_escapes_markup_and_keeps_line_breaks() {
        assert_eq!(
            text_to_html("<b>\"A\" & B</b>\nnext"),
            "&lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;<br>next"
        );
        assert_eq!(text_to_html("Genève 'talks'"), "Genève 'talks'");
    }
}
