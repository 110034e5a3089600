//! The graph as JSON: nodes and edges (what is drawn), and the analyses (service status, root
//! barriers, unmitigated barriers, unlock order), for tools that draw or rank for themselves.
//!
//! [`services_json`] is the `services` array of the JSON contract in BRIEF.md, shared with
//! `rammelab check --format json`.

use serde_json::{json, Map, Value};

use super::labels::{Look, Scene};
use crate::graph::{root_barriers, service_statuses, unlock_order, unmitigated_barriers};
use crate::graph::{BarrierGraph, Node};
use crate::model::ItemId;
use crate::vocab::Lang;

/// The version of the graph JSON layout. 2: a service's `via` is its first step toward the
/// barrier, as in the check report's v2 (see `docs/check-report.schema.json`).
pub const GRAPH_JSON_VERSION: &str = "2";

/// The graph (or what leads to and from `focus`) and the analyses of the whole model.
pub fn to_json(g: &BarrierGraph, lang: Lang, focus: Option<&str>) -> Value {
    let scene = Scene::new(g, lang, focus);
    let eval = g.eval();
    let nodes: Vec<Value> = scene
        .nodes
        .iter()
        .map(|&ix| node_json(&scene, ix))
        .collect();
    let edges: Vec<Value> = scene
        .edges
        .iter()
        .map(|&(a, b, kind)| json!({"from": g.key(a), "to": g.key(b), "kind": kind}))
        .collect();
    json!({
        "version": GRAPH_JSON_VERSION,
        "file": g.model().file().display().to_string(),
        "name": g.model().name(),
        "at": eval.at.to_string(),
        "lang": lang,
        "focus": focus,
        "nodes": nodes,
        "edges": edges,
        "services": services_json(g),
        "root_barriers": root_barriers(g).iter().map(|r| json!({
            "barrier": finding_key(g, r.finding),
            "rule": rule_id(g, r.finding),
            "direct": ids(g, &r.direct),
            "all": ids(g, &r.all),
        })).collect::<Vec<_>>(),
        "unmitigated_barriers": unmitigated_barriers(g)
            .into_iter()
            .map(|f| finding_key(g, f))
            .collect::<Vec<_>>(),
        "unlock_order": unlock_order(g).iter().map(|s| json!({
            "barrier": finding_key(g, s.finding),
            "rule": rule_id(g, s.finding),
            "newly_unblocked": ids(g, &s.newly_unblocked),
        })).collect::<Vec<_>>(),
    })
}

/// `[{"id", "status", "blocked_by": [rule ids], "via": [item ids]}]`, services in model order;
/// `blocked_by` lists each rule once, nearest first; `via` is the first step toward the first
/// of them (see [`super::ServiceStatus::via`]).
pub fn services_json(g: &BarrierGraph) -> Value {
    let list: Vec<Value> = service_statuses(g)
        .iter()
        .map(|s| {
            let mut rules: Vec<String> = Vec::new();
            for &f in &s.blocked_by {
                let id = rule_id(g, f);
                if !rules.contains(&id) {
                    rules.push(id);
                }
            }
            json!({
                "id": g.model().item(s.service).id,
                "status": s.status,
                "blocked_by": rules,
                "via": ids(g, &s.via),
            })
        })
        .collect();
    Value::Array(list)
}

fn node_json(scene: &Scene, ix: petgraph::graph::NodeIndex) -> Value {
    let g = scene.g;
    let eval = g.eval();
    let mut m = Map::new();
    m.insert("id".into(), g.key(ix).into());
    m.insert("kind".into(), json!(g.kind(ix)));
    m.insert("label".into(), scene.label(ix).into());
    match (g.node(ix), scene.look(ix)) {
        (Node::Item(id), Look::Service(status)) => {
            m.insert("item".into(), g.model().item(id).id.clone().into());
            m.insert("status".into(), json!(status));
        }
        (Node::Item(id), _) => {
            m.insert("item".into(), g.model().item(id).id.clone().into());
        }
        (Node::Finding(f), look) => {
            let finding = &eval.findings[f];
            let rule = eval.rule(finding);
            m.insert("rule".into(), rule.id.clone().into());
            m.insert("subject".into(), finding.subject.id(g.model()).into());
            if let Look::Barrier(effect) = look {
                m.insert("severity".into(), rule.severity.as_str().into());
                let e = match effect {
                    crate::graph::Effect::Blocks => "blocks",
                    _ => "risk",
                };
                m.insert("effect".into(), e.into());
                m.insert("mitigated_by".into(), keys(g, &finding.mitigated_by));
            } else {
                m.insert("mitigates".into(), keys(g, &finding.mitigates));
            }
            m.insert("message".into(), eval.message(finding, scene.lang).into());
        }
        (Node::Source(s), _) => {
            if let Some(src) = g.sources().get(s) {
                m.insert("act".into(), src.act.clone().into());
                m.insert("short".into(), src.short.clone().into());
                m.insert("section".into(), src.section.clone().into());
                m.insert("url".into(), src.url.clone().into());
            }
        }
    }
    Value::Object(m)
}

fn ids(g: &BarrierGraph, items: &[ItemId]) -> Vec<String> {
    items
        .iter()
        .map(|&i| g.model().item(i).id.clone())
        .collect()
}

fn keys(g: &BarrierGraph, findings: &[usize]) -> Value {
    Value::Array(findings.iter().map(|&f| finding_key(g, f).into()).collect())
}

fn finding_key(g: &BarrierGraph, f: usize) -> String {
    g.index(Node::Finding(f))
        .map(|ix| g.key(ix).to_string())
        .unwrap_or_default()
}

fn rule_id(g: &BarrierGraph, f: usize) -> String {
    let eval = g.eval();
    eval.findings
        .get(f)
        .map(|x| eval.rule(x).id.clone())
        .unwrap_or_default()
}
