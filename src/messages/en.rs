//! English.

use super::{join, ticked, Texts};
use crate::model::error::{ErrorKind, Expect, Role};
use crate::syntax::ast::Shape;
use crate::vocab::{Dimension, ItemKind};

fn a_kind(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Model => "a model",
        ItemKind::Actor => "an actor",
        ItemKind::Service => "a service",
        ItemKind::Flow => "a flow",
        ItemKind::Agreement => "an agreement",
    }
}

fn dimension(d: Dimension) -> &'static str {
    match d {
        Dimension::Money => "money (NOK)",
        Dimension::Hours => "hours",
        Dimension::Persons => "persons",
        Dimension::Duration => "time (years or months)",
    }
}

fn dimension_noun(d: Dimension) -> &'static str {
    match d {
        Dimension::Money => "money",
        Dimension::Hours => "hours",
        Dimension::Persons => "persons",
        Dimension::Duration => "time",
    }
}

fn is_are(d: Dimension) -> &'static str {
    match d {
        Dimension::Hours | Dimension::Persons => "are",
        Dimension::Money | Dimension::Duration => "is",
    }
}

fn dimensions(ds: &[Dimension]) -> String {
    let names: Vec<String> = ds.iter().map(|d| dimension(*d).to_string()).collect();
    join(&names, "or")
}

fn expect(e: &Expect) -> String {
    match e {
        Expect::Term(set) => format!("a term of {}", set.en),
        Expect::Terms(set) => format!("one or more terms of {}", set.en),
        Expect::Ref(kinds) => format!("the id of {}", a_kinds(kinds)),
        Expect::Refs(kinds) => format!("one or more ids of {}", a_kinds(kinds)),
        Expect::Text => "text in quotes".into(),
        Expect::Number => "a number".into(),
        Expect::Integer => "a whole number".into(),
        Expect::Percent => "a percentage such as `40 %`".into(),
        Expect::Date => "a date such as `2027-01-01`".into(),
        Expect::Bool => "`yes` or `no`".into(),
        Expect::Quantity(ds) => format!("a quantity in {}", dimensions(ds)),
    }
}

fn a_kinds(kinds: &[ItemKind]) -> String {
    let names: Vec<String> = kinds.iter().map(|k| a_kind(*k).to_string()).collect();
    join(&names, "or")
}

fn shape(s: Shape) -> &'static str {
    match s {
        Shape::Text => "text",
        Shape::Number => "a number",
        Shape::Percent => "a percentage",
        Shape::Quantity => "a quantity",
        Shape::Date => "a date",
        Shape::Word => "a word",
        Shape::List => "a list",
        Shape::Invalid => "an invalid value",
    }
}

