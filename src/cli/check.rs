//! `rammelab check`: validate models (rule evaluation comes later).

use std::path::{Path, PathBuf};

use crate::cli::{diag, report_collect_error, EXIT_INPUT, EXIT_OK};
use crate::model::{self, Model, ModelErrors};
use crate::vocab::{Lang, Vocabulary};

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Model files (`*.lsm`) or folders to search for them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = Lang::Nb)]
    pub lang: Lang,
}

/// Loads and resolves one model file.
pub fn load(path: &Path, vocab: &Vocabulary, lang: Lang) -> Result<Model, ModelErrors> {
    model::load_file(path, vocab).map_err(|e| e.in_lang(lang))
}

/// Runs `check` and returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    let files = match crate::cli::collect_models(&args.paths) {
        Ok(files) => files,
        Err(e) => return report_collect_error(&e),
    };
    let vocab = Vocabulary::builtin();
    let mut invalid = 0;
    for file in &files {
        match load(file, vocab, args.lang) {
            Ok(model) => println!("{}", summary(&model, args.lang)),
            Err(errors) => {
                invalid += 1;
                print_errors(&errors);
            }
        }
    }
    if invalid > 0 {
        EXIT_INPUT
    } else {
        EXIT_OK
    }
}

/// Prints every error of a file on standard error, then a line saying how many there were.
pub fn print_errors(errors: &ModelErrors) {
    let (color, width) = (diag::stderr_color(), diag::width());
    for e in errors.iter() {
        eprintln!("{}", diag::render_diagnostic(e, color, width));
    }
    eprintln!("{errors}\n");
}

/// One line about a valid model: file, name and counts.
pub fn summary(model: &Model, lang: Lang) -> String {
    let [actors, services, flows, agreements] = model.counts();
    let (ok, a, s, f, g) = match lang {
        Lang::En => ("ok", "actors", "services", "flows", "agreements"),
        Lang::Nb => ("ok", "aktører", "tjenester", "flyter", "avtaler"),
    };
    format!(
        "{ok} {}: «{}»: {actors} {a}, {services} {s}, {flows} {f}, {agreements} {g}",
        model.file().display(),
        model.name(),
    )
}
