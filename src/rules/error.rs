//! Errors of loading rule packs, each placed in its YAML file. The words users read are
//! picked from the catalogue in `texts.rs`.

pub(crate) mod texts;

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan};

use super::condition::CondError;
use crate::base::source::SourceFile;
use crate::syntax::Span;
use crate::vocab::Lang;

/// What is wrong in a rule file.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RuleErrorKind {
    #[error("the file is not valid YAML: {0}")]
    Yaml(String),
    /// A key the schema does not know, at `path` in the file (`rules[0]`, empty at the top);
    /// `expected` lists the keys it does (each in backticks, comma-separated; empty when serde
    /// named none).
    #[error("unknown field `{key}`")]
    UnknownKey {
        path: String,
        key: String,
        expected: String,
    },
    #[error("{0}")]
    Schema(String),
    #[error("the rule id `{0}` is used more than once")]
    DuplicateId(String),
    #[error("the {what} `{name}` is defined more than once")]
    Duplicate { what: &'static str, name: String },
    #[error("{0}")]
    Condition(CondError),
    #[error("`{name}` in `{key}` is neither a rule id nor `act:...`/`tag:...` of any loaded pack")]
    UnknownRule { key: &'static str, name: String },
    #[error("{0}")]
    Invalid(String),
    #[error("the rule files could not be read: {0}")]
    Io(String),
    /// `builtin:NAME` names no proposal built into rammelab; `names` lists those there are.
    #[error("the rule files could not be read: `{given}`: no built-in proposal `{name}`; the built-in proposals are: {names}")]
    NoBuiltinProposal {
        given: String,
        name: String,
        names: String,
    },
    /// An overlay names a parameter that no pack defines.
    #[error("no rule pack defines the parameter `{0}`")]
    UnknownParameter(String),
    /// An overlay gives a parameter a value of another unit or type.
    #[error(
        "the new value `{value}` of `{parameter}` is {found}, but the parameter is {expected}"
    )]
    AmendType {
        parameter: String,
        value: String,
        found: String,
        expected: String,
    },
    /// A trial under forsøksloven names rules it cannot set aside.
    #[error("a trial under forsøksloven cannot set aside {rules}")]
    TrialCannotExempt { rules: String },
    /// A trial longer than forsøksloven § 3 allows.
    #[error("a trial under forsøksloven lasts at most 4 years plus 2 years of extension; this one runs from {from} to {to}")]
    TrialTooLong { from: String, to: String },
    /// A trial that names no municipality or model.
    #[error("the trial names no municipality or model it is approved for")]
    TrialWithoutParticipants,
    /// An exemption that ends before it starts.
    #[error("the exemption ends ({to}) before it starts ({from})")]
    BadPeriod { from: String, to: String },
    /// An exemption that names an opportunity.
    #[error("`{0}` is an opportunity; an exemption sets aside barriers")]
    ExemptOpportunity(String),
    /// Two overlays with the same id.
    #[error("the overlay `{0}` is given more than once")]
    DuplicateOverlay(String),
    /// Over a limit that keeps loading bounded in time and memory.
    #[error("the rule file is over the size limit: {0:?}")]
    Limit(crate::base::yaml::YamlLimit),
    /// A vocabulary file (`vocabulary.yaml` in a `--rules` folder) that cannot be used.
    #[error("{0}")]
    Vocabulary(crate::vocab::VocabError),
    /// A file that is not UTF-8; `byte` is the offset of the first byte that is not.
    #[error("the file is not UTF-8: byte {byte} (counted from 0) starts no UTF-8 character")]
    NotUtf8 { byte: usize },
}

