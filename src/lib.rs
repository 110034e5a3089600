//! rammelab holds a community model (`*.lsm`) up against Norwegian framework conditions (rule
//! packs in `rules/*.yaml`) and reports barriers and opportunities as a dependency graph.
//!
//! The library's API is the facade below ([`Workspace`], [`Workspace::check_source`],
//! [`build_view`], [`build_graph`], [`render`], …): load the rule packs, load or parse a model
//! from a path or from a text held in memory, evaluate it at a date, build the view and the
//! graph, render. The data flows one way, one module a stage:
//!
//! ```text
//! base (source files, spans, diagnostics, YAML guard, limits, atomic writes)
//! text -> syntax (tree with spans) -> model (resolved against the vocabulary)
//! rules/*.yaml -> rules (typed, type-checked conditions)
//! model x rules x date -> engine (findings) -> graph (analyses) -> view (owned findings)
//!     -> render (outputs) / whatif -> cli
//! ```
//!
//! The stage modules are not API: every one is `pub(crate)`, and what the facade exports is
//! the whole of it. The workspace's own tools use the facade like any other program: the
//! benchmark generator (`crates/rammelab-gen`) writes model and rule text and depends on
//! nothing here; the benchmarks (`crates/rammelab-bench`), the examples and the test binaries
//! under `tests/` go through the facade or the binary. The tests that pin one stage's
//! behaviour are unit tests beside it (`src/<stage>/tests/`), and those across stages are in
//! `src/tests/`. The binary (`src/main.rs`) is [`run_cli`]. See `docs/architecture.md`.
#![warn(missing_docs)]

mod api;
pub use api::*;

pub(crate) mod base;
pub(crate) mod cli;
pub(crate) mod config;
pub(crate) mod engine;
pub(crate) mod fix;
pub(crate) mod graph;
pub(crate) mod lsp;
pub(crate) mod model;
pub(crate) mod render;
pub(crate) mod rules;
pub(crate) mod studio;
pub(crate) mod syntax;
pub(crate) mod view;
pub(crate) mod vocab;
pub(crate) mod whatif;

#[cfg(test)]
mod tests;
