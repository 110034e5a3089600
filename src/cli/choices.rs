//! The command line's spelling of choices whose meaning lives below it: the language, which
//! findings fail a check, and the report's format. The stages' own enums derive nothing of
//! clap; these do, and convert.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::ValueEnum;

use crate::config::LANGS;
use crate::vocab::Lang;

/// The language named `s` (`nb`, `en`, in any case), if it is one.
pub fn lang_named(s: &str) -> Option<Lang> {
    match s.to_ascii_lowercase().as_str() {
        "nb" => Some(Lang::Nb),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The parser of `--lang`: one of [`LANGS`], as `rammelab.toml`'s `lang` takes.
pub fn lang_parser() -> impl TypedValueParser<Value = Lang> {
    PossibleValuesParser::new(LANGS.iter().copied()).map(|s| lang_named(&s).unwrap_or_default())
}

/// Which findings make `check` fail (`--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum FailOnArg {
    /// Barriers of severity `error`.
    #[default]
    Barrier,
    /// Every barrier, warnings too.
    Warning,
    /// Nothing: only a model that does not load fails the check.
    Never,
}

impl From<FailOnArg> for crate::view::FailOn {
    fn from(arg: FailOnArg) -> crate::view::FailOn {
        use crate::view::FailOn;
        match arg {
            FailOnArg::Barrier => FailOn::Barrier,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

/// Output format of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ReportFormat {
    /// Markdown (GitHub/GitLab, Mermaid graph).
    #[default]
    Md,
    /// One self-contained HTML page (inline CSS and SVG).
    Html,
}

impl From<ReportFormat> for crate::render::report::ReportFormat {
    fn from(arg: ReportFormat) -> crate::render::report::ReportFormat {
        use crate::render::report::ReportFormat as Format;
        match arg {
            ReportFormat::Md => Format::Md,
            ReportFormat::Html => Format::Html,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `rammelab.toml` checks `lang` and `fail_on` against its own lists; they are the values
    /// the options take.
    #[test]
    fn the_file_takes_the_values_the_options_take() {
        let levels: Vec<String> = FailOnArg::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .map(|p| p.get_name().to_string())
            .collect();
        assert_eq!(levels, crate::config::LEVELS);
        for name in LANGS {
            assert!(lang_named(name).is_some(), "{name}");
        }
        assert_eq!(LANGS.len(), 2);
    }
}
