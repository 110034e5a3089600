//! The resolved model: every name looked up, every field and term checked against the
//! vocabulary, every reference an index. Later stages (rules, engine, graph, report) read only
//! this, never the syntax tree.
//!
//! Items live in one vector and are addressed by [`ItemId`]; the indexes built in
//! [`Model::new`] (by kind, by id, by relation) let the engine answer "the flows into this
//! actor" or "the services that depend on this one" without scanning the model.

// Input reaches this code: no indexing that could panic (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

mod cycles;
pub mod error;
mod outline;
mod resolve;
#[cfg(test)]
pub(crate) mod tests;
mod value;
mod values;
mod variant;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// Model files are source files of the ground floor; re-exported where models are read.
pub use crate::base::source::SourceFile;
pub use error::{ModelError, ModelErrors};
#[cfg(test)]
pub use resolve::read_source;
pub use resolve::{
    load_file, load_file_with, read_source_with, resolve_source, resolve_source_with,
};
pub use value::{Quantity, Value};

use crate::syntax::Span;
use crate::vocab::{FieldId, ItemKind, Vocabulary};

/// Index of an item in [`Model::items`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId(pub u32);

impl ItemId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One field of an item, as resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldValue {
    pub field: FieldId,
    pub value: Value,
    /// The span of the value in the model file.
    pub span: Span,
}

/// The ends of a flow or the parties of an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    None,
    /// A flow runs from an actor to an actor or into a service.
    Flow {
        from: ItemId,
        to: ItemId,
    },
    /// An agreement binds two parties.
    Agreement {
        a: ItemId,
        b: ItemId,
    },
}

/// An actor, service, flow or agreement (or the model block itself).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    /// The item's id as written (`mottakerliste`). The model block's id is empty.
    pub id: String,
    /// The display name, when the item has one (`"Posten Norge AS"`).
    pub name: Option<String>,
    pub fields: Vec<FieldValue>,
    pub ends: Ends,
    /// The whole item in the source.
    pub span: Span,
    /// The item's id (or keyword, for the model block) in the source: where findings point.
    pub id_span: Span,
}

impl Item {
    /// The value of a field, if the item sets it.
    pub fn get(&self, field: FieldId) -> Option<&Value> {
        self.fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| &f.value)
    }

    /// The display name, or the id when the item has none.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// Relations between items, computed once when the model is built.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Relations {
    /// Flows leaving an item (by item index).
    pub outflows: Vec<Vec<ItemId>>,
    /// Flows arriving at an item.
    pub inflows: Vec<Vec<ItemId>>,
    /// Agreements an item is party to.
    pub agreements: Vec<Vec<ItemId>>,
    /// Items whose reference fields point at this item, with the field that points.
    pub referenced_by: Vec<Vec<(ItemId, FieldId)>>,
}

/// A resolved model.
#[derive(Debug, Clone)]
pub struct Model {
    /// The file the model was read from.
    pub source: Arc<SourceFile>,
    /// The `model` block.
    pub header: Item,
    /// The actors, services and flows, in the file's order.
    pub items: Vec<Item>,
    by_kind: [Vec<ItemId>; 5],
    by_id: HashMap<String, ItemId>,
    /// Who provides, funds and depends on what, resolved to item ids.
    pub relations: Relations,
    /// Where the items come from: `source` first, then, for a variant, the models it extends
    /// (nearest first). Items of a base keep their spans in the base's file.
    files: Vec<Arc<SourceFile>>,
    /// For each item, its file in `files`; the header's is `header_origin`.
    origins: Vec<u16>,
    header_origin: u16,
}

impl PartialEq for Model {
    /// Two models are equal when they say the same thing, whatever file and layout they came
    /// from: spans compare equal by construction.
    fn eq(&self, other: &Self) -> bool {
        self.header == other.header && self.items == other.items
    }
}

