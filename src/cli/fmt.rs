//! `rammelab fmt`: rewrite model files in the canonical layout.

use std::path::{Path, PathBuf};

use crate::cli::{check::print_errors, report_collect_error, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use crate::limits::{LimitArgs, Limits};
use crate::model::{read_source_with, ModelErrors};
use crate::syntax;
use crate::vocab::Lang;

/// Arguments of `fmt`.
#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Change nothing; list the files that would change and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
    /// Model files (`*.lsm`) or folders to search for them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = Lang::Nb)]
    pub lang: Lang,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// What happened to one file.
enum Outcome {
    Unchanged,
    Changed,
    Invalid,
}

/// Runs `fmt` and returns the exit code.
pub fn run(args: &FmtArgs) -> i32 {
    let files = match crate::cli::collect_models(&args.paths) {
        Ok(files) => files,
        Err(e) => return report_collect_error(&e),
    };
    let (mut changed, mut invalid) = (0, 0);
    for file in &files {
        match format_file(file, args.check, args.lang, &args.limits.limits()) {
            Outcome::Unchanged => {}
            Outcome::Changed => changed += 1,
            Outcome::Invalid => invalid += 1,
        }
    }
    if invalid > 0 {
        EXIT_INPUT
    } else if args.check && changed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn format_file(path: &Path, check: bool, lang: Lang, limits: &Limits) -> Outcome {
    let source = match read_source_with(path, limits) {
        Ok(source) => source,
        Err(errors) => {
            print_errors(&errors.in_lang(lang));
            return Outcome::Invalid;
        }
    };
    let formatted = match syntax::format_with(&source.text, limits) {
        Ok(text) => text,
        Err(e) => {
            print_errors(&ModelErrors::from_syntax(source, e.errors).in_lang(lang));
            return Outcome::Invalid;
        }
    };
    if formatted == source.text {
        return Outcome::Unchanged;
    }
    if !same_meaning(&source.text, &formatted, limits) {
        eprintln!(
            "error: formatting `{}` would change what it says; the file was left as it is (this is a bug in rammelab)",
            path.display()
        );
        return Outcome::Invalid;
    }
    if check {
        println!("{}", path.display());
        return Outcome::Changed;
    }
    match write_atomic(path, &formatted) {
        Ok(()) => {
            println!("{}", path.display());
            Outcome::Changed
        }
        Err(e) => {
            eprintln!("error: {e}");
            Outcome::Invalid
        }
    }
}

/// A guard against bugs in the printer: the formatted text must parse to the same items.
/// Both texts are parsed within the limits the file was read with (the defaults would refuse
/// a file that `--max-file-size` or `--max-items` let in, and call that a bug), and the size
/// limit grows to the formatted text, which may be longer than the file.
fn same_meaning(before: &str, after: &str, limits: &Limits) -> bool {
    let guard = Limits {
        max_file_size: limits.max_file_size.max(after.len() as u64),
        ..*limits
    };
    match (
        syntax::parse_with(before, &guard),
        syntax::parse_with(after, &guard),
    ) {
        (Ok(a), Ok(b)) => a.items == b.items && a.comments.len() == b.comments.len(),
        _ => false,
    }
}

/// Writes a file through a temporary file in the same folder and a rename, so that the file
/// is never left half written (see [`crate::fsutil::atomic_write`]).
fn write_atomic(path: &Path, text: &str) -> Result<(), crate::fsutil::WriteError> {
    crate::fsutil::atomic_write(path, text.as_bytes())
}
