//! The drawings on small hand-made graphs and on the shipped models.

mod shipped;

use crate::graph::fixture::{self, chain, fan_out, greedy_case, Built, Fx};
use crate::graph::{BarrierGraph, Node, NodeKind};
use crate::vocab::Lang;

use super::json::services_json;
use super::labels;
use super::{svg, to_dot, to_json, to_mermaid, to_svg};

#[test]
fn outputs_are_deterministic_and_escaped() {
    let b = greedy_case();
    let eval = b.eval();
    let g1 = BarrierGraph::build(&eval);
    let g2 = BarrierGraph::build(&eval);
    for lang in [Lang::Nb, Lang::En] {
        assert_eq!(to_dot(&g1, lang, None), to_dot(&g2, lang, None));
        assert_eq!(to_mermaid(&g1, lang, None), to_mermaid(&g2, lang, None));
        assert_eq!(to_svg(&g1, lang, None), to_svg(&g2, lang, None));
        assert_eq!(to_json(&g1, lang, None), to_json(&g2, lang, None));
    }
    let dot = to_dot(&g1, Lang::Nb, None);
    assert!(dot.contains(r#"digraph "Testmodell \"A&B\" <1>""#), "{dot}");
    let mermaid = to_mermaid(&g1, Lang::Nb, None);
    assert!(
        mermaid.contains(r#"title: "Testmodell \"A&B\" <1>"#),
        "{mermaid}"
    );
    let svg = to_svg(&g1, Lang::Nb, None);
    assert!(svg.contains("Testmodell &quot;A&amp;B&quot; &lt;1&gt;"));
    roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("invalid SVG: {e}"));
}

#[test]
fn services_json_follows_the_contract() {
    let b = chain();
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let v = services_json(&g);
    assert_eq!(
        v[2],
        serde_json::json!({"id": "s3", "status": "blocked", "blocked_by": ["gdpr-a"], "via": ["s3", "s2"]})
    );
    let all = to_json(&g, Lang::En, Some("s2"));
    let ids: Vec<&str> = all["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["id"].as_str())
        .collect();
    assert!(ids.contains(&"s1") && ids.contains(&"s3") && !ids.is_empty());
    assert_eq!(all["unlock_order"][0]["rule"], "gdpr-a");
}

/// The graphs of the shipped models (the unit tests run in the crate's folder).
fn shipped_graphs(mut f: impl FnMut(&str, &BarrierGraph)) {
    let rules = crate::rules::RuleSet::builtin().unwrap_or_else(|e| panic!("{e:?}"));
    let mut paths: Vec<_> = std::fs::read_dir("models")
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "lsm"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{e}"));
        let source = crate::model::SourceFile::new(p.clone(), text);
        let model = crate::model::resolve_source(source, &rules.vocab)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let eval = crate::engine::evaluate(&model, &rules, fixture::at());
        let g = BarrierGraph::build(&eval);
        f(&p.display().to_string(), &g);
    }
}

#[test]
fn svg_of_shipped_models_has_no_overlapping_nodes_and_no_text_outside_its_box() {
    shipped_graphs(|name, g| {
        for lang in [Lang::Nb, Lang::En] {
            let boxes = svg::placed_boxes(g, lang);
            for (i, (a, fits)) in boxes.iter().enumerate() {
                assert!(fits, "{name}: the text of node {i} is wider than its box");
                for (j, (b, _)) in boxes.iter().enumerate().skip(i + 1) {
                    assert!(
                        !a.overlaps(b),
                        "{name}: nodes {i} and {j} overlap: {a:?} {b:?}"
                    );
                }
            }
        }
    });
}

#[test]
fn an_unknown_focus_draws_an_empty_but_valid_picture() {
    let b = chain();
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let svg = to_svg(&g, Lang::En, Some("nothing-here"));
    assert!(svg.contains("Nothing to draw."));
    roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("invalid SVG: {e}"));
    assert!(to_dot(&g, Lang::En, Some("nothing-here")).ends_with("}\n"));
}

/// The item ids in each drawing for paper, and its title.
fn paper_groups(b: &Built) -> Vec<(String, Vec<String>)> {
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    labels::Scene::barrier_path_groups(&g, Lang::En)
        .iter()
        .map(|s| {
            let items = s
                .nodes
                .iter()
                .filter_map(|&ix| match g.node(ix) {
                    Node::Item(id) => Some(b.model.item(id).id.clone()),
                    _ => None,
                })
                .collect();
            (s.title(), items)
        })
        .collect()
}

#[test]
fn paper_drawing_of_a_chain_is_one_drawing_ending_in_the_last_service() {
    let groups = paper_groups(&chain());
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert!(groups[0].0.contains("«s3»"), "{groups:?}");
    // The barrier's flow and the chain; not the actors, which no barrier travels through.
    let mut items = groups[0].1.clone();
    items.sort();
    assert_eq!(items, ["f1", "s1", "s2", "s3"]);
}

#[test]
fn paper_drawings_split_a_fan_out_by_service_and_keep_barriers_that_reach_none() {
    let b = fan_out()
        .error("hours-barrier", "timer")
        .error("recipient-barrier", "frivillige")
        .build();
    let groups = paper_groups(&b);
    // One drawing for each of s1..s6 (none depends on another), each with the hub and the
    // flow into it, then the barrier on a sender's actor, which blocks no service.
    assert_eq!(groups.len(), 7, "{groups:?}");
    for (i, (title, items)) in groups.iter().take(6).enumerate() {
        assert!(title.contains(&format!("«s{}»", i + 1)), "{title}");
        let mut items = items.clone();
        items.sort();
        assert_eq!(items, ["hub", format!("s{}", i + 1).as_str(), "timer"]);
    }
    assert!(groups[6].0.contains("reach no service"), "{groups:?}");
    assert_eq!(groups[6].1, ["frivillige"]);
}

#[test]
fn paper_drawing_of_a_service_many_barriers_reach_is_split_into_parts() {
    // Six barriers on the flow s1 requires, with s2 and s3 down the chain: too many for one
    // landscape page, so two drawings of at most four barriers, each with the whole chain.
    let mut fx = Fx::new()
        .actor("k")
        .actor("p")
        .service("s1", "p", &["f1"], &[])
        .service("s2", "p", &[], &["s1"])
        .service("s3", "p", &[], &["s2"])
        .flow("f1", "k", "p");
    for i in 1..=6 {
        fx = fx.error(&format!("rule-{i}"), "f1");
    }
    let b = fx.build();
    let groups = paper_groups(&b);
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert!(
        groups[0].0.contains("«s3»") && groups[0].0.contains("part 1 of 2"),
        "{groups:?}"
    );
    assert!(groups[1].0.contains("part 2 of 2"), "{groups:?}");
    let eval = b.eval();
    let g = BarrierGraph::build(&eval);
    let barriers: Vec<usize> = labels::Scene::barrier_path_groups(&g, Lang::En)
        .iter()
        .map(|s| {
            s.nodes
                .iter()
                .filter(|&&ix| g.kind(ix) == NodeKind::Barrier)
                .count()
        })
        .collect();
    assert_eq!(barriers, [4, 2]);
    for (_, items) in &groups {
        let mut items = items.clone();
        items.sort();
        assert_eq!(items, ["f1", "s1", "s2", "s3"]);
    }
}