impl Model {
    /// Builds the indexes over resolved items. Item references must already be valid indexes
    /// into `items`; the resolver guarantees it.
    #[expect(
        clippy::indexing_slicing,
        reason = "item ids and kind indexes are made by the resolver for this model's own vectors"
    )]
    pub fn new(source: Arc<SourceFile>, header: Item, items: Vec<Item>) -> Model {
        let n = items.len();
        let source_file = source.clone();
        let mut by_kind: [Vec<ItemId>; 5] = Default::default();
        let mut by_id = HashMap::with_capacity(n);
        let mut relations = Relations {
            outflows: vec![Vec::new(); n],
            inflows: vec![Vec::new(); n],
            agreements: vec![Vec::new(); n],
            referenced_by: vec![Vec::new(); n],
        };
        for (i, item) in items.iter().enumerate() {
            let id = ItemId(i as u32);
            by_kind[item.kind.index()].push(id);
            by_id.insert(item.id.clone(), id);
            match item.ends {
                Ends::Flow { from, to } => {
                    push(&mut relations.outflows, from, id);
                    push(&mut relations.inflows, to, id);
                }
                Ends::Agreement { a, b } => {
                    push(&mut relations.agreements, a, id);
                    if b != a {
                        push(&mut relations.agreements, b, id);
                    }
                }
                Ends::None => {}
            }
            for fv in &item.fields {
                for target in fv.value.refs() {
                    if let Some(list) = relations.referenced_by.get_mut(target.index()) {
                        list.push((id, fv.field));
                    }
                }
            }
        }
        Model {
            source,
            header,
            items,
            by_kind,
            by_id,
            relations,
            files: vec![source_file],
            origins: vec![0; n],
            header_origin: 0,
        }
    }

    /// The path of the model's file.
    pub fn file(&self) -> &Path {
        &self.source.path
    }

    /// The model's display name (`"På dørterskelen"`).
    pub fn name(&self) -> &str {
        self.header.label()
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "item ids and kind indexes are made by the resolver for this model's own vectors"
    )]
    /// The item with this id.
    pub fn item(&self, id: ItemId) -> &Item {
        &self.items[id.index()]
    }

    /// The item whose written id is `id`, if any.
    pub fn item_by_id(&self, id: &str) -> Option<ItemId> {
        self.by_id.get(id).copied()
    }

    /// The items of one kind, in source order.
    #[expect(
        clippy::indexing_slicing,
        reason = "item ids and kind indexes are made by the resolver for this model's own vectors"
    )]
    pub fn of_kind(&self, kind: ItemKind) -> &[ItemId] {
        &self.by_kind[kind.index()]
    }

    /// Items that point at `target` through `field`, in source order (for example, with
    /// `provider`: the services an actor provides).
    pub fn referrers(&self, target: ItemId, field: FieldId) -> impl Iterator<Item = ItemId> + '_ {
        self.relations
            .referenced_by
            .get(target.index())
            .into_iter()
            .flatten()
            .filter(move |(_, f)| *f == field)
            .map(|(i, _)| *i)
    }

    /// Line and column of an item's id in its file.
    pub fn location(&self, id: ItemId) -> (usize, usize) {
        self.source_of(id).line_col(self.item(id).id_span.start)
    }

    /// The file an item's spans point into: the model's own, or, for an item a variant takes
    /// from its base, the base's.
    pub fn source_of(&self, id: ItemId) -> &Arc<SourceFile> {
        let origin = self.origins.get(id.index()).copied().unwrap_or(0);
        self.files.get(usize::from(origin)).unwrap_or(&self.source)
    }

    /// The file the `model` block's spans point into.
    pub fn header_source(&self) -> &Arc<SourceFile> {
        self.files
            .get(usize::from(self.header_origin))
            .unwrap_or(&self.source)
    }

    /// For a variant: the models it extends, nearest first (empty for a plain model).
    pub fn bases(&self) -> &[Arc<SourceFile>] {
        self.files.get(1..).unwrap_or(&[])
    }

    /// The same model, its items drawn from several files: `files[0]` must be `source`, and
    /// `origins` holds each item's index into `files`.
    pub(crate) fn with_origins(
        mut self,
        files: Vec<Arc<SourceFile>>,
        origins: Vec<u16>,
        header_origin: u16,
    ) -> Model {
        self.files = files;
        self.origins = origins;
        self.header_origin = header_origin;
        self
    }

    /// Counts of actors, services, flows and agreements, for summaries.
    pub fn counts(&self) -> [usize; 4] {
        [
            self.of_kind(ItemKind::Actor).len(),
            self.of_kind(ItemKind::Service).len(),
            self.of_kind(ItemKind::Flow).len(),
            self.of_kind(ItemKind::Agreement).len(),
        ]
    }

    /// The vocabulary field id for a name, panicking never: `None` when the vocabulary lacks it.
    pub fn field_id(vocab: &Vocabulary, kind: ItemKind, name: &str) -> Option<FieldId> {
        vocab.field_by_name(kind, name)
    }
}

fn push(lists: &mut [Vec<ItemId>], at: ItemId, value: ItemId) {
    if let Some(list) = lists.get_mut(at.index()) {
        list.push(value);
    }
}

#[cfg(test)]
mod line_col_tests {
    use super::SourceFile;

    /// The straightforward way: count from the start of the text.
    fn scan(text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let Some(before) = text.get(..offset) else {
            return (1, 1);
        };
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }

    #[test]
    fn line_and_column_agree_with_counting_from_the_start() {
        let text = "model \"Bø\" {\n  kommune: \"Å\"\n}\n\nactor ø \"Ø\" {\n}\n";
        let f = SourceFile::new("t.lsm", text);
        for offset in 0..=text.len() + 3 {
            assert_eq!(
                f.line_col(offset as u32),
                scan(text, offset),
                "offset {offset}"
            );
        }
    }
}
