//! rammelab holds a community model (`*.lsm`) up against Norwegian framework conditions (rule
//! packs in `rules/*.yaml`) and reports barriers and opportunities as a dependency graph.
//!
//! The data flows one way, one module a stage:
//!
//! ```text
//! text -> syntax (tree with spans) -> model (resolved against the vocabulary)
//! rules/*.yaml -> rules (typed, type-checked conditions)
//! model x rules x date -> engine (findings) -> graph (analyses) -> report / cli (outputs)
//! ```

pub mod cli;
pub mod config;
pub mod engine;
pub mod fix;
pub mod fsutil;
pub mod graph;
pub mod limits;
pub mod messages;
pub mod model;
pub mod report;
pub mod rules;
pub mod studio;
pub mod syntax;
pub mod vocab;
pub mod whatif;
