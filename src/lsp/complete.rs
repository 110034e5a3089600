//! Completion, read from the text before the cursor (a file being typed rarely parses): item
//! keywords at the top level, field names at the start of a line in a block, and after
//! `field:` what that field takes (terms, ids of the right kinds, `yes`/`no`, units, `per`,
//! periods), in the words (English or Norwegian) the block's keyword is written in.

use lsp_types::{CompletionItem, CompletionItemKind, CompletionResponse, Position};

use super::navigate::{kind_lookup, scope};
use super::server::{Doc, Server};
use crate::vocab::{ItemKind, Lang, Period, ValueType, Vocabulary, Words};

pub fn complete(
    server: &Server,
    doc: &Doc,
    pos: Position,
    lang: Lang,
) -> Option<CompletionResponse> {
    let text = doc.text.as_str();
    let offset = doc.text.offset(pos);
    let head = text.get(..offset)?;
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let before = head.get(line_start..)?;
    let scope = scope(server, doc);
    let kind_of = kind_lookup(doc, &scope);
    let ids = |kinds: &[ItemKind]| -> Vec<CompletionItem> {
        // Items of this file read from its lines first: an item being written does not parse.
        let mut out: Vec<CompletionItem> = declared(text)
            .into_iter()
            .filter(|(k, _)| kinds.contains(k))
            .map(|(k, id)| {
                item(
                    id,
                    CompletionItemKind::REFERENCE,
                    Some(k.noun(lang).to_string()),
                )
            })
            .collect();
        out.dedup_by(|a, b| a.label == b.label);
        for s in &scope {
            for it in &s.file.items {
                let Some(id) = &it.id else { continue };
                if !kinds.contains(&it.kind) {
                    continue;
                }
                if let Some(known) = out.iter_mut().find(|c| c.label == id.name.as_str()) {
                    known.detail = Some(describe(it, lang));
                } else {
                    out.push(item(
                        id.name.to_string(),
                        CompletionItemKind::REFERENCE,
                        Some(describe(it, lang)),
                    ));
                }
            }
        }
        out
    };
    let vocab = server.engine.vocab();
    let items = match enclosing_block(head) {
        None => top_level(before, super::locate::file_words(&doc.parsed.file), &ids),
        Some(open) => {
            let header_start = head.get(..open)?.rfind('\n').map_or(0, |i| i + 1);
            let header = head.get(header_start..open)?;
            let (kind, words) = block_kind(header, &kind_of)?;
            in_block(vocab, kind, words, before, &ids, lang)
        }
    };
    Some(CompletionResponse::Array(items))
}

/// An item's kind and name, as a completion's detail.
fn describe(it: &crate::syntax::ast::Item, lang: Lang) -> String {
    format!(
        "{}{}",
        it.kind.noun(lang),
        it.name
            .as_ref()
            .map_or(String::new(), |n| format!(" «{}»", n.value))
    )
}

/// `(kind, id)` of every line that starts with an item keyword and an id.
fn declared(text: &str) -> Vec<(ItemKind, String)> {
    text.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let (kind, _) = ItemKind::from_keyword(words.next()?)?;
            let id = words.next()?.trim_end_matches(':');
            let mut chars = id.chars();
            let ok = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
                && chars.all(|c| c.is_alphanumeric() || c == '_');
            ok.then(|| (kind, id.to_string()))
        })
        .collect()
}

fn item(label: String, kind: CompletionItemKind, detail: Option<String>) -> CompletionItem {
    CompletionItem {
        label,
        kind: Some(kind),
        detail,
        ..CompletionItem::default()
    }
}

