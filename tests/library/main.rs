//! The library: tests that use only the facade (`src/api.rs`, what `rammelab::` exports), as
//! the studio, the language server and other programs use it.

#[allow(dead_code)]
#[path = "../common/mod.rs"]
mod common;

mod api;
mod examples;
mod law_mitigation;
