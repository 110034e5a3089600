//! Variants: a model file that starts with `extends "base.lsm"` (`utvider`) and then adds
//! items, takes items out (`remove ITEM_ID`, `fjern`) and replaces fields (`change ITEM_ID
//! { ... }`, `endre`). It resolves to a full model: the base's items (minus the removed ones,
//! with the changed fields) followed by the variant's own.
//!
//! The base is resolved first, on its own (and a base may itself be a variant); the variant's
//! lines are then resolved against the base's items, so every error of the variant points into
//! the variant, and the base's own errors into the base. Items taken from a base keep their
//! spans in the base's file ([`Model::source_of`]).
//!
//! A variant must lie in its base's folder or below it (`variants/<model>/x.lsm` extends
//! `../../model.lsm`), so a path can never reach outside the base's folder tree; and a circle
//! of `extends` is an error.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::base::fsutil::{confine, project_root, Refused};
use crate::base::limits::Limits;
use crate::model::error::{ErrorKind, ModelErrors};
use crate::model::resolve::read_source_as;
use crate::model::resolve::{name_in, resolve_in, Resolver};
use crate::model::{Ends, FieldValue, Item, ItemId, Model, SourceFile, Value};
use crate::syntax::ast::{self, DirectiveKind};
use crate::syntax::{Parsed, Span};
use crate::vocab::{closest, FieldId, ItemKind, Vocabulary, Words};

/// Resolves a variant (a file with `extends`, `remove` or `change` lines).
pub(crate) fn resolve(
    source: Arc<SourceFile>,
    parsed: Parsed,
    vocab: &Vocabulary,
    chain: &mut Vec<PathBuf>,
) -> Result<Model, ModelErrors> {
    let mut r = Resolver::new(source.clone(), vocab, &parsed);
    let file = &parsed.file;
    let Some(path) = shape(&mut r, file) else {
        return Err(ModelErrors::new(source, r.errors));
    };
    let base = match load_base(&mut r, &source, path, chain) {
        Ok(base) => base,
        Err(base_errors) => {
            let errors = ModelErrors::new(source, r.errors);
            return Err(match base_errors {
                Some(b) => errors.with_base(b),
                None => errors,
            });
        }
    };
    let model = Merge::new(r, &base, file).run();
    model.map_err(|errors| ModelErrors::new(source, errors))
}

/// Checks where the `extends` lines stand, and returns the path of the one that counts.
#[expect(
    clippy::indexing_slicing,
    reason = "item indexes come from the model this variant is resolved on, and the removed flags are sized to it"
)]
fn shape<'f>(r: &mut Resolver<'_>, file: &'f ast::File) -> Option<&'f ast::Str> {
    let extends: Vec<&ast::Directive> = file
        .directives
        .iter()
        .filter(|d| matches!(d.kind, DirectiveKind::Extends { .. }))
        .collect();
    let Some(first) = extends.first() else {
        for d in &file.directives {
            let keyword = d.kind.keyword(d.words).to_string();
            r.error(ErrorKind::WithoutExtends { keyword }, d.keyword);
        }
        return None;
    };
    for extra in &extends[1..] {
        r.error(ErrorKind::ExtendsTwice, extra.keyword);
    }
    let earliest = file
        .items
        .iter()
        .map(|i| i.span.start)
        .chain(file.directives.iter().map(|d| d.span.start))
        .min();
    if earliest.is_some_and(|e| e < first.span.start) {
        r.error(ErrorKind::ExtendsNotFirst, first.keyword);
    }
    match &first.kind {
        DirectiveKind::Extends { path } => Some(path),
        _ => None,
    }
}

/// `a/b/../c` as `a/c`, without asking the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// At most this many entries of a folder are read for a did-you-mean of a base's path.
const SUGGEST_MAX_ENTRIES: usize = 1_000;

