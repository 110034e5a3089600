//! `rammelab.toml`: the options a project would otherwise repeat on every call (the date, the
//! language, rule folders, overlays, the fail level and which findings the CI formats show).
//!
//! The file is found as cargo and ruff find theirs: in the current folder or the nearest folder
//! above it, up to the filesystem root. Its values become the defaults of the command-line
//! options of the same name (see `cli::args::parse_command_line`), so the precedence is
//! the file, then `RAMMELAB_LANG`, then the command line, each overriding the one before.
//! Folders and files in it are relative to the file, wherever rammelab is run from.
//!
//! The file is read with spans (`toml::de::DeTable`), so an unknown key or a bad value is an
//! error placed on its line and column, with a did-you-mean for a misspelt key. Every error
//! of the file is reported, not only the first.

mod texts;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::base::source::SourceFile;
use crate::base::words::Texts;
use crate::syntax::Span;

use crate::vocab::{closest, Lang};

/// The name of the file.
pub const FILE_NAME: &str = "rammelab.toml";

/// The keys the file takes, with the long option each one is the default of.
pub const KEYS: &[(&str, &str)] = &[
    ("at", "at"),
    ("lang", "lang"),
    ("rules", "rules"),
    ("no_builtin_rules", "no-builtin-rules"),
    ("overlays", "overlay"),
    ("fail_on", "fail-on"),
    ("opportunities", "opportunities"),
];

/// The options a configuration file sets, each as the command-line value it stands for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The file they come from.
    pub file: Option<PathBuf>,
    /// `(long option, values)`, in the order of [`KEYS`]; a switch has the value `true`.
    pub defaults: Vec<(&'static str, Vec<String>)>,
}

impl Config {
    /// The values the file gives the option `--long`, if it gives any.
    pub fn get(&self, long: &str) -> Option<&[String]> {
        self.defaults
            .iter()
            .find(|(l, _)| *l == long)
            .map(|(_, v)| v.as_slice())
    }
}

/// The nearest `rammelab.toml` in `start` or a folder above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|file| file.is_file())
}

/// Reads and checks a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigErrors> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&SourceFile::new(path, text)),
        Err(e) => {
            let file = SourceFile::new(path, "");
            Err(ConfigErrors(vec![ConfigError::new(
                ConfigErrorKind::Unreadable(e.kind().to_string()),
                &file,
                None,
            )]))
        }
    }
}

/// Checks the text of a configuration file; paths in it are made relative to its folder.
pub fn parse(file: &Arc<SourceFile>) -> Result<Config, ConfigErrors> {
    let table = match DeTable::parse(&file.text) {
        Ok(t) => t.into_inner(),
        Err(e) => {
            let span = e.span().map(|r| Span::new(r.start, r.end.max(r.start)));
            let kind = ConfigErrorKind::Toml(e.message().trim_end().to_string());
            return Err(ConfigErrors(vec![ConfigError::new(kind, file, span)]));
        }
    };
    let dir = file.path.parent().unwrap_or(Path::new(""));
    let mut errors = Vec::new();
    let mut found: Vec<(usize, Vec<String>)> = Vec::new();
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    for (key, value) in entries {
        let name = key.get_ref().as_ref();
        let Some(i) = KEYS.iter().position(|(k, _)| *k == name) else {
            let suggestion = closest(name, KEYS.iter().map(|(k, _)| *k)).map(str::to_string);
            let kind = ConfigErrorKind::UnknownKey {
                key: name.to_string(),
                suggestion,
            };
            errors.push(ConfigError::new(kind, file, Some(span_of(key))));
            continue;
        };
        match check_value(name, value, dir) {
            Ok(values) => found.push((i, values)),
            Err(kind) => errors.push(ConfigError::new(kind, file, Some(span_of(value)))),
        }
    }
    if !errors.is_empty() {
        return Err(ConfigErrors(errors));
    }
    found.sort_by_key(|(i, _)| *i);
    Ok(Config {
        file: Some(file.path.clone()),
        defaults: found
            .into_iter()
            .filter_map(|(i, v)| KEYS.get(i).map(|(_, long)| (*long, v)))
            .collect(),
    })
}

fn span_of<T>(s: &Spanned<T>) -> Span {
    let r = s.span();
    Span::new(r.start, r.end)
}

