//! The texts of one diagnostic and the small helpers the stages' error words share. Each
//! stage keeps the table from its error kinds to catalogue keys beside its error type
//! (`syntax/error/texts.rs`, `model/error/texts.rs` and `variant.rs`, `rules/error/texts.rs`,
//! `config/texts.rs`). Messages start lowercase and quote user input in backticks; the fix
//! goes in `help`.

/// The texts of one diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    pub message: String,
    /// The label on the primary span.
    pub label: String,
    pub help: Option<String>,
}

impl Texts {
    pub fn new(message: impl Into<String>, label: impl Into<String>) -> Texts {
        Texts {
            message: message.into(),
            label: label.into(),
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Texts {
        self.help = Some(help.into());
        self
    }

    pub fn maybe_help(mut self, help: Option<String>) -> Texts {
        self.help = help;
        self
    }
}

/// The texts of an input over a limit; the words are kept with the limits.
pub fn limit(l: &crate::base::limits::LimitExceeded, lang: crate::base::lang::Lang) -> Texts {
    let (message, label, help) = l.texts(lang);
    Texts::new(message, label).help(help)
}

/// The headline over all errors of one file.
pub fn summary(path: &str, count: usize, lang: crate::base::lang::Lang) -> String {
    crate::text!(lang, "diag-summary", path = path, count = count)
}

/// `` `a`, `b` or `c` `` with the language's word for "or" (or "and").
pub fn join(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., tail] => format!("{} {last} {tail}", init.join(", ")),
    }
}

/// Each name in backticks.
pub fn ticked<S: AsRef<str>>(items: &[S]) -> Vec<String> {
    items.iter().map(|s| format!("`{}`", s.as_ref())).collect()
}
