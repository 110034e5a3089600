//! `--format json`: the report as it is, pretty-printed (the contract in
//! `docs/check-report.schema.json`).

use super::CheckReport;

/// The report as JSON, ending in a newline.
pub fn render(report: &CheckReport) -> String {
    match serde_json::to_string_pretty(report) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        // Serialising owned strings, numbers and enums cannot fail; keep the output valid JSON.
        Err(e) => format!("{}\n", serde_json::json!({ "error": e.to_string() })),
    }
}

/// Writes the report as JSON, ending in a newline, straight to `out`: a report of a large
/// model is hundreds of megabytes, which [`render`] would hold in memory a second time.
pub fn write(report: &CheckReport, out: &mut impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}
