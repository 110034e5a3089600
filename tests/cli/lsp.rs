//! The language server (`rammelab lsp`), driven as an editor drives it: the built binary is
//! started, JSON-RPC messages go to its standard input with `Content-Length` framing, and its
//! answers are read from its standard output. Each feature is checked on shipped models and on
//! broken ones, with snapshots of the answers (absolute paths and URIs redacted to `[ROOT]`).
//! The date is pinned by the `at` setting; nothing here measures time (a read waits at most a
//! minute so that a server that stops answering fails the test instead of hanging it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use serde_json::{json, Value};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The `file:` URI of a path under the repository (percent-encoding what a URI must).
fn uri_of(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn file(rel: &str) -> PathBuf {
    Path::new(ROOT).join(rel)
}

/// A running server and what it sent.
struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Option<Value>>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    pending: Vec<Value>,
}

impl Client {
    fn start(args: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rammelab"))
            .arg("lsp")
            .args(args)
            .env_remove("RAMMELAB_LANG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        let _ = tx.send(None);
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        length = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.unwrap()];
                r.read_exact(&mut body).unwrap();
                let _ = tx.send(Some(serde_json::from_slice(&body).unwrap()));
            }
        });
        Client {
            child,
            stdin,
            rx,
            next_id: 1,
            pending: Vec::new(),
        }
    }

    /// Starts a server and initializes it with `options`, in `locale`.
    fn initialized(options: Value, locale: &str) -> Client {
        let mut c = Client::start(&[]);
        c.initialize(options, locale, ROOT);
        c
    }

    fn initialize(&mut self, options: Value, locale: &str, root: &str) -> Value {
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri_of(Path::new(root)),
                "capabilities": {},
                "locale": locale,
                "initializationOptions": options,
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn send_raw(&mut self, body: &[u8]) {
        let mut msg = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        msg.extend_from_slice(body);
        self.stdin.write_all(&msg).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, v: &Value) {
        self.send_raw(v.to_string().as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn recv(&mut self) -> Value {
        match self.rx.recv_timeout(Duration::from_secs(60)) {
            Ok(Some(v)) => v,
            Ok(None) => panic!("the server closed its output"),
            Err(RecvTimeoutError::Timeout) => panic!("no answer from the server in a minute"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server's output is gone"),
        }
    }

    /// Sends a request and returns its whole response (result or error).
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.recv();
            if m.get("id") == Some(&json!(id)) && m.get("method").is_none() {
                return m;
            }
            self.pending.push(m);
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        if let Some(i) = self.pending.iter().position(|m| is_diagnostics(m, uri)) {
            return self.pending.remove(i)["params"].clone();
        }
        loop {
            let m = self.recv();
            if is_diagnostics(&m, uri) {
                return m["params"].clone();
            }
            self.pending.push(m);
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "lsm", "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    fn open_file(&mut self, rel: &str) -> (String, Value) {
        let path = file(rel);
        let uri = uri_of(&path);
        let text = std::fs::read_to_string(&path).unwrap();
        let d = self.open(&uri, &text);
        (uri, d)
    }

    fn change(&mut self, uri: &str, version: i64, changes: Value) -> Value {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
        self.diagnostics(uri)
    }

    fn at(&mut self, method: &str, uri: &str, line: u32, character: u32) -> Value {
        self.request(
            method,
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        )
    }

    /// Shuts the server down and returns its exit code.
    fn stop(mut self) -> i32 {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.child.wait().unwrap().code().unwrap_or(-1)
    }
}

fn is_diagnostics(m: &Value, uri: &str) -> bool {
    m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
}

/// The value with the repository's path (raw and as a URI) replaced by `[ROOT]`.
fn redact(v: &Value) -> Value {
    let text = v.to_string();
    let uri_root = uri_of(Path::new(ROOT));
    let text = text
        .replace(&uri_root, "file://[ROOT]")
        .replace(ROOT, "[ROOT]");
    serde_json::from_str(&text).unwrap()
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

/// The pinned settings most tests use.
fn pinned() -> Value {
    json!({"at": "2026-06-01"})
}

#[test]
fn initialize_announces_the_features() {
    let mut c = Client::start(&[]);
    let result = c.initialize(pinned(), "en", ROOT);
    insta::assert_yaml_snapshot!(result);
    assert_eq!(c.stop(), 0);
}

#[test]
fn a_shipped_model_gets_its_findings_with_codes_and_lovdata_links() {
    let mut c = Client::initialized(pinned(), "en-GB");
    let (_, d) = c.open_file("models/paa-doerterskelen.lsm");
    for diag in d["diagnostics"].as_array().unwrap() {
        assert!(diag["code"].is_string(), "{diag}");
        assert!(
            diag["codeDescription"]["href"]
                .as_str()
                .is_some_and(|h| h.starts_with("https://")),
            "{diag}"
        );
    }
    insta::assert_yaml_snapshot!(redact(&d));
    c.stop();
}

#[test]
fn findings_can_be_turned_off_by_a_setting() {
    let mut c = Client::initialized(json!({"at": "2026-06-01", "findings": false}), "en");
    let (uri, d) = c.open_file("models/paa-doerterskelen.lsm");
    assert_eq!(d["diagnostics"], json!([]));
    // And on again by the client's configuration.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"rammelab": {"findings": true}}}),
    );
    let d = c.diagnostics(&uri);
    assert!(!d["diagnostics"].as_array().unwrap().is_empty());
    c.stop();
}

#[test]
fn a_model_that_becomes_valid_and_broken_again_as_edits_arrive() {
    let mut c = Client::initialized(pinned(), "en");
    let path = file("tests/lsp/tiny.lsm");
    let uri = uri_of(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut steps = Vec::new();
    steps.push(("opened valid", c.open(&uri, &text)));
    // `type` of `posten` becomes `tpye` (incremental).
    let broken = c.change(
        &uri,
        2,
        json!([{"range": range(11, 2, 11, 6), "text": "tpye"}]),
    );
    steps.push(("field misspelt", broken));
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(11, 2, 11, 6), "context": {"diagnostics": []}}),
    );
    steps.push(("did-you-mean", actions.clone()));
    // Apply the action's edit as the editor would: one incremental change.
    let edit = &actions[0]["edit"]["changes"][&uri][0];
    let fixed = c.change(
        &uri,
        3,
        json!([{"range": edit["range"], "text": edit["newText"]}]),
    );
    steps.push(("fixed", fixed));
    // Full sync: the whole text, with the last `}` gone.
    let cut = text.trim_end().trim_end_matches('}').to_string();
    steps.push(("brace removed", c.change(&uri, 4, json!([{"text": cut}]))));
    insta::assert_yaml_snapshot!(redact(&json!(steps)));
    c.stop();
}

#[test]
fn norwegian_keywords_get_norwegian_words() {
    let mut c = Client::initialized(pinned(), "nb-NO");
    let (uri, d) = c.open_file("models/paa-doerterskelen.nb.lsm");
    let hover_field = c.at("textDocument/hover", &uri, 26, 4);
    let hover_term = c.at("textDocument/hover", &uri, 8, 10);
    // Terms are offered in the Norwegian words the item is written in.
    let terms = c.at("textDocument/completion", &uri, 8, 8);
    let labels: Vec<&str> = terms
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"kommune") && labels.contains(&"statlig_selskap"),
        "{labels:?}"
    );
    assert!(!labels.contains(&"municipality"), "{labels:?}");
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    insta::assert_yaml_snapshot!(redact(&json!({
        "diagnostics": d,
        "hover on `leverandør`": hover_field,
        "hover on the term `kommune`": hover_term,
        "outline": symbols,
    })));
    c.stop();
}

