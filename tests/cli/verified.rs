//! `verified: false` on a rule or a pack: every output that shows the rule says it has not been
//! checked against the text of the law, in bokmål and English, and a reviewed rule shows no mark.
//! The packs in `tests/rules/verified` hold one rule of each kind: unverified by its pack,
//! verified by itself in an unverified pack, verified by default, unverified by itself.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;

const RULES: [&str; 3] = ["--no-builtin-rules", "--rules", "tests/rules/verified"];
const MODEL: &str = "tests/rules/verified/model.lsm";

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("rammelab")
        .unwrap()
        .env("NO_COLOR", "1")
        .env_remove("RAMMELAB_LANG")
        .args(args)
        .args(RULES)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn check_marks_the_unverified_findings_in_both_languages() {
    for lang in ["nb", "en"] {
        let out = run(&["check", MODEL, "--at", "2026-11-28", "--lang", lang]);
        insta::assert_snapshot!(format!("check_{lang}"), out);
    }
}

#[test]
fn check_json_says_verified_false_only_where_it_is_false() {
    let out = run(&["check", MODEL, "--at", "2026-11-28", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut seen: Vec<(String, Option<bool>)> = report["models"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["source"]["verified"].as_bool(),
            )
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        vec![
            ("checked-transport".to_string(), None),
            ("draft-meals".to_string(), Some(false)),
            ("reviewed-data".to_string(), None),
            ("unchecked-post".to_string(), Some(false)),
        ]
    );
}

#[test]
fn explain_and_rules_show_mark_an_unverified_rule_and_only_it() {
    for (lang, id) in [
        ("nb", "draft-meals"),
        ("en", "unchecked-post"),
        ("en", "checked-transport"),
    ] {
        let explain = run(&["explain", id, "--lang", lang]);
        let show = run(&["rules", "show", id, "--lang", lang]);
        assert_eq!(explain, show);
        insta::assert_snapshot!(format!("explain_{lang}_{id}"), explain);
    }
}

#[test]
fn rules_list_marks_unverified_rules_in_the_table_markdown_and_json() {
    for lang in ["nb", "en"] {
        insta::assert_snapshot!(
            format!("list_table_{lang}"),
            run(&["rules", "list", "--lang", lang])
        );
        insta::assert_snapshot!(
            format!("list_md_{lang}"),
            run(&["rules", "list", "--format", "md", "--lang", lang])
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&run(&["rules", "list", "--format", "json"])).unwrap();
    let unverified: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["verified"] == serde_json::Value::Bool(false))
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(unverified, ["draft-meals", "unchecked-post"]);
}

#[test]
fn the_lab_report_marks_unverified_sources_in_markdown_and_html() {
    for lang in ["nb", "en"] {
        let md = run(&["report", MODEL, "--at", "2026-11-28", "--lang", lang]);
        // The lines that name a source: the findings and the table of rules.
        let sources: Vec<&str> = md
            .lines()
            .filter(|l| l.starts_with("- ") || l.starts_with("| "))
            .filter(|l| {
                ["matloven", "postloven", "GDPR", "yrkestransportlova"]
                    .iter()
                    .any(|act| l.contains(act))
            })
            .collect();
        insta::assert_snapshot!(format!("report_md_{lang}"), sources.join("\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.html");
    let path = file.to_str().unwrap();
    run(&[
        "report",
        MODEL,
        "--at",
        "2026-11-28",
        "--lang",
        "en",
        "-o",
        path,
    ]);
    let html = std::fs::read_to_string(&file).unwrap();
    let mark = "<strong class=\"unverified\" title=\"the rule has not been checked against the text of the law\">not verified</strong>";
    assert_eq!(html.matches(mark).count(), 2, "{html}");
    assert!(html.contains("matloven § 4 (not verified)"), "{html}");
    assert!(html.contains("postloven § 30 (not verified)"), "{html}");
    assert!(!html.contains("GDPR art. 28 (not verified)"), "{html}");
}
