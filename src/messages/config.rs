//! The words of the `rammelab.toml` diagnostics, in both languages.

use super::Texts;
use crate::config::{ConfigErrorKind, Expected, FILE_NAME, KEYS};
use crate::vocab::Lang;

/// The keys the file takes, ticked: `` `at`, `lang`, ... ``.
fn keys() -> String {
    KEYS.iter()
        .map(|(k, _)| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn expected(e: &Expected, lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    match e {
        Expected::Date => if nb {
            "en dato, for eksempel `2027-01-01`"
        } else {
            "a date, such as `2027-01-01`"
        }
        .to_string(),
        Expected::OneOf(choices) => {
            let quoted: Vec<String> = choices.iter().map(|c| format!("`\"{c}\"`")).collect();
            let (last, rest) = quoted
                .split_last()
                .map_or(("", &[][..]), |(l, r)| (l.as_str(), r));
            let or = if nb { "eller" } else { "or" };
            format!("{} {or} {last}", rest.join(", "))
        }
        Expected::Bool => if nb {
            "`true` eller `false`"
        } else {
            "`true` or `false`"
        }
        .to_string(),
        Expected::Paths => if nb {
            "en sti eller en liste av stier i anførselstegn, relativt til filen"
        } else {
            "a path or a list of paths in quotes, relative to the file"
        }
        .to_string(),
    }
}

/// The texts of one error.
pub(super) fn texts(kind: &ConfigErrorKind, lang: Lang) -> Texts {
    let nb = lang == Lang::Nb;
    match kind {
        ConfigErrorKind::Toml(m) => if nb {
            Texts::new(format!("`{FILE_NAME}` er ikke gyldig TOML: {m}"), "her")
        } else {
            Texts::new(format!("`{FILE_NAME}` is not valid TOML: {m}"), "here")
        }
        .help(if nb {
            "skriv én nøkkel per linje: `nøkkel = verdi`, tekst i anførselstegn"
        } else {
            "write one key a line: `key = value`, text in quotes"
        }),
        ConfigErrorKind::UnknownKey { key, suggestion } => {
            let help = match (suggestion, nb) {
                (Some(s), true) => format!("mente du `{s}`? Filen tar {}", keys()),
                (Some(s), false) => format!("did you mean `{s}`? The file takes {}", keys()),
                (None, true) => format!("filen tar {}", keys()),
                (None, false) => format!("the file takes {}", keys()),
            };
            if nb {
                Texts::new(
                    format!("ukjent nøkkel `{key}` i `{FILE_NAME}`"),
                    "ukjent nøkkel",
                )
            } else {
                Texts::new(
                    format!("unknown key `{key}` in `{FILE_NAME}`"),
                    "unknown key",
                )
            }
            .help(help)
        }
        ConfigErrorKind::BadValue {
            key,
            found,
            expected: e,
        } => {
            let e = expected(e, lang);
            if nb {
                Texts::new(format!("`{key}` kan ikke være `{found}`"), "ugyldig verdi")
                    .help(format!("`{key}` tar {e}"))
            } else {
                Texts::new(format!("`{key}` cannot be `{found}`"), "not a valid value")
                    .help(format!("`{key}` takes {e}"))
            }
        }
        ConfigErrorKind::Unreadable(reason) => {
            if nb {
                Texts::new(format!("kunne ikke lese `{FILE_NAME}`: {reason}"), "her")
            } else {
                Texts::new(format!("could not read `{FILE_NAME}`: {reason}"), "here")
            }
        }
    }
}
