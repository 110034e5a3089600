//! Type checking of paths (`service.provider.name`) and bare terms: each step of a path through
//! the model's fields and relations. Split from `check.rs`, which checks the operators.

use super::check::{err, Checker, Res};
use super::ir::{Const, Expr, ExprKind, Rel};
use super::types::{KindSet, Per, Scope, Ty};
use super::{CondError, CondErrorKind as K, Hint};
use crate::syntax::Span;
use crate::vocab::{closest, Dimension, FieldId, ItemKind, ValueType};

impl Checker<'_> {
    pub(super) fn check_path(
        &self,
        segs: &[(String, Span)],
        expected: Option<&Ty>,
        sp: Span,
        scope: &mut Scope,
    ) -> Res<(Expr, Ty)> {
        let Some((head, head_span)) = segs.first() else {
            return err(
                K::Syntax {
                    expected: vec!["rules-cond-expected-a-path"],
                },
                sp,
            );
        };
        if let Some((slot, ty)) = scope.lookup(head) {
            let mut e = Expr::new(ExprKind::Var(slot), *head_span);
            let mut ty = ty.clone();
            for (name, nspan) in segs.iter().skip(1) {
                let (ne, nt) = self.step(e, &ty, name, *nspan)?;
                e = Expr::new(ne.kind, head_span.join(*nspan));
                ty = nt;
            }
            return Ok((e, ty));
        }
        let rest = || {
            segs.iter()
                .skip(1)
                .map(|(s, _)| s.as_str())
                .collect::<Vec<_>>()
                .join(".")
        };
        match head.as_str() {
            "set" if segs.len() >= 2 => {
                let name = rest();
                match self.sets.get(&name) {
                    Some((set, terms)) => Ok((
                        Expr::new(ExprKind::Const(Const::Terms(terms.clone())), sp),
                        Ty::Terms(*set),
                    )),
                    None => {
                        let help = closest(&name, self.sets.keys().map(String::as_str))
                            .map(|c| Hint::did_you_mean(format!("set.{c}")));
                        Err(CondError::new(K::UnknownSet { name }, sp).with_hint(help))
                    }
                }
            }
            "param" if segs.len() >= 2 => {
                let name = rest();
                match self.params.get(&name) {
                    Some((idx, ty)) => Ok((Expr::new(ExprKind::Param(*idx), sp), ty.clone())),
                    None => {
                        let help = closest(&name, self.params.keys().map(String::as_str))
                            .map(|c| Hint::did_you_mean(format!("param.{c}")));
                        Err(CondError::new(K::UnknownParameter { name }, sp).with_hint(help))
                    }
                }
            }
            _ if segs.len() == 1 => self.bare_term(head, expected, sp, scope),
            _ => {
                let vars: Vec<&str> = scope.vars.iter().map(|(n, _)| n.as_str()).collect();
                let help = closest(head, vars.iter().copied())
                    .map(Hint::did_you_mean)
                    .or_else(|| {
                        Some(
                            Hint::new("rules-cond-help-variables").arg(
                                "variables",
                                vars.iter()
                                    .map(|v| format!("`{v}`"))
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            ),
                        )
                    });
                Err(
                    CondError::new(K::UnknownVariable { name: head.clone() }, *head_span)
                        .with_hint(help),
                )
            }
        }
    }

    pub(super) fn bare_term(
        &self,
        word: &str,
        expected: Option<&Ty>,
        sp: Span,
        scope: &Scope,
    ) -> Res<(Expr, Ty)> {
        match expected {
            Some(Ty::Term(set)) | Some(Ty::Terms(set)) => match self.vocab.term_by_name(*set, word)
            {
                Some(t) => Ok((
                    Expr::new(ExprKind::Const(Const::Term(t)), sp),
                    Ty::Term(*set),
                )),
                None => {
                    let help = closest(word, self.vocab.term_names(*set))
                        .map(Hint::did_you_mean)
                        .or_else(|| {
                            let ts = self.vocab.term_set(*set);
                            let names: Vec<&str> = ts.terms.iter().map(|t| t.id.as_str()).collect();
                            Some(
                                Hint::new("rules-cond-help-takes")
                                    .arg("what", ts.id.as_str())
                                    .arg("names", names.join(", ")),
                            )
                        });
                    Err(CondError::new(
                        K::UnknownTerm {
                            term: word.to_string(),
                            set: self.vocab.term_set(*set).id.clone(),
                        },
                        sp,
                    )
                    .with_hint(help))
                }
            },
            _ => {
                let vars: Vec<&str> = scope.vars.iter().map(|(n, _)| n.as_str()).collect();
                let help = closest(word, vars.iter().copied())
                    .map(|c| Hint::new("rules-cond-help-variable").arg("name", c));
                Err(CondError::new(
                    K::BareWord {
                        word: word.to_string(),
                    },
                    sp,
                )
                .with_hint(help))
            }
        }
    }

    /// One step along a path: `base.name`.
    pub(super) fn step(&self, base: Expr, ty: &Ty, name: &str, span: Span) -> Res<(Expr, Ty)> {
        let kinds = match ty {
            Ty::Item(k) => *k,
            Ty::Items(_) => {
                return Err(CondError::new(
                    K::Mismatch {
                        expected: "a single item before `.`".into(),
                        found: ty.describe(self.vocab),
                    },
                    span,
                )
                .with_hint(Some(Hint::new("rules-cond-help-list").arg("name", name))))
            }
            other => {
                return err(
                    K::Mismatch {
                        expected: "an item before `.`".into(),
                        found: other.describe(self.vocab),
                    },
                    span,
                )
            }
        };
        let mut fields: [Option<FieldId>; 5] = [None; 5];
        let mut field_ty: Option<Ty> = None;
        for k in kinds.kinds() {
            if let Some(fid) = self.vocab.field_by_name(k, name) {
                if let Some(slot) = fields.get_mut(k.index()) {
                    *slot = Some(fid);
                }
                let t = self.field_type(&self.vocab.field(fid).value);
                field_ty.get_or_insert(t);
            }
        }
        if let Some(t) = field_ty {
            let e = Expr::new(
                ExprKind::Field {
                    base: Box::new(base),
                    fields,
                },
                span,
            );
            return Ok((e, t));
        }
        if let Some((rel, t)) = self.relation(kinds, name) {
            let e = Expr::new(
                ExprKind::Rel {
                    base: Box::new(base),
                    rel,
                },
                span,
            );
            return Ok((e, t));
        }
        let mut names: Vec<&str> = kinds
            .kinds()
            .flat_map(|k| self.vocab.fields_of(k).map(|(_, f)| f.id.as_str()))
            .collect();
        names.extend(RELATIONS.iter().map(|(n, _)| *n));
        let help = closest(name, names.iter().copied())
            .map(Hint::did_you_mean)
            .or_else(|| {
                let fields: Vec<&str> = kinds
                    .kinds()
                    .flat_map(|k| self.vocab.fields_of(k).map(|(_, f)| f.id.as_str()))
                    .collect();
                Some(
                    Hint::new("rules-cond-help-takes")
                        .arg("what", kinds.describe())
                        .arg("names", fields.join(", ")),
                )
            });
        Err(CondError::new(
            K::UnknownField {
                field: name.to_string(),
                on: format!("an item of kind {}", kinds.describe()),
            },
            span,
        )
        .with_hint(help))
    }

    pub(super) fn field_type(&self, v: &ValueType) -> Ty {
        match v {
            ValueType::Term(s) => Ty::Term(*s),
            ValueType::Terms(s) => Ty::Terms(*s),
            ValueType::Ref(k) => Ty::Item(KindSet::of(k)),
            ValueType::Refs(k) => Ty::Items(KindSet::of(k)),
            ValueType::String => Ty::Str,
            ValueType::Number | ValueType::Integer | ValueType::Percent => Ty::Number,
            ValueType::Date => Ty::Date,
            ValueType::Bool => Ty::Bool,
            ValueType::Quantity { dimensions, .. } => Ty::Qty {
                dims: dimensions.clone(),
                per: if dimensions == &[Dimension::Duration] {
                    Per::No
                } else {
                    Per::Any
                },
            },
        }
    }

    pub(super) fn relation(&self, kinds: KindSet, name: &str) -> Option<(Rel, Ty)> {
        use ItemKind::*;
        let has = |k: ItemKind| kinds.intersects(KindSet::one(k));
        let field = |k: ItemKind, f: &str| self.vocab.field_by_name(k, f);
        Some(match name {
            "id" => (Rel::Id, Ty::Str),
            "name" => (Rel::Name, Ty::Str),
            "from" if has(Flow) => (Rel::From, Ty::Item(KindSet::one(Actor))),
            "to" if has(Flow) => (Rel::To, Ty::Item(KindSet::of(&[Actor, Service]))),
            "parties" if has(Agreement) => (Rel::Parties, Ty::Items(KindSet::one(Actor))),
            "provides" if has(Actor) => (
                Rel::Provides(field(Service, "provider")?),
                Ty::Items(KindSet::one(Service)),
            ),
            "outflows" if has(Actor) => (Rel::Outflows, Ty::Items(KindSet::one(Flow))),
            "inflows" if has(Actor) || has(Service) => {
                (Rel::Inflows, Ty::Items(KindSet::one(Flow)))
            }
            "agreements" if has(Actor) => (Rel::Agreements, Ty::Items(KindSet::one(Agreement))),
            "dependents" if has(Service) => (
                Rel::Dependents(field(Service, "depends_on")?),
                Ty::Items(KindSet::one(Service)),
            ),
            _ => return None,
        })
    }
}

/// Relation names, for "did you mean" help.
const RELATIONS: &[(&str, ())] = &[
    ("id", ()),
    ("name", ()),
    ("from", ()),
    ("to", ()),
    ("parties", ()),
    ("provides", ()),
    ("outflows", ()),
    ("inflows", ()),
    ("agreements", ()),
    ("dependents", ()),
];
