//! The fixes on every model of the diagnostics snapshot corpus (`tests/models/err/`, whose
//! diagnostics `src/model/tests/models.rs` snapshots), the inputs that once broke rammelab
//! (`tests/corpus/`), a variant, and the normative model with letters swapped: the fixes remove
//! the errors they fix, change nothing but the words they name, and leave nothing to fix a
//! second time. (`check --fix`, `check --diff` and `fmt --diff` are tested through the binary:
//! `tests/cli/fix.rs`.)

use std::collections::HashMap;
use std::path::PathBuf;

use crate::base::limits::Limits;
use crate::fix::{fix_source, Applied};
use crate::model::read_source;
use crate::model::{resolve_source, ModelErrors, SourceFile};
use crate::vocab::Vocabulary;

fn models_in(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "lsm"));
    files.sort();
    files
}

/// Errors counted by code and message (positions move when a word changes length).
fn keys(errors: Option<&ModelErrors>) -> HashMap<(&'static str, String), usize> {
    let mut out = HashMap::new();
    for e in errors.into_iter().flat_map(|e| e.iter()) {
        *out.entry((e.code(), e.to_string())).or_insert(0) += 1;
    }
    out
}

fn errors_of(source: &std::sync::Arc<SourceFile>) -> Option<ModelErrors> {
    resolve_source(source.clone(), Vocabulary::builtin()).err()
}

/// The byte offset of a 1-based line and column (in characters).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let in_line = text[start..]
        .char_indices()
        .nth(column - 1)
        .map_or(text.len() - start, |(i, _)| i);
    start + in_line
}

/// The fixed text with every change undone, from the last: it must be the original text.
fn undo(fixed: &str, applied: &[Applied]) -> String {
    let mut text = fixed.to_string();
    for a in applied.iter().rev() {
        let at = offset(&text, a.line, a.column);
        assert_eq!(&text[at..at + a.new.len()], a.new, "{a:?}");
        text.replace_range(at..at + a.new.len(), &a.old);
    }
    text
}

#[test]
fn fixes_on_the_corpus_fix_their_errors_and_nothing_else() {
    let mut files = models_in("tests/models/err");
    files.extend(models_in("tests/corpus"));
    assert!(files.len() >= 40, "{files:?}");
    let mut total = 0;
    for path in &files {
        let Ok(source) = read_source(path) else {
            continue;
        };
        let before = errors_of(&source);
        let run = fix_source(&source, Vocabulary::builtin(), &Limits::default());
        let name = path.display();
        total += run.applied.len();
        // Nothing else in the file changes: undoing the listed changes gives the file back.
        assert_eq!(undo(&run.text, &run.applied), source.text, "{name}");
        // The errors left are the errors of the file less those fixed: none is new, and none
        // of those fixed is still there.
        let fixed = SourceFile::new(path, run.text.clone());
        let after = errors_of(&fixed);
        assert_eq!(keys(after.as_ref()), keys(run.remaining.as_ref()), "{name}");
        let mut left = keys(before.as_ref());
        for a in &run.applied {
            let gone = left
                .iter_mut()
                .find(|((code, message), n)| {
                    *code == a.code && **n > 0 && message.contains(&format!("`{}`", a.old))
                })
                .map(|(_, n)| n);
            match gone {
                Some(n) => *n -= 1,
                None => panic!("{name}: no error of {a:?} before the fix"),
            }
        }
        left.retain(|_, n| *n > 0);
        for (key, n) in keys(after.as_ref()) {
            assert!(
                left.get(&key).is_some_and(|m| *m >= n),
                "{name}: {key:?} is new or still there after the fixes"
            );
        }
        // A second run finds nothing more to fix.
        let again = fix_source(&fixed, Vocabulary::builtin(), &Limits::default());
        assert!(again.applied.is_empty(), "{name}: {:?}", again.applied);
        assert_eq!(again.text, run.text, "{name}");
    }
    assert!(total >= 10, "only {total} fixes on the whole corpus");
}

