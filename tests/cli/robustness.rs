//! Nothing is read from outside the project, files are written whole and with their mode,
//! and the short fuzz run: through the binary.

use std::path::PathBuf;

// --- Nothing is read from outside the project (issue 20.1) ---------------------------------

const SECRET: &str = "TOPPHEMMELIG-passord-3f9c1e";

/// A project folder (marked by `.git`) and, beside it, a folder with a secret: a valid model
/// whose name is the secret, and a credentials file.
struct Project {
    _top: tempfile::TempDir,
    root: PathBuf,
    outside: PathBuf,
}

fn project() -> Project {
    let top = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = top.path().join("prosjekt");
    let outside = top.path().join("utenfor");
    for d in [root.join(".git"), outside.clone()] {
        std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("{e}"));
    }
    let model =
        format!("model \"{SECRET}\" {{}}\nactor {SECRET} \"{SECRET}\" {{ type: municipality }}\n");
    write(&outside.join("hemmelig.lsm"), &model);
    write(
        &outside.join("credentials"),
        &format!("https://user:{SECRET}@example.org\n"),
    );
    write(&root.join("notater.txt"), &format!("{SECRET}\n"));
    Project {
        _top: top,
        root,
        outside,
    }
}

fn write(path: &std::path::Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Runs the binary in `dir`, killing it after 20 seconds: returns the output and whether it
/// finished in time.
fn run_in(dir: &std::path::Path, args: &[&str]) -> (std::process::Output, bool) {
    use std::io::Read as _;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rammelab"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RAMMELAB_LANG")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    // Read both pipes on threads, so a full pipe never stalls the child.
    let mut out = child.stdout.take().unwrap_or_else(|| panic!("stdout"));
    let mut err = child.stderr.take().unwrap_or_else(|| panic!("stderr"));
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = std::time::Instant::now();
    let mut in_time = true;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap_or_else(|e| panic!("{e}")) {
            break status;
        }
        if start.elapsed() > std::time::Duration::from_secs(20) {
            in_time = false;
            let _ = child.kill();
            break child.wait().unwrap_or_else(|e| panic!("{e}"));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let output = std::process::Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    };
    (output, in_time)
}

/// Checks `m.lsm` (which extends `target`) in every format: refused with a located
/// diagnostic, at once, and the secret in no output. Returns the human output in English.
fn refused(p: &Project, target: &str) -> String {
    write(&p.root.join("m.lsm"), &format!("extends \"{target}\"\n"));
    let mut human = String::new();
    for format in ["human", "json", "sarif"] {
        for lang in ["en", "nb"] {
            let args = [
                "check",
                "m.lsm",
                "--at",
                "2026-06-01",
                "--format",
                format,
                "--lang",
                lang,
            ];
            let (out, in_time) = run_in(&p.root, &args);
            assert!(in_time, "`{target}` ({format}) did not finish");
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{target} {format}: {stderr}");
            assert!(
                !stdout.contains(SECRET) && !stderr.contains(SECRET),
                "`{target}` ({format}) showed the secret:\n{stdout}\n{stderr}"
            );
            let all = format!("{stdout}{stderr}");
            assert!(
                all.contains("rammelab::variant::base-refused") && all.contains("m.lsm:1:9"),
                "`{target}` ({format}):\n{all}"
            );
            if format == "json" || format == "sarif" {
                let doc: Result<serde_json::Value, _> = serde_json::from_str(&stdout);
                assert!(doc.is_ok(), "{format}: {stdout}");
            }
            if format == "human" && lang == "en" {
                human = stderr.into_owned();
            }
        }
    }
    human
}

#[test]
fn an_absolute_extends_is_refused() {
    let p = project();
    let secret = p.outside.join("hemmelig.lsm");
    let human = refused(&p, &secret.to_string_lossy());
    assert!(human.contains("is an absolute path"), "{human}");
    let human = refused(&p, &p.outside.join("credentials").to_string_lossy());
    assert!(human.contains("is an absolute path"), "{human}");
}

