//! What can be wrong with the text of a model file. These types hold only the facts; the
//! words users read are picked from the catalogue in `texts.rs`.

mod texts;

pub use texts::texts;

use crate::base::note::Note;
use crate::syntax::Span;

/// Something the parser expected, in words a person understands (see `parser::expected`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Expected {
    Item,
    EndOfFile,
    Id,
    DisplayName,
    Ends,
    ItemRef,
    Colon,
    Arrow,
    OpenBrace,
    CloseBrace,
    Field,
    Value,
    Comma,
    CloseBracket,
    Unit,
    Period,
    /// The path of a base model, in quotes.
    Path,
}

/// What stood where the parser expected something else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Text(String),
    LineBreak,
    EndOfFile,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The parser met something it did not expect.
    Unexpected {
        expected: Vec<Expected>,
        found: Found,
    },
    /// An item starts with a word that is not an item keyword.
    UnknownKeyword {
        word: String,
        suggestion: Option<&'static str>,
    },
    /// A `{` that is never closed.
    MissingBrace,
    UnterminatedString,
    UnterminatedMultiline,
    BadEscape(String),
    /// Looks like a date but is not one in the calendar.
    BadDate(String),
    /// Digits in groups separated by spaces that are not groups of three (`1 20 000`): the
    /// number is `fixed` (`120_000`) if the digits are right.
    DigitGroups {
        written: String,
        fixed: String,
    },
    /// A number with a decimal comma in a list (`[12,5]`), which could be two numbers;
    /// `decimal` is the number with a decimal point.
    DecimalCommaInList {
        written: String,
        decimal: String,
    },
    /// A decimal comma with a space after it where one value stands (`12, 5`).
    SpacedDecimalComma {
        written: String,
        decimal: String,
    },
    /// The file is too large or too deeply nested for the parser's limits.
    TooComplex,
    /// The file is over one of the [`crate::base::limits::Limits`].
    Limit(crate::base::limits::LimitExceeded),
}

/// One syntax error: what, where, and optionally a second place to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub span: Span,
    pub notes: Vec<(Span, Note)>,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, span: Span) -> SyntaxError {
        SyntaxError {
            kind,
            span,
            notes: Vec::new(),
        }
    }

    pub fn with_note(mut self, span: Span, note: Note) -> SyntaxError {
        self.notes.push((span, note));
        self
    }

    /// The stable code users can search for.
    pub fn code(&self) -> &'static str {
        match self.kind {
            SyntaxErrorKind::Unexpected { .. } => "rammelab::syntax",
            SyntaxErrorKind::UnknownKeyword { .. } => "rammelab::unknown-item-kind",
            SyntaxErrorKind::MissingBrace => "rammelab::missing-brace",
            SyntaxErrorKind::UnterminatedString => "rammelab::unterminated-string",
            SyntaxErrorKind::UnterminatedMultiline => "rammelab::unterminated-string",
            SyntaxErrorKind::BadEscape(_) => "rammelab::bad-escape",
            SyntaxErrorKind::BadDate(_) => "rammelab::bad-date",
            SyntaxErrorKind::DigitGroups { .. }
            | SyntaxErrorKind::DecimalCommaInList { .. }
            | SyntaxErrorKind::SpacedDecimalComma { .. } => "rammelab::number",
            SyntaxErrorKind::TooComplex => "rammelab::too-complex",
            SyntaxErrorKind::Limit(_) => "rammelab::limit",
        }
    }
}

impl std::error::Error for SyntaxError {}

/// Every syntax error of one text, in source order; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxErrors {
    pub errors: Vec<SyntaxError>,
}

impl std::fmt::Display for SyntaxErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.errors.as_slice() {
            [one] => one.fmt(f),
            many => write!(f, "{} syntax errors", many.len()),
        }
    }
}

impl std::error::Error for SyntaxErrors {}

/// A syntax error reads as its message in the default language.
impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&texts(&self.kind, crate::base::lang::Lang::default()).message)
    }
}
