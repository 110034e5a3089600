//! Replays every input in `tests/corpus/` (each once broke something, see its README) through
//! the library's entry points: models through the file reader, resolver and `fmt`, rule files
//! through the loader. None may panic, and every diagnostic must point inside its file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{load_file, SourceFile};
use crate::RuleSet;
use crate::Vocabulary;

fn corpus(ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/corpus")
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == ext));
    files.sort();
    files
}

#[test]
fn corpus_models_give_diagnostics_not_panics() {
    let files = corpus("lsm");
    assert!(files.len() >= 8, "{files:?}");
    for path in files {
        match load_file(&path, Vocabulary::builtin()) {
            Ok(m) => super::model_ok(&m),
            Err(e) => super::errors_ok(&e),
        }
        .unwrap_or_else(|m| panic!("{}: {m}", path.display()));
        if let Ok(text) = std::fs::read_to_string(&path) {
            if let Ok(formatted) = crate::syntax::format(&text) {
                let again = crate::syntax::format(&formatted).ok();
                assert_eq!(again.as_ref(), Some(&formatted), "{}", path.display());
            }
        }
    }
}

#[test]
fn corpus_rule_files_give_diagnostics_not_panics() {
    let files = corpus("yaml");
    assert!(!files.is_empty());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let file = SourceFile::new(Path::new(&path), text);
        let vocab = Arc::new(Vocabulary::builtin().clone());
        if let Err(errors) = RuleSet::load(vec![file], vocab) {
            for e in &errors.0 {
                if let Some(span) = e.span {
                    super::span_ok(span, &e.file.text)
                        .unwrap_or_else(|m| panic!("{}: {m}", path.display()));
                }
                crate::render_diagnostic(e, false, 100);
            }
        }
    }
}

/// A label far into a long line used to make miette panic; it is now shown as a location.
#[test]
fn a_diagnostic_far_into_a_long_line_renders() {
    let path = Path::new("tests/corpus/long-line-label.lsm");
    let Err(errors) = load_file(path, Vocabulary::builtin()) else {
        panic!("the model is valid");
    };
    let out: String = errors
        .iter()
        .map(|e| crate::render_diagnostic(e, false, 100))
        .collect();
    assert!(out.contains("long-line-label.lsm:1:"), "{out}");
}

/// A label just after a lone `\r` deep in a very long line: miette's reader starts a line at
/// the `\r`, its drawing does not, and underlining the label at column 70 000 panicked (found
/// by the long fuzz run, from a mutant of a shipped model). Generated here rather than kept in
/// the corpus, as the input is 70 kB of one letter.
#[test]
fn a_label_after_a_lone_carriage_return_in_a_long_line_renders() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("lone-cr.lsm");
    let text = format!(
        "model m \"M\" {{\n  {}\r\u{200b}x\n}}\n",
        "x".repeat(70_000)
    );
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    match load_file(&path, Vocabulary::builtin()) {
        Ok(m) => super::model_ok(&m),
        Err(e) => super::errors_ok(&e),
    }
    .unwrap_or_else(|m| panic!("{m}"));
}
