//! Every drawing of every shipped model is valid: DOT renders with Graphviz, SVG is
//! well-formed XML, Mermaid is snapshotted, JSON has what its contract says. Dates are pinned.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use jiff::civil::{date, Date};

use crate::base::diag::render_diagnostic;
use crate::engine::evaluate;
use crate::graph::BarrierGraph;
use crate::model::{resolve_source, Model, SourceFile};
use crate::render::graph::{to_dot, to_json, to_mermaid, to_svg};
use crate::rules::RuleSet;
use crate::vocab::Lang;

const AT: Date = date(2026, 11, 28);

fn builtin() -> RuleSet {
    RuleSet::builtin()
        .unwrap_or_else(|e| panic!("built-in packs: {:?}", e.0.first().map(|x| x.to_string())))
}

fn model(name: &str, text: &str, rules: &RuleSet) -> Model {
    resolve_source(SourceFile::new(name, text), &rules.vocab)
        .unwrap_or_else(|e| panic!("{name}: {}", render_diagnostic(&e, false, 100)))
}

/// Every `*.lsm` in `models/`, sorted.
fn shipped() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("models")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "lsm"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 7, "the shipped models: {paths:?}");
    paths
}

fn stem(p: &std::path::Path) -> String {
    p.file_stem().unwrap().to_string_lossy().into_owned()
}

fn example() -> String {
    std::fs::read_to_string("models/paa-doerterskelen.lsm").unwrap()
}

/// The graph of every shipped model, in a callback (the evaluation borrows the model and rules).
fn each_shipped(mut f: impl FnMut(&str, &BarrierGraph)) {
    let rules = builtin();
    for path in shipped() {
        let text = std::fs::read_to_string(&path).unwrap();
        let m = model(&path.display().to_string(), &text, &rules);
        let e = evaluate(&m, &rules, AT);
        let g = BarrierGraph::build(&e);
        f(&stem(&path), &g);
    }
}

#[test]
fn mermaid_of_every_shipped_model() {
    each_shipped(|name, g| {
        insta::assert_snapshot!(format!("mermaid-{name}"), to_mermaid(g, Lang::Nb, None));
    });
}

#[test]
fn mermaid_in_english_with_a_focus() {
    let rules = builtin();
    let m = model("paa-doerterskelen.lsm", &example(), &rules);
    let e = evaluate(&m, &rules, AT);
    let g = BarrierGraph::build(&e);
    insta::assert_snapshot!(
        "mermaid-paa-doerterskelen-en-focus-mottakerliste",
        to_mermaid(&g, Lang::En, Some("mottakerliste"))
    );
}

/// Runs Graphviz's `dot -Tsvg` on a DOT text; fails clearly when Graphviz is not installed.
fn render_with_dot(name: &str, text: &str) -> String {
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => panic!(
            "Graphviz's `dot` is needed to check the DOT output ({e}); install it: apt-get install graphviz"
        ),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name}: dot failed: {stderr}\n{text}");
    assert!(!stderr.to_lowercase().contains("error"), "{name}: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
#[ignore = "needs Graphviz (`dot`); .ci/run installs it and runs it (cargo test -- --include-ignored)"]
fn dot_of_every_shipped_model_renders_with_graphviz() {
    each_shipped(|name, g| {
        for lang in [Lang::Nb, Lang::En] {
            let svg = render_with_dot(name, &to_dot(g, lang, None));
            let opts = roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            };
            roxmltree::Document::parse_with_options(&svg, opts)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    });
}

#[test]
fn svg_of_every_shipped_model_is_valid_xml_with_every_node_drawn() {
    each_shipped(|name, g| {
        for lang in [Lang::Nb, Lang::En] {
            let svg = to_svg(g, lang, None);
            let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
            let titles = doc
                .descendants()
                .filter(|n| n.has_tag_name("title"))
                .count();
            assert_eq!(
                titles,
                g.nodes().count(),
                "{name}: one titled group per node"
            );
        }
    });
}

#[test]
fn json_has_nodes_edges_and_the_services_of_the_contract() {
    each_shipped(|name, g| {
        let v = to_json(g, Lang::Nb, None);
        let nodes = v["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), g.nodes().count(), "{name}");
        let ids: std::collections::HashSet<&str> =
            nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), nodes.len(), "{name}: node ids are unique");
        for e in v["edges"].as_array().unwrap() {
            assert!(ids.contains(e["from"].as_str().unwrap()), "{name}: {e}");
            assert!(ids.contains(e["to"].as_str().unwrap()), "{name}: {e}");
        }
        for s in v["services"].as_array().unwrap() {
            for key in ["id", "status", "blocked_by", "via"] {
                assert!(s.get(key).is_some(), "{name}: {key} missing in {s}");
            }
        }
    });
}

#[test]
fn the_example_in_norwegian_words_draws_the_same_graph() {
    let rules = builtin();
    let en = model("paa-doerterskelen.lsm", &example(), &rules);
    let nb_text = std::fs::read_to_string("models/paa-doerterskelen.nb.lsm").unwrap();
    let nb = model("paa-doerterskelen.nb.lsm", &nb_text, &rules);
    let (e1, e2) = (evaluate(&en, &rules, AT), evaluate(&nb, &rules, AT));
    let (g1, g2) = (BarrierGraph::build(&e1), BarrierGraph::build(&e2));
    for lang in [Lang::Nb, Lang::En] {
        assert_eq!(to_dot(&g1, lang, None), to_dot(&g2, lang, None));
        assert_eq!(to_svg(&g1, lang, None), to_svg(&g2, lang, None));
    }
}
