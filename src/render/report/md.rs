//! The report in Markdown: renders on GitHub and GitLab (the graph as a Mermaid block) and reads
//! as plain text when printed.

use super::{environment, render_template, LabReport, RenderError};

const TEMPLATE: &str = include_str!("../templates/report.md");

/// Renders the report as Markdown.
pub fn render(report: &LabReport) -> Result<String, RenderError> {
    let mut env = environment();
    // A `.md` name: no HTML autoescape; the template escapes with `md`, `code` and `url`.
    env.add_template("report.md", TEMPLATE)
        .map_err(|e| RenderError {
            template: "report.md",
            reason: format!("{e:#}"),
        })?;
    let out = render_template(&env, "report.md", report)?;
    Ok(tidy(&out))
}

/// At most one blank line in a row, and one newline at the end.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}
