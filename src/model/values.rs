//! Field values: a syntax value checked against what the vocabulary says the field takes.

use crate::base::note::Note;
use crate::model::error::{ErrorKind, Expect, Role};
use crate::model::resolve::{name_in, Resolver};
use crate::model::{FieldValue, ItemId, Quantity, Value};
use crate::syntax::ast::{self, ValueKind, ValueNode};
use crate::vocab::{
    closest, Dimension, FieldId, ItemKind, Period, TermId, TermSetId, ValueType, Vocabulary, Words,
};

/// The value of one field, or `None` after reporting why it is wrong.
pub(crate) fn resolve(
    r: &mut Resolver<'_>,
    item: ItemId,
    fid: FieldId,
    field: &ast::Field,
    words: Words,
) -> Option<Value> {
    let vocab = r.vocab;
    let ty = &vocab.field(fid).value;
    let name = &field.name.name;
    let node = &field.value;
    let many = matches!(ty, ValueType::Terms(_) | ValueType::Refs(_));
    match (&node.kind, many) {
        (ValueKind::Invalid, _) => return None,
        (ValueKind::List(elems), false) => {
            let example = match elems.as_slice() {
                [one] => r
                    .source
                    .text
                    .get(one.span.start as usize..one.span.end as usize),
                _ => None,
            };
            let kind = ErrorKind::NotAList {
                field: name.to_string(),
                example: example.map(str::to_string),
            };
            r.error(kind, node.span);
            return None;
        }
        _ => {}
    }
    let elems: &[ValueNode] = match &node.kind {
        ValueKind::List(elems) => elems,
        _ => std::slice::from_ref(node),
    };
    match ty {
        ValueType::Term(set) => term(r, *set, name, node, words).map(Value::Term),
        ValueType::Terms(set) => {
            let terms: Vec<Option<TermId>> = elems
                .iter()
                .map(|e| term(r, *set, name, e, words))
                .collect();
            terms
                .into_iter()
                .collect::<Option<Vec<_>>>()
                .map(Value::Terms)
        }
        ValueType::Ref(kinds) => reference(r, item, fid, name, node, kinds).map(Value::Ref),
        ValueType::Refs(kinds) => {
            let refs: Vec<Option<ItemId>> = elems
                .iter()
                .map(|e| reference(r, item, fid, name, e, kinds))
                .collect();
            refs.into_iter()
                .collect::<Option<Vec<_>>>()
                .map(Value::Refs)
        }
        ValueType::String => match &node.kind {
            ValueKind::Str(s) => Some(Value::Str(s.value.to_string())),
            _ => wrong(r, name, Expect::Text, node),
        },
        ValueType::Number => match &node.kind {
            ValueKind::Number(n) => Some(Value::Number(n.value)),
            _ => wrong(r, name, Expect::Number, node),
        },
        ValueType::Integer => match &node.kind {
            ValueKind::Number(n) if n.whole && n.value.abs() < 9.0e15 => {
                Some(Value::Integer(n.value as i64))
            }
            _ => wrong(r, name, Expect::Integer, node),
        },
        ValueType::Percent => match &node.kind {
            ValueKind::Percent(n) => Some(Value::Percent(n.value)),
            _ => wrong(r, name, Expect::Percent, node),
        },
        ValueType::Date => match &node.kind {
            ValueKind::Date(d) => Some(Value::Date(*d)),
            _ => wrong(r, name, Expect::Date, node),
        },
        ValueType::Bool => match &node.kind {
            ValueKind::Word(w) => match w.name.as_str() {
                "yes" | "ja" => Some(Value::Bool(true)),
                "no" | "nei" => Some(Value::Bool(false)),
                _ => wrong(r, name, Expect::Bool, node),
            },
            _ => wrong(r, name, Expect::Bool, node),
        },
        ValueType::Quantity { dimensions, .. } => match &node.kind {
            ValueKind::Quantity(q) => {
                quantity(r, name, &q.amount, &q.unit, q.per.as_ref(), dimensions)
            }
            _ => wrong(r, name, Expect::Quantity(dimensions.clone()), node),
        },
    }
}

