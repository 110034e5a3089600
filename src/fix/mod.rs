//! Fixes a machine can make without asking: the did-you-mean of an error when it has one clear
//! candidate (an unknown field, term, unit, id or item keyword that is a plausible typo of
//! exactly one known word). `check --fix` applies them; the language server offers each as a
//! code action.
//!
//! A fix is computed from the error alone (its kind, its suggestion and its span in the text)
//! and only when the text under the span is exactly the word the error names, so a fix never
//! edits anything but that word: comments and layout stay as they are. Whether a fix is wise in
//! its context (a corrected field name that is then set twice) is for [`apply_verified`] to
//! judge, by checking the fixed text again.

mod diff;
mod run;
mod words;

use std::ops::Range;

use crate::model::error::ErrorKind;
use crate::model::{ModelError, ModelErrors, SourceFile};
use crate::syntax::SyntaxErrorKind;
use crate::vocab::{ItemKind, Lang};

pub use diff::unified;
pub use run::{fix_source, Applied, FixRun};
pub use words::{changed_line, summary_line};

/// One replacement in a text: the bytes `range` of the old text become `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// An unambiguous fix of one error: replace the word `old` at `edit.range` by `new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The code of the error it fixes (`rammelab::unknown-term`, ...).
    pub code: &'static str,
    /// The word as written.
    pub old: String,
    /// The word it becomes.
    pub new: String,
    pub edit: TextEdit,
}

impl Fix {
    /// A short title for the fix, as an editor shows it in its list of code actions.
    pub fn title(&self, lang: Lang) -> String {
        words::title(&self.old, &self.new, lang)
    }
}

/// The fix of one error, if it has one clear candidate and its span covers exactly the word
/// it names in `text` (the text the error was found in).
pub fn fix_for(error: &ModelError, text: &str) -> Option<Fix> {
    let (old, new) = candidate(&error.kind)?;
    let new = match &error.kind {
        ErrorKind::Syntax(SyntaxErrorKind::UnknownKeyword { .. }) => {
            keyword_in_words_of(&new, text)
        }
        _ => new,
    };
    let range = error.span.start as usize..error.span.end as usize;
    let under = text.get(range.clone())?;
    let (old, new) = if under == old {
        (old, new)
    } else if under == quoted(&old) && is_plain(&new) {
        // A base model's path is written in quotes.
        (quoted(&old), quoted(&new))
    } else {
        return None;
    };
    if old == new || new.is_empty() {
        return None;
    }
    // An id written the same way in more places than the item's own id is more likely right
    // than the id: `actor kmomune` with three references to `kommune` is a misspelt item, not
    // three misspelt references (and is left to the writer).
    if matches!(error.kind, ErrorKind::UnknownReference { .. })
        && uses(text, &old) > uses(text, &new)
    {
        return None;
    }
    Some(Fix {
        code: error.code(),
        edit: TextEdit {
            range,
            replacement: new.clone(),
        },
        old,
        new,
    })
}

/// The fixes of every error of a file that points into that file (a variant's errors include
/// its base model's, which are not fixed from here), in source order, none overlapping
/// another (of two fixes of the same span the first is kept).
pub fn fixes(errors: &ModelErrors) -> Vec<Fix> {
    let file = errors.file();
    let mut out: Vec<Fix> = errors
        .iter()
        .filter(|e| same_file(e.file(), file))
        .filter_map(|e| fix_for(e, &file.text))
        .collect();
    out.sort_by_key(|f| (f.edit.range.start, f.edit.range.end));
    let mut end = 0;
    let mut first = true;
    out.retain(|f| {
        let keep = first || f.edit.range.start >= end;
        if keep {
            end = f.edit.range.end;
            first = false;
        }
        keep
    });
    out
}

