//! `check`'s output for people: the human format (rule titles beside the barriers that block a
//! service, the blocking paths), `--format concise`, and `--color`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

const AT: &str = "2026-11-28";
const EXAMPLE: &str = "models/paa-doerterskelen.lsm";

/// `rammelab ARGS` from the crate root, its output piped (not a terminal), at a fixed width.
fn rammelab(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_rammelab"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("RAMMELAB_LANG")
        .env("COLUMNS", "100")
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = rammelab(args, &[]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The services part of the human report: from the heading to the summary.
fn services(text: &str, heading: &str) -> String {
    let start = text.find(heading).expect("a services heading");
    text[start..].to_string()
}

#[test]
fn blocked_services_name_each_barrier_with_its_title_and_the_first_path_in_bokmaal() {
    let text = stdout(&["check", EXAMPLE, "--at", AT]);
    insta::assert_snapshot!(services(&text, "  Tjenester"));
}

#[test]
fn blocked_services_name_each_barrier_with_its_title_and_the_first_path_in_english() {
    let text = stdout(&["check", EXAMPLE, "--at", AT, "--lang", "en"]);
    insta::assert_snapshot!(services(&text, "  Services"));
}

#[test]
fn explain_shows_every_blocking_path() {
    let text = stdout(&["check", EXAMPLE, "--at", AT, "--explain"]);
    let part = services(&text, "  Tjenester");
    assert!(part.contains("vei: doerbesok → oppdrag"), "{part}");
    assert!(!part.contains("--explain"), "{part}");
    insta::assert_snapshot!(part);
}

#[test]
fn services_at_risk_and_barriers_on_the_service_itself_read_in_both_languages() {
    let model = "models/fra-ungdom-til-ung-voksen.lsm";
    let nb = stdout(&["check", model, "--at", AT]);
    let en = stdout(&["check", model, "--at", AT, "--lang", "en"]);
    assert!(nb.contains("i risiko på grunn av") && nb.contains("(på tjenesten selv)"));
    assert!(en.contains("at risk from") && en.contains("(on the service itself)"));
    insta::assert_snapshot!("services_fra_ungdom_nb", services(&nb, "  Tjenester"));
    insta::assert_snapshot!("services_fra_ungdom_en", services(&en, "  Services"));
}

#[test]
fn concise_is_one_line_a_finding_in_bokmaal() {
    let text = stdout(&["check", EXAMPLE, "--at", AT, "--format", "concise"]);
    insta::assert_snapshot!(text);
}

#[test]
fn concise_is_one_line_a_finding_in_english() {
    let text = stdout(&[
        "check", EXAMPLE, "--at", AT, "--format", "concise", "--lang", "en",
    ]);
    for line in text.lines().filter(|l| !l.starts_with("Checked")) {
        let (location, rest) = line.split_once(": ").unwrap();
        assert_eq!(location.split(':').count(), 3, "{line}");
        assert!(
            ["error: ", "warning: ", "opportunity: "]
                .iter()
                .any(|s| rest.starts_with(s)),
            "{line}"
        );
        assert!(rest.ends_with(']'), "{line}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn concise_quiet_shows_only_what_fails() {
    let text = stdout(&[
        "check", EXAMPLE, "--at", AT, "--format", "concise", "--quiet",
    ]);
    let findings: Vec<&str> = text.lines().filter(|l| l.starts_with("models/")).collect();
    assert_eq!(findings.len(), 2, "{text}");
    assert!(findings.iter().all(|l| l.contains(": feil: ")), "{text}");
}

const ESC: &str = "\x1b[";

#[test]
fn color_always_colours_findings_and_services() {
    for format in ["human", "concise"] {
        let text = stdout(&[
            "check", EXAMPLE, "--at", AT, "--format", format, "--color", "always",
        ]);
        assert!(text.contains("\x1b[1;31mfeil\x1b[0m"), "{format}: {text}");
        assert!(
            text.contains("\x1b[1;33madvarsel\x1b[0m"),
            "{format}: {text}"
        );
        assert!(text.contains("\x1b[32mmulighet\x1b[0m"), "{format}: {text}");
    }
    let text = stdout(&["check", EXAMPLE, "--at", AT, "--color", "always"]);
    assert!(
        text.contains("\x1b[1;31mblokkert\x1b[0m av 2 barrierer"),
        "{text}"
    );
    // `always` wins over NO_COLOR, as an explicit choice should.
    let out = rammelab(
        &["check", EXAMPLE, "--at", AT, "--color", "always"],
        &[("NO_COLOR", "1")],
    );
    assert!(String::from_utf8(out.stdout).unwrap().contains(ESC));
}

#[test]
fn color_never_and_auto_in_a_pipe_give_plain_text() {
    for args in [
        &["check", EXAMPLE, "--at", AT, "--color", "never"][..],
        &["check", EXAMPLE, "--at", AT, "--color", "auto"][..],
        &["check", EXAMPLE, "--at", AT][..],
        &["check", EXAMPLE, "--at", AT, "--format", "concise"][..],
    ] {
        let text = stdout(args);
        assert!(!text.contains(ESC), "{args:?}: {text}");
        assert!(
            text.contains("blokkert") || text.contains(": feil: "),
            "{args:?}"
        );
    }
}

#[test]
fn color_applies_to_diagnostics_on_standard_error_too() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.lsm");
    std::fs::write(&broken, "model \"x\" {\n  actor a { kind: nonsense }\n}\n").unwrap();
    let path = broken.to_str().unwrap();
    let coloured = rammelab(&["check", path, "--at", AT, "--color", "always"], &[]);
    let plain = rammelab(&["check", path, "--at", AT, "--color", "never"], &[]);
    assert_eq!(coloured.status.code(), Some(2));
    assert_eq!(plain.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&coloured.stderr).contains(ESC));
    assert!(!String::from_utf8_lossy(&plain.stderr).contains(ESC));
    assert!(!plain.stderr.is_empty());
}

#[test]
fn color_takes_only_auto_always_or_never() {
    let out = rammelab(&["check", EXAMPLE, "--color", "sometimes"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("auto") && err.contains("always") && err.contains("never"),
        "{err}"
    );
}