#[test]
fn hover_explains_fields_terms_units_ids_and_findings() {
    let mut c = Client::initialized(pinned(), "en");
    let (uri, _) = c.open_file("models/paa-doerterskelen.lsm");
    let mut out = serde_json::Map::new();
    for (name, line, character) in [
        ("field `provider`", 27, 4),
        ("term `municipality`", 9, 10),
        ("reference `posten`", 27, 13),
        ("unit `NOK`", 49, 21),
        ("period `year`", 49, 29),
        ("flow `mottakerliste` with its findings", 40, 8),
        ("blank line", 7, 0),
    ] {
        out.insert(
            name.to_string(),
            c.at("textDocument/hover", &uri, line, character),
        );
    }
    insta::assert_yaml_snapshot!(redact(&Value::Object(out)));
    c.stop();
}

#[test]
fn completion_offers_what_fits_where_the_cursor_is() {
    let mut c = Client::initialized(pinned(), "en");
    let (uri, _) = c.open_file("tests/lsp/completion.lsm");
    let mut out = serde_json::Map::new();
    for (name, line, character) in [
        ("terms of `type`", 5, 8),
        ("actors for `provider`", 9, 12),
        ("fields of a service", 10, 2),
        ("units after an amount", 15, 14),
        ("periods after `per`", 20, 22),
        ("Norwegian fields", 24, 4),
        ("keywords at the top", 27, 2),
        ("ends of a flow", 13, 9),
    ] {
        let items = c.at("textDocument/completion", &uri, line, character);
        let labels: Vec<Value> = items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].clone())
            .collect();
        out.insert(name.to_string(), json!(labels));
    }
    insta::assert_yaml_snapshot!(Value::Object(out));
    c.stop();
}

