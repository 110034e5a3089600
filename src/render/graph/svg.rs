//! SVG drawn by rammelab itself (no external program), with the layered layout of
//! [`super::layout`]: a title, a legend, and the graph left to right.
//!
//! Kinds are told apart by shape and colour: services are blue boxes framed by their status
//! (red blocked, orange at risk, blue ok), barriers red octagons (solid when they block, pale and
//! dashed when mitigated or a warning), opportunities green, actors yellow pills, flows grey
//! parallelograms, agreements purple double boxes, legal sources white notes. Text sizes are
//! estimated per character, generously, so labels stay inside their boxes; every text is
//! XML-escaped.

use std::fmt::Write as _;

use petgraph::graph::NodeIndex;

use super::labels::{colours, stroke_colour, wrap_lines, Look, Scene, Stroke};
use super::layout::{layout_with_gap, Layout, Point, Rect, Size};
use super::legend::Legend;
use super::shapes::{outline_x, shape};
use crate::graph::BarrierGraph;
use crate::graph::Status;
use crate::render::escape::xml;
use crate::text;
use crate::vocab::Lang;

const FONT: &str = "DejaVu Sans, Verdana, Helvetica, Arial, sans-serif";
const LABEL_SIZE: f64 = 12.0;
const LABEL_LINE: f64 = 15.0;
const TAG_SIZE: f64 = 9.5;
const TAG_LINE: f64 = 13.0;
const PAD_X: f64 = 10.0;
const PAD_Y: f64 = 7.0;

/// The graph (or what leads to and from `focus`) as a standalone SVG document.
pub fn to_svg(g: &BarrierGraph, lang: Lang, focus: Option<&str>) -> String {
    draw(&Scene::new(g, lang, focus))
}

/// Only the paths barriers travel by, split by the services they end in
/// ([`Scene::barrier_path_groups`]), one drawing each: the graph the printed report shows,
/// each drawing small enough to print at full size (its smallest text 9.5 px, 7 pt) on A4.
pub fn barrier_path_svgs(g: &BarrierGraph, lang: Lang) -> Vec<String> {
    Scene::barrier_path_groups(g, lang)
        .iter()
        .map(draw)
        .collect()
}

/// The legend of the drawings on its own, for the printed report, whose drawings for paper
/// leave it out to keep their height within an A4 page.
pub fn legend_svg(lang: Lang) -> String {
    let margin = 4.0;
    let legend = Legend::new(lang, 1000.0);
    let (w, h) = (legend.width + 2.0 * margin, legend.height + 2.0 * margin);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="{FONT}">"#
    );
    defs(&mut out);
    legend.draw(&mut out, margin, margin);
    out.push_str("</svg>\n");
    out
}

