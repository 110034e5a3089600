//! Go to definition, find references and rename of item ids, and the outline.
//!
//! An id can be declared in a variant's base and named in the variant (`change`, `remove`,
//! references), so these look through a scope of files: the document, the models it extends
//! (nearest first), and every open document that extends one of those or this one. Files not
//! open are read as their check read them (the model's base files).

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_types::{
    DocumentChanges, DocumentSymbol, DocumentSymbolResponse, GotoDefinitionResponse, Location,
    OneOf, OptionalVersionedTextDocumentIdentifier, Position, PrepareRenameResponse, SymbolKind,
    TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use super::locate;
use super::server::{Doc, Failure, Server};
use super::text::Text;
use crate::syntax::ast::{self, DirectiveKind};
use crate::syntax::Span;
use crate::vocab::ItemKind;

/// A file in the scope of a search.
pub struct ScopeFile {
    pub path: PathBuf,
    pub uri: Option<Uri>,
    /// The version of an open document (None for a file read from disk).
    pub version: Option<i32>,
    pub text: Text,
    pub file: ast::File,
}

/// The document first, then its bases, then the open documents that share a base with it.
pub fn scope(server: &Server, doc: &Doc) -> Vec<ScopeFile> {
    let mut out = vec![ScopeFile {
        path: doc.path.clone(),
        uri: Some(doc.uri.clone()),
        version: Some(doc.version),
        text: doc.text.clone(),
        file: doc.parsed.file.clone(),
    }];
    let open: HashMap<&PathBuf, &Doc> = server.docs.values().map(|d| (&d.path, d)).collect();
    let mut family = vec![doc.path.clone()];
    if let Some(model) = &doc.checked.model {
        for base in model.bases() {
            family.push(base.path.clone());
            let (text, file, version) = match open.get(&base.path) {
                Some(d) => (d.text.clone(), d.parsed.file.clone(), Some(d.version)),
                None => (
                    Text::new(base.text.clone()),
                    crate::syntax::parse_recovering(&base.text).file,
                    None,
                ),
            };
            out.push(ScopeFile {
                path: base.path.clone(),
                uri: super::uri::from_path(&base.path),
                version,
                text,
                file,
            });
        }
    }
    let mut others: Vec<&Doc> = server
        .docs
        .values()
        .filter(|d| !out.iter().any(|s| s.path == d.path))
        .filter(|d| {
            d.checked
                .model
                .as_ref()
                .is_some_and(|m| m.bases().iter().any(|b| family.contains(&b.path)))
        })
        .collect();
    others.sort_by(|a, b| a.path.cmp(&b.path));
    for d in others {
        out.push(ScopeFile {
            path: d.path.clone(),
            uri: Some(d.uri.clone()),
            version: Some(d.version),
            text: d.text.clone(),
            file: d.parsed.file.clone(),
        });
    }
    out
}

/// The kind of the item with an id, from the document's model or the scope's items.
pub fn kind_lookup<'a>(
    doc: &'a Doc,
    scope: &'a [ScopeFile],
) -> impl Fn(&str) -> Option<ItemKind> + 'a {
    move |id: &str| {
        if let Some(model) = &doc.checked.model {
            if let Some(i) = model.item_by_id(id) {
                return Some(model.item(i).kind);
            }
        }
        scope.iter().find_map(|s| {
            s.file
                .items
                .iter()
                .find(|i| i.id.as_ref().is_some_and(|x| x.name == id))
                .map(|i| i.kind)
        })
    }
}

/// The id under the cursor, if it names an item.
fn id_at(server: &Server, doc: &Doc, scope: &[ScopeFile], pos: Position) -> Option<(String, Span)> {
    let offset = doc.text.offset(pos);
    let kind_of = kind_lookup(doc, scope);
    let target = locate::at(&doc.parsed.file, offset, &kind_of)?;
    target
        .item_id(server.engine.vocab())
        .map(|(id, span)| (id.to_string(), span))
}

pub fn definition(server: &Server, doc: &Doc, pos: Position) -> Option<GotoDefinitionResponse> {
    let scope = scope(server, doc);
    let (id, _) = id_at(server, doc, &scope, pos)?;
    // The nearest declaration: the document's own, then its bases', nearest first.
    scope.iter().find_map(|s| {
        let item = s
            .file
            .items
            .iter()
            .find(|i| i.id.as_ref().is_some_and(|x| x.name == id))?;
        let span = item.id.as_ref()?.span;
        Some(GotoDefinitionResponse::Scalar(Location::new(
            s.uri.clone()?,
            s.text.range(span),
        )))
    })
}

/// The id under the cursor, each place that names it (file in the scope, span, whether it
/// is the declaration), and the scope.
type Mentions = (String, Vec<(usize, Span, bool)>, Vec<ScopeFile>);

/// Every place in the scope that names the id under the cursor.
fn mentions(server: &Server, doc: &Doc, pos: Position) -> Option<Mentions> {
    let scope = scope(server, doc);
    let (id, _) = id_at(server, doc, &scope, pos)?;
    let kind_of = kind_lookup(doc, &scope);
    let mut found = Vec::new();
    for (i, s) in scope.iter().enumerate() {
        // Spans compare equal whatever they cover (so that models compare by content): compare
        // their ends.
        let declarations: Vec<(u32, u32)> = s
            .file
            .items
            .iter()
            .filter_map(|it| {
                it.id
                    .as_ref()
                    .filter(|x| x.name == id)
                    .map(|x| (x.span.start, x.span.end))
            })
            .collect();
        for span in locate::mentions(&s.file, server.engine.vocab(), &id, &kind_of) {
            found.push((i, span, declarations.contains(&(span.start, span.end))));
        }
    }
    drop(kind_of);
    Some((id, found, scope))
}

