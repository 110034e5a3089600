//! The server's own words (hover framing, code-action titles), in bokmål and English.
//!
//! One small table, kept apart so that it moves into the Fluent catalogue (`locales/*/lsp.ftl`)
//! in one step. Placeholders are `{0}`, `{1}`, filled by [`fill`].

use crate::vocab::Lang;

/// A message of the server.
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
    DefinedAt,
    InBase,
    Barrier,
    Opportunity,
    ReplaceWith,
    AddField,
    AddAgreement,
    RulesNotLoaded,
    Settings,
}

/// The text of a word in `lang`.
pub fn word(w: Word, lang: Lang) -> &'static str {
    let (nb, en) = match w {
        Word::Field => ("Felt", "Field"),
        Word::Term => ("Begrep", "Term"),
        Word::Unit => ("Enhet", "Unit"),
        Word::Required => ("påkrevd", "required"),
        Word::Optional => ("valgfritt", "optional"),
        Word::Accepts => ("Tar", "Accepts"),
        Word::Source => ("Kilde", "Source"),
        Word::Remedy => ("Slik løser du det", "Remedy"),
        Word::Mitigates => ("Demper", "Mitigates"),
        Word::MitigatedBy => ("Dempes av", "Mitigated by"),
        Word::DefinedAt => ("definert i {0}, linje {1}", "defined in {0}, line {1}"),
        Word::InBase => ("i grunnmodellen {0}", "in the base model {0}"),
        Word::Barrier => ("Barriere", "Barrier"),
        Word::Opportunity => ("Mulighet", "Opportunity"),
        Word::ReplaceWith => ("Bytt `{0}` med `{1}`", "Replace `{0}` with `{1}`"),
        Word::AddField => (
            "Legg til det manglende feltet `{0}`",
            "Add the missing field `{0}`",
        ),
        Word::AddAgreement => (
            "Legg til en avtale (`{0}`) mellom `{1}` og `{2}`",
            "Add an agreement (`{0}`) between `{1}` and `{2}`",
        ),
        Word::RulesNotLoaded => (
            "rammelab: regelpakkene i innstillingene kunne ikke leses; de innebygde brukes",
            "rammelab: the rule packs in the settings could not be read; the built-in ones are used",
        ),
        Word::Settings => (
            "rammelab: innstillinger som ikke ble brukt",
            "rammelab: settings that were not used",
        ),
    };
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

/// A word with its placeholders filled, in order.
pub fn fill(w: Word, lang: Lang, args: &[&str]) -> String {
    let mut out = word(w, lang).to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}
