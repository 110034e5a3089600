//! The ground floor: what every stage above uses and that imports nothing of ours.

pub mod lang;
pub mod words;
