//! Applying fixes to a file's text until none are left, each round checked: a fix is kept only
//! if the text after it has no error the text before it did not have (a corrected field name
//! that is then set twice, a corrected reference that closes a circle of `depends_on`).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::{apply, fixes, Fix};
use crate::base::limits::Limits;
use crate::model::{resolve_source_with, ModelErrors, SourceFile};
use crate::vocab::Vocabulary;

/// Rounds of fixing at most: a fix can bring out another (a corrected item keyword lets the
/// item's fields be checked), but not forever.
pub const MAX_ROUNDS: usize = 8;

/// Fixes tried one at a time in a round at most, when together they bring in a new error: each
/// try checks the whole file again, so a file of thousands of typos costs at most this many
/// checks a round (the rest wait for the next round, or for the next run).
pub const MAX_SINGLE_TRIES: usize = 64;

/// One change made, located in the fixed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub code: &'static str,
    /// 1-based line and column (in characters) of the new word in the fixed text.
    pub line: usize,
    pub column: usize,
    pub old: String,
    pub new: String,
}

/// What fixing one file did.
#[derive(Debug, Clone)]
pub struct FixRun {
    /// The fixed text (the text itself when nothing was fixed).
    pub text: String,
    /// Every change, in source order.
    pub applied: Vec<Applied>,
    /// The errors left in the fixed text (`None` when it checks clean). The command line
    /// re-checks the file it writes; the tests hold the fixer to what it says is left.
    #[cfg_attr(not(test), allow(dead_code))]
    pub remaining: Option<ModelErrors>,
}

/// What [`apply_verified`] made of one round of fixes.
#[derive(Debug, Clone)]
pub struct Verified {
    /// The text with the fixes kept.
    pub text: String,
    /// The fixes kept, each with the range of its new word in `text`.
    pub kept: Vec<(std::ops::Range<usize>, Fix)>,
    /// The fixes tried alone and found to bring in a new error (ranges in the old text).
    pub refused: Vec<Fix>,
    /// The errors of `text` (`None` when it checks clean).
    pub errors: Option<ModelErrors>,
}

