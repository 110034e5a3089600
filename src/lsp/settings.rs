//! The server's settings: rule packs, overlays, the date, the language and whether findings
//! are shown.
//!
//! They come, each overriding the one before, from the project's `rammelab.toml` (found from
//! the workspace root as the command line finds it), the client's `initializationOptions`,
//! and `workspace/didChangeConfiguration`. Both client messages take the same object, at the
//! top or under a `rammelab` key:
//!
//! ```json
//! { "rules": ["pakker"], "noBuiltinRules": false, "overlays": ["builtin:ny-forvaltningslov"],
//!   "at": "2026-01-01", "lang": "en", "findings": true }
//! ```
//!
//! Relative folders and files are read from the workspace root.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde_json::Value;

use crate::vocab::Lang;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub rules: Vec<PathBuf>,
    pub no_builtin_rules: bool,
    pub overlays: Vec<PathBuf>,
    /// The date the law is read at; today when unset.
    pub at: Option<Date>,
    pub lang: Option<Lang>,
    /// Whether barriers and opportunities are published with the errors.
    pub findings: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            rules: Vec::new(),
            no_builtin_rules: false,
            overlays: Vec::new(),
            at: None,
            lang: None,
            findings: true,
        }
    }
}

impl Settings {
    /// The values of a `rammelab.toml` (its paths are already relative to it).
    pub fn from_config(config: &crate::config::Config) -> Settings {
        let mut s = Settings::default();
        let first = |key: &str| config.get(key).and_then(|v| v.first()).cloned();
        if let Some(v) = config.get("rules") {
            s.rules = v.iter().map(PathBuf::from).collect();
        }
        if let Some(v) = config.get("overlay") {
            s.overlays = v.iter().map(PathBuf::from).collect();
        }
        s.no_builtin_rules = first("no-builtin-rules").is_some_and(|v| v == "true");
        s.at = first("at").and_then(|v| v.parse().ok());
        s.lang = first("lang").and_then(|v| parse_lang(&v));
        s
    }

    /// Applies a settings object from the client on top of these. Paths are relative to
    /// `root`. Returns a message for each value that is not understood (the rest apply).
    pub fn apply_json(&mut self, value: &Value, root: Option<&Path>) -> Vec<String> {
        let value = value.get("rammelab").unwrap_or(value);
        let Some(object) = value.as_object() else {
            return Vec::new();
        };
        let mut problems = Vec::new();
        let path = |p: &str| -> PathBuf {
            match root {
                Some(root) if !p.starts_with("builtin:") => root.join(p),
                _ => PathBuf::from(p),
            }
        };
        for (key, v) in object {
            let ok = match key.as_str() {
                "rules" => strings(v).map(|l| self.rules = l.iter().map(|p| path(p)).collect()),
                "overlays" => {
                    strings(v).map(|l| self.overlays = l.iter().map(|p| path(p)).collect())
                }
                "noBuiltinRules" => v.as_bool().map(|b| self.no_builtin_rules = b),
                "findings" => v.as_bool().map(|b| self.findings = b),
                "at" if v.is_null() => {
                    self.at = None;
                    Some(())
                }
                "at" => v
                    .as_str()
                    .and_then(|s| s.parse::<Date>().ok())
                    .map(|d| self.at = Some(d)),
                "lang" => v.as_str().and_then(parse_lang).map(|l| self.lang = Some(l)),
                _ => {
                    problems.push((key, None));
                    continue;
                }
            };
            if ok.is_none() {
                problems.push((key, Some(v.to_string())));
            }
        }
        // In the language the settings now ask for (bokmål unless they say).
        let lang = self.lang.unwrap_or_default();
        problems
            .into_iter()
            .map(|(key, value)| match value {
                None => crate::text!(lang, "lsp-setting-unknown", key = key.as_str()),
                Some(value) => crate::text!(
                    lang,
                    "lsp-setting-bad-value",
                    key = key.as_str(),
                    value = value
                ),
            })
            .collect()
    }
}

/// A list of strings (or one string).
fn strings(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(a) => a.iter().map(|x| x.as_str().map(str::to_string)).collect(),
        _ => None,
    }
}

/// A language from a locale or setting: `en`, `en-GB` are English; `nb`, `no`, `nn` and
/// their regions are bokmål.
pub fn parse_lang(s: &str) -> Option<Lang> {
    let primary = s
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "en" => Some(Lang::En),
        "nb" | "no" | "nn" => Some(Lang::Nb),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn client_settings_apply_and_bad_values_are_named() {
        let mut s = Settings::default();
        let problems = s.apply_json(
            &serde_json::json!({"rammelab": {
                "at": "2026-01-01", "lang": "en", "findings": false,
                "overlays": ["builtin:x", "o.yaml"], "colour": 1, "noBuiltinRules": "yes"
            }}),
            Some(Path::new("/p")),
        );
        assert_eq!(s.at, Some(jiff::civil::date(2026, 1, 1)));
        assert_eq!(s.lang, Some(Lang::En));
        assert!(!s.findings);
        assert_eq!(
            s.overlays,
            vec![PathBuf::from("builtin:x"), PathBuf::from("/p/o.yaml")]
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn locales_map_to_languages() {
        assert_eq!(parse_lang("en-US"), Some(Lang::En));
        assert_eq!(parse_lang("nb_NO"), Some(Lang::Nb));
        assert_eq!(parse_lang("de"), None);
    }
}
