//! What can be wrong with a model file, as diagnostics. These types hold only the facts, and
//! render in the language chosen with [`ModelErrors::in_lang`] (bokmål by default); the words
//! users read are picked from the catalogue in `texts.rs` and `variant.rs`.

mod texts;
mod variant;

pub use texts::texts;

use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, SourceCode};

use crate::base::note::Note;
use crate::base::words::{self, Texts};
use crate::model::SourceFile;
use crate::syntax::ast::{Arrow, Shape};
use crate::syntax::{Span, SyntaxError, SyntaxErrorKind};
use crate::vocab::{Dimension, ItemKind, Lang, Text};

/// What a field expects, for messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Expect {
    Term(Text),
    Terms(Text),
    Ref(Vec<ItemKind>),
    Refs(Vec<ItemKind>),
    Text,
    Number,
    Integer,
    Percent,
    Date,
    Bool,
    Quantity(Vec<Dimension>),
}

/// Where a reference stands, for messages about references to the wrong kind of item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    FlowFrom,
    FlowTo,
    Party,
    Field(String),
}

/// Every kind of problem a model file can have.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    Syntax(SyntaxErrorKind),
    Unreadable {
        reason: String,
    },
    NotUtf8,
    /// The path names a folder, a FIFO or a device: refused before it is opened.
    NotAFile(crate::base::fsutil::FileKind),
    MissingModel,
    DuplicateModel,
    ModelWithId {
        id: String,
    },
    MissingId {
        kind: ItemKind,
    },
    MissingName,
    MissingEnds {
        kind: ItemKind,
        words: crate::vocab::Words,
    },
    UnexpectedEnds {
        kind: ItemKind,
    },
    WrongArrow {
        kind: ItemKind,
        found: Arrow,
    },
    DuplicateId {
        id: String,
    },
    UnknownReference {
        id: String,
        suggestion: Option<String>,
    },
    WrongItemKind {
        id: String,
        found: ItemKind,
        expected: Vec<ItemKind>,
        role: Role,
    },
    UnknownField {
        field: String,
        kind: ItemKind,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    DuplicateField {
        field: String,
    },
    MissingField {
        field: String,
        kind: ItemKind,
    },
    WrongType {
        field: String,
        expected: Expect,
        found: Shape,
    },
    NotAList {
        field: String,
        example: Option<String>,
    },
    UnknownTerm {
        term: String,
        field: String,
        set: Text,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    UnknownUnit {
        unit: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    UnknownPeriod {
        period: String,
    },
    WrongUnit {
        field: String,
        unit: String,
        dimension: Dimension,
        allowed: Vec<Dimension>,
    },
    UnitMismatch {
        field: String,
        unit: String,
        found: Dimension,
        expected: Dimension,
        term: String,
        example: String,
    },
    DependsOnCycle {
        cycle: Vec<String>,
    },
    /// `extends` after an item or another variant line.
    ExtendsNotFirst,
    /// A second `extends`.
    ExtendsTwice,
    /// `remove` or `change` in a file that does not `extends` a model.
    WithoutExtends {
        keyword: String,
    },
    /// The base model does not exist (or cannot be read).
    UnknownBase {
        path: String,
        reason: String,
        suggestion: Option<String>,
    },
    /// The base is not a model file (`*.lsm`).
    BaseNotModel {
        path: String,
    },
    /// The base's path is refused before it is opened: absolute, out of the project, not a
    /// regular file, or a link to a file that is not a model. Nothing of it is read.
    BaseRefused {
        path: String,
        why: crate::base::fsutil::Refused,
    },
    /// The variant lies outside the folder tree of its base model.
    OutsideTree {
        path: String,
    },
    /// A circle of `extends`.
    ExtendsCycle {
        cycle: Vec<String>,
    },
    /// The base model has errors of its own (reported beside this one).
    InvalidBase {
        path: String,
        count: usize,
    },
    /// `remove` of an item the base does not have.
    RemoveMissing {
        id: String,
        suggestion: Option<String>,
    },
    /// `change` of an item the base does not have.
    ChangeMissing {
        id: String,
        suggestion: Option<String>,
    },
    /// `remove` of an item that other items still name.
    StillReferenced {
        id: String,
        by: Vec<String>,
    },
    /// A new item with the id of an item of the base.
    AlreadyInBase {
        id: String,
    },
    /// The same item removed or changed twice, or both.
    TwiceInVariant {
        id: String,
    },
}

impl ErrorKind {
    /// The stable code users can search for.
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::Syntax(kind) => SyntaxError::new(kind.clone(), Span::default()).code(),
            ErrorKind::Unreadable { .. } => "rammelab::unreadable",
            ErrorKind::NotUtf8 => "rammelab::not-utf8",
            ErrorKind::NotAFile(_) => "rammelab::not-a-file",
            ErrorKind::MissingModel => "rammelab::missing-model",
            ErrorKind::DuplicateModel => "rammelab::duplicate-model",
            ErrorKind::ModelWithId { .. } => "rammelab::model-with-id",
            ErrorKind::MissingId { .. } => "rammelab::missing-id",
            ErrorKind::MissingName => "rammelab::missing-name",
            ErrorKind::MissingEnds { .. } => "rammelab::missing-ends",
            ErrorKind::UnexpectedEnds { .. } => "rammelab::unexpected-ends",
            ErrorKind::WrongArrow { .. } => "rammelab::wrong-arrow",
            ErrorKind::DuplicateId { .. } => "rammelab::duplicate-id",
            ErrorKind::UnknownReference { .. } => "rammelab::unknown-reference",
            ErrorKind::WrongItemKind { .. } => "rammelab::wrong-item-kind",
            ErrorKind::UnknownField { .. } => "rammelab::unknown-field",
            ErrorKind::DuplicateField { .. } => "rammelab::duplicate-field",
            ErrorKind::MissingField { .. } => "rammelab::missing-field",
            ErrorKind::WrongType { .. } => "rammelab::wrong-type",
            ErrorKind::NotAList { .. } => "rammelab::single-value-expected",
            ErrorKind::UnknownTerm { .. } => "rammelab::unknown-term",
            ErrorKind::UnknownUnit { .. } => "rammelab::unknown-unit",
            ErrorKind::UnknownPeriod { .. } => "rammelab::unknown-period",
            ErrorKind::WrongUnit { .. } => "rammelab::wrong-unit",
            ErrorKind::UnitMismatch { .. } => "rammelab::unit-mismatch",
            ErrorKind::DependsOnCycle { .. } => "rammelab::depends-on-cycle",
            ErrorKind::ExtendsNotFirst => "rammelab::variant::extends-not-first",
            ErrorKind::ExtendsTwice => "rammelab::variant::extends-twice",
            ErrorKind::WithoutExtends { .. } => "rammelab::variant::without-extends",
            ErrorKind::UnknownBase { .. } => "rammelab::variant::unknown-base",
            ErrorKind::BaseNotModel { .. } => "rammelab::variant::base-not-model",
            ErrorKind::BaseRefused { .. } => "rammelab::variant::base-refused",
            ErrorKind::OutsideTree { .. } => "rammelab::variant::outside-tree",
            ErrorKind::ExtendsCycle { .. } => "rammelab::variant::extends-cycle",
            ErrorKind::InvalidBase { .. } => "rammelab::variant::invalid-base",
            ErrorKind::RemoveMissing { .. } => "rammelab::variant::remove-missing",
            ErrorKind::ChangeMissing { .. } => "rammelab::variant::change-missing",
            ErrorKind::StillReferenced { .. } => "rammelab::variant::still-referenced",
            ErrorKind::AlreadyInBase { .. } => "rammelab::variant::already-in-base",
            ErrorKind::TwiceInVariant { .. } => "rammelab::variant::twice",
        }
    }
}