/// Fixes `source` round by round (at most [`MAX_ROUNDS`]) until no unambiguous fix is left or
/// none of those left can be made without bringing in a new error. Nothing is written.
pub fn fix_source(source: &Arc<SourceFile>, vocab: &Vocabulary, limits: &Limits) -> FixRun {
    let mut current = source.clone();
    let mut errors = check(&current, vocab, limits);
    // Each change made so far: its range in the current text, and what it was.
    let mut made: Vec<(std::ops::Range<usize>, Fix)> = Vec::new();
    // Fixes found to bring in a new error, not tried again: by line (a fix never adds or
    // removes a line break, so lines stay where they are) and words.
    let mut refused: HashSet<(usize, &'static str, String, String)> = HashSet::new();
    let refusal = |text: &SourceFile, f: &Fix| {
        let (line, _) = text.line_col(f.edit.range.start as u32);
        (line, f.code, f.old.clone(), f.new.clone())
    };
    for _ in 0..MAX_ROUNDS {
        let Some(errs) = &errors else { break };
        let mut candidates = fixes(errs);
        candidates.retain(|f| !refused.contains(&refusal(&current, f)));
        if candidates.is_empty() {
            break;
        }
        let verified = apply_verified(&current, errs, &candidates, vocab, limits);
        refused.extend(verified.refused.iter().map(|f| refusal(&current, f)));
        if verified.kept.is_empty() && verified.refused.is_empty() {
            break;
        }
        shift(&mut made, &verified.kept);
        made.extend(verified.kept);
        current = SourceFile::new(current.path.clone(), verified.text);
        errors = verified.errors;
    }
    made.sort_by_key(|(r, _)| r.start);
    let applied = made
        .into_iter()
        .map(|(range, fix)| {
            let (line, column) = current.line_col(range.start as u32);
            Applied {
                code: fix.code,
                line,
                column,
                old: fix.old,
                new: fix.new,
            }
        })
        .collect();
    FixRun {
        text: current.text.clone(),
        applied,
        remaining: errors,
    }
}

/// Applies `candidates` (fixes of `errors`, the errors of `source`) and keeps those that bring
/// in no new error: all at once when together they bring in none, else one at a time, each
/// checked (the last [`MAX_SINGLE_TRIES`] of them; the others wait for the next round).
pub fn apply_verified(
    source: &Arc<SourceFile>,
    errors: &ModelErrors,
    candidates: &[Fix],
    vocab: &Vocabulary,
    limits: &Limits,
) -> Verified {
    let before = keys(Some(errors));
    let all = apply(&source.text, candidates);
    let after = check(
        &SourceFile::new(source.path.clone(), all.clone()),
        vocab,
        limits,
    );
    if only_fewer(&before, &after) {
        return Verified {
            text: all,
            kept: new_ranges(candidates),
            refused: Vec::new(),
            errors: after,
        };
    }
    // One at a time, from the end of the text so that the ranges of those before stay true.
    let mut text = source.text.clone();
    let mut state = before;
    let mut last = Some(errors.clone());
    let mut kept: Vec<Fix> = Vec::new();
    let mut refused: Vec<Fix> = Vec::new();
    let tried = candidates.len().saturating_sub(MAX_SINGLE_TRIES);
    for fix in candidates[tried..].iter().rev() {
        let next = apply(&text, std::slice::from_ref(fix));
        let checked = check(
            &SourceFile::new(source.path.clone(), next.clone()),
            vocab,
            limits,
        );
        if only_fewer(&state, &checked) {
            state = keys(checked.as_ref());
            text = next;
            last = checked;
            kept.push(fix.clone());
        } else {
            refused.push(fix.clone());
        }
    }
    kept.reverse();
    Verified {
        text,
        kept: new_ranges(&kept),
        refused,
        errors: last,
    }
}

/// The errors of a text, `None` when it checks clean.
fn check(source: &Arc<SourceFile>, vocab: &Vocabulary, limits: &Limits) -> Option<ModelErrors> {
    resolve_source_with(source.clone(), vocab, limits).err()
}

/// Errors counted by code and message: positions move when a word changes length, the words
/// of an error that is still there do not.
fn keys(errors: Option<&ModelErrors>) -> HashMap<(&'static str, String), usize> {
    let mut out = HashMap::new();
    for e in errors.into_iter().flat_map(|e| e.iter()) {
        *out.entry((e.code(), e.to_string())).or_insert(0) += 1;
    }
    out
}

/// Whether every error of `after` was already in `before` (as many times at least).
fn only_fewer(
    before: &HashMap<(&'static str, String), usize>,
    after: &Option<ModelErrors>,
) -> bool {
    keys(after.as_ref())
        .iter()
        .all(|(k, n)| before.get(k).is_some_and(|m| m >= n))
}

/// The ranges the fixes' new words take in the text after all of them are applied.
fn new_ranges(fixes: &[Fix]) -> Vec<(std::ops::Range<usize>, Fix)> {
    let mut delta: isize = 0;
    let mut out = Vec::with_capacity(fixes.len());
    for fix in fixes {
        let start = (fix.edit.range.start as isize + delta).max(0) as usize;
        out.push((start..start + fix.new.len(), fix.clone()));
        delta += fix.new.len() as isize - fix.edit.range.len() as isize;
    }
    out
}

/// Moves the ranges of earlier changes by the changes of this round (`kept`, with their ranges
/// in the new text) made before them.
fn shift(made: &mut [(std::ops::Range<usize>, Fix)], kept: &[(std::ops::Range<usize>, Fix)]) {
    for (range, _) in made.iter_mut() {
        let delta: isize = kept
            .iter()
            .filter(|(_, f)| f.edit.range.end <= range.start)
            .map(|(_, f)| f.new.len() as isize - f.edit.range.len() as isize)
            .sum();
        let start = (range.start as isize + delta).max(0) as usize;
        *range = start..start + (range.end - range.start);
    }
}
