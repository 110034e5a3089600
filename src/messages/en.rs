//! English.

use super::{join, ticked, Texts};
use crate::model::error::{ErrorKind, Expect, Role};
use crate::syntax::ast::{Arrow, Shape};
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
        ErrorKind::Unreadable { reason } => {
            Texts::new(format!("could not read the file: {reason}"), "")
        }
        ErrorKind::NotAFile(what) => Texts::new(
            format!("this path is {}, not a model file; rammelab reads only regular `.lsm` files", what.words(false)),
            "",
        )
        .help("give the model file itself (`*.lsm`), or the folder it is in"),
        ErrorKind::NotUtf8 => Texts::new("the file is not valid UTF-8", "this is not UTF-8")
            .help("save the file with the UTF-8 encoding (most editors offer it under «Save as»)"),
        ErrorKind::MissingModel => Texts::new("the file has no `model` block", "expected a `model` block")
            .help("start the file with `model \"Name\" { ... }` (or `modell \"Navn\" { ... }`)"),
        ErrorKind::DuplicateModel => Texts::new(
            "a file has one `model` block, and this is a second",
            "second `model` block",
        )
        .help("merge the two blocks, or move the second model to its own file"),
        ErrorKind::ModelWithId { id } => Texts::new("the `model` block takes no id", format!("remove `{id}`"))
            .help("write `model \"Name\" { ... }`"),
        ErrorKind::MissingId { kind } => Texts::new(
            format!("this {} has no id", kind.keyword()),
            "expected an id after the keyword",
        )
        .help(format!("write `{} my_id \"Display name\" {{ ... }}`", kind.keyword())),
        ErrorKind::MissingName => Texts::new("the `model` block has no name", "expected a name in quotes")
            .help("write `model \"Name\" { ... }`"),
        ErrorKind::MissingEnds { kind, .. } => match kind {
            ItemKind::Agreement => Texts::new("this agreement does not name its parties", "expected `: a <-> b`")
                .help("write `agreement id: a <-> b { ... }`"),
            _ => Texts::new("this flow does not say where it runs", "expected `: from -> to`")
                .help("write `flow id: from -> to { ... }`"),
        },
        ErrorKind::UnexpectedEnds { kind } => Texts::new(
            format!("{} has no ends; only flows and agreements have them", a_kind(*kind)),
            "remove this",
        ),
        ErrorKind::WrongArrow { found, .. } => match found {
            Arrow::Agreement => Texts::new("a flow runs one way, with `->`", "`<->` is for agreements")
                .help("write `->`, or make this an `agreement`"),
            Arrow::Flow => Texts::new("an agreement binds both parties, with `<->`", "`->` is for flows")
                .help("write `<->`, or make this a `flow`"),
        },
        ErrorKind::DuplicateId { id } => {
            Texts::new(format!("the id `{id}` is used twice"), format!("second use of `{id}`"))
                .help("give each item its own id")
        }
        ErrorKind::UnknownReference { id, suggestion } => {
            Texts::new(format!("no item has the id `{id}`"), "unknown id").help(match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("define an item with the id `{id}`, or correct the spelling"),
            })
        }
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
        ErrorKind::DuplicateField { field } => {
            Texts::new(format!("the field `{field}` is set twice"), "set again here")
                .help("keep one of them; a field that takes several values takes a list: `[a, b]`")
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
        ErrorKind::NotAList { field, example } => {
            Texts::new(format!("`{field}` takes one value, not a list"), "a list").help(match example {
                Some(e) => format!("write `{field}: {e}`"),
                None => "keep one value".to_string(),
            })
        }
        ErrorKind::UnknownTerm { term, field, set, suggestion, known } => Texts::new(
            format!("`{term}` is not a known {}", set.en),
            "unknown term",
        )
        .help(match suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None if !known.is_empty() && known.len() <= 15 => {
                format!("`{field}` takes {}", join(&ticked(known), "or"))
            }
            None => format!("`rammelab vocab` lists the terms `{field}` takes"),
        }),
        ErrorKind::UnknownUnit { unit, suggestion, known } => {
            Texts::new(format!("`{unit}` is not a unit"), "unknown unit").help(match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the units are {}", join(&ticked(known), "and")),
            })
        }
        ErrorKind::UnknownPeriod { period } => Texts::new(format!("`{period}` is not a period"), "unknown period")
            .help("write `per year` or `per month` (`per år`, `per måned`)"),
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
        ErrorKind::DependsOnCycle { cycle } => {
            let path = cycle.join(" -> ");
            let (a, b) = (cycle.first().cloned().unwrap_or_default(), cycle.get(1).cloned().unwrap_or_default());
            Texts::new(
                format!("services depend on each other in a circle: `{path}`"),
                format!("`{a}` depends on `{b}`"),
            )
            .help("a service cannot depend on itself, not even through others: remove one of these `depends_on` links")
        }
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
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
