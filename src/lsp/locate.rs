//! What stands at a place in a model file's syntax tree: an item's id, a field name, a word
//! value (a term, a reference), a unit, a flow's end, a variant line's id.

use crate::syntax::ast::{self, DirectiveKind, Ident, ValueKind, ValueNode};
use crate::syntax::Span;
use crate::vocab::{ItemKind, ValueType, Vocabulary, Words};

/// What is at an offset.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// An item's own id, where it is declared.
    Declaration(&'a ast::Item),
    /// A field's name.
    FieldName(Option<ItemKind>, &'a ast::Field),
    /// A word value of a field (a term, a reference, `yes`/`no`).
    Word(Option<ItemKind>, &'a ast::Field, &'a Ident),
    /// A quantity's unit.
    Unit(&'a Ident),
    /// A quantity's period.
    Period(&'a Ident),
    /// An item named by a flow's or agreement's ends, or by `remove`/`change`.
    Reference(&'a Ident),
}

impl Target<'_> {
    /// The id an item reference or declaration names, if the target is one. A word value
    /// counts when its field takes references.
    pub fn item_id(&self, vocab: &Vocabulary) -> Option<(&str, Span)> {
        match self {
            Target::Declaration(item) => item.id.as_ref().map(|i| (i.name.as_str(), i.span)),
            Target::Reference(i) => Some((i.name.as_str(), i.span)),
            Target::Word(kind, field, i) => {
                is_ref_field(vocab, *kind, &field.name.name).then_some((i.name.as_str(), i.span))
            }
            _ => None,
        }
    }
}

/// Whether a field of an item kind takes item references.
pub fn is_ref_field(vocab: &Vocabulary, kind: Option<ItemKind>, name: &str) -> bool {
    let Some(kind) = kind else {
        return false;
    };
    vocab
        .field_by_name(kind, name)
        .is_some_and(|f| matches!(vocab.field(f).value, ValueType::Ref(_) | ValueType::Refs(_)))
}

/// The target at `offset` (the end of a word counts as on it, where a cursor stands after
/// typing it).
pub fn at<'a>(
    file: &'a ast::File,
    offset: usize,
    kind_of: &dyn Fn(&str) -> Option<ItemKind>,
) -> Option<Target<'a>> {
    let on = |s: Span| (s.start as usize) <= offset && offset <= s.end as usize;
    for item in &file.items {
        if !on(item.span) {
            continue;
        }
        if let Some(id) = item.id.as_ref().filter(|i| on(i.span)) {
            let _ = id;
            return Some(Target::Declaration(item));
        }
        if let Some(ends) = &item.ends {
            for end in [&ends.from, &ends.to] {
                if on(end.span) {
                    return Some(Target::Reference(end));
                }
            }
        }
        if let Some(t) = in_fields(Some(item.kind), &item.fields, offset) {
            return Some(t);
        }
    }
    for d in &file.directives {
        if !on(d.span) {
            continue;
        }
        match &d.kind {
            DirectiveKind::Remove { id } if on(id.span) => return Some(Target::Reference(id)),
            DirectiveKind::Change { id, fields, .. } => {
                if on(id.span) {
                    return Some(Target::Reference(id));
                }
                if let Some(t) = in_fields(kind_of(&id.name), fields, offset) {
                    return Some(t);
                }
            }
            _ => {}
        }
    }
    None
}

fn in_fields(kind: Option<ItemKind>, fields: &[ast::Field], offset: usize) -> Option<Target<'_>> {
    let on = |s: Span| (s.start as usize) <= offset && offset <= s.end as usize;
    for field in fields {
        if on(field.name.span) {
            return Some(Target::FieldName(kind, field));
        }
        if on(field.value.span) {
            return in_value(kind, field, &field.value, offset);
        }
    }
    None
}

fn in_value<'a>(
    kind: Option<ItemKind>,
    field: &'a ast::Field,
    value: &'a ValueNode,
    offset: usize,
) -> Option<Target<'a>> {
    let on = |s: Span| (s.start as usize) <= offset && offset <= s.end as usize;
    match &value.kind {
        ValueKind::Word(i) if on(i.span) => Some(Target::Word(kind, field, i)),
        ValueKind::List(items) => items
            .iter()
            .find(|v| on(v.span))
            .and_then(|v| in_value(kind, field, v, offset)),
        ValueKind::Quantity(q) if on(q.unit.span) => Some(Target::Unit(&q.unit)),
        ValueKind::Quantity(q) => q.per.as_ref().filter(|p| on(p.span)).map(Target::Period),
        _ => None,
    }
}

/// Every place in a file that names item `id`: its declaration, flow and agreement ends,
/// reference fields, and `remove`/`change` lines.
pub fn mentions(
    file: &ast::File,
    vocab: &Vocabulary,
    id: &str,
    kind_of: &dyn Fn(&str) -> Option<ItemKind>,
) -> Vec<Span> {
    let mut out = Vec::new();
    let mut push = |i: &Ident| {
        if i.name == id {
            out.push(i.span);
        }
    };
    for item in &file.items {
        if let Some(i) = &item.id {
            push(i);
        }
        if let Some(ends) = &item.ends {
            push(&ends.from);
            push(&ends.to);
        }
        for f in &item.fields {
            if is_ref_field(vocab, Some(item.kind), &f.name.name) {
                words(&f.value, &mut push);
            }
        }
    }
    for d in &file.directives {
        match &d.kind {
            DirectiveKind::Remove { id } => push(id),
            DirectiveKind::Change {
                id: changed,
                fields,
                ..
            } => {
                push(changed);
                let kind = kind_of(&changed.name);
                for f in fields {
                    if is_ref_field(vocab, kind, &f.name.name) {
                        words(&f.value, &mut push);
                    }
                }
            }
            DirectiveKind::Extends { .. } => {}
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

fn words(v: &ValueNode, push: &mut impl FnMut(&Ident)) {
    match &v.kind {
        ValueKind::Word(i) => push(i),
        ValueKind::List(items) => items.iter().for_each(|v| words(v, push)),
        _ => {}
    }
}

/// The words a file is written in: those of most of its items (English when there are none).
pub fn file_words(file: &ast::File) -> Words {
    let nb = file
        .items
        .iter()
        .filter(|i| i.words == Words::Norwegian)
        .count();
    if nb * 2 > file.items.len() {
        Words::Norwegian
    } else {
        Words::English
    }
}
