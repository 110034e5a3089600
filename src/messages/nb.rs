//! Bokmål.

use super::{join, ticked, Texts};
use crate::model::error::{ErrorKind, Expect, Role};
use crate::syntax::ast::Shape;
use crate::vocab::{Dimension, ItemKind};

fn en_kind(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Model => "en modell",
        ItemKind::Actor => "en aktør",
        ItemKind::Service => "en tjeneste",
        ItemKind::Flow => "en flyt",
        ItemKind::Agreement => "en avtale",
    }
}

/// The kind in the definite form: `aktøren`.
fn definite(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Model => "modellen",
        ItemKind::Actor => "aktøren",
        ItemKind::Service => "tjenesten",
        ItemKind::Flow => "flyten",
        ItemKind::Agreement => "avtalen",
    }
}

fn en_kinds(kinds: &[ItemKind]) -> String {
    let names: Vec<String> = kinds.iter().map(|k| en_kind(*k).to_string()).collect();
    join(&names, "eller")
}

fn dimension(d: Dimension) -> &'static str {
    match d {
        Dimension::Money => "penger (kr)",
        Dimension::Hours => "timer",
        Dimension::Persons => "personer",
        Dimension::Duration => "tid (år eller måneder)",
    }
}

fn dimension_noun(d: Dimension) -> &'static str {
    match d {
        Dimension::Money => "penger",
        Dimension::Hours => "timer",
        Dimension::Persons => "personer",
        Dimension::Duration => "tid",
    }
}

fn dimensions(ds: &[Dimension]) -> String {
    let names: Vec<String> = ds.iter().map(|d| dimension(*d).to_string()).collect();
    join(&names, "eller")
}

fn expect(e: &Expect) -> String {
    match e {
        Expect::Term(set) => format!("et begrep for {}", set.nb),
        Expect::Terms(set) => format!("ett eller flere begreper for {}", set.nb),
        Expect::Ref(kinds) => format!("id-en til {}", en_kinds(kinds)),
        Expect::Refs(kinds) => format!("én eller flere id-er til {}", en_kinds(kinds)),
        Expect::Text => "tekst i anførselstegn".into(),
        Expect::Number => "et tall".into(),
        Expect::Integer => "et heltall".into(),
        Expect::Percent => "en prosentsats som `40 %`".into(),
        Expect::Date => "en dato som `2027-01-01`".into(),
        Expect::Bool => "`ja` eller `nei`".into(),
        Expect::Quantity(ds) => format!("en mengde i {}", dimensions(ds)),
    }
}

fn shape(s: Shape) -> &'static str {
    match s {
        Shape::Text => "tekst",
        Shape::Number => "et tall",
        Shape::Percent => "en prosentsats",
        Shape::Quantity => "en mengde",
        Shape::Date => "en dato",
        Shape::Word => "et ord",
        Shape::List => "en liste",
        Shape::Invalid => "en ugyldig verdi",
    }
}

