//! JSON-RPC over standard input and output, with the `Content-Length` framing of LSP.
//!
//! lsp-server's own stdio transport ends its reader thread at the first malformed message,
//! which ends the server. This reader skips what it cannot read instead: a header without a
//! length, a body that is not UTF-8 or not JSON-RPC is reported (a parse error with a null id,
//! as JSON-RPC asks) and the next message is read. Only the end of the input ends the server.

use std::io::{self, BufRead, Write};

use lsp_server::Message;
use std::sync::mpsc::{Receiver, Sender};

/// The largest body accepted (a message claiming more is skipped unread, by chunks).
const MAX_BODY: usize = 64 << 20;

/// What the reader hands to the server.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// A message that could not be read, with why.
    Malformed(String),
}

/// Starts the thread that reads messages from standard input.
pub fn spawn_reader() -> Receiver<Incoming> {
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("rammelab-lsp-reader".to_string())
        .spawn(move || {
            let stdin = io::stdin();
            let mut input = stdin.lock();
            read_all(&mut input, &tx);
        });
    if let Err(e) = spawned {
        crate::lsp::log!("rammelab lsp: cannot start the reader: {e}");
    }
    rx
}

/// Reads messages until the end of the input (or until nobody listens).
pub fn read_all(input: &mut impl BufRead, tx: &Sender<Incoming>) {
    loop {
        let incoming = match read_one(input) {
            Ok(Some(m)) => m,
            Ok(None) => return,
            Err(e) => Incoming::Malformed(e.to_string()),
        };
        if tx.send(incoming).is_err() {
            return;
        }
    }
}

/// Reads one framed message. `Ok(None)` at the end of the input; an I/O error other than a
/// malformed message is treated as the end.
fn read_one(input: &mut impl BufRead) -> io::Result<Option<Incoming>> {
    let mut length: Option<usize> = None;
    let mut bad_header = None;
    let mut line = Vec::new();
    let mut saw_any = false;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if saw_any {
                break;
            }
            // Blank lines between messages are skipped.
            continue;
        }
        saw_any = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("bad Content-Length: {value:?}")),
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("malformed header line: {text:?}")),
        }
    }
    let Some(length) = length else {
        return Ok(Some(Incoming::Malformed(bad_header.unwrap_or_else(|| {
            "a message without Content-Length".to_string()
        }))));
    };
    if length > MAX_BODY {
        let mut rest = io::Read::take(&mut *input, length as u64);
        io::copy(&mut rest, &mut io::sink())?;
        return Ok(Some(Incoming::Malformed(format!(
            "a message of {length} bytes (the most is {MAX_BODY})"
        ))));
    }
    let mut body = vec![0; length];
    if let Err(e) = input.read_exact(&mut body) {
        return match e.kind() {
            io::ErrorKind::UnexpectedEof => Ok(None),
            _ => Err(e),
        };
    }
    Ok(Some(parse(&body)))
}

/// A body as a message.
fn parse(body: &[u8]) -> Incoming {
    let Ok(text) = std::str::from_utf8(body) else {
        return Incoming::Malformed("a message that is not UTF-8".to_string());
    };
    match serde_json::from_str::<Message>(text) {
        Ok(m) => Incoming::Message(m),
        Err(e) => Incoming::Malformed(format!("not a JSON-RPC message: {e}")),
    }
}

/// Writes one message to standard output, framed. A closed output is not an error worth
/// more than ending the server's writes.
pub fn send(message: &Message) {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    // lsp-server frames the message and adds `"jsonrpc": "2.0"`.
    let _ = message.write(&mut out);
}

/// The JSON-RPC answer to a message that could not be read: a parse error with a null id.
pub fn send_parse_error(why: &str) {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": -32700, "message": why },
    });
    write_body(&body.to_string());
}

fn write_body(body: &str) {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let _ = write!(out, "Content-Length: {}\r\n\r\n{body}", body.len()).and_then(|()| out.flush());
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn read(bytes: &[u8]) -> Vec<String> {
        let (tx, rx) = std::sync::mpsc::channel();
        read_all(&mut io::Cursor::new(bytes.to_vec()), &tx);
        drop(tx);
        rx.iter()
            .map(|m| match m {
                Incoming::Message(Message::Notification(n)) => n.method,
                Incoming::Message(m) => format!("{m:?}"),
                Incoming::Malformed(why) => format!("malformed: {why}"),
            })
            .collect()
    }

    #[test]
    fn malformed_messages_are_skipped_and_reading_goes_on() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let mut input = Vec::new();
        input.extend_from_slice(b"Content-Length: 5\r\n\r\n{oops");
        input.extend_from_slice(b"X-Nothing\r\n\r\n");
        input.extend_from_slice(b"Content-Length: 2\r\n\r\n\xff\xfe");
        input.extend_from_slice(format!("Content-Length: {}\r\n\r\n{good}", good.len()).as_bytes());
        let got = read(&input);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[0].starts_with("malformed: not a JSON-RPC"), "{got:?}");
        assert!(got[1].starts_with("malformed: malformed header"), "{got:?}");
        assert_eq!(got[2], "malformed: a message that is not UTF-8");
        assert_eq!(got[3], "initialized");
    }

    #[test]
    fn a_cut_message_is_the_end() {
        assert!(read(b"Content-Length: 50\r\n\r\n{}").is_empty());
    }
}
