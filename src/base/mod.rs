//! The ground floor: what every stage stands on and that imports nothing of the stages above
//! it. Source files and spans (with the one conversion to miette spans), rendering a
//! diagnostic for people, the guarded YAML reader, the limits on input and on work, atomic file
//! writing, the language a user reads and the word catalogue's reader. See
//! `docs/architecture.md`.

pub mod collect;
pub mod color;
pub mod diag;
pub mod fsutil;
pub mod lang;
pub mod limits;
pub mod note;
pub mod source;
pub mod span;
pub mod today;
pub mod words;
pub mod yaml;