impl RuleErrorKind {
    pub fn code(&self) -> &'static str {
        match self {
            RuleErrorKind::Yaml(_) => "rammelab::rules::yaml",
            RuleErrorKind::UnknownKey { .. } => "rammelab::rules::unknown-key",
            RuleErrorKind::Schema(m) if m.contains("date") => "rammelab::rules::bad-date",
            RuleErrorKind::Schema(_) => "rammelab::rules::schema",
            RuleErrorKind::DuplicateId(_) | RuleErrorKind::Duplicate { .. } => {
                "rammelab::rules::duplicate-id"
            }
            RuleErrorKind::Condition(c) => c.code(),
            RuleErrorKind::UnknownRule { .. } => "rammelab::rules::unknown-rule",
            RuleErrorKind::Invalid(_) => "rammelab::rules::invalid",
            RuleErrorKind::Io(_) | RuleErrorKind::NoBuiltinProposal { .. } => "rammelab::rules::io",
            RuleErrorKind::UnknownParameter(_) => "rammelab::overlay::unknown-parameter",
            RuleErrorKind::AmendType { .. } => "rammelab::overlay::amend-type",
            RuleErrorKind::TrialCannotExempt { .. } => "rammelab::overlay::trial-cannot-exempt",
            RuleErrorKind::TrialTooLong { .. } => "rammelab::overlay::trial-too-long",
            RuleErrorKind::TrialWithoutParticipants => {
                "rammelab::overlay::trial-without-participants"
            }
            RuleErrorKind::BadPeriod { .. } => "rammelab::overlay::bad-period",
            RuleErrorKind::ExemptOpportunity(_) => "rammelab::overlay::exempt-opportunity",
            RuleErrorKind::DuplicateOverlay(_) => "rammelab::overlay::duplicate",
            RuleErrorKind::Limit(_) => "rammelab::limit",
            RuleErrorKind::Vocabulary(e) => e.code(),
            RuleErrorKind::NotUtf8 { .. } => "rammelab::rules::not-utf8",
        }
    }
}

/// One error in one rule file, with where it stands.
#[derive(Debug, Clone)]
pub struct RuleError {
    pub kind: RuleErrorKind,
    pub file: Arc<SourceFile>,
    pub span: Option<Span>,
    pub label: String,
    pub help: Option<String>,
    /// The language the message is shown in (English unless [`RuleError::in_lang`] says).
    pub lang: Lang,
}

impl RuleError {
    pub fn new(kind: RuleErrorKind, file: &Arc<SourceFile>, span: Option<Span>) -> RuleError {
        RuleError {
            kind,
            file: file.clone(),
            span,
            label: "here".to_string(),
            help: None,
            lang: Lang::En,
        }
    }

    /// The same error, shown in `lang`.
    pub fn in_lang(mut self, lang: Lang) -> RuleError {
        self.lang = lang;
        match &self.kind {
            RuleErrorKind::NotUtf8 { .. } => {
                self.help = Some(texts::not_utf8_help(lang));
            }
            RuleErrorKind::Limit(_) => {
                self.help = Some(texts::limit_help(lang));
            }
            RuleErrorKind::UnknownKey { expected, .. } => {
                self.help = texts::unknown_key_help(expected, lang);
            }
            // Not under a message still told in English only (see `texts::condition`), so that
            // one diagnostic reads in one language.
            RuleErrorKind::Condition(c) if texts::condition_in_lang(c) => {
                if let Some(hint) = &c.hint {
                    self.help = Some(hint.text(lang));
                }
            }
            _ => {}
        }
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> RuleError {
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: Option<String>) -> RuleError {
        self.help = help;
        self
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&texts::message(&self.kind, self.lang))
    }
}

impl std::error::Error for RuleError {}

impl Diagnostic for RuleError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.kind.code()))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h.as_str()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        // The shared file, not a copy: a file with many errors must not be copied per error.
        Some(self.file.as_ref())
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(texts::label(&self.label, self.lang)),
            span.to_miette(&self.file.text),
        ))))
    }
}

impl RuleError {
    /// The error as a miette report, ready to render.
    pub fn report(&self) -> miette::Report {
        miette::Report::new(self.clone())
    }
}

/// Every error found while loading a set of rule files.
#[derive(Debug, Clone)]
pub struct RuleErrors(pub Vec<RuleError>);

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary())
    }
}

impl std::error::Error for RuleErrors {}

impl RuleErrors {
    /// The same errors, shown in `lang`.
    pub fn in_lang(self, lang: Lang) -> RuleErrors {
        RuleErrors(self.0.into_iter().map(|e| e.in_lang(lang)).collect())
    }

    /// The line after the errors, in their language.
    pub fn summary(&self) -> String {
        let lang = self.0.first().map_or(Lang::En, |e| e.lang);
        texts::summary(self.0.len(), lang)
    }
}
