//! `rammelab diff` and `rammelab lab` on the shipped models, variants and proposals, pinned at
//! 2026-11-28 (and at 2027-07-01 where a proposal only then holds): the whole output and the
//! exit code of each call.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;

/// Runs the binary in the package folder; the snapshot is the exit code, then standard output,
/// then standard error.
fn run(args: &[&str]) -> String {
    crate::common::run_in(std::path::Path::new("."), args)
}

const PAA: &str = "models/paa-doerterskelen.lsm";
const PAA_VARIANTS: &str = "models/variants/paa-doerterskelen";
const NY_GIV: &str = "models/ny-giv-i-distriktene.lsm";

#[test]
fn diff_a_variant_that_removes_the_gdpr_barrier() {
    let other = format!("{PAA_VARIANTS}/med-databehandleravtale.lsm");
    let args = ["diff", PAA, &other, "--at", "2026-11-28", "--lang", "en"];
    insta::assert_snapshot!(run(&args));
}

#[test]
fn diff_the_variant_that_unblocks_both_services_as_json() {
    let other = format!("{PAA_VARIANTS}/kommunen-behandlingsansvarlig.lsm");
    let args = [
        "diff",
        PAA,
        &other,
        "--at",
        "2026-11-28",
        "--format",
        "json",
    ];
    insta::assert_snapshot!(run(&args));
}

#[test]
fn diff_back_from_the_variant_blocks_more_and_exits_1() {
    let base = format!("{PAA_VARIANTS}/kommunen-behandlingsansvarlig.lsm");
    let args = ["diff", &base, PAA, "--at", "2026-11-28", "--format", "md"];
    let out = run(&args);
    assert!(out.starts_with("exit 1\n"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn diff_with_a_granted_trial_sets_a_barrier_aside() {
    let args = [
        "diff",
        NY_GIV,
        "--overlay",
        "rules/proposals/forsok-indre-namdal-ko.yaml",
        "--at",
        "2026-11-28",
    ];
    insta::assert_snapshot!(run(&args));
}

#[test]
fn diff_under_the_new_forvaltningslov_repeals_and_replaces_rules() {
    let args = [
        "diff",
        PAA,
        "--overlay",
        "rules/proposals/ny-forvaltningslov.yaml",
        "--at",
        "2027-01-01",
        "--lang",
        "en",
    ];
    insta::assert_snapshot!(run(&args));
}

#[test]
fn diff_refuses_a_trial_that_exempts_gdpr() {
    let args = [
        "diff",
        PAA,
        "--overlay",
        "tests/whatif/err/trial-exempts-gdpr.yaml",
        "--at",
        "2026-11-28",
        "--lang",
        "en",
    ];
    let out = run(&args);
    assert!(out.starts_with("exit 2\n"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn lab_paa_doerterskelen() {
    let args = [
        "lab",
        PAA,
        "--overlays",
        "rules/proposals",
        "--at",
        "2026-11-28",
        "--lang",
        "en",
    ];
    insta::assert_snapshot!(run(&args));
}

#[test]
fn lab_paa_doerterskelen_md_in_bokmaal_when_the_proposals_hold() {
    let args = [
        "lab",
        PAA,
        "--overlays",
        "rules/proposals",
        "--at",
        "2027-07-01",
        "--format",
        "md",
    ];
    insta::assert_snapshot!(run(&args));
}

#[test]
fn lab_paa_doerterskelen_json() {
    let args = [
        "lab",
        PAA,
        "--overlays",
        "rules/proposals",
        "--at",
        "2026-11-28",
        "--format",
        "json",
    ];
    insta::assert_snapshot!(run(&args));
}

#[test]
fn lab_paa_doerterskelen_html() {
    let args = [
        "lab",
        PAA,
        "--overlays",
        "rules/proposals",
        "--at",
        "2026-11-28",
        "--format",
        "html",
        "--lang",
        "en",
    ];
    insta::assert_snapshot!(run(&args));
}

#[test]
fn lab_ny_giv_i_distriktene() {
    let args = [
        "lab",
        NY_GIV,
        "--overlays",
        "rules/proposals",
        "--at",
        "2026-11-28",
    ];
    insta::assert_snapshot!(run(&args));
}

#[test]
fn lab_refuses_a_variant_of_another_model() {
    let args = [
        "lab",
        PAA,
        "--variants",
        "models/variants/ny-giv-i-distriktene",
        "--at",
        "2026-11-28",
    ];
    let out = run(&args);
    assert!(out.starts_with("exit 2\n"), "{out}");
}

/// `check --overlay` evaluates a model under a proposal, as `diff` and `lab` do: the NOU 2023:26
/// thresholds take the two-year pilot's 2.4 M direct award below the national threshold.
#[test]
fn check_under_an_overlay_applies_the_proposal() {
    let pilot = format!("{PAA_VARIANTS}/toaarig-pilot.lsm");
    let nou = "rules/proposals/anskaffelser-nou-2023-26.yaml";
    let rules_of = |extra: &[&str]| -> Vec<String> {
        let mut args = vec![
            "check",
            pilot.as_str(),
            "--at",
            "2028-01-01",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = Command::cargo_bin("rammelab")
            .unwrap()
            .args(&args)
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["models"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["subject"] == "oppdrag")
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    let today = rules_of(&[]);
    let proposed = rules_of(&["--overlay", nou]);
    assert!(today.contains(&"foa-direct-award-above-national-threshold".to_string()));
    assert!(!proposed.contains(&"foa-direct-award-above-national-threshold".to_string()));
    assert!(proposed.contains(&"loa-4-direct-award-below-thresholds".to_string()));
    let args = [
        "check",
        &pilot,
        "--at",
        "2028-01-01",
        "--lang",
        "en",
        "--quiet",
        "--overlay",
        nou,
    ];
    insta::assert_snapshot!(run(&args));
}

#[test]
fn check_with_an_overlay_that_cannot_be_read_exits_2() {
    let args = [
        "check",
        PAA,
        "--overlay",
        "rules/proposals/no-such-proposal.yaml",
    ];
    let out = run(&args);
    assert!(out.starts_with("exit 2\n"), "{out}");
    assert!(out.contains("no-such-proposal.yaml"), "{out}");
}
