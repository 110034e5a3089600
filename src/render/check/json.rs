//! `--format json`: the report as it is, pretty-printed (the contract in
//! `docs/check-report.schema.json`).

use crate::view::CheckReport;

/// Writes the report as JSON, ending in a newline, straight to `out`: a report of a large
/// model is hundreds of megabytes, which a string would hold in memory a second time.
pub fn write(report: &CheckReport, out: &mut impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}
