//! The rule packs as the loader sees them: bad files and vocabularies refused with located
//! diagnostics, the built-in proposals as they are on disk, and the generated review table.

mod diagnostics;
mod proposals;
mod review;
