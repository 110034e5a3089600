//! Reading `rules/vocabulary.yaml` into a [`Vocabulary`].

use std::collections::HashMap;

use serde::Deserialize;

use crate::base::span::Span;

use super::{
    Dimension, Field, FieldId, ItemKind, Term, TermSet, TermSetId, Text, Unit, UnitId, ValueType,
    Vocabulary,
};

/// What can be wrong with a vocabulary file. The shipped file is tested, so users only meet
/// these when they extend the vocabulary themselves.
#[derive(Debug, Clone, thiserror::Error, miette::Diagnostic)]
pub enum VocabError {
    #[error("the vocabulary is not valid YAML: {message}")]
    #[diagnostic(code(rammelab::vocab::yaml))]
    Yaml {
        message: String,
        /// The byte offset of the error in the file, when the YAML reader knows it.
        offset: Option<usize>,
    },
    #[error("`{0}` is defined twice in the vocabulary")]
    #[diagnostic(code(rammelab::vocab::duplicate))]
    Duplicate(String),
    #[error("field `{field}` names the term set `{set}`, which the vocabulary does not define")]
    #[diagnostic(code(rammelab::vocab::unknown_set))]
    UnknownSet { field: String, set: String },
    #[error(
        "field `{field}` takes its unit from `{from}`, which is not a term field of the same kind"
    )]
    #[diagnostic(code(rammelab::vocab::unknown_unit_field))]
    UnknownUnitField { field: String, from: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVocabulary {
    version: String,
    units: Vec<RawUnit>,
    term_sets: Vec<RawTermSet>,
    fields: Vec<RawField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    id: String,
    nb: String,
    dimension: Dimension,
    #[serde(default = "one")]
    factor: f64,
    label: Text,
}

fn one() -> f64 {
    1.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTermSet {
    id: String,
    label: Text,
    terms: Vec<RawTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: String,
    nb: String,
    label: Text,
    description: Text,
    #[serde(default)]
    dimension: Option<Dimension>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    kind: ItemKind,
    id: String,
    nb: String,
    /// `value: string` or `value: {term: challenge}`: serde_yaml reads enums as YAML tags
    /// unless told to read them as a map of one key.
    #[serde(with = "serde_yaml::with::singleton_map")]
    value: RawValueType,
    #[serde(default)]
    required: bool,
    label: Text,
    description: Text,
}

/// A field's value type: a plain word (`string`, `date`, ...) or a one-key map
/// (`{term: actor_type}`, `{refs: [flow, agreement]}`, `{quantity: {...}}`). Written untagged
/// because serde_yaml reads externally tagged enums only from YAML tags.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawValueType {
    Simple(SimpleType),
    Term {
        term: String,
    },
    Terms {
        terms: String,
    },
    Ref {
        #[serde(rename = "ref")]
        to: Vec<ItemKind>,
    },
    Refs {
        refs: Vec<ItemKind>,
    },
    Quantity {
        quantity: RawQuantity,
    },
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum SimpleType {
    String,
    Number,
    Integer,
    Percent,
    Date,
    Bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuantity {
    dimensions: Vec<Dimension>,
    #[serde(default)]
    unit_from: Option<String>,
}

/// Parses and indexes a vocabulary file.
pub fn load_vocabulary(text: &str) -> Result<Vocabulary, VocabError> {
    let raw: RawVocabulary = crate::base::yaml::from_str(text).map_err(|e| VocabError::Yaml {
        message: e.message,
        offset: e.offset,
    })?;
    index(raw)
}

/// Reads and indexes the JSON that the build made from the shipped vocabulary file.
pub(crate) fn load_vocabulary_json(json: &str) -> Result<Vocabulary, VocabError> {
    let raw: RawVocabulary = serde_json::from_str(json).map_err(|e| VocabError::Yaml {
        message: e.to_string(),
        offset: None,
    })?;
    index(raw)
}

impl VocabError {
    /// The stable code users can search for.
    pub fn code(&self) -> &'static str {
        match self {
            VocabError::Yaml { .. } => "rammelab::vocab::yaml",
            VocabError::Duplicate(_) => "rammelab::vocab::duplicate",
            VocabError::UnknownSet { .. } => "rammelab::vocab::unknown-set",
            VocabError::UnknownUnitField { .. } => "rammelab::vocab::unknown-unit-field",
        }
    }

    /// The message in `lang`, from the word catalogue (`locales/<lang>/rules.ftl`; the YAML
    /// reader's own words stay English).
    pub fn message(&self, lang: crate::vocab::Lang) -> String {
        match self {
            VocabError::Yaml { message, .. } => {
                crate::text!(lang, "rules-vocab-yaml", reason = message)
            }
            VocabError::Duplicate(name) => crate::text!(lang, "rules-vocab-duplicate", name = name),
            VocabError::UnknownSet { field, set } => {
                crate::text!(lang, "rules-vocab-unknown-set", field = field, set = set)
            }
            VocabError::UnknownUnitField { field, from } => crate::text!(
                lang,
                "rules-vocab-unknown-unit-field",
                field = field,
                from = from
            ),
        }
    }

    /// Where the error stands in the vocabulary's text: the YAML reader's position, the
    /// second definition of a duplicate, or the word a field names (the term set, the field
    /// it takes its unit from) inside that field's entry. `None` only when the text does not
    /// hold what the error names.
    pub fn span(&self, text: &str) -> Option<Span> {
        match self {
            VocabError::Yaml { offset, .. } => {
                let o = (*offset)?;
                let rest = text.get(o..)?;
                let len = rest.find(['\n', '\r']).unwrap_or(rest.len()).max(1);
                Some(Span::new(o, (o + len).min(text.len())))
            }
            VocabError::Duplicate(name) => {
                // `set.term` for a term: the term's own id is what is written twice.
                let id = name.rsplit('.').next().unwrap_or(name);
                let mut defs = definitions(text, id);
                let first = defs.next();
                defs.next().or(first)
            }
            VocabError::UnknownSet { field, set: word }
            | VocabError::UnknownUnitField { field, from: word } => {
                // A field of the `fields:` list, not a term set or unit of the same id.
                let fields = text.find("\nfields:").map_or(0, |i| i + 1);
                definitions(text, field)
                    .filter(|entry| entry.start as usize >= fields)
                    .find_map(|entry| word_after(text, entry.end as usize, word))
            }
        }
    }
}

/// The spans of the lines that define `id` (`id: ID` or `nb: ID`, in a list entry or not),
/// in file order.
fn definitions<'t>(text: &'t str, id: &'t str) -> impl Iterator<Item = Span> + 't {
    let mut start = 0;
    text.split('\n').filter_map(move |line| {
        let at = start;
        start += line.len() + 1;
        let l = line.strip_suffix('\r').unwrap_or(line);
        let t = l.trim_start().trim_start_matches("- ").trim_start();
        let value = t.strip_prefix("id:").or_else(|| t.strip_prefix("nb:"))?;
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        (value == id).then(|| Span::new(at + (l.len() - t.len()), at + l.len()))
    })
}

/// The first place after `from` where `word` stands as a whole word, before the next list
/// entry at the top level (`- ` at the start of a line).
fn word_after(text: &str, from: usize, word: &str) -> Option<Span> {
    let rest = text.get(from..)?;
    let end = rest.find("\n- ").map_or(rest.len(), |i| i + 1);
    let hay = rest.get(..end)?;
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let mut search = 0;
    while let Some(i) = hay.get(search..).and_then(|h| h.find(word)) {
        let at = search + i;
        let before = hay.get(..at).and_then(|h| h.chars().next_back());
        let after = hay.get(at + word.len()..).and_then(|h| h.chars().next());
        if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
            return Some(Span::new(from + at, from + at + word.len()));
        }
        search = at + word.len().max(1);
    }
    None
}

/// Indexes a vocabulary as read.
#[expect(
    clippy::indexing_slicing,
    reason = "field ids are indexes into the vector being built here"
)]
fn index(raw: RawVocabulary) -> Result<Vocabulary, VocabError> {
    let mut unit_index = HashMap::new();
    let mut units = Vec::new();
    for u in raw.units {
        let id = UnitId(units.len() as u32);
        for name in [&u.id, &u.nb] {
            if unit_index.insert(name.clone(), id).is_some() && name != &u.nb {
                return Err(VocabError::Duplicate(name.clone()));
            }
        }
        units.push(Unit {
            id: u.id,
            nb: u.nb,
            dimension: u.dimension,
            factor: u.factor,
            label: u.label,
        });
    }

    let mut set_index = HashMap::new();
    let mut term_index = Vec::new();
    let mut term_sets = Vec::new();
    for s in raw.term_sets {
        let set_id = TermSetId(term_sets.len() as u32);
        if set_index.insert(s.id.clone(), set_id).is_some() {
            return Err(VocabError::Duplicate(s.id));
        }
        let mut index = HashMap::new();
        let mut terms = Vec::new();
        for t in s.terms {
            let i = terms.len() as u32;
            if index.insert(t.id.clone(), i).is_some() {
                return Err(VocabError::Duplicate(format!("{}.{}", s.id, t.id)));
            }
            if t.nb != t.id && index.insert(t.nb.clone(), i).is_some() {
                return Err(VocabError::Duplicate(format!("{}.{}", s.id, t.nb)));
            }
            terms.push(Term {
                id: t.id,
                nb: t.nb,
                label: t.label,
                description: t.description,
                dimension: t.dimension,
            });
        }
        term_index.push(index);
        term_sets.push(TermSet {
            id: s.id,
            label: s.label,
            terms,
        });
    }

    let set = |field: &str, name: &str| -> Result<TermSetId, VocabError> {
        set_index
            .get(name)
            .copied()
            .ok_or_else(|| VocabError::UnknownSet {
                field: field.to_string(),
                set: name.to_string(),
            })
    };

    let mut field_index = HashMap::new();
    let mut fields = Vec::new();
    let mut pending_unit_from = Vec::new();
    for f in raw.fields {
        let fid = FieldId(fields.len() as u32);
        for name in [&f.id, &f.nb] {
            let prev = field_index.insert((f.kind, name.clone()), fid);
            if prev.is_some_and(|p| p != fid) {
                return Err(VocabError::Duplicate(format!(
                    "{}.{}",
                    f.kind.keyword(),
                    name
                )));
            }
        }
        let value = match f.value {
            RawValueType::Term { term } => ValueType::Term(set(&f.id, &term)?),
            RawValueType::Terms { terms } => ValueType::Terms(set(&f.id, &terms)?),
            RawValueType::Ref { to } => ValueType::Ref(to),
            RawValueType::Refs { refs } => ValueType::Refs(refs),
            RawValueType::Simple(SimpleType::String) => ValueType::String,
            RawValueType::Simple(SimpleType::Number) => ValueType::Number,
            RawValueType::Simple(SimpleType::Integer) => ValueType::Integer,
            RawValueType::Simple(SimpleType::Percent) => ValueType::Percent,
            RawValueType::Simple(SimpleType::Date) => ValueType::Date,
            RawValueType::Simple(SimpleType::Bool) => ValueType::Bool,
            RawValueType::Quantity { quantity: q } => {
                if let Some(from) = q.unit_from {
                    pending_unit_from.push((fid, from));
                }
                ValueType::Quantity {
                    dimensions: q.dimensions,
                    unit_from: None,
                }
            }
        };
        fields.push(Field {
            id: f.id,
            nb: f.nb,
            kind: f.kind,
            value,
            label: f.label,
            description: f.description,
            required: f.required,
        });
    }

    for (fid, from) in pending_unit_from {
        let kind = fields[fid.0 as usize].kind;
        let target = field_index.get(&(kind, from.clone())).copied();
        let ok = target.is_some_and(|t| matches!(fields[t.0 as usize].value, ValueType::Term(_)));
        let field = &mut fields[fid.0 as usize];
        match (ok, &mut field.value) {
            (true, ValueType::Quantity { unit_from, .. }) => *unit_from = target,
            _ => {
                return Err(VocabError::UnknownUnitField {
                    field: field.id.clone(),
                    from,
                })
            }
        }
    }

    Ok(Vocabulary {
        version: raw.version,
        fields,
        term_sets,
        units,
        field_index,
        term_index,
        unit_index,
        set_index,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_vocabulary_loads() {
        let v = load_vocabulary(crate::vocab::BUILTIN_VOCABULARY);
        assert!(v.is_ok(), "{:?}", v.err());
    }
}

#[cfg(test)]
mod json_tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    #[test]
    fn the_shipped_vocabulary_reads_the_same_from_its_json_as_from_its_yaml() {
        let from_yaml = super::load_vocabulary(crate::vocab::BUILTIN_VOCABULARY).expect("YAML");
        let from_json = crate::vocab::Vocabulary::builtin();
        assert_eq!(from_json.version, from_yaml.version);
        assert_eq!(from_json.fields, from_yaml.fields);
        assert_eq!(from_json.term_sets, from_yaml.term_sets);
        assert_eq!(from_json.units, from_yaml.units);
        for name in ["leverandør", "provider", "opplysninger", "data"] {
            for kind in crate::vocab::ItemKind::ALL {
                assert_eq!(
                    from_json.field_by_name(kind, name),
                    from_yaml.field_by_name(kind, name)
                );
            }
        }
    }
}
