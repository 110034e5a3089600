//! A studio served by the real binary on a free loopback port, over a temporary copy of the
//! shipped models, and a plain HTTP/1.1 client over `TcpStream` (so that tests can send what a
//! browser would not: a foreign `Host`, a broken request line, a lying `Content-Length`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The date the tests read the law at.
pub const AT: &str = "2026-12-01";

pub struct Studio {
    child: Child,
    pub addr: SocketAddr,
    pub token: String,
    /// The folder served (a copy of `models/`).
    pub dir: PathBuf,
    /// Holds the folder served and a sibling folder "outside" it.
    pub root: tempfile::TempDir,
}

impl Drop for Studio {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

impl Studio {
    /// Starts `rammelab studio` on a copy of the shipped models with `extra` arguments.
    pub fn start(extra: &[&str]) -> Studio {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("models");
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("models"), &dir);
        std::fs::create_dir_all(root.path().join("outside")).unwrap();
        std::fs::write(
            root.path().join("outside/secret.lsm"),
            "model \"secret\" {}\n",
        )
        .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_rammelab"))
            .args(["studio", dir.to_str().unwrap(), "--port", "0", "--at", AT])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        let addr: SocketAddr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .unwrap();
        let mut studio = Studio {
            child,
            addr,
            token: String::new(),
            dir: std::fs::canonicalize(&dir).unwrap(),
            root,
        };
        let page = studio.get("/");
        assert_eq!(page.status, 200, "{}", page.body);
        let at = page
            .body
            .find("name=\"rammelab-token\" content=\"")
            .unwrap()
            + 31;
        studio.token = page.body[at..at + 32].to_string();
        studio
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    /// Sends raw bytes and reads the whole answer (the connection is closed after it).
    pub fn raw(&self, request: &[u8]) -> Answer {
        let mut s = TcpStream::connect(self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let _ = s.write_all(request);
        let mut bytes = Vec::new();
        let _ = s.read_to_end(&mut bytes);
        Answer::parse(&bytes)
    }

    /// A request with the right `Host`, `Connection: close` and `headers`.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Answer {
        let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            req.push_str(&format!("Host: {}\r\n", self.host()));
        }
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        if method != "GET" {
            req.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        req.push_str("\r\n");
        req.push_str(body);
        self.raw(req.as_bytes())
    }

    pub fn get(&self, path: &str) -> Answer {
        self.request("GET", path, &[], "")
    }

    /// A POST of JSON with the session's token.
    pub fn post(&self, path: &str, body: &serde_json::Value) -> Answer {
        let token = self.token.clone();
        self.request(
            "POST",
            path,
            &[
                ("Content-Type", "application/json"),
                ("X-Rammelab-Token", &token),
            ],
            &body.to_string(),
        )
    }

    /// What the page sends for the model at `path` with `text`.
    pub fn edit(&self, path: &str, text: &str) -> serde_json::Value {
        serde_json::json!({ "path": path, "text": text, "at": AT, "lang": "nb" })
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.join(rel)).unwrap()
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Answer {
    fn parse(bytes: &[u8]) -> Answer {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            unchunk(body)
        } else {
            body.to_string()
        };
        Answer {
            status,
            head: head.to_string(),
            body,
        }
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
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
