//! The report as one self-contained HTML page: inline CSS and SVG, no scripts, no fonts, no
//! images from anywhere. Its Content-Security-Policy (`default-src 'none'`) forbids every fetch
//! and every script, so the page cannot call out even if a text slipped through unescaped.

use super::{render_page, LabReport, RenderError};

/// Renders the report as HTML.
pub fn render(report: &LabReport) -> Result<String, RenderError> {
    render_page("report.html", report)
}
