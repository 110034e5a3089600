//! The vocabulary as Markdown tables, for `rammelab vocab` and the language guide.

use std::fmt::Write as _;

use crate::render::escape::markdown::cell;
use crate::vocab::{Dimension, ItemKind, Lang, ValueType, Vocabulary};

struct Words {
    fields: &'static str,
    terms: &'static str,
    units: &'static str,
    field_head: &'static str,
    term_head: &'static str,
    unit_head: &'static str,
    required: &'static str,
    periods: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            fields: "Fields",
            terms: "Terms",
            units: "Units",
            field_head: "| Field | Norwegian | Value | Required | Description |",
            term_head: "| Term | Norwegian | Label | Description |",
            unit_head: "| Unit | Norwegian | Measures | Label |",
            required: "yes",
            periods: "Periods: `per year` (`per år`), `per month` (`per måned`).",
        },
        Lang::Nb => Words {
            fields: "Felt",
            terms: "Begreper",
            units: "Enheter",
            field_head: "| Felt | Engelsk | Verdi | Påkrevd | Beskrivelse |",
            term_head: "| Begrep | Engelsk | Navn | Beskrivelse |",
            unit_head: "| Enhet | Engelsk | Måler | Navn |",
            required: "ja",
            periods: "Perioder: `per år` (`per year`), `per måned` (`per month`).",
        },
    }
}

/// Both names of something: the one of the language first.
fn names<'a>(id: &'a str, nb: &'a str, lang: Lang) -> (&'a str, &'a str) {
    match lang {
        Lang::En => (id, nb),
        Lang::Nb => (nb, id),
    }
}

fn dimension(d: Dimension, lang: Lang) -> &'static str {
    d.label(lang)
}

fn value_type(v: &ValueType, vocab: &Vocabulary, lang: Lang) -> String {
    let set = |s| vocab.term_set(s).label.get(lang).to_string();
    let kinds = |ks: &[ItemKind]| {
        ks.iter()
            .map(|k| format!("`{}`", k.noun(lang)))
            .collect::<Vec<_>>()
            .join(match lang {
                Lang::En => " or ",
                Lang::Nb => " eller ",
            })
    };
    let dims = |ds: &[Dimension]| {
        ds.iter()
            .map(|d| dimension(*d, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (v, lang) {
        (ValueType::Term(s), Lang::En) => format!("a term: {}", set(*s)),
        (ValueType::Term(s), Lang::Nb) => format!("et begrep: {}", set(*s)),
        (ValueType::Terms(s), Lang::En) => format!("terms, a list: {}", set(*s)),
        (ValueType::Terms(s), Lang::Nb) => format!("begreper, en liste: {}", set(*s)),
        (ValueType::Ref(k), Lang::En) => format!("the id of an item: {}", kinds(k)),
        (ValueType::Ref(k), Lang::Nb) => format!("id-en til et element: {}", kinds(k)),
        (ValueType::Refs(k), Lang::En) => format!("ids, a list: {}", kinds(k)),
        (ValueType::Refs(k), Lang::Nb) => format!("id-er, en liste: {}", kinds(k)),
        (ValueType::String, Lang::En) => "text".into(),
        (ValueType::String, Lang::Nb) => "tekst".into(),
        (ValueType::Number, Lang::En) => "a number".into(),
        (ValueType::Number, Lang::Nb) => "et tall".into(),
        (ValueType::Integer, Lang::En) => "a whole number".into(),
        (ValueType::Integer, Lang::Nb) => "et heltall".into(),
        (ValueType::Percent, Lang::En) => "a percentage".into(),
        (ValueType::Percent, Lang::Nb) => "en prosentsats".into(),
        (ValueType::Date, Lang::En) => "a date".into(),
        (ValueType::Date, Lang::Nb) => "en dato".into(),
        (ValueType::Bool, Lang::En) => "`yes` or `no`".into(),
        (ValueType::Bool, Lang::Nb) => "`ja` eller `nei`".into(),
        (
            ValueType::Quantity {
                dimensions,
                unit_from,
            },
            _,
        ) => {
            let mut s = match lang {
                Lang::En => format!("a quantity: {}", dims(dimensions)),
                Lang::Nb => format!("en mengde: {}", dims(dimensions)),
            };
            if let Some(from) = unit_from {
                let f = vocab.field(*from);
                let (name, _) = names(&f.id, &f.nb, lang);
                match lang {
                    Lang::En => {
                        let _ = write!(s, " (the unit follows `{name}`)");
                    }
                    Lang::Nb => {
                        let _ = write!(s, " (enheten følger `{name}`)");
                    }
                }
            }
            s
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
            let required = if f.required { w.required } else { "" };
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
