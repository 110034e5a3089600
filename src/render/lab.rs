//! `lab` as text for a terminal, as Markdown, as HTML (a section the HTML report can embed, or
//! a page of its own) and as JSON.

use std::fmt::Write as _;

use super::escape::markdown::cell as md_cell;
use super::table::{list_or_dash, pad, rpad, severity_word, status_word};
use crate::rules::overlay::Status as OverlayStatus;
use crate::text;
use crate::vocab::Lang;
use crate::whatif::lab::{BarrierFix, Lab, OverlayView, Row, RowKind};

/// The version of the JSON output's shape.
pub const JSON_VERSION: &str = "2";

fn kind_word(k: RowKind, lang: Lang) -> String {
    match k {
        RowKind::Baseline => text!(lang, "lab-baseline"),
        RowKind::Variant => text!(lang, "lab-variant"),
        RowKind::Overlay => text!(lang, "lab-overlay"),
        RowKind::Combination => text!(lang, "lab-combination"),
    }
}

fn overlay_status(s: OverlayStatus, lang: Lang) -> String {
    match s {
        OverlayStatus::Proposed => text!(lang, "lab-proposed"),
        OverlayStatus::Passed => text!(lang, "lab-passed-not-in-force"),
        OverlayStatus::Granted => text!(lang, "lab-granted"),
    }
}

/// One line about when an overlay's changes hold, relative to the lab's date.
fn overlay_when(o: &OverlayView, lab: &Lab, lang: Lang) -> String {
    let idle = lab.row(&o.id).is_some_and(Row::no_change);
    match (o.in_force, o.from) {
        (true, Some(d)) if idle => text!(lang, "lab-holds-from-idle", date = d.to_string()),
        (true, Some(d)) => text!(lang, "lab-holds-from", date = d.to_string()),
        (false, Some(d)) if d > lab.at => text!(
            lang,
            "lab-no-effect-yet",
            at = lab.at.to_string(),
            date = d.to_string()
        ),
        (false, Some(_)) => text!(lang, "lab-no-effect-over", at = lab.at.to_string()),
        (_, None) => text!(lang, "lab-changes-nothing").to_string(),
    }
}

fn first_sentence(text: &str) -> &str {
    let para = text.split("\n\n").next().unwrap_or(text);
    match para.find(". ") {
        Some(i) => &para[..=i],
        None => para,
    }
}

fn removed_by(fix: &BarrierFix, lang: Lang) -> String {
    let mark = |id: &String| -> String {
        match fix.trade_offs.iter().find(|(r, _)| r == id) {
            Some((_, added)) => text!(lang, "lab-but-brings", id = id, added = added.join(", ")),
            None => id.clone(),
        }
    };
    let list = |ids: &[String]| ids.iter().map(mark).collect::<Vec<_>>().join(", ");
    if !fix.removed_by.is_empty() {
        list(&fix.removed_by)
    } else if !fix.removed_by_combination.is_empty() {
        let combinations = list(&fix.removed_by_combination);
        text!(lang, "lab-no-single-change", list = combinations)
    } else {
        text!(lang, "lab-no-change-in-this-set-removes").to_string()
    }
}

struct Columns {
    heads: [String; 8],
}

impl Columns {
    fn new(lang: Lang) -> Columns {
        Columns {
            heads: [
                text!(lang, "lab-change"),
                text!(lang, "lab-kind"),
                text!(lang, "lab-blocked"),
                text!(lang, "lab-at-risk"),
                "ok".to_string(),
                text!(lang, "lab-barriers"),
                text!(lang, "lab-blocking"),
                text!(lang, "lab-unblocks"),
            ],
        }
    }

    fn cells(r: &Row, lang: Lang) -> [String; 8] {
        [
            r.id.clone(),
            kind_word(r.kind, lang).to_string(),
            r.counts.blocked.to_string(),
            r.counts.at_risk.to_string(),
            r.counts.ok.to_string(),
            r.counts.barriers.to_string(),
            r.counts.blocking.to_string(),
            if r.kind == RowKind::Baseline {
                String::new()
            } else if r.no_change() {
                text!(lang, "lab-no-change").to_string()
            } else {
                list_or_dash(&r.unblocked)
            },
        ]
    }
}

