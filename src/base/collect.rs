//! Finding model files under the paths given on the command line.

use std::path::{Path, PathBuf};

/// A path on the command line that does not exist or cannot be walked.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum CollectError {
    /// A path given that does not exist.
    #[error("`{0}` does not exist")]
    #[diagnostic(
        code(rammelab::no_such_path),
        help("give a model file (`*.lsm`) or a folder")
    )]
    Missing(PathBuf),
    /// A folder that could not be read while walking it.
    #[error("could not read the folder `{path}`: {reason}")]
    #[diagnostic(code(rammelab::unreadable))]
    Walk {
        /// The folder.
        path: PathBuf,
        /// Why, as the system said it.
        reason: String,
    },
}

/// Every `*.lsm` file under the given paths (files are taken as given, folders searched
/// recursively), each folder's files in sorted order, without duplicates.
pub fn collect_models(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CollectError> {
    // The folders named here bound the project of a model outside any marked one.
    crate::base::fsutil::remember_given_folders(paths);
    let mut out: Vec<PathBuf> = Vec::new();
    for path in paths {
        if path.is_file() {
            push(&mut out, path.clone());
        } else if path.is_dir() {
            let mut found = Vec::new();
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                let entry = entry.map_err(|e| CollectError::Walk {
                    path: path.clone(),
                    reason: e.to_string(),
                })?;
                if entry.file_type().is_file() && is_model(entry.path()) {
                    found.push(entry.into_path());
                }
            }
            found.sort();
            for f in found {
                push(&mut out, f);
            }
        } else {
            return Err(CollectError::Missing(path.clone()));
        }
    }
    Ok(out)
}

fn is_model(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "lsm")
}

fn push(out: &mut Vec<PathBuf>, path: PathBuf) {
    if !out.contains(&path) {
        out.push(path);
    }
}
