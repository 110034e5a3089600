//! Bad rule files: each file under `tests/rules/err/` must be refused with diagnostics that point
//! at the right line of the YAML. The rendered diagnostics are pinned as snapshots, so a change in
//! wording or placement shows up in review.

use std::path::Path;
use std::sync::Arc;

use rammelab::model::SourceFile;
use rammelab::rules::RuleSet;
use rammelab::vocab::Vocabulary;

fn render(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let name = Path::new("tests/rules/err").join(path.file_name().unwrap_or_default());
    let file = SourceFile::new(name, text);
    match RuleSet::load(vec![file], Arc::new(Vocabulary::builtin().clone())) {
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
fn bad_rule_files_are_refused_with_located_diagnostics() {
    insta::glob!("rules/err/*.yaml", |path| {
        let out = render(path);
        assert_ne!(out, "loaded without errors", "{} loaded", path.display());
        insta::assert_snapshot!(out);
    });
}
