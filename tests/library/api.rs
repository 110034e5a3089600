//! The library's facade, as the studio and the language server use it: a model text held in
//! memory checked at a date against the rule packs (and overlays), giving either the errors
//! with their spans or the view of the findings and the graph.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use rammelab::{build_graph, render, Date, Format, Lang, Outcome, RuleSources, Workspace};

const MODEL: &str = "models/paa-doerterskelen.lsm";

fn at() -> Date {
    "2027-01-01".parse().unwrap()
}

#[test]
fn a_text_in_memory_checks_as_the_file_does() {
    let ws = Workspace::builtin().unwrap();
    let text = std::fs::read_to_string(MODEL).unwrap();
    let from_memory = ws.check_source(MODEL, text, at(), Lang::En).unwrap();
    let from_disk = ws.check_file(Path::new(MODEL), at(), Lang::En).unwrap();
    assert!(!from_memory.view.findings.is_empty());
    assert_eq!(from_memory.view, from_disk.view);

    let eval = from_memory.evaluation(&ws, at());
    let graph = build_graph(&eval);
    assert!(graph.nodes().count() > from_memory.view.services.len());

    let report = ws.report(at(), Lang::En, vec![Outcome::Checked(from_memory.view)]);
    let json: serde_json::Value = serde_json::from_str(&render(&report, Format::Json)).unwrap();
    assert_eq!(json["models"][0]["file"], MODEL);
}

#[test]
fn a_broken_text_gives_every_error_with_its_span() {
    let ws = Workspace::builtin().unwrap();
    let text = "model \"x\" {\n  unknown_field: 3\n}\nactor a {\n  kind: nonsense\n}\n";
    let errors = ws
        .check_source("in-memory.lsm", text, at(), Lang::En)
        .unwrap_err();
    let spans: Vec<&str> = errors.iter().map(|e| e.span.text(text)).collect();
    assert!(spans.len() >= 2, "{spans:?}");
    assert!(spans.contains(&"unknown_field"), "{spans:?}");
    let shown = rammelab::render_errors(&errors, false, 100);
    assert!(shown.contains("in-memory.lsm:2:3"), "{shown}");
}

#[test]
fn overlays_apply_on_top_of_the_packs() {
    let plain = Workspace::builtin().unwrap();
    let overlaid = Workspace::load(
        &RuleSources::default(),
        &[PathBuf::from("builtin:ny-forvaltningslov")],
    )
    .unwrap();
    assert!(overlaid.rules().rules.len() >= plain.rules().rules.len());
    let missing = Workspace::load(&RuleSources::default(), &[PathBuf::from("no/such.yaml")]);
    assert!(missing.is_err());
}

#[test]
fn a_text_over_the_limits_is_an_error_not_a_crash() {
    let limits = rammelab::Limits {
        max_depth: 3,
        ..rammelab::Limits::default()
    };
    let ws = Workspace::builtin().unwrap().with_limits(limits);
    let text = "model \"x\" {\n  notes: [[[[[[1]]]]]]\n}\n";
    let errors = ws
        .check_source("deep.lsm", text, at(), Lang::En)
        .unwrap_err();
    let shown = rammelab::render_errors(&errors, false, 100);
    assert!(shown.contains("deep.lsm:2:"), "{shown}");
    assert!(shown.contains("rammelab::limit"), "{shown}");
    // The same text within the default limits gets past the limit (to other errors or none).
    let plain = Workspace::builtin().unwrap();
    if let Err(e) = plain.check_source("deep.lsm", text, at(), Lang::En) {
        let shown = rammelab::render_errors(&e, false, 100);
        assert!(!shown.contains("rammelab::limit"), "{shown}");
    }
}
