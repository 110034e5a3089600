//! `diff` as text for a terminal, as Markdown and as JSON.

use std::fmt::Write as _;

use super::escape::markdown::cell as md_cell;
use super::table::{severity_word, status_word};
use crate::text;
use crate::view::{FindingReport, Status};
use crate::vocab::Lang;
use crate::whatif::diff::{Changed, Diff, Gone, ServiceChange, Side, Verdict};

/// The version of the JSON output's shape.
pub const JSON_VERSION: &str = "2";

fn verdict_word(v: Verdict, lang: Lang) -> String {
    match v {
        Verdict::Better => text!(lang, "diff-better"),
        Verdict::Same => text!(lang, "diff-the-same"),
        Verdict::Mixed => text!(lang, "diff-mixed-but-no-worse"),
        Verdict::Worse => text!(lang, "diff-worse-blocks-more"),
    }
}

fn kind_word(f: &FindingReport, lang: Lang) -> String {
    if f.is_barrier() {
        severity_word(f.severity, lang).to_string()
    } else {
        text!(lang, "diff-opportunity")
    }
}

fn on(lang: Lang) -> String {
    text!(lang, "diff-on")
}

fn why(g: &Gone, f: &FindingReport, lang: Lang) -> String {
    match g {
        Gone::Resolved => text!(lang, "diff-the-condition-no-longer-holds").to_string(),
        Gone::Exempted { overlay } => text!(lang, "diff-exempted", overlay = overlay),
        Gone::NotInForce { overlay: Some(o) } => text!(lang, "diff-repealed", overlay = o),
        Gone::NotInForce { overlay: None } => {
            text!(lang, "diff-the-rule-is-not-in-force").to_string()
        }
        Gone::SubjectRemoved => text!(lang, "diff-subject-removed", subject = &f.subject),
    }
}

