//! Evaluating compiled conditions against a model.
//!
//! Values borrow from the model wherever they can; nothing is cloned per item. A value that a
//! model does not set is [`V::Missing`], and every comparison with it is false (see
//! `docs/rule-format.md`).

use std::borrow::Cow;

use super::index::Index;
use super::value::{arith, const_value, intersects, member};
pub use super::value::{compare, render, render_into, V};
use crate::model::{Ends, Item, ItemId, Model, Value};
use crate::rules::condition::ast::Quant;
use crate::rules::condition::{Const, Dir, Expr, ExprKind, Plan, Probe, QDomain, Rel};
use crate::syntax::Span;
use crate::vocab::{ItemKind, Lang, Vocabulary};

/// An item or the model block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    Model,
    Item(ItemId),
}

impl Subject {
    pub fn item(self, model: &Model) -> &Item {
        match self {
            Subject::Model => &model.header,
            Subject::Item(id) => model.item(id),
        }
    }

    /// The id users see: the item's id, or `model` for the model block.
    pub fn id(self, model: &Model) -> &str {
        match self {
            Subject::Model => "model",
            Subject::Item(id) => &model.item(id).id,
        }
    }
}

/// One step of `--explain`: a part of the condition, whether it held, and the values it saw.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub span: Span,
    pub held: bool,
    pub values: Vec<String>,
}

/// Evaluation context for one model.
pub struct Ctx<'m> {
    pub model: &'m Model,
    pub vocab: &'m Vocabulary,
    /// Parameter values at the evaluation date (`None` where no value holds yet).
    pub params: &'m [Option<Const>],
    pub slots: Vec<V<'m>>,
    /// Set while explaining: the steps of the top level of the condition.
    pub trace: Option<Vec<Step>>,
    pub lang: Lang,
    /// The model's indexes. With them, quantifiers follow their plans and relations are read
    /// from the indexes; without them every quantifier tries every item (the reference
    /// semantics that tests compare the planned evaluation against).
    pub index: Option<&'m Index>,
    /// Spare vectors for the filters of plans, reused from loop to loop.
    pool: Vec<Vec<Source<'m>>>,
}

/// The items a plan lists for a variable, before its body is evaluated on them; `true` when
/// an item may be listed more than once.
pub enum Cands<'m> {
    /// A list from an index or a path.
    Slice(&'m [ItemId], bool),
    /// A list built for this loop.
    Owned(Vec<ItemId>, bool),
}

impl<'m> Cands<'m> {
    pub fn as_slice(&self) -> &[ItemId] {
        match self {
            Cands::Slice(s, _) => s,
            Cands::Owned(v, _) => v,
        }
    }

    /// The items, each once.
    fn distinct(self) -> Self {
        match self {
            Cands::Slice(s, true) => Cands::Owned(s.to_vec(), true).distinct(),
            Cands::Owned(mut v, true) => {
                v.sort_unstable();
                v.dedup();
                Cands::Owned(v, false)
            }
            other => other,
        }
    }
}

/// What a plan lists for a loop: candidates, and filters that each must pass.
pub struct Planned<'m> {
    cands: Cands<'m>,
    filters: Vec<Source<'m>>,
}

impl Planned<'_> {
    pub fn items(&self) -> &[ItemId] {
        self.cands.as_slice()
    }

    /// Does a candidate pass every filter?
    pub fn admits(&self, i: ItemId) -> bool {
        passes(i, &self.filters)
    }
}

