//! `docs/kom-i-gang.md` is followed as an analyst would follow it, in a fresh folder: every
//! model it shows is written (`<!-- fil: NAME -->`) or added to (`<!-- legg til: NAME -->`),
//! every `rammelab` command in its `sh` blocks and in its inline code is run, and every line of
//! a `text` block (output it shows) must be in what the command before it printed. A command
//! the guide shows that this test does not know how to run fails the test, so nothing in the
//! guide goes untried.
//!
//! The date is pinned (`--at`) on `check` and `report`, so the test does not change when the
//! law does; the guide's commands are otherwise run exactly as written.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

const GUIDE: &str = "docs/kom-i-gang.md";
const AT: &str = "2026-11-28";

/// Lines in `sh` blocks that are not rammelab commands, and are not run: installing.
const NOT_RUN: &[&str] = &["cargo install --path ."];

/// A piece of the guide, in order.
#[derive(Debug)]
enum Step {
    /// A model to write, or to add to a file.
    File {
        name: String,
        append: bool,
        text: String,
    },
    /// A command line.
    Command(String),
    /// Output the guide shows for the command before it.
    Output(String),
}

fn steps(guide: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut lines = guide.lines();
    let mut pending_file: Option<(String, bool)> = None;
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("<!-- fil: ") {
            pending_file = Some((rest.trim_end_matches(" -->").to_string(), false));
            continue;
        }
        if let Some(rest) = line.strip_prefix("<!-- legg til: ") {
            pending_file = Some((rest.trim_end_matches(" -->").to_string(), true));
            continue;
        }
        let Some(lang) = line.strip_prefix("```") else {
            for cmd in inline_commands(line) {
                steps.push(Step::Command(cmd));
            }
            continue;
        };
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        let text = body.join("\n") + "\n";
        match lang {
            "lsm" => {
                let (name, append) = pending_file
                    .take()
                    .expect("a model in the guide has no `<!-- fil: NAME -->` before it");
                steps.push(Step::File { name, append, text });
            }
            "sh" => {
                for l in body.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
                    steps.push(Step::Command(l.to_string()));
                }
            }
            "text" => steps.push(Step::Output(text)),
            other => panic!("a ```{other} block in the guide: the test does not know it"),
        }
    }
    steps
}

/// `rammelab ...` in inline code on a line of prose.
fn inline_commands(line: &str) -> Vec<String> {
    line.split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| c.starts_with("rammelab "))
        .map(str::to_string)
        .collect()
}

/// Runs a command of the guide in `dir`; returns its standard output.
fn run(dir: &Path, line: &str) -> String {
    if NOT_RUN.contains(&line) {
        return String::new();
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        words[0], "rammelab",
        "the guide shows a command the test cannot run: {line}"
    );
    assert!(
        !line.contains(['"', '\'', '|', '>', '<', '#']),
        "quoting or redirection in the guide: {line}"
    );
    let mut args: Vec<&str> = words[1..].to_vec();
    if matches!(args.first(), Some(&"check") | Some(&"report")) {
        args.extend(["--at", AT]);
    }
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_rammelab"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("RAMMELAB_LANG")
        .args(&args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // 1 is `check` finding barriers, which the guide is about; 2 would be a broken call.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "`{line}` failed ({:?}): {stderr}",
        out.status.code()
    );
    assert!(
        stderr.is_empty(),
        "`{line}` wrote to standard error: {stderr}"
    );
    stdout
}

#[test]
fn every_command_of_the_getting_started_guide_works_and_prints_what_it_shows() {
    let guide = std::fs::read_to_string(GUIDE).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut last: Option<(String, String)> = None;
    let mut ran = Vec::new();
    for step in steps(&guide) {
        match step {
            Step::File { name, append, text } => {
                let path = dir.path().join(&name);
                let mut content = if append {
                    std::fs::read_to_string(&path).expect("added to a file not yet written")
                } else {
                    String::new()
                };
                content.push_str(&text);
                std::fs::write(path, content).unwrap();
            }
            Step::Command(line) => {
                let out = run(dir.path(), &line);
                ran.push(line.clone());
                last = Some((line, out));
            }
            Step::Output(shown) => {
                let (line, out) = last.as_ref().expect("output shown before any command");
                for l in shown.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    assert!(
                        out.lines().any(|o| o.trim() == l),
                        "the guide shows `{l}` after `{line}`, which printed:\n{out}"
                    );
                }
            }
        }
    }
    // The guide's path: check, check again after the fix, the report.
    assert!(
        ran.iter()
            .filter(|l| l.starts_with("rammelab check"))
            .count()
            >= 3,
        "{ran:?}"
    );
    assert!(
        ran.iter().any(|l| l.starts_with("rammelab report")),
        "{ran:?}"
    );
    assert!(dir.path().join("rapport.html").is_file());
}

#[test]
fn the_readme_links_the_guide_first() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let first_link = readme
        .find("](docs/")
        .map(|i| &readme[i + 2..])
        .and_then(|s| s.split(')').next())
        .unwrap();
    assert_eq!(first_link, "docs/kom-i-gang.md");
}
