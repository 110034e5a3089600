//! Files: writing without ever leaving a file half written, and paths from model files that
//! may not leave the project folder.

// Input reaches this code: no indexing that could panic (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

/// A file could not be written. The file that was there before is unchanged.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("could not write `{}`: {reason}", path.display())]
#[diagnostic(
    code(rammelab::write),
    help("the file that was there is unchanged; check that the folder exists, is writable and the disk is not full")
)]
pub struct WriteError {
    pub path: PathBuf,
    pub reason: String,
}

/// The environment variable that makes [`atomic_write`] fail between writing the temporary file
/// and renaming it, for tests of what a crash leaves behind: `error` returns an error, `abort`
/// aborts the process.
pub const FAIL_BEFORE_RENAME: &str = "RAMMELAB_TEST_FAIL_BEFORE_RENAME";

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that
/// `path` holds either the old contents or the new, never a part: a crash, a full disk or a
/// kill in the middle leaves the old file as it was. The new file keeps the old one's
/// permissions; a symbolic link is written through, not replaced.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    atomic_write_with(path, bytes, |_| {
        match std::env::var(FAIL_BEFORE_RENAME).as_deref() {
            Ok("abort") => std::process::abort(),
            Ok("error") => Err(std::io::Error::other("failure injected before the rename")),
            _ => Ok(()),
        }
    })
}

/// [`atomic_write`] with a hook that runs after the temporary file is written and synced and
/// before it is renamed over `path`; an error from the hook stops the write there.
pub fn atomic_write_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let error = |e: std::io::Error| WriteError {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    // Write through a symbolic link to the file it names.
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).map_err(error)?,
        _ => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(error)?;
    tmp.write_all(bytes).map_err(error)?;
    tmp.as_file().sync_all().map_err(error)?;
    // The temporary file is private (0600): the new file gets the old one's permissions, or
    // the usual ones for a new file. Best effort: a file system without permissions still
    // gets the new contents.
    match std::fs::metadata(&target) {
        Ok(meta) => {
            let _ = tmp.as_file().set_permissions(meta.permissions());
        }
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                let _ = tmp
                    .as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644));
            }
        }
    }
    before_rename(tmp.path()).map_err(error)?;
    tmp.persist(&target).map_err(|e| error(e.error))?;
    // Make the rename itself durable; not every platform can open a folder.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// A file that could not be read whole.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}", kind_words(.0))]
    Io(#[from] std::io::Error),
    /// Larger than the limit; `size` is what the file system said, or at least `max + 1`.
    #[error("the file is {}, larger than the limit of {}", crate::limits::bytes(*.size), crate::limits::bytes(*.max))]
    TooLarge { size: u64, max: u64 },
}

fn kind_words(e: &std::io::Error) -> String {
    e.kind().to_string()
}

/// Reads a whole file, refusing one larger than `max` bytes before reading it (and, for a file
/// that grows or lies about its size, after reading `max + 1` bytes): never more than `max + 1`
/// bytes are held.
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let file = std::fs::File::open(path)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > max {
        return Err(ReadError::TooLarge { size, max });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            size: max.saturating_add(1),
            max,
        });
    }
    Ok(bytes)
}

/// A path in a model file that may not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
pub enum PathError {
    #[error("the path is empty")]
    #[diagnostic(
        code(rammelab::path),
        help("name a file relative to the model's folder")
    )]
    Empty,
    #[error("`{}` is an absolute path", .0.display())]
    #[diagnostic(
        code(rammelab::path),
        help("write the path relative to the model's folder, for example `base.lsm` or `felles/base.lsm`")
    )]
    Absolute(PathBuf),
    #[error("`{}` leads out of the project folder", .0.display())]
    #[diagnostic(
        code(rammelab::path),
        help("a model may only use files in its own folder or below it; copy the file into the project")
    )]
    Escapes(PathBuf),
}

/// Joins a path written in a model file (`extends "base.lsm"`) to the folder of the model,
/// refusing paths that would lead out of it: absolute paths, `..` above the folder, and
/// symbolic links that point outside. The result is `base_dir` joined with the path,
/// normalised; it need not exist.
pub fn resolve_within(base_dir: &Path, relative: &Path) -> Result<PathBuf, PathError> {
    if relative.as_os_str().is_empty() {
        return Err(PathError::Empty);
    }
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for c in relative.components() {
        match c {
            Component::Normal(p) => parts.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.pop().is_none() {
                    return Err(PathError::Escapes(relative.to_path_buf()));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(PathError::Absolute(relative.to_path_buf()));
            }
        }
    }
    if parts.is_empty() {
        return Err(PathError::Empty);
    }
    let joined: PathBuf = parts.iter().fold(base_dir.to_path_buf(), |p, c| p.join(c));
    // A symbolic link inside the folder may still point out of it.
    if let (Ok(real), Ok(base)) = (
        std::fs::canonicalize(&joined),
        std::fs::canonicalize(base_dir),
    ) {
        if !real.starts_with(&base) {
            return Err(PathError::Escapes(relative.to_path_buf()));
        }
    }
    Ok(joined)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.lsm");
        atomic_write(&p, b"one").unwrap();
        atomic_write(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failure_before_the_rename_leaves_the_original_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.lsm");
        std::fs::write(&p, "original").unwrap();
        let mut seen = None;
        let e = atomic_write_with(&p, b"new contents", |tmp| {
            // The new contents are complete in the temporary file when the hook runs.
            assert_eq!(std::fs::read(tmp).unwrap(), b"new contents");
            seen = Some(tmp.to_path_buf());
            Err(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(e.to_string().contains("disk full"), "{e}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "original");
        assert!(!seen.unwrap().exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.md");
        atomic_write(&p, b"x").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no/such/folder/m.lsm");
        assert!(atomic_write(&p, b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_writes_through_links() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.lsm");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.lsm");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        atomic_write(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        let mode = std::fs::metadata(&real).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[test]
    fn reads_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, "12345").unwrap();
        assert_eq!(read_limited(&p, 5).unwrap(), b"12345");
        assert!(matches!(
            read_limited(&p, 4),
            Err(ReadError::TooLarge { size: 5, max: 4 })
        ));
        assert!(matches!(
            read_limited(&dir.path().join("nothing"), 4),
            Err(ReadError::Io(_))
        ));
    }

    #[test]
    fn paths_stay_in_the_folder() {
        let base = Path::new("/project/models");
        let ok = |r: &str| resolve_within(base, Path::new(r)).unwrap();
        assert_eq!(ok("base.lsm"), base.join("base.lsm"));
        assert_eq!(ok("./felles/../base.lsm"), base.join("base.lsm"));
        assert_eq!(ok("felles/base.lsm"), base.join("felles/base.lsm"));
        let err = |r: &str| resolve_within(base, Path::new(r)).unwrap_err();
        assert!(matches!(err("../secret.lsm"), PathError::Escapes(_)));
        assert!(matches!(err("felles/../../x.lsm"), PathError::Escapes(_)));
        assert!(matches!(err("/etc/passwd"), PathError::Absolute(_)));
        assert!(matches!(err(""), PathError::Empty));
        assert!(matches!(err("."), PathError::Empty));
        assert!(matches!(err("a/.."), PathError::Empty));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.lsm"), "x").unwrap();
        let project = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), project.path().join("ut")).unwrap();
        std::fs::write(project.path().join("inne.lsm"), "x").unwrap();
        assert!(matches!(
            resolve_within(project.path(), Path::new("ut/secret.lsm")),
            Err(PathError::Escapes(_))
        ));
        assert!(resolve_within(project.path(), Path::new("inne.lsm")).is_ok());
    }
}
