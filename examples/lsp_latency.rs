//! The language server's answer time to an edit: from sending a `didChange` to reading the
//! `publishDiagnostics` for that version, on the largest shipped model (or the one given),
//! through a real `rammelab lsp` process over pipes, as an editor sees it.
//!
//! Three kinds of edit, alternating: one that keeps the model valid (a letter of its first
//! comment: the whole model is parsed, resolved and evaluated again), one that breaks it (a field
//! name misspelt, so the answer is the errors), and the one that mends it again.
//!
//! ```text
//! cargo build --release --bin rammelab
//! cargo run --release --example lsp_latency -- [--bin target/release/rammelab] [--edits 300] [MODEL.lsm]
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut bin = None;
    let mut edits = 300usize;
    let mut model = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bin" => bin = args.next().map(PathBuf::from),
            "--edits" => edits = args.next().and_then(|n| n.parse().ok()).expect("a number"),
            _ => model = Some(PathBuf::from(a)),
        }
    }
    let bin = bin.unwrap_or_else(|| {
        // target/<profile>/examples/lsp_latency -> target/<profile>/rammelab
        let exe = std::env::current_exe().unwrap();
        exe.parent().unwrap().parent().unwrap().join("rammelab")
    });
    let model = model.unwrap_or_else(largest_shipped_model);
    let model = std::fs::canonicalize(&model).unwrap();
    let text = std::fs::read_to_string(&model).unwrap();
    println!(
        "{} ({} lines, {} bytes), server {}",
        model.display(),
        text.lines().count(),
        text.len(),
        bin.display()
    );

    let mut child = Command::new(&bin)
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let uri = format!("file://{}", model.display());
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
               "params": {"capabilities": {}, "initializationOptions": {"at": "2026-06-01"}}}),
    );
    wait_for(&mut stdout, |m| m["id"] == 1);
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
               {"uri": uri, "languageId": "lsm", "version": 1, "text": text}}}),
    );
    let opened = wait_for(&mut stdout, |m| {
        m["method"] == "textDocument/publishDiagnostics"
    });
    println!(
        "opened: {} diagnostics",
        opened["params"]["diagnostics"]
            .as_array()
            .map_or(0, Vec::len)
    );

    // A letter of the first comment (every shipped model and variant starts with one).
    let (name_line, name_col) = locate(&text, "# ", 2);
    let (field_line, field_col) = field_name(&text);
    let mut valid = Vec::new();
    let mut broken = Vec::new();
    let mut mended = Vec::new();
    let mut counts = [0usize; 3];
    for i in 0..edits {
        let version = i as i64 + 2;
        // A letter of the comment, then a field broken, then mended, and again.
        let (range, new, times, kind) = match i % 3 {
            0 => (
                range(name_line, name_col, name_line, name_col + 1),
                if i % 2 == 0 { "X" } else { "Y" },
                &mut valid,
                0,
            ),
            1 => (
                range(field_line, field_col, field_line, field_col),
                "q",
                &mut broken,
                1,
            ),
            _ => (
                range(field_line, field_col, field_line, field_col + 1),
                "",
                &mut mended,
                2,
            ),
        };
        let start = Instant::now();
        send(
            &mut stdin,
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": range, "text": new}]}}),
        );
        let m = wait_for(&mut stdout, |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
        });
        times.push(start.elapsed());
        counts[kind] = m["params"]["diagnostics"].as_array().map_or(0, Vec::len);
    }
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    );
    wait_for(&mut stdout, |m| m["id"] == 2);
    send(&mut stdin, json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = child.wait();

    println!("edit → diagnostics, milliseconds: min / median / p95 / max");
    for (label, times, count) in [
        ("valid edit (re-evaluated)", &mut valid, counts[0]),
        ("edit that breaks it", &mut broken, counts[1]),
        ("edit that mends it", &mut mended, counts[2]),
    ] {
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "  {label:<28} {:>6.2} / {:>6.2} / {:>6.2} / {:>6.2}   ({} edits, {count} diagnostics)",
            ms(times[0]),
            ms(at(0.5)),
            ms(at(0.95)),
            ms(times[times.len() - 1]),
            times.len()
        );
    }
}

/// The largest `models/*.lsm` by size.
fn largest_shipped_model() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("models");
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "lsm"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("a shipped model")
}

/// Line and UTF-16 column just after the first `needle` (plus `skip` bytes into it).
fn locate(text: &str, needle: &str, skip: usize) -> (u32, u32) {
    let at = text.find(needle).expect("found") + skip;
    position(text, at)
}

/// The start of the first field name of the second item (an indented `name:` line).
fn field_name(text: &str) -> (u32, u32) {
    let mut offset = 0;
    let mut items = 0;
    for line in text.split_inclusive('\n') {
        if !line.starts_with(' ') && line.trim_end().ends_with('{') {
            items += 1;
        }
        if items == 2 && line.starts_with("  ") && line.contains(':') {
            return position(text, offset + 2);
        }
        offset += line.len();
    }
    panic!("no field found");
}

fn position(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line as u32, before[start..].encode_utf16().count() as u32)
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

fn send(stdin: &mut ChildStdin, v: Value) {
    let body = v.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    stdin.flush().unwrap();
}

fn read(stdout: &mut BufReader<ChildStdout>) -> Value {
    let mut length = 0;
    loop {
        let mut line = String::new();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "server ended");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    stdout.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

fn wait_for(stdout: &mut BufReader<ChildStdout>, want: impl Fn(&Value) -> bool) -> Value {
    loop {
        let m = read(stdout);
        if want(&m) {
            return m;
        }
    }
}