/// The value of one key as command-line values, or what is wrong with it.
fn check_value(
    key: &str,
    value: &Spanned<DeValue<'_>>,
    dir: &Path,
) -> Result<Vec<String>, ConfigErrorKind> {
    let v = value.get_ref();
    let bad = |expected: Expected| ConfigErrorKind::BadValue {
        key: key.to_string(),
        found: shown(v),
        expected,
    };
    match key {
        "at" => {
            // A TOML date (`at = 2027-01-01`) or the same in quotes.
            let text = match v {
                DeValue::Datetime(d) => d.to_string(),
                DeValue::String(s) => s.to_string(),
                _ => return Err(bad(Expected::Date)),
            };
            text.parse::<jiff::civil::Date>()
                .map_err(|_| bad(Expected::Date))?;
            Ok(vec![text])
        }
        "lang" => one_of(v, LANGS).ok_or_else(|| bad(Expected::OneOf(LANGS))),
        "fail_on" => one_of(v, LEVELS).ok_or_else(|| bad(Expected::OneOf(LEVELS))),
        "no_builtin_rules" | "opportunities" => match v {
            DeValue::Boolean(b) => Ok(if *b { vec!["true".to_string()] } else { vec![] }),
            _ => Err(bad(Expected::Bool)),
        },
        // "rules" | "overlays": a path or a list of paths, relative to the file.
        _ => {
            let paths: Option<Vec<String>> = match v {
                DeValue::String(s) => Some(vec![s.to_string()]),
                DeValue::Array(a) => a
                    .iter()
                    .map(|e| e.get_ref().as_str().map(str::to_string))
                    .collect(),
                _ => None,
            };
            let paths = paths.ok_or_else(|| bad(Expected::Paths))?;
            Ok(paths
                .into_iter()
                .map(|p| dir.join(p).display().to_string())
                .collect())
        }
    }
}

/// The values `lang` takes; the command line's `--lang` takes the same (a test in `cli` holds
/// the two lists together).
pub const LANGS: &[&str] = &["nb", "en"];

/// The values `fail_on` takes, as `--fail-on` does.
pub const LEVELS: &[&str] = &["barrier", "warning", "never"];

/// A string value that is one of `choices`.
fn one_of(v: &DeValue<'_>, choices: &[&str]) -> Option<Vec<String>> {
    let s = v.as_str()?;
    choices.contains(&s).then(|| vec![s.to_string()])
}

/// A value as a person would write it, for "found ...".
fn shown(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(s) => format!("\"{s}\""),
        DeValue::Integer(i) => i.to_string(),
        DeValue::Float(f) => f.to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(_) => "[...]".to_string(),
        DeValue::Table(_) => "{...}".to_string(),
    }
}

/// What a key takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A date, `2027-01-01`.
    Date,
    /// One of these words, in quotes.
    OneOf(&'static [&'static str]),
    /// `true` or `false`.
    Bool,
    /// A path or a list of paths, in quotes.
    Paths,
}

/// What is wrong with a configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigErrorKind {
    /// Not TOML; the parser's own message.
    Toml(String),
    /// A key the file does not take, with the known key it most resembles.
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    /// A value the key does not take.
    BadValue {
        key: String,
        found: String,
        expected: Expected,
    },
    /// The file could not be read.
    Unreadable(String),
}

impl ConfigErrorKind {
    /// The stable code users can search for.
    pub fn code(&self) -> &'static str {
        match self {
            ConfigErrorKind::Toml(_) => "rammelab::config::toml",
            ConfigErrorKind::UnknownKey { .. } => "rammelab::config::unknown-key",
            ConfigErrorKind::BadValue { .. } => "rammelab::config::bad-value",
            ConfigErrorKind::Unreadable(_) => "rammelab::config::unreadable",
        }
    }
}

/// One error in a configuration file, with its words in one language.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub kind: ConfigErrorKind,
    pub file: Arc<SourceFile>,
    pub span: Option<Span>,
    texts: Texts,
}

impl ConfigError {
    fn new(kind: ConfigErrorKind, file: &Arc<SourceFile>, span: Option<Span>) -> ConfigError {
        let texts = texts::texts(&kind, Lang::default());
        ConfigError {
            kind,
            file: file.clone(),
            span,
            texts,
        }
    }

