//! Files: writing without ever leaving a file half written, and paths from model files that
//! may not leave the project folder.

// Input reaches this code: no indexing that could panic (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

/// A file could not be written. The file that was there before is unchanged.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum WriteError {
    #[error("could not write `{}`: {reason}", path.display())]
    #[diagnostic(
        code(rammelab::write),
        help("the file that was there is unchanged; check that the folder exists, is writable and the disk is not full")
    )]
    Failed { path: PathBuf, reason: String },
    /// The file is read-only: refused, as editors do, unless forced.
    #[error("`{}` is read-only; it was left as it is", path.display())]
    #[diagnostic(
        code(rammelab::read_only),
        help("make the file writable, or give `--force` to replace it anyway")
    )]
    ReadOnly { path: PathBuf },
}

impl WriteError {
    /// The message in the language chosen, from the word catalogue
    /// (`locales/<lang>/files.ftl`).
    pub fn message(&self, lang: crate::base::lang::Lang) -> String {
        match self {
            WriteError::Failed { path, reason } => crate::text!(
                lang,
                "fsutil-write-failed",
                path = path.display().to_string(),
                reason = reason
            ),
            WriteError::ReadOnly { path } => {
                crate::text!(lang, "fsutil-read-only", path = path.display().to_string())
            }
        }
    }
}

/// What [`atomic_write_with`] does with a file that is there already.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteOptions {
    /// Replace a read-only file too (`--force`); it keeps its permissions, read-only included.
    pub force: bool,
}

/// Where the temporary file's name starts its process id: `.NAME.rammelab-tmp-PID-N`.
const TMP_MARK: &str = ".rammelab-tmp-";

/// The temporary files this process is writing, removed by the signal handler.
static LIVE_TMP: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Counts temporary files, for unique names within the process.
static TMP_COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The folders already searched for stale temporary files in this run.
static SWEPT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Test-only fault injection (not in release builds): the environment variable that makes
/// [`atomic_write`] fail between writing the temporary file and renaming it, for tests of
/// what a crash leaves behind: `error` returns an error, `abort` aborts the process, `pause`
/// waits (up to a minute) for a signal.
pub const FAIL_BEFORE_RENAME: &str = "RAMMELAB_TEST_FAIL_BEFORE_RENAME";

/// The fault injected before the rename, if any. Only debug builds (those `cargo test`
/// runs) read the environment variable; a release build never fails on purpose.
fn injected_fault(_tmp: &Path) -> std::io::Result<()> {
    #[cfg(debug_assertions)]
    match std::env::var(FAIL_BEFORE_RENAME).as_deref() {
        Ok("abort") => std::process::abort(),
        Ok("error") => return Err(std::io::Error::other("failure injected before the rename")),
        Ok("pause") => std::thread::sleep(std::time::Duration::from_secs(60)),
        _ => {}
    }
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that
/// `path` holds either the old contents or the new, never a part: a crash, a full disk or a
/// kill in the middle leaves the old file as it was. A read-only file is refused. The new file
/// keeps the old one's permissions, owner (where the process may set it); a symbolic link is
/// written through, not replaced.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    atomic_write_with(path, bytes, WriteOptions::default(), injected_fault)
}

/// [`atomic_write`] with options (`--force`).
pub fn atomic_write_opts(
    path: &Path,
    bytes: &[u8],
    options: WriteOptions,
) -> Result<(), WriteError> {
    atomic_write_with(path, bytes, options, injected_fault)
}

