//! Field values of a resolved model.

use crate::model::ItemId;
use crate::vocab::{Dimension, Period, TermId, UnitId, Vocabulary};

/// An amount with a unit and an optional period: `1_200_000 NOK per year`, `4 years`.
///
/// The unit is part of the type: money per year never compares with hours per year, and
/// `NOK per year * years` is `NOK` (see the condition language).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub unit: UnitId,
    pub per: Option<Period>,
}

impl Quantity {
    /// The dimension of the quantity's unit.
    pub fn dimension(&self, vocab: &Vocabulary) -> Dimension {
        vocab.unit(self.unit).dimension
    }

    /// The value in the dimension's base unit, per year when it has a period (so that
    /// `100 NOK per month` and `1_200 NOK per year` compare equal).
    pub fn normalised(&self, vocab: &Vocabulary) -> f64 {
        let base = self.value * vocab.unit(self.unit).factor;
        match self.per {
            Some(p) => base * p.per_year(),
            None => base,
        }
    }
}

/// A resolved field value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Term(TermId),
    Terms(Vec<TermId>),
    Ref(ItemId),
    Refs(Vec<ItemId>),
    Str(String),
    Number(f64),
    Integer(i64),
    /// A percentage, stored as written (`40 %` is `40.0`).
    Percent(f64),
    Date(jiff::civil::Date),
    Bool(bool),
    Quantity(Quantity),
}

impl Value {
    /// The items this value refers to (none for values that are not references).
    pub fn refs(&self) -> &[ItemId] {
        match self {
            Value::Ref(r) => std::slice::from_ref(r),
            Value::Refs(rs) => rs,
            _ => &[],
        }
    }

    /// The terms of this value (none for values that are not terms).
    pub fn terms(&self) -> &[TermId] {
        match self {
            Value::Term(t) => std::slice::from_ref(t),
            Value::Terms(ts) => ts,
            _ => &[],
        }
    }
}
