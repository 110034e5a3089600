//! Bokmål.

use super::{join, ticked, Texts};
use crate::model::error::{ErrorKind, Expect, Role};
use crate::syntax::ast::{Arrow, Shape};
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
        ErrorKind::Unreadable { reason } => {
            Texts::new(format!("kunne ikke lese filen: {reason}"), "")
        }
        ErrorKind::NotAFile(what) => Texts::new(
            format!("denne stien er {}, ikke en modellfil; rammelab leser bare vanlige `.lsm`-filer", what.words(true)),
            "",
        )
        .help("oppgi selve modellfilen (`*.lsm`), eller mappen den ligger i"),
        ErrorKind::NotUtf8 => Texts::new("filen er ikke gyldig UTF-8", "dette er ikke UTF-8")
            .help("lagre filen med tegnkodingen UTF-8 (de fleste redigeringsprogram har det under «Lagre som»)"),
        ErrorKind::MissingModel => Texts::new("filen har ingen `modell`-blokk", "forventet en `modell`-blokk")
            .help("start filen med `modell \"Navn\" { ... }` (eller `model \"Name\" { ... }`)"),
        ErrorKind::DuplicateModel => Texts::new(
            "en fil har én `modell`-blokk, og dette er en til",
            "andre `modell`-blokk",
        )
        .help("slå sammen blokkene, eller flytt den andre modellen til en egen fil"),
        ErrorKind::ModelWithId { id } => Texts::new("`modell`-blokken har ingen id", format!("fjern `{id}`"))
            .help("skriv `modell \"Navn\" { ... }`"),
        ErrorKind::MissingId { kind } => Texts::new(
            format!("denne {} har ingen id", definite(*kind)),
            "forventet en id etter nøkkelordet",
        )
        .help(format!("skriv `{} min_id \"Visningsnavn\" {{ ... }}`", kind.keyword_nb())),
        ErrorKind::MissingName => Texts::new("`modell`-blokken har ikke noe navn", "forventet et navn i anførselstegn")
            .help("skriv `modell \"Navn\" { ... }`"),
        ErrorKind::MissingEnds { kind, .. } => match kind {
            ItemKind::Agreement => Texts::new("denne avtalen sier ikke hvem partene er", "forventet `: a <-> b`")
                .help("skriv `avtale id: a <-> b { ... }`"),
            _ => Texts::new("denne flyten sier ikke hvor den går", "forventet `: fra -> til`")
                .help("skriv `flyt id: fra -> til { ... }`"),
        },
        ErrorKind::UnexpectedEnds { kind } => Texts::new(
            format!("{} har ingen ender; det har bare flyter og avtaler", en_kind(*kind)),
            "fjern dette",
        ),
        ErrorKind::WrongArrow { found, .. } => match found {
            Arrow::Agreement => Texts::new("en flyt går én vei, med `->`", "`<->` er for avtaler")
                .help("skriv `->`, eller gjør dette til en `avtale`"),
            Arrow::Flow => Texts::new("en avtale binder begge parter, med `<->`", "`->` er for flyter")
                .help("skriv `<->`, eller gjør dette til en `flyt`"),
        },
        ErrorKind::DuplicateId { id } => {
            Texts::new(format!("id-en `{id}` er brukt to ganger"), format!("`{id}` brukt på nytt"))
                .help("gi hvert element sin egen id")
        }
        ErrorKind::UnknownReference { id, suggestion } => {
            Texts::new(format!("ingen elementer har id-en `{id}`"), "ukjent id").help(match suggestion {
                Some(s) => format!("mente du `{s}`?"),
                None => format!("definer et element med id-en `{id}`, eller rett skrivemåten"),
            })
        }
        ErrorKind::WrongItemKind { id, found, expected, role } => {
            let is = format!("`{id}` er {}", en_kind(*found));
            let label = format!("dette er {}", en_kind(*found));
            match role {
                Role::FlowFrom => Texts::new(format!("en flyt går fra en aktør, men {is}"), label)
                    .help("la flyten starte hos aktøren som leverer tjenesten"),
                Role::FlowTo => Texts::new(format!("en flyt går til en aktør eller inn i en tjeneste, men {is}"), label),
                Role::Party => Texts::new(format!("partene i en avtale er aktører, men {is}"), label)
                    .help("oppgi aktørene som inngår avtalen; vis til flyter og tjenester med `dekker`"),
                Role::Field(f) => Texts::new(
                    format!("`{f}` tar id-en til {}, men {is}", en_kinds(expected)),
                    label,
                ),
            }
        }
        ErrorKind::UnknownField { field, kind, suggestion, known } => {
            let takes = format!("Feltene for {} er {}.", en_kind(*kind), join(&ticked(known), "og"));
            Texts::new(format!("{} har ikke noe felt `{field}`", en_kind(*kind)), "ukjent felt").help(
                match suggestion {
                    Some(s) => format!("mente du `{s}`? {takes}"),
                    None => takes,
                },
            )
        }
        ErrorKind::DuplicateField { field } => {
            Texts::new(format!("feltet `{field}` er satt to ganger"), "satt på nytt her")
                .help("behold ett av dem; et felt som tar flere verdier, tar en liste: `[a, b]`")
        }
        ErrorKind::MissingField { field, kind } => Texts::new(
            format!("denne {} mangler feltet `{field}`, som alle {} må ha", definite(*kind), plural(*kind)),
            format!("`{field}` mangler"),
        )
        .help(format!("legg til `{field}: ...` i elementet")),
        ErrorKind::WrongType { field, expected, found } => {
            let help = match (expected, found) {
                (Expect::Bool, _) => Some("skriv `ja` eller `nei`".to_string()),
                (Expect::Percent, Shape::Number) => Some("legg til `%`, som i `40 %`".into()),
                (Expect::Quantity(_), Shape::Number) => {
                    Some("legg til en enhet, som i `4 år` eller `1_200_000 kr per år`".into())
                }
                (Expect::Text, _) => Some("sett teksten i anførselstegn: `\"...\"`".into()),
                (Expect::Integer, _) => Some("skriv et heltall, for eksempel `2030`".into()),
                (Expect::Ref(_) | Expect::Refs(_), _) => Some("skriv id-en til elementet, uten anførselstegn".into()),
                (Expect::Term(_) | Expect::Terms(_), _) => {
                    Some("skriv begrepet uten anførselstegn; `rammelab vocab` viser begrepene".into())
                }
                (Expect::Date, _) => Some("skriv en dato som `2027-01-01`".into()),
                _ => None,
            };
            Texts::new(
                format!("`{field}` forventer {}, fant {}", expect(expected), shape(*found)),
                format!("dette er {}", shape(*found)),
            )
            .maybe_help(help)
        }
        ErrorKind::NotAList { field, example } => {
            Texts::new(format!("`{field}` tar én verdi, ikke en liste"), "en liste").help(match example {
                Some(e) => format!("skriv `{field}: {e}`"),
                None => "behold én verdi".to_string(),
            })
        }
        ErrorKind::UnknownTerm { term, field, set, suggestion, known } => Texts::new(
            format!("`{term}` er ikke et kjent begrep for {}", set.nb),
            "ukjent begrep",
        )
        .help(match suggestion {
            Some(s) => format!("mente du `{s}`?"),
            None if !known.is_empty() && known.len() <= 15 => {
                format!("`{field}` tar {}", join(&ticked(known), "eller"))
            }
            None => format!("`rammelab vocab` viser begrepene `{field}` tar"),
        }),
        ErrorKind::UnknownUnit { unit, suggestion, known } => {
            Texts::new(format!("`{unit}` er ikke en enhet"), "ukjent enhet").help(match suggestion {
                Some(s) => format!("mente du `{s}`?"),
                None => format!("enhetene er {}", join(&ticked(known), "og")),
            })
        }
        ErrorKind::UnknownPeriod { period } => Texts::new(format!("`{period}` er ikke en periode"), "ukjent periode")
            .help("skriv `per år` eller `per måned` (`per year`, `per month`)"),
        ErrorKind::WrongUnit { field, unit, dimension: d, allowed } => Texts::new(
            format!("`{field}` forventer {}, men `{unit}` måler {}", dimensions(allowed), dimension(*d)),
            format!("en enhet for {}", dimension_noun(*d)),
        )
        .help(format!("bruk en enhet for {}", dimensions(allowed))),
        ErrorKind::UnitMismatch { field, unit, found: f, expected: e, term, example } => Texts::new(
            format!(
                "{} der det forventes {}: `{field}` er i `{unit}`, men en `{term}`-flyt måles i {}",
                dimension_noun(*f),
                dimension_noun(*e),
                dimension(*e)
            ),
            format!("{} der det forventes {}", dimension_noun(*f), dimension_noun(*e)),
        )
        .help(format!("oppgi beløpet i {}, som i `{example}`, eller endre ressursen", dimension(*e))),
        ErrorKind::DependsOnCycle { cycle } => {
            let path = cycle.join(" -> ");
            let (a, b) = (cycle.first().cloned().unwrap_or_default(), cycle.get(1).cloned().unwrap_or_default());
            Texts::new(
                format!("tjenester avhenger av hverandre i ring: `{path}`"),
                format!("`{a}` avhenger av `{b}`"),
            )
            .help("en tjeneste kan ikke avhenge av seg selv, heller ikke gjennom andre: fjern en av disse `avhenger_av`-koblingene")
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

fn plural(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Model => "modeller",
        ItemKind::Actor => "aktører",
        ItemKind::Service => "tjenester",
        ItemKind::Flow => "flyter",
        ItemKind::Agreement => "avtaler",
    }
}
