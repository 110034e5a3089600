//! Rendering diagnostics: colour on a terminal, plain text when piped or with `NO_COLOR`.

use std::io::IsTerminal;

use miette::{GraphicalReportHandler, GraphicalTheme};

/// Colour only for a terminal, and never when `NO_COLOR` is set.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

fn handler(color: bool, width: usize) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme).with_width(width)
}

/// Renders one diagnostic (with its related diagnostics) as text.
pub fn render_diagnostic(diag: &dyn miette::Diagnostic, color: bool, width: usize) -> String {
    let mut out = String::new();
    if handler(color, width).render_report(&mut out, diag).is_err() {
        out = diag.to_string();
    }
    out
}

/// Renders a miette report, as [`render_diagnostic`].
pub fn render_report(report: &miette::Report, color: bool) -> String {
    render_diagnostic(report.as_ref(), color, 100)
}
