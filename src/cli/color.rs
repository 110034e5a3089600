//! The `--color` option. The choice itself, and what it means for a stream, is kept on the
//! ground floor ([`crate::base::color`]); this is only its command-line side.

use clap::{Args, ValueEnum};

use crate::base::color::ColorChoice;

/// When to use colours, as the command line spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always, even in a pipe or a file.
    Always,
    /// Never.
    Never,
}

impl From<ColorWhen> for ColorChoice {
    fn from(when: ColorWhen) -> ColorChoice {
        match when {
            ColorWhen::Auto => ColorChoice::Auto,
            ColorWhen::Always => ColorChoice::Always,
            ColorWhen::Never => ColorChoice::Never,
        }
    }
}

/// The `--color` option, taken by every command.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct ColorArgs {
    /// When to colour findings and diagnostics: auto (on a terminal, unless NO_COLOR is set),
    /// always or never.
    #[arg(long, value_enum, default_value_t, value_name = "WHEN", global = true)]
    pub color: ColorWhen,
}
