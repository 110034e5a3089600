//! `--format human`: the report for a person at a terminal, in bokmål or English.
//!
//! Per model: its barriers, then its opportunities, each with `file:line:col`, severity, rule,
//! title, message, source and mitigations (and, with `--explain`, the steps of the condition);
//! then how its services stand. A short summary closes the report. With `quiet`, only the
//! findings that fail the check are shown, and nothing at all when none does.

use std::fmt::Write as _;

use super::text::wrap;
use super::{CheckReport, FailOn, FindingReport, ModelReport, ServiceState as Status};
use crate::rules::Severity;
use crate::vocab::Lang;

/// How the human report is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Text is wrapped to this many characters.
    pub width: usize,
    /// Show only findings that fail the check (`--quiet`).
    pub quiet: bool,
    pub fail_on: FailOn,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            width: 100,
            quiet: false,
            fail_on: FailOn::Barrier,
        }
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
        model(&mut out, m, &shown, &w, lang, layout);
    }
    let failing = report.findings().any(|(_, f)| layout.fail_on.fails(f));
    if !layout.quiet || failing {
        out.push_str(&summary(report));
    }
    out
}

fn model(
    out: &mut String,
    m: &ModelReport,
    shown: &[&FindingReport],
    w: &Words,
    lang: Lang,
    layout: Layout,
) {
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
            finding(out, f, w, lang, layout.width);
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
            let _ = writeln!(
                out,
                "    {:<id_width$}  {}",
                s.id,
                service_line(s.status, &s.blocked_by, &s.via, lang)
            );
        }
        out.push('\n');
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

fn finding(out: &mut String, f: &FindingReport, w: &Words, lang: Lang, width: usize) {
    let mark = if f.is_barrier() { "✗" } else { "✓" };
    let _ = writeln!(
        out,
        "    {mark} {}  {}  {}",
        f.location,
        severity_word(f, lang),
        f.rule
    );
    let text_width = width.saturating_sub(6).max(20);
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

fn service_line(status: Status, by: &[String], via: &[String], lang: Lang) -> String {
    let word = match (status, lang) {
        (Status::Ok, _) => "ok",
        (Status::AtRisk, Lang::Nb) => "i risiko",
        (Status::AtRisk, Lang::En) => "at risk",
        (Status::Blocked, Lang::Nb) => "blokkert",
        (Status::Blocked, Lang::En) => "blocked",
    };
    let mut s = word.to_string();
    if !by.is_empty() {
        let why = match (status, lang) {
            (Status::AtRisk, Lang::Nb) => "på grunn av",
            (Status::AtRisk, Lang::En) => "from",
            (_, Lang::Nb) => "av",
            (_, Lang::En) => "by",
        };
        let _ = write!(s, " {why} {}", by.join(", "));
    }
    if !via.is_empty() {
        let _ = write!(s, " ({})", via.join(" → "));
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
