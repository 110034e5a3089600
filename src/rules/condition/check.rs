//! Type checking: condition syntax tree to compiled [`Expr`], against the vocabulary, the named
//! sets and the parameters of the loaded rule packs.

use std::collections::HashMap;

use super::ast::{ArithOp, Ast, Binding, CmpOp, Domain, Node};
use super::ir::{Const, Expr, ExprKind, QDomain};
use super::types::{KindSet, Per, Scope, Ty};
use super::{CondError, CondErrorKind as K, Hint};
use crate::syntax::Span;
use crate::vocab::{closest, Dimension, ItemKind, Period, TermId, TermSetId, Vocabulary};

/// What the checker knows besides the vocabulary: named sets and parameters of all packs.
pub struct Checker<'a> {
    pub vocab: &'a Vocabulary,
    pub sets: &'a HashMap<String, (TermSetId, Vec<TermId>)>,
    /// Parameter name to its index and type.
    pub params: &'a HashMap<String, (u32, Ty)>,
}

pub(super) type Res<T> = Result<T, CondError>;

pub(super) fn err<T>(kind: K, span: Span) -> Res<T> {
    Err(CondError::new(kind, span))
}

impl Checker<'_> {
    /// Checks a whole condition, which must be yes/no.
    pub fn check_condition(&self, node: &Node, scope: &mut Scope) -> Res<Expr> {
        let (e, ty) = self.check(node, None, scope)?;
        self.expect(&ty, &Ty::Bool, node.span)?;
        Ok(e)
    }

    /// Checks an expression with no expected type (for message templates).
    pub fn check_value(&self, node: &Node, scope: &mut Scope) -> Res<(Expr, Ty)> {
        self.check(node, None, scope)
    }

    /// Checks a parameter value, which must be a literal.
    pub fn check_literal(&self, node: &Node) -> Res<(Const, Ty)> {
        let mut scope = Scope {
            vars: Vec::new(),
            max_slots: 0,
        };
        match self.check(node, None, &mut scope)? {
            (
                Expr {
                    kind: ExprKind::Const(c),
                    ..
                },
                ty,
            ) => Ok((c, ty)),
            _ => err(
                K::Mismatch {
                    expected: "a number, quantity or date".into(),
                    found: "an expression".into(),
                },
                node.span,
            ),
        }
    }

    fn expect(&self, found: &Ty, expected: &Ty, span: Span) -> Res<()> {
        if found == expected {
            Ok(())
        } else {
            err(
                K::Mismatch {
                    expected: expected.describe(self.vocab),
                    found: found.describe(self.vocab),
                },
                span,
            )
        }
    }

    fn check(&self, node: &Node, expected: Option<&Ty>, scope: &mut Scope) -> Res<(Expr, Ty)> {
        let sp = node.span;
        let mk = |k: ExprKind| Expr::new(k, sp);
        match &node.ast {
            Ast::Or(parts) | Ast::And(parts) => {
                let mut out = Vec::with_capacity(parts.len());
                for p in parts {
                    let (e, t) = self.check(p, None, scope)?;
                    self.expect(&t, &Ty::Bool, p.span)?;
                    out.push(e);
                }
                let k = if matches!(node.ast, Ast::Or(_)) {
                    ExprKind::Or(out)
                } else {
                    ExprKind::And(out)
                };
                Ok((mk(k), Ty::Bool))
            }
            Ast::Not(inner) => {
                let (e, t) = self.check(inner, None, scope)?;
                self.expect(&t, &Ty::Bool, inner.span)?;
                Ok((mk(ExprKind::Not(Box::new(e))), Ty::Bool))
            }
            Ast::Cmp(op, l, r) => {
                let ((le, lt), (re, rt)) = self.check_pair(l, r, scope)?;
                self.comparable(*op, &lt, &rt, l.span, r.span)?;
                Ok((mk(ExprKind::Cmp(*op, Box::new(le), Box::new(re))), Ty::Bool))
            }
            Ast::In {
                negated,
                value,
                set,
            } => {
                let (ve, vt) = self.check(value, None, scope)?;
                let want = match &vt {
                    Ty::Term(s) => Ty::Terms(*s),
                    Ty::Item(k) => Ty::Items(*k),
                    other => {
                        return err(
                            K::Mismatch {
                                expected: "a term or an item on the left of `in`".into(),
                                found: other.describe(self.vocab),
                            },
                            value.span,
                        )
                    }
                };
                let (se, st) = self.check(set, Some(&want), scope)?;
                self.same_list(&st, &want, set.span)?;
                let k = ExprKind::In {
                    negated: *negated,
                    value: Box::new(ve),
                    set: Box::new(se),
                };
                Ok((mk(k), Ty::Bool))
            }
            Ast::Contains(list, x) => {
                let (le, lt) = self.check(list, None, scope)?;
                let want = match &lt {
                    Ty::Terms(s) => Ty::Term(*s),
                    Ty::Items(k) => Ty::Item(*k),
                    other => {
                        return err(
                            K::Mismatch {
                                expected: "a list on the left of `contains`".into(),
                                found: other.describe(self.vocab),
                            },
                            list.span,
                        )
                    }
                };
                let (xe, xt) = self.check(x, Some(&want), scope)?;
                let ok = match (&xt, &want) {
                    (Ty::Item(a), Ty::Item(b)) => a.intersects(*b),
                    (a, b) => a == b,
                };
                if !ok {
                    self.expect(&xt, &want, x.span)?;
                }
                Ok((mk(ExprKind::Contains(Box::new(le), Box::new(xe))), Ty::Bool))
            }
            Ast::Intersects(list, set) => {
                let (le, lt) = self.check(list, None, scope)?;
                if !matches!(lt, Ty::Terms(_) | Ty::Items(_)) {
                    return err(
                        K::Mismatch {
                            expected: "a list on the left of `intersects`".into(),
                            found: lt.describe(self.vocab),
                        },
                        list.span,
                    );
                }
                let (se, st) = self.check(set, Some(&lt), scope)?;
                self.same_list(&st, &lt, set.span)?;
                Ok((
                    mk(ExprKind::Intersects(Box::new(le), Box::new(se))),
                    Ty::Bool,
                ))
            }
            Ast::Arith(op, l, r) => {
                let (le, lt) = self.check(l, None, scope)?;
                let (re, rt) = self.check(r, None, scope)?;
                let ty = self.arith_type(*op, &lt, &rt, l.span, r.span)?;
                Ok((mk(ExprKind::Arith(*op, Box::new(le), Box::new(re))), ty))
            }
            Ast::Quantifier(q, binding, body) => {
                let (slot, domain) = self.bind(binding, scope)?;
                let body = self.check(body, None, scope);
                scope.pop();
                let (be, bt) = body?;
                self.expect(&bt, &Ty::Bool, sp)?;
                let k = ExprKind::Quant {
                    q: *q,
                    slot,
                    domain,
                    body: Box::new(be),
                    plan: Default::default(),
                };
                Ok((mk(k), Ty::Bool))
            }
            Ast::CountWhere(binding, body) => {
                let (slot, domain) = self.bind(binding, scope)?;
                let body = self.check(body, None, scope);
                scope.pop();
                let (be, bt) = body?;
                self.expect(&bt, &Ty::Bool, sp)?;
                let k = ExprKind::Count {
                    slot,
                    domain,
                    body: Some(Box::new(be)),
                    plan: Default::default(),
                };
                Ok((mk(k), Ty::Number))
            }
            Ast::CountOf(path) => {
                let (pe, pt) = self.check(path, None, scope)?;
                if !matches!(pt, Ty::Items(_) | Ty::Terms(_)) {
                    return err(
                        K::Mismatch {
                            expected: "a list".into(),
                            found: pt.describe(self.vocab),
                        },
                        path.span,
                    );
                }
                let k = ExprKind::Count {
                    slot: 0,
                    domain: QDomain::Path(Box::new(pe)),
                    body: None,
                    plan: Default::default(),
                };
                Ok((mk(k), Ty::Number))
            }
            Ast::Has(path) => {
                let (pe, _) = self.check(path, None, scope)?;
                if !matches!(pe.kind, ExprKind::Field { .. } | ExprKind::Rel { .. }) {
                    return err(
                        K::Mismatch {
                            expected: "a field such as `flow.amount`".into(),
                            found: "something else".into(),
                        },
                        path.span,
                    );
                }
                Ok((mk(ExprKind::Has(Box::new(pe))), Ty::Bool))
            }
            Ast::List(items) => self.check_list(items, expected, sp, scope),
            Ast::Path(segs) => self.check_path(segs, expected, sp, scope),
            Ast::Number(n) => Ok((mk(ExprKind::Const(Const::Num(*n))), Ty::Number)),
            Ast::Percent(n) => Ok((mk(ExprKind::Const(Const::Num(*n))), Ty::Number)),
            Ast::Quantity { value, unit, per } => {
                let (c, t) = self.quantity(*value, unit, per.as_ref())?;
                Ok((mk(ExprKind::Const(c)), t))
            }
            Ast::Str(s) => Ok((mk(ExprKind::Const(Const::Str(s.clone()))), Ty::Str)),
            Ast::Bool(b) => Ok((mk(ExprKind::Const(Const::Bool(*b))), Ty::Bool)),
            Ast::Date(text) => match text.parse::<jiff::civil::Date>() {
                Ok(d) => Ok((mk(ExprKind::Const(Const::Date(d))), Ty::Date)),
                Err(_) => err(K::BadDate { text: text.clone() }, sp),
            },
        }
    }

    /// Checks both sides of a comparison; a bare word takes its meaning from the other side.
    fn check_pair(&self, l: &Node, r: &Node, scope: &mut Scope) -> Res<((Expr, Ty), (Expr, Ty))> {
        if self.is_bare(l, scope) && !self.is_bare(r, scope) {
            let right = self.check(r, None, scope)?;
            let left = self.check(l, Some(&right.1), scope)?;
            Ok((left, right))
        } else {
            let left = self.check(l, None, scope)?;
            let right = self.check(r, Some(&left.1), scope)?;
            Ok((left, right))
        }
    }

    fn is_bare(&self, node: &Node, scope: &Scope) -> bool {
        matches!(&node.ast, Ast::Path(segs) if matches!(segs.as_slice(), [(name, _)] if scope.lookup(name).is_none()))
    }

    fn comparable(&self, op: CmpOp, l: &Ty, r: &Ty, ls: Span, rs: Span) -> Res<()> {
        let ordered = matches!(op, CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge);
        let ok = match (l, r) {
            (Ty::Number, Ty::Number) | (Ty::Date, Ty::Date) => true,
            (Ty::Qty { dims: a, per: pa }, Ty::Qty { dims: b, per: pb }) => {
                if !a.iter().any(|d| b.contains(d)) || !pa.compatible(*pb) {
                    return err(
                        K::Units {
                            left: l.describe(self.vocab),
                            right: r.describe(self.vocab),
                        },
                        ls.join(rs),
                    );
                }
                true
            }
            (Ty::Term(a), Ty::Term(b)) => a == b && !ordered,
            (Ty::Item(a), Ty::Item(b)) => a.intersects(*b) && !ordered,
            (Ty::Str, Ty::Str) | (Ty::Bool, Ty::Bool) => !ordered,
            _ => false,
        };
        if ok {
            return Ok(());
        }
        let help = match (l, r) {
            (Ty::Terms(_), Ty::Term(_)) => Some(Hint::new("rules-cond-help-contains")),
            (Ty::Number, Ty::Qty { .. }) | (Ty::Qty { .. }, Ty::Number) => {
                Some(Hint::new("rules-cond-help-unit"))
            }
            _ if ordered => Some(Hint::new("rules-cond-help-ordered")),
            _ => None,
        };
        Err(CondError::new(
            K::Mismatch {
                expected: format!("something comparable with {}", l.describe(self.vocab)),
                found: r.describe(self.vocab),
            },
            rs,
        )
        .with_hint(help))
    }

    fn same_list(&self, found: &Ty, want: &Ty, span: Span) -> Res<()> {
        match (found, want) {
            (Ty::Items(a), Ty::Items(b)) if a.intersects(*b) => Ok(()),
            _ => self.expect(found, want, span),
        }
    }

    fn arith_type(&self, op: ArithOp, l: &Ty, r: &Ty, ls: Span, rs: Span) -> Res<Ty> {
        use ArithOp::*;
        let duration = |t: &Ty| matches!(t, Ty::Qty { dims, .. } if dims == &[Dimension::Duration]);
        let units = || {
            err(
                K::Units {
                    left: l.describe(self.vocab),
                    right: r.describe(self.vocab),
                },
                ls.join(rs),
            )
        };
        match (op, l, r) {
            (_, Ty::Number, Ty::Number) => Ok(Ty::Number),
            (Mul, q @ Ty::Qty { .. }, Ty::Number) | (Mul, Ty::Number, q @ Ty::Qty { .. }) => {
                Ok(q.clone())
            }
            (Div, q @ Ty::Qty { .. }, Ty::Number) => Ok(q.clone()),
            // An amount per period times a duration is a total.
            (Mul, Ty::Qty { dims, per }, d) | (Mul, d, Ty::Qty { dims, per })
                if duration(d) && *per != Per::No =>
            {
                Ok(Ty::Qty {
                    dims: dims.clone(),
                    per: Per::No,
                })
            }
            // A total over a duration is an amount per year.
            (Div, Ty::Qty { dims, per }, d) if duration(d) && *per != Per::Yes => Ok(Ty::Qty {
                dims: dims.clone(),
                per: Per::Yes,
            }),
            (Div, Ty::Qty { dims: a, per: pa }, Ty::Qty { dims: b, per: pb })
                if a == b && pa.compatible(*pb) =>
            {
                Ok(Ty::Number)
            }
            (Add | Sub, Ty::Qty { dims: a, per: pa }, Ty::Qty { dims: b, per: pb })
                if a.iter().any(|d| b.contains(d)) && pa.compatible(*pb) =>
            {
                Ok(l.clone())
            }
            (_, Ty::Qty { .. }, Ty::Qty { .. }) => units(),
            _ => err(
                K::Mismatch {
                    expected: "numbers or quantities".into(),
                    found: format!("{} and {}", l.describe(self.vocab), r.describe(self.vocab)),
                },
                ls.join(rs),
            ),
        }
    }

    fn quantity(
        &self,
        value: f64,
        unit: &(String, Span),
        per: Option<&(String, Span)>,
    ) -> Res<(Const, Ty)> {
        let Some(uid) = self.vocab.unit_by_name(&unit.0) else {
            let names = self
                .vocab
                .units
                .iter()
                .flat_map(|u| [u.id.as_str(), u.nb.as_str()]);
            let help = closest(&unit.0, names).map(Hint::did_you_mean);
            return Err(CondError::new(
                K::UnknownUnit {
                    unit: unit.0.clone(),
                },
                unit.1,
            )
            .with_hint(help));
        };
        let u = self.vocab.unit(uid);
        let per = match per {
            None => None,
            Some((word, span)) => match Period::from_word(word) {
                Some(p) => Some(p),
                None => {
                    return err(
                        K::UnknownPeriod {
                            period: word.clone(),
                        },
                        *span,
                    )
                }
            },
        };
        let mut v = value * u.factor;
        if let Some(p) = per {
            v *= p.per_year();
        }
        let c = Const::Qty {
            value: v,
            dim: u.dimension,
            per: per.is_some(),
        };
        let t = Ty::Qty {
            dims: vec![u.dimension],
            per: if per.is_some() { Per::Yes } else { Per::No },
        };
        Ok((c, t))
    }

    fn check_list(
        &self,
        items: &[Node],
        expected: Option<&Ty>,
        sp: Span,
        scope: &mut Scope,
    ) -> Res<(Expr, Ty)> {
        let elem = match expected {
            Some(Ty::Terms(s)) | Some(Ty::Term(s)) => Ty::Term(*s),
            _ => {
                return err(
                    K::Mismatch {
                        expected: "a list of terms after a term-valued path".into(),
                        found: "a list with nothing to say what its words mean".into(),
                    },
                    sp,
                )
            }
        };
        let Ty::Term(set) = elem else {
            return err(
                K::BareWord {
                    word: "[...]".into(),
                },
                sp,
            );
        };
        let mut terms = Vec::with_capacity(items.len());
        for it in items {
            let (e, t) = self.check(it, Some(&elem), scope)?;
            self.expect(&t, &elem, it.span)?;
            match e.kind {
                ExprKind::Const(Const::Term(id)) => terms.push(id),
                _ => {
                    return err(
                        K::Mismatch {
                            expected: "a term".into(),
                            found: "an expression".into(),
                        },
                        it.span,
                    )
                }
            }
        }
        Ok((
            Expr::new(ExprKind::Const(Const::Terms(terms)), sp),
            Ty::Terms(set),
        ))
    }

    fn bind(&self, b: &Binding, scope: &mut Scope) -> Res<(u16, QDomain)> {
        let (domain, ty) = match &b.domain {
            Domain::Kind { kind, kind_span } => match ItemKind::from_keyword(kind) {
                Some((k, _)) => (QDomain::Kind(k), Ty::Item(KindSet::one(k))),
                None => {
                    let help = closest(kind, ItemKind::ALL.iter().map(|k| k.keyword()))
                        .map(Hint::did_you_mean);
                    return Err(
                        CondError::new(K::UnknownKind { kind: kind.clone() }, *kind_span)
                            .with_hint(help),
                    );
                }
            },
            Domain::Path(p) => {
                let (pe, pt) = self.check(p, None, scope)?;
                match pt {
                    Ty::Items(k) => (QDomain::Path(Box::new(pe)), Ty::Item(k)),
                    other => {
                        return err(
                            K::Mismatch {
                                expected: "a list of items to range over".into(),
                                found: other.describe(self.vocab),
                            },
                            p.span,
                        )
                    }
                }
            }
        };
        Ok((scope.push(&b.var, ty), domain))
    }
}
