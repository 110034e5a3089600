//! The words of errors in a model's meaning, from the word catalogue
//! (`locales/<lang>/model.ftl`). Messages are built from pieces the catalogue also holds (an
//! item kind with its article, a dimension, a value's shape), so that each language can bend
//! them its own way: `model-kind-this-actor` is "this actor" and «denne aktøren».

use crate::base::words::{self, join, ticked, Texts};
use crate::model::error::{ErrorKind, Expect, Role};
use crate::syntax::ast::{Arrow, Shape};
use crate::text;
use crate::vocab::{Dimension, ItemKind, Lang};

fn kind_id(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Model => "model",
        ItemKind::Actor => "actor",
        ItemKind::Service => "service",
        ItemKind::Flow => "flow",
        ItemKind::Agreement => "agreement",
    }
}

/// A piece of a message about an item kind: `model-kind-<form>-<kind>` (`a`: "an actor",
/// `this`: "this actor", `every`: "every actor", `keyword`: "actor").
fn kind_word(lang: Lang, form: &str, kind: ItemKind) -> String {
    words::text(lang, &format!("model-kind-{form}-{}", kind_id(kind)), &[])
}

/// "an actor or a service".
fn a_kinds(lang: Lang, kinds: &[ItemKind]) -> String {
    let names: Vec<String> = kinds.iter().map(|k| kind_word(lang, "a", *k)).collect();
    join(&names, &text!(lang, "diag-or"))
}

fn dimension_id(d: Dimension) -> &'static str {
    match d {
        Dimension::Money => "money",
        Dimension::Hours => "hours",
        Dimension::Persons => "persons",
        Dimension::Duration => "duration",
    }
}

/// "money (NOK)"
fn dimension(lang: Lang, d: Dimension) -> String {
    words::text(lang, &format!("model-dimension-{}", dimension_id(d)), &[])
}

/// "money"
fn dimension_noun(lang: Lang, d: Dimension) -> String {
    words::text(
        lang,
        &format!("model-dimension-noun-{}", dimension_id(d)),
        &[],
    )
}

fn dimensions(lang: Lang, ds: &[Dimension]) -> String {
    let names: Vec<String> = ds.iter().map(|d| dimension(lang, *d)).collect();
    join(&names, &text!(lang, "diag-or"))
}

fn shape(lang: Lang, s: Shape) -> String {
    let id = match s {
        Shape::Text => "text",
        Shape::Number => "number",
        Shape::Percent => "percent",
        Shape::Quantity => "quantity",
        Shape::Date => "date",
        Shape::Word => "word",
        Shape::List => "list",
        Shape::Invalid => "invalid",
    };
    words::text(lang, &format!("model-shape-{id}"), &[])
}

fn expect(lang: Lang, e: &Expect) -> String {
    match e {
        Expect::Term(set) => text!(lang, "model-expect-term", set = set.get(lang)),
        Expect::Terms(set) => text!(lang, "model-expect-terms", set = set.get(lang)),
        Expect::Ref(kinds) => text!(lang, "model-expect-ref", kinds = a_kinds(lang, kinds)),
        Expect::Refs(kinds) => text!(lang, "model-expect-refs", kinds = a_kinds(lang, kinds)),
        Expect::Text => text!(lang, "model-expect-text"),
        Expect::Number => text!(lang, "model-expect-number"),
        Expect::Integer => text!(lang, "model-expect-integer"),
        Expect::Percent => text!(lang, "model-expect-percent"),
        Expect::Date => text!(lang, "model-expect-date"),
        Expect::Bool => text!(lang, "model-expect-bool"),
        Expect::Quantity(ds) => {
            text!(
                lang,
                "model-expect-quantity",
                dimensions = dimensions(lang, ds)
            )
        }
    }
}

