//! One escaper per target language. Every text that comes from a model, a rule pack or an
//! overlay goes through one of these before it reaches an output, and nothing else escapes:
//!
//! - [`xml`]: HTML and XML (SVG, JUnit, the what-if tables' HTML), text and attribute values;
//! - [`markdown`]: Markdown inline text, table cells, code spans, link targets;
//! - [`dot`]: Graphviz DOT strings;
//! - [`mermaid`]: Mermaid labels and the front matter's title;
//! - [`github`]: GitHub workflow commands (`::error file=...::message`).
//!
//! The HTML of the report is escaped by minijinja's autoescape; its `rich` filter is
//! [`xml::rich`], so a template and Rust code escape HTML alike.

pub mod dot;
pub mod github;
pub mod markdown;
pub mod mermaid;
pub mod xml;
