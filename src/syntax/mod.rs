//! Text to syntax tree: the pest grammar in `grammar/model.pest`, lowered to an owned tree
//! with byte spans. pest's types never leave this module.

mod span;

pub use span::Span;