pub fn references(
    server: &Server,
    doc: &Doc,
    pos: Position,
    declaration: bool,
) -> Option<Vec<Location>> {
    let (_, found, scope) = mentions(server, doc, pos)?;
    let out = found
        .into_iter()
        .filter(|(_, _, is_decl)| declaration || !is_decl)
        .filter_map(|(i, span, _)| {
            let s = scope.get(i)?;
            Some(Location::new(s.uri.clone()?, s.text.range(span)))
        })
        .collect();
    Some(out)
}

pub fn prepare_rename(server: &Server, doc: &Doc, pos: Position) -> Option<PrepareRenameResponse> {
    let scope = scope(server, doc);
    let (_, span) = id_at(server, doc, &scope, pos)?;
    Some(PrepareRenameResponse::Range(doc.text.range(span)))
}

/// Whether a name can be an item id: a letter or `_`, then letters, digits and `_`.
fn valid_id(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphabetic() || c.is_ascii_digit() || c == '_')
}

pub fn rename(
    server: &Server,
    doc: &Doc,
    pos: Position,
    new_name: &str,
) -> Result<Option<WorkspaceEdit>, Failure> {
    if !valid_id(new_name) {
        return Err((
            -32602,
            format!("`{new_name}` is not an id (a letter or `_`, then letters, digits or `_`)"),
        ));
    }
    let Some((_, found, scope)) = mentions(server, doc, pos) else {
        return Ok(None);
    };
    // One edit a file, in the scope's order (the document first), so the answer is the same
    // every time.
    let mut edits: Vec<TextDocumentEdit> = Vec::new();
    for (i, span, _) in found {
        let Some(s) = scope.get(i) else { continue };
        let Some(uri) = s.uri.clone() else { continue };
        let edit = OneOf::Left(TextEdit::new(s.text.range(span), new_name.to_string()));
        match edits.iter_mut().find(|e| e.text_document.uri == uri) {
            Some(e) => e.edits.push(edit),
            None => edits.push(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri,
                    version: s.version,
                },
                edits: vec![edit],
            }),
        }
    }
    Ok(Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Edits(edits)),
        ..WorkspaceEdit::default()
    }))
}

/// The outline: items with their fields, and a variant's lines.
pub fn symbols(doc: &Doc) -> DocumentSymbolResponse {
    let text = &doc.text;
    let mut out = Vec::new();
    for item in &doc.parsed.file.items {
        let name = match (&item.id, &item.name) {
            (Some(id), _) => id.name.to_string(),
            (None, Some(n)) => n.value.to_string(),
            (None, None) => item.kind.keyword_in(item.words).to_string(),
        };
        let selection = item.id.as_ref().map_or(item.keyword, |i| i.span);
        out.push(symbol(
            name,
            Some(format!(
                "{}{}",
                item.kind.keyword_in(item.words),
                item.name
                    .as_ref()
                    .map_or(String::new(), |n| format!(" \"{}\"", n.value))
            )),
            kind(item.kind),
            text.range(item.span),
            text.range(selection),
            fields(text, &item.fields),
        ));
    }
    for d in &doc.parsed.file.directives {
        let (name, selection, children) = match &d.kind {
            DirectiveKind::Extends { path } => (path.value.to_string(), path.span, Vec::new()),
            DirectiveKind::Remove { id } => (id.name.to_string(), id.span, Vec::new()),
            DirectiveKind::Change { id, fields: f, .. } => {
                (id.name.to_string(), id.span, fields(text, f))
            }
        };
        out.push(symbol(
            name,
            Some(d.kind.keyword(d.words).to_string()),
            SymbolKind::NAMESPACE,
            text.range(d.span),
            text.range(selection),
            children,
        ));
    }
    out.sort_by_key(|s| (s.range.start.line, s.range.start.character));
    DocumentSymbolResponse::Nested(out)
}

fn fields(text: &Text, fields: &[ast::Field]) -> Vec<DocumentSymbol> {
    fields
        .iter()
        .map(|f| {
            symbol(
                f.name.name.to_string(),
                Some(f.value.span.text(text.as_str()).chars().take(60).collect()),
                SymbolKind::FIELD,
                text.range(f.span),
                text.range(f.name.span),
                Vec::new(),
            )
        })
        .collect()
}

fn kind(k: ItemKind) -> SymbolKind {
    match k {
        ItemKind::Model => SymbolKind::MODULE,
        ItemKind::Actor => SymbolKind::CLASS,
        ItemKind::Service => SymbolKind::FUNCTION,
        ItemKind::Flow => SymbolKind::EVENT,
        ItemKind::Agreement => SymbolKind::INTERFACE,
    }
}

#[allow(deprecated)]
fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: lsp_types::Range,
    selection_range: lsp_types::Range,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.is_empty() {
            "_".to_string()
        } else {
            name
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range,
        children: (!children.is_empty()).then_some(children),
    }
}
