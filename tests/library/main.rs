//! The library: tests that use only the facade (`src/api.rs`, what `rammelab::` exports), as
//! the studio, the language server and other programs use it.

mod api;
