//! The legend of the SVG drawing: one swatch per kind of node and per kind of line.

use std::fmt::Write as _;

use super::labels::{colours, kind_label, Look, Stroke};
use super::layout::Rect;
use super::shapes::shape;
use super::svg::{stroke_attrs, text_width};
use crate::graph::{Effect, Status};
use crate::render::escape::xml;
use crate::text;
use crate::vocab::Lang;

/// The legend: one swatch per kind of node and per kind of line, in rows that fit the width.
pub(super) struct Legend {
    items: Vec<(LegendMark, String)>,
    max_width: f64,
    pub width: f64,
    pub height: f64,
}

#[derive(Clone, Copy)]
enum LegendMark {
    Node(Look),
    Line(Stroke),
}

const SWATCH: f64 = 26.0;
const LEGEND_ROW: f64 = 22.0;

impl Legend {
    pub(super) fn new(lang: Lang, max_width: f64) -> Legend {
        use crate::graph::NodeKind as K;
        let t = |key: &str| text!(lang, key);
        let k = |kind| kind_label(kind, lang);
        let service = |key: &str| text!(lang, key, kind = k(K::Service));
        let items = vec![
            (LegendMark::Node(Look::Actor), k(K::Actor)),
            (
                LegendMark::Node(Look::Service(Status::Ok)),
                service("graph-legend-service-ok"),
            ),
            (
                LegendMark::Node(Look::Service(Status::AtRisk)),
                service("graph-legend-service-at-risk"),
            ),
            (
                LegendMark::Node(Look::Service(Status::Blocked)),
                service("graph-legend-service-blocked"),
            ),
            (LegendMark::Node(Look::Flow), k(K::Flow)),
            (LegendMark::Node(Look::Agreement), k(K::Agreement)),
            (
                LegendMark::Node(Look::Barrier(Effect::Blocks)),
                t("graph-legend-blocking-barrier"),
            ),
            (
                LegendMark::Node(Look::Barrier(Effect::Risk)),
                t("graph-legend-mitigated-barrier"),
            ),
            (LegendMark::Node(Look::Opportunity), k(K::Opportunity)),
            (LegendMark::Node(Look::Source), k(K::Source)),
            (LegendMark::Line(Stroke::Blocks), t("graph-legend-blocks")),
            (LegendMark::Line(Stroke::Risk), t("graph-legend-threatens")),
            (
                LegendMark::Line(Stroke::Mitigates),
                t("graph-legend-mitigates"),
            ),
            (
                LegendMark::Line(Stroke::Grounds),
                t("graph-legend-legal-basis"),
            ),
        ];
        let mut legend = Legend {
            items,
            max_width,
            width: 0.0,
            height: 0.0,
        };
        let (w, h) = legend.place(|_, _, _| {});
        legend.width = w;
        legend.height = h;
        legend
    }

    /// Places the items in rows; calls `at` with each item and its top-left corner. Returns the
    /// width and height used.
    fn place(&self, mut at: impl FnMut(&(LegendMark, String), f64, f64)) -> (f64, f64) {
        let (mut x, mut y, mut widest) = (0.0, 0.0, 0.0_f64);
        for item in &self.items {
            let w = SWATCH + 6.0 + text_width(&item.1, 10.5) + 18.0;
            if x > 0.0 && x + w > self.max_width {
                x = 0.0;
                y += LEGEND_ROW;
            }
            at(item, x, y);
            x += w;
            widest = widest.max(x);
        }
        (widest, y + LEGEND_ROW)
    }

    pub(super) fn draw(&self, out: &mut String, left: f64, top: f64) {
        self.place(|(mark, text), x, y| {
            let (x, y) = (left + x, top + y);
            match *mark {
                LegendMark::Node(look) => {
                    let (fill, stroke) = colours(look);
                    let r = Rect {
                        x,
                        y: y + 2.0,
                        w: SWATCH,
                        h: 14.0,
                    };
                    shape(out, look, &r, fill, stroke);
                }
                LegendMark::Line(s) => {
                    let _ = writeln!(
                        out,
                        r#"<path d="M{x:.1},{:.1} L{:.1},{:.1}" {}/>"#,
                        y + 9.0,
                        x + SWATCH,
                        y + 9.0,
                        stroke_attrs(s)
                    );
                }
            }
            let _ = writeln!(
                out,
                r##"<text x="{:.1}" y="{:.1}" font-size="10.5" fill="#333333">{}</text>"##,
                x + SWATCH + 6.0,
                y + 13.0,
                xml::text(text)
            );
        });
    }
}