fn unblocks_all_line(lab: &Lab, lang: Lang) -> Option<String> {
    let base = lab.baseline()?;
    if base.counts.blocked == 0 {
        return None;
    }
    Some(if lab.unblocks_all.is_empty() {
        text!(lang, "lab-no-change-in-this-set-unblocks").to_string()
    } else {
        let singles: Vec<&String> = lab
            .unblocks_all
            .iter()
            .filter(|id| {
                lab.row(id)
                    .is_some_and(|r| matches!(r.kind, RowKind::Variant | RowKind::Overlay))
            })
            .collect();
        let all = lab.unblocks_all.join(", ");
        let mut line = text!(
            lang,
            "lab-unblocks-all",
            count = base.counts.blocked,
            list = all
        );
        if singles.is_empty() {
            line.push_str(&text!(lang, "lab-only-in-combination"));
        }
        line
    })
}

/// A note on the combinations left out of the table, with their ids when `list`.
fn folded_line(lab: &Lab, lang: Lang, list: bool) -> Option<String> {
    if lab.folded.is_empty() {
        return None;
    }
    let mut line = text!(lang, "lab-folded", count = lab.folded.len());
    if list {
        line.push_str(": ");
        line.push_str(&lab.folded.join(", "));
    }
    line.push('.');
    Some(line)
}

/// The lab table as plain cells, for a report that lays out its own tables (the HTML and
/// Markdown barrier report's "what-if" section): the column heads, one row of cells per row of
/// the lab, and a note saying which change unblocks every blocked service and how many
/// combinations were left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct LabTable {
    pub note: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The HTML table (`lab_table.html`, the same in the report and in `lab --format html`):
    /// the first seven column heads, then one column per service with its status.
    pub heads: Vec<String>,
    pub services: Vec<ServiceHead>,
    pub body: Vec<BodyRow>,
}

/// A service column of the HTML table.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ServiceHead {
    pub id: String,
    pub name: String,
}

/// A row of the HTML table: the first seven cells, then each service's status (`None` when
/// the row's model does not have the service).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct BodyRow {
    pub baseline: bool,
    pub cells: Vec<String>,
    pub statuses: Vec<Option<StatusCell>>,
}

/// A service's status in a row: the CSS class suffix and the word.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct StatusCell {
    pub class: &'static str,
    pub word: String,
}