/// The offset of the `{` of the block the end of `head` is in, skipping strings and comments.
fn enclosing_block(head: &str) -> Option<usize> {
    let mut stack = Vec::new();
    let mut in_str = false;
    let mut in_comment = false;
    let mut escaped = false;
    for (i, c) in head.char_indices() {
        if in_comment {
            in_comment = c != '\n';
            continue;
        }
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '#' => in_comment = true,
            '"' => in_str = true,
            '{' => stack.push(i),
            '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// The kind and words of a block from its header (`aktør x "Navn"`, `change x`).
fn block_kind(
    header: &str,
    kind_of: &dyn Fn(&str) -> Option<ItemKind>,
) -> Option<(ItemKind, Words)> {
    let mut words = header.split_whitespace();
    let first = words.next()?;
    if let Some(found) = ItemKind::from_keyword(first) {
        return Some(found);
    }
    let w = match first {
        "change" => Words::English,
        "endre" => Words::Norwegian,
        _ => return None,
    };
    let id = words.next()?;
    Some((kind_of(id)?, w))
}

/// Outside any block: keywords at the start of a line, ids after `:`, `->` or `<->`.
fn top_level(
    before: &str,
    words: Words,
    ids: &dyn Fn(&[ItemKind]) -> Vec<CompletionItem>,
) -> Vec<CompletionItem> {
    let trimmed = before.trim_start();
    if let Some((_, ends)) = trimmed.split_once(':') {
        if ends.contains("->") {
            return ids(&[ItemKind::Actor, ItemKind::Service]);
        }
        return ids(&[ItemKind::Actor]);
    }
    if trimmed.contains(char::is_whitespace) {
        return Vec::new();
    }
    let mut out: Vec<CompletionItem> = ItemKind::ALL
        .iter()
        .map(|k| {
            item(
                k.keyword_in(words).to_string(),
                CompletionItemKind::KEYWORD,
                None,
            )
        })
        .collect();
    let variant = match words {
        Words::English => ["extends", "remove", "change"],
        Words::Norwegian => ["utvider", "fjern", "endre"],
    };
    out.extend(
        variant
            .iter()
            .map(|w| item(w.to_string(), CompletionItemKind::KEYWORD, None)),
    );
    out
}

/// Inside a block: field names, or a field's values.
fn in_block(
    vocab: &Vocabulary,
    kind: ItemKind,
    words: Words,
    before: &str,
    ids: &dyn Fn(&[ItemKind]) -> Vec<CompletionItem>,
    lang: Lang,
) -> Vec<CompletionItem> {
    let name_of = |id: &str, nb: &str| match words {
        Words::English => id.to_string(),
        Words::Norwegian => nb.to_string(),
    };
    let Some((name, value)) = before.split_once(':') else {
        return vocab
            .fields_of(kind)
            .map(|(_, f)| {
                let mut c = item(
                    name_of(&f.id, &f.nb),
                    CompletionItemKind::FIELD,
                    Some(f.label.get(lang).to_string()),
                );
                c.insert_text = Some(format!("{}: ", name_of(&f.id, &f.nb)));
                c
            })
            .collect();
    };
    let Some(field) = vocab
        .field_by_name(kind, name.trim())
        .map(|f| vocab.field(f))
    else {
        return Vec::new();
    };
    match &field.value {
        ValueType::Term(set) | ValueType::Terms(set) => vocab
            .term_set(*set)
            .terms
            .iter()
            .map(|t| {
                item(
                    name_of(&t.id, &t.nb),
                    CompletionItemKind::ENUM_MEMBER,
                    Some(t.label.get(lang).to_string()),
                )
            })
            .collect(),
        ValueType::Ref(kinds) | ValueType::Refs(kinds) => ids(kinds),
        ValueType::Bool => {
            let (yes, no) = match words {
                Words::English => ("yes", "no"),
                Words::Norwegian => ("ja", "nei"),
            };
            vec![
                item(yes.to_string(), CompletionItemKind::VALUE, None),
                item(no.to_string(), CompletionItemKind::VALUE, None),
            ]
        }
        ValueType::Quantity { dimensions, .. } => quantity(vocab, dimensions, words, value, lang),
        _ => Vec::new(),
    }
}

/// After a number: units of the field's dimensions; after a unit: `per`; after `per`: periods.
fn quantity(
    vocab: &Vocabulary,
    dimensions: &[crate::vocab::Dimension],
    words: Words,
    value: &str,
    lang: Lang,
) -> Vec<CompletionItem> {
    let tokens: Vec<&str> = value.split_whitespace().collect();
    let typing = if value.ends_with(char::is_whitespace) {
        tokens.len()
    } else {
        tokens.len().saturating_sub(1)
    };
    match typing {
        1 => vocab
            .units
            .iter()
            .filter(|u| dimensions.contains(&u.dimension))
            .map(|u| {
                let label = match words {
                    Words::English => u.id.clone(),
                    Words::Norwegian => u.nb.clone(),
                };
                item(
                    label,
                    CompletionItemKind::UNIT,
                    Some(u.label.get(lang).to_string()),
                )
            })
            .collect(),
        2 => vec![item("per".to_string(), CompletionItemKind::KEYWORD, None)],
        3 => [Period::Year, Period::Month]
            .iter()
            .map(|p| item(p.word(words).to_string(), CompletionItemKind::KEYWORD, None))
            .collect(),
        _ => Vec::new(),
    }
}
