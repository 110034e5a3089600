//! The server's own words (hover framing, code-action titles), from the word catalogue
//! (`locales/<lang>/lsp.ftl`). The texts of errors, rules and the vocabulary come from their
//! own places.

use crate::text;
use crate::vocab::Lang;

/// A word of the server without values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Field,
    Term,
    Unit,
    Required,
    Optional,
    Accepts,
    Source,
    Remedy,
    Mitigates,
    MitigatedBy,
    Barrier,
    Opportunity,
    RulesNotLoaded,
    Settings,
}

/// The text of a word in `lang`.
pub fn word(w: Word, lang: Lang) -> String {
    match w {
        Word::Field => text!(lang, "lsp-field"),
        Word::Term => text!(lang, "lsp-term"),
        Word::Unit => text!(lang, "lsp-unit"),
        Word::Required => text!(lang, "lsp-required"),
        Word::Optional => text!(lang, "lsp-optional"),
        Word::Accepts => text!(lang, "lsp-accepts"),
        Word::Source => text!(lang, "lsp-source"),
        Word::Remedy => text!(lang, "lsp-remedy"),
        Word::Mitigates => text!(lang, "lsp-mitigates"),
        Word::MitigatedBy => text!(lang, "lsp-mitigated-by"),
        Word::Barrier => text!(lang, "lsp-barrier"),
        Word::Opportunity => text!(lang, "lsp-opportunity"),
        Word::RulesNotLoaded => text!(lang, "lsp-rules-not-loaded"),
        Word::Settings => text!(lang, "lsp-settings-unused"),
    }
}

/// Where an item is declared: `file`, 1-based `line`.
pub fn defined_at(lang: Lang, file: &str, line: usize) -> String {
    text!(lang, "lsp-defined-at", file = file, line = line.to_string())
}

/// The note on what belongs to a variant's base model `file`.
pub fn in_base(lang: Lang, file: &str) -> String {
    text!(lang, "lsp-in-base", file = file)
}

/// The title of the action that adds a missing field.
pub fn add_field(lang: Lang, field: &str) -> String {
    text!(lang, "lsp-add-field", field = field)
}

/// The title of the action that adds an agreement of `kind` between `a` and `b`.
pub fn add_agreement(lang: Lang, kind: &str, a: &str, b: &str) -> String {
    text!(lang, "lsp-add-agreement", kind = kind, a = a, b = b)
}
