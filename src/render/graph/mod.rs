//! The drawings of the barrier graph ([`crate::graph`]): DOT for Graphviz, Mermaid for
//! Markdown, SVG drawn here (layered layout, shapes, legend), and the graph as JSON. Every
//! drawing reads the same labels and looks (`labels.rs`), so they agree.

mod dot;
mod json;
mod labels;
mod layout;
mod legend;
mod mermaid;
mod shapes;
mod svg;

#[cfg(test)]
mod tests;

pub use dot::to_dot;
pub use json::to_json;
pub use mermaid::to_mermaid;
pub use svg::{barrier_path_svgs, legend_svg, to_svg};
