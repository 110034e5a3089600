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
    BlockingPath, CheckReport, FailOn, FindingReport, ModelReport, ServiceReport,
    ServiceState as Status,
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

/// Words in both languages.
struct Words {
    barriers: &'static str,
    opportunities: &'static str,
    services: &'static str,
    source: &'static str,
    remedy: &'static str,
    mitigated_by: &'static str,
    refused: &'static str,
    mitigates: &'static str,
    why: &'static str,
    no_findings: &'static str,
    not_verified: &'static str,
    on_itself: &'static str,
    path: &'static str,
    through: &'static str,
    same_barrier: &'static str,
    more_paths: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Nb => Words {
            barriers: "Barrierer",
            opportunities: "Muligheter",
            services: "Tjenester",
            source: "Kilde",
            remedy: "Tiltak",
            mitigated_by: "Avbøtes av",
            refused: "Kan ikke avbøtes av",
            mitigates: "Avbøter",
            why: "Hvorfor",
            no_findings: "ingen funn",
            not_verified: "IKKE VERIFISERT: regelen er ikke kontrollert mot lovteksten",
            on_itself: "på tjenesten selv",
            path: "vei",
            through: "gjennom",
            same_barrier: "som den avhenger av og som har samme barriere",
            more_paths: "--explain viser veien for hver",
        },
        Lang::En => Words {
            barriers: "Barriers",
            opportunities: "Opportunities",
            services: "Services",
            source: "Source",
            remedy: "Remedy",
            mitigated_by: "Mitigated by",
            refused: "Cannot be mitigated by",
            mitigates: "Mitigates",
            why: "Why",
            no_findings: "no findings",
            not_verified: "NOT VERIFIED: the rule has not been checked against the text of the law",
            on_itself: "on the service itself",
            path: "path",
            through: "through",
            same_barrier: "which it depends on and which has the same barrier",
            more_paths: "--explain shows the path of each",
        },
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
    for (heading, list) in [(w.barriers, barriers), (w.opportunities, opportunities)] {
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

fn severity_word(f: &FindingReport, lang: Lang) -> &'static str {
    match (f.is_barrier(), f.severity, lang) {
        (false, _, Lang::Nb) => "mulighet",
        (false, _, Lang::En) => "opportunity",
        (true, Severity::Error, Lang::Nb) => "feil",
        (true, Severity::Error, Lang::En) => "error",
        (true, Severity::Warning, Lang::Nb) => "advarsel",
        (true, Severity::Warning, Lang::En) => "warning",
        (true, Severity::Info, Lang::Nb) => "info",
        (true, Severity::Info, Lang::En) => "info",
    }
}

fn finding(out: &mut String, f: &FindingReport, w: &Words, lang: Lang, layout: Layout) {
    let mark = if f.is_barrier() { "✗" } else { "✓" };
    let tone = finding_tone(f);
    let _ = writeln!(
        out,
        "    {} {}  {}  {}",
        paint(mark, tone, layout.color),
        f.location,
        paint(severity_word(f, lang), tone, layout.color),
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
        (w.mitigated_by, &f.mitigations),
        (w.mitigates, &f.mitigates),
        (w.refused, &f.refused),
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
    let word = match (status, lang) {
        (Status::Ok, _) => "ok",
        (Status::AtRisk, Lang::Nb) => "i risiko",
        (Status::AtRisk, Lang::En) => "at risk",
        (Status::Blocked, Lang::Nb) => "blokkert",
        (Status::Blocked, Lang::En) => "blocked",
    };
    let mut s = paint(word, status_tone(status), color);
    if barriers > 0 {
        let why = match (status, lang) {
            (Status::AtRisk, Lang::Nb) => "på grunn av",
            (Status::AtRisk, Lang::En) => "from",
            (_, Lang::Nb) => "av",
            (_, Lang::En) => "by",
        };
        let count = match lang {
            Lang::Nb => plural(barriers, "barriere", "barrierer"),
            Lang::En => plural(barriers, "barrier", "barriers"),
        };
        let _ = write!(s, " {why} {count}");
    }
    s
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The closing summary line(s).
pub fn summary(report: &CheckReport) -> String {
    let s = &report.summary;
    let mut out = match report.lang {
        Lang::Nb => format!(
            "Sjekket {} per {}: {} ({} feil, {}, {} uten avbøtende mulighet), {}, {}.\n",
            plural(s.models, "modell", "modeller"),
            report.at,
            plural(s.barriers, "barriere", "barrierer"),
            s.errors,
            plural(s.warnings, "advarsel", "advarsler"),
            s.unmitigated,
            plural(s.opportunities, "mulighet", "muligheter"),
            plural(
                s.blocked_services,
                "blokkert tjeneste",
                "blokkerte tjenester"
            ),
        ),
        Lang::En => format!(
            "Checked {} at {}: {} ({}, {}, {} unmitigated), {}, {}.\n",
            plural(s.models, "model", "models"),
            report.at,
            plural(s.barriers, "barrier", "barriers"),
            plural(s.errors, "error", "errors"),
            plural(s.warnings, "warning", "warnings"),
            s.unmitigated,
            plural(s.opportunities, "opportunity", "opportunities"),
            plural(s.blocked_services, "blocked service", "blocked services"),
        ),
    };
    if s.invalid_models > 0 {
        let _ = writeln!(
            out,
            "{}",
            match report.lang {
                Lang::Nb => format!(
                    "{} kunne ikke leses (se feilmeldingene over).",
                    plural(s.invalid_models, "modell", "modeller")
                ),
                Lang::En => format!(
                    "{} could not be read (see the diagnostics above).",
                    plural(s.invalid_models, "model", "models")
                ),
            }
        );
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
            paint(severity_word(f, report.lang), finding_tone(f), layout.color),
            text::one_line(&f.title),
            f.rule
        );
    }
    if !layout.quiet || failing {
        out.push_str(&summary(report));
    }
    out
}
