//! `rammelab vocab`: print the vocabulary.

use crate::cli::EXIT_OK;
use crate::render::vocab as describe;
use crate::vocab::{Lang, Vocabulary};

/// How to print the vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VocabFormat {
    /// Markdown tables, as in the language guide.
    Md,
    /// The vocabulary file itself.
    Yaml,
}

/// Arguments of `vocab`.
#[derive(Debug, clap::Args)]
pub struct VocabArgs {
    #[arg(long, value_enum, default_value_t = VocabFormat::Md)]
    pub format: VocabFormat,
    /// Language of headings, labels and descriptions.
    #[arg(long, value_parser = super::choices::lang_parser(), default_value = "nb")]
    pub lang: Lang,
}

pub fn run(args: &VocabArgs) -> super::Exit {
    let vocab = Vocabulary::builtin();
    match args.format {
        VocabFormat::Md => out!("{}", describe::markdown(vocab, args.lang)),
        VocabFormat::Yaml => out!("{}", crate::vocab::BUILTIN_VOCABULARY),
    }
    EXIT_OK
}
