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
//! The stage modules are not API. The command line (`cli`) and the message tables are
//! private; the others are `pub` only because the workspace's own tools need them and a Rust
//! test, bench or member crate can see nothing less than `pub`: the benchmark generator and
//! the benchmarks (`crates/rammelab-gen`, `crates/rammelab-bench`, which build models and rule
//! sets item by item), and the tests that pin a stage's behaviour. They are hidden from the
//! documentation and may change in any release. The binary (`src/main.rs`) is
//! [`run_cli`]. See `docs/architecture.md`.
#![warn(missing_docs)]

mod api;
pub use api::*;

#[doc(hidden)]
pub mod base;
pub(crate) mod cli;
#[doc(hidden)]
pub mod config;
#[doc(hidden)]
pub mod engine;
#[doc(hidden)]
pub mod fix;
#[doc(hidden)]
pub mod graph;
#[doc(hidden)]
pub mod lsp;
#[doc(hidden)]
pub mod model;
#[doc(hidden)]
pub mod render;
#[doc(hidden)]
pub mod rules;
#[doc(hidden)]
pub mod studio;
#[doc(hidden)]
pub mod syntax;
#[doc(hidden)]
pub mod view;
#[doc(hidden)]
pub mod vocab;
#[doc(hidden)]
pub mod whatif;

#[cfg(test)]
mod tests;