#[test]
fn a_variant_navigates_into_its_base_and_renames_across_both() {
    let mut c = Client::initialized(pinned(), "en");
    let (variant, d) = c.open_file("models/variants/paa-doerterskelen/med-databehandleravtale.lsm");
    // `kommune` in `agreement databehandleravtale: kommune <-> posten`.
    let definition = c.at("textDocument/definition", &variant, 9, 33);
    assert!(
        definition["uri"]
            .as_str()
            .unwrap()
            .ends_with("/models/paa-doerterskelen.lsm"),
        "{definition}"
    );
    let references = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": variant}, "position": {"line": 9, "character": 44},
               "context": {"includeDeclaration": true}}),
    );
    let rename = c.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": variant}, "position": {"line": 9, "character": 44},
               "newName": "postverket"}),
    );
    let bad_name = c.call(
        "textDocument/rename",
        json!({"textDocument": {"uri": variant}, "position": {"line": 9, "character": 44},
               "newName": "2 ord"}),
    );
    // From the base, with the variant open: the variant's uses are found too.
    let (base, _) = c.open_file("models/paa-doerterskelen.lsm");
    let from_base = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": base}, "position": {"line": 12, "character": 8},
               "context": {"includeDeclaration": false}}),
    );
    insta::assert_yaml_snapshot!(redact(&json!({
        "diagnostics": d,
        "definition": definition,
        "references": references,
        "rename": rename,
        "rename to a bad id": bad_name["error"]["code"],
        "references from the base": from_base,
    })));
    c.stop();
}

#[test]
fn outline_and_formatting() {
    let mut c = Client::initialized(pinned(), "en");
    let uri = uri_of(&file("tests/lsp/untidy.lsm"));
    c.open(
        &uri,
        "model \"Rotete\" {\n challenge:   demography\n}\nactor kommune \"K\" { type: municipality }\n",
    );
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let format = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    // A file that does not parse is not formatted.
    c.change(&uri, 2, json!([{"text": "model \"x\" {"}]));
    let broken = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    insta::assert_yaml_snapshot!(redact(&json!({
        "outline": symbols, "formatting": format, "formatting a broken file": broken,
    })));
    c.stop();
}

#[test]
fn code_actions_add_a_missing_field_and_the_agreement_a_barrier_asks_for() {
    let mut c = Client::initialized(pinned(), "en");
    let (missing, d) = c.open_file("tests/lsp/missing-field.lsm");
    let error = d["diagnostics"][0].clone();
    let add_field = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": missing}, "range": error["range"], "context": {"diagnostics": [error]}}),
    );
    let (model, _) = c.open_file("models/paa-doerterskelen.lsm");
    // The flow `mottakerliste` has the GDPR art. 28 barrier (no data processing agreement).
    let agreement = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": model}, "range": range(40, 5, 40, 18), "context": {"diagnostics": []}}),
    );
    insta::assert_yaml_snapshot!(redact(&json!({
        "missing field": add_field, "missing agreement": agreement,
    })));
    c.stop();
}

#[test]
fn positions_count_utf16_units_past_emoji_and_norwegian_letters() {
    let mut c = Client::initialized(pinned(), "en");
    let uri = uri_of(&file("tests/lsp/emoji.lsm"));
    let d = c.open(
        &uri,
        "model \"m\" {\n  challenge: demography\n}\nactor a \"😀 Ærlig\" { type: municipalty }\n",
    );
    let term = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "rammelab::unknown-term")
        .unwrap()
        .clone();
    // `actor a "` is 9 units, the emoji 2, ` Ærlig" { type: ` 16: the term starts at 27.
    assert_eq!(term["range"], range(3, 27, 3, 38), "{term}");
    // A position inside the emoji, and ones past the end of a line and of the file, are
    // answered, not refused.
    for (line, character) in [(3, 10), (3, 500), (99, 0)] {
        let r = c.call(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        );
        assert!(r.get("error").is_none(), "{r}");
    }
    // An edit that replaces the emoji (two units) with a letter.
    let d = c.change(&uri, 2, json!([{"range": range(3, 9, 3, 11), "text": "Å"}]));
    let term = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "rammelab::unknown-term")
        .unwrap()
        .clone();
    assert_eq!(term["range"], range(3, 26, 3, 37), "{term}");
    c.stop();
}

