//! The syntax tree of a condition, with byte spans into the condition text.

use crate::syntax::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quant {
    Any,
    All,
    None,
}

/// What a quantifier or count ranges over.
#[derive(Debug, Clone, PartialEq)]
pub enum Domain {
    /// Every item of a kind in the model: `agreement a`.
    Kind { kind: String, kind_span: Span },
    /// Every item of a list-valued path: `f in service.requires`.
    Path(Box<Node>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub var: String,
    pub var_span: Span,
    pub domain: Domain,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Ast {
    Or(Vec<Node>),
    And(Vec<Node>),
    Not(Box<Node>),
    Cmp(CmpOp, Box<Node>, Box<Node>),
    In {
        negated: bool,
        value: Box<Node>,
        set: Box<Node>,
    },
    Contains(Box<Node>, Box<Node>),
    Intersects(Box<Node>, Box<Node>),
    Arith(ArithOp, Box<Node>, Box<Node>),
    Quantifier(Quant, Binding, Box<Node>),
    /// `count(binding: cond)`
    CountWhere(Binding, Box<Node>),
    /// `count(path)`
    CountOf(Box<Node>),
    Has(Box<Node>),
    List(Vec<Node>),
    /// `a.b.c`, or a bare word (a term) when it has one segment that names no variable.
    Path(Vec<(String, Span)>),
    Number(f64),
    Quantity {
        value: f64,
        unit: (String, Span),
        per: Option<(String, Span)>,
    },
    Percent(f64),
    Str(String),
    Bool(bool),
    Date(String),
}

/// A node and the span of the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub ast: Ast,
    pub span: Span,
}
