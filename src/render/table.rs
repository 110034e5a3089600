//! What the tables of `diff` and `lab` share: words for statuses and severities, padding.

use crate::text;
use crate::view::Status;
use crate::vocab::Lang;

/// A status as users read it.
pub fn status_word(s: Status, lang: Lang) -> &'static str {
    s.label(lang)
}

/// A barrier's severity as users read it.
pub fn severity_word(s: crate::rules::Severity, lang: Lang) -> String {
    match s {
        crate::rules::Severity::Error => text!(lang, "table-error"),
        crate::rules::Severity::Warning => text!(lang, "table-warning"),
        crate::rules::Severity::Info => "info".to_string(),
    }
}

/// Pads to a width in characters (not bytes: æ, ø, å count once).
pub(crate) fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

/// Right-aligns to a width in characters.
pub(crate) fn rpad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{}{text}", " ".repeat(width.saturating_sub(n)))
}

/// A list of words, or a dash when there are none.
pub(crate) fn list_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "–".to_string()
    } else {
        items.join(", ")
    }
}
