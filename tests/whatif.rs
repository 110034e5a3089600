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
