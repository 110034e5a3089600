//! Runtime values of the evaluator and what can be done with them: comparison with a
//! tolerance, arithmetic on quantities, and the text a value reads as in `--explain` and in
//! finding messages. Split from `eval.rs`, which walks the conditions.

use std::borrow::Cow;
use std::cmp::Ordering;

use jiff::civil::Date;

use super::eval::Subject;
use crate::model::{ItemId, Model};
use crate::rules::condition::ast::{ArithOp, CmpOp};
use crate::rules::condition::Const;
use crate::vocab::{Dimension, Lang, TermId, Vocabulary};

/// A runtime value.
#[derive(Debug, Clone, PartialEq)]
pub enum V<'m> {
    Missing,
    Bool(bool),
    Num(f64),
    Qty {
        value: f64,
        dim: Dimension,
        per: bool,
    },
    Term(TermId),
    Terms(Cow<'m, [TermId]>),
    Item(Subject),
    Items(Cow<'m, [ItemId]>),
    Str(Cow<'m, str>),
    Date(Date),
}

impl V<'_> {
    pub fn from_const(c: &Const) -> V<'_> {
        match c {
            Const::Bool(b) => V::Bool(*b),
            Const::Num(n) => V::Num(*n),
            Const::Qty { value, dim, per } => V::Qty {
                value: *value,
                dim: *dim,
                per: *per,
            },
            Const::Term(t) => V::Term(*t),
            Const::Terms(ts) => V::Terms(Cow::Borrowed(ts)),
            Const::Str(s) => V::Str(Cow::Borrowed(s)),
            Const::Date(d) => V::Date(*d),
        }
    }

    pub(super) fn truthy(&self) -> bool {
        matches!(self, V::Bool(true))
    }
}

pub(super) fn const_value(c: &Const) -> V<'_> {
    V::from_const(c)
}

/// Compares two floats with a relative tolerance, so that `100 NOK per month` equals
/// `1_200 NOK per year` after normalising.
fn cmp_f(a: f64, b: f64) -> Ordering {
    let tol = 1e-9 * a.abs().max(b.abs()).max(1.0);
    if (a - b).abs() <= tol {
        Ordering::Equal
    } else if a < b {
        Ordering::Less
    } else {
        Ordering::Greater
    }
}

