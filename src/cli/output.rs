//! Where a command's result goes: standard output, or with `-o FILE` a file written atomically
//! (through a temporary file and a rename, so the file is the old one or the whole new one).
//! With the `out!`/`err!` macros of `cli/mod.rs`, the only writer of the command line: a
//! closed pipe (`rammelab lab … | head -1`) ends the command quietly with its usual exit code.

use std::io::Write as _;
use std::path::Path;

use super::{EXIT_INPUT, EXIT_OK};
use crate::base::fsutil::{atomic_write_opts, WriteOptions};
use crate::vocab::Lang;

/// Writes `text` to standard output, or to `path` when one is given (a read-only file only
/// with `force`), and returns the exit code: 0, or 2 when the file cannot be written.
pub fn emit(path: Option<&Path>, text: &str, force: bool, lang: Lang) -> super::Exit {
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`): nothing more to say, and nothing went wrong.
            let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
            EXIT_OK
        }
        Some(p) => match atomic_write_opts(p, text.as_bytes(), WriteOptions { force }) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                errln!(
                    "{}",
                    crate::text!(lang, "cli-output-failed", message = e.message(lang))
                );
                EXIT_INPUT
            }
        },
    }
}
