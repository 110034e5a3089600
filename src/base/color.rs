//! Whether what rammelab prints for people gets colours (`--color auto|always|never`).
//!
//! One choice for the whole process, set once from the command line before a command runs,
//! and read by the diagnostics on standard error and by the human output on standard output.
//! `auto` colours a stream only when it is a terminal and `NO_COLOR` is unset or empty
//! (<https://no-color.org>), so a pipe or a CI log gets plain text.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU8, Ordering};

/// When to use colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always, even in a pipe or a file.
    Always,
    /// Never.
    Never,
}

/// The choice made for this process (`ColorChoice as u8`).
static CHOICE: AtomicU8 = AtomicU8::new(ColorChoice::Auto as u8);

/// Sets the choice for the rest of the process.
pub fn set(choice: ColorChoice) {
    CHOICE.store(choice as u8, Ordering::Relaxed);
}

fn choice() -> ColorChoice {
    match CHOICE.load(Ordering::Relaxed) {
        x if x == ColorChoice::Always as u8 => ColorChoice::Always,
        x if x == ColorChoice::Never as u8 => ColorChoice::Never,
        _ => ColorChoice::Auto,
    }
}

/// Whether a stream that is (or is not) a terminal gets colours.
fn wanted(is_terminal: bool) -> bool {
    match choice() {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && is_terminal
        }
    }
}

/// Whether standard error gets colours.
pub fn stderr() -> bool {
    wanted(std::io::stderr().is_terminal())
}

/// Whether standard output gets colours.
pub fn stdout() -> bool {
    wanted(std::io::stdout().is_terminal())
}
