//! `rammelab studio` over HTTP: the served binary on a copy of the shipped models, driven by a
//! plain HTTP client. The API the page uses (workspace, model, view, lab, report, save, events)
//! and the safety the issue asks for: path traversal (`..`, absolute, symlink, encoded), a
//! foreign `Host` and `Origin`, a state change without the token, an oversized body and a
//! malformed request are each refused with a clear status, nothing outside the folder is
//! touched, and the server still answers after each.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::studio_support::{self, Studio};
use serde_json::json;

const MODEL: &str = "paa-doerterskelen.lsm";

/// One line per refusal: what was sent, the status, and the error code of the answer.
fn line(what: &str, a: &studio_support::Answer) -> String {
    let code = serde_json::from_str::<serde_json::Value>(&a.body)
        .ok()
        .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_string))
        .unwrap_or_else(|| "-".into());
    format!("{what}: {} {code}", a.status)
}

#[test]
fn the_page_and_its_assets_come_with_a_strict_policy_and_a_token() {
    let s = Studio::start(&[]);
    let page = s.get("/");
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert_eq!(s.token.len(), 32);
    assert!(page.body.contains("<html lang=\"nb\">"));
    assert!(s.get("/?lang=en").body.contains("<html lang=\"en\">"));
    for asset in ["studio.css", "app.js", "editor.js", "graph.js", "panels.js"] {
        let a = s.get(&format!("/assets/{asset}"));
        assert_eq!(a.status, 200, "{asset}");
        assert!(a.header("content-security-policy").is_some(), "{asset}");
    }
    // No script in the page itself: everything runs from the studio's own modules.
    assert!(!page.body.contains("<script>") && !page.body.contains("onclick"));
    assert_eq!(s.get("/assets/../Cargo.toml").status, 404);
}

