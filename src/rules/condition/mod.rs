//! The condition language of rule packs: parsed with its own pest grammar
//! (`grammar/condition.pest`), type-checked against the vocabulary when rules load, and compiled
//! to an [`Expr`] that the engine evaluates without looking up any name.
//!
//! Errors here carry spans into the condition text only; the rule loader maps them into the
//! YAML file (typst's habit: helpers return span-free errors, the caller places them).

pub mod ast;
mod check;
mod ir;
mod parse;
mod paths;
pub mod plan;
mod types;

pub use check::Checker;
pub use ir::{Const, Expr, ExprKind, QDomain, Rel};
pub use parse::parse_condition;
pub use plan::{Dir, Link, Plan, Probe};
pub use types::{Scope, Ty};

use crate::syntax::Span;

/// What can be wrong with a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CondErrorKind {
    /// What the parser expected there: catalogue keys (`rules-cond-expected-*`).
    Syntax {
        expected: Vec<&'static str>,
    },
    UnknownVariable {
        name: String,
    },
    UnknownField {
        field: String,
        on: String,
    },
    UnknownTerm {
        term: String,
        set: String,
    },
    UnknownKind {
        kind: String,
    },
    UnknownUnit {
        unit: String,
    },
    UnknownPeriod {
        period: String,
    },
    UnknownParameter {
        name: String,
    },
    UnknownSet {
        name: String,
    },
    BadDate {
        text: String,
    },
    /// A type error: what was found and what the position needs.
    Mismatch {
        expected: String,
        found: String,
    },
    /// Quantities of different dimensions or periods compared or added.
    Units {
        left: String,
        right: String,
    },
    /// A bare word where no term set tells what it means.
    BareWord {
        word: String,
    },
    /// Brackets, `not`s or chained arithmetic nested deeper than the limit.
    TooDeep {
        depth: usize,
        max: usize,
    },
}

/// A help's words: a catalogue key with its values, so the help can be told in either
/// language after the error is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Hint {
    pub fn new(key: &'static str) -> Hint {
        Hint {
            key,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Hint {
        self.args.push((name, value.into()));
        self
    }

    /// "did you mean `suggestion`?"
    pub fn did_you_mean(suggestion: impl Into<String>) -> Hint {
        Hint::new("diag-did-you-mean").arg("suggestion", suggestion)
    }

    /// The help in `lang`.
    pub fn text(&self, lang: crate::vocab::Lang) -> String {
        let args: Vec<(&str, crate::base::words::Value)> = self
            .args
            .iter()
            .map(|(n, v)| (*n, v.clone().into()))
            .collect();
        crate::base::words::text(lang, self.key, &args)
    }
}

/// A condition error with its span in the condition text and an optional suggestion: `help`
/// in English, `hint` its words for any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CondError {
    pub kind: CondErrorKind,
    pub span: Span,
    pub help: Option<String>,
    pub hint: Option<Box<Hint>>,
}

impl CondError {
    pub fn new(kind: CondErrorKind, span: Span) -> CondError {
        CondError {
            kind,
            span,
            help: None,
            hint: None,
        }
    }

    /// A syntax error; `expected` are the catalogue keys of what could stand there.
    pub fn syntax(span: Span, expected: Vec<&'static str>) -> CondError {
        CondError::new(CondErrorKind::Syntax { expected }, span)
    }

    /// What the parser expected, in `lang`: the words of each key, joined by commas.
    pub fn expected_words(expected: &[&'static str], lang: crate::vocab::Lang) -> String {
        expected
            .iter()
            .map(|k| crate::base::words::text(lang, k, &[]))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The help, told from the catalogue (in English until the error is shown in a language).
    pub fn with_hint(mut self, hint: Option<Hint>) -> CondError {
        self.help = hint.as_ref().map(|h| h.text(crate::vocab::Lang::En));
        self.hint = hint.map(Box::new);
        self
    }

    /// A stable code for the error kind.
    pub fn code(&self) -> &'static str {
        match self.kind {
            CondErrorKind::Syntax { .. } => "rammelab::rules::condition-syntax",
            CondErrorKind::UnknownVariable { .. } => "rammelab::rules::unknown-variable",
            CondErrorKind::UnknownField { .. } => "rammelab::rules::unknown-field",
            CondErrorKind::UnknownTerm { .. } => "rammelab::rules::unknown-term",
            CondErrorKind::UnknownKind { .. } => "rammelab::rules::unknown-kind",
            CondErrorKind::UnknownUnit { .. } | CondErrorKind::UnknownPeriod { .. } => {
                "rammelab::rules::unknown-unit"
            }
            CondErrorKind::UnknownParameter { .. } => "rammelab::rules::unknown-parameter",
            CondErrorKind::UnknownSet { .. } => "rammelab::rules::unknown-set",
            CondErrorKind::BadDate { .. } => "rammelab::rules::bad-date",
            CondErrorKind::Mismatch { .. } | CondErrorKind::BareWord { .. } => {
                "rammelab::rules::type-mismatch"
            }
            CondErrorKind::Units { .. } => "rammelab::rules::unit-mismatch",
            CondErrorKind::TooDeep { .. } => "rammelab::limit",
        }
    }
}

impl std::fmt::Display for CondError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            CondErrorKind::Syntax { expected } => write!(
                f,
                "expected {}",
                CondError::expected_words(expected, crate::vocab::Lang::En)
            ),
            CondErrorKind::UnknownVariable { name } => {
                write!(f, "`{name}` is not a variable in this condition")
            }
            CondErrorKind::UnknownField { field, on } => {
                write!(f, "{on} has no field `{field}`")
            }
            CondErrorKind::UnknownTerm { term, set } => {
                write!(f, "`{term}` is not a term of {set}")
            }
            CondErrorKind::UnknownKind { kind } => write!(f, "`{kind}` is not a kind of item"),
            CondErrorKind::UnknownUnit { unit } => write!(f, "`{unit}` is not a unit"),
            CondErrorKind::UnknownPeriod { period } => write!(f, "`{period}` is not a period"),
            CondErrorKind::UnknownParameter { name } => {
                write!(f, "no rule pack defines the parameter `{name}`")
            }
            CondErrorKind::UnknownSet { name } => {
                write!(f, "no rule pack defines the set `{name}`")
            }
            CondErrorKind::BadDate { text } => write!(f, "`{text}` is not a valid date"),
            CondErrorKind::Mismatch { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            CondErrorKind::Units { left, right } => {
                write!(f, "{left} cannot be compared or combined with {right}")
            }
            CondErrorKind::BareWord { word } => write!(
                f,
                "`{word}` is neither a variable nor a term that the other side makes sense of"
            ),
            CondErrorKind::TooDeep { depth, max } => write!(
                f,
                "the condition nests {depth} levels deep here, deeper than the limit of {max}"
            ),
        }
    }
}
