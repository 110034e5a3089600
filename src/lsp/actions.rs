//! Formatting and code actions: apply a did-you-mean, add a missing field, add the agreement
//! a barrier asks for (a skeleton to fill in).

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, WorkspaceEdit};

use super::engine::Finding;
use super::server::{Doc, Server};
use super::words;
use crate::model::{Ends, Model, Value};
use crate::syntax::Span;
use crate::vocab::{ItemKind, Lang, ValueType, Vocabulary, Words};

/// The whole document in `fmt`'s layout, or nothing when it does not parse (or is already so).
pub fn format(doc: &Doc) -> Option<Vec<TextEdit>> {
    let formatted = crate::syntax::format(doc.text.as_str()).ok()?;
    if formatted == doc.text.as_str() {
        return Some(Vec::new());
    }
    Some(vec![TextEdit::new(doc.text.whole(), formatted)])
}

pub fn code_actions(
    server: &Server,
    doc: &Doc,
    range: Range,
    lang: Lang,
) -> Vec<CodeActionOrCommand> {
    let want = doc.text.span(range);
    let touches = |s: Span| s.start <= want.end && want.start <= s.end;
    let vocab = server.engine.vocab();
    let mut out = Vec::new();
    for e in doc
        .checked
        .errors
        .iter()
        .filter(|e| e.file().path == doc.path)
    {
        if !touches(e.span) {
            continue;
        }
        out.extend(did_you_mean(doc, e, lang));
        if let crate::model::error::ErrorKind::MissingField { field, kind } = &e.kind {
            out.extend(add_field(vocab, doc, e.span, *kind, field, lang));
        }
    }
    if let (Some(model), Some(rules)) = (&doc.checked.model, server.engine.rules()) {
        for f in doc
            .checked
            .findings
            .iter()
            .filter(|f| f.barrier && f.file == doc.path)
        {
            if !touches(f.span) {
                continue;
            }
            let Some(rule) = rules.rules.get(f.rule) else {
                continue;
            };
            out.extend(add_agreement(vocab, doc, model, f, &rule.when_text, lang));
        }
    }
    out.into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

fn action(doc: &Doc, title: String, edits: Vec<TextEdit>, preferred: bool) -> CodeAction {
    #[allow(
        clippy::mutable_key_type,
        reason = "lsp-types keys workspace edits by Uri"
    )]
    let mut changes = HashMap::new();
    changes.insert(doc.uri.clone(), edits);
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        is_preferred: preferred.then_some(true),
        edit: Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    }
}

/// The did-you-mean of an error with one clear candidate ([`crate::fix`], as `check --fix`
/// applies it).
fn did_you_mean(doc: &Doc, e: &crate::model::ModelError, lang: Lang) -> Option<CodeAction> {
    let fix = crate::fix::fix_for(e, doc.text.as_str())?;
    let span = Span::new(fix.edit.range.start, fix.edit.range.end);
    let edit = TextEdit::new(doc.text.range(span), fix.edit.replacement.clone());
    Some(action(doc, fix.title(lang), vec![edit], true))
}

/// The block (item or `change`) a span is in.
fn block_close(doc: &Doc, at: Span) -> Option<(Span, Words)> {
    let file = &doc.parsed.file;
    let in_item = file
        .items
        .iter()
        .find(|i| i.span.start <= at.start && at.start <= i.span.end)
        .map(|i| (i.close, i.words));
    in_item.or_else(|| {
        file.directives.iter().find_map(|d| match &d.kind {
            crate::syntax::ast::DirectiveKind::Change { close, .. }
                if d.span.start <= at.start && at.start <= d.span.end =>
            {
                Some((*close, d.words))
            }
            _ => None,
        })
    })
}