/// One problem in a model file, with where it is and the file it is in.
#[derive(Debug, Clone)]
pub struct ModelError {
    /// What is wrong, with its facts.
    pub kind: ErrorKind,
    /// Where in the file.
    pub span: Span,
    /// Other places worth a look, each with a note.
    pub notes: Vec<(Span, Note)>,
    lang: Lang,
    source: Arc<SourceFile>,
}

impl ModelError {
    /// An error of `kind` at `span` in `source`, told in bokmål until [`ModelError::in_lang`] says otherwise.
    pub fn new(source: Arc<SourceFile>, kind: ErrorKind, span: Span) -> ModelError {
        ModelError {
            kind,
            span,
            notes: Vec::new(),
            lang: Lang::default(),
            source,
        }
    }

    /// The same error with one more place worth a look.
    pub fn with_note(mut self, span: Span, note: Note) -> ModelError {
        self.notes.push((span, note));
        self
    }

    /// A syntax error, as an error of the model file it was found in.
    pub fn from_syntax(source: Arc<SourceFile>, error: SyntaxError) -> ModelError {
        ModelError {
            kind: ErrorKind::Syntax(error.kind),
            span: error.span,
            notes: error.notes,
            lang: Lang::default(),
            source,
        }
    }

    /// The stable code (`rammelab::unknown-term`, ...) that CI annotations and `--format json` carry.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The language the error is told in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The same error, rendered in another language.
    pub fn in_lang(mut self, lang: Lang) -> ModelError {
        self.lang = lang;
        self
    }

