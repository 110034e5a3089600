//! The shapes of the SVG drawing: one per kind of node, and where an edge meets each.

use std::fmt::Write as _;

use super::labels::Look;
use super::layout::Rect;
use crate::graph::{Effect, Status};

/// Where a horizontal line at height `y` meets the left (or right) side of a node's shape.
pub(super) fn outline_x(look: Look, r: &Rect, y: f64, right: bool) -> f64 {
    let y = y.clamp(r.y, r.y + r.h);
    let from_top = y - r.y;
    let from_bottom = r.y + r.h - y;
    let round = |radius: f64| {
        let d = radius - from_top.min(from_bottom);
        if d > 0.0 {
            radius - (radius * radius - d * d).max(0.0).sqrt()
        } else {
            0.0
        }
    };
    let inset = match look {
        Look::Flow if right => FLOW_SLANT * from_top / r.h,
        Look::Flow => FLOW_SLANT * from_bottom / r.h,
        Look::Barrier(_) => (BARRIER_CUT - from_top.min(from_bottom)).max(0.0),
        Look::Actor => round(actor_radius(r.h)),
        Look::Opportunity => round(10.0),
        Look::Service(_) => round(6.0),
        Look::Agreement | Look::Source => 0.0,
    };
    if right {
        r.x + r.w - inset
    } else {
        r.x + inset
    }
}

const FLOW_SLANT: f64 = 8.0;

/// Actors are pills: round ends, but a tall actor (one with many edges) stays a rounded box.
fn actor_radius(h: f64) -> f64 {
    (h / 2.0).min(22.0)
}
const BARRIER_CUT: f64 = 9.0;

pub(super) fn shape(out: &mut String, look: Look, r: &Rect, fill: &str, stroke: &str) {
    let (x, y, w, h) = (r.x, r.y, r.w, r.h);
    let common = format!(r#"fill="{fill}" stroke="{stroke}""#);
    let _ = match look {
        Look::Actor => writeln!(
            out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="{:.1}" {common} stroke-width="1.2"/>"#,
            actor_radius(h)
        ),
        Look::Service(status) => writeln!(
            out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="6" {common} stroke-width="{}"/>"#,
            if status == Status::Ok { 2.0 } else { 3.0 }
        ),
        Look::Flow => {
            let k = FLOW_SLANT;
            writeln!(
                out,
                r#"<polygon points="{:.1},{y:.1} {:.1},{y:.1} {:.1},{:.1} {x:.1},{:.1}" {common} stroke-width="1"/>"#,
                x + k,
                x + w,
                x + w - k,
                y + h,
                y + h
            )
        }
        Look::Agreement => writeln!(
            out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" {common} stroke-width="1"/><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="{stroke}" stroke-width="1"/>"#,
            x + 3.0,
            y + 3.0,
            w - 6.0,
            h - 6.0
        ),
        Look::Barrier(e) => {
            let c = BARRIER_CUT;
            let (width, dash) = match e {
                Effect::Blocks => (2.0, ""),
                _ => (1.4, r#" stroke-dasharray="5 3""#),
            };
            writeln!(
                out,
                r#"<polygon points="{:.1},{y:.1} {:.1},{y:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {x:.1},{:.1} {x:.1},{:.1}" {common} stroke-width="{width}"{dash}/>"#,
                x + c,
                x + w - c,
                x + w,
                y + c,
                x + w,
                y + h - c,
                x + w - c,
                y + h,
                x + c,
                y + h,
                y + h - c,
                y + c
            )
        }
        Look::Opportunity => writeln!(
            out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="10" {common} stroke-width="1.6"/>"#
        ),
        Look::Source => {
            let f = 8.0;
            writeln!(
                out,
                r#"<polygon points="{x:.1},{y:.1} {:.1},{y:.1} {:.1},{:.1} {:.1},{:.1} {x:.1},{:.1}" {common} stroke-width="1"/>"#,
                x + w - f,
                x + w,
                y + f,
                x + w,
                y + h,
                y + h
            )
        }
    };
}
