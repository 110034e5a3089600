//! The diagnostics' words. The texts are in the word catalogue (`locales/<lang>/*.ftl`:
//! `syntax.ftl`, `model.ftl`, `variant.ftl`, `config.ftl`, `rules.ftl`, `diagnostics.ftl`);
//! the modules here pick a key for each kind of problem and fill in its facts, and the error
//! types elsewhere hold only facts. Messages start lowercase and quote user input in backticks; the fix goes
//! in `help`.

mod config;
mod model;
pub mod rules;
mod syntax;
mod variant;

use crate::model::error::ErrorKind;
use crate::syntax::SyntaxErrorKind;
use crate::vocab::Lang;

/// The texts of one diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    pub message: String,
    /// The label on the primary span.
    pub label: String,
    pub help: Option<String>,
}

impl Texts {
    fn new(message: impl Into<String>, label: impl Into<String>) -> Texts {
        Texts {
            message: message.into(),
            label: label.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Texts {
        self.help = Some(help.into());
        self
    }

    fn maybe_help(mut self, help: Option<String>) -> Texts {
        self.help = help;
        self
    }
}

pub use crate::base::note::Note;

/// The texts of an error in `rammelab.toml`.
pub fn config(kind: &crate::config::ConfigErrorKind, lang: Lang) -> Texts {
    config::texts(kind, lang)
}

pub fn syntax(kind: &SyntaxErrorKind, lang: Lang) -> Texts {
    syntax::syntax(kind, lang)
}

/// The texts of an input over a limit; the words are kept with the limits.
fn limit(l: &crate::base::limits::LimitExceeded, lang: Lang) -> Texts {
    let (message, label, help) = l.texts(lang);
    Texts::new(message, label).help(help)
}

pub fn model(kind: &ErrorKind, lang: Lang) -> Texts {
    if let Some(t) = variant::texts(kind, lang) {
        return t;
    }
    if let ErrorKind::Syntax(kind) = kind {
        return syntax(kind, lang);
    }
    model::texts(kind, lang).unwrap_or_else(|| Texts::new(String::new(), String::new()))
}

pub fn note(note: &Note, lang: Lang) -> String {
    syntax::note(note, lang)
}

/// The headline over all errors of one file.
pub fn summary(path: &str, count: usize, lang: Lang) -> String {
    syntax::summary(path, count, lang)
}

/// `` `a`, `b` or `c` `` with the language's word for "or" (or "and").
fn join(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., tail] => format!("{} {last} {tail}", init.join(", ")),
    }
}

/// Each name in backticks.
fn ticked<S: AsRef<str>>(items: &[S]) -> Vec<String> {
    items.iter().map(|s| format!("`{}`", s.as_ref())).collect()
}