    /// The same error with its words in `lang`.
    pub fn in_lang(mut self, lang: Lang) -> ConfigError {
        self.texts = texts::texts(&self.kind, lang);
        self
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.texts.message)
    }
}

impl std::error::Error for ConfigError {}

impl Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.kind.code()))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.texts
            .help
            .as_ref()
            .map(|h| Box::new(h.as_str()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.file.as_ref())
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(self.texts.label.clone()),
            span.to_miette(&self.file.text),
        ))))
    }
}

/// Every error of a configuration file, in the order they stand in it.
#[derive(Debug, Clone)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl ConfigErrors {
    /// The same errors with their words in `lang`.
    pub fn in_lang(self, lang: Lang) -> ConfigErrors {
        ConfigErrors(self.0.into_iter().map(|e| e.in_lang(lang)).collect())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn errors(text: &str) -> Vec<(&'static str, String)> {
        let file = SourceFile::new("rammelab.toml", text);
        match parse(&file) {
            Ok(_) => Vec::new(),
            Err(e) => {
                e.0.iter()
                    .map(|e| {
                        let span = e.span.unwrap_or(Span::new(0, 0));
                        let at = file
                            .text
                            .get(span.start as usize..span.end as usize)
                            .unwrap_or("");
                        (e.kind.code(), at.to_string())
                    })
                    .collect()
            }
        }
    }

    #[test]
    fn every_key_becomes_the_default_of_its_option() {
        let file = SourceFile::new(
            "/p/rammelab.toml",
            "at = 2027-01-01\nlang = \"en\"\nrules = [\"rules\", \"local\"]\n\
             overlays = \"x.yaml\"\nfail_on = \"warning\"\nopportunities = true\n\
             no_builtin_rules = false\n",
        );
        let c = parse(&file).unwrap();
        assert_eq!(c.get("at"), Some(&["2027-01-01".to_string()][..]));
        assert_eq!(c.get("lang"), Some(&["en".to_string()][..]));
        assert_eq!(
            c.get("rules"),
            Some(&["/p/rules".to_string(), "/p/local".to_string()][..])
        );
        assert_eq!(c.get("overlay"), Some(&["/p/x.yaml".to_string()][..]));
        assert_eq!(c.get("fail-on"), Some(&["warning".to_string()][..]));
        assert_eq!(c.get("opportunities"), Some(&["true".to_string()][..]));
        assert_eq!(c.get("no-builtin-rules"), Some(&[][..]));
    }

    #[test]
    fn every_error_is_placed_on_its_key_or_value() {
        assert_eq!(
            errors("lnag = \"en\"\nat = \"2027-02-30\"\nfail_on = \"errors\"\nopportunities = 1\n"),
            vec![
                ("rammelab::config::unknown-key", "lnag".to_string()),
                ("rammelab::config::bad-value", "\"2027-02-30\"".to_string()),
                ("rammelab::config::bad-value", "\"errors\"".to_string()),
                ("rammelab::config::bad-value", "1".to_string()),
            ]
        );
        assert_eq!(errors("at = \n")[0].0, "rammelab::config::toml");
        assert!(errors("# nothing set\n").is_empty());
    }

    #[test]
    fn the_nearest_file_above_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a").join("b");
        std::fs::create_dir_all(&sub).unwrap();
        assert!(find(&sub).is_none_or(|f| !f.starts_with(dir.path())));
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        assert_eq!(find(&sub), Some(dir.path().join(FILE_NAME)));
        std::fs::write(dir.path().join("a").join(FILE_NAME), "").unwrap();
        assert_eq!(find(&sub), Some(dir.path().join("a").join(FILE_NAME)));
    }

    /// The example files in the documentation are files rammelab reads without an error.
    #[test]
    fn the_documented_examples_are_valid() {
        for doc in ["docs/configuration.md", "README.md"] {
            let text =
                std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(doc))
                    .unwrap();
            let start = text.find("```toml\n").expect("a TOML example") + "```toml\n".len();
            let end = start + text[start..].find("```").unwrap();
            let file = SourceFile::new("/project/rammelab.toml", &text[start..end]);
            let config = parse(&file).unwrap_or_else(|e| {
                panic!(
                    "{doc}: {:?}",
                    e.0.iter().map(|e| e.to_string()).collect::<Vec<_>>()
                )
            });
            assert!(config.get("at").is_some(), "{doc}");
        }
    }
}
