//! The words of the `rammelab.toml` diagnostics, from the word catalogue
//! (`locales/<lang>/config.ftl`).

use crate::base::words::{join, Texts};
use crate::config::{ConfigErrorKind, Expected, FILE_NAME, KEYS};
use crate::text;
use crate::vocab::Lang;

/// The keys the file takes, ticked: `` `at`, `lang`, ... ``.
fn keys() -> String {
    KEYS.iter()
        .map(|(k, _)| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn expected(e: &Expected, lang: Lang) -> String {
    match e {
        Expected::Date => text!(lang, "config-expected-date"),
        Expected::OneOf(choices) => {
            let quoted: Vec<String> = choices.iter().map(|c| format!("`\"{c}\"`")).collect();
            join(&quoted, &text!(lang, "diag-or"))
        }
        Expected::Bool => text!(lang, "config-expected-bool"),
        Expected::Paths => text!(lang, "config-expected-paths"),
    }
}

/// The texts of one error.
pub(super) fn texts(kind: &ConfigErrorKind, lang: Lang) -> Texts {
    match kind {
        ConfigErrorKind::Toml(m) => Texts::new(
            text!(lang, "config-error-toml", file = FILE_NAME, reason = m),
            text!(lang, "diag-label-here"),
        )
        .help(text!(lang, "config-help-toml")),
        ConfigErrorKind::UnknownKey { key, suggestion } => {
            let help = match suggestion {
                Some(s) => text!(
                    lang,
                    "config-help-unknown-key-suggest",
                    suggestion = s,
                    keys = keys()
                ),
                None => text!(lang, "config-help-unknown-key", keys = keys()),
            };
            Texts::new(
                text!(
                    lang,
                    "config-error-unknown-key",
                    key = key,
                    file = FILE_NAME
                ),
                text!(lang, "config-label-unknown-key"),
            )
            .help(help)
        }
        ConfigErrorKind::BadValue {
            key,
            found,
            expected: e,
        } => Texts::new(
            text!(lang, "config-error-bad-value", key = key, found = found),
            text!(lang, "config-label-bad-value"),
        )
        .help(text!(
            lang,
            "config-help-bad-value",
            key = key,
            expected = expected(e, lang)
        )),
        ConfigErrorKind::Unreadable(reason) => Texts::new(
            text!(
                lang,
                "config-error-unreadable",
                file = FILE_NAME,
                reason = reason
            ),
            text!(lang, "diag-label-here"),
        ),
    }
}