pub(super) fn model(kind: &ErrorKind) -> Texts {
    match kind {
        ErrorKind::Syntax(kind) => super::syntax::syntax(kind, crate::vocab::Lang::Nb),
        ErrorKind::NotAFile(what) => Texts::new(
            format!(
                "denne stien er {}, ikke en modellfil; rammelab leser bare vanlige `.lsm`-filer",
                what.words(true)
            ),
            "",
        )
        .help("oppgi selve modellfilen (`*.lsm`), eller mappen den ligger i"),
        ErrorKind::MissingId { kind } => Texts::new(
            format!("denne {} har ingen id", definite(*kind)),
            "forventet en id etter nøkkelordet",
        )
        .help(format!(
            "skriv `{} min_id \"Visningsnavn\" {{ ... }}`",
            kind.keyword_nb()
        )),
        ErrorKind::UnexpectedEnds { kind } => Texts::new(
            format!(
                "{} har ingen ender; det har bare flyter og avtaler",
                en_kind(*kind)
            ),
            "fjern dette",
        ),
        ErrorKind::WrongItemKind {
            id,
            found,
            expected,
            role,
        } => {
            let is = format!("`{id}` er {}", en_kind(*found));
            let label = format!("dette er {}", en_kind(*found));
            match role {
                Role::FlowFrom => Texts::new(format!("en flyt går fra en aktør, men {is}"), label)
                    .help("la flyten starte hos aktøren som leverer tjenesten"),
                Role::FlowTo => Texts::new(
                    format!("en flyt går til en aktør eller inn i en tjeneste, men {is}"),
                    label,
                ),
                Role::Party => Texts::new(
                    format!("partene i en avtale er aktører, men {is}"),
                    label,
                )
                .help(
                    "oppgi aktørene som inngår avtalen; vis til flyter og tjenester med `dekker`",
                ),
                Role::Field(f) => Texts::new(
                    format!("`{f}` tar id-en til {}, men {is}", en_kinds(expected)),
                    label,
                ),
            }
        }
        ErrorKind::UnknownField {
            field,
            kind,
            suggestion,
            known,
        } => {
            let takes = format!(
                "Feltene for {} er {}.",
                en_kind(*kind),
                join(&ticked(known), "og")
            );
            Texts::new(
                format!("{} har ikke noe felt `{field}`", en_kind(*kind)),
                "ukjent felt",
            )
            .help(match suggestion {
                Some(s) => format!("mente du `{s}`? {takes}"),
                None => takes,
            })
        }
        ErrorKind::MissingField { field, kind } => Texts::new(
            format!(
                "denne {} mangler feltet `{field}`, som alle {} må ha",
                definite(*kind),
                plural(*kind)
            ),
            format!("`{field}` mangler"),
        )
        .help(format!("legg til `{field}: ...` i elementet")),
        ErrorKind::WrongType {
            field,
            expected,
            found,
        } => {
            let help = match (expected, found) {
                (Expect::Bool, _) => Some("skriv `ja` eller `nei`".to_string()),
                (Expect::Percent, Shape::Number) => Some("legg til `%`, som i `40 %`".into()),
                (Expect::Quantity(_), Shape::Number) => {
                    Some("legg til en enhet, som i `4 år` eller `1_200_000 kr per år`".into())
                }
                (Expect::Text, _) => Some("sett teksten i anførselstegn: `\"...\"`".into()),
                (Expect::Integer, _) => Some("skriv et heltall, for eksempel `2030`".into()),
                (Expect::Ref(_) | Expect::Refs(_), _) => {
                    Some("skriv id-en til elementet, uten anførselstegn".into())
                }
                (Expect::Term(_) | Expect::Terms(_), _) => Some(
                    "skriv begrepet uten anførselstegn; `rammelab vocab` viser begrepene".into(),
                ),
                (Expect::Date, _) => Some("skriv en dato som `2027-01-01`".into()),
                _ => None,
            };
            Texts::new(
                format!(
                    "`{field}` forventer {}, fant {}",
                    expect(expected),
                    shape(*found)
                ),
                format!("dette er {}", shape(*found)),
            )
            .maybe_help(help)
        }
        ErrorKind::WrongUnit {
            field,
            unit,
            dimension: d,
            allowed,
        } => Texts::new(
            format!(
                "`{field}` forventer {}, men `{unit}` måler {}",
                dimensions(allowed),
                dimension(*d)
            ),
            format!("en enhet for {}", dimension_noun(*d)),
        )
        .help(format!("bruk en enhet for {}", dimensions(allowed))),
        ErrorKind::UnitMismatch {
            field,
            unit,
            found: f,
            expected: e,
            term,
            example,
        } => Texts::new(
            format!(
                "{} der det forventes {}: `{field}` er i `{unit}`, men en `{term}`-flyt måles i {}",
                dimension_noun(*f),
                dimension_noun(*e),
                dimension(*e)
            ),
            format!(
                "{} der det forventes {}",
                dimension_noun(*f),
                dimension_noun(*e)
            ),
        )
        .help(format!(
            "oppgi beløpet i {}, som i `{example}`, eller endre ressursen",
            dimension(*e)
        )),
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

fn plural(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Model => "modeller",
        ItemKind::Actor => "aktører",
        ItemKind::Service => "tjenester",
        ItemKind::Flow => "flyter",
        ItemKind::Agreement => "avtaler",
    }
}
