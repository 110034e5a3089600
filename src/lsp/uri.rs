//! `file:` URIs and paths. Only `file:` documents are read from and written to disk; any
//! other scheme (an editor's unsaved buffer) is checked as text with its URI as its name.

use std::path::{Path, PathBuf};
use std::str::FromStr as _;

use lsp_types::Uri;

/// The path of a `file:` URI, percent-decoded (`%C3%B8` is `ø`).
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = decode(rest)?;
    // A Windows path comes as `/C:/...`.
    let text = String::from_utf8(bytes).ok()?;
    let text = match text.as_bytes() {
        [b'/', d, b':', ..] if d.is_ascii_alphabetic() && cfg!(windows) => text[1..].to_string(),
        _ => text,
    };
    Some(PathBuf::from(text))
}

/// The name a document's diagnostics and base lookups use: its path, or its URI.
pub fn to_name(uri: &Uri) -> PathBuf {
    to_path(uri).unwrap_or_else(|| PathBuf::from(uri.as_str()))
}

/// The `file:` URI of an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let text = path.to_str()?;
    let text = text.replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

fn decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn paths_with_norwegian_letters_round_trip() {
        let p = Path::new("/tmp/på dørterskelen/modell.lsm");
        let uri = from_path(p).expect("a uri");
        assert_eq!(
            uri.as_str(),
            "file:///tmp/p%C3%A5%20d%C3%B8rterskelen/modell.lsm"
        );
        assert_eq!(to_path(&uri).as_deref(), Some(p));
        let untitled = Uri::from_str("untitled:Untitled-1").expect("a uri");
        assert_eq!(to_path(&untitled), None);
    }
}
