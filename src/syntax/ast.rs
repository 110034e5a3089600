//! The syntax tree: what a model file says, as written, with byte spans. It keeps the file's
//! own words (`aktør` stays `aktør`) and its comments, so that `fmt` can print it back.

use compact_str::CompactString;

use crate::syntax::Span;
use crate::vocab::{ItemKind, Words};

/// A parsed file: its items in source order, its variant lines, and every comment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct File {
    pub items: Vec<Item>,
    pub comments: Vec<Comment>,
    /// `extends`, `remove` and `change` lines, in source order (a variant's).
    pub directives: Vec<Directive>,
}

/// A line of a variant: `extends "base.lsm"`, `remove ITEM_ID` or `change ITEM_ID { ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Whether the keyword was English (`extends`) or Norwegian (`utvider`).
    pub words: Words,
    pub keyword: Span,
    /// The whole line (or block), keyword to end.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DirectiveKind {
    /// `extends "base.lsm"`
    Extends { path: Str },
    /// `remove ITEM_ID`
    Remove { id: Ident },
    /// `change ITEM_ID { field: value ... }`
    Change {
        id: Ident,
        fields: Vec<Field>,
        open: Span,
        close: Span,
    },
}

impl DirectiveKind {
    /// The keyword in the words the file uses.
    pub fn keyword(&self, words: Words) -> &'static str {
        match (self, words) {
            (DirectiveKind::Extends { .. }, Words::English) => "extends",
            (DirectiveKind::Extends { .. }, Words::Norwegian) => "utvider",
            (DirectiveKind::Remove { .. }, Words::English) => "remove",
            (DirectiveKind::Remove { .. }, Words::Norwegian) => "fjern",
            (DirectiveKind::Change { .. }, Words::English) => "change",
            (DirectiveKind::Change { .. }, Words::Norwegian) => "endre",
        }
    }
}

/// Whether a word is one of the variant keywords, in either language.
pub fn is_directive_word(word: &str) -> bool {
    matches!(
        word,
        "extends" | "utvider" | "remove" | "fjern" | "change" | "endre"
    )
}

/// A `# ...` comment. `text` includes the `#`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub text: String,
    pub span: Span,
}

/// A word as written, with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    pub name: CompactString,
    pub span: Span,
}

/// One item: `keyword id "Name": from -> to { fields }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    /// Whether the keyword was English (`actor`) or Norwegian (`aktør`).
    pub words: Words,
    pub keyword: Span,
    pub id: Option<Ident>,
    pub name: Option<Str>,
    pub ends: Option<ItemEnds>,
    pub fields: Vec<Field>,
    /// The `{` that opens the fields.
    pub open: Span,
    /// The `}` that closes the fields.
    pub close: Span,
    /// The whole item, keyword to `}`.
    pub span: Span,
}

/// `: from -> to` or `: a <-> b`.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemEnds {
    pub from: Ident,
    pub arrow: Arrow,
    pub arrow_span: Span,
    pub to: Ident,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrow {
    /// `->`, a flow.
    Flow,
    /// `<->`, an agreement.
    Agreement,
}

impl Arrow {
    pub fn text(self) -> &'static str {
        match self {
            Arrow::Flow => "->",
            Arrow::Agreement => "<->",
        }
    }
}

/// `name: value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: Ident,
    pub value: ValueNode,
    pub span: Span,
}

/// A string: its value (escapes read, indentation of a multi-line string removed) and how it
/// was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Str {
    pub value: CompactString,
    pub multiline: bool,
    pub span: Span,
}

/// A number as written (`1_200_000`) and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub text: CompactString,
    pub value: f64,
    /// Written without a decimal part.
    pub whole: bool,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValueNode {
    pub kind: ValueKind,
    pub span: Span,
}

/// The parts of a quantity as written: `1_200_000`, `NOK`, `year`.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityNode {
    pub amount: Number,
    pub unit: Ident,
    pub per: Option<Ident>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    Str(Str),
    Number(Number),
    /// `40 %`
    Percent(Number),
    /// `1_200_000 NOK per year`: a number, a unit and an optional period, all words as written.
    /// Boxed: it is the largest value by far, and every value of a file is as large as the
    /// largest kind.
    Quantity(Box<QuantityNode>),
    Date(jiff::civil::Date),
    /// An identifier, a term or `yes`/`no`.
    Word(Ident),
    List(Vec<ValueNode>),
    /// A value with a syntax error, already reported (a date not in the calendar, say).
    Invalid,
}

impl ValueKind {
    /// What the value is, for messages that say what was found instead.
    pub fn shape(&self) -> Shape {
        match self {
            ValueKind::Str(_) => Shape::Text,
            ValueKind::Number(_) => Shape::Number,
            ValueKind::Percent(_) => Shape::Percent,
            ValueKind::Quantity(_) => Shape::Quantity,
            ValueKind::Date(_) => Shape::Date,
            ValueKind::Word(_) => Shape::Word,
            ValueKind::List(_) => Shape::List,
            ValueKind::Invalid => Shape::Invalid,
        }
    }
}

/// The form of a value, for messages ("found text").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Text,
    Number,
    Percent,
    Quantity,
    Date,
    Word,
    List,
    Invalid,
}
