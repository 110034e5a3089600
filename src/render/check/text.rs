//! Small text helpers shared by the renderers.

/// The text on one line, every run of whitespace made one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Greedy word wrap (textwrap's first fit): lines of at most `width` characters (a longer word
/// gets a line of its own, unbroken), each prefixed with `indent` and ended by a newline. Every
/// run of whitespace counts as one space, and digit groups (`1 200 000`) are never split.
pub fn wrap(s: &str, width: usize, indent: &str) -> String {
    let s = one_line(s);
    if s.is_empty() {
        return String::new();
    }
    let options = textwrap::Options::new(width.max(1))
        .break_words(false)
        .word_separator(textwrap::WordSeparator::Custom(digit_groups_kept));
    let mut out = String::with_capacity(s.len() + 16);
    for line in textwrap::wrap(&s, options) {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Splits a line (one space between words) into textwrap's words, keeping a number's digit
/// groups together as one word. Each word keeps its trailing space, as textwrap expects.
fn digit_groups_kept(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let mut words: Vec<textwrap::core::Word<'_>> = Vec::new();
    // The word being built: from `from` to `to` (bytes).
    let mut current: Option<(usize, usize)> = None;
    for (at, part) in words_with_offsets(line) {
        current = match current {
            Some((from, to)) if starts_group(part) && leads_group(&line[from..to]) => {
                Some((from, at + part.len()))
            }
            Some((from, _)) => {
                words.push(textwrap::core::Word::from(&line[from..at]));
                Some((at, at + part.len()))
            }
            None => Some((at, at + part.len())),
        };
    }
    if let Some((from, _)) = current {
        words.push(textwrap::core::Word::from(&line[from..]));
    }
    Box::new(words.into_iter())
}

/// The words of a line with their byte offsets.
fn words_with_offsets(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// Does a word open a digit group (three digits, not four)?
fn starts_group(w: &str) -> bool {
    w.len() >= 3
        && w.bytes().take(3).all(|b| b.is_ascii_digit())
        && !w.as_bytes().get(3).is_some_and(u8::is_ascii_digit)
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
