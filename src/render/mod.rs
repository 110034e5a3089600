//! The render wing: every output rammelab writes, one file or folder an output. Each renderer
//! reads owned data (the [view](crate::view) of an evaluation, the barrier graph, a what-if
//! diff or lab) and returns text; none of them evaluates anything again, so every output says
//! the same thing.
//!
//! - [`check`]: the formats of `rammelab check` (human, concise, JSON, SARIF, JUnit, GitHub,
//!   GitLab, the step summary);
//! - [`graph`]: the drawings of the barrier graph (DOT, Mermaid, SVG, graph JSON);
//! - [`report`]: the barrier report of `rammelab report` (Markdown, HTML) on minijinja templates;
//! - [`diff`] and [`lab`]: the tables of `rammelab diff` and `rammelab lab`;
//! - [`rules`] and [`vocab`]: the listings of `rammelab rules`/`explain` and `rammelab vocab`;
//! - [`table`]: words and padding the tables share;
//! - [`escape`]: one escaper per target language (HTML/XML, Markdown, DOT, Mermaid, GitHub
//!   workflow commands).

pub mod check;
pub mod diff;
pub mod escape;
pub mod graph;
pub mod lab;
pub mod report;
pub mod rules;
pub mod table;
pub mod vocab;
