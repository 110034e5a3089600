//! `rammelab lsp`: a language server for model files (`*.lsm`) over standard input and output.
//!
//! On open and on every change (full or incremental sync), the document is parsed, resolved
//! and evaluated, and published as diagnostics: every model error with its code, message,
//! help and related locations, and the findings (barriers by severity, opportunities as
//! hints, the rule id as code and the Lovdata link as code description; the setting
//! `findings: false` turns them off). The server also answers:
//!
//! - hover: a field's or term's label and description from the vocabulary, what an item id
//!   names, and on a line with findings their title, source, remedy and what they mitigate;
//! - completion: item keywords, the fields an item kind takes, the terms a field accepts,
//!   the ids of the right kind for a reference, units and periods, in the words (English or
//!   Norwegian) the item is written in;
//! - go to definition, find references and rename of item ids, across a variant and the
//!   models it `extends` and the open variants of a model;
//! - the outline (document symbols), formatting (`rammelab fmt`'s formatter), and code
//!   actions: apply a did-you-mean, add a missing field, add the agreement a barrier asks for
//!   (as a skeleton).
//!
//! Settings (rule packs, overlays, date, language, findings on or off) are read from the
//! project's `rammelab.toml`, then `initializationOptions`, then
//! `workspace/didChangeConfiguration` (see [`settings`]). Messages are in the language of
//! `--lang`, else the `lang` setting, else the client's `locale`, else bokmål.
//!
//! Built on `lsp-server` and `lsp-types`, the crates rust-analyzer uses: synchronous, no async
//! runtime; an edit of the largest shipped model is answered with its diagnostics in about 2 ms
//! (docs/performance.md), so one thread answering in order is enough; changes that arrive while a check runs are applied together
//! before the next check. The stdio transport is this crate's own ([`transport`]): the one
//! in lsp-server stops at the first malformed message, and this server must not.

/// A line on standard error, the editor's log of the server. `eprintln!` panics when the
/// stream is gone (an editor that closed it); a log line that cannot be written is dropped.
macro_rules! log {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}
pub(crate) use log;

mod actions;
mod complete;
mod diagnostics;
pub mod engine;
mod hover;
mod locate;
mod navigate;
mod server;
pub mod settings;
pub mod text;
pub mod transport;
pub mod uri;
mod words;

pub use server::{serve, Options};
