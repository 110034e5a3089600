//! The vocabulary: which item kinds exist, which fields each kind takes, which terms a field
//! accepts, and which units quantities may carry.
//!
//! The vocabulary is data (`rules/vocabulary.yaml`), not code, so a rule pack can extend the
//! language without touching the parser. Everything here is looked up by English id or by
//! Norwegian alias; both resolve to the same index, so the rest of the pipeline never compares
//! strings again.

// Input reaches this code: no indexing that could panic (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

mod load;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use load::{load_vocabulary, VocabError};

/// Text in both user languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nb: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nb => &self.nb,
            Lang::En => &self.en,
        }
    }
}

/// The language now lives on the ground floor; re-exported here while the rest of the tree moves.
pub use crate::base::lang::Lang;

/// Which words a source file is written in: English keywords and ids, or Norwegian aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Words {
    English,
    Norwegian,
}

/// The five kinds of item in a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Model,
    Actor,
    Service,
    Flow,
    Agreement,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [
        ItemKind::Model,
        ItemKind::Actor,
        ItemKind::Service,
        ItemKind::Flow,
        ItemKind::Agreement,
    ];

    /// The English keyword, which is also the id used in rule files (`for_each: flow`).
    pub fn keyword(self) -> &'static str {
        match self {
            ItemKind::Model => "model",
            ItemKind::Actor => "actor",
            ItemKind::Service => "service",
            ItemKind::Flow => "flow",
            ItemKind::Agreement => "agreement",
        }
    }

    /// The Norwegian keyword.
    pub fn keyword_nb(self) -> &'static str {
        match self {
            ItemKind::Model => "modell",
            ItemKind::Actor => "aktør",
            ItemKind::Service => "tjeneste",
            ItemKind::Flow => "flyt",
            ItemKind::Agreement => "avtale",
        }
    }

    pub fn keyword_in(self, words: Words) -> &'static str {
        match words {
            Words::English => self.keyword(),
            Words::Norwegian => self.keyword_nb(),
        }
    }

    /// Reads an item keyword in either language.
    pub fn from_keyword(word: &str) -> Option<(ItemKind, Words)> {
        ItemKind::ALL.into_iter().find_map(|k| {
            if k.keyword() == word {
                Some((k, Words::English))
            } else if k.keyword_nb() == word {
                Some((k, Words::Norwegian))
            } else {
                None
            }
        })
    }

    /// A user-facing noun for the kind.
    pub fn noun(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.keyword(),
            Lang::Nb => self.keyword_nb(),
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Index of a field in [`Vocabulary::fields`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldId(pub u32);

/// Index of a term set in [`Vocabulary::term_sets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TermSetId(pub u32);

/// A term: the set it belongs to and its position in that set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TermId {
    pub set: TermSetId,
    pub index: u32,
}

/// Index of a unit in [`Vocabulary::units`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId(pub u32);

/// What a unit measures. Quantities of different dimensions never compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Money,
    Hours,
    Persons,
    Duration,
}

impl Dimension {
    /// What the dimension measures in words, from the catalogue (`locales/<lang>/vocab.ftl`),
    /// looked up once per language (callers keep it as `&'static str`).
    pub fn label(self, lang: Lang) -> &'static str {
        static NB: std::sync::OnceLock<[String; 4]> = std::sync::OnceLock::new();
        static EN: std::sync::OnceLock<[String; 4]> = std::sync::OnceLock::new();
        let cell = match lang {
            Lang::Nb => &NB,
            Lang::En => &EN,
        };
        let labels = cell.get_or_init(|| {
            [
                "vocab-dimension-money",
                "vocab-dimension-hours",
                "vocab-dimension-persons",
                "vocab-dimension-duration",
            ]
            .map(|key| crate::base::words::text(lang, key, &[]))
        });
        let [money, hours, persons, duration] = labels;
        match self {
            Dimension::Money => money,
            Dimension::Hours => hours,
            Dimension::Persons => persons,
            Dimension::Duration => duration,
        }
    }
}

/// A period a quantity is counted over (`per year`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Year,
    Month,
}

impl Period {
    /// How many of this period make a year.
    pub fn per_year(self) -> f64 {
        match self {
            Period::Year => 1.0,
            Period::Month => 12.0,
        }
    }

    pub fn from_word(word: &str) -> Option<Period> {
        match word {
            "year" | "år" => Some(Period::Year),
            "month" | "måned" => Some(Period::Month),
            _ => None,
        }
    }

