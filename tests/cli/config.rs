//! `rammelab.toml` and standard input: the file found from a subfolder, its values under the
//! environment and the command line, its errors placed and spelt out, and `check -`. (That
//! the documented example files parse is a unit test in `src/config.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const EXAMPLE: &str = "models/paa-doerterskelen.lsm";

/// A project folder: the example model in `models/`, a `rammelab.toml` with `config`, and an
/// empty `a/b/` to run from.
fn project(config: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("models")).unwrap();
    std::fs::copy(
        Path::new(ROOT).join(EXAMPLE),
        dir.path().join("models/paa-doerterskelen.lsm"),
    )
    .unwrap();
    std::fs::write(dir.path().join("rammelab.toml"), config).unwrap();
    let sub = dir.path().join("a").join("b");
    std::fs::create_dir_all(&sub).unwrap();
    (dir, sub)
}

/// `rammelab ARGS` in `dir`, with `RAMMELAB_LANG` set to `env_lang` or unset.
fn run(dir: &Path, env_lang: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_rammelab"));
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("RAMMELAB_LANG");
    if let Some(l) = env_lang {
        cmd.env("RAMMELAB_LANG", l);
    }
    let out = cmd.args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The closing line of the human output.
fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or("")
}

#[test]
fn the_file_is_found_from_a_subfolder() {
    let (_dir, sub) = project("lang = \"en\"\nat = 2026-11-28\nfail_on = \"never\"\n");
    let (code, out, err) = run(&sub, None, &["check", "../../models"]);
    assert_eq!(code, 0, "fail_on = never; {err}");
    assert_eq!(
        last_line(&out),
        "Checked 1 model at 2026-11-28: 5 barriers (2 errors, 3 warnings, 5 unmitigated), \
         8 opportunities, 2 blocked services."
    );
    // Without the file, the defaults: bokmål, today, fail on error barriers.
    let (code, out, _) = run(&sub, None, &["check", "../../models", "--no-config"]);
    assert_eq!(code, 1);
    assert!(
        last_line(&out).starts_with("Sjekket 1 modell per "),
        "{out}"
    );
}

#[test]
fn the_environment_overrides_the_file_and_the_command_line_both() {
    let (_dir, sub) = project("lang = \"en\"\nat = 2026-11-28\nfail_on = \"never\"\n");
    let check = ["check", "../../models"];
    let (_, out, _) = run(&sub, Some("nb"), &check);
    assert!(
        last_line(&out).starts_with("Sjekket 1 modell per 2026-11-28"),
        "{out}"
    );
    let mut flagged = check.to_vec();
    flagged.extend(["--lang", "en", "--at", "2026-11-29", "--fail-on", "barrier"]);
    let (code, out, _) = run(&sub, Some("nb"), &flagged);
    assert_eq!(code, 1, "--fail-on overrides fail_on");
    assert!(
        last_line(&out).starts_with("Checked 1 model at 2026-11-29"),
        "{out}"
    );
}

#[test]
fn paths_in_the_file_are_relative_to_it_and_opportunities_can_be_switched_on() {
    let overlay = "rules/proposals/anskaffelser-nou-2023-26.yaml";
    let (dir, sub) =
        project("at = 2026-11-28\noverlays = [\"proposal.yaml\"]\nopportunities = true\n");
    std::fs::copy(
        Path::new(ROOT).join(overlay),
        dir.path().join("proposal.yaml"),
    )
    .unwrap();
    let (_, configured, err) = run(&sub, None, &["check", "../../models", "--format", "json"]);
    assert!(err.is_empty(), "{err}");
    let (_, given, _) = run(
        &sub,
        None,
        &[
            "check",
            "../../models",
            "--format",
            "json",
            "--no-config",
            "--at",
            "2026-11-28",
            "--overlay",
            "../../proposal.yaml",
        ],
    );
    assert_eq!(
        configured, given,
        "the overlay in the file is the one beside it"
    );
    let (_, plain, _) = run(
        &sub,
        None,
        &[
            "check",
            "../../models",
            "--format",
            "json",
            "--no-config",
            "--at",
            "2026-11-28",
        ],
    );
    assert_ne!(configured, plain, "the overlay changes the findings");
    let (_, github, _) = run(&sub, None, &["check", "../../models", "--format", "github"]);
    assert!(
        github.contains("::notice"),
        "opportunities = true: {github}"
    );
}

