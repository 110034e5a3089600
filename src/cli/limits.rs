//! The options that change the limits (`--max-file-size`, `--max-items`, …): the command-line
//! side of [`crate::base::limits::Limits`].

use clap::Args;

use crate::base::limits::{Limits, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ITEMS, DEFAULT_MAX_LIST_LENGTH};

/// The options that change the limits, for every command that reads models.
#[derive(Debug, Clone, Copy, Args)]
pub struct LimitArgs {
    /// Refuse model files larger than this (`64MiB`, `512KiB`, or bytes).
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    pub max_file_size: u64,
    /// Refuse model files with more items than this.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_ITEMS)]
    pub max_items: usize,
    /// Refuse lists with more values than this.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_LIST_LENGTH)]
    pub max_list_length: usize,
    /// Refuse brackets nested deeper than this.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_DEPTH)]
    pub max_depth: usize,
}

/// A size as `--max-file-size` takes it; a refusal is a typed error, told in the user's
/// language.
fn parse_size(s: &str) -> Result<u64, super::parse_error::BadValue> {
    crate::base::limits::parse_size(s)
        .map_err(|_| super::parse_error::BadValue::Size(s.to_string()))
}

impl Default for LimitArgs {
    fn default() -> LimitArgs {
        LimitArgs::from(Limits::default())
    }
}

impl From<Limits> for LimitArgs {
    fn from(l: Limits) -> LimitArgs {
        LimitArgs {
            max_file_size: l.max_file_size,
            max_items: l.max_items,
            max_list_length: l.max_list_length,
            max_depth: l.max_depth,
        }
    }
}

impl LimitArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            max_file_size: self.max_file_size,
            max_items: self.max_items,
            max_list_length: self.max_list_length,
            max_depth: self.max_depth,
        }
    }
}