/// Inserts `field: <placeholder>` as the last line of the item the error is on.
fn add_field(
    vocab: &Vocabulary,
    doc: &Doc,
    at: Span,
    kind: ItemKind,
    field: &str,
    lang: Lang,
) -> Option<CodeAction> {
    let (close, words) = block_close(doc, at)?;
    if close.is_empty() {
        return None;
    }
    let f = vocab.field(vocab.field_by_name(kind, field)?);
    let name = word_in(words, &f.id, &f.nb);
    let value = placeholder(vocab, &f.value, words, &doc.parsed.file);
    let line = doc.text.position(close.start as usize);
    let text = doc.text.as_str();
    let line_start = text
        .get(..close.start as usize)?
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let edit = if text
        .get(line_start..close.start as usize)?
        .trim()
        .is_empty()
    {
        let at = lsp_types::Position::new(line.line, 0);
        TextEdit::new(Range::new(at, at), format!("  {name}: {value}\n"))
    } else {
        let at = doc.text.position(close.start as usize);
        TextEdit::new(Range::new(at, at), format!("\n  {name}: {value}\n"))
    };
    let title = words::add_field(lang, &name);
    Some(action(doc, title, vec![edit], false))
}

fn word_in(words: Words, en: &str, nb: &str) -> String {
    match words {
        Words::English => en.to_string(),
        Words::Norwegian => nb.to_string(),
    }
}

/// A value of the right type for a new field: the first term, the first item of the right
/// kind, an empty text, zero.
fn placeholder(
    vocab: &Vocabulary,
    t: &ValueType,
    words: Words,
    file: &crate::syntax::ast::File,
) -> String {
    // A word to fill in, in the model's words (it must read as an id or term).
    let todo = crate::text!(
        match words {
            Words::English => Lang::En,
            Words::Norwegian => Lang::Nb,
        },
        "lsp-placeholder"
    );
    let first_id = |kinds: &[ItemKind]| {
        file.items
            .iter()
            .filter(|i| kinds.contains(&i.kind))
            .find_map(|i| i.id.as_ref().map(|x| x.name.to_string()))
            .unwrap_or_else(|| todo.clone())
    };
    let first_term = |set| {
        vocab
            .term_set(set)
            .terms
            .first()
            .map_or(todo.clone(), |t| word_in(words, &t.id, &t.nb))
    };
    match t {
        ValueType::Term(set) => first_term(*set),
        ValueType::Terms(set) => format!("[{}]", first_term(*set)),
        ValueType::Ref(kinds) => first_id(kinds),
        ValueType::Refs(kinds) => format!("[{}]", first_id(kinds)),
        ValueType::String => "\"\"".to_string(),
        ValueType::Number | ValueType::Integer => "0".to_string(),
        ValueType::Percent => "0 %".to_string(),
        ValueType::Date => crate::base::today::today().to_string(),
        ValueType::Bool => word_in(words, "no", "nei"),
        ValueType::Quantity { dimensions, .. } => {
            let unit = vocab
                .units
                .iter()
                .find(|u| dimensions.contains(&u.dimension))
                .map_or(todo.clone(), |u| word_in(words, &u.id, &u.nb));
            format!("0 {unit}")
        }
    }
}

/// The agreement kind a barrier's condition asks for: in `none(agreement a: a.kind == K` or
/// `a.kind in [K, ...]`, the first K; and the parties it names (`a.parties contains flow.to`).
fn wanted_agreement(when: &str) -> Option<(String, Vec<(String, String)>)> {
    let rest = &when[when.find("none(agreement")?..];
    let kind_at = rest.find(".kind")?;
    let after = rest.get(kind_at + 5..)?.trim_start();
    let after = after.strip_prefix("==").or_else(|| {
        after
            .strip_prefix("in")
            .map(|s| s.trim_start().trim_start_matches('['))
    })?;
    let kind: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if kind.is_empty() {
        return None;
    }
    let mut parties = Vec::new();
    let mut search = rest;
    while let Some(i) = search.find("parties contains ") {
        let tail = search.get(i + 17..).unwrap_or("");
        let path: String = tail
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
            .collect();
        if let Some((obj, field)) = path.split_once('.') {
            parties.push((obj.to_string(), field.to_string()));
        }
        search = tail;
    }
    Some((kind, parties))
}

