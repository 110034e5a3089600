//! The second places a diagnostic points at, by what they are; the words for each are the
//! catalogue's (`locales/<lang>/diagnostics.ftl`).

use crate::base::lang::Lang;
use crate::text;

/// A label on a second place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    NextItemStartsHere,
    FirstDefinedHere,
    FirstModelHere,
    FirstSetHere,
    DependsOn { from: String, to: String },
    ResourceIs { term: String },
}

impl Note {
    /// The label's words in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Note::NextItemStartsHere => text!(lang, "diag-note-next-item"),
            Note::FirstDefinedHere => text!(lang, "diag-note-first-defined"),
            Note::FirstModelHere => text!(lang, "diag-note-first-model"),
            Note::FirstSetHere => text!(lang, "diag-note-first-set"),
            Note::DependsOn { from, to } => {
                text!(lang, "diag-note-depends-on", from = from, to = to)
            }
            Note::ResourceIs { term } => text!(lang, "diag-note-resource-is", term = term),
        }
    }
}
