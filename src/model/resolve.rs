//! The resolver: a syntax tree to a [`Model`], every name looked up, every field and term
//! checked against the vocabulary, and every error of the file collected.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::base::fsutil::{read_limited, ReadError};
use crate::base::limits::{work, Limit, LimitExceeded, Limits};
use crate::base::note::Note;
use crate::model::error::{ErrorKind, ModelError, ModelErrors, Role};
use crate::model::{cycles, values, Ends, FieldValue, Item, ItemId, Model, SourceFile};
use crate::syntax::ast::{self, Arrow};
use crate::syntax::{parse_recovering_with, Span, SyntaxErrorKind};
use crate::vocab::{closest, FieldId, ItemKind, Vocabulary, Words};

/// Reads a model file and resolves it, within the default [`Limits`]. A file that cannot be
/// read, is not UTF-8 or is over a limit is a [`ModelErrors`] like any other problem.
pub fn load_file(path: &Path, vocab: &Vocabulary) -> Result<Model, ModelErrors> {
    load_file_with(path, vocab, &Limits::default())
}

/// Reads a model file and resolves it within `limits`.
pub fn load_file_with(
    path: &Path,
    vocab: &Vocabulary,
    limits: &Limits,
) -> Result<Model, ModelErrors> {
    resolve_source_with(read_source_with(path, limits)?, vocab, limits)
}

/// Reads a file as a [`SourceFile`], refusing one over the default size limit.
#[cfg(test)]
pub fn read_source(path: &Path) -> Result<Arc<SourceFile>, ModelErrors> {
    read_source_with(path, &Limits::default())
}

/// Reads a file as a [`SourceFile`], refusing one larger than `limits.max_file_size` before
/// reading it.
pub fn read_source_with(path: &Path, limits: &Limits) -> Result<Arc<SourceFile>, ModelErrors> {
    read_source_as(path, path, limits)
}

/// Reads the file at `real` (a path already checked, see [`crate::base::fsutil::confine`]) as a
/// [`SourceFile`] named `path`, the name its diagnostics show.
pub(crate) fn read_source_as(
    real: &Path,
    path: &Path,
    limits: &Limits,
) -> Result<Arc<SourceFile>, ModelErrors> {
    let bytes = read_limited(real, limits.max_file_size()).map_err(|e| {
        let source = SourceFile::new(path, "");
        let kind = match e {
            ReadError::Io(e) => ErrorKind::Unreadable {
                reason: e.kind().to_string(),
            },
            ReadError::TooLarge { size, max } => {
                let mut over = LimitExceeded::new(Limit::FileSize, max, size);
                over.at_least = size == max.saturating_add(1);
                ErrorKind::Syntax(SyntaxErrorKind::Limit(over))
            }
            ReadError::NotAFile(what) => ErrorKind::NotAFile(what),
        };
        let error = ModelError::new(source.clone(), kind, Span::new(0, 0));
        ModelErrors::new(source, vec![error])
    })?;
    match String::from_utf8(bytes) {
        // A UTF-8 byte-order mark (Windows editors write one) is not part of the text; `fmt`
        // puts it back (`fsutil::starts_with_bom`).
        Ok(text) => match text.strip_prefix('\u{feff}') {
            Some(rest) => Ok(SourceFile::new(path, rest)),
            None => Ok(SourceFile::new(path, text)),
        },
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let source = SourceFile::new(path, text);
            let error = ModelError::new(source.clone(), ErrorKind::NotUtf8, Span::new(at, at + 3));
            Err(ModelErrors::new(source, vec![error]))
        }
    }
}

/// Parses and resolves the text of a model file, reporting every error of the file at once. A
/// file that starts with `extends` is a variant, resolved on top of its base.
pub fn resolve_source(source: Arc<SourceFile>, vocab: &Vocabulary) -> Result<Model, ModelErrors> {
    resolve_source_with(source, vocab, &Limits::default())
}

/// [`resolve_source`] within the given limits (file size, items, list length, nesting).
pub fn resolve_source_with(
    source: Arc<SourceFile>,
    vocab: &Vocabulary,
    limits: &Limits,
) -> Result<Model, ModelErrors> {
    resolve_limited(source, vocab, limits, &mut Vec::new())
}