    pub fn word(self, words: Words) -> &'static str {
        match (self, words) {
            (Period::Year, Words::English) => "year",
            (Period::Year, Words::Norwegian) => "år",
            (Period::Month, Words::English) => "month",
            (Period::Month, Words::Norwegian) => "måned",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub nb: String,
    pub dimension: Dimension,
    /// Factor to the dimension's base unit (NOK, hours, persons, years).
    pub factor: f64,
    pub label: Text,
}

/// What values a field accepts.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueType {
    /// One term of a set.
    Term(TermSetId),
    /// A list of terms of a set (a single term is read as a list of one).
    Terms(TermSetId),
    /// A reference to one item of the given kinds.
    Ref(Vec<ItemKind>),
    /// A list of references (a single reference is read as a list of one).
    Refs(Vec<ItemKind>),
    String,
    Number,
    /// A whole number such as a year (`horizon: 2030`).
    Integer,
    Percent,
    Date,
    Bool,
    /// A quantity of one of the given dimensions. `unit_from` names a term field whose
    /// term fixes the unit (a flow's `resource`: money is counted in NOK, volunteer hours
    /// in hours).
    Quantity {
        dimensions: Vec<Dimension>,
        unit_from: Option<FieldId>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub id: String,
    pub nb: String,
    pub kind: ItemKind,
    pub value: ValueType,
    pub label: Text,
    pub description: Text,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub id: String,
    pub nb: String,
    pub label: Text,
    pub description: Text,
    /// For terms that fix the unit of a quantity field (see [`ValueType::Quantity`]).
    pub dimension: Option<Dimension>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TermSet {
    pub id: String,
    pub label: Text,
    pub terms: Vec<Term>,
}

/// The whole vocabulary, indexed for lookup by id and alias.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// The vocabulary's version, as written in `rules/vocabulary.yaml`.
    pub version: String,
    /// The fields an item may have.
    pub fields: Vec<Field>,
    /// The closed sets of terms a field may take.
    pub term_sets: Vec<TermSet>,
    /// The units of measured values.
    pub units: Vec<Unit>,
    field_index: HashMap<(ItemKind, String), FieldId>,
    term_index: Vec<HashMap<String, u32>>,
    unit_index: HashMap<String, UnitId>,
    set_index: HashMap<String, TermSetId>,
}

impl Vocabulary {
    /// The vocabulary shipped in `rules/vocabulary.yaml`, embedded in the binary.
    pub fn builtin() -> &'static Vocabulary {
        static VOCAB: std::sync::OnceLock<Vocabulary> = std::sync::OnceLock::new();
        // The JSON the build made from the YAML reads several times faster; the YAML is the
        // fallback (and the source).
        VOCAB.get_or_init(|| {
            match load::load_vocabulary_json(BUILTIN_VOCABULARY_JSON)
                .or_else(|_| load_vocabulary(BUILTIN_VOCABULARY))
            {
                Ok(v) => v,
                // The embedded file is checked by a test; failing here means the binary was built
                // from a broken tree, which no user input can cause.
                Err(e) => panic!("the built-in vocabulary is invalid: {e}"),
            }
        })
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "field, term, set and unit ids are made by the vocabulary loader for its own vectors"
    )]
    /// The field with this id.
    pub fn field(&self, id: FieldId) -> &Field {
        &self.fields[id.0 as usize]
    }

    /// Looks a field up by English id or Norwegian alias.
    pub fn field_by_name(&self, kind: ItemKind, name: &str) -> Option<FieldId> {
        self.field_index.get(&(kind, name.to_string())).copied()
    }

    /// The fields an item kind takes, in vocabulary order.
    pub fn fields_of(&self, kind: ItemKind) -> impl Iterator<Item = (FieldId, &Field)> {
        self.fields
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.kind == kind)
            .map(|(i, f)| (FieldId(i as u32), f))
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "field, term, set and unit ids are made by the vocabulary loader for its own vectors"
    )]
    /// The term set with this id.
    pub fn term_set(&self, id: TermSetId) -> &TermSet {
        &self.term_sets[id.0 as usize]
    }

    /// The term set named `name`, if any.
    pub fn term_set_by_name(&self, name: &str) -> Option<TermSetId> {
        self.set_index.get(name).copied()
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "field, term, set and unit ids are made by the vocabulary loader for its own vectors"
    )]
    /// The term with this id.
    pub fn term(&self, id: TermId) -> &Term {
        &self.term_set(id.set).terms[id.index as usize]
    }

    /// Looks a term up in a set by English id or Norwegian alias.
    pub fn term_by_name(&self, set: TermSetId, name: &str) -> Option<TermId> {
        self.term_index
            .get(set.0 as usize)
            .and_then(|m| m.get(name))
            .map(|&index| TermId { set, index })
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "field, term, set and unit ids are made by the vocabulary loader for its own vectors"
    )]
    /// The unit with this id.
    pub fn unit(&self, id: UnitId) -> &Unit {
        &self.units[id.0 as usize]
    }

    /// Looks a unit up by English id or Norwegian alias.
    pub fn unit_by_name(&self, name: &str) -> Option<UnitId> {
        self.unit_index.get(name).copied()
    }

    /// The English and Norwegian names of every term in a set, for "did you mean" help.
    pub fn term_names(&self, set: TermSetId) -> impl Iterator<Item = &str> {
        self.term_set(set)
            .terms
            .iter()
            .flat_map(|t| [t.id.as_str(), t.nb.as_str()])
    }

    /// The English and Norwegian names of the fields of a kind, for "did you mean" help.
    pub fn field_names(&self, kind: ItemKind) -> impl Iterator<Item = &str> {
        self.fields_of(kind)
            .flat_map(|(_, f)| [f.id.as_str(), f.nb.as_str()])
    }
}

/// The text of the shipped vocabulary.
pub const BUILTIN_VOCABULARY: &str = include_str!("../../rules/vocabulary.yaml");

/// The shipped vocabulary as JSON, converted from [`BUILTIN_VOCABULARY`] at build time
/// (empty when the YAML did not convert).
const BUILTIN_VOCABULARY_JSON: &str =
    include!(concat!(env!("OUT_DIR"), "/builtin_vocabulary_json.rs"));

/// The closest candidate by edit distance, if it is close enough to be a plausible typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    let word_len = word.chars().count();
    candidates
        .into_iter()
        // The distance is at least the difference in length, so a candidate much shorter or
        // longer than the word is left out before the (quadratic) distance is computed: a very
        // long word costs its length once per candidate, not its length times theirs.
        .filter(|c| {
            let len = c.chars().count();
            len.abs_diff(word_len) <= (len.max(word_len) / 3).max(1)
        })
        .map(|c| {
            (
                strsim::damerau_levenshtein(&word_lower, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, c)| *d <= (c.chars().count().max(word.chars().count()) / 3).max(1))
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, c)| c)
}