/// The `*.lsm` file in the base's folder whose name is closest to the one written, as it
/// would be written (`written` is relative to the variant's folder `dir`). Bounded work: a
/// name longer than any file name gets no suggestion, at most [`SUGGEST_MAX_ENTRIES`] entries
/// of the folder are read, and only names of about the same length are compared.
fn closest_model(dir: &Path, written: &str) -> Option<String> {
    let path = dir.join(written);
    let folder = path.parent().filter(|d| !d.as_os_str().is_empty());
    let folder = folder.unwrap_or(Path::new("."));
    let name = path.file_name()?.to_string_lossy().into_owned();
    let len = name.chars().count();
    if len > 255 {
        return None;
    }
    let names: Vec<String> = std::fs::read_dir(folder)
        .ok()?
        .take(SUGGEST_MAX_ENTRIES)
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".lsm") && n.chars().count().abs_diff(len) <= 3)
        .collect();
    let best = closest(&name, names.iter().map(String::as_str))?;
    let at = written.rfind(&name)?;
    Some(format!("{}{best}", written.get(..at)?))
}

/// Reads and resolves the base. `Err(Some(errors))` when the base has errors of its own.
/// The path is checked before anything is opened (see [`crate::base::fsutil::confine`]): the base
/// must be a regular `*.lsm` file inside the project of the first model of the chain.
fn load_base(
    r: &mut Resolver<'_>,
    source: &Arc<SourceFile>,
    path: &ast::Str,
    chain: &mut Vec<PathBuf>,
) -> Result<Model, Option<ModelErrors>> {
    let written = path.value.clone();
    let dir = source.path.parent().unwrap_or(Path::new(""));
    let joined = normalize(&dir.join(&written));
    let refuse = |r: &mut Resolver<'_>, why: Refused| {
        let path_text = written.to_string();
        r.error(
            ErrorKind::BaseRefused {
                path: path_text,
                why,
            },
            path.span,
        );
        Err(None)
    };
    if Path::new(written.as_str()).has_root() || Path::new(written.as_str()).is_absolute() {
        return refuse(r, Refused::Absolute);
    }
    if joined.extension().is_none_or(|e| e != "lsm") {
        r.error(
            ErrorKind::BaseNotModel {
                path: written.to_string(),
            },
            path.span,
        );
        return Err(None);
    }
    let canon_self = std::fs::canonicalize(&source.path)
        .or_else(|_| std::path::absolute(&source.path))
        .unwrap_or_else(|_| source.path.clone());
    let canon_dir = canon_self.parent().unwrap_or(Path::new("/"));
    let top_dir = chain.first().and_then(|p| p.parent()).unwrap_or(canon_dir);
    let root = project_root(top_dir);
    let canon_base = match confine(&root, canon_dir, Path::new(written.as_str())) {
        Ok(p) => p,
        Err(Refused::Missing(kind)) => {
            let suggestion = closest_model(dir, &written).filter(|s| *s != written);
            let reason = match kind {
                std::io::ErrorKind::NotFound => "there is no such file".to_string(),
                k => k.to_string(),
            };
            r.error(
                ErrorKind::UnknownBase {
                    path: written.to_string(),
                    reason,
                    suggestion,
                },
                path.span,
            );
            return Err(None);
        }
        Err(why) => return refuse(r, why),
    };
    let base_dir = canon_base.parent().unwrap_or(Path::new("/"));
    if !canon_self.parent().is_some_and(|d| d.starts_with(base_dir)) {
        r.error(
            ErrorKind::OutsideTree {
                path: written.to_string(),
            },
            path.span,
        );
        return Err(None);
    }
    if let Some(at) = chain
        .iter()
        .chain(std::iter::once(&canon_self))
        .position(|p| *p == canon_base)
    {
        let name = |p: &PathBuf| {
            p.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        };
        let mut cycle: Vec<String> = chain
            .iter()
            .chain(std::iter::once(&canon_self))
            .skip(at)
            .map(name)
            .collect();
        cycle.push(name(&canon_base));
        r.error(ErrorKind::ExtendsCycle { cycle }, path.span);
        return Err(None);
    }
    let base_source = read_source_as(&canon_base, &joined, &Limits::default()).map_err(Some)?;
    chain.push(canon_self);
    let resolved = resolve_in(base_source, r.vocab, chain);
    chain.pop();
    resolved.map_err(|e| {
        r.error(
            ErrorKind::InvalidBase {
                path: written.to_string(),
                count: e.len(),
            },
            path.span,
        );
        Some(e)
    })
}

/// The merge of a variant's lines into its base.
struct Merge<'r, 'b> {
    r: Resolver<'r>,
    base: &'b Model,
    file: &'b ast::File,
    removed: Vec<bool>,
    /// Ids already removed or changed, so a second time is an error.
    touched: HashSet<String>,
    words: Words,
}

