//! Text to syntax tree: the pest grammar in `grammar/model.pest`, lowered to an owned tree
//! with byte spans. pest's types never leave this module.

// Input reaches this code: no indexing that could panic (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

pub mod ast;
mod error;
mod format;
mod lower;
mod parser;

pub use crate::base::span::Span;
pub use error::{
    texts as error_texts, Expected, Found, SyntaxError, SyntaxErrorKind, SyntaxErrors,
};
pub use format::{format, format_with};
pub use parser::{parse_recovering, parse_recovering_with, Parsed};

/// Parses a model file. Every syntax error of the file is reported, not only the first.
#[cfg(test)]
pub fn parse(source: &str) -> Result<ast::File, SyntaxErrors> {
    parse_with(source, &crate::base::limits::Limits::default())
}

/// Parses a model file within `limits`.
pub fn parse_with(
    source: &str,
    limits: &crate::base::limits::Limits,
) -> Result<ast::File, SyntaxErrors> {
    let parsed = parse_recovering_with(source, limits);
    if parsed.errors.is_empty() {
        Ok(parsed.file)
    } else {
        Err(SyntaxErrors {
            errors: parsed.errors,
        })
    }
}
