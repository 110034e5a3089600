//! The studio's words, from the word catalogue (`locales/<lang>/studio.ftl`, keys
//! `studio-<key>`). The page gets the table of its language as JSON.

use std::collections::BTreeMap;

use crate::vocab::Lang;

/// The keys of the page's words (the page names them with `_`, the catalogue with `-`).
const KEYS: &[&str] = &[
    "title",
    "skip",
    "workspace",
    "model",
    "date",
    "overlays",
    "language",
    "language_hint",
    "editor",
    "save",
    "saved",
    "unsaved",
    "changed_on_disk",
    "changed_on_disk_dirty",
    "reload",
    "diagnostics",
    "no_diagnostics",
    "line",
    "column",
    "fix",
    "findings",
    "barriers",
    "opportunities",
    "services",
    "no_barriers",
    "blocked",
    "at_risk",
    "ok",
    "blocked_by",
    "via",
    "graph",
    "zoom_in",
    "zoom_out",
    "zoom_reset",
    "focus",
    "focus_none",
    "details",
    "details_hint",
    "source",
    "remedy",
    "explain",
    "blocks",
    "lab",
    "lab_run",
    "unlock",
    "unlocks",
    "report",
    "report_html",
    "report_md",
    "print",
    "present",
    "read_only",
    "working",
    "error",
];

/// The codes of API refusals that have their own words; any other is an internal error.
const ERRORS: &[&str] = &[
    "host",
    "origin",
    "token",
    "path",
    "too-large",
    "malformed",
    "date",
    "lang",
    "format",
    "read-only",
    "not-utf8",
    "unreadable",
    "model",
    "write",
    "not-found",
];

/// Every word of the page in `lang`, by key.
pub fn table(lang: Lang) -> BTreeMap<&'static str, String> {
    KEYS.iter()
        .map(|k| (*k, crate::base::words::text(lang, &catalogue_key(k), &[])))
        .collect()
}

/// The words of an API refusal, by code: (bokmål, English).
pub fn error(code: &str) -> (String, String) {
    let code = if ERRORS.contains(&code) {
        code
    } else {
        "internal"
    };
    let key = format!("studio-error-{code}");
    (
        crate::base::words::text(Lang::Nb, &key, &[]),
        crate::base::words::text(Lang::En, &key, &[]),
    )
}

fn catalogue_key(key: &str) -> String {
    format!("studio-{}", key.replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_there_in_both_languages() {
        for lang in [Lang::Nb, Lang::En] {
            for k in KEYS {
                assert!(crate::base::words::has(lang, &catalogue_key(k)), "{k}");
            }
            for code in ERRORS.iter().chain(&["internal"]) {
                assert!(
                    crate::base::words::has(lang, &format!("studio-error-{code}")),
                    "{code}"
                );
            }
            assert_eq!(table(lang).len(), KEYS.len(), "a key twice");
        }
    }
}
