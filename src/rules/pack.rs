//! The rule file as written: serde structs that mirror `rules/*.yaml` one to one. Every struct
//! denies unknown keys, so a misspelt key is an error rather than a silently ignored line.

use indexmap::IndexMap;
use serde::{Deserialize, Deserializer, Serialize};

use crate::vocab::{ItemKind, Text};

/// A date in a rule file (`2026-07-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct YDate(pub jiff::civil::Date);

impl<'de> Deserialize<'de> for YDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.trim()
            .parse::<jiff::civil::Date>()
            .map(YDate)
            .map_err(|_| {
                serde::de::Error::custom(format!(
                    "`{s}` is not a valid date; write dates as YYYY-MM-DD, for example 2026-07-01"
                ))
            })
    }
}

/// A scalar written as a string or a number (`1_300_000 NOK`, `0.8`).
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum S {
            Str(String),
            Int(i64),
            Float(f64),
        }
        Ok(Scalar(match S::deserialize(d)? {
            S::Str(s) => s,
            S::Int(i) => i.to_string(),
            S::Float(f) => f.to_string(),
        }))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    Barrier,
    Opportunity,
}

/// How hard a finding is: an `error` barrier blocks, a `warning` is a risk, `info` is what
/// opportunities carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Which findings an opportunity's `mitigates` reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MitigationScope {
    /// The same subject.
    Subject,
    /// The same subject or one directly linked to it.
    #[default]
    Related,
    /// Anywhere in the model.
    Model,
}

/// The legal source a rule rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The act's full Norwegian name.
    pub act: String,
    /// Its short name (`forvaltningsloven`, `GDPR`).
    pub short: String,
    /// The section or article (`§ 13`, `art. 28`).
    pub section: String,
    /// A Lovdata URL or the funder's page.
    pub url: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPack {
    pub pack: String,
    pub version: String,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    pub test_date: YDate,
    /// `false`: no rule of the pack has been checked against the consolidated text yet (a rule
    /// can still say `verified: true` for itself).
    #[serde(default)]
    pub verified: Option<bool>,
    #[serde(default)]
    pub sets: IndexMap<String, RawSet>,
    #[serde(default)]
    pub parameters: IndexMap<String, RawParam>,
    #[serde(default)]
    pub rules: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSet {
    pub of: String,
    pub terms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParam {
    pub label: Text,
    #[serde(default)]
    pub source: Option<Source>,
    #[serde(default)]
    pub notes: Option<String>,
    pub values: Vec<RawParamValue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParamValue {
    pub from: YDate,
    pub value: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInForce {
    pub from: YDate,
    #[serde(default)]
    pub to: Option<YDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: String,
    pub kind: RuleKind,
    #[serde(default)]
    pub severity: Option<Severity>,
    pub title: Text,
    pub message: Text,
    pub remedy: Text,
    pub source: Source,
    pub in_force: RawInForce,
    pub for_each: ItemKind,
    pub when: String,
    #[serde(default)]
    pub mitigates: Vec<String>,
    #[serde(default)]
    pub mitigation_scope: MitigationScope,
    #[serde(default)]
    pub not_mitigated_by: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
    /// `false`: the rule has not been checked against the consolidated text (the pack's
    /// `verified` when not given, true when neither says).
    #[serde(default)]
    pub verified: Option<bool>,
    #[serde(default)]
    pub tests: Vec<RawTest>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTest {
    #[serde(default)]
    pub name: Option<String>,
    pub fires: bool,
    #[serde(default)]
    pub at: Option<YDate>,
    #[serde(default)]
    pub subject: Option<String>,
    pub model: String,
}
