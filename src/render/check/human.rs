//! `--format human`: the report for a person at a terminal, in bokmål or English.
//!
//! Per model: its barriers, then its opportunities, each with `file:line:col`, severity, rule,
//! title, message, source and mitigations (and, with `--explain`, the steps of the condition);
//! then how its services stand: for a blocked or at-risk service, each barrier that reaches it
//! (rule id and title) and the path it reaches the service by (the first path, and every path
//! with `--explain`). A short summary closes the report. With `quiet`, only the findings that
//! fail the check are shown, and nothing at all when none does.
//!
//! [`render_concise`] is `--format concise`: one line a finding, `file:line:col: severity:
//! title [rule]`, as compilers and linters print them, for editors and `grep`.
//!
//! With `color`, severities and service states are coloured (ANSI SGR codes): errors and
//! blocked services red, warnings and services at risk yellow, opportunities and services that
//! are ok green.

use std::fmt::Write as _;

use super::text::{self, wrap};
use crate::rules::Severity;
use crate::view::{
    BlockingPath, CheckReport, FailOn, FindingReport, ModelReport, ServiceReport, Status,
};
use crate::vocab::Lang;

/// How the human report is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Text is wrapped to this many characters.
    pub width: usize,
    /// Show only findings that fail the check (`--quiet`).
    pub quiet: bool,
    pub fail_on: FailOn,
    /// Colour severities and service states.
    pub color: bool,
    /// Show every blocking path of a service, not only the first (`--explain`).
    pub all_paths: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            width: 100,
            quiet: false,
            fail_on: FailOn::Barrier,
            color: false,
            all_paths: false,
        }
    }
}

/// What a piece of text is, for its colour.
#[derive(Debug, Clone, Copy)]
enum Tone {
    Error,
    Warning,
    Good,
    Info,
}

