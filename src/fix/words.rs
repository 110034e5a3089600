//! The words of fixes, in bokmål and English.

use std::path::Path;

use super::Applied;
use crate::vocab::Lang;

/// The title of a fix: what it changes into what.
pub(super) fn title(old: &str, new: &str, lang: Lang) -> String {
    match lang {
        Lang::Nb => format!("Endre `{old}` til `{new}`"),
        Lang::En => format!("Change `{old}` to `{new}`"),
    }
}

/// One line of what `check --fix` changed in a file: `path:line:col: old → new`.
pub fn changed_line(path: &Path, applied: &Applied, lang: Lang) -> String {
    let verb = match lang {
        Lang::Nb => "rettet",
        Lang::En => "fixed",
    };
    format!(
        "{}:{}:{}: {verb} `{}` → `{}` [{}]",
        path.display(),
        applied.line,
        applied.column,
        applied.old,
        applied.new,
        applied.code
    )
}

/// The closing line of `check --fix`: how many changes in how many files, or that there was
/// nothing to fix; with `diff`, that nothing was written.
pub fn summary_line(changes: usize, files: usize, diff: bool, lang: Lang) -> String {
    match (lang, changes, diff) {
        (Lang::Nb, 0, _) => "ingenting å rette automatisk".to_string(),
        (Lang::En, 0, _) => "nothing to fix automatically".to_string(),
        (Lang::Nb, n, false) => format!("rettet {n} {} i {files} {}", plural_nb(n, "feil", "feil"), plural_nb(files, "fil", "filer")),
        (Lang::En, n, false) => format!("fixed {n} {} in {files} {}", plural_en(n, "error"), plural_en(files, "file")),
        (Lang::Nb, n, true) => format!("{n} {} i {files} {} kan rettes; ingenting er skrevet (uten `--diff` skrives rettelsene)", plural_nb(n, "feil", "feil"), plural_nb(files, "fil", "filer")),
        (Lang::En, n, true) => format!("{n} {} in {files} {} can be fixed; nothing was written (without `--diff` the fixes are written)", plural_en(n, "error"), plural_en(files, "file")),
    }
}

fn plural_nb(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn plural_en(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}
