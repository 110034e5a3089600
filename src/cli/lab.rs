//! `rammelab lab MODEL`: the model, each of its variants, each overlay, and each variant under
//! each overlay, ranked by how much each unlocks.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::args::{print_rule_errors, AtArgs, LangArgs, RulesArgs};
use super::check::print_errors;
use super::{render_diagnostic, report_collect_error, use_color, EXIT_INPUT};
use crate::model::Model;
use crate::render::lab as render;
use crate::rules::overlay;
use crate::whatif::input::{self, InputError};
use crate::whatif::lab;

#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum LabFormat {
    #[default]
    Human,
    Md,
    Html,
    Json,
}

/// Where the lab's variants and overlays come from (shared by `lab` and `report`).
#[derive(Debug, Clone, Default, Args)]
pub struct LabSources {
    /// A folder of variants of MODEL (`*.lsm`, repeatable). Default: `variants/<name>/` beside
    /// MODEL (for `models/paa-doerterskelen.lsm`: `models/variants/paa-doerterskelen/`).
    #[arg(long = "variants", value_name = "DIR")]
    pub variants: Vec<PathBuf>,
    /// A folder of overlays (`*.yaml`, repeatable), for example `rules/proposals`; `builtin`
    /// names the proposals built into rammelab. `lab` takes the built-in proposals when neither
    /// `--overlays` nor `--overlay` is given.
    #[arg(long = "overlays", value_name = "DIR")]
    pub overlay_dirs: Vec<PathBuf>,
    /// One overlay file (repeatable), besides those in `--overlays`.
    #[arg(long = "overlay", value_name = "FILE")]
    pub overlay_files: Vec<PathBuf>,
}

impl LabSources {
    /// Were any variants or overlays named on the command line?
    pub fn given(&self) -> bool {
        !self.variants.is_empty() || !self.overlay_dirs.is_empty() || !self.overlay_files.is_empty()
    }
}

#[derive(Debug, Args)]
pub struct LabArgs {
    /// The model to start from.
    #[arg(value_name = "MODEL")]
    pub model: PathBuf,
    #[command(flatten)]
    pub sources: LabSources,
    #[command(flatten)]
    pub rules: RulesArgs,
    #[command(flatten)]
    pub at: AtArgs,
    #[command(flatten)]
    pub lang: LangArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LabFormat::Human)]
    pub format: LabFormat,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `lab`: exit 0, or 2 when an input is wrong.
pub fn run(args: &LabArgs) -> super::Exit {
    // Without overlays named, the lab compares against the proposals built in, so that it has
    // something to weigh after `cargo install` or from any folder.
    let mut sources = args.sources.clone();
    if sources.overlay_dirs.is_empty() && sources.overlay_files.is_empty() {
        sources.overlay_dirs.push(PathBuf::from(overlay::BUILTIN));
    }
    let lang = args.lang.lang;
    let rules = match args.rules.load_or_exit(lang) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let base = match super::load(&args.model, &rules.vocab, lang) {
        Ok(m) => m,
        Err(e) => {
            print_errors(&e);
            return EXIT_INPUT;
        }
    };
    let lab = match build(&args.model, &base, &sources, &rules, args.at.date(), lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let text = match args.format {
        LabFormat::Human => render::human(&lab, lang),
        LabFormat::Md => render::markdown(&lab, lang),
        LabFormat::Html => match render::html_page(&lab, lang) {
            Ok(t) => t,
            Err(e) => {
                errln!(
                    "{}",
                    crate::text!(lang, "cli-render-failed", error = e.to_string())
                );
                return EXIT_INPUT;
            }
        },
        LabFormat::Json => render::json(&lab),
    };
    write_out(args.output.as_deref(), &text, lang)
}

/// Loads the variants and overlays of a model and runs the lab. Problems are printed to
/// standard error; the error is the exit code to end with.
pub fn build(
    model_path: &Path,
    base: &Model,
    sources: &LabSources,
    rules: &crate::rules::RuleSet,
    at: jiff::civil::Date,
    lang: crate::vocab::Lang,
) -> Result<lab::Lab, super::Exit> {
    input::gather(model_path, base, &sources.into(), rules, at, lang).map_err(|errors| {
        for e in errors.0 {
            match e {
                InputError::Folder(e) => {
                    report_collect_error(&e);
                }
                InputError::Variant(e) => print_errors(&e),
                InputError::NotAVariant(e) => err!(
                    "{}",
                    render_diagnostic(&e, use_color(), crate::base::diag::width())
                ),
                InputError::Overlays(e) => print_rule_errors(&e, lang),
            }
        }
        EXIT_INPUT
    })
}

impl From<&LabSources> for input::Sources {
    fn from(s: &LabSources) -> input::Sources {
        input::Sources {
            variants: s.variants.clone(),
            overlay_dirs: s.overlay_dirs.clone(),
            overlay_files: s.overlay_files.clone(),
        }
    }
}

/// Prints or writes the output, ending with a line break.
fn write_out(path: Option<&Path>, text: &str, lang: crate::vocab::Lang) -> super::Exit {
    let mut text = text.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    super::output::emit(path, &text, false, lang)
}
