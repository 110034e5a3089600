//! The words of rule-pack errors, in both languages. The kinds whose words come from elsewhere
//! (the YAML reader, the schema, the condition checker) keep those words and get a prefix or
//! stay as they are; the rest are written here in full.

use crate::rules::RuleErrorKind;
use crate::vocab::Lang;

/// The message of a rule-pack error in `lang`.
pub fn message(kind: &RuleErrorKind, lang: Lang) -> String {
    match lang {
        Lang::En => kind.to_string(),
        Lang::Nb => nb(kind),
    }
}

/// The label on the place of a rule-pack error: the one it was given, in `lang` when it is
/// one of the common ones.
pub fn label(label: &str, lang: Lang) -> String {
    match (label, lang) {
        ("here", Lang::Nb) => "her".to_string(),
        ("not UTF-8", Lang::Nb) => "ikke UTF-8".to_string(),
        _ => label.to_string(),
    }
}

/// The help of a file that is not UTF-8.
pub fn not_utf8_help(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "lagre filen som UTF-8 (de fleste redigeringsprogrammer har det under «Lagre som» eller «Tegnkoding»)",
        Lang::En => "save the file as UTF-8 (most editors offer it under \"Save as\" or \"Encoding\")",
    }
}

/// The line after the errors: how many there were.
pub fn summary(count: usize, lang: Lang) -> String {
    match (count, lang) {
        (1, Lang::Nb) => "rammelab: 1 feil i regelpakkene".to_string(),
        (n, Lang::Nb) => format!("rammelab: {n} feil i regelpakkene"),
        (1, Lang::En) => "rammelab: 1 error in the rule packs".to_string(),
        (n, Lang::En) => format!("rammelab: {n} errors in the rule packs"),
    }
}

fn nb(kind: &RuleErrorKind) -> String {
    match kind {
        RuleErrorKind::Yaml(m) => format!("filen er ikke gyldig YAML: {m}"),
        RuleErrorKind::DuplicateId(id) => format!("regel-id-en `{id}` er brukt mer enn én gang"),
        RuleErrorKind::Duplicate { what, name } => {
            format!("`{name}` ({what}) er definert mer enn én gang")
        }
        RuleErrorKind::UnknownRule { key, name } => format!(
            "`{name}` i `{key}` er verken en regel-id eller `act:...`/`tag:...` i noen lastet pakke"
        ),
        RuleErrorKind::Io(m) => format!("regelfilene kunne ikke leses: {m}"),
        RuleErrorKind::UnknownParameter(p) => {
            format!("ingen regelpakke definerer parameteren `{p}`")
        }
        RuleErrorKind::AmendType {
            parameter,
            value,
            found,
            expected,
        } => format!(
            "den nye verdien `{value}` for `{parameter}` er {found}, men parameteren er {expected}"
        ),
        RuleErrorKind::TrialCannotExempt { rules } => {
            format!("et forsøk etter forsøksloven kan ikke sette til side {rules}")
        }
        RuleErrorKind::TrialTooLong { from, to } => format!(
            "et forsøk etter forsøksloven varer høyst 4 år pluss 2 års forlengelse; dette varer fra {from} til {to}"
        ),
        RuleErrorKind::TrialWithoutParticipants => {
            "forsøket nevner ingen kommune eller modell det er godkjent for".to_string()
        }
        RuleErrorKind::BadPeriod { from, to } => {
            format!("unntaket slutter ({to}) før det begynner ({from})")
        }
        RuleErrorKind::ExemptOpportunity(id) => {
            format!("`{id}` er en mulighet; et unntak setter til side barrierer")
        }
        RuleErrorKind::DuplicateOverlay(id) => format!("overlegget `{id}` er gitt mer enn én gang"),
        RuleErrorKind::Vocabulary { nb, .. } => nb.clone(),
        RuleErrorKind::NotUtf8 { byte } => format!(
            "filen er ikke UTF-8: byte {byte} (regnet fra 0) begynner ikke et UTF-8-tegn"
        ),
        // Words from the YAML reader, the schema and the condition checker, which are
        // written in English only.
        RuleErrorKind::UnknownKey(_)
        | RuleErrorKind::Schema(_)
        | RuleErrorKind::Condition(_)
        | RuleErrorKind::Invalid(_)
        | RuleErrorKind::Limit(_) => kind.to_string(),
    }
}
