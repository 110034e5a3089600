//! `rammelab lsp`: the language server (see [`crate::lsp`]).

use clap::Args;

use crate::vocab::Lang;

/// Arguments of `lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// The language of messages (over the editor's locale; bokmål when neither says).
    #[arg(long, value_parser = super::choices::lang_parser())]
    pub lang: Option<Lang>,
    /// Talk over standard input and output (the only transport; accepted because editors
    /// pass it).
    #[arg(long)]
    pub stdio: bool,
}

/// Runs the server until the editor closes it; returns the exit code.
pub fn run(args: &LspArgs) -> super::Exit {
    match crate::lsp::serve(crate::lsp::Options { lang: args.lang }) {
        0 => super::Exit::Ok,
        // The protocol's own code for an `exit` that came without a `shutdown` first.
        1 => super::Exit::Findings,
        _ => super::Exit::Input,
    }
}
