//! The what-if lab: bad overlays (and variants) are refused with located diagnostics, pinned as
//! snapshots; overlays change what the engine finds; the lab on the shipped examples. (`diff`
//! and `lab` through the binary are in `tests/cli/`.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::model::{load_file, SourceFile};
use crate::vocab::{Lang, Vocabulary};
use crate::RuleSet;

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
            .map(|e| crate::render_diagnostic(e, false, 100))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[test]
fn bad_overlays_are_refused_with_located_diagnostics() {
    insta::glob!("../../../tests/whatif", "err/*.yaml", |path| {
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
                .map(|x| crate::render_diagnostic(x, false, 100))
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
    let failed: Vec<String> = crate::engine::testing::run_tests(&all)
        .into_iter()
        .filter(|t| all.packs[all.rules[t.rule].pack].id.starts_with("overlay:"))
        .filter(|t| t.outcome != crate::engine::testing::TestOutcome::Pass)
        .map(|t| format!("{} #{}: {:?}", all.rules[t.rule].id, t.test, t.outcome))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
}

/// Every diagnostic of a bad variant, colour off, 100 columns: each error's code, file,
/// position and the text its span covers, then the rendered diagnostics.
fn render_model_errors(errors: &crate::ModelErrors) -> String {
    let mut out = String::new();
    for e in errors.iter() {
        let (line, col) = e.line_col();
        let covered = e.span.text(&e.file().text);
        out.push_str(&format!(
            "{} in {} at {line}:{col} covering `{covered}`\n",
            e.code(),
            e.file().path.display()
        ));
    }
    out.push('\n');
    for e in errors.iter() {
        out.push_str(&crate::render_diagnostic(e, false, 100));
        out.push('\n');
    }
    out.push_str(&format!("{errors}\n"));
    out
}

fn relative(path: &Path) -> std::path::PathBuf {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_path_buf()
}

#[test]
fn bad_variants_are_refused_with_diagnostics_in_the_right_file() {
    insta::glob!("../../../tests/whatif/variants", "err/*.lsm", |path| {
        let lang = if path.to_string_lossy().contains("norsk") {
            Lang::Nb
        } else {
            Lang::En
        };
        let out = match load_file(&relative(path), Vocabulary::builtin()) {
            Ok(_) => panic!("{} should not resolve", path.display()),
            Err(errors) => render_model_errors(&errors.in_lang(lang)),
        };
        insta::assert_snapshot!(out);
    });
}

#[test]
fn good_variants_resolve_to_full_models() {
    insta::glob!("../../../tests/whatif/variants", "ok/*.lsm", |path| {
        let vocab = Vocabulary::builtin();
        let model = load_file(&relative(path), vocab)
            .unwrap_or_else(|e| panic!("{}", render_model_errors(&e.in_lang(Lang::En))));
        insta::assert_snapshot!(model.outline(vocab));
    });
}

const AT: jiff::civil::Date = jiff::civil::date(2026, 11, 28);

fn proposal(name: &str) -> std::sync::Arc<SourceFile> {
    let path = format!("rules/proposals/{name}.yaml");
    SourceFile::new(path.clone(), std::fs::read_to_string(&path).unwrap())
}

fn model(path: &str, rules: &RuleSet) -> crate::Model {
    load_file(Path::new(path), &rules.vocab)
        .unwrap_or_else(|e| panic!("{}", render_model_errors(&e.in_lang(Lang::En))))
}

/// Barrier findings as (rule, subject, blocking).
fn barriers(m: &crate::Model, rules: &RuleSet) -> Vec<(String, String, bool)> {
    let o = crate::whatif::Scenario::of(&crate::evaluate(m, rules, AT), Lang::En);
    o.report
        .barriers()
        .map(|f| (f.rule.clone(), f.subject.clone(), f.is_blocking()))
        .collect()
}

const GDPR_ON_THE_LIST: (&str, &str, bool) = (
    "gdpr-art28-processor-without-agreement",
    "mottakerliste",
    true,
);

fn has(list: &[(String, String, bool)], (rule, subject, blocking): (&str, &str, bool)) -> bool {
    list.iter()
        .any(|(r, s, b)| r == rule && s == subject && *b == blocking)
}

#[test]
fn a_trial_under_forsoksloven_does_not_remove_a_gdpr_barrier() {
    // Asked to, the loader refuses: GDPR is EEA law, which no trial can set aside.
    let path = "tests/whatif/err/trial-exempts-gdpr.yaml";
    let asked = SourceFile::new(path, std::fs::read_to_string(path).unwrap());
    let refused = builtin().with_overlays(&[asked]).unwrap_err();
    let codes: Vec<&str> = refused.0.iter().map(|e| e.kind.code()).collect();
    assert_eq!(codes, ["rammelab::overlay::trial-cannot-exempt"]);
    // The trial Haugesund could get leaves the GDPR barrier blocking, as does running the
    // service as a trial.
    let trial = overlaid(&[proposal("forsok-haugesund-doerterskelen")]);
    let base = model("models/paa-doerterskelen.lsm", &trial);
    let under_trial = barriers(&base, &trial);
    assert!(has(&under_trial, GDPR_ON_THE_LIST), "{under_trial:?}");
    assert!(!under_trial
        .iter()
        .any(|(r, _, _)| r == "beredskapsforskriften-4-assistance-agreement"));
    let variant = model("models/variants/paa-doerterskelen/under-forsok.lsm", &trial);
    assert!(has(&barriers(&variant, &trial), GDPR_ON_THE_LIST));
    // The same exemption with another legal basis (not a trial) would be taken.
    let text = std::fs::read_to_string(path).unwrap() + "    basis: other\n";
    let other = builtin()
        .with_overlays(&[SourceFile::new(path, text)])
        .unwrap();
    assert!(!has(&barriers(&base, &other), GDPR_ON_THE_LIST));
}

#[test]
fn an_exemption_applies_only_to_the_municipalities_it_names() {
    let ko = ("koml-19-1-ko-individual-decisions", "legetjeneste", false);
    let builtin = builtin();
    let trial = overlaid(&[proposal("forsok-indre-namdal-ko")]);
    let ny_giv = model("models/ny-giv-i-distriktene.lsm", &builtin);
    assert!(has(&barriers(&ny_giv, &builtin), ko));
    assert!(!has(&barriers(&ny_giv, &trial), ko));
    let paa = model("models/paa-doerterskelen.lsm", &builtin);
    assert_eq!(barriers(&paa, &builtin), barriers(&paa, &trial));
}

#[test]
fn the_lab_on_paa_doerterskelen_names_the_change_that_unblocks_both_services() {
    let rules = builtin();
    let base = model("models/paa-doerterskelen.lsm", &rules);
    let dir = "models/variants/paa-doerterskelen";
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let variants: Vec<crate::whatif::lab::Variant> = paths
        .iter()
        .map(|p| crate::whatif::lab::Variant {
            id: p.file_stem().unwrap().to_string_lossy().into_owned(),
            model: model(p.to_str().unwrap(), &rules),
        })
        .collect();
    let lab = crate::whatif::lab::run(crate::whatif::lab::LabInput {
        base: &base,
        variants: &variants,
        overlays: &proposals(),
        rules: &rules,
        at: AT,
        lang: Lang::En,
    })
    .unwrap();
    let baseline = lab.baseline().unwrap();
    assert_eq!(baseline.counts.blocked, 2);
    assert_eq!(lab.unblocks_all, ["kommunen-behandlingsansvarlig"]);
    let best = &lab.rows[1];
    assert_eq!(best.id, "kommunen-behandlingsansvarlig");
    assert_eq!(best.unblocked, ["doerbesok", "beredskap"]);
    // Each blocking barrier has single changes that remove it; no overlay is among them.
    for fix in lab.barriers.iter().filter(|f| f.finding.is_blocking()) {
        assert!(!fix.removed_by.is_empty(), "{}", fix.finding.rule);
        assert!(fix
            .removed_by
            .iter()
            .all(|id| lab.variants.iter().any(|v| &v.id == id)));
    }
}

#[test]
fn every_shipped_variant_resolves_and_keeps_its_base_items_in_the_base_file() {
    let vocab = Vocabulary::builtin();
    let files = crate::collect_models(&["models/variants".into()]).unwrap();
    assert!(files.len() >= 8, "{files:?}");
    for f in &files {
        let m = load_file(f, vocab)
            .unwrap_or_else(|e| panic!("{}", render_model_errors(&e.in_lang(Lang::En))));
        let root = m.bases().last().unwrap();
        assert!(root.path.starts_with("models"), "{}", root.path.display());
        // An item from the base points into the base's text.
        let kommune = m
            .item_by_id("kommune")
            .or_else(|| m.item_by_id("grong"))
            .unwrap();
        let src = m.source_of(kommune);
        assert_ne!(src.path, m.file());
        assert!(m
            .item(kommune)
            .id_span
            .text(&src.text)
            .starts_with(&m.item(kommune).id));
    }
}