impl<'r, 'b> Merge<'r, 'b> {
    fn new(r: Resolver<'r>, base: &'b Model, file: &'b ast::File) -> Merge<'r, 'b> {
        let words = file.directives.first().map_or(Words::English, |d| d.words);
        Merge {
            r,
            base,
            file,
            removed: vec![false; base.items.len()],
            touched: HashSet::new(),
            words,
        }
    }

    fn base_ids(&self) -> Vec<&'b str> {
        let mut ids: Vec<&str> = self.base.items.iter().map(|i| i.id.as_str()).collect();
        ids.sort_unstable();
        ids
    }

    /// The base's item that a `remove` or `change` names, or an error.
    #[expect(
        clippy::indexing_slicing,
        reason = "item indexes come from the model this variant is resolved on, and the removed flags are sized to it"
    )]
    fn target(&mut self, id: &ast::Ident, change: bool) -> Option<ItemId> {
        if self.touched.contains(id.name.as_str()) {
            let kind = ErrorKind::TwiceInVariant {
                id: id.name.to_string(),
            };
            self.r.error(kind, id.span);
            return None;
        }
        let found = self
            .base
            .item_by_id(&id.name)
            .filter(|i| !self.removed[i.index()]);
        let Some(item) = found else {
            let suggestion = closest(&id.name, self.base_ids()).map(str::to_string);
            let name = id.name.clone();
            let kind = if change {
                ErrorKind::ChangeMissing {
                    id: name.to_string(),
                    suggestion,
                }
            } else {
                ErrorKind::RemoveMissing {
                    id: name.to_string(),
                    suggestion,
                }
            };
            self.r.error(kind, id.span);
            return None;
        };
        self.touched.insert(id.name.to_string());
        Some(item)
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "item indexes come from the model this variant is resolved on, and the removed flags are sized to it"
    )]
    fn run(mut self) -> Result<Model, Vec<crate::model::ModelError>> {
        for (i, item) in self.base.items.iter().enumerate() {
            self.r.ids.insert(
                item.id.clone(),
                (ItemId(i as u32), item.kind, Span::default()),
            );
        }
        // Removals first: what a variant removes, its own items cannot name.
        for d in &self.file.directives {
            if let DirectiveKind::Remove { id } = &d.kind {
                if let Some(item) = self.target(id, false) {
                    self.removed[item.index()] = true;
                    self.r.ids.remove(id.name.as_str());
                }
            }
        }
        let new_items = self.new_items();
        let mut items: Vec<Item> = self.base.items.clone();
        for d in &self.file.directives {
            if let DirectiveKind::Change {
                id,
                fields,
                open,
                close,
            } = &d.kind
            {
                let Some(target) = self.target(id, true) else {
                    continue;
                };
                let fake = ast::Item {
                    kind: self.base.item(target).kind,
                    words: d.words,
                    keyword: d.keyword,
                    id: Some(id.clone()),
                    name: None,
                    ends: None,
                    fields: fields.clone(),
                    open: *open,
                    close: *close,
                    span: d.span,
                };
                let changed = self.change_fields(target, &fake, d.span);
                let item = &mut items[target.index()];
                let checked = changed.clone();
                replace_fields(item, changed);
                super::values::check_changed_units(&mut self.r, d.words, &item.fields, &checked);
            }
        }
        let header = self.header();
        items.extend(new_items);
        self.still_referenced(&items);
        self.cycles(&items);
        if !self.r.errors.is_empty() {
            return Err(self.r.errors);
        }
        Ok(self.build(header, items))
    }

    /// The variant's own items, numbered after the base's; an id the base has is an error.
    #[expect(
        clippy::indexing_slicing,
        reason = "item indexes come from the model this variant is resolved on, and the removed flags are sized to it"
    )]
    fn new_items(&mut self) -> Vec<Item> {
        let mut fresh = Vec::new();
        for item in &self.file.items {
            if item.kind == ItemKind::Model {
                continue;
            }
            let in_base = item
                .id
                .as_ref()
                .and_then(|id| self.base.item_by_id(&id.name))
                .is_some_and(|i| !self.removed[i.index()]);
            if in_base {
                if let Some(id) = &item.id {
                    let kind = ErrorKind::AlreadyInBase {
                        id: id.name.to_string(),
                    };
                    self.r.error(kind, id.span);
                }
                continue;
            }
            fresh.push(item.clone());
        }
        self.r.items(&fresh, self.base.items.len())
    }

    /// The fields of a `change` block, checked against the vocabulary of the item's kind.
    fn change_fields(&mut self, target: ItemId, fake: &ast::Item, span: Span) -> Vec<FieldValue> {
        let before = self.r.errors.len();
        let fields = self.r.fields(target, fake, false);
        // Notes may point at the base's fields, which are in another file: keep only those
        // inside this block.
        for e in self.r.errors.iter_mut().skip(before) {
            e.notes
                .retain(|(s, _)| s.start >= span.start && s.end <= span.end);
        }
        fields
    }

    /// The base's `model` block, with the variant's own `model` block (if any) laid over it.
    fn header(&mut self) -> (Item, bool) {
        let mut header = self.base.header.clone();
        let mut blocks = self.file.items.iter().filter(|i| i.kind == ItemKind::Model);
        let Some(own) = blocks.next() else {
            return (header, false);
        };
        for extra in blocks {
            self.r.error(ErrorKind::DuplicateModel, extra.keyword);
        }
        if let Some(id) = &own.id {
            let kind = ErrorKind::ModelWithId {
                id: id.name.to_string(),
            };
            self.r.error(kind, id.span);
        }
        if let Some(name) = &own.name {
            header.name = Some(name.value.to_string());
        }
        let fields = self.r.fields(ItemId(u32::MAX), own, false);
        replace_fields(&mut header, fields);
        header.span = own.span;
        header.id_span = own.keyword;
        (header, true)
    }

    /// A removed item that a remaining item still names (in a field, or as an end of a flow
    /// or agreement) is an error on the `remove` line.
    #[expect(
        clippy::indexing_slicing,
        reason = "item indexes come from the model this variant is resolved on, and the removed flags are sized to it"
    )]
    fn still_referenced(&mut self, items: &[Item]) {
        for d in &self.file.directives {
            let DirectiveKind::Remove { id } = &d.kind else {
                continue;
            };
            let Some(gone) = self.base.item_by_id(&id.name) else {
                continue;
            };
            if !self.removed[gone.index()] {
                continue;
            }
            let mut by = Vec::new();
            for (i, item) in items.iter().enumerate() {
                if i < self.removed.len() && self.removed[i] {
                    continue;
                }
                for fv in &item.fields {
                    if fv.value.refs().contains(&gone) {
                        by.push(format!("{}.{}", item.id, self.field_name(fv.field)));
                    }
                }
                let end = match item.ends {
                    Ends::Flow { from, .. } if from == gone => Some("from"),
                    Ends::Flow { to, .. } if to == gone => Some("to"),
                    Ends::Agreement { a, b } if a == gone || b == gone => Some("parties"),
                    _ => None,
                };
                if let Some(end) = end {
                    by.push(format!("{}.{end}", item.id));
                }
            }
            if !by.is_empty() {
                let kind = ErrorKind::StillReferenced {
                    id: id.name.to_string(),
                    by,
                };
                self.r.error(kind, id.span);
            }
        }
    }

    fn field_name(&self, field: FieldId) -> &str {
        let f = self.r.vocab.field(field);
        name_in(&f.id, &f.nb, self.words)
    }

    /// A `depends_on` link the variant writes that closes a circle through the merged model.
    #[expect(
        clippy::indexing_slicing,
        reason = "item indexes come from the model this variant is resolved on, and the removed flags are sized to it"
    )]
    fn cycles(&mut self, items: &[Item]) {
        let vocab = self.r.vocab;
        let Some(depends_on) = vocab.field_by_name(ItemKind::Service, "depends_on") else {
            return;
        };
        let by_index: HashMap<ItemId, &Item> = items
            .iter()
            .enumerate()
            .filter(|(i, _)| *i >= self.removed.len() || !self.removed[*i])
            .map(|(i, it)| (ItemId(i as u32), it))
            .collect();
        let deps = |id: ItemId| -> Vec<ItemId> {
            by_index
                .get(&id)
                .and_then(|it| it.get(depends_on))
                .map(|v| v.refs().to_vec())
                .unwrap_or_default()
        };
        let mut reported: Vec<Vec<ItemId>> = Vec::new();
        let edges: Vec<(ItemId, ItemId, Span)> = self
            .r
            .edges
            .iter()
            .filter(|(_, f, _, _)| *f == depends_on)
            .map(|&(from, _, to, span)| (from, to, span))
            .collect();
        for (from, to, span) in edges {
            // The shortest way from `to` back to `from`.
            let mut parent: HashMap<ItemId, ItemId> = HashMap::new();
            let mut queue = VecDeque::from([to]);
            let mut found = to == from;
            while let Some(at) = queue.pop_front() {
                if at == from {
                    found = true;
                    break;
                }
                for next in deps(at) {
                    if next != to && !parent.contains_key(&next) {
                        parent.insert(next, at);
                        queue.push_back(next);
                    }
                }
            }
            if !found {
                continue;
            }
            let mut path = vec![from];
            let mut at = from;
            while at != to {
                let Some(&p) = parent.get(&at) else { break };
                path.push(p);
                at = p;
            }
            path.reverse();
            let mut members = path.clone();
            members.sort();
            if reported.contains(&members) {
                continue;
            }
            reported.push(members);
            let name = |id: ItemId| by_index.get(&id).map_or(String::new(), |i| i.id.clone());
            let mut cycle: Vec<String> = std::iter::once(from)
                .chain(path.iter().copied())
                .map(name)
                .collect();
            cycle.dedup();
            if cycle.first() != cycle.last() || cycle.len() == 1 {
                cycle.push(name(from));
            }
            self.r.error(ErrorKind::DependsOnCycle { cycle }, span);
        }
    }

    /// The model: surviving base items first (renumbered), then the variant's own.
    #[expect(
        clippy::indexing_slicing,
        reason = "item indexes come from the model this variant is resolved on, and the removed flags are sized to it"
    )]
    fn build(self, header: (Item, bool), items: Vec<Item>) -> Model {
        let n = self.base.items.len();
        let mut map: Vec<Option<ItemId>> = Vec::with_capacity(items.len());
        let mut next = 0u32;
        for i in 0..items.len() {
            if i < n && self.removed[i] {
                map.push(None);
            } else {
                map.push(Some(ItemId(next)));
                next += 1;
            }
        }
        let mut origins = Vec::new();
        let mut kept = Vec::new();
        for (i, mut item) in items.into_iter().enumerate() {
            if map[i].is_none() {
                continue;
            }
            renumber(&mut item, &map);
            origins.push(if i < n {
                self.base.origins.get(i).map_or(1, |o| o + 1)
            } else {
                0
            });
            kept.push(item);
        }
        let (mut header, own) = header;
        renumber(&mut header, &map);
        let header_origin = if own { 0 } else { self.base.header_origin + 1 };
        let source = self.r.source.clone();
        let mut files = vec![source.clone()];
        files.extend(self.base.files.iter().cloned());
        Model::new(source, header, kept).with_origins(files, origins, header_origin)
    }
}

