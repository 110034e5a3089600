//! `rammelab fmt`: rewrite model files in the canonical layout.

use std::path::{Path, PathBuf};

use super::limits::LimitArgs;
use crate::base::limits::Limits;
use crate::cli::{check::print_errors, report_collect_error, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use crate::model::{read_source_with, ModelErrors};
use crate::syntax;
use crate::vocab::Lang;

/// Arguments of `fmt`.
#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Change nothing; list the files that would change and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
    /// Change nothing; show the changes as a unified diff and exit 1 if there are any.
    #[arg(long)]
    pub diff: bool,
    /// Model files (`*.lsm`) or folders to search for them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Language of messages.
    #[arg(long, value_parser = super::choices::lang_parser(), default_value = "nb")]
    pub lang: Lang,
    /// Replace read-only files too (they stay read-only). Without it a read-only file is left
    /// as it is, with an error.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// What happened to one file.
enum Formatted {
    Unchanged,
    Changed,
    Invalid,
}

/// Runs `fmt` and returns the exit code.
pub fn run(args: &FmtArgs) -> super::Exit {
    let files = match crate::cli::collect_models(&args.paths) {
        Ok(files) => files,
        Err(e) => return report_collect_error(&e),
    };
    let (mut changed, mut invalid) = (0, 0);
    for file in &files {
        match format_file(file, args, &args.limits.limits()) {
            Formatted::Unchanged => {}
            Formatted::Changed => changed += 1,
            Formatted::Invalid => invalid += 1,
        }
    }
    if invalid > 0 {
        EXIT_INPUT
    } else if (args.check || args.diff) && changed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn format_file(path: &Path, args: &FmtArgs, limits: &Limits) -> Formatted {
    let (check, lang) = (args.check, args.lang);
    let source = match read_source_with(path, limits) {
        Ok(source) => source,
        Err(errors) => {
            print_errors(&errors.in_lang(lang));
            return Formatted::Invalid;
        }
    };
    let formatted = match syntax::format_with(&source.text, limits) {
        Ok(text) if uses_crlf(&source.text) => to_crlf(&text),
        Ok(text) => text,
        Err(e) => {
            print_errors(&ModelErrors::from_syntax(source, e.errors).in_lang(lang));
            return Formatted::Invalid;
        }
    };
    if formatted == source.text {
        return Formatted::Unchanged;
    }
    if !same_meaning(&source.text, &formatted, limits) {
        errln!(
            "{}",
            crate::text!(
                lang,
                "cli-fmt-changes-meaning",
                path = path.display().to_string()
            )
        );
        return Formatted::Invalid;
    }
    if args.diff {
        out!("{}", crate::fix::unified(path, &source.text, &formatted));
        return Formatted::Changed;
    }
    if check {
        outln!("{}", path.display());
        return Formatted::Changed;
    }
    let mut bytes = Vec::with_capacity(formatted.len() + 3);
    if crate::base::fsutil::starts_with_bom(path) {
        bytes.extend_from_slice(crate::base::fsutil::BOM);
    }
    bytes.extend_from_slice(formatted.as_bytes());
    let options = crate::base::fsutil::WriteOptions { force: args.force };
    match crate::base::fsutil::atomic_write_opts(path, &bytes, options) {
        Ok(()) => {
            outln!("{}", path.display());
            Formatted::Changed
        }
        Err(e) => {
            errln!(
                "{}",
                crate::text!(lang, "cli-write-failed", message = e.message(lang))
            );
            Formatted::Invalid
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

/// Whether a file's lines end in CRLF (Windows): its first line break is `\r\n`. `fmt` keeps
/// the line ends a file has.
fn uses_crlf(text: &str) -> bool {
    text.find('\n')
        .is_some_and(|at| at > 0 && text.as_bytes().get(at - 1) == Some(&b'\r'))
}

/// The formatted text (LF line ends) with CRLF line ends.
fn to_crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

#[cfg(test)]
mod tests {
    use super::{to_crlf, uses_crlf};

    #[test]
    fn line_ends_are_told_by_the_first_break() {
        assert!(uses_crlf("a\r\nb\n"));
        assert!(!uses_crlf("a\nb\r\n"));
        assert!(!uses_crlf("\nb"));
        assert!(!uses_crlf("ab"));
        assert_eq!(to_crlf("a\nb\r\n"), "a\r\nb\r\n");
    }
}
