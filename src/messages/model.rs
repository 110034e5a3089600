//! The words of errors in a model's meaning, from the word catalogue
//! (`locales/<lang>/model.ftl`). The kinds not yet moved there (those whose words depend on
//! the grammar of item kinds, dimensions and value shapes) are still written in `en.rs` and
//! `nb.rs`, which [`super::model`] asks when this gives `None`.

use super::{join, ticked, Texts};
use crate::model::error::ErrorKind;
use crate::syntax::ast::Arrow;
use crate::text;
use crate::vocab::{ItemKind, Lang};

/// The texts of `kind` from the catalogue, or `None` when its words are still in the tables.
pub(super) fn texts(kind: &ErrorKind, lang: Lang) -> Option<Texts> {
    let t = match kind {
        ErrorKind::Unreadable { reason } => {
            Texts::new(text!(lang, "model-unreadable", reason = reason), "")
        }
        ErrorKind::NotUtf8 => Texts::new(
            text!(lang, "model-not-utf8"),
            text!(lang, "model-not-utf8-label"),
        )
        .help(text!(lang, "model-not-utf8-help")),
        ErrorKind::MissingModel => Texts::new(
            text!(lang, "model-missing-model"),
            text!(lang, "model-missing-model-label"),
        )
        .help(text!(lang, "model-missing-model-help")),
        ErrorKind::DuplicateModel => Texts::new(
            text!(lang, "model-duplicate-model"),
            text!(lang, "model-duplicate-model-label"),
        )
        .help(text!(lang, "model-duplicate-model-help")),
        ErrorKind::ModelWithId { id } => Texts::new(
            text!(lang, "model-with-id"),
            text!(lang, "model-with-id-label", id = id),
        )
        .help(text!(lang, "model-write-model")),
        ErrorKind::MissingName => Texts::new(
            text!(lang, "model-missing-name"),
            text!(lang, "model-missing-name-label"),
        )
        .help(text!(lang, "model-write-model")),
        ErrorKind::MissingEnds { kind, .. } => match kind {
            ItemKind::Agreement => Texts::new(
                text!(lang, "model-missing-parties"),
                text!(lang, "model-missing-parties-label"),
            )
            .help(text!(lang, "model-missing-parties-help")),
            _ => Texts::new(
                text!(lang, "model-missing-route"),
                text!(lang, "model-missing-route-label"),
            )
            .help(text!(lang, "model-missing-route-help")),
        },
        ErrorKind::WrongArrow { found, .. } => match found {
            Arrow::Agreement => Texts::new(
                text!(lang, "model-flow-arrow"),
                text!(lang, "model-flow-arrow-label"),
            )
            .help(text!(lang, "model-flow-arrow-help")),
            Arrow::Flow => Texts::new(
                text!(lang, "model-agreement-arrow"),
                text!(lang, "model-agreement-arrow-label"),
            )
            .help(text!(lang, "model-agreement-arrow-help")),
        },
        ErrorKind::DuplicateId { id } => Texts::new(
            text!(lang, "model-duplicate-id", id = id),
            text!(lang, "model-duplicate-id-label", id = id),
        )
        .help(text!(lang, "model-duplicate-id-help")),
        ErrorKind::UnknownReference { id, suggestion } => Texts::new(
            text!(lang, "model-unknown-reference", id = id),
            text!(lang, "model-unknown-reference-label"),
        )
        .help(match suggestion {
            Some(s) => text!(lang, "diag-did-you-mean", suggestion = s),
            None => text!(lang, "model-unknown-reference-help", id = id),
        }),
        ErrorKind::DuplicateField { field } => Texts::new(
            text!(lang, "model-duplicate-field", field = field),
            text!(lang, "model-duplicate-field-label"),
        )
        .help(text!(lang, "model-duplicate-field-help")),
        ErrorKind::NotAList { field, example } => Texts::new(
            text!(lang, "model-not-a-list", field = field),
            text!(lang, "model-not-a-list-label"),
        )
        .help(match example {
            Some(e) => text!(lang, "model-not-a-list-help", field = field, example = e),
            None => text!(lang, "model-not-a-list-help-one"),
        }),
        ErrorKind::UnknownTerm {
            term,
            field,
            set,
            suggestion,
            known,
        } => Texts::new(
            text!(lang, "model-unknown-term", term = term, set = set.get(lang)),
            text!(lang, "model-unknown-term-label"),
        )
        .help(match suggestion {
            Some(s) => text!(lang, "diag-did-you-mean", suggestion = s),
            None if !known.is_empty() && known.len() <= 15 => text!(
                lang,
                "model-unknown-term-help",
                field = field,
                terms = join(&ticked(known), &text!(lang, "diag-or"))
            ),
            None => text!(lang, "model-unknown-term-help-vocab", field = field),
        }),
        ErrorKind::UnknownUnit {
            unit,
            suggestion,
            known,
        } => Texts::new(
            text!(lang, "model-unknown-unit", unit = unit),
            text!(lang, "model-unknown-unit-label"),
        )
        .help(match suggestion {
            Some(s) => text!(lang, "diag-did-you-mean", suggestion = s),
            None => text!(
                lang,
                "model-unknown-unit-help",
                units = join(&ticked(known), &text!(lang, "diag-and"))
            ),
        }),
        ErrorKind::UnknownPeriod { period } => Texts::new(
            text!(lang, "model-unknown-period", period = period),
            text!(lang, "model-unknown-period-label"),
        )
        .help(text!(lang, "model-unknown-period-help")),
        ErrorKind::DependsOnCycle { cycle } => {
            let (a, b) = (
                cycle.first().cloned().unwrap_or_default(),
                cycle.get(1).cloned().unwrap_or_default(),
            );
            Texts::new(
                text!(lang, "model-depends-on-cycle", path = cycle.join(" -> ")),
                text!(lang, "diag-note-depends-on", from = a, to = b),
            )
            .help(text!(lang, "model-depends-on-cycle-help"))
        }
        _ => return None,
    };
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Text;

    fn all(t: &Texts) -> String {
        format!(
            "{} | {} | {}",
            t.message,
            t.label,
            t.help.clone().unwrap_or_default()
        )
    }

    /// The catalogue fills in ids, lists and the term set's name in each language. (When the
    /// words moved here, every kind was compared word for word with the old tables.)
    #[test]
    fn texts_in_both_languages() {
        let term = ErrorKind::UnknownTerm {
            term: "x".into(),
            field: "f".into(),
            set: Text {
                nb: "ressurs".into(),
                en: "resource".into(),
            },
            suggestion: None,
            known: vec!["a".into(), "b".into(), "c".into()],
        };
        let t = |k: &ErrorKind, l| texts(k, l).map(|t| all(&t)).unwrap_or_default();
        assert_eq!(
            t(&term, Lang::En),
            "`x` is not a known resource | unknown term | `f` takes `a`, `b` or `c`"
        );
        assert_eq!(
            t(&term, Lang::Nb),
            "`x` er ikke et kjent begrep for ressurs | ukjent begrep | `f` tar `a`, `b` eller `c`"
        );
        let dup = ErrorKind::DuplicateId { id: "a".into() };
        assert_eq!(
            t(&dup, Lang::Nb),
            "id-en `a` er brukt to ganger | `a` brukt på nytt | gi hvert element sin egen id"
        );
        let cycle = ErrorKind::DependsOnCycle {
            cycle: vec!["a".into(), "b".into(), "a".into()],
        };
        assert!(t(&cycle, Lang::En).contains("`a -> b -> a` | `a` depends on `b`"));
        assert_eq!(
            texts(
                &ErrorKind::MissingId {
                    kind: ItemKind::Actor
                },
                Lang::En
            ),
            None
        );
    }
}
