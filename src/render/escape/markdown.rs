//! Markdown: inline text, table cells, code spans and link targets.
//!
//! Text from a model or a rule file goes into Markdown as inline text: whitespace (newlines too)
//! collapses to single spaces, so nothing can start a block (a heading, a list, a fence), and every
//! character with an inline meaning is escaped with a backslash, which CommonMark and GitHub
//! render as the character itself. `<` is escaped too, so no HTML tag survives.

/// Characters escaped with a backslash wherever they appear.
const SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '$', '#'];

/// Inline Markdown text: one line, specials escaped. A pair of backticks in the text (rule
/// texts write `data_processing` so) stays a code span: its content is shown literally anyway.
pub fn md(s: &str) -> String {
    let s = one_line(s);
    let mut out = String::with_capacity(s.len() + 8);
    for (code, part) in spans(&s) {
        if code {
            out.push('`');
            out.push_str(part);
            out.push('`');
            continue;
        }
        let mut rest = part;
        while let Some(c) = rest.chars().next() {
            if SPECIAL.contains(&c) || (c == '&' && looks_like_entity(rest)) {
                out.push('\\');
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    block_safe(out)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits text into plain parts and code spans (`(true, "x")` for `` `x` ``). Only a plain
/// pair of single backticks around a short, harmless text (letters, digits, spaces and
/// `_-.:/=,()+%§#@`) makes a code span, so a span can never hold markup or pair up with
/// backticks from a model's names in a way a Markdown renderer would read differently. Every
/// other backtick is plain text.
pub(super) fn spans(s: &str) -> Vec<(bool, &str)> {
    let mut out: Vec<(bool, &str)> = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'`' && (i == 0 || bytes[i - 1] != b'`') {
            if let Some(len) = s[i + 1..].find('`') {
                let close = i + 1 + len;
                let content = &s[i + 1..close];
                let lone_close = bytes.get(close + 1) != Some(&b'`');
                if lone_close && harmless(content) {
                    if plain_from < i {
                        out.push((false, &s[plain_from..i]));
                    }
                    out.push((true, content));
                    i = close + 1;
                    plain_from = i;
                    continue;
                }
            }
        }
        i += 1;
    }
    if plain_from < s.len() {
        out.push((false, &s[plain_from..]));
    }
    out
}

fn harmless(content: &str) -> bool {
    !content.trim().is_empty()
        && content.chars().count() <= 60
        && content
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || "_-.:/=,()+%§#@".contains(c))
}

/// Text that may stand at the start of a line must not open a list item or a setext heading.
fn block_safe(mut s: String) -> String {
    let opens = |rest: &str| rest.is_empty() || rest.starts_with([' ', '-', '=']);
    if s.starts_with(['-', '+', '=']) && opens(&s[1..]) {
        s.insert(0, '\\');
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && s[digits..].starts_with(['.', ')']) && opens(&s[digits + 1..]) {
        s.insert(digits, '\\');
    }
    s
}

/// `&amp;`, `&#60;`: an entity reference that Markdown would decode.
fn looks_like_entity(s: &str) -> bool {
    let body = &s[1..];
    let n = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .count();
    n > 0 && body[n..].starts_with(';')
}

/// A code span that holds any text: fenced with more backticks than the text has in a row.
pub fn code(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    if longest > 0 || s.starts_with(' ') {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

/// A table cell: `|` escaped, line breaks made spaces. The text is otherwise left as it is:
/// the tables of `diff`, `lab`, `rules list` and `vocab` hold ids, titles and descriptions a
/// reader wants verbatim (a description's `code` stays code).
pub fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// A table cell that may sit inside a code span (the step summary's): as [`cell`], on one
/// line, and a backtick made `'` so the span cannot end early.
pub fn code_cell(s: &str) -> String {
    cell(&one_line(s)).replace('`', "'")
}

/// A link target: only `http(s)` URLs are ever passed here; `(`, `)`, `<`, `>` and spaces are
/// percent-encoded so the link cannot end early.
pub fn url(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_is_one_line_with_specials_escaped() {
        assert_eq!(md("Tom & Jerry"), "Tom & Jerry");
        assert_eq!(md("a &amp; b"), r"a \&amp; b");
        assert_eq!(
            md("<script>alert(\"x\")</script>"),
            r#"\<script\>alert("x")\</script\>"#
        );
        assert_eq!(md("# heading\n- item"), r"\# heading - item");
        assert_eq!(md("- item"), r"\- item");
        assert_eq!(md("1. item"), r"1\. item");
        assert_eq!(md("2026.11"), "2026.11");
        assert_eq!(md("-5 %"), "-5 %");
        assert_eq!(md("---"), r"\---");
        assert_eq!(md("a | b"), r"a \| b");
        assert_eq!(md("Hjemmeboende   over 80 år"), "Hjemmeboende over 80 år");
    }

    #[test]
    fn backtick_pairs_stay_code_spans() {
        assert_eq!(md("set `basis: contract` now"), "set `basis: contract` now");
        assert_eq!(md("a ` b"), r"a \` b");
        assert_eq!(md("`<b>x</b>`"), r"\`\<b\>x\</b\>\`");
        assert_eq!(md("``` `a` ``"), r"\`\`\` `a` \`\`");
        assert_eq!(md("``a``"), r"\`\`a\`\`");
    }

    #[test]
    fn cells_keep_one_line_and_no_pipe() {
        assert_eq!(cell("a | b\n`c`"), r"a \| b `c`");
        assert_eq!(code_cell("a | b\n  `c`"), r"a \| b 'c'");
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code("doerbesok"), "`doerbesok`");
        assert_eq!(code("a`b"), "`` a`b ``");
    }

    #[test]
    fn urls_cannot_close_the_link() {
        assert_eq!(
            url("https://lovdata.no/x) [y](javascript:z"),
            "https://lovdata.no/x%29%20[y]%28javascript:z"
        );
    }
}
