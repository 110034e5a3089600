//! Mermaid: text inside a quoted label, and the YAML front matter's title.

/// Text inside a quoted Mermaid label: entity codes for the characters Mermaid or HTML would
/// read, and line breaks as spaces.
pub fn label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A YAML double-quoted string, for the front matter's title.
pub fn title(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
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
    fn labels_use_entity_codes_and_titles_are_yaml_strings() {
        assert_eq!(
            label("a \"b\" #1 <x> & y\nz"),
            "a #quot;b#quot; #35;1 #lt;x#gt; #amp; y z"
        );
        assert_eq!(title("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c \"");
    }
}
