//! Query planning: how a quantifier (`any(agreement a: ...)`, `count(actor m: ...)`) or a rule's
//! loop over its subjects finds the few items that can satisfy its body, instead of trying every
//! item of the kind.
//!
//! The planner reads the conjuncts of a body (`a and b and c`). Each conjunct of a known shape
//! is a *probe*: a way to list a superset of the items for which that conjunct can hold, from an
//! index of the model. `a.parties contains flow.from` lists the agreements `flow.from` is party
//! to; `f.data contains health` lists the flows carrying health data; `any(flow f: f.from == m
//! and f.to == actor)` lists, for `m`, the senders of the flows into `actor`. At run time the
//! engine asks each probe how many items it would list, takes the smallest, and evaluates the
//! whole body on those items only. The body is still evaluated in full, so a plan never changes
//! what a condition means: it only skips items for which one conjunct is certainly false. That is
//! why shapes are recognised wherever the author put them in the condition, and why join-style
//! rules and group-by counts run in time linear in the model.
//!
//! A probe's key (`flow.from` above) may only use variables bound outside the quantifier, so the
//! engine can evaluate it once, before the loop.

use super::ast::{CmpOp, Quant};
use super::ir::{Const, Expr, ExprKind, QDomain, Rel};
use crate::vocab::{FieldId, ItemKind, TermId, ValueType, Vocabulary};

/// How a binary relation between items is written in a condition. `x -L-> y`:
/// `From`: a flow `x` runs from the actor `y`; `To`: into `y`; `Parties`: `y` is a party of the
/// agreement `x`; `Field(F)`: the reference field `F` of `x` names `y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    From,
    To,
    Parties,
    Field(FieldId),
}

/// Which way a [`Probe::Through`] follows its link from the inner items to the candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// The candidates are what the inner items link to (`f.from == m`: `m` is `f`'s sender).
    Forward,
    /// The candidates are the items that link to the inner items (`m.requires contains f`).
    Inverse,
    /// The candidates are the inner items themselves (`w == m`).
    Same,
}

/// A way to list a superset of the items for which one conjunct of a body holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Probe {
    /// `v == KEY`: at most the item the key names.
    Is(Expr),
    /// `v.L == KEY`, `v.L contains KEY`, `KEY in v.L`: the items that link to the key's item.
    Linked { link: Link, key: Expr },
    /// `v.F == t`, `v.F in [..]`, `v.F contains t`, `v.F intersects [..]`: the items that hold
    /// one of the terms in `F`.
    Terms { field: FieldId, terms: Vec<TermId> },
    /// `any(KIND w: w.L == v and ...)` and `any(w in v.outflows: ...)`: the items linked to the
    /// candidates of `w`, which `inner` finds from the rest of that quantifier's body.
    Through {
        link: Option<Link>,
        dir: Dir,
        /// The kind of `w`.
        kind: ItemKind,
        inner: Plan,
    },
}

/// The probes of a quantifier or rule; empty when every item of the kind must be tried.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub probes: Vec<Probe>,
}

impl Plan {
    pub fn is_scan(&self) -> bool {
        self.probes.is_empty()
    }
}

/// Variable slots as a bit set; slots past 63 are never treated as bound.
type Slots = u64;

fn bit(slot: u16) -> Slots {
    if slot < 64 {
        1 << slot
    } else {
        0
    }
}

/// The variables an expression uses that it does not bind itself. Slots past 63 count as all.
pub fn free(e: &Expr) -> Slots {
    match &e.kind {
        ExprKind::Var(s) => {
            if *s < 64 {
                1 << s
            } else {
                Slots::MAX
            }
        }
        ExprKind::Const(_) | ExprKind::Param(_) => 0,
        ExprKind::Field { base, .. } | ExprKind::Rel { base, .. } => free(base),
        ExprKind::And(ps) | ExprKind::Or(ps) => ps.iter().fold(0, |a, p| a | free(p)),
        ExprKind::Not(x) | ExprKind::Has(x) => free(x),
        ExprKind::Cmp(_, a, b)
        | ExprKind::Contains(a, b)
        | ExprKind::Intersects(a, b)
        | ExprKind::Arith(_, a, b) => free(a) | free(b),
        ExprKind::In { value, set, .. } => free(value) | free(set),
        ExprKind::Quant {
            slot, domain, body, ..
        } => domain_free(domain) | (free(body) & !bit(*slot)),
        ExprKind::Count {
            slot, domain, body, ..
        } => domain_free(domain) | body.as_ref().map_or(0, |b| free(b) & !bit(*slot)),
    }
}