/// [`atomic_write`] with a hook that runs after the temporary file is written and synced and
/// before it is renamed over `path`; an error from the hook stops the write there.
pub fn atomic_write_with(
    path: &Path,
    bytes: &[u8],
    options: WriteOptions,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let error = |e: std::io::Error| WriteError::Failed {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    // Write through a symbolic link to the file it names.
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).map_err(error)?,
        _ => path.to_path_buf(),
    };
    let old = std::fs::metadata(&target).ok();
    if let Some(meta) = &old {
        if let Some(kind) = FileKind::of(meta) {
            return Err(error(std::io::Error::other(format!(
                "it is {}, not a regular file",
                kind.words(crate::base::lang::Lang::En)
            ))));
        }
        if meta.permissions().readonly() && !options.force {
            return Err(WriteError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    sweep_stale(dir);
    install_signal_cleanup();
    let tmp = TmpFile::create(dir, &name).map_err(error)?;
    let mut file = &tmp.file;
    file.write_all(bytes).map_err(error)?;
    keep_metadata(&tmp.file, old.as_ref());
    tmp.file.sync_all().map_err(error)?;
    before_rename(&tmp.path).map_err(error)?;
    tmp.persist(&target).map_err(error)?;
    // Make the rename itself durable; not every platform can open a folder.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Gives the new file the old one's permissions and (where the process may) owner, or the
/// usual permissions of a new file. Best effort: a file system without permissions still
/// gets the new contents.
fn keep_metadata(file: &std::fs::File, old: Option<&std::fs::Metadata>) {
    match old {
        Some(meta) => {
            let _ = file.set_permissions(meta.permissions());
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt as _;
                let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
            }
        }
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                let _ = file.set_permissions(std::fs::Permissions::from_mode(0o644));
            }
        }
    }
}

/// A temporary file beside the target, named `.NAME.rammelab-tmp-PID-N` so that a later run
/// can tell a stale one (its process is gone) and remove it; removed when dropped unless
/// renamed, and by the signal handler on SIGINT, SIGTERM and SIGHUP.
struct TmpFile {
    path: PathBuf,
    file: std::fs::File,
    done: bool,
}

