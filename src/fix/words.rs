//! The words of fixes, from the word catalogue (`locales/<lang>/fix.ftl`).

use std::path::Path;

use super::Applied;
use crate::text;
use crate::vocab::Lang;

/// The title of a fix: what it changes into what.
pub(super) fn title(old: &str, new: &str, lang: Lang) -> String {
    text!(lang, "fix-title", old = old, new = new)
}

/// One line of what `check --fix` changed in a file: `path:line:col: old → new`.
/// With `diff`, the change is one that would be made.
pub fn changed_line(path: &Path, applied: &Applied, diff: bool, lang: Lang) -> String {
    text!(
        lang,
        if diff {
            "fix-line-would"
        } else {
            "fix-line-fixed"
        },
        path = path.display().to_string(),
        line = applied.line.to_string(),
        column = applied.column.to_string(),
        old = &applied.old,
        new = &applied.new,
        code = applied.code.to_string()
    )
}

/// The closing line of `check --fix`: how many changes in how many files, or that there was
/// nothing to fix; with `diff`, that nothing was written.
pub fn summary_line(changes: usize, files: usize, diff: bool, lang: Lang) -> String {
    let key = match (changes, diff) {
        (0, _) => "fix-summary-nothing",
        (_, false) => "fix-summary-fixed",
        (_, true) => "fix-summary-would",
    };
    text!(lang, key, count = changes, files = files)
}