#[test]
fn bad_input_is_answered_and_the_server_goes_on() {
    let mut c = Client::start(&[]);
    let early = c.call("textDocument/hover", json!({}));
    c.initialize(pinned(), "en", ROOT);
    c.send_raw(b"{ not json");
    let parse_error = c.recv();
    c.send_raw(b"\xff\xfe\xfd");
    let not_utf8 = c.recv();
    let unknown = c.call("rammelab/nothing", json!({}));
    let bad_params = c.call("textDocument/hover", json!({"textDocument": 3}));
    let not_open = c.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.lsm"}, "position": {"line": 0, "character": 0}}),
    );
    // Notifications with bad parameters and unknown notifications are ignored.
    c.notify("textDocument/didChange", json!({"nonsense": true}));
    c.notify("$/somethingElse", json!({}));
    // Still answering.
    let uri = uri_of(&file("tests/lsp/after.lsm"));
    let d = c.open(&uri, "modell \"etter\" {\n  utfordring: demografi\n}\n");
    insta::assert_yaml_snapshot!(redact(&json!({
        "before initialize": early["error"]["code"],
        "malformed JSON": parse_error,
        "not UTF-8": not_utf8,
        "unknown method": unknown["error"],
        "bad params": bad_params["error"]["code"],
        "document not open": not_open["error"],
        "diagnostics after it all": d,
    })));
    assert_eq!(c.stop(), 0);
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let mut c = Client::initialized(pinned(), "en");
    c.notify("exit", Value::Null);
    assert_eq!(c.child.wait().unwrap().code(), Some(1));
}

#[test]
fn settings_come_from_the_projects_rammelab_toml() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rammelab.toml"),
        "lang = \"en\"\nat = \"2026-06-01\"\n",
    )
    .unwrap();
    let model = dir.path().join("m.lsm");
    let text = "modell \"m\" {\n  utfordring: demografi\n}\naktør a \"A\" {\n  typo: kommune\n}\n";
    std::fs::write(&model, text).unwrap();
    let mut c = Client::start(&[]);
    // The client says bokmål; the project file says English, and wins.
    c.initialize(json!(null), "nb", dir.path().to_str().unwrap());
    let d = c.open(&uri_of(&model), text);
    let message = d["diagnostics"][0]["message"].as_str().unwrap().to_string();
    assert!(message.starts_with("this actor lacks"), "{message}");
    c.stop();
}

#[test]
fn the_lang_option_sets_the_language_over_the_clients_locale() {
    let mut c = Client::start(&["--lang", "nb"]);
    c.initialize(pinned(), "en", ROOT);
    let uri = uri_of(&file("tests/lsp/lang.lsm"));
    let d = c.open(&uri, "model \"m\" {\n  chalenge: demography\n}\n");
    insta::assert_yaml_snapshot!(redact(&d));
    c.stop();
}

#[test]
fn prepare_rename_names_the_id_and_closing_clears_the_diagnostics() {
    let mut c = Client::initialized(pinned(), "en");
    let (uri, d) = c.open_file("tests/lsp/tiny.lsm");
    assert!(!d["diagnostics"].as_array().unwrap().is_empty());
    // `actor posten "Posten Norge AS" {`
    let at_id = c.at("textDocument/prepareRename", &uri, 10, 8);
    assert_eq!(at_id, range(10, 6, 10, 12));
    // A keyword, a comment and a string are not ids.
    for (line, character) in [(10, 2), (0, 4), (10, 16)] {
        let r = c.at("textDocument/prepareRename", &uri, line, character);
        assert_eq!(r, Value::Null, "{line}:{character}");
    }
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(c.diagnostics(&uri)["diagnostics"], json!([]));
    // A request on the closed document is an error answer, not the end of the server.
    let r = c.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(r["error"]["code"], -32602);
    assert_eq!(c.stop(), 0);
}
