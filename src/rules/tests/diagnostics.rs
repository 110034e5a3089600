//! Bad rule files: each file under `tests/rules/err/` must be refused with diagnostics that point
//! at the right line of the YAML. The rendered diagnostics are pinned as snapshots, so a change in
//! wording or placement shows up in review. Each folder under `tests/rules/err/` is a `--rules`
//! folder with a broken `vocabulary.yaml`. Every diagnostic of every fixture must have a
//! file, line and column. (That `check` reports such errors in its machine formats is
//! tested through the binary: `tests/cli/rule_diagnostics.rs`.)

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::base::diag::render_diagnostic;
use crate::rules::sources::read_rule_file;
use crate::rules::{RuleErrors, RuleSet, RuleSources};
use crate::vocab::{Lang, Vocabulary};

const ERR: &str = "tests/rules/err";

/// Loads one fixture as the command line would: a file as a pack (read the way `--rules`
/// reads files, so a file that is not UTF-8 is refused as such), a folder as a `--rules`
/// folder without the shipped packs.
fn load(name: &Path) -> Result<RuleSet, RuleErrors> {
    if name.is_dir() {
        return RuleSources {
            dirs: vec![name.to_path_buf()],
            no_builtin: true,
        }
        .load();
    }
    let file = read_rule_file(name).map_err(|e| RuleErrors(vec![*e]))?;
    RuleSet::load(vec![file], Arc::new(Vocabulary::builtin().clone()))
}

fn render(errors: &RuleErrors) -> String {
    errors
        .0
        .iter()
        .map(|e| render_diagnostic(e, false, 100))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fixture a glob match stands for, named relative to the crate (as in the snapshots).
fn fixture(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default();
    if name == "vocabulary.yaml" {
        let folder = path.parent().and_then(Path::file_name).unwrap_or_default();
        Path::new(ERR).join(folder)
    } else {
        Path::new(ERR).join(name)
    }
}

fn render_fixture(path: &Path) -> String {
    match load(&fixture(path)) {
        Ok(_) => "loaded without errors".to_string(),
        Err(errors) => render(&errors),
    }
}

#[test]
fn bad_rule_files_are_refused_with_located_diagnostics() {
    insta::glob!("../../../tests/rules/err", "*.yaml", |path| {
        let out = render_fixture(path);
        assert_ne!(out, "loaded without errors", "{} loaded", path.display());
        insta::assert_snapshot!(out);
    });
}

#[test]
fn bad_vocabularies_are_refused_with_located_diagnostics() {
    insta::glob!("../../../tests/rules/err", "*/vocabulary.yaml", |path| {
        let out = render_fixture(path);
        assert_ne!(out, "loaded without errors", "{} loaded", path.display());
        insta::assert_snapshot!(out);
    });
}

/// Every fixture, file or folder, in name order.
fn fixtures() -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = std::fs::read_dir(ERR)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    all.sort();
    all.into_iter()
        .filter(|p| p.is_dir() || p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| Path::new(ERR).join(p.file_name().unwrap_or_default()))
        .collect()
}

#[test]
fn every_diagnostic_of_every_fixture_has_a_file_line_and_column() {
    let all = fixtures();
    assert!(all.len() >= 25, "only {} fixtures found", all.len());
    for name in all {
        let Err(errors) = load(&name) else {
            panic!("{} loaded", name.display());
        };
        for e in &errors.0 {
            let shown = render_diagnostic(e, false, 100);
            assert!(
                e.span.is_some(),
                "{}: no place for: {shown}",
                name.display()
            );
            // The snippet's header: `╭─[tests/rules/err/NAME...:LINE:COLUMN]`.
            let header = format!("[{}", name.display());
            let located = shown.lines().find_map(|l| {
                let rest = &l[l.find(&header)? + header.len()..];
                let inside = rest.split(']').next()?;
                let mut parts = inside.rsplitn(3, ':');
                let column: usize = parts.next()?.parse().ok()?;
                let line: usize = parts.next()?.parse().ok()?;
                (line > 0 && column > 0).then_some(())
            });
            assert!(
                located.is_some(),
                "{}: no file:line:column in: {shown}",
                name.display()
            );
        }
    }
}

/// The errors follow `--lang`: these fixtures, rendered in bokmål and in English, side by side.
/// (`type-mismatch.yaml` stays English in both: its values are the checker's English
/// descriptions, see `messages::rules::condition`.)
#[test]
fn rule_pack_errors_in_both_languages() {
    let names = [
        "not-utf8.yaml",
        "several-documents.yaml",
        "duplicate-id.yaml",
        "vocabulary-duplicate",
        "vocabulary-unknown-set",
        "vocabulary-yaml",
        "unknown-key.yaml",
        "unknown-variable.yaml",
        "type-mismatch.yaml",
        "unknown-term.yaml",
        "alias-expansion.yaml",
    ];
    let mut out = String::new();
    for name in names {
        let Err(errors) = load(&Path::new(ERR).join(name)) else {
            panic!("{name} loaded");
        };
        let nb = errors.clone().in_lang(Lang::Nb);
        let en = errors.in_lang(Lang::En);
        assert_ne!(nb.summary(), en.summary());
        for lang in [nb, en] {
            out.push_str(&render(&lang));
            out.push_str(&lang.summary());
            out.push_str("\n\n");
        }
    }
    insta::assert_snapshot!(out);
}
