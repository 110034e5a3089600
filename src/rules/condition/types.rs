//! The static types of the condition checker: item-kind sets, periods, types and the scope of
//! bound variables.

use crate::vocab::{Dimension, ItemKind, TermSetId, Vocabulary};

/// A set of item kinds (a path through `flow.to` may lead to an actor or a service).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KindSet(u8);

impl KindSet {
    pub fn one(k: ItemKind) -> KindSet {
        KindSet(1 << k.index())
    }

    pub fn of(kinds: &[ItemKind]) -> KindSet {
        KindSet(kinds.iter().fold(0, |acc, k| acc | (1 << k.index())))
    }

    pub fn kinds(self) -> impl Iterator<Item = ItemKind> {
        ItemKind::ALL
            .into_iter()
            .filter(move |k| self.0 & (1 << k.index()) != 0)
    }

    pub fn intersects(self, other: KindSet) -> bool {
        self.0 & other.0 != 0
    }

    pub(super) fn describe(self) -> String {
        let names: Vec<&str> = self.kinds().map(|k| k.keyword()).collect();
        names.join(" or ")
    }
}

/// Whether a quantity is counted per period (`NOK per year`) or is a total (`NOK`, `4 years`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Per {
    Yes,
    No,
    /// A field that may hold either (a flow's `amount`).
    Any,
}

impl Per {
    pub(super) fn compatible(self, other: Per) -> bool {
        self == Per::Any || other == Per::Any || self == other
    }
}

/// The static type of an expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ty {
    Bool,
    Number,
    Qty { dims: Vec<Dimension>, per: Per },
    Term(TermSetId),
    Terms(TermSetId),
    Item(KindSet),
    Items(KindSet),
    Str,
    Date,
}

impl Ty {
    pub(crate) fn describe(&self, vocab: &Vocabulary) -> String {
        match self {
            Ty::Bool => "yes/no".into(),
            Ty::Number => "a number".into(),
            Ty::Qty { dims, per } => {
                let d: Vec<&str> = dims
                    .iter()
                    .map(|d| d.label(crate::vocab::Lang::En))
                    .collect();
                let per = match per {
                    Per::Yes => " per period",
                    Per::No if dims != &[Dimension::Duration] => " (a total)",
                    _ => "",
                };
                format!("{}{per}", d.join(" or "))
            }
            Ty::Term(s) => format!("a term of {}", vocab.term_set(*s).id),
            Ty::Terms(s) => format!("a list of {}", vocab.term_set(*s).id),
            Ty::Item(k) => format!("an item ({})", k.describe()),
            Ty::Items(k) => format!("a list of items ({})", k.describe()),
            Ty::Str => "a string".into(),
            Ty::Date => "a date".into(),
        }
    }
}

/// The variables in scope: slot `i` holds the variable `vars[i]`.
#[derive(Debug, Clone)]
pub struct Scope {
    pub(super) vars: Vec<(String, Ty)>,
    /// The most slots ever in use, so the engine can size its frame once.
    pub max_slots: usize,
}

impl Scope {
    /// The scope of a rule's condition: the subject (named by its kind) in slot 0 and the model
    /// block (`model`) in slot 1.
    pub fn for_subject(kind: ItemKind) -> Scope {
        let vars = vec![
            (kind.keyword().to_string(), Ty::Item(KindSet::one(kind))),
            ("model".to_string(), Ty::Item(KindSet::one(ItemKind::Model))),
        ];
        Scope { max_slots: 2, vars }
    }

    pub(super) fn lookup(&self, name: &str) -> Option<(u16, &Ty)> {
        self.vars
            .iter()
            .enumerate()
            .rev()
            .find(|(_, (n, _))| n == name)
            .map(|(i, (_, t))| (i as u16, t))
    }

    pub(super) fn push(&mut self, name: &str, ty: Ty) -> u16 {
        self.vars.push((name.to_string(), ty));
        self.max_slots = self.max_slots.max(self.vars.len());
        (self.vars.len() - 1) as u16
    }

    pub(super) fn pop(&mut self) {
        self.vars.pop();
    }
}
