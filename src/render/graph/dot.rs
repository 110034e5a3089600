//! Graphviz DOT: `rammelab graph MODEL --format dot | dot -Tsvg > graph.svg`.
//!
//! Node ids are the graph's stable keys, quoted; labels carry the kind on a first small line.
//! Left to right, from law to people, as every drawing.

use std::fmt::Write as _;

use super::labels::{colours, stroke_colour, Look, Scene, Stroke};
use crate::graph::BarrierGraph;
use crate::graph::{Effect, Status};
use crate::render::escape::dot::quote;
use crate::vocab::Lang;

/// The graph (or what leads to and from `focus`) as a DOT digraph.
pub fn to_dot(g: &BarrierGraph, lang: Lang, focus: Option<&str>) -> String {
    let scene = Scene::new(g, lang, focus);
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quote(g.model().name()));
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\", fontsize=14, labelloc=t, label={}, nodesep=0.25, ranksep=0.6];",
        quote(&scene.title())
    );
    out.push_str("  node [fontname=\"Helvetica\", fontsize=11, style=filled, penwidth=1.2];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
    for &ix in &scene.nodes {
        let look = scene.look(ix);
        let (fill, stroke) = colours(look);
        let label = format!("{}\n{}", scene.tag(ix), wrap(&scene.label(ix), 30));
        let _ = writeln!(
            out,
            "  {} [label={}, shape={}, fillcolor=\"{fill}\", color=\"{stroke}\"{}];",
            quote(g.key(ix)),
            quote(&label),
            shape(look),
            extra(look)
        );
    }
    for &(a, b, kind) in &scene.edges {
        let stroke = scene.stroke(a, kind);
        let label = scene.edge_label(a, kind);
        let mut attrs = format!("color=\"{}\"", stroke_colour(stroke));
        if !label.is_empty() {
            let _ = write!(attrs, ", label={}", quote(&label));
        }
        attrs.push_str(edge_extra(stroke));
        let _ = writeln!(
            out,
            "  {} -> {} [{attrs}];",
            quote(g.key(a)),
            quote(g.key(b))
        );
    }
    out.push_str("}\n");
    out
}

fn shape(look: Look) -> &'static str {
    match look {
        Look::Actor => "ellipse",
        Look::Service(_) => "box",
        Look::Flow => "parallelogram",
        Look::Agreement => "hexagon",
        Look::Barrier(_) => "octagon",
        Look::Opportunity => "box",
        Look::Source => "note",
    }
}

fn extra(look: Look) -> &'static str {
    match look {
        Look::Service(Status::Ok) => ", style=\"filled,rounded\", penwidth=2",
        Look::Service(_) => ", style=\"filled,rounded\", penwidth=3",
        Look::Barrier(Effect::Blocks) => ", penwidth=2",
        Look::Barrier(_) => ", style=\"filled,dashed\"",
        Look::Opportunity => ", style=\"filled,rounded\"",
        Look::Source => ", fontsize=9",
        _ => "",
    }
}

fn edge_extra(s: Stroke) -> &'static str {
    match s {
        Stroke::Blocks => ", penwidth=2",
        Stroke::Risk => ", style=dashed",
        Stroke::Mitigates => ", penwidth=1.6",
        Stroke::Supports => ", style=dashed",
        Stroke::Grounds => ", style=dotted, arrowsize=0.6",
        Stroke::Plain => "",
    }
}

/// Breaks text into lines of at most `width` characters, at spaces where it can.
pub(super) fn wrap(text: &str, width: usize) -> String {
    super::labels::wrap_lines(text, width).join("\n")
}
