//! Mermaid flowcharts, as GitHub renders them in Markdown (```` ```mermaid ````).
//!
//! Mermaid is strict about ids and text: ids are ASCII letters, digits and `_`, prefixed by the
//! kind (so no id is a keyword such as `end` or starts with a digit); an arrow always has a space
//! on both sides (`a --> opportunity_x`: without it Mermaid reads `--o` as a circle head); every
//! label is quoted, with `"`, `#`, `<`, `>` and `&` written as Mermaid's entity codes. The
//! output of the shipped models was checked with Mermaid 11's own parser.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use petgraph::graph::NodeIndex;

use super::labels::{colours, stroke_colour, wrap_lines, Look, Scene, Stroke};
use crate::graph::{BarrierGraph, NodeKind};
use crate::graph::{Effect, Status};
use crate::render::escape::mermaid as escape;
use crate::vocab::Lang;

/// The graph (or what leads to and from `focus`) as a Mermaid flowchart.
pub fn to_mermaid(g: &BarrierGraph, lang: Lang, focus: Option<&str>) -> String {
    let scene = Scene::new(g, lang, focus);
    let ids = mermaid_ids(g, &scene.nodes);
    let id = |ix: NodeIndex| ids.get(&ix).map_or("missing", String::as_str);
    let mut out = String::new();
    let _ = writeln!(out, "---\ntitle: {}\n---", escape::title(&scene.title()));
    out.push_str("flowchart LR\n");
    let mut classes: BTreeMap<&'static str, Vec<&str>> = BTreeMap::new();
    for &ix in &scene.nodes {
        let look = scene.look(ix);
        let lines: Vec<String> = std::iter::once(scene.tag(ix))
            .chain(wrap_lines(&scene.label(ix), 32))
            .map(|l| escape::label(&l))
            .collect();
        let (open, close) = brackets(look);
        let _ = writeln!(out, "  {}{open}\"{}\"{close}", id(ix), lines.join("<br/>"));
        classes.entry(class(look)).or_default().push(id(ix));
    }
    let mut link_styles: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
    for (n, &(a, b, kind)) in scene.edges.iter().enumerate() {
        let stroke = scene.stroke(a, kind);
        let label = scene.edge_label(a, kind);
        let arrow = match stroke {
            Stroke::Blocks => "==>",
            Stroke::Risk | Stroke::Supports | Stroke::Grounds => "-.->",
            Stroke::Plain | Stroke::Mitigates => "-->",
        };
        if label.is_empty() {
            let _ = writeln!(out, "  {} {arrow} {}", id(a), id(b));
        } else {
            let _ = writeln!(
                out,
                "  {} {arrow}|\"{}\"| {}",
                id(a),
                escape::label(&label),
                id(b)
            );
        }
        link_styles
            .entry(stroke_colour(stroke))
            .or_default()
            .push(n);
    }
    for (name, look) in CLASSES {
        let (fill, stroke) = colours(look);
        let width = match look {
            Look::Service(Status::Ok) | Look::Barrier(Effect::Blocks) => "2px",
            Look::Service(_) => "3px",
            _ => "1px",
        };
        let dash = match look {
            Look::Barrier(Effect::Risk) => ",stroke-dasharray:4 3",
            _ => "",
        };
        let _ = writeln!(
            out,
            "  classDef {name} fill:{fill},stroke:{stroke},stroke-width:{width},color:#1a1a1a{dash}"
        );
    }
    for (name, members) in &classes {
        let _ = writeln!(out, "  class {} {name}", members.join(","));
    }
    for (colour, links) in &link_styles {
        let list: Vec<String> = links.iter().map(usize::to_string).collect();
        let _ = writeln!(out, "  linkStyle {} stroke:{colour}", list.join(","));
    }
    out
}

const CLASSES: [(&str, Look); 10] = [
    ("actor", Look::Actor),
    ("service_ok", Look::Service(Status::Ok)),
    ("service_at_risk", Look::Service(Status::AtRisk)),
    ("service_blocked", Look::Service(Status::Blocked)),
    ("flow", Look::Flow),
    ("agreement", Look::Agreement),
    ("barrier_blocks", Look::Barrier(Effect::Blocks)),
    ("barrier_risk", Look::Barrier(Effect::Risk)),
    ("opportunity", Look::Opportunity),
    ("source", Look::Source),
];

fn class(look: Look) -> &'static str {
    CLASSES
        .iter()
        .find(|(_, l)| *l == look)
        .map_or("source", |(n, _)| n)
}

fn brackets(look: Look) -> (&'static str, &'static str) {
    match look {
        Look::Actor => ("([", "])"),
        Look::Service(_) => ("(", ")"),
        Look::Flow => ("[/", "/]"),
        Look::Agreement => ("[[", "]]"),
        Look::Barrier(_) => ("{{", "}}"),
        Look::Opportunity => ("([", "])"),
        Look::Source => ("[", "]"),
    }
}

/// Ids Mermaid accepts: the kind's prefix and the key folded to ASCII letters, digits and `_`;
/// an id that would repeat gets a number.
fn mermaid_ids(g: &BarrierGraph, nodes: &[NodeIndex]) -> HashMap<NodeIndex, String> {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut out = HashMap::new();
    for &ix in nodes {
        let prefix = match g.kind(ix) {
            NodeKind::Actor => "actor",
            NodeKind::Service => "service",
            NodeKind::Flow => "flow",
            NodeKind::Agreement => "agreement",
            NodeKind::Barrier => "barrier",
            NodeKind::Opportunity => "opportunity",
            NodeKind::Source => "source",
        };
        let base = format!("{prefix}_{}", fold(g.key(ix)));
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}_{n}") };
        out.insert(ix, id);
    }
    out
}

/// `Tøyen båt-1@x` -> `Toyen_baat_1_x`.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => out.push(c),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            'ø' | 'ö' => out.push('o'),
            'Ø' | 'Ö' => out.push('O'),
            'å' => out.push_str("aa"),
            'Å' => out.push_str("AA"),
            'ä' => out.push('a'),
            'Ä' => out.push('A'),
            'é' | 'è' => out.push('e'),
            _ => out.push('_'),
        }
    }
    squeeze(&out)
}

/// Runs of `_` as one, none at the end: `GDPR_art__28` -> `GDPR_art_28`.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !(c == '_' && out.ends_with('_')) {
            out.push(c);
        }
    }
    out.trim_end_matches('_').to_string()
}
