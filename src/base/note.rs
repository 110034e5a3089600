//! The second places a diagnostic points at, by what they are; the words for each are the
//! message catalogue's.

/// A label on a second place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    NextItemStartsHere,
    FirstDefinedHere,
    FirstModelHere,
    FirstSetHere,
    DependsOn { from: String, to: String },
    ResourceIs { term: String },
}