/// The lab as a [`LabTable`].
pub fn table(lab: &Lab, lang: Lang) -> LabTable {
    let note = [unblocks_all_line(lab, lang), folded_line(lab, lang, false)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    LabTable {
        note,
        columns: Columns::new(lang)
            .heads
            .iter()
            .map(|h| h.to_string())
            .collect(),
        rows: lab
            .rows
            .iter()
            .map(|r| Columns::cells(r, lang).to_vec())
            .collect(),
        heads: Columns::new(lang).heads[..7].to_vec(),
        services: lab
            .services
            .iter()
            .map(|s| ServiceHead {
                id: s.id.clone(),
                name: s.name.clone(),
            })
            .collect(),
        body: lab
            .rows
            .iter()
            .map(|r| BodyRow {
                baseline: r.kind == RowKind::Baseline,
                cells: Columns::cells(r, lang)[..7].to_vec(),
                statuses: lab
                    .services
                    .iter()
                    .map(|s| {
                        r.services
                            .iter()
                            .find(|x| x.id == s.id)
                            .map(|x| StatusCell {
                                class: x.status.as_str(),
                                word: status_word(x.status, lang).to_string(),
                            })
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The lab for a terminal.
pub fn human(lab: &Lab, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} «{}» ({}) {} {}",
        text!(lang, "lab-what-if-lab"),
        lab.model,
        lab.file,
        text!(lang, "lab-at"),
        lab.at
    );
    let services: Vec<String> = lab
        .services
        .iter()
        .map(|s| format!("{} «{}»", s.id, s.name))
        .collect();
    let _ = writeln!(
        out,
        "{}: {}",
        text!(lang, "lab-services"),
        list_or_dash(&services)
    );
    let _ = writeln!(
        out,
        "{}\n",
        text!(
            lang,
            "lab-counts",
            variants = lab.variants.len(),
            overlays = lab.overlays.len(),
            rows = lab.rows.len()
        )
    );
    let cols = Columns::new(lang);
    let cells: Vec<[String; 8]> = lab.rows.iter().map(|r| Columns::cells(r, lang)).collect();
    let mut widths = cols.heads.each_ref().map(|h| h.chars().count());
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: [&str; 8]| -> String {
        let mut s = String::from(" ");
        for (i, c) in cells.iter().enumerate() {
            s.push(' ');
            if (2..7).contains(&i) {
                s.push_str(&rpad(c, widths[i]));
            } else if i == 7 {
                s.push_str(c);
            } else {
                s.push_str(&pad(c, widths[i]));
            }
            if i < 7 {
                s.push(' ');
            }
        }
        s.trim_end().to_string()
    };
    let _ = writeln!(
        out,
        "{}",
        line(std::array::from_fn(|i| cols.heads[i].as_str()))
    );
    for row in &cells {
        let refs: [&str; 8] = std::array::from_fn(|i| row[i].as_str());
        let _ = writeln!(out, "{}", line(refs));
    }
    if let Some(l) = folded_line(lab, lang, false) {
        let _ = writeln!(out, "{l}");
    }
    if let Some(l) = unblocks_all_line(lab, lang) {
        let _ = writeln!(out, "\n{l}");
    }
    let _ = writeln!(
        out,
        "\n{}",
        text!(lang, "lab-each-barrier-of-the-baseline-and")
    );
    if lab.barriers.is_empty() {
        let _ = writeln!(out, "  {}", text!(lang, "lab-no-barriers"));
    }
    for fix in &lab.barriers {
        let f = &fix.finding;
        let _ = writeln!(
            out,
            "  {} {} {} {} ({} {})",
            severity_word(f.severity, lang),
            f.rule,
            text!(lang, "lab-on"),
            f.subject,
            f.source.short,
            f.source.section
        );
        if !fix.services.is_empty() {
            let _ = writeln!(
                out,
                "      {}: {}",
                text!(lang, "lab-hits"),
                fix.services.join(", ")
            );
        }
        let _ = writeln!(
            out,
            "      {}: {}",
            text!(lang, "lab-removed-by"),
            removed_by(fix, lang)
        );
    }
    if !lab.variants.is_empty() {
        let _ = writeln!(out, "\n{}", text!(lang, "lab-variants-heading"));
        for v in &lab.variants {
            let about = v.about.as_deref().map(first_sentence).unwrap_or("");
            let _ = writeln!(out, "  {} ({}): {}", v.id, v.file, about);
        }
    }
    if !lab.overlays.is_empty() {
        let _ = writeln!(out, "\n{}", text!(lang, "lab-overlays-heading"));
        for o in &lab.overlays {
            let _ = writeln!(
                out,
                "  {} ({}; {} {}): {}; {}",
                o.id,
                overlay_status(o.status, lang),
                o.source.short,
                o.source.section,
                o.title.get(lang),
                overlay_when(o, lab, lang)
            );
        }
    }
    out
}

/// The lab as Markdown.
pub fn markdown(lab: &Lab, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} «{}» {} {}\n",
        text!(lang, "lab-what-if-lab"),
        md_cell(&lab.model),
        text!(lang, "lab-at"),
        lab.at
    );
    let _ = writeln!(
        out,
        "{}: `{}`. {}: {}.\n",
        text!(lang, "lab-model"),
        lab.file,
        text!(lang, "lab-services"),
        list_or_dash(
            &lab.services
                .iter()
                .map(|s| format!("`{}` {}", s.id, md_cell(&s.name)))
                .collect::<Vec<_>>()
        )
    );
    let cols = Columns::new(lang);
    let _ = writeln!(
        out,
        "| {} |\n|---|---|---:|---:|---:|---:|---:|---|",
        cols.heads.join(" | ")
    );
    for r in &lab.rows {
        let mut c = Columns::cells(r, lang);
        c[0] = if r.kind == RowKind::Baseline {
            format!("**{}**", md_cell(&c[0]))
        } else {
            format!("`{}`", c[0])
        };
        let _ = writeln!(out, "| {} |", c.join(" | "));
    }
    if let Some(l) = folded_line(lab, lang, true) {
        let _ = writeln!(out, "\n{}", md_cell(&l));
    }
    if let Some(l) = unblocks_all_line(lab, lang) {
        let _ = writeln!(out, "\n**{l}**");
    }
    let _ = writeln!(
        out,
        "\n## {}\n",
        text!(lang, "lab-barriers-and-the-single-change-that")
    );
    if lab.barriers.is_empty() {
        let _ = writeln!(out, "{}\n", text!(lang, "lab-no-barriers-sentence"));
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
            text!(lang, "lab-barrier"),
            text!(lang, "lab-subject"),
            text!(lang, "lab-source"),
            text!(lang, "lab-hits-md"),
            text!(lang, "lab-removed-by-md")
        );
        for fix in &lab.barriers {
            let f = &fix.finding;
            let _ = writeln!(
                out,
                "| {} (`{}`, {}) | `{}` | [{} {}]({}) | {} | {} |",
                md_cell(&f.title),
                f.rule,
                severity_word(f.severity, lang),
                f.subject,
                md_cell(&f.source.short),
                md_cell(&f.source.section),
                f.source.url,
                list_or_dash(&fix.services),
                md_cell(&removed_by(fix, lang))
            );
        }
        out.push('\n');
    }
    if !lab.variants.is_empty() {
        let _ = writeln!(out, "## {}\n", text!(lang, "lab-variants-heading"));
        for v in &lab.variants {
            let about = v.about.as_deref().unwrap_or("").replace("\n\n", " ");
            let _ = writeln!(out, "- **`{}`** (`{}`): {}", v.id, v.file, about);
        }
        out.push('\n');
    }
    if !lab.overlays.is_empty() {
        let _ = writeln!(out, "## {}\n", text!(lang, "lab-overlays-heading"));
        for o in &lab.overlays {
            let _ = writeln!(
                out,
                "- **`{}`** ({}): {}. {}: [{} {}]({}). {}.",
                o.id,
                overlay_status(o.status, lang),
                md_cell(o.title.get(lang)),
                text!(lang, "lab-source"),
                md_cell(&o.source.short),
                md_cell(&o.source.section),
                o.source.url,
                overlay_when(o, lab, lang)
            );
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// What `lab.html` reads: the page's words and the lab's lists, every word in the page's
/// language; the table itself is the [`LabTable`] the report's what-if section shows too.
#[derive(Debug, Clone, serde::Serialize)]
struct LabPage {
    lang: &'static str,
    title: String,
    heading: String,
    table: LabTable,
    folded: Option<String>,
    unblocks_all: Option<String>,
    barriers_heading: String,
    barriers: Vec<BarrierLine>,
    variants_heading: String,
    variants: Vec<(String, String)>,
    overlays_heading: String,
    overlays: Vec<OverlayLine>,
}

#[derive(Debug, Clone, serde::Serialize)]
struct BarrierLine {
    title: String,
    rule: String,
    on: String,
    subject: String,
    /// Only an `http(s)` URL is linked, as in the report.
    url: Option<String>,
    source: String,
    removed_by_label: String,
    removed_by: String,
}

#[derive(Debug, Clone, serde::Serialize)]
struct OverlayLine {
    id: String,
    status: String,
    title: String,
    url: Option<String>,
    source: String,
    when: String,
}

/// A URL a page may link to: `http(s)` with no space or control character; anything else is
/// shown as text only.
fn linkable(url: &str) -> Option<String> {
    let url = url.trim();
    ((url.starts_with("https://") || url.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control()))
    .then(|| url.to_string())
}

fn page(lab: &Lab, lang: Lang) -> LabPage {
    let heading = format!(
        "{} «{}» {} {}",
        text!(lang, "lab-what-if-lab"),
        lab.model,
        text!(lang, "lab-at"),
        lab.at
    );
    LabPage {
        lang: lang.code(),
        title: format!("{} {}", text!(lang, "lab-what-if-lab"), lab.model),
        heading,
        table: table(lab, lang),
        folded: folded_line(lab, lang, true),
        unblocks_all: unblocks_all_line(lab, lang),
        barriers_heading: text!(lang, "lab-barriers-and-the-single-change-that"),
        barriers: lab
            .barriers
            .iter()
            .map(|fix| {
                let f = &fix.finding;
                BarrierLine {
                    title: f.title.clone(),
                    rule: f.rule.clone(),
                    on: text!(lang, "lab-on"),
                    subject: f.subject.clone(),
                    url: linkable(&f.source.url),
                    source: format!("{} {}", f.source.short, f.source.section),
                    removed_by_label: text!(lang, "lab-removed-by"),
                    removed_by: removed_by(fix, lang),
                }
            })
            .collect(),
        variants_heading: text!(lang, "lab-variants-heading"),
        variants: lab
            .variants
            .iter()
            .map(|v| (v.id.clone(), v.about.clone().unwrap_or_default()))
            .collect(),
        overlays_heading: text!(lang, "lab-overlays-heading"),
        overlays: lab
            .overlays
            .iter()
            .map(|o| OverlayLine {
                id: o.id.clone(),
                status: overlay_status(o.status, lang),
                title: o.title.get(lang).to_string(),
                url: linkable(&o.source.url),
                source: format!("{} {}", o.source.short, o.source.section),
                when: overlay_when(o, lab, lang),
            })
            .collect(),
    }
}

/// The lab as a page of its own, on the report's templates: the same head (Content-Security-
/// Policy, no scripts, no fetches), the same style sheet and autoescape, and the same table
/// template as the report's what-if section.
pub fn html_page(lab: &Lab, lang: Lang) -> Result<String, super::report::RenderError> {
    super::report::render_page("lab.html", &page(lab, lang))
}

/// The lab as JSON.
pub fn json(lab: &Lab) -> String {
    let value = serde_json::json!({
        "version": JSON_VERSION,
        "lab": lab,
    });
    serde_json::to_string_pretty(&value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
