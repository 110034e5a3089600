//! Tests across the stages, from text to outputs: the limits on what is read, linear work on
//! any input (proven by the work counter, `base::limits::work`), and the generated files that
//! must follow the grammar and the vocabulary (the editors' grammar, the language guides'
//! tables). They stand above every stage, as `api.rs` does.

mod docs;
mod editors;
mod limits;
mod linear;
