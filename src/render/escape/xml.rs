//! HTML and XML: one escaper for SVG, JUnit and every HTML page. The same five characters are
//! escaped as minijinja's HTML autoescape escapes them, so a page reads alike whether a text went
//! through a template or through Rust; control characters XML 1.0 cannot carry are dropped.

/// Text for XML or HTML content and attribute values: `&`, `<`, `>`, `"` and `'` escaped, the
/// control characters XML 1.0 forbids (all below U+0020 but tab, line feed and carriage return,
/// and U+FFFE, U+FFFF) dropped.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_text(&mut out, s);
    out
}

fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// Inline HTML text from a rule (a message, a remedy): escaped as [`text`], with a pair of
/// backticks around a short, harmless word shown as `<code>` (the same spans the Markdown keeps
/// as code, see [`super::markdown::md`]).
pub fn rich(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for (code, part) in super::markdown::spans(s) {
        if code {
            out.push_str("<code>");
        }
        push_text(&mut out, part);
        if code {
            out.push_str("</code>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            text("a<b & \"c\" 'd'>\u{1}æ\u{FFFF}\tx"),
            "a&lt;b &amp; &quot;c&quot; &#x27;d&#x27;&gt;æ\tx"
        );
    }

    #[test]
    fn backtick_pairs_become_code() {
        assert_eq!(
            rich("set `basis: contract` & \"go\""),
            "set <code>basis: contract</code> &amp; &quot;go&quot;"
        );
        assert_eq!(rich("`<b>`"), "`&lt;b&gt;`");
    }
}
