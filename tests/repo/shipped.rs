//! What ships: every model in `models/` is checked against the shipped rule packs and its
//! findings are pinned as the JSON report, so a change to a rule that changes a finding shows up
//! in review; and `rules/RULES.md` is the current output of `rammelab rules list --format md`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;

fn rammelab() -> Command {
    let mut cmd = Command::cargo_bin("rammelab").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn every_shipped_model_has_its_findings_pinned() {
    insta::glob!("../../models", "*.lsm", |path| {
        let rel = format!("models/{}", path.file_name().unwrap().to_string_lossy());
        let out = rammelab()
            .args([
                "check",
                "--format",
                "json",
                "--at",
                "2026-11-28",
                "--fail-on",
                "never",
                &rel,
            ])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json = String::from_utf8(out.stdout).unwrap();
        insta::assert_snapshot!(json);
    });
}

#[test]
fn the_table_of_rules_is_current() {
    let out = rammelab()
        .args(["rules", "list", "--format", "md", "--lang", "en"])
        .output()
        .unwrap();
    let generated = String::from_utf8(out.stdout).unwrap();
    let path = "rules/RULES.md";
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap();
    assert!(
        committed == generated,
        "{path} is out of date with the rule packs: run `UPDATE_DOCS=1 cargo test --test repo shipped`"
    );
}

#[test]
fn the_report_gets_a_what_if_section_from_the_lab() {
    let out = rammelab()
        .args(["report", "--at", "2026-11-28", "--lang", "en", "--what-if"])
        .arg("models/paa-doerterskelen.lsm")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    let section = md.split("## What if").nth(1).expect("a what-if section");
    assert!(
        section.contains("Unblocks all 2 blocked services: kommunen-behandlingsansvarlig"),
        "{section}"
    );
    // Without the flag, and without variants or overlays named, there is no such section.
    let plain = rammelab()
        .args([
            "report",
            "--at",
            "2026-11-28",
            "--lang",
            "en",
            "models/paa-doerterskelen.lsm",
        ])
        .output()
        .unwrap();
    assert!(!String::from_utf8(plain.stdout)
        .unwrap()
        .contains("## What if"));
}