    /// The file the error is in.
    pub fn file(&self) -> &SourceFile {
        &self.source
    }

    /// 1-based line and column of the error.
    pub fn line_col(&self) -> (usize, usize) {
        self.source.line_col(self.span.start)
    }

    fn texts(&self) -> Texts {
        texts(&self.kind, self.lang)
    }
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.texts().message)
    }
}

impl std::error::Error for ModelError {}

impl Diagnostic for ModelError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(self.kind.code()))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.texts()
            .help
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&*self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let text = &self.source.text;
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(self.texts().label),
            self.span.to_miette(text),
        )];
        for (span, note) in &self.notes {
            labels.push(LabeledSpan::new_with_span(
                Some(note.text(self.lang)),
                span.to_miette(text),
            ));
        }
        Some(Box::new(labels.into_iter()))
    }
}

/// Every error of one model file, syntax and resolution together, in source order. Never
/// empty.
#[derive(Debug, Clone)]
pub struct ModelErrors {
    source: Arc<SourceFile>,
    errors: Vec<ModelError>,
    lang: Lang,
}

impl ModelErrors {
    /// Sorts the errors by position. `errors` must not be empty.
    pub fn new(source: Arc<SourceFile>, mut errors: Vec<ModelError>) -> ModelErrors {
        errors.sort_by_key(|e| (e.span.start, e.span.end));
        ModelErrors {
            source,
            errors,
            lang: Lang::default(),
        }
    }

    /// All syntax errors of a file as model errors.
    pub fn from_syntax(source: Arc<SourceFile>, errors: Vec<SyntaxError>) -> ModelErrors {
        let errors = errors
            .into_iter()
            .map(|e| ModelError::from_syntax(source.clone(), e))
            .collect();
        ModelErrors::new(source, errors)
    }

    /// The same errors, rendered in another language.
    pub fn in_lang(mut self, lang: Lang) -> ModelErrors {
        self.lang = lang;
        self.errors = self.errors.into_iter().map(|e| e.in_lang(lang)).collect();
        self
    }

    /// The errors, in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &ModelError> {
        self.errors.iter()
    }

    /// How many errors.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The file the errors are in.
    pub fn file(&self) -> &SourceFile {
        &self.source
    }

    /// These errors followed by those of a base model (a variant's base), which point into
    /// their own file.
    pub fn with_base(mut self, base: ModelErrors) -> ModelErrors {
        self.errors
            .extend(base.errors.into_iter().map(|e| e.in_lang(self.lang)));
        self
    }
}

impl IntoIterator for ModelErrors {
    type Item = ModelError;
    type IntoIter = std::vec::IntoIter<ModelError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl std::fmt::Display for ModelErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.source.path.display().to_string();
        f.write_str(&words::summary(&path, self.errors.len(), self.lang))
    }
}

impl std::error::Error for ModelErrors {}

impl Diagnostic for ModelErrors {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("rammelab::invalid-model"))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&*self.source)
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        Some(Box::new(self.errors.iter().map(|e| e as &dyn Diagnostic)))
    }
}