/// [`resolve_source`], inside a chain of variants being resolved (for `extends` cycles).
pub(crate) fn resolve_in(
    source: Arc<SourceFile>,
    vocab: &Vocabulary,
    chain: &mut Vec<PathBuf>,
) -> Result<Model, ModelErrors> {
    resolve_limited(source, vocab, &Limits::default(), chain)
}

/// Resolves within `limits`. A chain of `extends` deeper than `limits.max_depth` is refused,
/// so that a long chain of variant files cannot exhaust the stack.
fn resolve_limited(
    source: Arc<SourceFile>,
    vocab: &Vocabulary,
    limits: &Limits,
    chain: &mut Vec<PathBuf>,
) -> Result<Model, ModelErrors> {
    if chain.len() > limits.max_depth {
        let over = LimitExceeded::new(Limit::Depth, limits.max_depth, chain.len());
        let kind = ErrorKind::Syntax(SyntaxErrorKind::Limit(over));
        let error = ModelError::new(source.clone(), kind, Span::new(0, 0));
        return Err(ModelErrors::new(source, vec![error]));
    }
    let parsed = parse_recovering_with(&source.text, limits);
    if parsed
        .errors
        .iter()
        .any(|e| matches!(e.kind, SyntaxErrorKind::Limit(_)))
    {
        return Err(ModelErrors::from_syntax(source, parsed.errors));
    }
    // A file with variant lines is a variant, even when its `extends` line did not parse.
    let broken_directive = parsed.broken.iter().any(|b| {
        let text = b.span.text(&source.text);
        let word = text
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        crate::syntax::ast::is_directive_word(word)
    });
    if !parsed.file.directives.is_empty() || broken_directive {
        return super::variant::resolve(source, parsed, vocab, chain);
    }
    let mut r = Resolver::new(source.clone(), vocab, &parsed);
    let broken_model = parsed
        .broken
        .iter()
        .any(|b| b.kind == Some(ItemKind::Model));
    let header = r.header(&parsed.file.items, broken_model);
    let items = r.items(&parsed.file.items, 0);
    cycles::check(&mut r, &items);
    match (r.errors.is_empty(), header) {
        (true, Some(header)) => Ok(Model::new(source, header, items)),
        _ => Err(ModelErrors::new(source, r.errors)),
    }
}

pub(crate) struct Resolver<'a> {
    pub(crate) source: Arc<SourceFile>,
    pub(crate) vocab: &'a Vocabulary,
    pub(crate) errors: Vec<ModelError>,
    /// Every item with an id: its index, kind and where the id stands.
    pub(crate) ids: HashMap<String, (ItemId, ItemKind, Span)>,
    /// Ids of items that did not parse: references to them are not reported again.
    broken: HashSet<String>,
    /// Every resolved reference: from, through which field, to, and where it is written.
    pub(crate) edges: Vec<(ItemId, FieldId, ItemId, Span)>,
    /// The "did you mean" for each unknown word of a term set, found once: a file that writes
    /// the same wrong word thousands of times compares it with the set once.
    pub(crate) term_suggestions: HashMap<(crate::vocab::TermSetId, String), Option<String>>,
}

/// The most items a file may have for its unknown references to get a "did you mean".
const MAX_SUGGESTION_POOL: usize = 10_000;

