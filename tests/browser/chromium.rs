//! Headless Chromium driven over the DevTools protocol, for the tests of pages: the printed
//! report (`report.rs`) and the studio (`studio.rs`).
//!
//! The test starts Chromium with `--remote-debugging-port=0` and an empty profile, and talks to
//! it over a websocket on the loopback address (`tungstenite`). On the page's own session it
//! enables the `Network`, `Runtime` and `Log` domains before navigating, so the browser itself
//! reports every request the page makes, every console message and uncaught exception, and
//! every browser log entry (failed loads, CSP violations). `problems` turns them into a list a
//! test asserts empty. Chromium: Debian's `chromium`, or `RAMMELAB_CHROMIUM=/path`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
];

pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RAMMELAB_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

/// A running Chromium and the DevTools connection to it.
pub struct Browser {
    child: Child,
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
    events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    /// Starts Chromium; fails the test when there is none.
    pub fn launch() -> Browser {
        let Some(exe) = chromium() else {
            panic!(
                "no Chromium found: this test needs Debian's `chromium` (or RAMMELAB_CHROMIUM=/path)"
            );
        };
        let profile = tempfile::tempdir().unwrap();
        let log = std::fs::File::create(profile.path().join("stderr.log")).unwrap();
        let child = Command::new(&exe)
            .args(FLAGS)
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {}: {e}", exe.display()));
        let port_file = profile.path().join("DevToolsActivePort");
        let deadline = Instant::now() + Duration::from_secs(60);
        let text = loop {
            if let Ok(t) = std::fs::read_to_string(&port_file) {
                if t.lines().count() >= 2 {
                    break t;
                }
            }
            assert!(
                Instant::now() < deadline,
                "Chromium did not open its DevTools port: {}",
                std::fs::read_to_string(profile.path().join("stderr.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        };
        let mut lines = text.lines();
        let port = lines.next().unwrap().trim();
        let path = lines.next().unwrap().trim();
        // Chromium sends a captured PDF or screenshot as one frame; the report of every shipped
        // model is larger than tungstenite's default 16 MiB frame limit.
        let config = tungstenite::protocol::WebSocketConfig {
            max_frame_size: Some(256 << 20),
            max_message_size: Some(256 << 20),
            ..Default::default()
        };
        let (ws, _) = tungstenite::client::connect_with_config(
            format!("ws://127.0.0.1:{port}{path}"),
            Some(config),
            3,
        )
        .unwrap();
        if let MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_millis(200)))
                .unwrap();
        }
        Browser {
            child,
            ws,
            next_id: 0,
            events: Vec::new(),
            _profile: profile,
        }
    }

    /// Reads one message, if one comes within the read timeout.
    pub fn read(&mut self) -> Option<Value> {
        match self.ws.read() {
            Ok(Message::Text(t)) => Some(serde_json::from_str(&t).unwrap()),
            Ok(_) => None,
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                None
            }
            Err(e) => panic!("DevTools connection: {e}"),
        }
    }

    /// Sends a command and waits for its answer, keeping the events that arrive meanwhile.
    pub fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.ws.send(Message::Text(msg.to_string())).unwrap();
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            let Some(v) = self.read() else { continue };
            if v["id"] == json!(id) {
                if let Some(err) = v.get("error") {
                    panic!("{method} failed: {err}");
                }
                return v["result"].clone();
            }
            self.events.push(v);
        }
        panic!("{method}: no answer in time");
    }

    /// Collects events for a while.
    pub fn pump(&mut self, d: Duration) {
        let until = Instant::now() + d;
        while Instant::now() < until {
            if let Some(v) = self.read() {
                self.events.push(v);
            }
        }
    }

    /// Waits for an event of the session.
    pub fn wait_for(&mut self, session: &str, method: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        let seen = |events: &[Value]| {
            events
                .iter()
                .any(|e| e["method"] == json!(method) && e["sessionId"] == json!(session))
        };
        while !seen(&self.events) {
            assert!(Instant::now() < deadline, "no {method} in time");
            if let Some(v) = self.read() {
                self.events.push(v);
            }
        }
    }

    /// Opens a page in a new tab with every reporting domain on, and waits until it has loaded.
    pub fn open(&mut self, url: &str) -> Page {
        let target = self.call(None, "Target.createTarget", json!({"url": "about:blank"}));
        let target = target["targetId"].as_str().unwrap().to_string();
        let attached = self.call(
            None,
            "Target.attachToTarget",
            json!({"targetId": target, "flatten": true}),
        );
        let session = attached["sessionId"].as_str().unwrap().to_string();
        for domain in ["Page", "Runtime", "Log", "Network"] {
            self.call(Some(&session), &format!("{domain}.enable"), json!({}));
        }
        self.viewport(&session, 1280, 800);
        self.call(Some(&session), "Page.navigate", json!({"url": url}));
        self.wait_for(&session, "Page.loadEventFired");
        self.pump(Duration::from_millis(500));
        Page {
            session,
            target,
            url: url.to_string(),
        }
    }

    pub fn viewport(&mut self, session: &str, width: u32, height: u32) {
        self.call(
            Some(session),
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        );
    }

    /// The value of a JavaScript expression in the page (the test's own probe; the page runs
    /// no script of its own).
    pub fn eval(&mut self, page: &Page, expr: &str) -> Value {
        let r = self.call(
            Some(&page.session),
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true}),
        );
        r["result"]["value"].clone()
    }

    pub fn data(&mut self, page: &Page, method: &str, params: Value) -> Vec<u8> {
        let r = self.call(Some(&page.session), method, params);
        base64::engine::general_purpose::STANDARD
            .decode(r["data"].as_str().unwrap())
            .unwrap()
    }

    /// What went wrong on the page: requests other than the page itself, console errors,
    /// exceptions and error log entries. Warnings are printed.
    pub fn problems(&mut self, page: &Page) -> Vec<String> {
        self.pump(Duration::from_millis(300));
        let mut out = Vec::new();
        for e in self
            .events
            .iter()
            .filter(|e| e["sessionId"] == json!(page.session))
        {
            let p = &e["params"];
            match e["method"].as_str().unwrap_or("") {
                "Network.requestWillBeSent" => {
                    let url = p["request"]["url"].as_str().unwrap_or("");
                    let origin = page.url.split('?').next().unwrap_or_default();
                    // data: URLs are the browser's own (the date picker's icon); nothing leaves.
                    if !url.starts_with(origin) && !url.starts_with("data:") {
                        out.push(format!("network request: {url}"));
                    }
                }
                "Runtime.consoleAPICalled" => {
                    let text = p["args"].to_string();
                    match p["type"].as_str().unwrap_or("") {
                        "error" | "assert" => out.push(format!("console error: {text}")),
                        "warning" => eprintln!("console warning: {text}"),
                        _ => {}
                    }
                }
                "Runtime.exceptionThrown" => {
                    out.push(format!("exception: {}", p["exceptionDetails"]))
                }
                "Log.entryAdded" => {
                    let entry = &p["entry"];
                    let text = format!("{} ({})", entry["text"], entry["url"]);
                    match entry["level"].as_str().unwrap_or("") {
                        "error" => out.push(format!("log error: {text}")),
                        "warning" => eprintln!("log warning: {text}"),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        out
    }
}

pub struct Page {
    pub session: String,
    pub target: String,
    pub url: String,
}