/// The diagnostics of a file with a misspelt key and bad values, with the temporary folder
/// taken out.
fn config_errors(lang: &str) -> String {
    let (dir, sub) = project(
        "# rammelab.toml\nlnag = \"en\"\nat = \"2027-02-30\"\nfail_on = \"errors\"\nrulse = \"rules\"\n\
         opportunities = \"yes\"\n",
    );
    let (code, out, err) = run(&sub, None, &["check", "../../models", "--lang", lang]);
    assert_eq!(code, 2, "a wrong file is wrong input");
    assert!(out.is_empty(), "nothing is checked: {out}");
    err.replace(&dir.path().display().to_string(), "[project]")
}

#[test]
fn unknown_keys_and_bad_values_are_placed_with_did_you_mean() {
    insta::assert_snapshot!(config_errors("en"));
}

#[test]
fn unknown_keys_and_bad_values_in_bokmaal() {
    insta::assert_snapshot!(config_errors("nb"));
}

#[test]
fn a_file_that_is_not_toml_is_placed_too() {
    let (_dir, sub) = project("at = 2026-11-28\nlang = en\n");
    let (code, _, err) = run(&sub, None, &["check", "../../models", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(err.contains("rammelab::config::toml"), "{err}");
    assert!(err.contains("rammelab.toml:2:"), "{err}");
}

#[test]
fn config_names_the_file_to_read() {
    let (dir, _sub) = project("lang = \"en\"\n");
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "at = 2026-11-28\nfail_on = \"never\"\n").unwrap();
    let (code, out, _) = run(
        Path::new(ROOT),
        None,
        &["check", EXAMPLE, "--config", other.to_str().unwrap()],
    );
    assert_eq!(code, 0);
    assert!(
        last_line(&out).starts_with("Sjekket 1 modell per 2026-11-28"),
        "{out}"
    );
}

/// `rammelab ARGS` in the crate root with `input` on standard input.
fn run_stdin(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_rammelab"))
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("RAMMELAB_LANG")
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_model_on_standard_input_is_checked_like_a_file() {
    let text = std::fs::read(Path::new(ROOT).join(EXAMPLE)).unwrap();
    let args = [
        "check",
        "--at",
        "2026-11-28",
        "--format",
        "json",
        "--no-config",
    ];
    let (code, from_file, _) = run_stdin(&[&args[..], &[EXAMPLE]].concat(), b"");
    let (code_stdin, from_stdin, err) = run_stdin(
        &[&args[..], &["-", "--stdin-filename", EXAMPLE]].concat(),
        &text,
    );
    assert_eq!((code, code_stdin), (1, 1), "{err}");
    assert_eq!(from_stdin, from_file, "named as the file, the same report");
    let (_, unnamed, _) = run_stdin(&[&args[..], &["-"]].concat(), &text);
    assert!(unnamed.contains("\"file\": \"<stdin>\""), "{unnamed}");
}

#[test]
fn a_variant_on_standard_input_finds_its_base_beside_its_name() {
    let variant = "models/variants/paa-doerterskelen/med-databehandleravtale.lsm";
    let text = std::fs::read(Path::new(ROOT).join(variant)).unwrap();
    let (code, out, err) = run_stdin(
        &[
            "check",
            "-",
            "--stdin-filename",
            variant,
            "--at",
            "2026-11-28",
            "--no-config",
        ],
        &text,
    );
    assert!(code < 2, "{err}");
    assert!(out.contains(variant), "{out}");
    let (code, _, err) = run_stdin(
        &[
            "check",
            "-",
            "--at",
            "2026-11-28",
            "--no-config",
            "--lang",
            "en",
        ],
        &text,
    );
    assert_eq!(code, 2, "no name, no base");
    assert!(err.contains("<stdin>:"), "{err}");
}

#[test]
fn broken_input_on_standard_input_is_placed_on_its_name() {
    let (code, _, err) = run_stdin(
        &[
            "check",
            "-",
            "--stdin-filename",
            "ny.lsm",
            "--no-config",
            "--lang",
            "en",
        ],
        b"model \"x\" {\n",
    );
    assert_eq!(code, 2);
    assert!(err.contains("ny.lsm:1:11"), "{err}");
    let (code, _, err) = run_stdin(&["check", "-", "--no-config"], b"model \"\xff\" {}\n");
    assert_eq!(code, 2);
    assert!(err.contains("<stdin>"), "{err}");
}
