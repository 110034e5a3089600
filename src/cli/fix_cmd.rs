//! `check --fix` and `check --diff`: the unambiguous did-you-mean fixes of every model file
//! (see [`crate::fix`]), written in place or shown as a unified diff.
//!
//! What changed goes to standard error (one line a change, `file:line:col`), so that `check
//! --fix --format json` still prints only the report on standard output; the diff of `--diff`
//! goes to standard output, as `git diff` prints it.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::check::print_errors;
use super::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use crate::base::limits::Limits;
use crate::fix::{self, FixRun};
use crate::model::read_source_with;
use crate::vocab::{Lang, Vocabulary};

/// What `--fix` or `--diff` is asked to do.
#[derive(Debug, Clone, Copy)]
pub struct FixOptions {
    /// Show the change as a diff, write nothing.
    pub diff: bool,
    /// Replace read-only files too.
    pub force: bool,
    pub lang: Lang,
}

/// What fixing the files came to.
#[derive(Debug, Default)]
pub struct FixSummary {
    /// Files changed (or, with `--diff`, that would change).
    pub files: usize,
    /// Changes made (or that would be made).
    pub changes: usize,
    /// Files that could not be read or written.
    pub failed: usize,
}

impl FixSummary {
    /// The exit code of `check --diff`, as `fmt --check`: 2 when a file could not be read, 1
    /// when something would change, else 0.
    pub fn diff_exit_code(&self) -> super::Exit {
        if self.failed > 0 {
            EXIT_INPUT
        } else if self.changes > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_OK
        }
    }
}

/// Fixes every file (or shows the diffs), says what changed, and returns the summary. A file
/// that cannot be read is left to the check that follows `--fix` to report; with `--diff` its
/// errors are printed here.
pub fn fix_files(
    files: &[PathBuf],
    vocab: &Vocabulary,
    limits: &Limits,
    opts: FixOptions,
) -> FixSummary {
    let runs: Vec<(&PathBuf, Option<(String, FixRun)>)> = files
        .par_iter()
        .map(|path| (path, fix_one(path, vocab, limits, opts)))
        .collect();
    let mut summary = FixSummary::default();
    for (path, run) in runs {
        let Some((old, run)) = run else {
            summary.failed += 1;
            continue;
        };
        if run.applied.is_empty() {
            continue;
        }
        if opts.diff {
            out!("{}", fix::unified(path, &old, &run.text));
        } else if !write(path, &run.text, opts) {
            summary.failed += 1;
            continue;
        }
        for applied in &run.applied {
            errln!("{}", fix::changed_line(path, applied, opts.diff, opts.lang));
        }
        summary.files += 1;
        summary.changes += run.applied.len();
    }
    let line = fix::summary_line(summary.changes, summary.files, opts.diff, opts.lang);
    errln!("{line}");
    summary
}

/// The old text and the fix run of one file; `None` when it cannot be read (with `--diff`,
/// after printing why).
fn fix_one(
    path: &Path,
    vocab: &Vocabulary,
    limits: &Limits,
    opts: FixOptions,
) -> Option<(String, FixRun)> {
    match read_source_with(path, limits) {
        Ok(source) => {
            let run = fix::fix_source(&source, vocab, limits);
            Some((source.text.clone(), run))
        }
        Err(errors) => {
            if opts.diff {
                print_errors(&errors.in_lang(opts.lang));
            }
            None
        }
    }
}

/// Writes the fixed text atomically, with the byte-order mark the file had; the line ends
/// are the file's own, as only words changed. Says why when it cannot.
fn write(path: &Path, text: &str, opts: FixOptions) -> bool {
    let mut bytes = Vec::with_capacity(text.len() + 3);
    if crate::base::fsutil::starts_with_bom(path) {
        bytes.extend_from_slice(crate::base::fsutil::BOM);
    }
    bytes.extend_from_slice(text.as_bytes());
    let options = crate::base::fsutil::WriteOptions { force: opts.force };
    match crate::base::fsutil::atomic_write_opts(path, &bytes, options) {
        Ok(()) => true,
        Err(e) => {
            errln!(
                "{}",
                crate::text!(
                    opts.lang,
                    "cli-write-failed",
                    message = e.message(opts.lang)
                )
            );
            false
        }
    }
}

/// The error for `--fix` or `--diff` with a model on standard input, which has no file to
/// write to.
pub fn stdin_refused(lang: Lang) -> String {
    crate::text!(lang, "cli-fix-stdin")
}