#[test]
fn the_workspace_lists_models_variants_and_overlays() {
    let s = Studio::start(&[]);
    let ws = s.get("/api/workspace").json();
    let models: Vec<&str> = ws["models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(models.contains(&MODEL));
    assert!(models.contains(&"variants/paa-doerterskelen/med-databehandleravtale.lsm"));
    let overlays = ws["overlays"].as_array().unwrap();
    assert!(overlays
        .iter()
        .any(|o| o["id"] == "builtin:ny-forvaltningslov"));
    assert_eq!(ws["at"], studio_support::AT);
    assert_eq!(ws["read_only"], false);
}

#[test]
fn a_model_has_findings_and_a_typo_is_a_located_diagnostic() {
    let s = Studio::start(&[]);
    let text = s.read(MODEL);
    let view = s.post("/api/view", &s.edit(MODEL, &text)).json();
    assert_eq!(view["diagnostics"].as_array().unwrap().len(), 0);
    let barriers = view["check"]["models"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "barrier")
        .count();
    assert!(barriers > 0);
    assert!(view["svg"].as_str().unwrap().starts_with("<svg"));
    assert!(view["tokens"].as_array().unwrap().len() > 50);
    assert!(!view["unlock"].as_array().unwrap().is_empty());

    let (line_no, typo) = typo_in(&text);
    let view = s.post("/api/view", &s.edit(MODEL, &typo)).json();
    let diags = view["diagnostics"].as_array().unwrap();
    let d = diags
        .iter()
        .find(|d| d["code"] == "rammelab::unknown-field")
        .unwrap_or_else(|| panic!("{view:#}"));
    assert_eq!(d["line"], line_no, "{d}");
    assert!(d["help"].as_str().unwrap().contains("`provider`"), "{d}");
    assert!(view["check"].is_null());
    // The quick fix (from `crate::fix`) puts the word back, and the findings come back.
    let fix = &d["fix"];
    assert_eq!(fix["replacement"], "provider", "{d}");
    let (start, end) = (
        fix["start"].as_u64().unwrap() as usize,
        fix["end"].as_u64().unwrap() as usize,
    );
    let fixed = format!("{}provider{}", &typo[..start], &typo[end..]);
    assert_eq!(fixed, text);
    let view = s.post("/api/view", &s.edit(MODEL, &fixed)).json();
    assert!(view["diagnostics"].as_array().unwrap().is_empty());
}

/// The model with its first `provider:` misspelt, and the (1-based) line it is on.
fn typo_in(text: &str) -> (usize, String) {
    let at = text.find("provider:").unwrap();
    let line = text[..at].matches('\n').count() + 1;
    (line, format!("{}providr:{}", &text[..at], &text[at + 9..]))
}

/// An overlay that repeals the rule on direct awards above the EEA threshold (a test's own,
/// not a proposal anyone made), written into the studio's folder.
pub const REPEAL: &str = "overlay: test-repeal
version: \"2026.12\"
title:
  nb: \"Test: direkte tildeling tillatt\"
  en: \"Test: direct award allowed\"
status: proposed
test_date: 2026-12-01
source:
  act: \"Test\"
  short: test
  section: \"§ 1\"
  url: \"https://lovdata.no/lov/2016-06-17-73\"
repeal:
  - rule: foa-direct-award-above-eea-threshold
    from: 2026-01-01
";

#[test]
fn an_overlay_and_the_date_change_the_findings() {
    let s = Studio::start(&[]);
    let text = s.read(MODEL);
    let count = |v: &serde_json::Value| {
        v["check"]["models"][0]["findings"]
            .as_array()
            .unwrap()
            .len()
    };
    std::fs::write(s.dir.join("test-repeal.yaml"), REPEAL).unwrap();
    let variant = "variants/paa-doerterskelen/med-databehandleravtale.lsm";
    let vtext = s.read(variant);
    let status = |v: &serde_json::Value| v["check"]["models"][0]["services"][0]["status"].clone();
    let plain = s.post("/api/view", &s.edit(variant, &vtext)).json();
    assert_eq!(status(&plain), "blocked", "{plain:#}");
    let ws = s.get("/api/workspace").json();
    assert!(
        ws["overlays"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["id"] == "test-repeal.yaml"),
        "{ws}"
    );
    let mut with = s.edit(variant, &vtext);
    with["overlays"] = json!(["test-repeal.yaml"]);
    let overlaid = s.post("/api/view", &with).json();
    assert!(
        overlaid["overlay_errors"].as_array().unwrap().is_empty(),
        "{}",
        overlaid["overlay_errors"]
    );
    assert_ne!(
        status(&overlaid),
        "blocked",
        "{:#}",
        overlaid["check"]["models"][0]["services"]
    );
    let plain = s.post("/api/view", &s.edit(MODEL, &text)).json();
    let mut early = s.edit(MODEL, &text);
    early["at"] = json!("2020-01-01");
    let then = s.post("/api/view", &early).json();
    assert_ne!(count(&plain), count(&then));
    let mut bad = s.edit(MODEL, &text);
    bad["overlays"] = json!(["../outside/x.yaml", "builtin:nothing"]);
    let refused = s.post("/api/view", &bad).json();
    assert_eq!(refused["overlay_errors"].as_array().unwrap().len(), 2);
}

#[test]
fn the_lab_and_the_report_of_what_is_on_screen() {
    let s = Studio::start(&[]);
    let text = s.read(MODEL);
    let lab = s.post("/api/lab", &s.edit(MODEL, &text)).json();
    assert!(lab["rows"].as_array().unwrap().len() > 3, "{lab}");
    let mut ask = s.edit(MODEL, &text);
    ask["format"] = json!("html");
    let html = s.post("/api/report", &ask);
    assert_eq!(html.status, 200);
    assert!(html
        .header("content-disposition")
        .unwrap()
        .contains("rapport.html"));
    assert!(html.body.contains("<html"));
    ask["format"] = json!("md");
    let md = s.post("/api/report", &ask);
    assert!(
        md.body.starts_with('#'),
        "{}",
        &md.body[..100.min(md.body.len())]
    );
}

#[test]
fn save_writes_the_file_whole_and_read_only_refuses() {
    let s = Studio::start(&[]);
    let text = s
        .read(MODEL)
        .replace("På dørterskelen", "På dørterskelen (lagret)");
    let a = s.post("/api/save", &s.edit(MODEL, &text));
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(s.read(MODEL), text);
    let leftovers: Vec<_> = std::fs::read_dir(&s.dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let r = Studio::start(&["--read-only"]);
    let before = r.read(MODEL);
    let a = r.post("/api/save", &r.edit(MODEL, "model \"x\" {}\n"));
    assert_eq!(a.status, 403);
    assert_eq!(r.read(MODEL), before);
    assert!(r.get("/").body.contains("data-read-only=\"true\""));
}

#[test]
fn refusals_are_clear_and_the_server_keeps_answering() {
    let s = Studio::start(&["--max-file-size", "40KiB"]);
    let secret = s.root.path().join("outside/secret.lsm");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, s.dir.join("link.lsm")).unwrap();
    let token = s.token.clone();
    let json_token = [
        ("Content-Type", "application/json"),
        ("X-Rammelab-Token", token.as_str()),
    ];
    let mut lines = Vec::new();
    let mut case = |what: &str, a: studio_support::Answer| {
        lines.push(line(what, &a));
        let alive = s.get("/api/workspace");
        assert_eq!(alive.status, 200, "not answering after {what}");
    };
    for (what, path) in [
        ("read ..", "../outside/secret.lsm"),
        ("read absolute", secret.to_str().unwrap()),
        ("read symlink out", "link.lsm"),
        ("read encoded ..", "%2e%2e%2foutside%2fsecret.lsm"),
        (
            "read double-encoded ..",
            "%252e%252e%252foutside%252fsecret.lsm",
        ),
        ("read backslash", "..%5coutside%5csecret.lsm"),
        ("read other extension", "..%2f..%2fetc%2fpasswd"),
        ("read README", "README.md"),
        ("read missing", "none.lsm"),
    ] {
        let p = if what.contains("absolute") {
            path.replace('/', "%2f")
        } else {
            path.to_string()
        };
        case(what, s.get(&format!("/api/model?path={p}")));
    }
    let before = std::fs::read_to_string(&secret).unwrap();
    for (what, path) in [
        ("save ..", "../outside/secret.lsm"),
        ("save absolute", secret.to_str().unwrap()),
        ("save symlink out", "link.lsm"),
    ] {
        case(
            what,
            s.post("/api/save", &s.edit(path, "model \"owned\" {}\n")),
        );
    }
    assert_eq!(
        std::fs::read_to_string(&secret).unwrap(),
        before,
        "a file outside was written"
    );
    let body = s.edit(MODEL, "model \"x\" {}\n").to_string();
    case(
        "foreign Host",
        s.request("GET", "/", &[("Host", "evil.example:80")], ""),
    );
    case("no Host", s.raw(b"GET / HTTP/1.0\r\n\r\n"));
    case(
        "foreign Origin",
        s.request(
            "POST",
            "/api/view",
            &[
                json_token[0],
                json_token[1],
                ("Origin", "http://evil.example"),
            ],
            &body,
        ),
    );
    case(
        "POST without token",
        s.request("POST", "/api/save", &[json_token[0]], &body),
    );
    case(
        "POST with a wrong token",
        s.request(
            "POST",
            "/api/save",
            &[
                json_token[0],
                ("X-Rammelab-Token", "0123456789abcdef0123456789abcdef"),
            ],
            &body,
        ),
    );
    let big = "#".repeat(60 * 1024);
    case(
        "model over --max-file-size",
        s.post("/api/view", &s.edit(MODEL, &big)),
    );
    case(
        "body over the limit",
        s.raw(format!(
            "POST /api/view HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nX-Rammelab-Token: {token}\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\n{{",
            s.host()
        ).as_bytes()),
    );
    case(
        "malformed JSON",
        s.request("POST", "/api/view", &json_token, "{\"path\": "),
    );
    case(
        "JSON of the wrong shape",
        s.request("POST", "/api/view", &json_token, "[1, 2]"),
    );
    case(
        "bad date",
        s.post(
            "/api/view",
            &json!({"path": MODEL, "text": "", "at": "2026-13-45"}),
        ),
    );
    case("malformed request line", s.raw(b"GARBAGE\r\n\r\n"));
    case("unknown route", s.get("/api/nothing"));
    insta::assert_snapshot!(lines.join("\n"));
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), before);
}

