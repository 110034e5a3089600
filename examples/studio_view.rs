//! The studio's time from an edit to a fresh view: for each shipped model, a one-byte edit of
//! its text, then `POST /api/view` to a real `rammelab studio` process on the loopback (resolve,
//! evaluate, the check report with explain steps, the graph's SVG, the colouring, the unlock
//! order, the JSON answer), timed from sending the request to reading the whole answer, over many
//! runs. The time includes the HTTP round trip on the loopback (a fresh connection each run);
//! the page's own redraw time is measured by `tests/browser/studio.rs`.
//!
//! ```sh
//! cargo build --release --bin rammelab
//! cargo run --release --example studio_view                  # every shipped model, 50 runs each
//! cargo run --release --example studio_view -- --runs 200    # 200 runs each
//! cargo run --release --example studio_view -- --bin target/release/rammelab
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

/// The date the law is read at.
const AT: &str = "2026-12-01";

fn main() {
    let mut args = std::env::args().skip(1);
    let mut bin = None;
    let mut runs = 50usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bin" => bin = args.next().map(PathBuf::from),
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("a number"),
            n => runs = n.parse().expect("--bin PATH, --runs N or N"),
        }
    }
    let bin = bin.unwrap_or_else(|| {
        // target/<profile>/examples/studio_view -> target/<profile>/rammelab
        let exe = std::env::current_exe().unwrap();
        exe.parent().unwrap().parent().unwrap().join("rammelab")
    });
    let dir = std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("models")).unwrap();
    let studio = Studio::start(&bin, &dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "lsm"))
        .collect();
    files.sort();
    println!("server {}", bin.display());
    println!("model                                  bytes  median ms  p95 ms  (of {runs} runs, edit to JSON answer)");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let shown = file.file_name().unwrap().to_string_lossy().into_owned();
        let mut times = Vec::with_capacity(runs);
        for i in 0..runs {
            // A different edit each run: a comment line at the end.
            let edited = format!("{text}\n# {i}\n");
            let body = serde_json::json!({ "path": shown, "text": edited, "at": AT, "lang": "nb" });
            let started = Instant::now();
            let answer = studio.post("/api/view", &body.to_string());
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            let view: serde_json::Value =
                serde_json::from_str(&answer).unwrap_or_else(|e| panic!("{shown}: {e}: {answer}"));
            assert!(
                view["diagnostics"].as_array().is_some_and(Vec::is_empty)
                    && view["svg"].is_string(),
                "{shown}: {answer}"
            );
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
        println!("{shown:<38} {:>6}  {median:>9.2}  {p95:>6.2}", text.len());
    }
}

/// `rammelab studio` on a free loopback port, ended when dropped.
struct Studio {
    child: Child,
    addr: SocketAddr,
    token: String,
}

impl Drop for Studio {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Studio {
    fn start(bin: &Path, dir: &Path) -> Studio {
        let mut child = Command::new(bin)
            .arg("studio")
            .arg(dir)
            .args(["--port", "0", "--read-only", "--at", AT])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        let addr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .unwrap();
        let mut studio = Studio {
            child,
            addr,
            token: String::new(),
        };
        let page = studio.request("GET", "/", "");
        let needle = "name=\"rammelab-token\" content=\"";
        let at = page.find(needle).expect("the session's token in the page") + needle.len();
        let end = page[at..].find('"').expect("the token's end") + at;
        studio.token = page[at..end].to_string();
        studio
    }

    fn post(&self, path: &str, json: &str) -> String {
        self.request("POST", path, json)
    }

    /// One request on a fresh connection; the body of the answer.
    fn request(&self, method: &str, path: &str, body: &str) -> String {
        let mut s = TcpStream::connect(self.addr).unwrap();
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        if method != "GET" {
            req.push_str(&format!(
                "Content-Type: application/json\r\nX-Rammelab-Token: {}\r\nContent-Length: {}\r\n",
                self.token,
                body.len()
            ));
        }
        req.push_str("\r\n");
        req.push_str(body);
        s.write_all(req.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        s.read_to_end(&mut bytes).unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        assert!(head.starts_with("HTTP/1.1 200"), "{head}\n{body}");
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            unchunk(body)
        } else {
            body.to_string()
        }
    }
}

fn unchunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}