/// A skeleton agreement between the parties a barrier's condition names, with its required
/// fields, at the end of the file.
fn add_agreement(
    vocab: &Vocabulary,
    doc: &Doc,
    model: &Model,
    f: &Finding,
    when: &str,
    lang: Lang,
) -> Option<CodeAction> {
    let (kind, wanted) = wanted_agreement(when)?;
    let (_, subject_id) = f.subject.as_ref()?;
    let subject = model.item(model.item_by_id(subject_id)?);
    let mut parties: Vec<String> = Vec::new();
    for (_, field) in &wanted {
        let id = match (subject.ends, field.as_str()) {
            (Ends::Flow { from, .. }, "from") => Some(from),
            (Ends::Flow { to, .. }, "to") => Some(to),
            _ => vocab
                .field_by_name(subject.kind, field)
                .and_then(|fid| subject.get(fid))
                .and_then(|v| match v {
                    Value::Ref(r) => Some(*r),
                    _ => None,
                }),
        };
        if let Some(id) = id {
            let name = model.item(id).id.clone();
            if !parties.contains(&name) {
                parties.push(name);
            }
        }
    }
    // A second party the condition describes but does not name: the first other actor.
    if parties.len() < 2 {
        let other = model
            .of_kind(ItemKind::Actor)
            .iter()
            .map(|&a| model.item(a).id.clone())
            .find(|a| !parties.contains(a));
        parties.extend(other);
    }
    let [a, b] = parties.get(..2)? else {
        return None;
    };
    let words = super::locate::file_words(&doc.parsed.file);
    let kind_field = vocab.field_by_name(ItemKind::Agreement, "kind")?;
    let kind_word = match &vocab.field(kind_field).value {
        ValueType::Term(set) => {
            let t = vocab.term(vocab.term_by_name(*set, &kind)?);
            word_in(words, &t.id, &t.nb)
        }
        _ => kind.clone(),
    };
    let mut id = format!("{kind}_{subject_id}");
    let mut n = 2;
    while model.item_by_id(&id).is_some() {
        id = format!("{kind}_{subject_id}_{n}");
        n += 1;
    }
    let mut body = format!(
        "{} {id}: {a} <-> {b} {{\n  {}: {kind_word}\n",
        ItemKind::Agreement.keyword_in(words),
        word_in(words, "kind", &vocab.field(kind_field).nb)
    );
    for (fid, field) in vocab.fields_of(ItemKind::Agreement) {
        if field.required && fid != kind_field {
            let value = placeholder(vocab, &field.value, words, &doc.parsed.file);
            body.push_str(&format!(
                "  {}: {value}\n",
                word_in(words, &field.id, &field.nb)
            ));
        }
    }
    body.push_str("}\n");
    let text = doc.text.as_str();
    let sep = if text.ends_with("\n\n") || text.is_empty() {
        ""
    } else if text.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    let end = doc.text.position(text.len());
    let edit = TextEdit::new(Range::new(end, end), format!("{sep}{body}"));
    let title = words::add_agreement(lang, &kind_word, a, b);
    Some(action(doc, title, vec![edit], false))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::wanted_agreement;

    #[test]
    fn the_agreement_a_condition_asks_for_is_read() {
        let (kind, parties) = wanted_agreement(
            "flow.x and none(agreement a: a.kind in [data_processing, data_sharing]\n and a.parties contains flow.from and a.parties contains flow.to)",
        )
        .expect("found");
        assert_eq!(kind, "data_processing");
        assert_eq!(
            parties,
            vec![("flow".into(), "from".into()), ("flow".into(), "to".into())]
        );
        assert_eq!(
            wanted_agreement("none(agreement a: a.kind == contract)").map(|w| w.0),
            Some("contract".to_string())
        );
        assert!(wanted_agreement("any(agreement a: a.kind == contract)").is_none());
    }
}