impl TmpFile {
    fn create(dir: &Path, name: &str) -> std::io::Result<TmpFile> {
        let n = TMP_COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = dir.join(format!(".{name}{TMP_MARK}{}-{n}", std::process::id()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        // Registered before it exists, so a signal never misses it.
        live_tmp().push(path.clone());
        match options.open(&path) {
            Ok(file) => Ok(TmpFile {
                path,
                file,
                done: false,
            }),
            Err(e) => {
                live_tmp().retain(|p| *p != path);
                Err(e)
            }
        }
    }

    /// Renames the file over `target`. The list of live files is held meanwhile, so the signal
    /// handler sees the file either before the rename (and removes it) or not at all.
    fn persist(mut self, target: &Path) -> std::io::Result<()> {
        let mut live = live_tmp();
        let renamed = std::fs::rename(&self.path, target);
        if renamed.is_ok() {
            self.done = true;
            live.retain(|p| *p != self.path);
        }
        // Before `self` is dropped, which takes the list again when the rename failed.
        drop(live);
        renamed
    }
}

impl Drop for TmpFile {
    fn drop(&mut self) {
        if !self.done {
            let mut live = live_tmp();
            let _ = std::fs::remove_file(&self.path);
            live.retain(|p| *p != self.path);
        }
    }
}

fn live_tmp() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE_TMP
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes, once per folder and run, the temporary files of runs that were killed (their
/// process is no longer alive).
fn sweep_stale(dir: &Path) {
    {
        let mut swept = SWEPT
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if swept.iter().any(|d| d == dir) {
            return;
        }
        swept.push(dir.to_path_buf());
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(stale_pid) else {
            continue;
        };
        if pid != std::process::id() && process_gone(pid, &entry) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name (`.NAME.rammelab-tmp-PID-N`).
fn stale_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let rest = name.get(name.rfind(TMP_MARK)? + TMP_MARK.len()..)?;
    let (pid, n) = rest.split_once('-')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// Whether the process that wrote a temporary file is gone: on Linux, by `/proc`; elsewhere,
/// when the file is more than a day old.
fn process_gone(pid: u32, entry: &std::fs::DirEntry) -> bool {
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        return !Path::new("/proc").join(pid.to_string()).exists();
    }
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(24 * 3600))
}

/// On the first write, starts a thread that on SIGINT, SIGTERM or SIGHUP removes the
/// temporary files being written and then ends the process as the signal would have.
fn install_signal_cleanup() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    #[cfg(unix)]
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("rammelab-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // Held to the end: no new temporary file is made, no rename finishes.
                    let live = live_tmp();
                    for p in live.iter() {
                        let _ = std::fs::remove_file(p);
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
    });
    #[cfg(not(unix))]
    ONCE.call_once(|| {});
}

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    /// A named pipe: opening it for reading waits for a writer, possibly for ever.
    Fifo,
    Device,
    Socket,
    Other,
}

impl FileKind {
    /// What `meta` describes, or `None` for a regular file.
    fn of(meta: &std::fs::Metadata) -> Option<FileKind> {
        let t = meta.file_type();
        if t.is_file() {
            return None;
        }
        if t.is_dir() {
            return Some(FileKind::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if t.is_fifo() {
                return Some(FileKind::Fifo);
            }
            if t.is_block_device() || t.is_char_device() {
                return Some(FileKind::Device);
            }
            if t.is_socket() {
                return Some(FileKind::Socket);
            }
        }
        Some(FileKind::Other)
    }

    /// The words for this kind of file in `lang`, from the catalogue (`files.ftl`).
    pub fn words(self, lang: crate::base::lang::Lang) -> String {
        let key = match self {
            FileKind::Folder => "files-kind-folder",
            FileKind::Fifo => "files-kind-fifo",
            FileKind::Device => "files-kind-device",
            FileKind::Socket => "files-kind-socket",
            FileKind::Other => "files-kind-other",
        };
        crate::base::words::text(lang, key, &[])
    }
}

/// A file that could not be read whole.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}", kind_words(.0))]
    Io(#[from] std::io::Error),
    /// Larger than the limit; `size` is what the file system said, or at least `max + 1`.
    #[error("the file is {}, larger than the limit of {}", crate::base::limits::bytes(*.size), crate::base::limits::bytes(*.max))]
    TooLarge { size: u64, max: u64 },
    /// Not a regular file (a folder, a FIFO, a device): refused before it is opened.
    #[error("it is {}, not a regular file", .0.words(crate::base::lang::Lang::En))]
    NotAFile(FileKind),
}

fn kind_words(e: &std::io::Error) -> String {
    e.kind().to_string()
}

/// Reads a whole file, refusing one larger than `max` bytes before reading it (and, for a file
/// that grows or lies about its size, after reading `max + 1` bytes): never more than `max + 1`
/// bytes are held. Only a regular file is read: what the path names is looked at before it is
/// opened, so a FIFO (whose opening would wait for a writer) or a device is refused at once;
/// the opened file is looked at again, for a path swapped in between.
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    if let Some(kind) = FileKind::of(&std::fs::metadata(path)?) {
        return Err(ReadError::NotAFile(kind));
    }
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if let Some(kind) = FileKind::of(&meta) {
        return Err(ReadError::NotAFile(kind));
    }
    let size = meta.len();
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

/// The UTF-8 byte-order mark, which the file reader drops and `fmt` keeps.
pub const BOM: &[u8] = b"\xef\xbb\xbf";

/// Whether the regular file at `path` starts with a UTF-8 byte-order mark.
pub fn starts_with_bom(path: &Path) -> bool {
    use std::io::Read as _;
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = [0u8; 3];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && head == BOM
}

/// The folders named on the command line, canonical (see [`remember_given_folders`]).
static GIVEN_FOLDERS: std::sync::OnceLock<Vec<PathBuf>> = std::sync::OnceLock::new();

/// Records the folders named on the command line (files are ignored), for [`project_root`].
/// The first call counts; the command line does not change during a run.
pub fn remember_given_folders(paths: &[PathBuf]) {
    let folders = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let _ = GIVEN_FOLDERS.set(folders);
}

/// The files that mark a project's root folder.
pub const PROJECT_MARKERS: [&str; 2] = ["rammelab.toml", ".git"];

/// The project a model in the (canonical) folder `dir` belongs to, the folder its bases must
/// lie in: the nearest folder from `dir` up that holds `rammelab.toml` or `.git`; without
/// one, the widest folder named on the command line that holds `dir`; without that, `dir`
/// itself. A model repository checked out anywhere thus reads nothing outside itself.
pub fn project_root(dir: &Path) -> PathBuf {
    if let Some(marked) = dir
        .ancestors()
        .find(|a| PROJECT_MARKERS.iter().any(|m| a.join(m).exists()))
    {
        return marked.to_path_buf();
    }
    GIVEN_FOLDERS
        .get()
        .into_iter()
        .flatten()
        .filter(|g| dir.starts_with(g))
        .min_by_key(|g| g.components().count())
        .cloned()
        .unwrap_or_else(|| dir.to_path_buf())
}

/// Why a path written in a model file (`extends "..."`) is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// An absolute path (`/home/...`, `C:\...`).
    Absolute,
    /// The path leads out of the project folder, by `..` or through a symbolic link.
    OutsideProject,
    /// The path names a folder, a FIFO, a device: not a regular file.
    NotAFile(FileKind),
    /// The path (a symbolic link) resolves to a file whose name does not end in `.lsm`.
    NotModel,
    /// The path does not lead to a file (or cannot be followed).
    Missing(std::io::ErrorKind),
}

/// Checks a path written in a model in the (canonical) folder `dir` against the project
/// folder `root` before anything is opened, and returns the file it names, resolved after
/// symbolic links. Refused: an absolute path; a path that leads out of `root`, by `..` (seen
/// without asking the file system, so nothing outside is even looked at) or through a link;
/// anything but a regular file; a link to a file not named `*.lsm`.
pub fn confine(root: &Path, dir: &Path, written: &Path) -> Result<PathBuf, Refused> {
    if written
        .components()
        .any(|c| matches!(c, Component::RootDir | Component::Prefix(_)))
    {
        return Err(Refused::Absolute);
    }
    if !lexical_join(dir, written).starts_with(root) {
        return Err(Refused::OutsideProject);
    }
    let real = std::fs::canonicalize(dir.join(written)).map_err(|e| Refused::Missing(e.kind()))?;
    if !real.starts_with(root) {
        return Err(Refused::OutsideProject);
    }
    let meta = std::fs::metadata(&real).map_err(|e| Refused::Missing(e.kind()))?;
    if let Some(kind) = FileKind::of(&meta) {
        return Err(Refused::NotAFile(kind));
    }
    if real.extension().is_none_or(|e| e != "lsm") {
        return Err(Refused::NotModel);
    }
    Ok(real)
}

/// `dir` joined with `relative`, `.` and `..` taken away without asking the file system (a
/// `..` above the root of the file system stays at the root).
fn lexical_join(dir: &Path, relative: &Path) -> PathBuf {
    let mut out = dir.to_path_buf();
    for c in relative.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
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
        let e = atomic_write_with(&p, b"new contents", WriteOptions::default(), |tmp| {
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

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_refused_unless_forced_and_stays_read_only() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.lsm");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
        let e = atomic_write(&p, b"new").unwrap_err();
        assert!(matches!(e, WriteError::ReadOnly { .. }), "{e}");
        assert!(e
            .message(crate::base::lang::Lang::Nb)
            .contains("skrivebeskyttet"));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        atomic_write_opts(&p, b"new", WriteOptions { force: true }).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o444);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn temporary_names_carry_the_process_id() {
        assert_eq!(stale_pid(".m.lsm.rammelab-tmp-4242-0"), Some(4242));
        assert_eq!(stale_pid(".a.rammelab-tmp-.lsm.rammelab-tmp-7-12"), Some(7));
        assert_eq!(stale_pid("m.lsm.rammelab-tmp-4242-0"), None);
        assert_eq!(stale_pid(".m.lsm.rammelab-tmp-4242"), None);
        assert_eq!(stale_pid(".m.lsm.tmp"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_stale_temporary_file_of_a_dead_process_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        // A process id above the kernel's largest (4 194 304) is never alive.
        let stale = dir.path().join(".m.lsm.rammelab-tmp-4999999-0");
        std::fs::write(&stale, "half").unwrap();
        // One of a living process (this one's parent) stays.
        let alive = dir.path().join(format!(
            ".m.lsm.rammelab-tmp-{}-0",
            std::os::unix::process::parent_id()
        ));
        std::fs::write(&alive, "busy").unwrap();
        atomic_write(&dir.path().join("m.lsm"), b"x").unwrap();
        assert!(!stale.exists());
        assert!(alive.exists());
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
        assert!(matches!(
            read_limited(dir.path(), 4),
            Err(ReadError::NotAFile(FileKind::Folder))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_before_it_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pipe.lsm");
        let made = std::process::Command::new("mkfifo")
            .arg(&p)
            .status()
            .unwrap();
        assert!(made.success());
        // Opening it would wait for a writer for ever; this returns at once.
        assert!(matches!(
            read_limited(&p, 100),
            Err(ReadError::NotAFile(FileKind::Fifo))
        ));
    }

    #[test]
    fn paths_stay_in_the_project() {
        let project = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(project.path()).unwrap();
        std::fs::create_dir_all(root.join("models/variants/a")).unwrap();
        std::fs::write(root.join("models/base.lsm"), "x").unwrap();
        let dir = root.join("models/variants/a");
        let check = |r: &str| confine(&root, &dir, Path::new(r));
        assert_eq!(
            check("../../base.lsm").unwrap(),
            root.join("models/base.lsm")
        );
        assert_eq!(
            check("./../.././base.lsm").unwrap(),
            root.join("models/base.lsm")
        );
        assert_eq!(
            check("../../../../../etc/passwd.lsm"),
            Err(Refused::OutsideProject)
        );
        assert_eq!(check("../../../../x.lsm"), Err(Refused::OutsideProject));
        assert_eq!(check("/etc/passwd"), Err(Refused::Absolute));
        assert_eq!(check(".."), Err(Refused::NotAFile(FileKind::Folder)));
        assert_eq!(
            check("../../none.lsm"),
            Err(Refused::Missing(std::io::ErrorKind::NotFound))
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_project_and_odd_files_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.lsm"), "x").unwrap();
        std::fs::write(outside.path().join("credentials"), "x").unwrap();
        let project = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(project.path()).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("ut")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.lsm"), root.join("l.lsm")).unwrap();
        std::fs::write(root.join("notes.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root.join("notes.txt"), root.join("n.lsm")).unwrap();
        std::fs::write(root.join("inne.lsm"), "x").unwrap();
        let check = |r: &str| confine(&root, &root, Path::new(r));
        assert_eq!(check("ut/secret.lsm"), Err(Refused::OutsideProject));
        assert_eq!(check("l.lsm"), Err(Refused::OutsideProject));
        assert_eq!(check("n.lsm"), Err(Refused::NotModel));
        assert_eq!(check("inne.lsm").unwrap(), root.join("inne.lsm"));
    }

    #[test]
    fn the_nearest_marked_folder_is_the_project() {
        let top = tempfile::tempdir().unwrap();
        let top = std::fs::canonicalize(top.path()).unwrap();
        let deep = top.join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::create_dir(top.join(".git")).unwrap();
        assert_eq!(project_root(&deep), top);
        std::fs::write(top.join("a/rammelab.toml"), "").unwrap();
        assert_eq!(project_root(&deep), top.join("a"));
    }
}
