//! Graphviz DOT: every id and label is written as a quoted string.

/// A DOT string: quoted, with `"` and `\` escaped and line breaks as `\n`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(quote("a \"b\" \\ c\r\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
    }
}