/// In a variant: a misspelt base path (in quotes) and a misspelt id after `remove` and
/// `change` are fixed against the base's files and items; nothing else changes. Removing
/// `idrettslag`, which other items of the base name, would be a new error: that one is left.
#[test]
fn a_variants_base_path_and_ids_are_fixed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(
        "tests/models/ok/agreement-and-values.lsm",
        dir.path().join("base.lsm"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let text = "# a variant\nextends \"bsae.lsm\"\n";
    std::fs::write(dir.path().join("variant.lsm"), text).unwrap_or_else(|e| panic!("{e}"));
    let source = read_source(&dir.path().join("variant.lsm")).unwrap_or_else(|e| panic!("{e}"));
    let run = fix_source(&source, Vocabulary::builtin(), &Limits::default());
    assert_eq!(run.text, "# a variant\nextends \"base.lsm\"\n");
    assert!(run.remaining.is_none(), "{:?}", run.remaining);

    let text =
        "extends \"base.lsm\"\nremove tilskud # gone\nchange kommnue { summary: \"Ny\" }\nremove idretslag\n";
    std::fs::write(dir.path().join("variant.lsm"), text).unwrap_or_else(|e| panic!("{e}"));
    let source = read_source(&dir.path().join("variant.lsm")).unwrap_or_else(|e| panic!("{e}"));
    let run = fix_source(&source, Vocabulary::builtin(), &Limits::default());
    assert_eq!(
        run.text,
        "extends \"base.lsm\"\nremove tilskudd # gone\nchange kommune { summary: \"Ny\" }\nremove idretslag\n"
    );
    let shown: Vec<(usize, usize, &str)> = run
        .applied
        .iter()
        .map(|a| (a.line, a.column, a.code))
        .collect();
    assert_eq!(
        shown,
        [
            (2, 8, "rammelab::variant::remove-missing"),
            (3, 8, "rammelab::variant::change-missing")
        ]
    );
}

/// Every word (outside comments and strings) of the normative model, in English and in
/// Norwegian words, with two letters swapped, one word at a time: `--fix` never changes more than
/// the words it names, never brings in an error, and puts most of the words back as they were.
#[test]
fn swapped_letters_in_the_shipped_model_are_put_back() {
    let (mut tried, mut restored, mut towards_typo) = (0, 0, 0);
    for path in [
        "models/paa-doerterskelen.lsm",
        "models/paa-doerterskelen.nb.lsm",
    ] {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
        for (at, word) in words_outside_strings(&text) {
            let chars: Vec<char> = word.chars().collect();
            if chars.len() < 4 || chars[1] == chars[2] {
                continue;
            }
            let mut swapped = chars.clone();
            swapped.swap(1, 2);
            let swapped: String = swapped.into_iter().collect();
            let mutated = format!("{}{swapped}{}", &text[..at], &text[at + word.len()..]);
            let source = SourceFile::new(path, mutated.clone());
            let Some(before) = errors_of(&source) else {
                continue; // still valid (a display name, a summary word)
            };
            tried += 1;
            let run = fix_source(&source, Vocabulary::builtin(), &Limits::default());
            assert_eq!(undo(&run.text, &run.applied), mutated, "{path}: {swapped}");
            let after = keys(run.remaining.as_ref());
            let was = keys(Some(&before));
            for (key, n) in &after {
                assert!(
                    was.get(key).is_some_and(|m| m >= n),
                    "{path}: {swapped}: {key:?}"
                );
            }
            if run.text == text {
                restored += 1;
            }
            if run.applied.iter().any(|a| a.new == swapped) {
                towards_typo += 1;
            }
        }
    }
    assert!(tried >= 100, "only {tried} mutants");
    // Measured when written: 134 of 148 (the others have no single clear candidate, or their
    // fix would bring in an error, and are left for the writer).
    assert!(restored * 2 > tried, "{restored} of {tried} put back");
    // A misspelt item id with one reference is as likely the typo as the reference: the
    // reference is fixed to the id (`frivilligsentral`, `mottakerliste`). With more references
    // than one, it is left (`kommune`, `posten`, `eldre`, `doerbesok`).
    assert!(
        towards_typo <= 4,
        "{towards_typo} fixes towards the misspelling"
    );
}

/// The words of a model outside comments and strings, with their byte offsets.
fn words_outside_strings(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let code = line.split('#').next().unwrap_or_default();
        let mut in_string = false;
        let mut start: Option<usize> = None;
        for (i, c) in code.char_indices() {
            let word_char = c.is_alphanumeric() || c == '_';
            if c == '"' {
                in_string = !in_string;
            }
            match (start, word_char && !in_string) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    out.push((offset + s, &line[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((offset + s, &line[s..code.len()]));
        }
        offset += line.len();
    }
    out.retain(|(_, w)| w.chars().next().is_some_and(|c| c.is_alphabetic()));
    out
}