fn domain_free(d: &QDomain) -> Slots {
    match d {
        QDomain::Kind(_) => 0,
        QDomain::Path(p) => free(p),
    }
}

/// Plans a rule: every quantifier inside its condition, and the loop over its subjects (slot 0,
/// with the model block in slot 1 bound).
pub fn plan_rule(when: &mut Expr, kind: ItemKind, vocab: &Vocabulary) -> Plan {
    let p = Planner { vocab };
    let bound = bit(0) | bit(1);
    p.walk(when, bound);
    if kind == ItemKind::Model {
        return Plan::default();
    }
    p.plan(0, kind, when, bit(1))
}

struct Planner<'a> {
    vocab: &'a Vocabulary,
}

impl Planner<'_> {
    /// Plans every quantifier and count over a kind inside `e`; `bound` holds the variables
    /// bound where `e` stands.
    fn walk(&self, e: &mut Expr, bound: Slots) {
        match &mut e.kind {
            ExprKind::Const(_) | ExprKind::Var(_) | ExprKind::Param(_) => {}
            ExprKind::Field { base, .. } | ExprKind::Rel { base, .. } => self.walk(base, bound),
            ExprKind::And(ps) | ExprKind::Or(ps) => ps.iter_mut().for_each(|p| self.walk(p, bound)),
            ExprKind::Not(x) | ExprKind::Has(x) => self.walk(x, bound),
            ExprKind::Cmp(_, a, b)
            | ExprKind::Contains(a, b)
            | ExprKind::Intersects(a, b)
            | ExprKind::Arith(_, a, b) => {
                self.walk(a, bound);
                self.walk(b, bound);
            }
            ExprKind::In { value, set, .. } => {
                self.walk(value, bound);
                self.walk(set, bound);
            }
            ExprKind::Quant {
                q,
                slot,
                domain,
                body,
                plan,
            } => {
                if let QDomain::Path(p) = domain {
                    self.walk(p, bound);
                }
                self.walk(body, bound | bit(*slot));
                // `all` must see every item; `any` and `none` only those that can satisfy it.
                if matches!(q, Quant::Any | Quant::None) {
                    if let Some(k) = self.element_kind(domain) {
                        *plan = self.plan(*slot, k, body, bound);
                    }
                }
            }
            ExprKind::Count {
                slot,
                domain,
                body,
                plan,
            } => {
                if let QDomain::Path(p) = domain {
                    self.walk(p, bound);
                }
                if let Some(body) = body {
                    self.walk(body, bound | bit(*slot));
                    if let Some(k) = self.element_kind(domain) {
                        *plan = self.plan(*slot, k, body, bound);
                    }
                }
            }
        }
    }

    /// The one kind of item a quantifier ranges over, if it is one kind. Over a list of several
    /// kinds (a service's `requires` names flows and agreements) there is no plan: a probe
    /// built for one kind would rule out the items of the others.
    fn element_kind(&self, d: &QDomain) -> Option<ItemKind> {
        let p = match d {
            QDomain::Kind(k) => return Some(*k),
            QDomain::Path(p) => p,
        };
        match &p.kind {
            ExprKind::Rel { rel, .. } => match rel {
                Rel::Outflows | Rel::Inflows => Some(ItemKind::Flow),
                Rel::Agreements => Some(ItemKind::Agreement),
                Rel::Provides(_) | Rel::Dependents(_) => Some(ItemKind::Service),
                Rel::Parties => Some(ItemKind::Actor),
                _ => None,
            },
            ExprKind::Field { fields, .. } => {
                let mut kinds =
                    fields
                        .iter()
                        .flatten()
                        .map(|f| match &self.vocab.field(*f).value {
                            ValueType::Ref(ks) | ValueType::Refs(ks) => ks.as_slice(),
                            _ => &[],
                        });
                let first = kinds.next()?;
                match first {
                    [k] if kinds.all(|ks| ks == first) => Some(*k),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The probes for variable `v` of kind `kind` in `body`, with keys over `bound` only.
    fn plan(&self, v: u16, kind: ItemKind, body: &Expr, bound: Slots) -> Plan {
        let mut probes = Vec::new();
        for c in conjuncts(body) {
            if let Some(p) = self.probe(c, v, kind, bound) {
                probes.push(p);
            }
        }
        Plan { probes }
    }

    fn probe(&self, c: &Expr, v: u16, kind: ItemKind, bound: Slots) -> Option<Probe> {
        let key_ok = |k: &Expr| free(k) & !bound == 0;
        match &c.kind {
            ExprKind::Cmp(CmpOp::Eq, a, b) => {
                for (x, y) in [(a, b), (b, a)] {
                    if is_var(x, v) && key_ok(y) {
                        return Some(Probe::Is((**y).clone()));
                    }
                    if let Some(link) = self.single_link(x, v, kind) {
                        if key_ok(y) {
                            return Some(Probe::Linked {
                                link,
                                key: (**y).clone(),
                            });
                        }
                    }
                    if let (Some(field), ExprKind::Const(Const::Term(t))) =
                        (self.term_field(x, v, kind), &y.kind)
                    {
                        return Some(Probe::Terms {
                            field,
                            terms: vec![*t],
                        });
                    }
                }
                None
            }
            ExprKind::Contains(list, x) => self.member_probe(list, x, v, kind, bound),
            ExprKind::In {
                negated: false,
                value,
                set,
            } => self.member_probe(set, value, v, kind, bound),
            ExprKind::Intersects(list, set) => match &set.kind {
                ExprKind::Const(Const::Terms(ts)) => {
                    self.term_field(list, v, kind).map(|field| Probe::Terms {
                        field,
                        terms: ts.clone(),
                    })
                }
                _ => None,
            },
            ExprKind::Quant {
                q: Quant::Any,
                slot: w,
                domain,
                body,
                ..
            } => self.through(*w, domain, body, v, kind, bound),
            _ => None,
        }
    }

    /// `LIST contains X` (and `X in LIST`).
    fn member_probe(
        &self,
        list: &Expr,
        x: &Expr,
        v: u16,
        kind: ItemKind,
        bound: Slots,
    ) -> Option<Probe> {
        if let Some(link) = self.multi_link(list, v, kind) {
            if free(x) & !bound == 0 {
                return Some(Probe::Linked {
                    link,
                    key: x.clone(),
                });
            }
        }
        // `v.F contains t` for a list of terms, or `v.F in [..]` for a term.
        let field = self
            .term_field(list, v, kind)
            .or_else(|| self.term_field(x, v, kind))?;
        let other = if self.term_field(list, v, kind).is_some() {
            x
        } else {
            list
        };
        match &other.kind {
            ExprKind::Const(Const::Term(t)) => Some(Probe::Terms {
                field,
                terms: vec![*t],
            }),
            ExprKind::Const(Const::Terms(ts)) => Some(Probe::Terms {
                field,
                terms: ts.clone(),
            }),
            _ => None,
        }
    }

    /// `any(KIND w: ...)` or `any(w in v.PATH: ...)` as a conjunct of `v`'s body.
    fn through(
        &self,
        w: u16,
        domain: &QDomain,
        body: &Expr,
        v: u16,
        kind: ItemKind,
        bound: Slots,
    ) -> Option<Probe> {
        match domain {
            QDomain::Kind(wk) => {
                // A conjunct of the inner body that ties `w` to `v`.
                for c in conjuncts(body) {
                    if let Some((link, dir)) = self.tie(c, w, *wk, v, kind) {
                        let inner = self.plan(w, *wk, body, bound);
                        return Some(Probe::Through {
                            link,
                            dir,
                            kind: *wk,
                            inner,
                        });
                    }
                }
                None
            }
            QDomain::Path(p) => {
                let (base, link, dir, wk) = match &p.kind {
                    ExprKind::Rel { base, rel } => match rel {
                        Rel::Outflows => (base, Link::From, Dir::Forward, ItemKind::Flow),
                        Rel::Inflows => (base, Link::To, Dir::Forward, ItemKind::Flow),
                        Rel::Agreements => (base, Link::Parties, Dir::Forward, ItemKind::Agreement),
                        Rel::Provides(f) | Rel::Dependents(f) => {
                            (base, Link::Field(*f), Dir::Forward, ItemKind::Service)
                        }
                        _ => return None,
                    },
                    ExprKind::Field { base, fields } => {
                        let f = (*fields.get(kind.index())?)?;
                        match &self.vocab.field(f).value {
                            ValueType::Refs(ks) | ValueType::Ref(ks) if ks.len() == 1 => {
                                (base, Link::Field(f), Dir::Inverse, *ks.first()?)
                            }
                            _ => return None,
                        }
                    }
                    _ => return None,
                };
                if !is_var(base, v) {
                    return None;
                }
                let inner = self.plan(w, wk, body, bound);
                Some(Probe::Through {
                    link: Some(link),
                    dir,
                    kind: wk,
                    inner,
                })
            }
        }
    }

    /// A conjunct that ties the inner variable `w` to `v`: the link and the direction from `w`'s
    /// items to `v`'s.
    fn tie(
        &self,
        c: &Expr,
        w: u16,
        wk: ItemKind,
        v: u16,
        vk: ItemKind,
    ) -> Option<(Option<Link>, Dir)> {
        match &c.kind {
            ExprKind::Cmp(CmpOp::Eq, a, b) => {
                for (x, y) in [(a, b), (b, a)] {
                    if is_var(x, w) && is_var(y, v) {
                        return Some((None, Dir::Same));
                    }
                    if is_var(y, v) {
                        if let Some(l) = self.single_link(x, w, wk) {
                            return Some((Some(l), Dir::Forward));
                        }
                    }
                    if is_var(y, w) {
                        if let Some(l) = self.single_link(x, v, vk) {
                            return Some((Some(l), Dir::Inverse));
                        }
                    }
                }
                None
            }
            ExprKind::Contains(list, x)
            | ExprKind::In {
                negated: false,
                value: x,
                set: list,
            } => {
                if is_var(x, v) {
                    if let Some(l) = self.multi_link(list, w, wk) {
                        return Some((Some(l), Dir::Forward));
                    }
                }
                if is_var(x, w) {
                    if let Some(l) = self.multi_link(list, v, vk) {
                        return Some((Some(l), Dir::Inverse));
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// `v.from`, `v.to`, or `v.F` for a single reference field: the link it follows.
    fn single_link(&self, e: &Expr, v: u16, kind: ItemKind) -> Option<Link> {
        match &e.kind {
            ExprKind::Rel {
                base,
                rel: Rel::From,
            } if is_var(base, v) && kind == ItemKind::Flow => Some(Link::From),
            ExprKind::Rel { base, rel: Rel::To } if is_var(base, v) && kind == ItemKind::Flow => {
                Some(Link::To)
            }
            ExprKind::Field { base, fields } if is_var(base, v) => {
                let f = (*fields.get(kind.index())?)?;
                matches!(self.vocab.field(f).value, ValueType::Ref(_)).then_some(Link::Field(f))
            }
            _ => None,
        }
    }

    /// `v.parties` or `v.F` for a list of references: the link it follows.
    fn multi_link(&self, e: &Expr, v: u16, kind: ItemKind) -> Option<Link> {
        match &e.kind {
            ExprKind::Rel {
                base,
                rel: Rel::Parties,
            } if is_var(base, v) && kind == ItemKind::Agreement => Some(Link::Parties),
            ExprKind::Field { base, fields } if is_var(base, v) => {
                let f = (*fields.get(kind.index())?)?;
                matches!(self.vocab.field(f).value, ValueType::Refs(_)).then_some(Link::Field(f))
            }
            _ => None,
        }
    }

    /// `v.F` for a field holding a term or a list of terms.
    fn term_field(&self, e: &Expr, v: u16, kind: ItemKind) -> Option<FieldId> {
        match &e.kind {
            ExprKind::Field { base, fields } if is_var(base, v) => {
                let f = (*fields.get(kind.index())?)?;
                matches!(
                    self.vocab.field(f).value,
                    ValueType::Term(_) | ValueType::Terms(_)
                )
                .then_some(f)
            }
            _ => None,
        }
    }
}

fn is_var(e: &Expr, slot: u16) -> bool {
    matches!(e.kind, ExprKind::Var(s) if s == slot)
}

/// The conjuncts of a condition: `a and (b and c)` is `[a, b, c]`.
fn conjuncts(e: &Expr) -> Vec<&Expr> {
    let mut out = Vec::new();
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        match &x.kind {
            ExprKind::And(ps) => stack.extend(ps.iter().rev()),
            _ => out.push(x),
        }
    }
    out
}