fn draw(scene: &Scene) -> String {
    let lang = scene.lang;
    let (boxes, lay) = plan(scene);
    let margin = scene.margin;
    let legend = scene
        .legend
        .then(|| Legend::new(lang, lay.width.max(640.0)));
    let (legend_w, legend_h) = legend
        .as_ref()
        .map_or((0.0, 0.0), |l| (l.width, l.height + 18.0));
    let top = margin + 30.0 + legend_h;
    let title = scene.title();
    // The title is bold: a little wider than the plain text the estimate is for.
    let title_w = text_width(&title, 16.0) * 1.08;
    let width = lay.width.max(legend_w).max(title_w) + 2.0 * margin;
    let height = top + lay.height + margin;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="{FONT}">"#,
        w = width,
        h = height
    );
    defs(&mut out);
    let _ = writeln!(
        out,
        r##"<rect x="0" y="0" width="{width:.0}" height="{height:.0}" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        out,
        r##"<text x="{margin}" y="{:.1}" font-size="16" font-weight="bold" fill="#1a1a1a">{}</text>"##,
        margin + 16.0,
        xml::text(&title)
    );
    if let Some(legend) = &legend {
        legend.draw(&mut out, margin, margin + 30.0);
    }
    let _ = writeln!(out, r#"<g transform="translate({margin},{top:.1})">"#);
    draw_edges(&mut out, scene, &lay);
    for (b, r) in boxes.iter().zip(&lay.nodes) {
        b.draw(&mut out, r);
    }
    if scene.nodes.is_empty() {
        let empty = text!(lang, "graph-nothing-to-draw");
        let _ = writeln!(
            out,
            r##"<text x="0" y="14" font-size="12" fill="#555555">{empty}</text>"##
        );
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// The nodes with their text and the layout of the scene.
fn plan(scene: &Scene) -> (Vec<NodeBox>, Layout) {
    let mut boxes: Vec<NodeBox> = scene
        .nodes
        .iter()
        .map(|&ix| NodeBox::new(scene, ix))
        .collect();
    let pos: std::collections::HashMap<NodeIndex, usize> = scene
        .nodes
        .iter()
        .enumerate()
        .map(|(i, &ix)| (ix, i))
        .collect();
    let edges: Vec<(usize, usize)> = scene
        .edges
        .iter()
        .filter_map(|(a, b, _)| Some((*pos.get(a)?, *pos.get(b)?)))
        .collect();
    fit_ports(&mut boxes, &edges);
    let sizes: Vec<Size> = boxes.iter().map(|b| b.size).collect();
    let mut lay = layout_with_gap(&sizes, &edges, scene.layer_gap);
    clip_routes(&mut lay, &boxes, &edges);
    (boxes, lay)
}

/// For tests: every node's box, and whether its widest line of text fits inside it.
#[cfg(test)]
pub(super) fn placed_boxes(g: &BarrierGraph, lang: Lang) -> Vec<(Rect, bool)> {
    let scene = Scene::new(g, lang, None);
    let (boxes, lay) = plan(&scene);
    boxes
        .iter()
        .zip(lay.nodes)
        .map(|(b, r)| {
            let widest = b
                .lines
                .iter()
                .map(|l| text_width(l, LABEL_SIZE))
                .chain(std::iter::once(text_width(&b.tag, TAG_SIZE)))
                .fold(0.0, f64::max);
            (r, widest + 2.0 * PAD_X <= r.w + 0.5)
        })
        .collect()
}

/// Space between two edges meeting one side of a node.
const PORT_PITCH: f64 = 11.0;

/// Makes nodes with many edges on one side tall enough to keep the arrowheads apart.
fn fit_ports(boxes: &mut [NodeBox], edges: &[(usize, usize)]) {
    let mut degree = vec![(0usize, 0usize); boxes.len()];
    for &(a, b) in edges {
        degree[a].1 += 1;
        degree[b].0 += 1;
    }
    for (b, (i, o)) in boxes.iter_mut().zip(degree) {
        let ports = i.max(o) as f64;
        b.size.h = b.size.h.max((ports * PORT_PITCH + 12.0).ceil());
    }
}

/// Moves the ends of every route from the node's bounding box onto its outline (the slanted
/// side of a flow, the cut corners of a barrier, the round ends of an actor).
fn clip_routes(lay: &mut Layout, boxes: &[NodeBox], edges: &[(usize, usize)]) {
    for ((route, &(a, b)), &(first, last)) in lay.edges.iter_mut().zip(edges).zip(&lay.on_nodes) {
        let (Some(ra), Some(rb)) = (lay.nodes.get(a), lay.nodes.get(b)) else {
            continue;
        };
        if let Some(p) = route.first_mut().filter(|_| first) {
            p.0 = outline_x(boxes[a].look, ra, p.1, p.0 > ra.x + ra.w / 2.0);
        }
        if let Some(p) = route.last_mut().filter(|_| last) {
            p.0 = outline_x(boxes[b].look, rb, p.1, p.0 > rb.x + rb.w / 2.0);
        }
    }
}

/// Arrowheads, one per edge colour.
fn defs(out: &mut String) {
    out.push_str("<defs>\n");
    for s in [
        Stroke::Plain,
        Stroke::Blocks,
        Stroke::Risk,
        Stroke::Mitigates,
        Stroke::Grounds,
    ] {
        let _ = writeln!(
            out,
            r#"<marker id="{}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{}"/></marker>"#,
            marker(s),
            stroke_colour(s)
        );
    }
    out.push_str("</defs>\n");
}

fn marker(s: Stroke) -> &'static str {
    match s {
        Stroke::Plain => "arrow-plain",
        Stroke::Blocks => "arrow-blocks",
        Stroke::Risk => "arrow-risk",
        Stroke::Mitigates | Stroke::Supports => "arrow-mitigates",
        Stroke::Grounds => "arrow-grounds",
    }
}

pub(super) fn stroke_attrs(s: Stroke) -> String {
    let (width, dash) = match s {
        Stroke::Plain => (1.2, ""),
        Stroke::Blocks => (2.4, ""),
        Stroke::Risk => (1.6, r#" stroke-dasharray="6 4""#),
        Stroke::Mitigates => (1.8, ""),
        Stroke::Supports => (1.4, r#" stroke-dasharray="6 4""#),
        Stroke::Grounds => (1.0, r#" stroke-dasharray="2 3""#),
    };
    format!(
        r#"fill="none" stroke="{}" stroke-width="{width}"{dash} marker-end="url(#{})""#,
        stroke_colour(s),
        marker(s)
    )
}

/// Edges under the nodes; red and green on top of grey.
fn draw_edges(out: &mut String, scene: &Scene, lay: &Layout) {
    let mut drawn: Vec<(u8, Stroke, &[Point])> = scene
        .edges
        .iter()
        .zip(&lay.edges)
        .map(|(&(a, _, kind), pts)| {
            let s = scene.stroke(a, kind);
            let z = match s {
                Stroke::Grounds => 0,
                Stroke::Plain => 1,
                Stroke::Supports | Stroke::Mitigates => 2,
                Stroke::Risk => 3,
                Stroke::Blocks => 4,
            };
            (z, s, pts.as_slice())
        })
        .collect();
    drawn.sort_by_key(|(z, _, _)| *z);
    for (_, s, pts) in drawn {
        if pts.len() < 2 {
            continue;
        }
        let _ = writeln!(out, r#"<path d="{}" {}/>"#, path(pts), stroke_attrs(s));
    }
}

/// A smooth path through the points: horizontal tangents at every point.
fn path(pts: &[Point]) -> String {
    let mut d = String::new();
    if let Some(&(x, y)) = pts.first() {
        let _ = write!(d, "M{x:.1},{y:.1}");
    }
    for w in pts.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        if (y1 - y0).abs() < 0.05 {
            let _ = write!(d, " L{x1:.1},{y1:.1}");
        } else {
            let mx = (x0 + x1) / 2.0;
            let _ = write!(d, " C{mx:.1},{y0:.1} {mx:.1},{y1:.1} {x1:.1},{y1:.1}");
        }
    }
    d
}

/// A node's text and size.
struct NodeBox {
    look: Look,
    tag: String,
    lines: Vec<String>,
    tooltip: String,
    size: Size,
}

impl NodeBox {
    fn new(scene: &Scene, ix: NodeIndex) -> NodeBox {
        let look = scene.look(ix);
        let tag = scene.tag(ix);
        let lines = wrap_lines(&scene.label(ix), scene.wrap);
        let text_w = lines
            .iter()
            .map(|l| text_width(l, LABEL_SIZE))
            .chain(std::iter::once(text_width(&tag, TAG_SIZE)))
            .fold(0.0, f64::max);
        let extra = match look {
            Look::Flow => 16.0,
            Look::Barrier(_) => 12.0,
            Look::Actor => 10.0,
            _ => 0.0,
        };
        let size = Size {
            w: (text_w + 2.0 * PAD_X + extra).ceil(),
            h: (2.0 * PAD_Y + TAG_LINE + LABEL_LINE * lines.len() as f64).ceil(),
        };
        NodeBox {
            look,
            tooltip: tooltip(scene, ix),
            tag,
            lines,
            size,
        }
    }

    fn draw(&self, out: &mut String, r: &Rect) {
        let (fill, stroke) = colours(self.look);
        let _ = writeln!(out, "<g>");
        let _ = writeln!(out, "<title>{}</title>", xml::text(&self.tooltip));
        shape(out, self.look, r, fill, stroke);
        let cx = r.x + r.w / 2.0;
        let content = 2.0 * PAD_Y + TAG_LINE + LABEL_LINE * self.lines.len() as f64;
        let mut y = r.y + (r.h - content).max(0.0) / 2.0 + PAD_Y + TAG_SIZE;
        let _ = writeln!(
            out,
            r#"<text x="{cx:.1}" y="{y:.1}" font-size="{TAG_SIZE}" text-anchor="middle" fill="{}">{}</text>"#,
            tag_colour(self.look),
            xml::text(&self.tag)
        );
        y += TAG_LINE - TAG_SIZE + LABEL_SIZE + 1.0;
        for line in &self.lines {
            let _ = writeln!(
                out,
                r##"<text x="{cx:.1}" y="{y:.1}" font-size="{LABEL_SIZE}" text-anchor="middle" fill="#1a1a1a">{}</text>"##,
                xml::text(line)
            );
            y += LABEL_LINE;
        }
        let _ = writeln!(out, "</g>");
    }
}

fn tag_colour(look: Look) -> &'static str {
    match look {
        Look::Service(Status::Ok) => "#1f5fae",
        Look::Source => "#666666",
        other => colours(other).1,
    }
}

fn tooltip(scene: &Scene, ix: NodeIndex) -> String {
    let g = scene.g;
    let eval = g.eval();
    let mut t = format!("{} ({})", g.key(ix), scene.tag(ix));
    if let crate::graph::Node::Finding(f) = g.node(ix) {
        if let Some(finding) = eval.findings.get(f) {
            let _ = write!(t, "\n{}", eval.message(finding, scene.lang));
        }
    }
    if let crate::graph::Node::Source(s) = g.node(ix) {
        if let Some(src) = g.sources().get(s) {
            let _ = write!(t, "\n{}\n{}", src.act, src.url);
        }
    }
    t
}

/// A generous estimate of the width of a line of text in the drawing's font: wide enough for
/// DejaVu Sans, the widest of the fonts asked for.
pub(super) fn text_width(s: &str, size: f64) -> f64 {
    s.chars().map(|c| char_em(c) * size).sum()
}

fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.30,
        ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '«' | '»' => 0.42,
        'm' | 'w' | 'M' | 'W' | 'æ' | 'Æ' | '@' | '%' => 0.95,
        c if c.is_uppercase() => 0.74,
        c if c.is_ascii_digit() => 0.64,
        _ => 0.62,
    }
}
