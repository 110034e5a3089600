//! `check` with rule files that do not load, in the machine formats: the document on standard
//! output is a valid report (JSON) or log (SARIF) with every error of the rules located. (The
//! diagnostics themselves are snapshotted by the unit tests in `src/rules/tests/diagnostics.rs`.)
#![allow(clippy::expect_used)]

use std::path::Path;

/// `check` with broken rules, in a machine format: the document on standard output.
fn check_with_broken_rules(rules: &str, format: &str) -> (serde_json::Value, Option<i32>) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rammelab"))
        .args([
            "check",
            "models/paa-doerterskelen.lsm",
            "--at",
            "2026-06-01",
        ])
        .args(["--rules", rules, "--format", format])
        .output()
        .expect("rammelab runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let doc = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{format} for {rules} is not JSON ({e}): {text:.500}"));
    (doc, out.status.code())
}

fn validator(path: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .expect("schema readable");
    // The erratum of the SARIF 2.1.0 schema mended as in tests/check_formats.rs.
    let text = text.replace(
        "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
        "^[a-zA-Z]{2}$|^[a-zA-Z]{2}-[a-zA-Z]{2}$",
    );
    jsonschema::validator_for(&serde_json::from_str(&text).expect("schema is JSON"))
        .expect("schema compiles")
}

fn assert_valid(schema: &jsonschema::Validator, doc: &serde_json::Value, what: &str) {
    let errors: Vec<String> = schema
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

const BROKEN: [&str; 4] = [
    "tests/rules/err/vocabulary-unknown-set",
    "tests/rules/err/vocabulary-yaml",
    "tests/rules/err",
    "tests/rules/no-such-folder",
];

#[test]
fn json_when_rules_fail_is_a_valid_report_with_the_errors_located() {
    let schema = validator("docs/check-report.schema.json");
    for rules in BROKEN {
        let (doc, code) = check_with_broken_rules(rules, "json");
        assert_eq!(code, Some(2), "{rules}");
        assert_valid(&schema, &doc, rules);
        let errors = doc["rule_errors"].as_array().cloned().unwrap_or_default();
        assert!(!errors.is_empty(), "{rules}: no rule_errors in {doc}");
        assert_eq!(doc["models"], serde_json::json!([]));
        if rules != "tests/rules/no-such-folder" {
            for e in &errors {
                assert!(e["location"]["line"].as_u64().is_some_and(|l| l > 0), "{e}");
            }
        }
    }
    // A report of a run whose rules loaded has no such field.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rammelab"))
        .args([
            "check",
            "models/paa-doerterskelen.lsm",
            "--at",
            "2026-06-01",
        ])
        .args(["--format", "json"])
        .output()
        .expect("rammelab runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(doc.get("rule_errors").is_none());
}

#[test]
fn sarif_when_rules_fail_is_a_valid_log_with_the_errors_located() {
    let schema = validator("tests/schemas/sarif-2.1.0-rtm.5.json");
    for rules in BROKEN {
        let (doc, code) = check_with_broken_rules(rules, "sarif");
        assert_eq!(code, Some(2), "{rules}");
        assert_valid(&schema, &doc, rules);
        let invocation = &doc["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false, "{rules}");
        let notes = invocation["toolExecutionNotifications"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(!notes.is_empty(), "{rules}");
        if rules != "tests/rules/no-such-folder" {
            for n in &notes {
                let region = &n["locations"][0]["physicalLocation"]["region"];
                assert!(region["startLine"].as_u64().is_some_and(|l| l > 0), "{n}");
            }
        }
    }
}