/// A probe's list before it is chosen: cheap to size, built only when chosen.
pub enum Source<'m> {
    Slice(&'m [ItemId], bool),
    Owned(Vec<ItemId>),
    /// Several term lists, to be merged.
    Union(Vec<&'m [ItemId]>),
    /// The items linked to the items of `inner` that pass `filters`.
    Through {
        probe: &'m Probe,
        inner: Box<Source<'m>>,
        filters: Vec<Source<'m>>,
    },
    /// Every item of a kind (the inner list of a `Through` without probes).
    Kind(&'m [ItemId]),
    /// No restriction: never chosen, never a filter.
    Everything,
    /// The union of the sides of an `or`, each its driver and filters.
    Sides(Vec<(Source<'m>, Vec<Source<'m>>)>),
}

impl Source<'_> {
    fn len(&self) -> usize {
        match self {
            Source::Slice(s, _) | Source::Kind(s) => s.len(),
            Source::Owned(v) => v.len(),
            Source::Union(ls) => ls.iter().map(|l| l.len()).sum(),
            Source::Through { inner, .. } => inner.len(),
            Source::Everything => usize::MAX,
            Source::Sides(sides) => sides
                .iter()
                .fold(0usize, |n, (d, _)| n.saturating_add(d.len())),
        }
    }

    /// Can this source tell cheaply whether it lists an item? (Its lists are sorted.)
    fn filters(&self) -> bool {
        matches!(
            self,
            Source::Slice(..) | Source::Owned(_) | Source::Union(_)
        )
    }

    /// Does this source list the item? Only for sources that [`Source::filters`].
    fn contains(&self, i: ItemId) -> bool {
        match self {
            Source::Slice(s, _) => s.binary_search(&i).is_ok(),
            Source::Owned(v) => v.contains(&i),
            Source::Union(ls) => ls.iter().any(|l| l.binary_search(&i).is_ok()),
            Source::Through { .. } | Source::Kind(_) | Source::Everything | Source::Sides(_) => {
                true
            }
        }
    }
}

/// Does an item pass every filter?
fn passes(i: ItemId, filters: &[Source]) -> bool {
    filters.iter().all(|f| f.contains(i))
}

impl<'m> Ctx<'m> {
    pub fn new(model: &'m Model, vocab: &'m Vocabulary, params: &'m [Option<Const>]) -> Ctx<'m> {
        Ctx {
            model,
            vocab,
            params,
            slots: Vec::new(),
            trace: None,
            lang: Lang::En,
            index: None,
            pool: Vec::new(),
        }
    }

    /// Binds the subject and the model block, and sizes the frame for a rule.
    pub fn bind(&mut self, subject: Subject, slots: usize) {
        self.slots.clear();
        self.slots.push(V::Item(subject));
        self.slots.push(V::Item(Subject::Model));
        self.slots.resize(slots.max(2), V::Missing);
    }

    /// Does a condition hold?
    pub fn holds(&mut self, e: &'m Expr) -> bool {
        self.eval(e, 0).truthy()
    }

    pub fn eval(&mut self, e: &'m Expr, depth: u32) -> V<'m> {
        match &e.kind {
            ExprKind::Const(c) => const_value(c),
            ExprKind::Var(slot) => self
                .slots
                .get(*slot as usize)
                .cloned()
                .unwrap_or(V::Missing),
            ExprKind::Field { base, fields } => {
                let V::Item(s) = self.eval(base, depth + 1) else {
                    return V::Missing;
                };
                // A field that holds one term, from its column, without touching the item.
                if let (Some(ix), Subject::Item(id)) = (self.index, s) {
                    let kind = ix.kind(id).unwrap_or(ItemKind::Model);
                    if let Some(t) = fields[kind.index()].and_then(|f| ix.term(f, id)) {
                        return t.map_or(V::Missing, V::Term);
                    }
                }
                let item = s.item(self.model);
                match fields[item.kind.index()].and_then(|f| item.get(f)) {
                    Some(v) => self.value(v),
                    None => V::Missing,
                }
            }
            ExprKind::Rel { base, rel } => {
                let V::Item(s) = self.eval(base, depth + 1) else {
                    return V::Missing;
                };
                self.relation(s, *rel)
            }
            ExprKind::Param(i) => self
                .params
                .get(*i as usize)
                .and_then(|c| c.as_ref())
                .map_or(V::Missing, const_value),
            ExprKind::And(parts) => {
                let ok = parts.iter().all(|p| self.leaf(p, depth));
                V::Bool(ok)
            }
            ExprKind::Or(parts) => {
                let ok = parts.iter().any(|p| self.leaf(p, depth));
                V::Bool(ok)
            }
            ExprKind::Not(inner) => V::Bool(!self.leaf(inner, depth)),
            ExprKind::Cmp(op, l, r) => {
                let (a, b) = (self.eval(l, depth + 1), self.eval(r, depth + 1));
                V::Bool(compare(*op, &a, &b))
            }
            ExprKind::In {
                negated,
                value,
                set,
            } => {
                let (v, s) = (self.eval(value, depth + 1), self.eval(set, depth + 1));
                match member(&v, &s) {
                    Some(m) => V::Bool(m != *negated),
                    None => V::Bool(false),
                }
            }
            ExprKind::Contains(list, x) => {
                if let Some(held) = self.list_holds(list, x, depth) {
                    return V::Bool(held);
                }
                let (l, x) = (self.eval(list, depth + 1), self.eval(x, depth + 1));
                V::Bool(member(&x, &l).unwrap_or(false))
            }
            ExprKind::Intersects(list, set) => {
                let (l, s) = (self.eval(list, depth + 1), self.eval(set, depth + 1));
                V::Bool(intersects(&l, &s))
            }
            ExprKind::Arith(op, l, r) => {
                let (a, b) = (self.eval(l, depth + 1), self.eval(r, depth + 1));
                arith(*op, &a, &b)
            }
            ExprKind::Quant {
                q,
                slot,
                domain,
                body,
                plan,
            } => self.quantify(*q, *slot, domain, plan, body, depth),
            ExprKind::Count {
                slot,
                domain,
                body,
                plan,
            } => {
                match body {
                    None => match self.eval_list_len(domain, depth) {
                        Some(n) => V::Num(n as f64),
                        None => V::Num(0.0),
                    },
                    Some(body) => {
                        // Over a kind, each item counts once; over a list, as often as listed.
                        let mut planned = self.planned(domain, plan, depth);
                        if let (Some(p), QDomain::Kind(_)) = (planned.as_mut(), domain) {
                            let c = std::mem::replace(&mut p.cands, Cands::Slice(&[], false));
                            p.cands = c.distinct();
                        }
                        let scan = match planned {
                            None => self.domain(domain, depth),
                            Some(_) => Cow::Borrowed(&[][..]),
                        };
                        let items = planned.as_ref().map_or(&*scan, Planned::items);
                        let mut n = 0usize;
                        for &it in items {
                            if planned.as_ref().is_some_and(|p| !p.admits(it)) {
                                continue;
                            }
                            self.set_slot(*slot, V::Item(Subject::Item(it)));
                            if self.eval(body, depth + 1).truthy() {
                                n += 1;
                            }
                        }
                        self.recycle(planned);
                        V::Num(n as f64)
                    }
                }
            }
            ExprKind::Has(p) => V::Bool(!matches!(self.eval(p, depth + 1), V::Missing)),
        }
    }

    /// Evaluates a boolean part of the condition, recording it when explaining the top level.
    fn leaf(&mut self, e: &'m Expr, depth: u32) -> bool {
        let composite = matches!(e.kind, ExprKind::And(_) | ExprKind::Or(_));
        if self.trace.is_none() || depth > 0 || composite {
            return self.eval(e, depth).truthy();
        }
        let values = self.operands(e);
        let held = self.eval(e, depth + 1).truthy();
        if let Some(t) = self.trace.as_mut() {
            t.push(Step {
                span: e.span,
                held,
                values,
            });
        }
        held
    }

    /// The values a comparison looks at, rendered for `--explain`.
    fn operands(&mut self, e: &'m Expr) -> Vec<String> {
        let sides: Vec<&Expr> = match &e.kind {
            ExprKind::Cmp(_, l, r) => vec![l, r],
            ExprKind::In { value, set, .. } => vec![value, set],
            ExprKind::Contains(l, x) => vec![l, x],
            ExprKind::Intersects(l, s) => vec![l, s],
            ExprKind::Has(p) => vec![p],
            ExprKind::Not(inner) => return self.operands(inner),
            _ => vec![],
        };
        sides
            .into_iter()
            .filter(|s| !matches!(s.kind, ExprKind::Const(_)))
            .map(|s| {
                let v = self.eval(s, 1);
                render(self.model, self.vocab, &v, self.lang)
            })
            .collect()
    }

    fn set_slot(&mut self, slot: u16, v: V<'m>) {
        let i = slot as usize;
        if i >= self.slots.len() {
            self.slots.resize(i + 1, V::Missing);
        }
        self.slots[i] = v;
    }

    fn domain(&mut self, d: &'m QDomain, depth: u32) -> Cow<'m, [ItemId]> {
        match d {
            QDomain::Kind(k) => Cow::Borrowed(self.model.of_kind(*k)),
            QDomain::Path(p) => match self.eval(p, depth + 1) {
                V::Items(items) => items,
                _ => Cow::Borrowed(&[]),
            },
        }
    }

    fn eval_list_len(&mut self, d: &'m QDomain, depth: u32) -> Option<usize> {
        match d {
            QDomain::Kind(k) => Some(self.model.of_kind(*k).len()),
            QDomain::Path(p) => match self.eval(p, depth + 1) {
                V::Items(items) => Some(items.len()),
                V::Terms(ts) => Some(ts.len()),
                _ => None,
            },
        }
    }

    fn quantify(
        &mut self,
        q: Quant,
        slot: u16,
        d: &'m QDomain,
        plan: &'m Plan,
        body: &'m Expr,
        depth: u32,
    ) -> V<'m> {
        let planned = self.planned(d, plan, depth);
        let scan = match planned {
            None => self.domain(d, depth),
            Some(_) => Cow::Borrowed(&[][..]),
        };
        let items = planned.as_ref().map_or(&*scan, Planned::items);
        let mut found = false;
        let mut all = true;
        for &it in items {
            if planned.as_ref().is_some_and(|p| !p.admits(it)) {
                continue;
            }
            self.set_slot(slot, V::Item(Subject::Item(it)));
            let held = self.eval(body, depth + 1).truthy();
            match q {
                Quant::Any | Quant::None if held => {
                    found = true;
                    break;
                }
                Quant::All if !held => {
                    all = false;
                    break;
                }
                _ => {}
            }
        }
        self.recycle(planned);
        if !all {
            return V::Bool(false);
        }
        V::Bool(match q {
            Quant::Any => found,
            Quant::None => !found,
            Quant::All => true,
        })
    }

    /// The items a quantifier's plan lists, or `None` to try every item of its domain.
    fn planned(&mut self, d: &'m QDomain, plan: &'m Plan, depth: u32) -> Option<Planned<'m>> {
        if self.index.is_none() || plan.is_scan() {
            return None;
        }
        match d {
            QDomain::Kind(k) => self.candidates(*k, plan, depth),
            QDomain::Path(p) => {
                // The list the path names, less the items a probe rules out.
                let cands = match self.eval(p, depth + 1) {
                    V::Items(Cow::Borrowed(s)) => Cands::Slice(s, true),
                    V::Items(Cow::Owned(v)) => Cands::Owned(v, true),
                    _ => Cands::Slice(&[], false),
                };
                let mut filters = self.pool.pop().unwrap_or_default();
                for p in &plan.probes {
                    let s = self.source(p, depth);
                    if s.filters() {
                        filters.push(s);
                    }
                }
                Some(Planned { cands, filters })
            }
        }
    }

    /// Returns a plan's filter vector for reuse.
    pub fn recycle(&mut self, p: Option<Planned<'m>>) {
        if let Some(Planned { mut filters, .. }) = p {
            filters.clear();
            self.pool.push(filters);
        }
    }

    /// The items of `kind` a plan lists, or `None` when no probe beats trying every item.
    /// Slot 0 and the variables bound outside the plan's quantifier must be bound.
    pub fn candidates(
        &mut self,
        kind: ItemKind,
        plan: &'m Plan,
        depth: u32,
    ) -> Option<Planned<'m>> {
        let all = self.model.of_kind(kind).len();
        let (driver, filters) = self.choose(plan, all, depth)?;
        let cands = self.build(driver, kind);
        Some(Planned { cands, filters })
    }

    /// The smallest source among a plan's probes if it is smaller than `limit`, and the other
    /// sources that can cheaply rule items out.
    fn choose(
        &mut self,
        plan: &'m Plan,
        limit: usize,
        depth: u32,
    ) -> Option<(Source<'m>, Vec<Source<'m>>)> {
        let mut srcs = self.pool.pop().unwrap_or_default();
        for p in &plan.probes {
            let s = self.source(p, depth);
            let empty = s.len() == 0;
            srcs.push(s);
            if empty {
                break;
            }
        }
        let best = srcs
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.len()))
            .min_by_key(|(_, n)| *n)
            .filter(|(_, n)| *n < limit);
        let Some((i, _)) = best else {
            srcs.clear();
            self.pool.push(srcs);
            return None;
        };
        let driver = srcs.swap_remove(i);
        srcs.retain(Source::filters);
        Some((driver, srcs))
    }

    fn source(&mut self, p: &'m Probe, depth: u32) -> Source<'m> {
        let (model, Some(ix)) = (self.model, self.index) else {
            return Source::Owned(Vec::new());
        };
        match p {
            Probe::Is(key) => match self.eval(key, depth + 1) {
                V::Item(Subject::Item(i)) => Source::Owned(vec![i]),
                _ => Source::Owned(Vec::new()),
            },
            Probe::Linked { link, key } => match self.eval(key, depth + 1) {
                V::Item(Subject::Item(i)) => {
                    let (s, dup) = ix.linking(model, *link, i);
                    Source::Slice(s, dup)
                }
                _ => Source::Owned(Vec::new()),
            },
            Probe::Among(list) => match self.eval(list, depth + 1) {
                V::Items(items) => Source::Owned(items.to_vec()),
                _ => Source::Owned(Vec::new()),
            },
            Probe::LinkedAny { link, keys } => match self.eval(keys, depth + 1) {
                V::Items(items) => Source::Union(
                    items
                        .iter()
                        .map(|y| ix.linking(model, *link, *y).0)
                        .collect(),
                ),
                _ => Source::Owned(Vec::new()),
            },
            Probe::LinkedAll { link, keys } => match self.eval(keys, depth + 1) {
                V::Items(items) => items
                    .iter()
                    .map(|y| ix.linking(model, *link, *y))
                    .min_by_key(|(s, _)| s.len())
                    .map_or(Source::Everything, |(s, dup)| Source::Slice(s, dup)),
                _ => Source::Everything,
            },
            Probe::Either { kind, sides } => {
                let all = model.of_kind(*kind).len();
                let mut parts = Vec::with_capacity(sides.len());
                for side in sides {
                    match self.choose(side, all, depth) {
                        Some(part) => parts.push(part),
                        None => return Source::Everything,
                    }
                }
                Source::Sides(parts)
            }
            Probe::Terms { field, terms } => match terms.as_slice() {
                [t] => Source::Slice(ix.with_term(*field, *t), false),
                ts => Source::Union(ts.iter().map(|t| ix.with_term(*field, *t)).collect()),
            },
            Probe::Through { kind, inner, .. } => {
                let all = model.of_kind(*kind);
                let (inner, filters) = self
                    .choose(inner, all.len(), depth)
                    .unwrap_or((Source::Kind(all), Vec::new()));
                Source::Through {
                    probe: p,
                    inner: Box::new(inner),
                    filters,
                }
            }
        }
    }

    /// Builds a chosen source into the list of items of `kind` it stands for.
    fn build(&mut self, src: Source<'m>, kind: ItemKind) -> Cands<'m> {
        let model = self.model;
        let ix = self.index;
        let of_kind = |v: &mut Vec<ItemId>| {
            v.retain(|i| {
                ix.map_or(model.item(*i).kind, |x| {
                    x.kind(*i).unwrap_or(ItemKind::Model)
                }) == kind
            });
            v.sort_unstable();
            v.dedup();
        };
        match src {
            Source::Slice(s, dup) => Cands::Slice(s, dup),
            Source::Kind(s) => Cands::Slice(s, false),
            Source::Everything => Cands::Slice(model.of_kind(kind), false),
            Source::Sides(parts) => {
                let mut out = Vec::new();
                for (driver, filters) in parts {
                    let c = self.build(driver, kind);
                    out.extend(c.as_slice().iter().filter(|i| passes(**i, &filters)));
                    self.recycle(Some(Planned {
                        cands: Cands::Slice(&[], false),
                        filters,
                    }));
                }
                of_kind(&mut out);
                Cands::Owned(out, false)
            }
            Source::Owned(mut v) => {
                of_kind(&mut v);
                Cands::Owned(v, false)
            }
            Source::Union(lists) => {
                let mut v: Vec<ItemId> = lists.concat();
                v.sort_unstable();
                v.dedup();
                Cands::Owned(v, false)
            }
            Source::Through {
                probe,
                inner,
                filters,
            } => {
                let Probe::Through {
                    link,
                    dir,
                    kind: wk,
                    ..
                } = probe
                else {
                    return Cands::Owned(Vec::new(), false);
                };
                let inner = self.build(*inner, *wk);
                let mut out = Vec::with_capacity(inner.as_slice().len());
                for &w in inner.as_slice() {
                    if !passes(w, &filters) {
                        continue;
                    }
                    match (dir, link, self.index) {
                        (Dir::Same, _, _) => out.push(w),
                        (Dir::Forward, Some(l), Some(ix)) => ix.linked_from(model, *l, w, &mut out),
                        (Dir::Inverse, Some(l), Some(ix)) => {
                            out.extend_from_slice(ix.linking(model, *l, w).0)
                        }
                        _ => {}
                    }
                }
                self.recycle(Some(Planned {
                    cands: Cands::Slice(&[], false),
                    filters,
                }));
                of_kind(&mut out);
                Cands::Owned(out, false)
            }
        }
    }

    /// `v.F contains t` for a list of terms, from the index: `None` when the index cannot tell.
    fn list_holds(&mut self, list: &'m Expr, x: &'m Expr, depth: u32) -> Option<bool> {
        let (ExprKind::Field { base, fields }, ExprKind::Const(Const::Term(t)), Some(ix)) =
            (&list.kind, &x.kind, self.index)
        else {
            return None;
        };
        match self.eval(base, depth + 1) {
            V::Item(Subject::Item(id)) => {
                let f = fields[ix.kind(id)?.index()];
                match f {
                    Some(f) => ix.list_holds(f, id, *t),
                    // The item's kind has no such field: the value is missing.
                    None => Some(false),
                }
            }
            _ => Some(false),
        }
    }

    /// Items whose reference field `f` names `id`.
    fn referrers(&self, id: ItemId, f: crate::vocab::FieldId) -> V<'m> {
        match self.index {
            Some(ix) => V::Items(Cow::Borrowed(ix.referrers(id, f))),
            None => V::Items(Cow::Owned(self.model.referrers(id, f).collect())),
        }
    }

    fn value(&self, v: &'m Value) -> V<'m> {
        match v {
            Value::Term(t) => V::Term(*t),
            Value::Terms(ts) => V::Terms(Cow::Borrowed(ts)),
            Value::Ref(r) => V::Item(Subject::Item(*r)),
            Value::Refs(rs) => V::Items(Cow::Borrowed(rs)),
            Value::Str(s) => V::Str(Cow::Borrowed(s)),
            Value::Number(n) | Value::Percent(n) => V::Num(*n),
            Value::Integer(i) => V::Num(*i as f64),
            Value::Date(d) => V::Date(*d),
            Value::Bool(b) => V::Bool(*b),
            Value::Quantity(q) => V::Qty {
                value: q.normalised(self.vocab),
                dim: q.dimension(self.vocab),
                per: q.per.is_some(),
            },
        }
    }

    fn relation(&self, s: Subject, rel: Rel) -> V<'m> {
        // Ends and parties from the index's dense array, without touching the item.
        if let (Some(ix), Subject::Item(id), Rel::From | Rel::To | Rel::Parties) =
            (self.index, s, rel)
        {
            return match (rel, ix.kind(id), ix.ends(id)) {
                (Rel::From, Some(ItemKind::Flow), Some(e)) => V::Item(Subject::Item(e[0])),
                (Rel::To, Some(ItemKind::Flow), Some(e)) => V::Item(Subject::Item(e[1])),
                (Rel::Parties, Some(ItemKind::Agreement), Some(e)) => V::Items(Cow::Borrowed(e)),
                _ => V::Missing,
            };
        }
        let model = self.model;
        let item = s.item(model);
        let id = match s {
            Subject::Item(id) => id,
            Subject::Model => {
                return match rel {
                    Rel::Id => V::Str(Cow::Borrowed("model")),
                    Rel::Name => V::Str(Cow::Borrowed(item.label())),
                    _ => V::Missing,
                }
            }
        };
        let rels = &model.relations;
        let borrowed = |lists: &'m [Vec<ItemId>]| {
            V::Items(Cow::Borrowed(
                lists.get(id.index()).map_or(&[][..], |v| v.as_slice()),
            ))
        };
        match (rel, item.ends) {
            (Rel::Id, _) => V::Str(Cow::Borrowed(&item.id)),
            (Rel::Name, _) => V::Str(Cow::Borrowed(item.label())),
            (Rel::From, Ends::Flow { from, .. }) => V::Item(Subject::Item(from)),
            (Rel::To, Ends::Flow { to, .. }) => V::Item(Subject::Item(to)),
            (Rel::Parties, Ends::Agreement { a, b }) => V::Items(Cow::Owned(vec![a, b])),
            (Rel::Provides(f), _) if item.kind == ItemKind::Actor => self.referrers(id, f),
            (Rel::Dependents(f), _) if item.kind == ItemKind::Service => self.referrers(id, f),
            (Rel::Outflows, _) if item.kind == ItemKind::Actor => borrowed(&rels.outflows),
            (Rel::Inflows, _) if matches!(item.kind, ItemKind::Actor | ItemKind::Service) => {
                borrowed(&rels.inflows)
            }
            (Rel::Agreements, _) if item.kind == ItemKind::Actor => borrowed(&rels.agreements),
            _ => V::Missing,
        }
    }
}
