//! The words of rule-pack errors, from the word catalogue (`locales/<lang>/rules.ftl`). The
//! kinds whose words are still built where the error is found (the YAML reader's unknown keys,
//! the schema, `Invalid`, limits) keep those English words; so do the descriptions of values
//! the condition checker fills into its sentences ("a number", "the building").

use crate::base::limits::bytes_in;
use crate::base::yaml::{YamlLimit, MAX_YAML_BYTES};
use crate::rules::condition::{CondError, CondErrorKind};
use crate::rules::RuleErrorKind;
use crate::text;
use crate::vocab::Lang;

/// The message of a rule-pack error in `lang`.
pub fn message(kind: &RuleErrorKind, lang: Lang) -> String {
    match kind {
        RuleErrorKind::Yaml(m) => text!(lang, "rules-error-yaml", reason = m),
        RuleErrorKind::DuplicateId(id) => text!(lang, "rules-error-duplicate-id", id = id),
        RuleErrorKind::Duplicate { what, name } => {
            text!(lang, "rules-error-duplicate", what = *what, name = name)
        }
        RuleErrorKind::UnknownRule { key, name } => {
            text!(lang, "rules-error-unknown-rule", name = name, key = *key)
        }
        RuleErrorKind::Io(m) => text!(lang, "rules-error-io", reason = m),
        RuleErrorKind::NoBuiltinProposal { given, name, names } => text!(
            lang,
            "rules-error-no-builtin-proposal",
            given = given,
            name = name,
            names = names
        ),
        RuleErrorKind::UnknownParameter(p) => {
            text!(lang, "rules-error-unknown-parameter", parameter = p)
        }
        RuleErrorKind::AmendType {
            parameter,
            value,
            found,
            expected,
        } => text!(
            lang,
            "rules-error-amend-type",
            value = value,
            parameter = parameter,
            found = found,
            expected = expected
        ),
        RuleErrorKind::TrialCannotExempt { rules } => {
            text!(lang, "rules-error-trial-cannot-exempt", rules = rules)
        }
        RuleErrorKind::TrialTooLong { from, to } => {
            text!(lang, "rules-error-trial-too-long", from = from, to = to)
        }
        RuleErrorKind::TrialWithoutParticipants => {
            text!(lang, "rules-error-trial-without-participants")
        }
        RuleErrorKind::BadPeriod { from, to } => {
            text!(lang, "rules-error-bad-period", from = from, to = to)
        }
        RuleErrorKind::ExemptOpportunity(id) => {
            text!(lang, "rules-error-exempt-opportunity", id = id)
        }
        RuleErrorKind::DuplicateOverlay(id) => {
            text!(lang, "rules-error-duplicate-overlay", id = id)
        }
        RuleErrorKind::Vocabulary(e) => e.message(lang),
        RuleErrorKind::NotUtf8 { byte } => {
            text!(lang, "rules-error-not-utf8", byte = byte.to_string())
        }
        RuleErrorKind::Condition(c) => condition(c, lang),
        RuleErrorKind::UnknownKey { path, key, .. } if path.is_empty() => {
            text!(lang, "rules-error-unknown-key", key = key)
        }
        RuleErrorKind::UnknownKey { path, key, .. } => {
            text!(lang, "rules-error-unknown-key-at", path = path, key = key)
        }
        RuleErrorKind::Limit(YamlLimit::Size { size }) => text!(
            lang,
            "rules-error-too-large",
            size = bytes_in(*size, lang),
            max = bytes_in(MAX_YAML_BYTES as u64, lang)
        ),
        RuleErrorKind::Limit(YamlLimit::Aliases) => text!(
            lang,
            "rules-error-expands",
            max = bytes_in(MAX_YAML_BYTES as u64, lang)
        ),
        // Words from the YAML reader and the schema, which are written in English only.
        RuleErrorKind::Schema(_) | RuleErrorKind::Invalid(_) => kind.to_string(),
    }
}

/// Whether the message of a condition error is told in the user's language (the rest keep
/// the checker's English descriptions of values).
pub fn condition_in_lang(e: &CondError) -> bool {
    !matches!(
        e.kind,
        CondErrorKind::UnknownField { .. }
            | CondErrorKind::Mismatch { .. }
            | CondErrorKind::Units { .. }
    )
}

/// The message of an error in a rule's condition in `lang`.
pub fn condition(e: &CondError, lang: Lang) -> String {
    match &e.kind {
        CondErrorKind::UnknownVariable { name } => {
            text!(lang, "rules-condition-unknown-variable", name = name)
        }
        CondErrorKind::UnknownTerm { term, set } => {
            text!(lang, "rules-condition-unknown-term", term = term, set = set)
        }
        CondErrorKind::UnknownKind { kind } => {
            text!(lang, "rules-condition-unknown-kind", kind = kind)
        }
        CondErrorKind::UnknownUnit { unit } => {
            text!(lang, "rules-condition-unknown-unit", unit = unit)
        }
        CondErrorKind::UnknownPeriod { period } => {
            text!(lang, "rules-condition-unknown-period", period = period)
        }
        CondErrorKind::UnknownParameter { name } => {
            text!(lang, "rules-condition-unknown-parameter", name = name)
        }
        CondErrorKind::UnknownSet { name } => {
            text!(lang, "rules-condition-unknown-set", name = name)
        }
        CondErrorKind::BadDate { text } => text!(lang, "rules-condition-bad-date", text = text),
        CondErrorKind::BareWord { word } => text!(lang, "rules-condition-bare-word", word = word),
        CondErrorKind::TooDeep { depth, max } => text!(
            lang,
            "rules-condition-too-deep",
            depth = depth.to_string(),
            max = max.to_string()
        ),
        CondErrorKind::Syntax { expected } => text!(
            lang,
            "rules-condition-syntax",
            expected = CondError::expected_words(expected, lang)
        ),
        // Their values are descriptions the checker writes in English ("a number", "an item
        // of kind building"); a bokmål sentence around them would mix the languages.
        CondErrorKind::UnknownField { .. }
        | CondErrorKind::Mismatch { .. }
        | CondErrorKind::Units { .. } => e.to_string(),
    }
}

/// The label on the place of a rule-pack error: the one it was given, in `lang` when it is
/// one of the common ones.
pub fn label(label: &str, lang: Lang) -> String {
    match label {
        "here" => text!(lang, "diag-label-here"),
        "not UTF-8" => text!(lang, "rules-label-not-utf8"),
        _ => label.to_string(),
    }
}

/// The help of an unknown key: the keys there are (none when serde named none).
pub fn unknown_key_help(expected: &str, lang: Lang) -> Option<String> {
    (!expected.is_empty()).then(|| text!(lang, "rules-help-unknown-key", expected = expected))
}

/// The help of a rule file over the size limit.
pub fn limit_help(lang: Lang) -> String {
    text!(
        lang,
        "rules-help-limit",
        max = bytes_in(MAX_YAML_BYTES as u64, lang)
    )
}

/// The help of a file that is not UTF-8.
pub fn not_utf8_help(lang: Lang) -> String {
    text!(lang, "rules-help-not-utf8")
}

/// The line after the errors: how many there were.
pub fn summary(count: usize, lang: Lang) -> String {
    text!(lang, "rules-errors-summary", count = count)
}
