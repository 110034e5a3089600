//! The vocabulary as Markdown tables, for `rammelab vocab` and the language guide.

use std::fmt::Write as _;

use crate::render::escape::markdown::cell;
use crate::text;
use crate::vocab::{Dimension, ItemKind, Lang, ValueType, Vocabulary};

/// The words of the tables, read once from the catalogue.
struct Words {
    fields: String,
    terms: String,
    units: String,
    field_head: String,
    term_head: String,
    unit_head: String,
    required: String,
    periods: String,
}

fn words(lang: Lang) -> Words {
    let t = |key: &str| text!(lang, key);
    Words {
        fields: t("vocab-fields"),
        terms: t("vocab-terms"),
        units: t("vocab-units"),
        field_head: t("vocab-field-head"),
        term_head: t("vocab-term-head"),
        unit_head: t("vocab-unit-head"),
        required: t("vocab-required"),
        periods: t("vocab-periods"),
    }
}

/// Both names of something: the one of the language first (the id is the English name).
fn names<'a>(id: &'a str, nb: &'a str, lang: Lang) -> (&'a str, &'a str) {
    if lang == Lang::En {
        (id, nb)
    } else {
        (nb, id)
    }
}

fn dimension(d: Dimension, lang: Lang) -> &'static str {
    d.label(lang)
}

fn value_type(v: &ValueType, vocab: &Vocabulary, lang: Lang) -> String {
    let set = |s| vocab.term_set(s).label.get(lang).to_string();
    let or = format!(" {} ", text!(lang, "diag-or"));
    let kinds = |ks: &[ItemKind]| {
        ks.iter()
            .map(|k| format!("`{}`", k.noun(lang)))
            .collect::<Vec<_>>()
            .join(&or)
    };
    let dims = |ds: &[Dimension]| {
        ds.iter()
            .map(|d| dimension(*d, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match v {
        ValueType::Term(s) => text!(lang, "vocab-type-term", set = set(*s)),
        ValueType::Terms(s) => text!(lang, "vocab-type-terms", set = set(*s)),
        ValueType::Ref(k) => text!(lang, "vocab-type-ref", kinds = kinds(k)),
        ValueType::Refs(k) => text!(lang, "vocab-type-refs", kinds = kinds(k)),
        ValueType::String => text!(lang, "vocab-type-text"),
        ValueType::Number => text!(lang, "vocab-type-number"),
        ValueType::Integer => text!(lang, "vocab-type-integer"),
        ValueType::Percent => text!(lang, "vocab-type-percent"),
        ValueType::Date => text!(lang, "vocab-type-date"),
        ValueType::Bool => text!(lang, "vocab-type-bool"),
        ValueType::Quantity {
            dimensions,
            unit_from: None,
        } => text!(lang, "vocab-type-quantity", dimensions = dims(dimensions)),
        ValueType::Quantity {
            dimensions,
            unit_from: Some(from),
        } => {
            let f = vocab.field(*from);
            let (name, _) = names(&f.id, &f.nb, lang);
            text!(
                lang,
                "vocab-type-quantity-unit-from",
                dimensions = dims(dimensions),
                field = name,
            )
        }
    }
}

/// The fields of each item kind, the terms of each term set, and the units, as Markdown.
pub fn markdown(vocab: &Vocabulary, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    let _ = writeln!(out, "### {}\n", w.fields);
    for kind in ItemKind::ALL {
        let (first, second) = names(kind.keyword(), kind.keyword_nb(), lang);
        let _ = writeln!(out, "#### `{first}` (`{second}`)\n");
        let _ = writeln!(out, "{}", w.field_head);
        let _ = writeln!(out, "|---|---|---|---|---|");
        for (_, f) in vocab.fields_of(kind) {
            let (a, b) = names(&f.id, &f.nb, lang);
            let required = if f.required { w.required.as_str() } else { "" };
            let _ = writeln!(
                out,
                "| `{a}` | `{b}` | {} | {required} | {} |",
                cell(&value_type(&f.value, vocab, lang)),
                cell(f.description.get(lang)),
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "### {}\n", w.terms);
    for set in &vocab.term_sets {
        let _ = writeln!(out, "#### {} (`{}`)\n", set.label.get(lang), set.id);
        let _ = writeln!(out, "{}", w.term_head);
        let _ = writeln!(out, "|---|---|---|---|");
        for t in &set.terms {
            let (a, b) = names(&t.id, &t.nb, lang);
            let _ = writeln!(
                out,
                "| `{a}` | `{b}` | {} | {} |",
                cell(t.label.get(lang)),
                cell(t.description.get(lang)),
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "### {}\n", w.units);
    let _ = writeln!(out, "{}", w.unit_head);
    let _ = writeln!(out, "|---|---|---|---|");
    for u in &vocab.units {
        let (a, b) = names(&u.id, &u.nb, lang);
        let _ = writeln!(
            out,
            "| `{a}` | `{b}` | {} | {} |",
            dimension(u.dimension, lang),
            cell(u.label.get(lang)),
        );
    }
    let _ = writeln!(out, "\n{}", w.periods);
    out
}
