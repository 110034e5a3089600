//! The report as one self-contained HTML page: inline CSS and SVG, no scripts, no fonts, no
//! images from anywhere. Its Content-Security-Policy (`default-src 'none'`) forbids every fetch
//! and every script, so the page cannot call out even if a text slipped through unescaped.

use super::{environment, render_template, LabReport, RenderError};

const TEMPLATE: &str = include_str!("templates/report.html");
const CSS: &str = include_str!("templates/report.css");

/// Renders the report as HTML. The template's name ends in `.html`, which turns minijinja's
/// HTML autoescape on.
pub fn render(report: &LabReport) -> Result<String, RenderError> {
    let mut env = environment();
    for (name, text) in [("report.html", TEMPLATE), ("report.css", CSS)] {
        env.add_template(name, text).map_err(|e| RenderError {
            template: name,
            reason: format!("{e:#}"),
        })?;
    }
    render_template(&env, "report.html", report)
}