#[test]
fn a_change_on_disk_is_pushed_as_an_event() {
    let s = Studio::start(&[]);
    let mut stream = TcpStream::connect(s.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET /api/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        s.host()
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    reader.read_line(&mut head).unwrap();
    assert!(head.contains("200"), "{head}");
    // The watcher is started before the address is printed; give the stream a moment to be
    // subscribed, then change the file as another editor would.
    std::thread::sleep(Duration::from_millis(300));
    // A file only read (the page asking for it) is not a change: no event, so no loop of
    // page reloads.
    assert_eq!(s.get(&format!("/api/model?path={MODEL}")).status, 200);
    reader
        .get_ref()
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let quiet = Instant::now();
    let mut early = String::new();
    while quiet.elapsed() < Duration::from_millis(1000) {
        let mut l = String::new();
        let _ = reader.read_line(&mut l);
        early.push_str(&l);
    }
    assert!(
        !early.contains("event: changed"),
        "an event for a read: {early}"
    );
    reader
        .get_ref()
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let path = s.dir.join(MODEL);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\n# endret\n")).unwrap();
    let started = Instant::now();
    let mut seen = String::new();
    while started.elapsed() < Duration::from_secs(5) {
        let mut l = String::new();
        if reader.read_line(&mut l).unwrap_or(0) == 0 {
            break;
        }
        seen.push_str(&l);
        if seen.contains("event: changed") && seen.contains(&format!("data: {MODEL}")) {
            return;
        }
    }
    panic!("no change event within 5 s: {seen}");
}
