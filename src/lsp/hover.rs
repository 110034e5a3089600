//! Hover: what a field, term, unit or item id means, and the findings on the line.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::locate::{self, Target};
use super::navigate::kind_lookup;
use super::server::{Doc, Server};
use super::words::{defined_at, word, Word};
use crate::vocab::{ItemKind, Lang, ValueType, Vocabulary};

pub fn hover(server: &Server, doc: &Doc, pos: Position, lang: Lang) -> Option<Hover> {
    let vocab = server.engine.vocab();
    let offset = doc.text.offset(pos);
    let kind_of = kind_lookup(doc, &[]);
    let target = locate::at(&doc.parsed.file, offset, &kind_of);
    let mut parts = Vec::new();
    let mut range = None;
    if let Some(t) = target {
        if let Some((id, span)) = t.item_id(vocab) {
            parts.push(item(doc, id, lang));
            range = Some(doc.text.range(span));
        } else {
            match t {
                Target::FieldName(kind, f) => {
                    parts.extend(field(vocab, kind, &f.name.name, lang));
                    range = Some(doc.text.range(f.name.span));
                }
                Target::Word(kind, f, i) => {
                    parts.extend(term(vocab, kind, &f.name.name, &i.name, lang));
                    range = Some(doc.text.range(i.span));
                }
                Target::Unit(i) => {
                    if let Some(u) = vocab.unit_by_name(&i.name).map(|u| vocab.unit(u)) {
                        parts.push(format!(
                            "**{}** (`{}` / `{}`): {}, {}",
                            u.label.get(lang),
                            u.id,
                            u.nb,
                            word(Word::Unit, lang),
                            u.dimension.label(lang)
                        ));
                        range = Some(doc.text.range(i.span));
                    }
                }
                Target::Period(i) => {
                    if let Some(p) = crate::vocab::Period::from_word(&i.name) {
                        let per = match lang {
                            Lang::Nb => p.word(crate::vocab::Words::Norwegian),
                            Lang::En => p.word(crate::vocab::Words::English),
                        };
                        parts.push(format!(
                            "per **{per}** (`{}` / `{}`)",
                            p.word(crate::vocab::Words::English),
                            p.word(crate::vocab::Words::Norwegian)
                        ));
                        range = Some(doc.text.range(i.span));
                    }
                }
                _ => {}
            }
        }
    }
    parts.extend(findings(doc, pos.line, lang));
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range,
    })
}

fn field(vocab: &Vocabulary, kind: Option<ItemKind>, name: &str, lang: Lang) -> Option<String> {
    let f = vocab.field(vocab.field_by_name(kind?, name)?);
    let need = if f.required {
        Word::Required
    } else {
        Word::Optional
    };
    let mut out = format!(
        "**{}** (`{}` / `{}`): {}, {}\n\n{}",
        f.label.get(lang),
        f.id,
        f.nb,
        word(Word::Field, lang),
        word(need, lang),
        f.description.get(lang)
    );
    if let ValueType::Term(set) | ValueType::Terms(set) = &f.value {
        let names: Vec<String> = vocab
            .term_set(*set)
            .terms
            .iter()
            .map(|t| format!("`{}`", t.id))
            .collect();
        out.push_str(&format!(
            "\n\n{}: {}",
            word(Word::Accepts, lang),
            names.join(", ")
        ));
    }
    Some(out)
}

fn term(
    vocab: &Vocabulary,
    kind: Option<ItemKind>,
    field: &str,
    name: &str,
    lang: Lang,
) -> Option<String> {
    let f = vocab.field(vocab.field_by_name(kind?, field)?);
    let (ValueType::Term(set) | ValueType::Terms(set)) = &f.value else {
        return None;
    };
    let t = vocab.term(vocab.term_by_name(*set, name)?);
    Some(format!(
        "**{}** (`{}` / `{}`): {}, {}\n\n{}",
        t.label.get(lang),
        t.id,
        t.nb,
        word(Word::Term, lang),
        vocab.term_set(*set).label.get(lang),
        t.description.get(lang)
    ))
}

/// What an item id names: its kind, name and where it is declared.
fn item(doc: &Doc, id: &str, lang: Lang) -> String {
    if let Some(model) = &doc.checked.model {
        if let Some(i) = model.item_by_id(id) {
            let it = model.item(i);
            let file = model.source_of(i);
            let (line, _) = file.line_col(it.id_span.start);
            let name = file
                .path
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            return format!(
                "{} `{}`{}\n\n{}",
                it.kind.noun(lang),
                it.id,
                it.name
                    .as_ref()
                    .map_or(String::new(), |n| format!(" «{n}»")),
                defined_at(lang, &name, line)
            );
        }
    }
    let found = doc
        .parsed
        .file
        .items
        .iter()
        .find(|i| i.id.as_ref().is_some_and(|x| x.name == id));
    match found {
        Some(it) => format!(
            "{} `{id}`{}",
            it.kind.noun(lang),
            it.name
                .as_ref()
                .map_or(String::new(), |n| format!(" «{}»", n.value))
        ),
        None => format!("`{id}`"),
    }
}

/// The findings whose subject is on `line`.
fn findings(doc: &Doc, line: u32, lang: Lang) -> Vec<String> {
    doc.checked
        .findings
        .iter()
        .filter(|f| f.file == doc.path && doc.text.position(f.span.start as usize).line == line)
        .map(|f| {
            let what = if f.barrier {
                Word::Barrier
            } else {
                Word::Opportunity
            };
            let s = &f.source;
            let mut out = format!(
                "**{}: {}** `{}`\n\n{}\n\n{}: [{} {}]({})\n\n{}: {}",
                word(what, lang),
                f.title,
                f.rule_id,
                f.message.trim(),
                word(Word::Source, lang),
                s.short,
                s.section,
                s.url,
                word(Word::Remedy, lang),
                f.remedy.trim()
            );
            for (list, w) in [
                (&f.mitigates, Word::Mitigates),
                (&f.mitigated_by, Word::MitigatedBy),
            ] {
                if !list.is_empty() {
                    let titles: Vec<String> = list
                        .iter()
                        .map(|r| format!("{} (`{}`)", r.title, r.rule_id))
                        .collect();
                    out.push_str(&format!("\n\n{}: {}", word(w, lang), titles.join("; ")));
                }
            }
            out
        })
        .collect()
}