fn ordering(a: &V, b: &V) -> Option<Ordering> {
    match (a, b) {
        (V::Num(x), V::Num(y)) => Some(cmp_f(*x, *y)),
        (
            V::Qty {
                value: x,
                dim: dx,
                per: px,
            },
            V::Qty {
                value: y,
                dim: dy,
                per: py,
            },
        ) if dx == dy && px == py => Some(cmp_f(*x, *y)),
        (V::Date(x), V::Date(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

fn equal(a: &V, b: &V) -> Option<bool> {
    match (a, b) {
        (V::Missing, _) | (_, V::Missing) => None,
        (V::Term(x), V::Term(y)) => Some(x == y),
        (V::Item(x), V::Item(y)) => Some(x == y),
        (V::Str(x), V::Str(y)) => Some(x == y),
        (V::Bool(x), V::Bool(y)) => Some(x == y),
        _ => ordering(a, b).map(|o| o == Ordering::Equal),
    }
}

pub fn compare(op: CmpOp, a: &V, b: &V) -> bool {
    match op {
        CmpOp::Eq => equal(a, b) == Some(true),
        CmpOp::Ne => equal(a, b) == Some(false),
        CmpOp::Lt => ordering(a, b) == Some(Ordering::Less),
        CmpOp::Le => matches!(ordering(a, b), Some(Ordering::Less | Ordering::Equal)),
        CmpOp::Gt => ordering(a, b) == Some(Ordering::Greater),
        CmpOp::Ge => matches!(ordering(a, b), Some(Ordering::Greater | Ordering::Equal)),
    }
}

/// Is `x` in the list `l`? `None` when either is missing or they do not fit.
pub(super) fn member(x: &V, l: &V) -> Option<bool> {
    match (x, l) {
        (V::Term(t), V::Terms(ts)) => Some(ts.contains(t)),
        (V::Item(Subject::Item(i)), V::Items(is)) => Some(is.contains(i)),
        (V::Item(Subject::Model), V::Items(_)) => Some(false),
        _ => None,
    }
}

pub(super) fn intersects(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::Terms(x), V::Terms(y)) => x.iter().any(|t| y.contains(t)),
        (V::Items(x), V::Items(y)) => x.iter().any(|t| y.contains(t)),
        _ => false,
    }
}

pub(super) fn arith<'m>(op: ArithOp, a: &V<'m>, b: &V<'m>) -> V<'m> {
    use ArithOp::*;
    let qty = |value: f64, dim: Dimension, per: bool| V::Qty { value, dim, per };
    match (op, a, b) {
        (Add, V::Num(x), V::Num(y)) => V::Num(x + y),
        (Sub, V::Num(x), V::Num(y)) => V::Num(x - y),
        (Mul, V::Num(x), V::Num(y)) => V::Num(x * y),
        (Div, V::Num(x), V::Num(y)) if *y != 0.0 => V::Num(x / y),
        (Mul, V::Qty { value, dim, per }, V::Num(n))
        | (Mul, V::Num(n), V::Qty { value, dim, per }) => qty(value * n, *dim, *per),
        (Div, V::Qty { value, dim, per }, V::Num(n)) if *n != 0.0 => qty(value / n, *dim, *per),
        // An amount per year times a duration in years is a total.
        (
            Mul,
            V::Qty {
                value,
                dim,
                per: true,
            },
            V::Qty {
                value: years,
                dim: Dimension::Duration,
                per: false,
            },
        )
        | (
            Mul,
            V::Qty {
                value: years,
                dim: Dimension::Duration,
                per: false,
            },
            V::Qty {
                value,
                dim,
                per: true,
            },
        ) => qty(value * years, *dim, false),
        (
            Div,
            V::Qty {
                value,
                dim,
                per: false,
            },
            V::Qty {
                value: years,
                dim: Dimension::Duration,
                per: false,
            },
        ) if *years != 0.0 && *dim != Dimension::Duration => qty(value / years, *dim, true),
        (
            Div,
            V::Qty {
                value: x,
                dim: dx,
                per: px,
            },
            V::Qty {
                value: y,
                dim: dy,
                per: py,
            },
        ) if dx == dy && px == py && *y != 0.0 => V::Num(x / y),
        (
            Add | Sub,
            V::Qty {
                value: x,
                dim: dx,
                per: px,
            },
            V::Qty {
                value: y,
                dim: dy,
                per: py,
            },
        ) if dx == dy && px == py => qty(if op == Add { x + y } else { x - y }, *dx, *px),
        _ => V::Missing,
    }
}

/// A number as users read it: whole numbers grouped in thousands (`1 200 000`).
pub fn format_number(n: f64) -> String {
    if n.fract().abs() < 1e-9 && n.abs() < 1e15 {
        let digits = format!("{}", n.abs().round() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(' ');
            }
            out.push(c);
        }
        if n < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn base_unit(dim: Dimension, lang: Lang) -> &'static str {
    let w = words(lang);
    match dim {
        Dimension::Money => "NOK",
        Dimension::Hours => &w.hours,
        Dimension::Persons => &w.persons,
        Dimension::Duration => &w.years,
    }
}

/// The few words a value is written with, from the catalogue (`locales/<lang>/engine.ftl`),
/// looked up once per language: explanations write many values, and writing one allocates
/// nothing.
struct ValueWords {
    yes: String,
    no: String,
    hours: String,
    persons: String,
    years: String,
    per_year: String,
}

fn words(lang: Lang) -> &'static ValueWords {
    static NB: std::sync::OnceLock<ValueWords> = std::sync::OnceLock::new();
    static EN: std::sync::OnceLock<ValueWords> = std::sync::OnceLock::new();
    let cell = match lang {
        Lang::Nb => &NB,
        Lang::En => &EN,
    };
    cell.get_or_init(|| ValueWords {
        yes: crate::text!(lang, "engine-value-yes"),
        no: crate::text!(lang, "engine-value-no"),
        hours: crate::text!(lang, "engine-unit-hours"),
        persons: crate::text!(lang, "engine-unit-persons"),
        years: crate::text!(lang, "engine-unit-years"),
        per_year: crate::text!(lang, "engine-unit-per-year"),
    })
}

/// A value as text for messages and `--explain`.
pub fn render(model: &Model, vocab: &Vocabulary, v: &V, lang: Lang) -> String {
    let mut out = String::new();
    render_into(&mut out, model, vocab, v, lang);
    out
}

/// Writes a value as text onto `out`, allocating nothing for terms and items.
pub fn render_into(out: &mut String, model: &Model, vocab: &Vocabulary, v: &V, lang: Lang) {
    let term = |out: &mut String, t: &TermId| {
        for c in vocab.term(*t).label.get(lang).chars() {
            out.extend(c.to_lowercase());
        }
    };
    let list = |out: &mut String, n: usize, each: &mut dyn FnMut(&mut String, usize)| {
        for i in 0..n {
            if i > 0 {
                out.push_str(", ");
            }
            each(out, i);
        }
    };
    match v {
        V::Missing => out.push('–'),
        V::Bool(b) => out.push_str(if *b {
            &words(lang).yes
        } else {
            &words(lang).no
        }),
        V::Num(n) => out.push_str(&format_number(*n)),
        V::Qty { value, dim, per } => {
            out.push_str(&format_number(*value));
            out.push(' ');
            out.push_str(base_unit(*dim, lang));
            if *per {
                out.push(' ');
                out.push_str(&words(lang).per_year);
            }
        }
        V::Term(t) => term(out, t),
        V::Terms(ts) => list(out, ts.len(), &mut |out, i| term(out, &ts[i])),
        V::Item(s) => out.push_str(s.item(model).label()),
        V::Items(is) => list(out, is.len(), &mut |out, i| {
            out.push_str(model.item(is[i]).label())
        }),
        V::Str(s) => out.push_str(s),
        V::Date(d) => {
            use std::fmt::Write as _;
            let _ = write!(out, "{d}");
        }
    }
}
