//! Small text helpers shared by the renderers.

/// The text on one line, every run of whitespace made one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Greedy word wrap: lines of at most `width` characters (a longer word gets a line of its
/// own), each prefixed with `indent`. Digit groups (`1 200 000`) are never split.
pub fn wrap(s: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut len = 0;
    for word in words(s) {
        let word = word.as_str();
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

/// The words of a text, a number's digit groups kept together as one word.
fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in s.split_whitespace() {
        let group = w.len() >= 3
            && w.bytes().take(3).all(|b| b.is_ascii_digit())
            && !w.as_bytes().get(3).is_some_and(u8::is_ascii_digit);
        match out.last_mut() {
            Some(prev) if group && leads_group(prev) => {
                prev.push(' ');
                prev.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
    }
    out
}

/// Does a word end in one to three digits that a digit group may follow (`1`, `1 200`)?
fn leads_group(w: &str) -> bool {
    let last = w.rsplit(' ').next().unwrap_or(w);
    (1..=3).contains(&last.len()) && last.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries_counting_characters() {
        assert_eq!(wrap("æøå æøå æøå", 7, "  "), "  æøå æøå\n  æøå\n");
        assert_eq!(wrap("", 7, "  "), "");
        assert_eq!(wrap("enveldiglangtord x", 4, ""), "enveldiglangtord\nx\n");
        assert_eq!(wrap("er 1 200 000 NOK", 5, ""), "er\n1 200 000\nNOK\n");
        assert_eq!(wrap("i 2026 200 ganger", 6, ""), "i 2026\n200\nganger\n");
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(one_line("a\n  and b\tc "), "a and b c");
    }
}