/// `text` in the colour of `tone` when `on`, else as it is.
fn paint(text: &str, tone: Tone, on: bool) -> String {
    if !on {
        return text.to_string();
    }
    let code = match tone {
        Tone::Error => "1;31",
        Tone::Warning => "1;33",
        Tone::Good => "32",
        Tone::Info => "34",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

fn finding_tone(f: &FindingReport) -> Tone {
    match (f.is_barrier(), f.severity) {
        (false, _) => Tone::Good,
        (true, Severity::Error) => Tone::Error,
        (true, Severity::Warning) => Tone::Warning,
        (true, Severity::Info) => Tone::Info,
    }
}

fn status_tone(status: Status) -> Tone {
    match status {
        Status::Ok => Tone::Good,
        Status::AtRisk => Tone::Warning,
        Status::Blocked => Tone::Error,
    }
}

/// The words of the report, read once from the catalogue.
struct Words {
    barriers: String,
    opportunities: String,
    services: String,
    source: String,
    remedy: String,
    mitigated_by: String,
    refused: String,
    mitigates: String,
    why: String,
    no_findings: String,
    not_verified: String,
    on_itself: String,
    path: String,
    through: String,
    same_barrier: String,
    more_paths: String,
}

fn words(lang: Lang) -> Words {
    let t = |key: &str| crate::text!(lang, key);
    Words {
        barriers: t("check-heading-barriers"),
        opportunities: t("check-heading-opportunities"),
        services: t("check-heading-services"),
        source: t("check-source"),
        remedy: t("check-remedy"),
        mitigated_by: t("check-mitigated-by"),
        refused: t("check-cannot-be-mitigated-by"),
        mitigates: t("check-mitigates"),
        why: t("check-why"),
        no_findings: t("check-no-findings"),
        not_verified: t("check-not-verified"),
        on_itself: t("check-on-itself"),
        path: t("check-path"),
        through: t("check-through"),
        same_barrier: t("check-same-barrier"),
        more_paths: t("check-more-paths"),
    }
}

/// The human report.
pub fn render(report: &CheckReport, layout: Layout) -> String {
    let lang = report.lang;
    let w = words(lang);
    let mut out = String::new();
    for m in &report.models {
        let shown: Vec<&FindingReport> = m
            .findings
            .iter()
            .filter(|f| !layout.quiet || layout.fail_on.fails(f))
            .collect();
        if layout.quiet && shown.is_empty() {
            continue;
        }
        model(&mut out, report, m, &shown, &w, layout);
    }
    let failing = report.findings().any(|(_, f)| layout.fail_on.fails(f));
    if !layout.quiet || failing {
        out.push_str(&summary(report));
    }
    out
}

fn model(
    out: &mut String,
    report: &CheckReport,
    m: &ModelReport,
    shown: &[&FindingReport],
    w: &Words,
    layout: Layout,
) {
    let lang = report.lang;
    let _ = writeln!(out, "{}  «{}»", m.file, m.name);
    if shown.is_empty() {
        let _ = writeln!(out, "  {}\n", w.no_findings);
    }
    let barriers: Vec<&&FindingReport> = shown.iter().filter(|f| f.is_barrier()).collect();
    let opportunities: Vec<&&FindingReport> = shown.iter().filter(|f| !f.is_barrier()).collect();
    for (heading, list) in [(&w.barriers, barriers), (&w.opportunities, opportunities)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {heading} ({})", list.len());
        for f in list {
            finding(out, f, w, lang, layout);
        }
    }
    if !layout.quiet && !m.services.is_empty() {
        let _ = writeln!(out, "  {}", w.services);
        let id_width = m
            .services
            .iter()
            .map(|s| s.id.chars().count())
            .max()
            .unwrap_or(0);
        for s in &m.services {
            service(out, report, s, id_width, w, layout);
        }
        out.push('\n');
    }
}

/// A service's status line, then each barrier that reaches it with its title, and the path
/// of the first (of each, with `all_paths`).
fn service(
    out: &mut String,
    report: &CheckReport,
    s: &ServiceReport,
    id_width: usize,
    w: &Words,
    layout: Layout,
) {
    let lang = report.lang;
    let _ = writeln!(
        out,
        "    {:<id_width$}  {}",
        s.id,
        service_line(s.status, s.paths.len(), lang, layout.color)
    );
    let indent = "      ";
    let mark = match s.status {
        Status::AtRisk => "!",
        _ => "✗",
    };
    let mark = paint(mark, status_tone(s.status), layout.color);
    for (i, p) in s.paths.iter().enumerate() {
        let title = report.rule(&p.rule).map(|r| r.title.as_str()).unwrap_or("");
        let _ = writeln!(out, "{indent}{mark} {}  «{title}»", p.rule);
        if i == 0 || layout.all_paths {
            let _ = writeln!(out, "{indent}  {}", path_text(p, s, w));
        }
    }
    if s.paths.len() > 1 && !layout.all_paths {
        let _ = writeln!(out, "{indent}  ({})", w.more_paths);
    }
}

/// `vei: beredskap → mottakerliste`, `gjennom doerbesok, som den avhenger av og som har samme
/// barriere` (the reader goes on at `doerbesok`, so a chain is told in one line per service),
/// or that the barrier sits on the service itself.
fn path_text(p: &BlockingPath, s: &ServiceReport, w: &Words) -> String {
    if let Some(dep) = &p.through {
        format!("{} {dep}, {}", w.through, w.same_barrier)
    } else if p.via.len() <= 1 && p.via.first().is_none_or(|v| *v == s.id) {
        format!("({})", w.on_itself)
    } else {
        format!("{}: {}", w.path, p.via.join(" → "))
    }
}

fn severity_word(f: &FindingReport, lang: Lang) -> String {
    let key = match (f.is_barrier(), f.severity) {
        (false, _) => "check-severity-opportunity",
        (true, Severity::Error) => "check-severity-error",
        (true, Severity::Warning) => "check-severity-warning",
        (true, Severity::Info) => "check-severity-info",
    };
    crate::text!(lang, key)
}

fn finding(out: &mut String, f: &FindingReport, w: &Words, lang: Lang, layout: Layout) {
    let mark = if f.is_barrier() { "✗" } else { "✓" };
    let tone = finding_tone(f);
    let _ = writeln!(
        out,
        "    {} {}  {}  {}",
        paint(mark, tone, layout.color),
        f.location,
        paint(&severity_word(f, lang), tone, layout.color),
        f.rule
    );
    let text_width = layout.width.saturating_sub(6).max(20);
    out.push_str(&wrap(&f.title, text_width, "      "));
    out.push_str(&wrap(&f.message, text_width, "      "));
    let _ = writeln!(
        out,
        "      {}: {} {}  {}",
        w.source, f.source.short, f.source.section, f.source.url
    );
    if !f.source.verified {
        let _ = writeln!(out, "      ⚠ {}", w.not_verified);
    }
    if f.is_barrier() {
        out.push_str(&wrap(
            &format!("{}: {}", w.remedy, f.remedy),
            text_width,
            "      ",
        ));
    }
    for (word, refs) in [
        (&w.mitigated_by, &f.mitigations),
        (&w.mitigates, &f.mitigates),
        (&w.refused, &f.refused),
    ] {
        for r in refs {
            let _ = writeln!(
                out,
                "      {word}: {} ({}, {})",
                r.rule, r.subject, r.location
            );
        }
    }
    if let Some(steps) = &f.explain {
        let _ = writeln!(out, "      {}:", w.why);
        for s in steps {
            let mark = if s.held { "✓" } else { "✗" };
            let values = if s.values.is_empty() {
                String::new()
            } else {
                format!("   [{}]", s.values.join(", "))
            };
            let _ = writeln!(out, "        {mark} {}{values}", s.text);
        }
    }
    out.push('\n');
}

/// `blokkert av 2 barrierer`, `i risiko på grunn av 1 barriere`, `ok`.
fn service_line(status: Status, barriers: usize, lang: Lang, color: bool) -> String {
    let (word, why) = match status {
        Status::Ok => ("check-status-ok", "check-status-blocked-by"),
        Status::AtRisk => ("check-status-at-risk", "check-status-at-risk-from"),
        Status::Blocked => ("check-status-blocked", "check-status-blocked-by"),
    };
    let mut s = paint(&crate::text!(lang, word), status_tone(status), color);
    if barriers > 0 {
        let _ = write!(s, " {}", crate::text!(lang, why, count = barriers));
    }
    s
}

/// The closing summary line(s).
pub fn summary(report: &CheckReport) -> String {
    let s = &report.summary;
    let lang = report.lang;
    let mut out = crate::text!(
        lang,
        "check-summary-line",
        models = s.models,
        at = &report.at,
        barriers = s.barriers,
        errors = s.errors,
        warnings = s.warnings,
        unmitigated = s.unmitigated,
        opportunities = s.opportunities,
        blocked = s.blocked_services,
    );
    out.push('\n');
    if s.invalid_models > 0 {
        let line = crate::text!(
            lang,
            "check-summary-invalid-models",
            count = s.invalid_models
        );
        let _ = writeln!(out, "{line}");
    }
    out
}

/// `--format concise`: one line a finding, `file:line:col: severity: title [rule]`, in the
/// order of the report, then the summary. With `quiet`, only the findings that fail the check,
/// and nothing when none does.
pub fn render_concise(report: &CheckReport, layout: Layout) -> String {
    let mut out = String::new();
    let mut failing = false;
    for (_, f) in report.findings() {
        let fails = layout.fail_on.fails(f);
        failing |= fails;
        if layout.quiet && !fails {
            continue;
        }
        let _ = writeln!(
            out,
            "{}: {}: {} [{}]",
            f.location,
            paint(
                &severity_word(f, report.lang),
                finding_tone(f),
                layout.color
            ),
            text::one_line(&f.title),
            f.rule
        );
    }
    if !layout.quiet || failing {
        out.push_str(&summary(report));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One barrier is one in both languages (the catalogue's plurals, not a hand-made «s»).
    #[test]
    fn a_service_line_counts_one_barrier_in_the_singular() {
        let line = |status, n, lang| service_line(status, n, lang, false);
        assert_eq!(line(Status::Blocked, 1, Lang::En), "blocked by 1 barrier");
        assert_eq!(line(Status::Blocked, 2, Lang::En), "blocked by 2 barriers");
        assert_eq!(line(Status::Blocked, 1, Lang::Nb), "blokkert av 1 barriere");
        assert_eq!(
            line(Status::AtRisk, 3, Lang::Nb),
            "i risiko på grunn av 3 barrierer"
        );
        assert_eq!(line(Status::Ok, 0, Lang::En), "ok");
    }

    #[test]
    fn the_closing_line_uses_the_singular_for_one() {
        let one = |lang| {
            crate::text!(
                lang,
                "check-summary-line",
                models = 1,
                at = "2026-11-28",
                barriers = 1,
                errors = 1,
                warnings = 1,
                unmitigated = 1,
                opportunities = 1,
                blocked = 1,
            )
        };
        assert_eq!(
            one(Lang::En),
            "Checked 1 model at 2026-11-28: 1 barrier (1 error, 1 warning, 1 unmitigated), \
             1 opportunity, 1 blocked service."
        );
        assert_eq!(
            one(Lang::Nb),
            "Sjekket 1 modell per 2026-11-28: 1 barriere (1 feil, 1 advarsel, 1 uten avbøtende \
             mulighet), 1 mulighet, 1 blokkert tjeneste."
        );
    }
}
