//! Small text helpers shared by the renderers.

/// The text on one line, every run of whitespace made one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Greedy word wrap: lines of at most `width` characters (a longer word gets a line of its
/// own), each prefixed with `indent`.
pub fn wrap(s: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut len = 0;
    for word in s.split_whitespace() {
        let w = word.chars().count();
        if len > 0 && len + 1 + w > width {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += w;
    }
    if len > 0 {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries_counting_characters() {
        assert_eq!(wrap("æøå æøå æøå", 7, "  "), "  æøå æøå\n  æøå\n");
        assert_eq!(wrap("", 7, "  "), "");
        assert_eq!(wrap("enveldiglangtord x", 4, ""), "enveldiglangtord\nx\n");
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(one_line("a\n  and b\tc "), "a and b c");
    }
}