fn wrong(r: &mut Resolver<'_>, field: &str, expected: Expect, node: &ValueNode) -> Option<Value> {
    let kind = ErrorKind::WrongType {
        field: field.to_string(),
        expected,
        found: node.kind.shape(),
    };
    r.error(kind, node.span);
    None
}

/// A term of `set`, written as a word.
fn term(
    r: &mut Resolver<'_>,
    set: TermSetId,
    field: &str,
    node: &ValueNode,
    words: Words,
) -> Option<TermId> {
    let vocab = r.vocab;
    let ValueKind::Word(word) = &node.kind else {
        let expected = Expect::Term(vocab.term_set(set).label.clone());
        wrong(r, field, expected, node);
        return None;
    };
    if let Some(t) = vocab.term_by_name(set, &word.name) {
        return Some(t);
    }
    let suggestion = r
        .term_suggestions
        .entry((set, word.name.to_string()))
        .or_insert_with(|| closest(&word.name, vocab.term_names(set)).map(str::to_string))
        .clone();
    let known = vocab
        .term_set(set)
        .terms
        .iter()
        .map(|t| name_in(&t.id, &t.nb, words).to_string())
        .collect();
    let kind = ErrorKind::UnknownTerm {
        term: word.name.to_string(),
        field: field.to_string(),
        set: vocab.term_set(set).label.clone(),
        suggestion,
        known,
    };
    r.error(kind, word.span);
    None
}

/// A reference to an item of one of `kinds`, written as a word.
fn reference(
    r: &mut Resolver<'_>,
    item: ItemId,
    fid: FieldId,
    field: &str,
    node: &ValueNode,
    kinds: &[ItemKind],
) -> Option<ItemId> {
    let ValueKind::Word(word) = &node.kind else {
        wrong(r, field, Expect::Ref(kinds.to_vec()), node);
        return None;
    };
    let target = r.reference(word, kinds, Role::Field(field.to_string()))?;
    r.edges.push((item, fid, target, word.span));
    Some(target)
}

/// A quantity: its unit must exist and measure one of `dimensions`.
fn quantity(
    r: &mut Resolver<'_>,
    field: &str,
    amount: &ast::Number,
    unit: &ast::Ident,
    per: Option<&ast::Ident>,
    dimensions: &[crate::vocab::Dimension],
) -> Option<Value> {
    let vocab = r.vocab;
    let Some(uid) = vocab.unit_by_name(&unit.name) else {
        let names = vocab
            .units
            .iter()
            .flat_map(|u| [u.id.as_str(), u.nb.as_str()]);
        let suggestion = closest(&unit.name, names).map(str::to_string);
        let known = vocab.units.iter().map(|u| u.id.clone()).collect();
        let kind = ErrorKind::UnknownUnit {
            unit: unit.name.to_string(),
            suggestion,
            known,
        };
        r.error(kind, unit.span);
        return None;
    };
    let dimension = vocab.unit(uid).dimension;
    if !dimensions.contains(&dimension) {
        let kind = ErrorKind::WrongUnit {
            field: field.to_string(),
            unit: unit.name.to_string(),
            dimension,
            allowed: dimensions.to_vec(),
        };
        r.error(kind, unit.span);
        return None;
    }
    let per = match per {
        None => None,
        Some(p) => match Period::from_word(&p.name) {
            Some(period) => Some(period),
            None => {
                let kind = ErrorKind::UnknownPeriod {
                    period: p.name.to_string(),
                };
                r.error(kind, p.span);
                return None;
            }
        },
    };
    Some(Value::Quantity(Quantity {
        value: amount.value,
        unit: uid,
        per,
    }))
}

/// A quantity whose unit does not measure what the field that fixes it asks for: the
/// resource's field value and term, and the dimensions found and expected.
struct Mismatch<'f> {
    resource: &'f FieldValue,
    term: TermId,
    quantity: &'f Quantity,
    found: Dimension,
    expected: Dimension,
}

