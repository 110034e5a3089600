//! Indexes over a model that the engine builds once per evaluation: who references an item
//! through each reference field, which items hold a term in a field, and each agreement's
//! parties as a slice. Together with the model's own relations (flows out of and into an item,
//! agreements an item is party to) they answer every probe of a query plan without scanning.

use std::collections::{HashMap, HashSet};

use crate::model::{Ends, ItemId, Model, Value};
use crate::rules::condition::Link;
use crate::vocab::{FieldId, ItemKind, TermId, TermSetId};

/// Marks an item without a value in a [`Column`].
const NONE: u32 = u32::MAX;

/// The values of a field that holds one term, for every item, as indexes into the term set.
#[derive(Debug, Clone)]
struct Column {
    set: TermSetId,
    terms: Vec<u32>,
}

/// Lists of items per item, stored flat: the list of item `i` is
/// `items[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default)]
struct Csr {
    offsets: Vec<u32>,
    items: Vec<ItemId>,
}

impl Csr {
    /// Builds from `(owner, item)` pairs, keeping the order of the pairs for each owner.
    fn build(n: usize, pairs: &[(ItemId, ItemId)]) -> Csr {
        let mut offsets = vec![0u32; n + 1];
        for (owner, _) in pairs {
            offsets[owner.index() + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut items = vec![ItemId(0); pairs.len()];
        for (owner, item) in pairs {
            let at = &mut fill[owner.index()];
            items[*at as usize] = *item;
            *at += 1;
        }
        Csr { offsets, items }
    }

    fn get(&self, i: ItemId) -> &[ItemId] {
        match (self.offsets.get(i.index()), self.offsets.get(i.index() + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The indexes of one model.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Each item's kind, so that lists can be sorted by kind without touching the items.
    kinds: Vec<ItemKind>,
    /// A flow's `[from, to]` or an agreement's parties `[a, b]`; unused for other items. Kept
    /// apart from the items so that joins read a small, dense array.
    ends: Vec<[ItemId; 2]>,
    /// Per reference field: the items whose field names each item, in model order, once per
    /// mention (as [`Model::referrers`] lists them).
    referrers: HashMap<FieldId, Csr>,
    /// Per (field, term): the items that hold the term in the field, in model order, each once.
    terms: HashMap<(FieldId, TermId), Vec<ItemId>>,
    /// Per field (by index) that only ever holds one term: its column.
    columns: Vec<Option<Column>>,
    /// Fields that only ever hold lists of terms.
    term_lists: HashSet<FieldId>,
}

impl Index {
    pub fn build(model: &Model) -> Index {
        let n = model.items.len();
        let mut kinds = Vec::with_capacity(n);
        let mut ends = vec![[ItemId(0); 2]; n];
        let mut refs: HashMap<FieldId, Vec<(ItemId, ItemId)>> = HashMap::new();
        let mut terms: HashMap<(FieldId, TermId), Vec<ItemId>> = HashMap::new();
        // Per field: Some(column) while every value seen is one term, None once one is not.
        let mut columns: Vec<Option<Option<Column>>> = Vec::new();
        let mut lists: HashMap<FieldId, bool> = HashMap::new();
        for (i, item) in model.items.iter().enumerate() {
            let id = ItemId(i as u32);
            kinds.push(item.kind);
            match item.ends {
                Ends::Flow { from: a, to: b } | Ends::Agreement { a, b } => ends[i] = [a, b],
                Ends::None => {}
            }
            for fv in &item.fields {
                match &fv.value {
                    Value::Ref(_) | Value::Refs(_) => {
                        let list = refs.entry(fv.field).or_default();
                        for &target in fv.value.refs() {
                            if target.index() < n {
                                list.push((target, id));
                            }
                        }
                    }
                    Value::Term(_) | Value::Terms(_) => {
                        let f = fv.field.0 as usize;
                        if columns.len() <= f {
                            columns.resize(f + 1, None);
                        }
                        let slot = &mut columns[f];
                        match (&fv.value, slot.as_mut()) {
                            (Value::Term(t), None) => {
                                let mut terms = vec![NONE; n];
                                terms[i] = t.index;
                                *slot = Some(Some(Column { set: t.set, terms }));
                            }
                            (Value::Term(t), Some(Some(c))) if c.set == t.set => {
                                c.terms[i] = t.index
                            }
                            _ => *slot = Some(None),
                        }
                        let all_lists = lists.entry(fv.field).or_insert(true);
                        *all_lists &= matches!(fv.value, Value::Terms(_));
                        let ts = fv.value.terms();
                        for (j, t) in ts.iter().enumerate() {
                            if !ts[..j].contains(t) {
                                terms.entry((fv.field, *t)).or_default().push(id);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        let referrers = refs
            .into_iter()
            .map(|(f, pairs)| (f, Csr::build(n, &pairs)))
            .collect();
        Index {
            kinds,
            ends,
            referrers,
            terms,
            columns: columns.into_iter().map(Option::flatten).collect(),
            term_lists: lists
                .into_iter()
                .filter(|(_, l)| *l)
                .map(|(f, _)| f)
                .collect(),
        }
    }

    /// The term an item holds in a field, from the field's column: `None` when the field has no
    /// column (it holds lists, or nothing in this model), `Some(None)` when the item sets none.
    pub fn term(&self, field: FieldId, i: ItemId) -> Option<Option<TermId>> {
        let c = self.columns.get(field.0 as usize)?.as_ref()?;
        let t = *c.terms.get(i.index())?;
        Some((t != NONE).then_some(TermId {
            set: c.set,
            index: t,
        }))
    }

    /// Does the item's list of terms in `field` hold `term`? `None` when the field does not
    /// always hold a list.
    pub fn list_holds(&self, field: FieldId, i: ItemId, term: TermId) -> Option<bool> {
        self.term_lists
            .contains(&field)
            .then(|| self.with_term(field, term).binary_search(&i).is_ok())
    }

    pub fn kind(&self, i: ItemId) -> Option<ItemKind> {
        self.kinds.get(i.index()).copied()
    }

    /// A flow's `[from, to]` or an agreement's parties.
    pub fn ends(&self, i: ItemId) -> Option<&[ItemId; 2]> {
        match self.kind(i)? {
            ItemKind::Flow | ItemKind::Agreement => self.ends.get(i.index()),
            _ => None,
        }
    }

    /// The items whose reference field `field` names `target`, in model order.
    pub fn referrers(&self, target: ItemId, field: FieldId) -> &[ItemId] {
        self.referrers
            .get(&field)
            .map_or(&[][..], |c| c.get(target))
    }

    /// The items that hold `term` in `field`, in model order.
    pub fn with_term(&self, field: FieldId, term: TermId) -> &[ItemId] {
        self.terms
            .get(&(field, term))
            .map_or(&[][..], |v| v.as_slice())
    }

    /// The items `x` with `x -link-> target`, in model order; `true` when an item may be listed
    /// more than once (a reference list that names the same item twice).
    pub fn linking<'a>(
        &'a self,
        model: &'a Model,
        link: Link,
        target: ItemId,
    ) -> (&'a [ItemId], bool) {
        let rel =
            |lists: &'a [Vec<ItemId>]| lists.get(target.index()).map_or(&[][..], |v| v.as_slice());
        match link {
            Link::From => (rel(&model.relations.outflows), false),
            Link::To => (rel(&model.relations.inflows), false),
            Link::Parties => (rel(&model.relations.agreements), false),
            Link::Field(f) => (self.referrers(target, f), true),
        }
    }

    /// The items `x` links to through `link` (`x -link-> y`), pushed onto `out`.
    pub fn linked_from(&self, model: &Model, link: Link, x: ItemId, out: &mut Vec<ItemId>) {
        match (link, self.kind(x)) {
            (Link::From, Some(ItemKind::Flow)) => out.push(self.ends[x.index()][0]),
            (Link::To, Some(ItemKind::Flow)) => out.push(self.ends[x.index()][1]),
            (Link::Parties, Some(ItemKind::Agreement)) => out.extend(self.ends[x.index()]),
            (Link::Field(f), Some(_)) => {
                if let Some(v) = model.item(x).get(f) {
                    out.extend_from_slice(v.refs());
                }
            }
            _ => {}
        }
    }
}
