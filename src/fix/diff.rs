//! The unified diff `check --diff` and `fmt --diff` print: what a command would write, shown
//! without writing it.

use std::path::Path;

/// The unified diff from `old` to `new` of the file at `path` (`--- a/path`, `+++ b/path`,
/// three lines of context, as `git diff` and `patch -p1` take it); empty when they are equal.
/// Line ends are kept as they are (a CRLF file's lines end in `\r\n` in the diff too). A
/// last line without a line break is marked as `diff` marks it.
pub fn unified(path: &Path, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let shown = path.display().to_string();
    let shown = shown.strip_prefix("./").unwrap_or(&shown);
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .missing_newline_hint(true)
        .header(&format!("a/{shown}"), &format!("b/{shown}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::unified;
    use std::path::Path;

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified(Path::new("m.lsm"), "a\n", "a\n"), "");
    }

    #[test]
    fn a_changed_line_is_shown_with_its_context() {
        let diff = unified(Path::new("./m.lsm"), "a\nb\nc\n", "a\nB\nc\n");
        assert_eq!(
            diff,
            "--- a/m.lsm\n+++ b/m.lsm\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
        );
    }
}