/// The mismatch of a quantity field with the field that fixes its unit; `None` when it has no
/// such field or the units agree.
fn unit_mismatch<'f>(
    vocab: &Vocabulary,
    fields: &'f [FieldValue],
    fv: &'f FieldValue,
) -> Option<Mismatch<'f>> {
    let ValueType::Quantity {
        unit_from: Some(from),
        ..
    } = &vocab.field(fv.field).value
    else {
        return None;
    };
    let Value::Quantity(quantity) = &fv.value else {
        return None;
    };
    let resource = fields.iter().find(|f| f.field == *from)?;
    let &term = resource.value.terms().first()?;
    let expected = vocab.term(term).dimension?;
    let found = vocab.unit(quantity.unit).dimension;
    (found != expected).then_some(Mismatch {
        resource,
        term,
        quantity,
        found,
        expected,
    })
}

/// Quantities whose unit another field fixes (a flow's `amount` is in NOK when its
/// `resource` is money, in hours when it is volunteer hours).
pub(crate) fn check_units(r: &mut Resolver<'_>, item: &ast::Item, fields: &[FieldValue]) {
    let vocab = r.vocab;
    for fv in fields {
        let Some(Mismatch {
            resource,
            term,
            found,
            expected,
            ..
        }) = unit_mismatch(vocab, fields, fv)
        else {
            continue;
        };
        let Some(ast_field) = item
            .fields
            .iter()
            .find(|f| f.value.span.start == fv.span.start)
        else {
            continue;
        };
        let ValueKind::Quantity(q) = &ast_field.value.kind else {
            continue;
        };
        let (amount, unit, per) = (&q.amount, &q.unit, &q.per);
        let t = vocab.term(term);
        let term_name = name_in(&t.id, &t.nb, item.words).to_string();
        let unit_name = base_unit_name(vocab, expected, item.words);
        let example = match per {
            Some(p) => format!("{} {unit_name} per {}", amount.text, p.name),
            None => format!("{} {unit_name}", amount.text),
        };
        let kind = ErrorKind::UnitMismatch {
            field: ast_field.name.name.to_string(),
            unit: unit.name.to_string(),
            found,
            expected,
            term: term_name.clone(),
            example,
        };
        let note = (resource.span, Note::ResourceIs { term: term_name });
        r.error_with(kind, unit.span, vec![note]);
    }
}

/// A variant's `change` that sets one of a quantity and the field that fixes its unit but not
/// the other (`resource: volunteer_hours` on a flow whose `amount` is in NOK) is checked
/// against the merged item, the other half coming from the base. [`check_units`] sees only the
/// changed fields, so without this such a change would slip through. The error stands on the
/// changed value, which is in the variant's file.
pub(crate) fn check_changed_units(
    r: &mut Resolver<'_>,
    words: Words,
    merged: &[FieldValue],
    changed: &[FieldValue],
) {
    let vocab = r.vocab;
    for fv in merged {
        let Some(Mismatch {
            resource,
            term,
            quantity: q,
            found,
            expected,
        }) = unit_mismatch(vocab, merged, fv)
        else {
            continue;
        };
        let changed_amount = changed.iter().find(|c| c.field == fv.field);
        let changed_resource = changed.iter().find(|c| c.field == resource.field);
        // Both changed: checked with the block. Neither: checked with the base.
        let span = match (changed_amount, changed_resource) {
            (Some(a), None) => a.span,
            (None, Some(res)) => res.span,
            _ => continue,
        };
        let t = vocab.term(term);
        let f = vocab.field(fv.field);
        let u = vocab.unit(q.unit);
        let unit_name = base_unit_name(vocab, expected, words);
        let kind = ErrorKind::UnitMismatch {
            field: name_in(&f.id, &f.nb, words).to_string(),
            unit: name_in(&u.id, &u.nb, words).to_string(),
            found,
            expected,
            term: name_in(&t.id, &t.nb, words).to_string(),
            example: match q.per {
                Some(p) => format!("{} {unit_name} per {}", q.value, p.word(words)),
                None => format!("{} {unit_name}", q.value),
            },
        };
        r.error(kind, span);
    }
}

/// The name of a dimension's base unit (`NOK`, `hours`), for the example in a unit mismatch.
fn base_unit_name(vocab: &Vocabulary, dimension: Dimension, words: Words) -> String {
    vocab
        .units
        .iter()
        .find(|u| u.dimension == dimension && u.factor == 1.0)
        .map_or(String::new(), |u| name_in(&u.id, &u.nb, words).to_string())
}