#[test]
fn dot_dot_out_of_the_project_is_refused() {
    let p = project();
    let human = refused(&p, "../utenfor/hemmelig.lsm");
    insta::assert_snapshot!("extends_out_of_the_project_en", human);
    // Far more `..` than there are folders: still refused, still without the file.
    let human = refused(&p, &format!("{}utenfor/hemmelig.lsm", "../".repeat(40)));
    assert!(human.contains("leads out of the project"), "{human}");
    let nb = {
        write(
            &p.root.join("m.lsm"),
            "utvider \"../utenfor/hemmelig.lsm\"\n",
        );
        let (out, _) = run_in(&p.root, &["check", "m.lsm", "--at", "2026-06-01"]);
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    insta::assert_snapshot!("extends_out_of_the_project_nb", nb);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_project_is_refused() {
    let p = project();
    let link = |from: &str, to: &std::path::Path| {
        std::os::unix::fs::symlink(to, p.root.join(from)).unwrap_or_else(|e| panic!("{e}"));
    };
    link("lenke.lsm", &p.outside.join("hemmelig.lsm"));
    link("ute", &p.outside);
    link("nokler.lsm", &p.outside.join("credentials"));
    for target in ["lenke.lsm", "ute/hemmelig.lsm", "nokler.lsm"] {
        let human = refused(&p, target);
        assert!(human.contains("leads out of the project"), "{human}");
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_a_file_that_is_not_a_model_is_refused() {
    let p = project();
    std::os::unix::fs::symlink(p.root.join("notater.txt"), p.root.join("notater.lsm"))
        .unwrap_or_else(|e| panic!("{e}"));
    let human = refused(&p, "notater.lsm");
    assert!(human.contains("not a model file"), "{human}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once() {
    let p = project();
    let fifo = p.root.join("ror.lsm");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()));
    let human = refused(&p, "ror.lsm");
    assert!(human.contains("named pipe"), "{human}");
    // Named on the command line (`graph` opens the path it is given).
    let (out, in_time) = run_in(&p.root, &["graph", "ror.lsm", "--lang", "en"]);
    assert!(in_time, "`graph` on a FIFO did not finish");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("rammelab::not-a-file"), "{stderr}");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
}

#[test]
fn a_base_inside_the_project_is_read() {
    let p = project();
    let base = p.root.join("base.lsm");
    write(
        &base,
        "model \"Base\" { challenge: demography }\nactor a \"A\" { type: municipality }\n",
    );
    std::fs::create_dir_all(p.root.join("variants/base")).unwrap_or_else(|e| panic!("{e}"));
    write(
        &p.root.join("variants/base/v.lsm"),
        "extends \"../../base.lsm\"\nactor b \"B\" { type: municipality }\n",
    );
    // Named as a file, and inside a folder named on the command line.
    for arg in ["variants/base/v.lsm", "variants/base"] {
        let (out, _) = run_in(&p.root, &["check", arg, "--at", "2026-06-01"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{arg}: {stderr}");
    }
}

#[test]
fn a_did_you_mean_for_a_long_path_does_bounded_work() {
    let p = project();
    for i in 0..50 {
        write(&p.root.join(format!("modell-{i}.lsm")), "model \"x\" {}\n");
    }
    // A name longer than any file name gets no suggestion, and no comparison.
    let long = format!("{}.lsm", "m".repeat(100_000));
    write(&p.root.join("m.lsm"), &format!("extends \"{long}\"\n"));
    let (out, in_time) = run_in(&p.root, &["check", "m.lsm", "--lang", "en"]);
    assert!(in_time);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("rammelab::variant::unknown-base"),
        "{stderr}"
    );
    assert!(!stderr.contains("did you mean"), "{stderr}");
    // A near name still gets one.
    write(&p.root.join("m.lsm"), "extends \"modll-7.lsm\"\n");
    let (out, _) = run_in(&p.root, &["check", "m.lsm", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("did you mean `modell-7.lsm`"), "{stderr}");
}

// --- Writes that respect the file (issue 20.4) ---------------------------------------------

/// A model `fmt` will rewrite, in a folder of its own, with the line ends given.
fn messy(dir: &std::path::Path, bom: bool, newline: &str) -> (PathBuf, Vec<u8>) {
    let path = dir.join("m.lsm");
    let text = format!("model   \"M\" {{challenge: demography}}{newline}actor a \"A\" {{type: municipality}}{newline}");
    let mut bytes = if bom {
        b"\xef\xbb\xbf".to_vec()
    } else {
        Vec::new()
    };
    bytes.extend_from_slice(text.as_bytes());
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    (path, bytes)
}

fn names(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[cfg(unix)]
#[test]
fn fmt_refuses_a_read_only_file_unless_forced_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (path, before) = messy(dir.path(), false, "\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444))
        .unwrap_or_else(|e| panic!("{e}"));
    let (out, _) = run_in(dir.path(), &["fmt", "--lang", "en", "m.lsm"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("`m.lsm` is read-only and was left as it is"),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read(&path).ok(), Some(before.clone()));
    let (out, _) = run_in(dir.path(), &["fmt", "m.lsm"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`m.lsm` er skrivebeskyttet"), "{stderr}");

    let (out, _) = run_in(dir.path(), &["fmt", "--force", "m.lsm"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_ne!(std::fs::read(&path).ok(), Some(before));
    let mode = std::fs::metadata(&path).map(|m| m.permissions().mode());
    assert_eq!(mode.ok().map(|m| m & 0o777), Some(0o444));
    assert_eq!(names(dir.path()), vec!["m.lsm".to_string()]);
}

#[cfg(unix)]
#[test]
fn report_refuses_a_read_only_output_unless_forced() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let model =
        std::fs::canonicalize("models/paa-doerterskelen.lsm").unwrap_or_else(|e| panic!("{e}"));
    let model = model.to_string_lossy();
    write(&dir.path().join("rapport.md"), "the old report");
    let ro = std::fs::Permissions::from_mode(0o440);
    std::fs::set_permissions(dir.path().join("rapport.md"), ro).unwrap_or_else(|e| panic!("{e}"));
    let args = [
        "report",
        "--at",
        "2026-06-01",
        "--lang",
        "en",
        &model,
        "-o",
        "rapport.md",
    ];
    let (out, _) = run_in(dir.path(), &args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    let old = std::fs::read_to_string(dir.path().join("rapport.md")).ok();
    assert_eq!(old.as_deref(), Some("the old report"));
    let mut forced = args.to_vec();
    forced.push("--force");
    let (out, _) = run_in(dir.path(), &forced);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let meta = std::fs::metadata(dir.path().join("rapport.md"));
    assert_eq!(
        meta.ok().map(|m| m.permissions().mode() & 0o777),
        Some(0o440)
    );
    assert_eq!(names(dir.path()), vec!["rapport.md".to_string()]);
}

#[test]
fn fmt_keeps_crlf_line_ends_and_a_byte_order_mark() {
    for (bom, newline) in [(false, "\r\n"), (true, "\n"), (true, "\r\n")] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (path, _) = messy(dir.path(), bom, newline);
        let (out, _) = run_in(dir.path(), &["fmt", "m.lsm"]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let after = std::fs::read(&path).unwrap_or_default();
        assert_eq!(after.starts_with(b"\xef\xbb\xbf"), bom);
        let text = String::from_utf8_lossy(&after);
        let text = text.trim_start_matches('\u{feff}');
        assert_eq!(
            text,
            "model \"M\" {\n  challenge: demography\n}\n\nactor a \"A\" {\n  type: municipality\n}\n"
                .replace('\n', newline)
        );
        // Formatted once, stable after.
        let (out, _) = run_in(dir.path(), &["fmt", "--check", "m.lsm"]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
    }
}

#[test]
fn a_byte_order_mark_is_accepted_by_the_reader() {
    let (out, _) = run_in(
        std::path::Path::new("."),
        &[
            "check",
            "tests/corpus/bom-and-crlf.lsm",
            "--at",
            "2026-06-01",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("rammelab::"), "{stderr}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_stale_temporary_file_is_removed_by_the_next_write() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    messy(dir.path(), false, "\n");
    // Left by a run that was killed: its process id is above the kernel's largest.
    write(&dir.path().join(".m.lsm.rammelab-tmp-4999999-0"), "half");
    // Not ours: a file that only looks a little like one stays.
    write(&dir.path().join(".m.lsm.tmp"), "someone else's");
    let (out, _) = run_in(dir.path(), &["fmt", "m.lsm"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        names(dir.path()),
        vec![".m.lsm.tmp".to_string(), "m.lsm".to_string()]
    );
}

/// The test-only hook's variable (`base::fsutil::FAIL_BEFORE_RENAME`, which is not API):
/// `pause` makes a debug build wait between writing the temporary file and renaming it.
#[cfg(all(unix, debug_assertions))]
const FAIL_BEFORE_RENAME: &str = "RAMMELAB_TEST_FAIL_BEFORE_RENAME";

/// SIGTERM while `fmt` waits between writing the temporary file and renaming it (a test-only
/// hook, in debug builds): the temporary file is removed and the original is intact.
#[cfg(all(unix, debug_assertions))]
#[test]
fn sigterm_in_the_middle_of_a_write_leaves_no_temporary_file() {
    for signal in ["TERM", "INT"] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (path, before) = messy(dir.path(), false, "\n");
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rammelab"))
            .args(["fmt", "m.lsm"])
            .current_dir(dir.path())
            .env(FAIL_BEFORE_RENAME, "pause")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        // Wait (at most 20 s) for the temporary file to appear.
        let start = std::time::Instant::now();
        while !names(dir.path())
            .iter()
            .any(|n| n.contains(".rammelab-tmp-"))
        {
            assert!(start.elapsed().as_secs() < 20, "no temporary file appeared");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let killed = std::process::Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status();
        assert!(killed.is_ok_and(|s| s.success()));
        let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
        assert!(!status.success(), "{status:?}");
        assert_eq!(names(dir.path()), vec!["m.lsm".to_string()], "SIG{signal}");
        assert_eq!(std::fs::read(&path).ok(), Some(before));
    }
}

// --- The standing fuzz run, short (issue 20.5) ---------------------------------------------

/// 200 mutants (150 models, 50 rule packs) of the shipped models, the corpus and the rule
/// packs, with a fixed seed, through the binary by `scripts/fuzz.py --quick` (the long run,
/// `docs/robustness.md`, uses the same script on the release binary).
#[test]
fn a_short_fuzz_run_finds_no_panic_hang_leak_or_unlocated_model_diagnostic() {
    let out = std::process::Command::new("python3")
        .args(["scripts/fuzz.py", "--quick", "--seed", "1", "--jobs", "2"])
        .args(["--models", "150", "--rules", "50", "--timeout", "30"])
        .args(["--binary", env!("CARGO_BIN_EXE_rammelab")])
        .output()
        .unwrap_or_else(|e| panic!("this test runs `python3 scripts/fuzz.py`: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let summary: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{e}\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr)));
    let count = |class: &str, kind: &str| summary["found"][class][kind].as_u64();
    assert_eq!(summary["model_mutants"].as_u64(), Some(150), "{stdout}");
    assert_eq!(summary["rule_pack_mutants"].as_u64(), Some(50), "{stdout}");
    for kind in ["model", "pack"] {
        for class in ["panic", "timeout", "leak"] {
            assert_eq!(count(class, kind), Some(0), "{class} ({kind}):\n{stdout}");
        }
    }
    // Every diagnostic, of a model or of a rule pack, is located, and `--format json` prints a
    // document even when the rule packs fail to load (issue 20.3).
    for kind in ["model", "pack"] {
        assert_eq!(
            count("unlocated", kind),
            Some(0),
            "unlocated ({kind}):\n{stdout}"
        );
        assert_eq!(count("json", kind), Some(0), "no JSON ({kind}):\n{stdout}");
    }
}
