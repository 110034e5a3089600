//! Where rule packs come from: the shipped packs, folders and files named on the command line,
//! read with the size and UTF-8 checks every rule file gets.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{RuleError, RuleErrorKind, RuleErrors, RuleSet, BUILTIN_PACKS};
use crate::base::source::SourceFile;
use crate::base::yaml;
use crate::syntax::Span;
use crate::vocab::Vocabulary;

/// Where packs come from on the command line.
#[derive(Debug, Clone, Default)]
pub struct RuleSources {
    /// Folders given with `--rules`; their packs replace built-in packs of the same id and add
    /// the others. A `vocabulary.yaml` in such a folder replaces the built-in vocabulary.
    pub dirs: Vec<PathBuf>,
    /// Leave the built-in packs out.
    pub no_builtin: bool,
}

impl RuleSources {
    /// Reads the packs and the vocabulary these sources name.
    pub fn load(&self) -> Result<RuleSet, RuleErrors> {
        let mut files: Vec<Arc<SourceFile>> = Vec::new();
        let mut vocab: Option<Vocabulary> = None;
        let mut errors = Vec::new();
        for dir in &self.dirs {
            match read_dir(dir) {
                Ok((packs, v)) => {
                    files.extend(packs);
                    if let Some(v) = v {
                        match crate::vocab::load_vocabulary(&v.text) {
                            Ok(parsed) => vocab = Some(parsed),
                            Err(e) => {
                                let span = e.span(&v.text);
                                errors.push(RuleError::new(RuleErrorKind::Vocabulary(e), &v, span));
                            }
                        }
                    }
                }
                Err(e) => errors.push(*e),
            }
        }
        if !errors.is_empty() {
            return Err(RuleErrors(errors));
        }
        if !self.no_builtin {
            let given: Vec<String> = files.iter().filter_map(|f| pack_id(&f.text)).collect();
            for (name, text) in BUILTIN_PACKS {
                let replaced = pack_id(text).is_some_and(|id| given.contains(&id));
                if !replaced {
                    files.push(SourceFile::new(Path::new("rules").join(name), *text));
                }
            }
        }
        let vocab = vocab.unwrap_or_else(|| Vocabulary::builtin().clone());
        RuleSet::load(files, Arc::new(vocab))
    }
}

/// The `pack:` id of a pack file, read without parsing the whole file.
fn pack_id(text: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix("pack:"))
        .map(|s| s.trim().trim_matches(['"', '\'']).to_string())
}

/// The `*.yaml` pack files of a folder (recursively, sorted) and its vocabulary, if any.
/// The pack files of a folder and its vocabulary file, if any.
type DirFiles = (Vec<Arc<SourceFile>>, Option<Arc<SourceFile>>);

fn read_dir(dir: &Path) -> Result<DirFiles, Box<RuleError>> {
    let io = |e: String| {
        Box::new(RuleError::new(
            RuleErrorKind::Io(e),
            &SourceFile::new(dir.to_path_buf(), ""),
            None,
        ))
    };
    if !dir.is_dir() {
        return Err(io(format!("`{}` is not a folder", dir.display())));
    }
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    paths.sort();
    let mut packs = Vec::new();
    let mut vocab = None;
    for p in paths {
        let file = read_rule_file(&p)?;
        if p.file_name().is_some_and(|n| n == "vocabulary.yaml") {
            vocab = Some(file);
        } else if p.components().any(|c| c.as_os_str() == "proposals") {
            // Proposed changes of the framework are overlays, not packs in force.
            continue;
        } else {
            packs.push(file);
        }
    }
    Ok((packs, vocab))
}

/// Reads one rule or vocabulary file: at most [`yaml::MAX_YAML_BYTES`], and UTF-8 (a file
/// that is not gets an error located at the first byte that is not).
pub fn read_rule_file(path: &Path) -> Result<Arc<SourceFile>, Box<RuleError>> {
    let bytes =
        crate::base::fsutil::read_limited(path, yaml::MAX_YAML_BYTES as u64).map_err(|e| {
            Box::new(RuleError::new(
                RuleErrorKind::Io(format!("`{}`: {e}", path.display())),
                &SourceFile::new(path.to_path_buf(), ""),
                None,
            ))
        })?;
    let text = String::from_utf8(bytes).map_err(|e| not_utf8(path, e))?;
    Ok(SourceFile::new(path.to_path_buf(), text))
}

/// A file that is not UTF-8, pointed at the first byte that is not: the snippet shows the
/// text with that byte (and any other) replaced by `�`.
fn not_utf8(path: &Path, e: std::string::FromUtf8Error) -> Box<RuleError> {
    let byte = e.utf8_error().valid_up_to();
    let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
    // The text up to `byte` is the same in the lossy copy; the replacement is 3 bytes long.
    let end = (byte + char::REPLACEMENT_CHARACTER.len_utf8()).min(text.len());
    let file = SourceFile::new(path.to_path_buf(), text);
    Box::new(
        RuleError::new(
            RuleErrorKind::NotUtf8 { byte },
            &file,
            Some(Span::new(byte, end)),
        )
        .label("not UTF-8")
        .in_lang(crate::vocab::Lang::En),
    )
}
