//! What keeps the studio to its folder and its own pages: the paths a request may name, the
//! hosts and origins it answers, and the session's token.

use std::path::{Component, Path, PathBuf};

/// Why a path from a request is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathRefused {
    #[error("the path is empty or not valid text")]
    Empty,
    #[error("an absolute path is not served; name a file relative to the studio's folder")]
    Absolute,
    #[error("`..` and `.` are not allowed in a path")]
    Traversal,
    #[error("only files ending in {0} are served")]
    Extension(String),
    #[error("no such file in the studio's folder")]
    Missing,
    #[error("the path leads out of the studio's folder")]
    Outside,
}

impl PathRefused {
    /// The HTTP status the refusal is answered with.
    pub fn status(&self) -> u16 {
        match self {
            PathRefused::Missing => 404,
            _ => 400,
        }
    }
}

/// The file that `relative` names under the canonical folder `dir`, resolved after symbolic
/// links, when it exists, ends in one of `exts` and stays inside `dir`. The name is checked
/// before the file system is asked, so that nothing outside is even looked at.
pub fn confine_file(dir: &Path, relative: &str, exts: &[&str]) -> Result<PathBuf, PathRefused> {
    if relative.is_empty() || relative.contains('\0') || relative.contains('\\') {
        return Err(PathRefused::Empty);
    }
    let rel = Path::new(relative);
    for c in rel.components() {
        match c {
            Component::Normal(_) => {}
            Component::RootDir | Component::Prefix(_) => return Err(PathRefused::Absolute),
            Component::ParentDir | Component::CurDir => return Err(PathRefused::Traversal),
        }
    }
    let ext_ok = |p: &Path| p.extension().is_some_and(|e| exts.iter().any(|x| e == *x));
    if !ext_ok(rel) {
        let list: Vec<String> = exts.iter().map(|e| format!("`.{e}`")).collect();
        return Err(PathRefused::Extension(list.join(", ")));
    }
    let real = std::fs::canonicalize(dir.join(rel)).map_err(|_| PathRefused::Missing)?;
    if !real.starts_with(dir) {
        return Err(PathRefused::Outside);
    }
    if !real.is_file() {
        return Err(PathRefused::Missing);
    }
    if !ext_ok(&real) {
        return Err(PathRefused::Outside);
    }
    Ok(real)
}

/// The `Host` values the studio answers: the address it serves under each name of the
/// loopback interface, or the address given with `--bind`.
pub fn allowed_hosts(addr: std::net::SocketAddr) -> Vec<String> {
    let port = addr.port();
    let mut hosts = vec![addr.to_string()];
    if addr.ip().is_loopback() {
        hosts.push(format!("localhost:{port}"));
        hosts.push(format!("127.0.0.1:{port}"));
        hosts.push(format!("[::1]:{port}"));
    }
    hosts.sort();
    hosts.dedup();
    hosts
}

/// Whether an `Origin` header names one of the allowed hosts over plain HTTP.
pub fn origin_allowed(origin: &str, hosts: &[String]) -> bool {
    origin
        .strip_prefix("http://")
        .is_some_and(|h| hosts.iter().any(|a| a == h))
}

/// A fresh per-session token: 128 bits from the operating system's random source, as hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_ok() {
        return bytes.iter().map(|b| format!("{b:02x}")).collect();
    }
    // No random source from the system (it does not happen on the platforms rammelab is built
    // for): the standard library's randomly keyed hasher, mixed with the time, is the fallback.
    use std::hash::{BuildHasher, Hasher};
    let mut out = String::new();
    for i in 0..2u64 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(i);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

/// Compares two tokens in time that does not depend on where they differ.
pub fn same_token(given: &str, expected: &str) -> bool {
    given.len() == expected.len()
        && given
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn paths_are_kept_inside_the_folder() {
        let root = tempfile::tempdir().unwrap();
        let dir = std::fs::canonicalize(root.path()).unwrap();
        std::fs::create_dir(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/m.lsm"), "x").unwrap();
        std::fs::write(dir.join("notes.txt"), "x").unwrap();
        let lsm = &["lsm"];
        assert!(confine_file(&dir, "sub/m.lsm", lsm).is_ok());
        assert_eq!(
            confine_file(&dir, "../m.lsm", lsm),
            Err(PathRefused::Traversal)
        );
        assert_eq!(
            confine_file(&dir, "sub/../sub/m.lsm", lsm),
            Err(PathRefused::Traversal)
        );
        assert_eq!(
            confine_file(&dir, "/etc/passwd.lsm", lsm),
            Err(PathRefused::Absolute)
        );
        assert!(matches!(
            confine_file(&dir, "notes.txt", lsm),
            Err(PathRefused::Extension(_))
        ));
        assert_eq!(
            confine_file(&dir, "none.lsm", lsm),
            Err(PathRefused::Missing)
        );
        assert_eq!(confine_file(&dir, "", lsm), Err(PathRefused::Empty));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let dir = std::fs::canonicalize(root.path()).unwrap();
        std::fs::write(outside.path().join("secret.lsm"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.lsm"), dir.join("link.lsm"))
            .unwrap();
        assert_eq!(
            confine_file(&dir, "link.lsm", &["lsm"]),
            Err(PathRefused::Outside)
        );
    }

    #[test]
    fn hosts_and_origins() {
        let hosts = allowed_hosts("127.0.0.1:4000".parse().unwrap());
        assert!(hosts.contains(&"localhost:4000".to_string()));
        assert!(origin_allowed("http://localhost:4000", &hosts));
        assert!(!origin_allowed("http://evil.example:4000", &hosts));
        assert!(!origin_allowed("https://localhost:4000", &hosts));
        assert!(!origin_allowed("null", &hosts));
    }

    #[test]
    fn tokens_differ_and_compare() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(same_token(&a, &a));
        assert!(!same_token(&a, &b));
        assert!(!same_token(&a, ""));
    }
}
