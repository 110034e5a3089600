//! Reports: what rammelab writes for people and machines.
//!
//! - [`lab`]: the barrier report for a lab session (Markdown, HTML).

pub mod lab;
