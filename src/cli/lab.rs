//! `rammelab lab MODEL`: the model, each of its variants, each overlay, and each variant under
//! each overlay, ranked by how much each unlocks.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::args::{print_rule_errors, read_overlays, AtArgs, LangArgs, RulesArgs};
use super::check::print_errors;
use super::{
    render_diagnostic, report_collect_error, use_color, CollectError, EXIT_INPUT, EXIT_OK,
};
use crate::model::Model;
use crate::render::lab as render;
use crate::rules::overlay;
use crate::whatif::lab::{self, LabInput, Variant};

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

/// A file in the variants folder that is not a variant of the lab's model.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("`{variant}` is not a variant of `{model}`{}", extends.as_ref().map(|e| format!(": it extends `{e}`")).unwrap_or_default())]
#[diagnostic(
    code(rammelab::lab::not_a_variant),
    help("a variant starts with `extends \"...\"` naming the lab's model (or a variant of it); move other models out of the variants folder")
)]
pub struct NotAVariant {
    variant: String,
    model: String,
    extends: Option<String>,
}

/// Checks that a model extends the lab's model, directly or through other variants (the lab's
/// model may itself be a variant).
fn check_variant(variant: &Model, base: &Model) -> Result<(), NotAVariant> {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let root = variant.bases().last();
    let model = canon(base.file());
    if variant.bases().iter().any(|b| canon(&b.path) == model) {
        return Ok(());
    }
    Err(NotAVariant {
        variant: variant.file().display().to_string(),
        model: base.file().display().to_string(),
        extends: root.map(|r| r.path.display().to_string()),
    })
}

/// The files of a folder with one of the extensions, sorted; the folder must exist.
fn files_in(dir: &Path, exts: &[&str]) -> Result<Vec<PathBuf>, CollectError> {
    let read = std::fs::read_dir(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CollectError::Missing(dir.to_path_buf()),
        _ => CollectError::Walk {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        },
    })?;
    let mut out: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| exts.iter().any(|e| x == *e)))
        .collect();
    out.sort();
    Ok(out)
}

/// `variants/<stem>/` beside the model, when it exists.
fn default_variants(model: &Path) -> Option<PathBuf> {
    let stem = model.file_stem()?;
    let dir = model.parent()?.join("variants").join(stem);
    dir.is_dir().then_some(dir)
}

/// Runs `lab`: exit 0, or 2 when an input is wrong.
pub fn run(args: &LabArgs) -> i32 {
    // Without overlays named, the lab compares against the proposals built in, so that it has
    // something to weigh after `cargo install` or from any folder.
    let mut sources = args.sources.clone();
    if sources.overlay_dirs.is_empty() && sources.overlay_files.is_empty() {
        sources.overlay_dirs.push(PathBuf::from(overlay::BUILTIN));
    }
    let lang = args.lang.lang;
    let rules = match args.rules.load() {
        Ok(r) => r,
        Err(e) => {
            print_rule_errors(&e);
            return EXIT_INPUT;
        }
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
                errln!("rammelab: {e}");
                return EXIT_INPUT;
            }
        },
        LabFormat::Json => render::json(&lab),
    };
    write_out(args.output.as_deref(), &text)
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
) -> Result<lab::Lab, i32> {
    let variant_dirs: Vec<PathBuf> = if sources.variants.is_empty() {
        default_variants(model_path).into_iter().collect()
    } else {
        sources.variants.clone()
    };
    let mut variant_files = Vec::new();
    let mut overlay_paths = Vec::new();
    for dir in &variant_dirs {
        match files_in(dir, &["lsm"]) {
            Ok(f) => variant_files.extend(f),
            Err(e) => return Err(report_collect_error(&e)),
        }
    }
    for dir in &sources.overlay_dirs {
        if dir.as_os_str() == overlay::BUILTIN {
            // Each as `builtin:NAME`, which `read_overlays` takes from the binary.
            overlay_paths.extend(
                overlay::builtin_proposal_names()
                    .into_iter()
                    .map(|n| PathBuf::from(format!("{}:{n}", overlay::BUILTIN))),
            );
            continue;
        }
        match files_in(dir, &["yaml", "yml"]) {
            Ok(f) => overlay_paths.extend(f),
            Err(e) => return Err(report_collect_error(&e)),
        }
    }
    overlay_paths.extend(sources.overlay_files.iter().cloned());
    // The lab's model may itself sit in a variants folder: it is the baseline, not a variant.
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let own = canon(model_path);
    variant_files.retain(|f| canon(f) != own);
    let mut variants = Vec::new();
    let mut invalid = false;
    for path in &variant_files {
        match super::load(path, &rules.vocab, lang) {
            Ok(model) => match check_variant(&model, base) {
                Ok(()) => variants.push(Variant {
                    id: path
                        .file_stem()
                        .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
                    model,
                }),
                Err(e) => {
                    invalid = true;
                    err!(
                        "{}",
                        render_diagnostic(&e, use_color(), super::diag::width())
                    );
                }
            },
            Err(e) => {
                invalid = true;
                print_errors(&e);
            }
        }
    }
    let overlays = match read_overlays(&overlay_paths) {
        Ok(o) => o,
        Err(e) => {
            print_rule_errors(&e);
            return Err(EXIT_INPUT);
        }
    };
    if invalid {
        return Err(EXIT_INPUT);
    }
    let input = LabInput {
        base,
        variants: &variants,
        overlays: &overlays,
        rules,
        at,
    };
    lab::run(input).map_err(|e| {
        print_rule_errors(&e);
        EXIT_INPUT
    })
}

/// Prints or writes the output; a file that cannot be written is bad input.
fn write_out(path: Option<&Path>, text: &str) -> i32 {
    let mut text = text.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    match path {
        None => {
            out!("{text}");
            EXIT_OK
        }
        Some(p) => match std::fs::write(p, text) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                errln!("rammelab: could not write `{}`: {e}", p.display());
                EXIT_INPUT
            }
        },
    }
}