impl<'a> Resolver<'a> {
    /// A resolver for one file, starting with the file's syntax errors.
    pub(crate) fn new(
        source: Arc<SourceFile>,
        vocab: &'a Vocabulary,
        parsed: &crate::syntax::Parsed,
    ) -> Resolver<'a> {
        Resolver {
            source: source.clone(),
            vocab,
            errors: parsed
                .errors
                .iter()
                .map(|e| ModelError::from_syntax(source.clone(), e.clone()))
                .collect(),
            ids: HashMap::new(),
            broken: parsed.broken.iter().filter_map(|b| b.id.clone()).collect(),
            edges: Vec::new(),
            term_suggestions: HashMap::new(),
        }
    }

    pub(crate) fn error(&mut self, kind: ErrorKind, span: Span) {
        self.errors
            .push(ModelError::new(self.source.clone(), kind, span));
    }

    pub(crate) fn error_with(&mut self, kind: ErrorKind, span: Span, notes: Vec<(Span, Note)>) {
        let mut e = ModelError::new(self.source.clone(), kind, span);
        e.notes = notes;
        self.errors.push(e);
    }

    /// The `model` block: exactly one, with a name and no id.
    fn header(&mut self, items: &[ast::Item], broken_model: bool) -> Option<Item> {
        let mut models = items.iter().filter(|i| i.kind == ItemKind::Model);
        let Some(first) = models.next() else {
            if !broken_model {
                self.error(ErrorKind::MissingModel, Span::new(0, 0));
            }
            return None;
        };
        for extra in models {
            self.error_with(
                ErrorKind::DuplicateModel,
                extra.keyword,
                vec![(first.keyword, Note::FirstModelHere)],
            );
        }
        if let Some(id) = &first.id {
            self.error(
                ErrorKind::ModelWithId {
                    id: id.name.to_string(),
                },
                id.span,
            );
        }
        if first.name.is_none() {
            self.error(ErrorKind::MissingName, first.keyword);
        }
        if let Some(ends) = &first.ends {
            self.error(ErrorKind::UnexpectedEnds { kind: first.kind }, ends.span);
        }
        let fields = self.fields(ItemId(u32::MAX), first, true);
        Some(Item {
            kind: ItemKind::Model,
            id: String::new(),
            name: first.name.as_ref().map(|n| n.value.to_string()),
            fields,
            ends: Ends::None,
            span: first.span,
            id_span: first.keyword,
        })
    }

    /// Every item other than the model block, in source order, numbered from `first`.
    pub(crate) fn items(&mut self, items: &[ast::Item], first: usize) -> Vec<Item> {
        let items: Vec<&ast::Item> = items.iter().filter(|i| i.kind != ItemKind::Model).collect();
        let mut with_ids = Vec::new();
        for item in items {
            let Some(id) = &item.id else {
                self.error(ErrorKind::MissingId { kind: item.kind }, item.keyword);
                continue;
            };
            let index = ItemId((first + with_ids.len()) as u32);
            if let Some((_, _, first)) = self.ids.get(id.name.as_str()) {
                let first = *first;
                self.error_with(
                    ErrorKind::DuplicateId {
                        id: id.name.to_string(),
                    },
                    id.span,
                    vec![(first, Note::FirstDefinedHere)],
                );
            } else {
                self.ids
                    .insert(id.name.to_string(), (index, item.kind, id.span));
            }
            with_ids.push((index, item, id));
        }
        with_ids
            .into_iter()
            .map(|(index, item, id)| Item {
                kind: item.kind,
                id: id.name.to_string(),
                name: item.name.as_ref().map(|n| n.value.to_string()),
                ends: self.ends(item),
                fields: self.fields(index, item, true),
                span: item.span,
                id_span: id.span,
            })
            .collect()
    }

    /// The ends of a flow or the parties of an agreement.
    fn ends(&mut self, item: &ast::Item) -> Ends {
        let want = match item.kind {
            ItemKind::Flow => Arrow::Flow,
            ItemKind::Agreement => Arrow::Agreement,
            _ => {
                if let Some(ends) = &item.ends {
                    self.error(ErrorKind::UnexpectedEnds { kind: item.kind }, ends.span);
                }
                return Ends::None;
            }
        };
        let Some(ends) = &item.ends else {
            let span = item.id.as_ref().map_or(item.keyword, |i| i.span);
            let kind = ErrorKind::MissingEnds {
                kind: item.kind,
                words: item.words,
            };
            self.error(kind, span);
            return Ends::None;
        };
        if ends.arrow != want {
            let kind = ErrorKind::WrongArrow {
                kind: item.kind,
                found: ends.arrow,
            };
            self.error(kind, ends.arrow_span);
            return Ends::None;
        }
        let (from_kinds, from_role, to_kinds, to_role): (&[ItemKind], _, &[ItemKind], _) =
            match want {
                Arrow::Flow => (
                    &[ItemKind::Actor],
                    Role::FlowFrom,
                    &[ItemKind::Actor, ItemKind::Service],
                    Role::FlowTo,
                ),
                Arrow::Agreement => (
                    &[ItemKind::Actor],
                    Role::Party,
                    &[ItemKind::Actor],
                    Role::Party,
                ),
            };
        let from = self.reference(&ends.from, from_kinds, from_role);
        let to = self.reference(&ends.to, to_kinds, to_role);
        match (from, to, want) {
            (Some(from), Some(to), Arrow::Flow) => Ends::Flow { from, to },
            (Some(a), Some(b), Arrow::Agreement) => Ends::Agreement { a, b },
            _ => Ends::None,
        }
    }

    /// Looks up a reference to an item of one of `kinds`.
    pub(crate) fn reference(
        &mut self,
        word: &ast::Ident,
        kinds: &[ItemKind],
        role: Role,
    ) -> Option<ItemId> {
        if let Some(&(id, kind, _)) = self.ids.get(word.name.as_str()) {
            if kinds.contains(&kind) {
                return Some(id);
            }
            let error = ErrorKind::WrongItemKind {
                id: word.name.to_string(),
                found: kind,
                expected: kinds.to_vec(),
                role,
            };
            self.error(error, word.span);
            return None;
        }
        if self.broken.contains(word.name.as_str()) {
            return None;
        }
        // A suggestion costs a pass over every id: stop suggesting in a file full of errors,
        // and in a file of very many items, so that a file of a million wrong references does
        // not take a million times a million steps.
        let suggestion = if self.errors.len() < 100 && self.ids.len() <= MAX_SUGGESTION_POOL {
            work::add(self.ids.len());
            let mut fitting: Vec<&str> = self
                .ids
                .iter()
                .filter(|(_, (_, k, _))| kinds.contains(k))
                .map(|(name, _)| name.as_str())
                .collect();
            fitting.sort_unstable();
            closest(&word.name, fitting).map(str::to_string)
        } else {
            None
        };
        let kind = ErrorKind::UnknownReference {
            id: word.name.to_string(),
            suggestion,
        };
        self.error(kind, word.span);
        None
    }

    /// The fields of an item, each checked against the vocabulary; with `required`, the
    /// fields the vocabulary requires must be there (a variant's `change` block need not).
    pub(crate) fn fields(
        &mut self,
        index: ItemId,
        item: &ast::Item,
        required: bool,
    ) -> Vec<FieldValue> {
        let vocab = self.vocab;
        let mut seen: HashMap<FieldId, Span> = HashMap::new();
        let mut out = Vec::new();
        for field in &item.fields {
            let Some(fid) = vocab.field_by_name(item.kind, &field.name.name) else {
                self.unknown_field(item, field);
                continue;
            };
            if let Some(first) = seen.get(&fid) {
                let kind = ErrorKind::DuplicateField {
                    field: field.name.name.to_string(),
                };
                self.error_with(kind, field.name.span, vec![(*first, Note::FirstSetHere)]);
                continue;
            }
            seen.insert(fid, field.name.span);
            if let Some(value) = values::resolve(self, index, fid, field, item.words) {
                out.push(FieldValue {
                    field: fid,
                    value,
                    span: field.value.span,
                });
            }
        }
        for (fid, f) in vocab.fields_of(item.kind) {
            if required && f.required && !seen.contains_key(&fid) {
                let span = item.id.as_ref().map_or(item.keyword, |i| i.span);
                let kind = ErrorKind::MissingField {
                    field: name_in(&f.id, &f.nb, item.words).to_string(),
                    kind: item.kind,
                };
                self.error(kind, span);
            }
        }
        values::check_units(self, item, &out);
        out
    }

    fn unknown_field(&mut self, item: &ast::Item, field: &ast::Field) {
        let vocab = self.vocab;
        let suggestion =
            closest(&field.name.name, vocab.field_names(item.kind)).map(str::to_string);
        let mut known: Vec<String> = Vec::new();
        for (_, f) in vocab.fields_of(item.kind) {
            let name = name_in(&f.id, &f.nb, item.words).to_string();
            if !known.contains(&name) {
                known.push(name);
            }
        }
        let kind = ErrorKind::UnknownField {
            field: field.name.name.to_string(),
            kind: item.kind,
            suggestion,
            known,
        };
        self.error(kind, field.name.span);
    }
}

/// The English id or the Norwegian alias, in the words a file is written in.
pub(crate) fn name_in<'a>(id: &'a str, nb: &'a str, words: Words) -> &'a str {
    match words {
        Words::English => id,
        Words::Norwegian => nb,
    }
}
