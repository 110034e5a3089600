//! The what-if lab: bad overlays (and variants) are refused with located diagnostics, pinned as
//! snapshots; overlays change what the engine finds; `diff` and `lab` on the shipped examples.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use rammelab::model::SourceFile;
use rammelab::rules::RuleSet;

fn builtin() -> RuleSet {
    RuleSet::builtin()
        .unwrap_or_else(|e| panic!("built-in packs: {:?}", e.0.first().map(|x| x.to_string())))
}

/// Loads an overlay on the built-in packs and renders its diagnostics.
fn render_overlay(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let name = Path::new("tests/whatif/err").join(path.file_name().unwrap_or_default());
    match builtin().with_overlays(&[SourceFile::new(name, text)]) {
        Ok(_) => "loaded without errors".to_string(),
        Err(errors) => errors
            .0
            .iter()
            .map(|e| rammelab::cli::render_diagnostic(e, false, 100))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[test]
fn bad_overlays_are_refused_with_located_diagnostics() {
    insta::glob!("whatif/err/*.yaml", |path| {
        let out = render_overlay(path);
        assert_ne!(out, "loaded without errors", "{} loaded", path.display());
        insta::assert_snapshot!(out);
    });
}

fn proposals() -> Vec<std::sync::Arc<SourceFile>> {
    let mut paths: Vec<_> = std::fs::read_dir("rules/proposals")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| SourceFile::new(p.clone(), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

fn overlaid(files: &[std::sync::Arc<SourceFile>]) -> RuleSet {
    builtin().with_overlays(files).unwrap_or_else(|e| {
        panic!(
            "{}",
            e.0.iter()
                .map(|x| rammelab::cli::render_diagnostic(x, false, 100))
                .collect::<String>()
        )
    })
}

#[test]
fn shipped_proposals_load_alone_and_together_and_pass_their_own_tests() {
    let files = proposals();
    assert!(files.len() >= 4, "{} proposals", files.len());
    for f in &files {
        overlaid(std::slice::from_ref(f));
    }
    let all = overlaid(&files);
    assert_eq!(all.overlays.len(), files.len());
    let failed: Vec<String> = rammelab::engine::testing::run_tests(&all)
        .into_iter()
        .filter(|t| all.packs[all.rules[t.rule].pack].id.starts_with("overlay:"))
        .filter(|t| t.outcome != rammelab::engine::testing::Outcome::Pass)
        .map(|t| format!("{} #{}: {:?}", all.rules[t.rule].id, t.test, t.outcome))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
}