fn what(c: &Changed, lang: Lang) -> String {
    c.what
        .iter()
        .map(|w| match *w {
            "mitigated" => text!(
                lang,
                "diff-now-mitigated-by",
                list = c.after.mitigating_rules().join(", ")
            ),
            "no_longer_mitigated" => text!(lang, "diff-no-longer-mitigated").to_string(),
            "mitigation" => text!(
                lang,
                "diff-mitigated-by",
                list = c.after.mitigating_rules().join(", ")
            ),
            _ => text!(lang, "diff-the-message-changed").to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn status_change(c: &ServiceChange, lang: Lang) -> String {
    let s = |x: Option<Status>| {
        x.map_or(text!(lang, "diff-absent"), |x| {
            status_word(x, lang).to_string()
        })
    };
    format!("{} → {}", s(c.before), s(c.after))
}

fn side_line(s: &Side, lang: Lang) -> String {
    let mut line = format!("{} «{}»", s.file, s.model);
    if !s.overlays.is_empty() {
        let _ = write!(
            line,
            " + {} {}",
            text!(lang, "diff-overlays"),
            s.overlays.join(", ")
        );
    }
    line
}

fn finding_line(sign: char, f: &FindingReport, lang: Lang) -> String {
    format!(
        "  {sign} {} {} {} {} ({} {})\n      {}",
        kind_word(f, lang),
        f.rule,
        on(lang),
        f.subject,
        f.source.short,
        f.source.section,
        f.title
    )
}

/// The diff for a terminal.
pub fn human(d: &Diff, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "rammelab diff {} {}", text!(lang, "diff-at"), d.at);
    let _ = writeln!(
        out,
        "  {}  {}",
        text!(lang, "diff-base"),
        side_line(&d.base, lang)
    );
    let _ = writeln!(
        out,
        "  {}  {}",
        text!(lang, "diff-other"),
        side_line(&d.other, lang)
    );
    let _ = writeln!(out, "\n{}", text!(lang, "diff-services"));
    if d.services.is_empty() {
        let _ = writeln!(out, "  {}", text!(lang, "diff-no-service-changes-status"));
    }
    for c in &d.services {
        let _ = writeln!(out, "  {} «{}»: {}", c.id, c.name, status_change(c, lang));
    }
    let _ = writeln!(
        out,
        "\n{} ({})",
        text!(lang, "diff-gone"),
        d.disappeared.len()
    );
    for x in &d.disappeared {
        let _ = writeln!(out, "{}", finding_line('-', &x.finding, lang));
        let _ = writeln!(out, "      {}", why(&x.gone, &x.finding, lang));
    }
    let _ = writeln!(out, "\n{} ({})", text!(lang, "diff-new"), d.appeared.len());
    for f in &d.appeared {
        let _ = writeln!(out, "{}", finding_line('+', f, lang));
    }
    let _ = writeln!(
        out,
        "\n{} ({})",
        text!(lang, "diff-changed"),
        d.changed.len()
    );
    for c in &d.changed {
        let _ = writeln!(out, "{}", finding_line('~', &c.after, lang));
        let _ = writeln!(out, "      {}", what(c, lang));
    }
    let (b, o) = (&d.base.counts, &d.other.counts);
    let _ = writeln!(
        out,
        "\n{}: {} → {} ({}: {} → {}); {}: {} → {}",
        text!(lang, "diff-barriers"),
        b.barriers,
        o.barriers,
        text!(lang, "diff-blocking"),
        b.blocking,
        o.blocking,
        text!(lang, "diff-services-blocked"),
        b.blocked,
        o.blocked
    );
    let _ = writeln!(
        out,
        "{}: {}",
        text!(lang, "diff-verdict"),
        verdict_word(d.verdict, lang)
    );
    out
}

fn md_finding(f: &FindingReport, lang: Lang) -> String {
    format!(
        "| {} | `{}` | `{}` | [{} {}]({}) | {} |",
        kind_word(f, lang),
        f.rule,
        f.subject,
        md_cell(&f.source.short),
        md_cell(&f.source.section),
        f.source.url,
        md_cell(&f.title)
    )
}

/// The diff as Markdown.
pub fn markdown(d: &Diff, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} {} {}\n",
        text!(lang, "diff-what-changes"),
        text!(lang, "diff-at"),
        d.at
    );
    let _ = writeln!(
        out,
        "- **{}** {}\n- **{}** {}\n- **{}:** {}\n",
        text!(lang, "diff-base-md"),
        md_cell(&side_line(&d.base, lang)),
        text!(lang, "diff-other-md"),
        md_cell(&side_line(&d.other, lang)),
        text!(lang, "diff-verdict"),
        verdict_word(d.verdict, lang)
    );
    let _ = writeln!(out, "## {}\n", text!(lang, "diff-services"));
    if d.services.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            text!(lang, "diff-no-service-changes-status-md")
        );
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            text!(lang, "diff-service"),
            text!(lang, "diff-before"),
            text!(lang, "diff-after")
        );
        let s = |x: Option<Status>| x.map_or("–", |x| status_word(x, lang));
        for c in &d.services {
            let _ = writeln!(
                out,
                "| `{}` {} | {} | {} |",
                c.id,
                md_cell(&c.name),
                s(c.before),
                s(c.after)
            );
        }
        out.push('\n');
    }
    let head = format!(
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        text!(lang, "diff-kind"),
        text!(lang, "diff-rule"),
        text!(lang, "diff-subject"),
        text!(lang, "diff-source"),
        text!(lang, "diff-title")
    );
    let sections: [(String, Vec<(&FindingReport, String)>); 3] = [
        (
            text!(lang, "diff-gone"),
            d.disappeared
                .iter()
                .map(|x| (&x.finding, why(&x.gone, &x.finding, lang)))
                .collect(),
        ),
        (
            text!(lang, "diff-new"),
            d.appeared.iter().map(|f| (f, String::new())).collect(),
        ),
        (
            text!(lang, "diff-changed"),
            d.changed
                .iter()
                .map(|c| (&c.after, what(c, lang)))
                .collect(),
        ),
    ];
    for (title, items) in sections {
        let _ = writeln!(out, "## {title} ({})\n", items.len());
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{head}");
        for (f, _) in &items {
            let _ = writeln!(out, "{}", md_finding(f, lang));
        }
        out.push('\n');
        let notes: Vec<_> = items.iter().filter(|(_, n)| !n.is_empty()).collect();
        for (f, note) in &notes {
            let _ = writeln!(out, "- `{}` {} `{}`: {}", f.rule, on(lang), f.subject, note);
        }
        if !notes.is_empty() {
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The diff as JSON.
pub fn json(d: &Diff) -> String {
    let value = serde_json::json!({
        "version": JSON_VERSION,
        "diff": d,
    });
    serde_json::to_string_pretty(&value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
