//! The words of the variant diagnostics (`extends`, `remove`, `change`), from the word
//! catalogue (`locales/<lang>/variant.ftl`).

use crate::base::fsutil::Refused;
use crate::base::words::{join, ticked, Texts};
use crate::model::error::ErrorKind;
use crate::text;
use crate::vocab::Lang;

fn did_you_mean(s: &Option<String>, lang: Lang) -> Option<String> {
    s.as_ref()
        .map(|s| text!(lang, "diag-did-you-mean", suggestion = s))
}

/// A base path refused before it is opened: the rule it breaks, never anything of the file.
fn refused(path: &str, why: &Refused, lang: Lang) -> Texts {
    match why {
        Refused::Absolute => Texts::new(
            text!(lang, "variant-absolute", path = path),
            text!(lang, "variant-absolute-label"),
        )
        .help(text!(lang, "variant-absolute-help")),
        Refused::OutsideProject => Texts::new(
            text!(lang, "variant-outside-project", path = path),
            text!(lang, "variant-outside-project-label"),
        )
        .help(text!(lang, "variant-outside-project-help")),
        Refused::NotAFile(what) => Texts::new(
            text!(
                lang,
                "variant-not-a-file",
                path = path,
                what = what.words(lang)
            ),
            text!(lang, "variant-not-a-file-label"),
        )
        .help(text!(lang, "variant-not-a-file-help")),
        Refused::NotModel => Texts::new(
            text!(lang, "variant-link-not-model", path = path),
            text!(lang, "variant-not-lsm-label"),
        )
        .help(text!(lang, "variant-link-not-model-help")),
        Refused::Missing(_) => Texts::new(
            text!(lang, "variant-base-missing", path = path),
            text!(lang, "variant-unknown-base-label"),
        ),
    }
}

/// The texts of a variant error; `None` for every other kind.
pub(super) fn texts(kind: &ErrorKind, lang: Lang) -> Option<Texts> {
    Some(match kind {
        ErrorKind::ExtendsNotFirst => Texts::new(
            text!(lang, "variant-extends-not-first"),
            text!(lang, "variant-extends-not-first-label"),
        )
        .help(text!(lang, "variant-extends-not-first-help")),
        ErrorKind::ExtendsTwice => Texts::new(
            text!(lang, "variant-extends-twice"),
            text!(lang, "variant-extends-twice-label"),
        )
        .help(text!(lang, "variant-extends-twice-help")),
        ErrorKind::WithoutExtends { keyword } => Texts::new(
            text!(lang, "variant-without-extends", keyword = keyword),
            text!(lang, "variant-without-extends-label"),
        )
        .help(text!(lang, "variant-without-extends-help")),
        ErrorKind::UnknownBase {
            path,
            reason,
            suggestion,
        } => Texts::new(
            text!(lang, "variant-unknown-base", path = path, reason = reason),
            text!(lang, "variant-unknown-base-label"),
        )
        .help(
            did_you_mean(suggestion, lang)
                .unwrap_or_else(|| text!(lang, "variant-unknown-base-help")),
        ),
        ErrorKind::BaseNotModel { path } => Texts::new(
            text!(lang, "variant-base-not-model", path = path),
            text!(lang, "variant-not-lsm-label"),
        )
        .help(text!(lang, "variant-base-not-model-help")),
        ErrorKind::BaseRefused { path, why } => refused(path, why, lang),
        ErrorKind::OutsideTree { path } => Texts::new(
            text!(lang, "variant-outside-tree", path = path),
            text!(lang, "variant-outside-tree-label"),
        )
        .help(text!(lang, "variant-outside-tree-help")),
        ErrorKind::ExtendsCycle { cycle } => Texts::new(
            text!(
                lang,
                "variant-extends-cycle",
                cycle = join(&ticked(cycle), "->").replace(", ", " -> ")
            ),
            text!(lang, "variant-extends-cycle-label"),
        )
        .help(text!(lang, "variant-extends-cycle-help")),
        ErrorKind::InvalidBase { path, count } => Texts::new(
            text!(lang, "variant-invalid-base", path = path, count = *count),
            text!(lang, "variant-invalid-base-label"),
        )
        .help(text!(lang, "variant-invalid-base-help")),
        ErrorKind::RemoveMissing { id, suggestion } => Texts::new(
            text!(lang, "variant-remove-missing", id = id),
            text!(lang, "variant-not-in-base-label"),
        )
        .maybe_help(did_you_mean(suggestion, lang)),
        ErrorKind::ChangeMissing { id, suggestion } => Texts::new(
            text!(lang, "variant-change-missing", id = id),
            text!(lang, "variant-not-in-base-label"),
        )
        .help(
            did_you_mean(suggestion, lang)
                .unwrap_or_else(|| text!(lang, "variant-change-missing-help")),
        ),
        ErrorKind::StillReferenced { id, by } => Texts::new(
            text!(
                lang,
                "variant-still-referenced",
                id = id,
                by = join(&ticked(by), &text!(lang, "diag-and")),
                count = by.len()
            ),
            text!(lang, "variant-still-referenced-label"),
        )
        .help(text!(lang, "variant-still-referenced-help")),
        ErrorKind::AlreadyInBase { id } => Texts::new(
            text!(lang, "variant-already-in-base", id = id),
            text!(lang, "variant-already-in-base-label"),
        )
        .help(text!(lang, "variant-already-in-base-help", id = id)),
        ErrorKind::TwiceInVariant { id } => Texts::new(
            text!(lang, "variant-twice", id = id),
            text!(lang, "variant-twice-label"),
        )
        .help(text!(lang, "variant-twice-help")),
        _ => return None,
    })
}
