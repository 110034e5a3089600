//! Gathering the what-if lab's input: the variants of a model (a folder of `*.lsm` files,
//! by default `variants/<name>/` beside it), the overlays (folders of `*.yaml`, single files,
//! or the proposals built in), each loaded and checked. Every problem is collected into
//! [`InputErrors`]; nothing is printed here.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::lab::{self, Lab, LabInput, Variant};
use crate::base::collect::CollectError;
use crate::model::{Model, ModelErrors};
use crate::rules::{overlay, RuleErrors, RuleSet};
use crate::vocab::Lang;

/// Where the lab's variants and overlays come from.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Folders of variants; empty means `variants/<stem>/` beside the model, when it exists.
    pub variants: Vec<PathBuf>,
    /// Folders of overlays; [`overlay::BUILTIN`] names the proposals built in.
    pub overlay_dirs: Vec<PathBuf>,
    /// Single overlay files.
    pub overlay_files: Vec<PathBuf>,
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

/// One problem with the lab's input.
#[derive(Debug)]
pub enum InputError {
    /// A folder of variants or overlays that is missing or cannot be read.
    Folder(CollectError),
    /// A variant that does not load.
    Variant(ModelErrors),
    /// A model in the variants folder that does not extend the lab's model.
    NotAVariant(NotAVariant),
    /// Overlays that cannot be read or applied.
    Overlays(RuleErrors),
}

/// Every problem with the lab's input, in the order met; never empty.
#[derive(Debug)]
pub struct InputErrors(pub Vec<InputError>);

/// Loads the variants and overlays of a model and runs the lab.
pub fn gather(
    model_path: &Path,
    base: &Model,
    sources: &Sources,
    rules: &RuleSet,
    at: Date,
    lang: Lang,
) -> Result<Lab, InputErrors> {
    let fail = |e: InputError| InputErrors(vec![e]);
    let variant_files = variant_files(model_path, sources).map_err(fail)?;
    let overlay_paths = overlay_paths(sources).map_err(fail)?;
    let mut errors = Vec::new();
    let mut variants = Vec::new();
    for path in &variant_files {
        match crate::model::load_file(path, &rules.vocab).map_err(|e| e.in_lang(lang)) {
            Ok(model) => match check_variant(&model, base) {
                Ok(()) => variants.push(Variant {
                    id: path
                        .file_stem()
                        .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
                    model,
                }),
                Err(e) => errors.push(InputError::NotAVariant(e)),
            },
            Err(e) => errors.push(InputError::Variant(e)),
        }
    }
    let overlays = match overlay::read_overlays(&overlay_paths) {
        Ok(o) => o,
        Err(e) => {
            errors.push(InputError::Overlays(e));
            return Err(InputErrors(errors));
        }
    };
    if !errors.is_empty() {
        return Err(InputErrors(errors));
    }
    let input = LabInput {
        base,
        variants: &variants,
        overlays: &overlays,
        rules,
        at,
        lang,
    };
    lab::run(input).map_err(|e| fail(InputError::Overlays(e)))
}

/// The variant files: every `*.lsm` of the variants folders, less the lab's model itself (it
/// may sit in a variants folder: it is the baseline, not a variant).
fn variant_files(model_path: &Path, sources: &Sources) -> Result<Vec<PathBuf>, InputError> {
    let dirs: Vec<PathBuf> = if sources.variants.is_empty() {
        default_variants(model_path).into_iter().collect()
    } else {
        sources.variants.clone()
    };
    let mut files = Vec::new();
    for dir in &dirs {
        files.extend(files_in(dir, &["lsm"]).map_err(InputError::Folder)?);
    }
    let own = canon(model_path);
    files.retain(|f| canon(f) != own);
    Ok(files)
}

/// The overlay paths: the files of each folder, `builtin:NAME` for each built-in proposal
/// when the folder is [`overlay::BUILTIN`], then the single files.
fn overlay_paths(sources: &Sources) -> Result<Vec<PathBuf>, InputError> {
    let mut paths = Vec::new();
    for dir in &sources.overlay_dirs {
        if dir.as_os_str() == overlay::BUILTIN {
            // Each as `builtin:NAME`, which `read_overlays` takes from the binary.
            paths.extend(
                overlay::builtin_proposal_names()
                    .into_iter()
                    .map(|n| PathBuf::from(format!("{}:{n}", overlay::BUILTIN))),
            );
            continue;
        }
        paths.extend(files_in(dir, &["yaml", "yml"]).map_err(InputError::Folder)?);
    }
    paths.extend(sources.overlay_files.iter().cloned());
    Ok(paths)
}

fn canon(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Checks that a model extends the lab's model, directly or through other variants (the lab's
/// model may itself be a variant).
fn check_variant(variant: &Model, base: &Model) -> Result<(), NotAVariant> {
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
