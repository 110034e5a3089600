//! The syntax stage's tests: the editors' grammar in step with the pest grammar.

mod editors;
