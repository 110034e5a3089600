//! The barrier report for a lab session: Markdown or one self-contained HTML page, in bokmål or
//! English, for one or several models evaluated at one date.
//!
//! [`LabReport::build`] turns evaluations into an owned view with every word in the report's
//! language (labels come from one table, `labels.rs`); the templates in `templates/` lay it out
//! with minijinja. The Markdown escapes every model and rule text itself ([`super::escape`]); the HTML
//! template is autoescaped, and its Content-Security-Policy forbids every script and every
//! network fetch, so even a slip in escaping could not run a script or call out.

pub mod analysis;
mod data;
pub mod html;
mod labels;
pub mod md;

use minijinja::{Environment, UndefinedBehavior};

use super::escape::{markdown, xml};

pub use data::LabReport;

/// Output format of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    /// Markdown (GitHub/GitLab, Mermaid graph).
    #[default]
    Md,
    /// One self-contained HTML page (inline CSS and SVG).
    Html,
}

/// A template failed to render: a bug in rammelab, never in the user's input.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("the report template `{template}` failed: {reason}")]
#[diagnostic(
    code(rammelab::report::template),
    help("this is a bug in rammelab; please report it with the model that caused it")
)]
pub struct RenderError {
    pub template: &'static str,
    pub reason: String,
}

/// Renders the report in a format.
pub fn render(report: &LabReport, format: ReportFormat) -> Result<String, RenderError> {
    match format {
        ReportFormat::Md => md::render(report),
        ReportFormat::Html => html::render(report),
    }
}

/// The template environment: strict about undefined values (a missing label is an error, not
/// an empty string), trailing newlines kept, block tags on their own lines leave no blank line.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.add_filter("md", |s: &str| markdown::md(s));
    env.add_filter("code", |s: &str| markdown::code(s));
    env.add_filter("url", |s: &str| markdown::url(s));
    env.add_filter("rich", |s: &str| {
        minijinja::Value::from_safe_string(xml::rich(s))
    });
    env
}

fn render_template(
    env: &Environment<'_>,
    name: &'static str,
    report: &impl serde::Serialize,
) -> Result<String, RenderError> {
    let err = |e: minijinja::Error| RenderError {
        template: name,
        reason: format!("{e:#}"),
    };
    env.get_template(name)
        .map_err(err)?
        .render(minijinja::Value::from_serialize(report))
        .map_err(err)
}

/// Every HTML template, by name: one skeleton (`base.html`: head, CSP, style sheet) that every
/// page extends, and one lab table for every page.
const HTML_TEMPLATES: [(&str, &str); 5] = [
    ("base.html", include_str!("../templates/base.html")),
    ("report.html", include_str!("../templates/report.html")),
    ("report.css", include_str!("../templates/report.css")),
    ("lab.html", include_str!("../templates/lab.html")),
    (
        "lab_table.html",
        include_str!("../templates/lab_table.html"),
    ),
];

/// Renders the HTML page `name` (`report.html`, `lab.html`) from `context`. Names ending in
/// `.html` turn minijinja's HTML autoescape on.
pub(crate) fn render_page(
    name: &'static str,
    context: &impl serde::Serialize,
) -> Result<String, RenderError> {
    let mut env = environment();
    for (template, text) in HTML_TEMPLATES {
        env.add_template(template, text).map_err(|e| RenderError {
            template,
            reason: format!("{e:#}"),
        })?;
    }
    render_template(&env, name, context)
}

#[cfg(test)]
mod tests;
