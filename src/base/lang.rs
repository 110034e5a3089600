//! The language a user reads: bokmål (the default) or English.
//!
//! Kept on the ground floor, free of clap: the command line gives it its parser
//! (`src/cli`), the word catalogue (`base::words`) picks its texts by it, and every stage
//! above takes it as a plain value.

use serde::{Deserialize, Serialize};

/// The language a user reads messages in. Bokmål is the default.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, PartialOrd, Ord,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norwegian bokmål, the default.
    #[default]
    Nb,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order the catalogue and `--help` list them.
    pub const ALL: [Lang; 2] = [Lang::Nb, Lang::En];

    /// The code users type (`--lang nb`, `RAMMELAB_LANG=en`) and the catalogue's folder name
    /// (`locales/nb`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    /// The language a code names, case-insensitively; `None` for any other code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language named by `--lang X` or `--lang=X` among the arguments, else by the
    /// `RAMMELAB_LANG` value given, else bokmål. Read before clap parses the command line, so
    /// that `--help` and clap's own errors come in the user's language. Arguments after `--`
    /// are operands and are not read; a code that names no language is left to clap to refuse.
    pub fn from_args<S: AsRef<std::ffi::OsStr>>(args: &[S], env: Option<&str>) -> Lang {
        let mut named = None;
        let mut it = args.iter().skip(1).filter_map(|a| a.as_ref().to_str());
        while let Some(a) = it.next() {
            if a == "--" {
                break;
            }
            if a == "--lang" {
                named = it.next().and_then(Lang::from_code).or(named);
            } else if let Some(code) = a.strip_prefix("--lang=") {
                named = Lang::from_code(code).or(named);
            }
        }
        named
            .or_else(|| env.and_then(Lang::from_code))
            .unwrap_or_default()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }

    #[test]
    fn the_command_line_wins_over_the_environment() {
        let args = ["rammelab", "check", "--lang", "en"];
        assert_eq!(Lang::from_args(&args, Some("nb")), Lang::En);
        assert_eq!(Lang::from_args(&["rammelab", "--lang=en"], None), Lang::En);
        assert_eq!(
            Lang::from_args(&["rammelab", "check"], Some("en")),
            Lang::En
        );
        assert_eq!(Lang::from_args(&["rammelab", "check"], None), Lang::Nb);
        assert_eq!(
            Lang::from_args(&["rammelab", "--", "--lang", "en"], None),
            Lang::Nb
        );
        assert_eq!(
            Lang::from_args(&["rammelab", "--lang", "xx"], Some("en")),
            Lang::En
        );
    }
}