/// `text` with the fixes applied. The fixes must not overlap (as [`fixes`] returns them);
/// one that overlaps an earlier one, or falls outside the text, is left out.
pub fn apply(text: &str, fixes: &[Fix]) -> String {
    let mut edits: Vec<&TextEdit> = fixes.iter().map(|f| &f.edit).collect();
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        let Some(between) = text.get(at..edit.range.start) else {
            continue;
        };
        if text.get(edit.range.clone()).is_none() {
            continue;
        }
        out.push_str(between);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

fn same_file(a: &SourceFile, b: &SourceFile) -> bool {
    std::ptr::eq(a, b) || (a.path == b.path && a.text.len() == b.text.len() && a.text == b.text)
}

/// The word an error names and the one clear word it should be, for the errors that have a
/// did-you-mean.
fn candidate(kind: &ErrorKind) -> Option<(String, String)> {
    match kind {
        ErrorKind::UnknownField {
            field,
            suggestion: Some(s),
            known,
            ..
        } => clear(field, s, known),
        ErrorKind::UnknownTerm {
            term,
            suggestion: Some(s),
            known,
            ..
        } => clear(term, s, known),
        ErrorKind::UnknownUnit {
            unit,
            suggestion: Some(s),
            known,
        } => clear(unit, s, known),
        ErrorKind::UnknownReference {
            id,
            suggestion: Some(s),
        }
        | ErrorKind::RemoveMissing {
            id,
            suggestion: Some(s),
        }
        | ErrorKind::ChangeMissing {
            id,
            suggestion: Some(s),
        } => Some((id.clone(), s.clone())),
        ErrorKind::UnknownBase {
            path,
            suggestion: Some(s),
            ..
        } => Some((path.clone(), s.clone())),
        ErrorKind::Syntax(SyntaxErrorKind::UnknownKeyword {
            word,
            suggestion: Some(s),
        }) => {
            // The two words of the kind suggested are not rivals: either makes the same item.
            let kind = ItemKind::from_keyword(s).map(|(k, _)| k);
            let keywords: Vec<String> = ItemKind::ALL
                .iter()
                .filter(|k| Some(**k) != kind)
                .flat_map(|k| [k.keyword().to_string(), k.keyword_nb().to_string()])
                .collect();
            clear(word, s, &keywords)
        }
        _ => None,
    }
}

/// `suggestion` for `word`, unless another of `known` is as close to `word` (then the choice
/// is the writer's, not ours). The distance is the one the suggestion was found by.
fn clear(word: &str, suggestion: &str, known: &[String]) -> Option<(String, String)> {
    let word_lower = word.to_lowercase();
    let distance = |c: &str| strsim::damerau_levenshtein(&word_lower, &c.to_lowercase());
    let best = distance(suggestion);
    let rival = known
        .iter()
        .filter(|k| k.as_str() != suggestion)
        .any(|k| distance(k) <= best);
    (!rival).then(|| (word.to_string(), suggestion.to_string()))
}

/// The item keyword `suggested`, in the words most items of `text` are written in: `aktor`
/// in a file of `aktør` and `tjeneste` is as close to `actor` as to `aktør`, and the file's
/// own language decides. English when the file is even.
fn keyword_in_words_of(suggested: &str, text: &str) -> String {
    let Some((kind, _)) = ItemKind::from_keyword(suggested) else {
        return suggested.to_string();
    };
    let (mut english, mut norwegian) = (0usize, 0usize);
    for line in text.lines() {
        let first = line
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next();
        match first.and_then(ItemKind::from_keyword) {
            Some((_, crate::vocab::Words::English)) => english += 1,
            Some((_, crate::vocab::Words::Norwegian)) => norwegian += 1,
            None => {}
        }
    }
    let words = if norwegian > english {
        crate::vocab::Words::Norwegian
    } else {
        crate::vocab::Words::English
    };
    kind.keyword_in(words).to_string()
}

/// How often `word` stands as a whole word in `text`, outside comments.
fn uses(text: &str, word: &str) -> usize {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    text.lines()
        .map(|line| line.split('#').next().unwrap_or_default())
        .map(|code| {
            code.split(|c: char| !is_word(c))
                .filter(|w| *w == word)
                .count()
        })
        .sum()
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

/// A path that can go between quotes as it is (no quote, backslash or line break to escape).
fn is_plain(s: &str) -> bool {
    !s.contains(['"', '\\', '\n', '\r'])
}

#[cfg(test)]
mod tests;
