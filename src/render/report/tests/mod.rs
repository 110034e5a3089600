//! The barrier report: every shipped model in both languages pinned (the Markdown, and the text
//! of the HTML page); several models in one report; hostile texts escaped; the what-if section.
//! (The `report` command's formats, output file and exit codes are in `tests/cli/report.rs`.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::engine::evaluate;
use crate::model::{load_file, Model};
use crate::render::report::{render, LabReport, ReportFormat};
use crate::rules::{RuleSet, RuleSources};
use crate::Lang;
use jiff::civil::{date, Date};

const AT: Date = date(2026, 11, 28);

fn builtin() -> RuleSet {
    RuleSet::builtin().unwrap_or_else(|e| panic!("{:?}", e.0.first().map(|x| x.to_string())))
}

/// The path relative to the crate, so that reports name `models/x.lsm` wherever tests run.
fn relative(path: &Path) -> &Path {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
}

fn load(path: &Path, rules: &RuleSet) -> Model {
    load_file(relative(path), &rules.vocab).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn report(models: &[Model], rules: &RuleSet, lang: Lang, format: ReportFormat) -> String {
    let evals: Vec<_> = models.iter().map(|m| evaluate(m, rules, AT)).collect();
    let with: Vec<_> = evals.iter().map(|e| (e, None)).collect();
    render(&LabReport::build(&with, lang), format).unwrap()
}

/// The text a reader sees on the HTML page, one block per line: the stylesheet and the SVG
/// left out (the graph module pins its drawings), tags removed, entities decoded.
fn visible_text(html: &str) -> String {
    let mut s = cut_between(html, "<style>", "</style>", "");
    s = cut_between(&s, "<svg", "</svg>", "[graph]");
    for block in [
        "</p>", "</li>", "</tr>", "</h1>", "</h2>", "</h3>", "</h4>", "</dt>", "</dd>", "<br>",
        "</title>", "</thead>", "</div>",
    ] {
        s = s.replace(block, &format!("{block}\n"));
    }
    s = s.replace("</td>", " | ").replace("</th>", " | ");
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn cut_between(s: &str, open: &str, close: &str, with: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        out.push_str(with);
        match rest[i..].find(close) {
            Some(j) => rest = &rest[i + j + close.len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn every_shipped_model_has_its_report_pinned_in_both_languages() {
    let rules = builtin();
    insta::glob!(env!("CARGO_MANIFEST_DIR"), "models/*.lsm", |path| {
        let model = load(path, &rules);
        for (lang, code) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
            let models = std::slice::from_ref(&model);
            insta::assert_snapshot!(
                format!("md_{code}"),
                report(models, &rules, lang, ReportFormat::Md)
            );
            let html = report(models, &rules, lang, ReportFormat::Html);
            insta::assert_snapshot!(format!("html_text_{code}"), visible_text(&html));
        }
    });
}

#[test]
fn several_models_give_one_report_with_a_section_each_and_a_comparison() {
    let rules = builtin();
    let models: Vec<Model> = [
        "models/paa-doerterskelen.lsm",
        "models/ny-giv-i-distriktene.lsm",
    ]
    .iter()
    .map(|p| load(Path::new(p), &rules))
    .collect();
    let md = report(&models, &rules, Lang::En, ReportFormat::Md);
    assert!(md.starts_with("# Barrier report: 2 models\n"), "{md}");
    assert!(md.contains("\n## Comparison\n"), "{md}");
    assert!(
        md.contains("| På dørterskelen (`paa-doerterskelen.lsm`) | 2 | 2 |"),
        "{md}"
    );
    assert!(md.contains("\n## 1. På dørterskelen\n"), "{md}");
    assert!(md.contains("\n## 2. Ny giv i distriktene\n"), "{md}");
    assert_eq!(md.matches("\n### Summary\n").count(), 2, "{md}");
    assert_eq!(md.matches("```mermaid\n").count(), 2, "{md}");

    let html = report(&models, &rules, Lang::En, ReportFormat::Html);
    assert_eq!(html.matches("<article class=\"model\"").count(), 2);
    assert!(html.contains("<section class=\"comparison\""));
    // Each graph keeps its own marker ids.
    assert_eq!(html.matches(" id=\"arrow-blocks\"").count(), 1);
    assert_eq!(html.matches(" id=\"m2-arrow-blocks\"").count(), 1);
    assert!(!html.contains("url(#arrow-blocks)") || html.contains("url(#m2-arrow-blocks)"));
}

fn hostile() -> (RuleSet, Model) {
    let rules = RuleSources {
        dirs: vec!["tests/report/hostile-rules".into()],
        no_builtin: false,
    }
    .load()
    .unwrap_or_else(|e| panic!("{:?}", e.0.first().map(|x| x.to_string())));
    let model = load(Path::new("tests/report/hostile.lsm"), &rules);
    (rules, model)
}

/// Every tag of the page, as (name, attribute names), with the stylesheet left out. Text is
/// escaped, so every `<` that is left opens a tag the template wrote.
fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    let html = cut_between(html, "<style>", "</style>", "");
    let mut out = Vec::new();
    let mut rest = html.as_str();
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j);
        let inner = &rest[i + 1..end];
        rest = &rest[end.min(rest.len())..];
        if inner.starts_with('/') || inner.starts_with('!') {
            continue;
        }
        let mut parts = inner.split_whitespace();
        let name = parts.next().unwrap_or("").to_lowercase();
        // Attribute values are quoted and hold no spaces that matter here: keep the names.
        let attrs = inner
            .split('"')
            .step_by(2)
            .flat_map(|s| {
                s.split_whitespace()
                    .skip_while(|w| w.to_lowercase() == name)
            })
            .filter_map(|w| w.strip_suffix('=').or(Some(w)))
            .map(|w| w.trim_end_matches('/').to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        out.push((name, attrs));
    }
    out
}

#[test]
fn hostile_texts_in_a_model_and_a_rule_pack_stay_text() {
    let (rules, model) = hostile();
    let html = report(
        std::slice::from_ref(&model),
        &rules,
        Lang::Nb,
        ReportFormat::Html,
    );
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "main", "footer",
        "section", "article", "h1", "h2", "h3", "h4", "p", "dl", "dt", "dd", "ul", "ol", "li",
        "table", "thead", "tbody", "tr", "th", "td", "code", "span", "strong", "a", "br", "div",
        "input", "label", "figure", // the graph:
        "svg", "defs", "marker", "path", "rect", "text", "g", "polygon", "line", "polyline",
        "tspan", "ellipse", "circle",
    ];
    for (name, attrs) in tags(&html) {
        assert!(
            allowed.contains(&name.as_str()) || name == "title",
            "unexpected tag <{name}> in the page"
        );
        for a in attrs {
            assert!(!a.starts_with("on"), "event handler `{a}` on <{name}>");
            assert!(!a.contains("javascript"), "`{a}` on <{name}>");
        }
    }
    assert!(
        !html.to_lowercase().contains("<script"),
        "a script tag got through"
    );
    assert!(
        !html.contains("href=\"javascript"),
        "a javascript: link got through"
    );
    // The texts are there, as text.
    let text = visible_text(&html);
    assert!(
        text.contains("<script>window.__pwned = 1</script> & \"Tom\" 'n' Jerry"),
        "{text}"
    );
    assert!(
        text.contains("<img src=x onerror=\"window.__pwned=2\"> Kommune & co"),
        "{text}"
    );
    assert!(
        text.contains("(javascript:window.__pwned=13)"),
        "the bad link is shown as text"
    );

    let md = report(
        std::slice::from_ref(&model),
        &rules,
        Lang::Nb,
        ReportFormat::Md,
    );
    let outside_graph = cut_between(&md, "````mermaid", "\n````", "");
    // What is left once the escaped `\<` and `\]` are taken out must hold no tag and no link.
    let unescaped = outside_graph.replace("\\<", "").replace("\\]", "");
    for raw in ["<script", "<img", "<iframe", "<svg", "<a ", "](javascript"] {
        assert!(
            !unescaped.contains(raw),
            "`{raw}` unescaped in the Markdown:\n{outside_graph}"
        );
    }
    assert!(outside_graph.contains(r"\<script\>window.\_\_pwned = 1\</script\>"));
    // Nothing in the texts starts a block: one heading per section, no stray list or fence.
    assert!(!md.contains("\n# not a heading"));
    assert!(!md.contains("\n- not a list"));
    assert!(!md.contains("\n```\nnot a fence"));
}

#[test]
fn a_what_if_table_is_a_section_only_when_the_lab_gives_one() {
    use crate::render::lab::BodyRow;
    use crate::render::report::data::WhatIf;
    let rules = builtin();
    let model = load(Path::new("models/paa-doerterskelen.lsm"), &rules);
    let eval = evaluate(&model, &rules, AT);
    let table = WhatIf {
        note: "Variants of the model & overlays".into(),
        columns: vec!["Variant".into(), "Blocked".into()],
        rows: vec![
            vec!["<base>".into(), "2".into()],
            vec!["med-avtale".into(), "0".into()],
        ],
        heads: vec!["Variant".into(), "Blocked".into()],
        services: Vec::new(),
        body: vec![
            BodyRow {
                baseline: true,
                cells: vec!["<base>".into(), "2".into()],
                statuses: Vec::new(),
            },
            BodyRow {
                baseline: false,
                cells: vec!["med-avtale".into(), "0".into()],
                statuses: Vec::new(),
            },
        ],
    };
    let with = LabReport::build(&[(&eval, Some(table))], Lang::En);
    let without = LabReport::build(&[(&eval, None)], Lang::En);

    let md = render(&with, ReportFormat::Md).unwrap();
    assert!(md.contains("\n## What if\n\nVariants of the model & overlays\n\n| Variant | Blocked |\n|---|---|\n| \\<base\\> | 2 |\n| med-avtale | 0 |\n"), "{md}");
    assert!(!render(&without, ReportFormat::Md)
        .unwrap()
        .contains("What if"));

    let html = render(&with, ReportFormat::Html).unwrap();
    assert!(html.contains("<section class=\"whatif\""));
    assert!(
        html.contains("<td><code>&lt;base&gt;</code></td>"),
        "{html}"
    );
    assert!(!render(&without, ReportFormat::Html)
        .unwrap()
        .contains("class=\"whatif\""));
}

#[test]
fn the_main_barriers_of_the_summary_are_b1_b2_b3_and_block_something() {
    let rules = builtin();
    for entry in std::fs::read_dir("models").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "lsm") {
            continue;
        }
        let model = load(&path, &rules);
        let eval = evaluate(&model, &rules, AT);
        let report = LabReport::build(&[(&eval, None)], Lang::Nb);
        let m = &report.models[0];
        let keys: Vec<&str> = m.top.iter().map(|r| r.barrier.key.as_str()).collect();
        assert_eq!(keys, ["B1", "B2", "B3"][..keys.len()], "{}", path.display());
        assert!(m.top.iter().all(|r| r.n > 0), "{}", path.display());
        assert_eq!(
            m.counts.blocked + m.counts.at_risk + m.counts.ok,
            m.counts.services
        );
    }
}

#[test]
fn the_lab_table_for_the_report_has_a_row_per_lab_row() {
    let rules = builtin();
    let base = load(Path::new("models/ny-giv-i-distriktene.lsm"), &rules);
    let variant = crate::whatif::lab::Variant {
        id: "med-databehandleravtale".into(),
        model: load(
            Path::new("models/variants/ny-giv-i-distriktene/med-databehandleravtale.lsm"),
            &rules,
        ),
    };
    let lab = crate::whatif::lab::run(crate::whatif::lab::LabInput {
        base: &base,
        variants: std::slice::from_ref(&variant),
        overlays: &[],
        rules: &rules,
        at: AT,
        lang: Lang::En,
    })
    .unwrap();
    let t = crate::render::lab::table(&lab, Lang::En);
    assert_eq!(t.columns.len(), 8);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[1][0], "med-databehandleravtale");
    assert_eq!(t.rows[1][7], "sørvispunkt");
    assert!(
        t.note
            .starts_with("Unblocks the blocked service: med-databehandleravtale"),
        "{}",
        t.note
    );
}
