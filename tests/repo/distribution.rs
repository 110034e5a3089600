//! What hands rammelab out without a Rust toolchain, checked as far as it can be without
//! GitHub or Docker: the release workflow (`.github/workflows/release.yml`) reads as the jobs it
//! should have, and the `Dockerfile` has its two stages, copies only what exists and what
//! `.dockerignore` leaves in, and runs the binary its build stage builds.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use serde_yaml::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `run:` scripts of a job's steps, joined.
fn scripts(job: &Value) -> String {
    job["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_release_workflow_builds_three_systems_on_a_tag_and_attaches_checksums() {
    let wf: Value = serde_yaml::from_str(&read(".github/workflows/release.yml")).unwrap();
    let tags = wf["on"]["push"]["tags"].as_sequence().unwrap();
    assert!(!tags.is_empty(), "runs on tags");
    assert!(wf["on"]["push"]["branches"].is_null(), "only on tags");
    assert_eq!(wf["permissions"]["contents"].as_str(), Some("write"));

    let build = &wf["jobs"]["build"];
    let matrix = build["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap();
    let runners: Vec<&str> = matrix.iter().map(|m| m["os"].as_str().unwrap()).collect();
    let targets: Vec<&str> = matrix
        .iter()
        .map(|m| m["target"].as_str().unwrap())
        .collect();
    for system in ["ubuntu", "macos", "windows"] {
        assert!(
            runners.iter().any(|r| r.starts_with(system)),
            "no {system} runner in {runners:?}"
        );
    }
    for target in [
        "x86_64-unknown-linux-gnu",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(targets.contains(&target), "{target} missing in {targets:?}");
    }
    assert_eq!(build["runs-on"].as_str(), Some("${{ matrix.os }}"));
    let build_scripts = scripts(build);
    assert!(
        build_scripts.contains(
            "cargo build --release --locked --bin rammelab --target ${{ matrix.target }}"
        ),
        "{build_scripts}"
    );
    let uploads = build["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-artifact@"))
        })
        .count();
    assert_eq!(uploads, 1, "each build uploads its archive");

    let release = &wf["jobs"]["release"];
    assert_eq!(release["needs"].as_str(), Some("build"));
    let release_scripts = scripts(release);
    assert!(
        release_scripts.contains("sha256sum") && release_scripts.contains("SHA256SUMS"),
        "{release_scripts}"
    );
    assert!(
        release_scripts.contains("gh release create") && release_scripts.contains("dist/*"),
        "{release_scripts}"
    );
}

/// One instruction of a Dockerfile: its keyword (upper case) and its arguments.
fn instructions(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || (line.is_empty() && pending.is_empty()) {
            continue;
        }
        if let Some(head) = line.strip_suffix('\\') {
            pending.push_str(head);
            pending.push(' ');
            continue;
        }
        pending.push_str(line);
        let full = std::mem::take(&mut pending);
        if full.trim().is_empty() {
            continue;
        }
        let (keyword, args) = full.trim().split_once(char::is_whitespace).unwrap();
        out.push((keyword.to_uppercase(), args.trim().to_string()));
    }
    assert!(pending.is_empty(), "a continued line ends the Dockerfile");
    out
}

#[test]
fn the_dockerfile_builds_in_the_rust_image_and_runs_from_a_slim_one() {
    let text = read("Dockerfile");
    let steps = instructions(&text);
    let known = [
        "FROM",
        "WORKDIR",
        "COPY",
        "RUN",
        "ENTRYPOINT",
        "CMD",
        "ENV",
        "ARG",
        "LABEL",
        "USER",
    ];
    for (k, _) in &steps {
        assert!(known.contains(&k.as_str()), "unknown instruction {k}");
    }
    assert_eq!(steps[0].0, "FROM", "a Dockerfile starts with FROM");

    // The stages, by name.
    let stages: Vec<(String, String)> = steps
        .iter()
        .filter(|(k, _)| k == "FROM")
        .map(|(_, a)| {
            let parts: Vec<&str> = a.split_whitespace().collect();
            assert!(
                parts.len() == 3 && parts[1].eq_ignore_ascii_case("as"),
                "FROM IMAGE AS NAME: {a}"
            );
            (parts[0].to_string(), parts[2].to_string())
        })
        .collect();
    assert_eq!(stages.len(), 2, "{stages:?}");
    assert!(stages[0].0.starts_with("rust:"), "{stages:?}");
    assert!(stages[1].0.contains("slim"), "{stages:?}");
    assert!(
        !stages[1].0.starts_with("rust"),
        "the toolchain stays behind"
    );

    // Every COPY: from an earlier stage, or from the build context, where the path must exist.
    let mut stage = 0;
    let mut copied_binary = false;
    for (k, a) in &steps {
        match k.as_str() {
            "FROM" => stage += 1,
            "COPY" => {
                let parts: Vec<&str> = a.split_whitespace().collect();
                if let Some(from) = parts[0].strip_prefix("--from=") {
                    let earlier: Vec<&str> =
                        stages[..stage - 1].iter().map(|s| s.1.as_str()).collect();
                    assert!(earlier.contains(&from), "COPY --from={from}: no such stage");
                    copied_binary |= parts[1] == "/src/target/release/rammelab";
                } else {
                    for src in &parts[..parts.len() - 1] {
                        assert!(
                            root().join(src).exists(),
                            "COPY {src}: not in the repository"
                        );
                    }
                }
            }
            _ => {}
        }
    }
    assert!(
        copied_binary,
        "the run stage takes the binary from the build stage"
    );

    let build_stage: Vec<&(String, String)> = steps
        .iter()
        .skip(1)
        .take_while(|(k, _)| k != "FROM")
        .collect();
    assert!(
        build_stage
            .iter()
            .any(|(k, a)| k == "RUN" && a.contains("cargo build --release --locked --bin rammelab")),
        "{build_stage:?}"
    );
    let (last, entry) = steps.iter().rev().find(|(k, _)| k == "ENTRYPOINT").unwrap();
    assert_eq!(last, "ENTRYPOINT");
    let entry: Vec<String> = serde_json::from_str(entry).unwrap();
    assert_eq!(entry, ["rammelab"]);
}

#[test]
fn the_docker_build_context_keeps_what_the_build_needs() {
    let ignore = read(".dockerignore");
    let ignored: Vec<&str> = ignore
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert!(ignored.contains(&"target"), "the build output stays out");
    for needed in [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "src",
        "grammar",
        "rules",
        "crates",
    ] {
        assert!(root().join(needed).exists(), "{needed}");
        assert!(
            !ignored
                .iter()
                .any(|i| *i == needed || needed.starts_with(&format!("{i}/"))),
            "{needed} is ignored"
        );
    }
}
