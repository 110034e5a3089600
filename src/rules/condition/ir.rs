//! The compiled form of a condition: every field a vocabulary index, every term a [`TermId`],
//! every parameter an index, every quantity normalised. The engine evaluates it directly.

use super::ast::{ArithOp, CmpOp, Quant};
use super::plan::Plan;
use crate::syntax::Span;
use crate::vocab::{Dimension, FieldId, ItemKind, TermId};

/// A constant, normalised: quantities are in their dimension's base unit, per year when they
/// have a period.
#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    Bool(bool),
    Num(f64),
    Qty {
        value: f64,
        dim: Dimension,
        per: bool,
    },
    Term(TermId),
    Terms(Vec<TermId>),
    Str(String),
    Date(jiff::civil::Date),
}

/// Relations that are not vocabulary fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    Id,
    Name,
    From,
    To,
    Parties,
    /// Services whose `provider` is this actor.
    Provides(FieldId),
    Outflows,
    Inflows,
    Agreements,
    /// Services whose `depends_on` names this service.
    Dependents(FieldId),
}

#[derive(Debug, Clone, PartialEq)]
pub enum QDomain {
    Kind(ItemKind),
    Path(Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Const(Const),
    /// A variable slot: 0 is the subject, 1 the model block, then quantifier variables.
    Var(u16),
    /// A vocabulary field, resolved per item kind (a path through `flow.to` may meet an actor
    /// or a service).
    Field {
        base: Box<Expr>,
        fields: [Option<FieldId>; 5],
    },
    Rel {
        base: Box<Expr>,
        rel: Rel,
    },
    Param(u32),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    In {
        negated: bool,
        value: Box<Expr>,
        set: Box<Expr>,
    },
    Contains(Box<Expr>, Box<Expr>),
    Intersects(Box<Expr>, Box<Expr>),
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    Quant {
        q: Quant,
        slot: u16,
        domain: QDomain,
        body: Box<Expr>,
        /// How to find the items that can satisfy the body (see [`super::plan`]).
        plan: Plan,
    },
    Count {
        slot: u16,
        domain: QDomain,
        body: Option<Box<Expr>>,
        plan: Plan,
    },
    Has(Box<Expr>),
}

/// A compiled expression and the span of the condition text it came from (for `--explain`).
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}