pub(super) fn model(kind: &ErrorKind) -> Texts {
    match kind {
        ErrorKind::Syntax(kind) => super::syntax::syntax(kind, crate::vocab::Lang::En),
        ErrorKind::NotAFile(what) => Texts::new(
            format!("this path is {}, not a model file; rammelab reads only regular `.lsm` files", what.words(false)),
            "",
        )
        .help("give the model file itself (`*.lsm`), or the folder it is in"),
        ErrorKind::MissingId { kind } => Texts::new(
            format!("this {} has no id", kind.keyword()),
            "expected an id after the keyword",
        )
        .help(format!("write `{} my_id \"Display name\" {{ ... }}`", kind.keyword())),
        ErrorKind::UnexpectedEnds { kind } => Texts::new(
            format!("{} has no ends; only flows and agreements have them", a_kind(*kind)),
            "remove this",
        ),
        ErrorKind::WrongItemKind { id, found, expected, role } => {
            let is = format!("`{id}` is {}", a_kind(*found));
            let label = format!("this is {}", a_kind(*found));
            match role {
                Role::FlowFrom => Texts::new(format!("a flow runs from an actor, but {is}"), label)
                    .help("start the flow at the actor that provides the service"),
                Role::FlowTo => Texts::new(format!("a flow runs to an actor or into a service, but {is}"), label),
                Role::Party => Texts::new(format!("the parties of an agreement are actors, but {is}"), label)
                    .help("name the actors that sign; point at flows and services with `covers`"),
                Role::Field(f) => Texts::new(
                    format!("`{f}` takes the id of {}, but {is}", a_kinds(expected)),
                    label,
                ),
            }
        }
        ErrorKind::UnknownField { field, kind, suggestion, known } => {
            let takes = format!("{} takes {}.", capital(a_kind(*kind)), join(&ticked(known), "and"));
            Texts::new(format!("{} has no field `{field}`", a_kind(*kind)), "unknown field").help(
                match suggestion {
                    Some(s) => format!("did you mean `{s}`? {takes}"),
                    None => takes,
                },
            )
        }
        ErrorKind::MissingField { field, kind } => Texts::new(
            format!("this {} lacks the field `{field}`, which every {} needs", kind.keyword(), kind.keyword()),
            format!("`{field}` is missing"),
        )
        .help(format!("add `{field}: ...` to the item")),
        ErrorKind::WrongType { field, expected, found } => {
            let help = match (expected, found) {
                (Expect::Bool, _) => Some("write `yes` or `no`".to_string()),
                (Expect::Percent, Shape::Number) => Some("add `%`, as in `40 %`".into()),
                (Expect::Quantity(_), Shape::Number) => {
                    Some("add a unit, as in `4 years` or `1_200_000 NOK per year`".into())
                }
                (Expect::Text, _) => Some("put the text in quotes: `\"...\"`".into()),
                (Expect::Integer, _) => Some("write a whole number such as `2030`".into()),
                (Expect::Ref(_) | Expect::Refs(_), _) => Some("write the id of the item, without quotes".into()),
                (Expect::Term(_) | Expect::Terms(_), _) => {
                    Some("write the term without quotes; `rammelab vocab` lists the terms".into())
                }
                (Expect::Date, _) => Some("write a date as `2027-01-01`".into()),
                _ => None,
            };
            Texts::new(
                format!("`{field}` expects {}, found {}", expect(expected), shape(*found)),
                format!("this is {}", shape(*found)),
            )
            .maybe_help(help)
        }
        ErrorKind::WrongUnit { field, unit, dimension: d, allowed } => Texts::new(
            format!("`{field}` expects {}, but `{unit}` measures {}", dimensions(allowed), dimension(*d)),
            format!("a unit of {}", dimension_noun(*d)),
        )
        .help(format!("use a unit of {}", dimensions(allowed))),
        ErrorKind::UnitMismatch { field, unit, found: f, expected: e, term, example } => Texts::new(
            format!(
                "{} where {} {} expected: `{field}` is in `{unit}`, but a `{term}` flow is counted in {}",
                dimension_noun(*f),
                dimension_noun(*e),
                is_are(*e),
                dimension(*e)
            ),
            format!("{} where {} {} expected", dimension_noun(*f), dimension_noun(*e), is_are(*e)),
        )
        .help(format!("write the amount in {}, as in `{example}`, or change the resource", dimension(*e))),
        // Variant errors: their words are in `variant.rs`, which `messages::model` asks first.
        ErrorKind::ExtendsNotFirst
        | ErrorKind::ExtendsTwice
        | ErrorKind::WithoutExtends { .. }
        | ErrorKind::UnknownBase { .. }
        | ErrorKind::BaseNotModel { .. }
        | ErrorKind::BaseRefused { .. }
        | ErrorKind::OutsideTree { .. }
        | ErrorKind::ExtendsCycle { .. }
        | ErrorKind::InvalidBase { .. }
        | ErrorKind::RemoveMissing { .. }
        | ErrorKind::ChangeMissing { .. }
        | ErrorKind::StillReferenced { .. }
        | ErrorKind::AlreadyInBase { .. }
        | ErrorKind::TwiceInVariant { .. } => Texts::new(String::new(), String::new()),
        // Their words are in the catalogue (`model.rs`), which `messages::model` asks first.
        ErrorKind::Unreadable { .. }
        | ErrorKind::NotUtf8
        | ErrorKind::MissingModel
        | ErrorKind::DuplicateModel
        | ErrorKind::ModelWithId { .. }
        | ErrorKind::MissingName
        | ErrorKind::MissingEnds { .. }
        | ErrorKind::WrongArrow { .. }
        | ErrorKind::DuplicateId { .. }
        | ErrorKind::UnknownReference { .. }
        | ErrorKind::DuplicateField { .. }
        | ErrorKind::NotAList { .. }
        | ErrorKind::UnknownTerm { .. }
        | ErrorKind::UnknownUnit { .. }
        | ErrorKind::UnknownPeriod { .. }
        | ErrorKind::DependsOnCycle { .. } => Texts::new(String::new(), String::new()),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