fn wrong_type_help(lang: Lang, expected: &Expect, found: Shape) -> Option<String> {
    let key = match (expected, found) {
        (Expect::Bool, _) => "model-wrong-type-help-bool",
        (Expect::Percent, Shape::Number) => "model-wrong-type-help-percent",
        (Expect::Quantity(_), Shape::Number) => "model-wrong-type-help-quantity",
        (Expect::Text, _) => "model-wrong-type-help-text",
        (Expect::Integer, _) => "model-wrong-type-help-integer",
        (Expect::Ref(_) | Expect::Refs(_), _) => "model-wrong-type-help-ref",
        (Expect::Term(_) | Expect::Terms(_), _) => "model-wrong-type-help-term",
        (Expect::Date, _) => "model-wrong-type-help-date",
        _ => return None,
    };
    Some(words::text(lang, key, &[]))
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The texts of a model error in `lang`: a variant's from `variant.rs`, a syntax error's from
/// the syntax stage, the rest from here.
pub fn texts(kind: &ErrorKind, lang: Lang) -> Texts {
    if let Some(t) = super::variant::texts(kind, lang) {
        return t;
    }
    if let ErrorKind::Syntax(kind) = kind {
        return crate::syntax::error_texts(kind, lang);
    }
    model_texts(kind, lang).unwrap_or_else(|| Texts::new(String::new(), String::new()))
}

/// The texts of `kind`; `None` for syntax errors and the errors of variants.
fn model_texts(kind: &ErrorKind, lang: Lang) -> Option<Texts> {
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
        ErrorKind::MissingId { kind } => Texts::new(
            text!(
                lang,
                "model-missing-id",
                this_kind = kind_word(lang, "this", *kind)
            ),
            text!(lang, "model-missing-id-label"),
        )
        .help(text!(
            lang,
            "model-missing-id-help",
            keyword = kind_word(lang, "keyword", *kind)
        )),
        ErrorKind::UnexpectedEnds { kind } => Texts::new(
            text!(
                lang,
                "model-unexpected-ends",
                a_kind = kind_word(lang, "a", *kind)
            ),
            text!(lang, "model-unexpected-ends-label"),
        ),
        ErrorKind::WrongItemKind {
            id,
            found,
            expected,
            role,
        } => {
            let a_kind = kind_word(lang, "a", *found);
            let label = text!(lang, "model-wrong-kind-label", a_kind = &a_kind);
            match role {
                Role::FlowFrom => Texts::new(
                    text!(lang, "model-wrong-kind-from", id = id, a_kind = &a_kind),
                    label,
                )
                .help(text!(lang, "model-wrong-kind-from-help")),
                Role::FlowTo => Texts::new(
                    text!(lang, "model-wrong-kind-to", id = id, a_kind = &a_kind),
                    label,
                ),
                Role::Party => Texts::new(
                    text!(lang, "model-wrong-kind-party", id = id, a_kind = &a_kind),
                    label,
                )
                .help(text!(lang, "model-wrong-kind-party-help")),
                Role::Field(f) => Texts::new(
                    text!(
                        lang,
                        "model-wrong-kind-field",
                        field = f,
                        kinds = a_kinds(lang, expected),
                        id = id,
                        a_kind = &a_kind
                    ),
                    label,
                ),
            }
        }
        ErrorKind::UnknownField {
            field,
            kind,
            suggestion,
            known,
        } => {
            let a_kind = kind_word(lang, "a", *kind);
            let takes = text!(
                lang,
                "model-unknown-field-takes",
                a_kind_capital = capital(&a_kind),
                fields = join(&ticked(known), &text!(lang, "diag-and"))
            );
            Texts::new(
                text!(lang, "model-unknown-field", a_kind = &a_kind, field = field),
                text!(lang, "model-unknown-field-label"),
            )
            .help(match suggestion {
                Some(s) => format!(
                    "{} {takes}",
                    text!(lang, "diag-did-you-mean", suggestion = s)
                ),
                None => takes,
            })
        }
        ErrorKind::MissingField { field, kind } => Texts::new(
            text!(
                lang,
                "model-missing-field",
                this_kind = kind_word(lang, "this", *kind),
                field = field,
                every_kind = kind_word(lang, "every", *kind)
            ),
            text!(lang, "model-missing-field-label", field = field),
        )
        .help(text!(lang, "model-missing-field-help", field = field)),
        ErrorKind::WrongType {
            field,
            expected,
            found,
        } => Texts::new(
            text!(
                lang,
                "model-wrong-type",
                field = field,
                expected = expect(lang, expected),
                found = shape(lang, *found)
            ),
            text!(lang, "model-wrong-type-label", found = shape(lang, *found)),
        )
        .maybe_help(wrong_type_help(lang, expected, *found)),
        ErrorKind::WrongUnit {
            field,
            unit,
            dimension: d,
            allowed,
        } => Texts::new(
            text!(
                lang,
                "model-wrong-unit",
                field = field,
                allowed = dimensions(lang, allowed),
                unit = unit,
                dimension = dimension(lang, *d)
            ),
            text!(
                lang,
                "model-wrong-unit-label",
                noun = dimension_noun(lang, *d)
            ),
        )
        .help(text!(
            lang,
            "model-wrong-unit-help",
            allowed = dimensions(lang, allowed)
        )),
        ErrorKind::NotAFile(what) => {
            Texts::new(text!(lang, "model-not-a-file", what = what.words(lang)), "")
                .help(text!(lang, "model-not-a-file-help"))
        }
        ErrorKind::UnitMismatch {
            field,
            unit,
            found: f,
            expected: e,
            term,
            example,
        } => {
            let found_noun = dimension_noun(lang, *f);
            let expected_phrase = words::text(
                lang,
                &format!("model-dimension-expected-{}", dimension_id(*e)),
                &[],
            );
            Texts::new(
                text!(
                    lang,
                    "model-unit-mismatch",
                    found_noun = &found_noun,
                    expected_phrase = &expected_phrase,
                    field = field,
                    unit = unit,
                    term = term,
                    dimension = dimension(lang, *e)
                ),
                text!(
                    lang,
                    "model-unit-mismatch-label",
                    found_noun = &found_noun,
                    expected_phrase = &expected_phrase
                ),
            )
            .help(text!(
                lang,
                "model-unit-mismatch-help",
                dimension = dimension(lang, *e),
                example = example
            ))
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
        let t = |k: &ErrorKind, l| model_texts(k, l).map(|t| all(&t)).unwrap_or_default();
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
        let missing = ErrorKind::MissingField {
            field: "f".into(),
            kind: ItemKind::Actor,
        };
        assert_eq!(
            t(&missing, Lang::Nb),
            "denne aktøren mangler feltet `f`, som alle aktører må ha | `f` mangler | legg til `f: ...` i elementet"
        );
        assert_eq!(
            t(&missing, Lang::En),
            "this actor lacks the field `f`, which every actor needs | `f` is missing | add `f: ...` to the item"
        );
        let syntax = ErrorKind::Syntax(crate::syntax::SyntaxErrorKind::TooComplex);
        assert_eq!(model_texts(&syntax, Lang::En), None);
    }
}