/// Lays changed fields over an item's: a field set in both takes the new value.
fn replace_fields(item: &mut Item, changed: Vec<FieldValue>) {
    for fv in changed {
        match item.fields.iter_mut().find(|f| f.field == fv.field) {
            Some(old) => *old = fv,
            None => item.fields.push(fv),
        }
    }
}

/// Points an item's references at the merged model's numbering.
fn renumber(item: &mut Item, map: &[Option<ItemId>]) {
    let at = |id: ItemId| map.get(id.index()).copied().flatten().unwrap_or(id);
    item.ends = match item.ends {
        Ends::Flow { from, to } => Ends::Flow {
            from: at(from),
            to: at(to),
        },
        Ends::Agreement { a, b } => Ends::Agreement { a: at(a), b: at(b) },
        Ends::None => Ends::None,
    };
    for fv in &mut item.fields {
        fv.value = match &fv.value {
            Value::Ref(r) => Value::Ref(at(*r)),
            Value::Refs(rs) => Value::Refs(rs.iter().map(|r| at(*r)).collect()),
            other => other.clone(),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use std::path::Path;

    #[test]
    fn normalize_resolves_parent_steps() {
        assert_eq!(
            normalize(Path::new("models/variants/paa/../../paa.lsm")),
            Path::new("models/paa.lsm")
        );
        assert_eq!(normalize(Path::new("./a/./b.lsm")), Path::new("a/b.lsm"));
        assert_eq!(normalize(Path::new("../x.lsm")), Path::new("../x.lsm"));
    }
}
