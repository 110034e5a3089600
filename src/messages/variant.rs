//! The words of the variant diagnostics (`extends`, `remove`, `change`), in both languages.

use super::{join, ticked, Texts};
use crate::base::fsutil::Refused;
use crate::model::error::ErrorKind;
use crate::vocab::Lang;

/// The texts of a variant error; `None` for every other kind.
pub(super) fn texts(kind: &ErrorKind, lang: Lang) -> Option<Texts> {
    Some(match lang {
        Lang::En => en(kind)?,
        Lang::Nb => nb(kind)?,
    })
}

fn did_you_mean(s: &Option<String>, nb: bool) -> Option<String> {
    s.as_ref().map(|s| {
        if nb {
            format!("mente du `{s}`?")
        } else {
            format!("did you mean `{s}`?")
        }
    })
}

/// A base path refused before it is opened: the rule it breaks, never anything of the file.
fn refused_en(path: &str, why: &Refused) -> Texts {
    const PROJECT: &str = "the project is the nearest folder above the model with `rammelab.toml` or `.git` (without one, the folder given on the command line)";
    match why {
        Refused::Absolute => Texts::new(
            format!("`{path}` is an absolute path: a model may only extend model files inside its own project, named relative to its folder"),
            "absolute path",
        )
        .help(format!("write the path relative to this file's folder, for example `\"../../paa-doerterskelen.lsm\"`; {PROJECT}")),
        Refused::OutsideProject => Texts::new(
            format!("`{path}` leads out of the project: a model may only extend model files inside its own project"),
            "outside the project",
        )
        .help(format!("copy the base model into the project; {PROJECT}; symbolic links are followed before this is checked")),
        Refused::NotAFile(what) => Texts::new(
            format!("`{path}` is {}: a model may only extend regular model files (`*.lsm`)", what.words(false)),
            "not a regular file",
        )
        .help("name the base model's file itself"),
        Refused::NotModel => Texts::new(
            format!("`{path}` leads through a symbolic link to a file that is not a model file: a model may only extend files ending in `.lsm`"),
            "not a `*.lsm` file",
        )
        .help("name the base model's file itself, not a link to another kind of file"),
        Refused::Missing(_) => Texts::new(format!("the base model `{path}` cannot be read"), "unknown base model"),
    }
}

/// [`refused_en`] in bokmål.
fn refused_nb(path: &str, why: &Refused) -> Texts {
    const PROJECT: &str = "prosjektet er den nærmeste mappen over modellen med `rammelab.toml` eller `.git` (uten en slik: mappen som er oppgitt på kommandolinjen)";
    match why {
        Refused::Absolute => Texts::new(
            format!("`{path}` er en absolutt sti: en modell kan bare utvide modellfiler i sitt eget prosjekt, oppgitt fra mappen den ligger i"),
            "absolutt sti",
        )
        .help(format!("skriv stien fra mappen denne filen ligger i, for eksempel `\"../../paa-doerterskelen.lsm\"`; {PROJECT}")),
        Refused::OutsideProject => Texts::new(
            format!("`{path}` fører ut av prosjektet: en modell kan bare utvide modellfiler i sitt eget prosjekt"),
            "utenfor prosjektet",
        )
        .help(format!("kopier grunnmodellen inn i prosjektet; {PROJECT}; symbolske lenker følges før dette sjekkes")),
        Refused::NotAFile(what) => Texts::new(
            format!("`{path}` er {}: en modell kan bare utvide vanlige modellfiler (`*.lsm`)", what.words(true)),
            "ikke en vanlig fil",
        )
        .help("oppgi selve filen til grunnmodellen"),
        Refused::NotModel => Texts::new(
            format!("`{path}` fører gjennom en symbolsk lenke til en fil som ikke er en modellfil: en modell kan bare utvide filer som slutter på `.lsm`"),
            "ikke en `*.lsm`-fil",
        )
        .help("oppgi selve filen til grunnmodellen, ikke en lenke til en annen slags fil"),
        Refused::Missing(_) => Texts::new(format!("grunnmodellen `{path}` kan ikke leses"), "ukjent grunnmodell"),
    }
}

fn en(kind: &ErrorKind) -> Option<Texts> {
    Some(match kind {
        ErrorKind::ExtendsNotFirst => Texts::new("`extends` must come first in a variant", "not the first line")
            .help("move `extends \"...\"` to the top of the file, above every item, `remove` and `change`"),
        ErrorKind::ExtendsTwice => Texts::new("a variant extends one model, but this file has a second `extends`", "second `extends`")
            .help("to combine two changes, let one variant extend the other"),
        ErrorKind::WithoutExtends { keyword } => Texts::new(
            format!("`{keyword}` belongs in a variant, but this file does not extend a model"),
            "no `extends` above",
        )
        .help("start the file with `extends \"base.lsm\"` to make it a variant of that model"),
        ErrorKind::UnknownBase { path, reason, suggestion } => Texts::new(
            format!("the base model `{path}` cannot be read: {reason}"),
            "unknown base model",
        )
        .help(did_you_mean(suggestion, false).unwrap_or_else(|| {
            "the path is relative to this file's folder, for example `\"../../paa-doerterskelen.lsm\"`".into()
        })),
        ErrorKind::BaseNotModel { path } => Texts::new(format!("`{path}` is not a model file"), "not a `*.lsm` file")
            .help("a variant extends a model file ending in `.lsm`"),
        ErrorKind::BaseRefused { path, why } => refused_en(path, why),
        ErrorKind::OutsideTree { path } => Texts::new(
            format!("`{path}` lies outside the folder tree of this variant: a variant must be in the base model's folder or below it"),
            "outside the tree",
        )
        .help("put the variant in a folder below the base model, such as `variants/<model>/`"),
        ErrorKind::ExtendsCycle { cycle } => Texts::new(
            format!("models extend each other in a circle: {}", join(&ticked(cycle), "->").replace(", ", " -> ")),
            "leads back here",
        )
        .help("a variant cannot extend itself, not even through others: remove one of these `extends`"),
        ErrorKind::InvalidBase { path, count } => Texts::new(
            format!("the base model `{path}` has {count} error{}", if *count == 1 { "" } else { "s" }),
            "the base does not resolve",
        )
        .help("fix the base model first; its errors are listed after this one"),
        ErrorKind::RemoveMissing { id, suggestion } => Texts::new(
            format!("the base model has no item `{id}` to remove"),
            "not in the base",
        )
        .maybe_help(did_you_mean(suggestion, false)),
        ErrorKind::ChangeMissing { id, suggestion } => Texts::new(
            format!("the base model has no item `{id}` to change"),
            "not in the base",
        )
        .help(did_you_mean(suggestion, false).unwrap_or_else(|| "to add a new item, write it out in full instead of `change`".into())),
        ErrorKind::StillReferenced { id, by } => Texts::new(
            format!("`{id}` cannot be removed: {} still name{} it", join(&ticked(by), "and"), if by.len() == 1 { "s" } else { "" }),
            "still in use",
        )
        .help("remove those too, or `change` them so they no longer name it"),
        ErrorKind::AlreadyInBase { id } => Texts::new(format!("the base model already has an item `{id}`"), "already in the base")
            .help(format!("to change it, write `change {id} {{ ... }}` with the fields to replace; to replace it whole, `remove {id}` first")),
        ErrorKind::TwiceInVariant { id } => Texts::new(format!("`{id}` is removed or changed more than once"), "again")
            .help("put every change of an item in one `change` block, and do not change an item you remove"),
        _ => return None,
    })
}

fn nb(kind: &ErrorKind) -> Option<Texts> {
    Some(match kind {
        ErrorKind::ExtendsNotFirst => Texts::new("`utvider` må stå først i en variant", "ikke første linje")
            .help("flytt `utvider \"...\"` øverst i filen, over alle elementer, `fjern` og `endre`"),
        ErrorKind::ExtendsTwice => Texts::new("en variant utvider én modell, men denne filen har en `utvider` til", "andre `utvider`")
            .help("for å kombinere to endringer, la den ene varianten utvide den andre"),
        ErrorKind::WithoutExtends { keyword } => Texts::new(
            format!("`{keyword}` hører hjemme i en variant, men denne filen utvider ingen modell"),
            "ingen `utvider` over",
        )
        .help("start filen med `utvider \"grunnmodell.lsm\"` for å gjøre den til en variant av den modellen"),
        ErrorKind::UnknownBase { path, reason, suggestion } => Texts::new(
            format!("grunnmodellen `{path}` kan ikke leses: {reason}"),
            "ukjent grunnmodell",
        )
        .help(did_you_mean(suggestion, true).unwrap_or_else(|| {
            "stien regnes fra mappen denne filen ligger i, for eksempel `\"../../paa-doerterskelen.lsm\"`".into()
        })),
        ErrorKind::BaseNotModel { path } => Texts::new(format!("`{path}` er ikke en modellfil"), "ikke en `*.lsm`-fil")
            .help("en variant utvider en modellfil som slutter på `.lsm`"),
        ErrorKind::BaseRefused { path, why } => refused_nb(path, why),
        ErrorKind::OutsideTree { path } => Texts::new(
            format!("`{path}` ligger utenfor mappetreet til denne varianten: en variant må ligge i grunnmodellens mappe eller under den"),
            "utenfor treet",
        )
        .help("legg varianten i en mappe under grunnmodellen, for eksempel `variants/<modell>/`"),
        ErrorKind::ExtendsCycle { cycle } => Texts::new(
            format!("modeller utvider hverandre i ring: {}", join(&ticked(cycle), "->").replace(", ", " -> ")),
            "fører tilbake hit",
        )
        .help("en variant kan ikke utvide seg selv, heller ikke gjennom andre: fjern en av disse `utvider`"),
        ErrorKind::InvalidBase { path, count } => Texts::new(
            format!("grunnmodellen `{path}` har {count} feil"),
            "grunnmodellen kan ikke leses",
        )
        .help("rett opp grunnmodellen først; feilene der står etter denne"),
        ErrorKind::RemoveMissing { id, suggestion } => Texts::new(
            format!("grunnmodellen har ikke noe element `{id}` å fjerne"),
            "finnes ikke i grunnmodellen",
        )
        .maybe_help(did_you_mean(suggestion, true)),
        ErrorKind::ChangeMissing { id, suggestion } => Texts::new(
            format!("grunnmodellen har ikke noe element `{id}` å endre"),
            "finnes ikke i grunnmodellen",
        )
        .help(did_you_mean(suggestion, true).unwrap_or_else(|| "skriv et nytt element helt ut i stedet for `endre`".into())),
        ErrorKind::StillReferenced { id, by } => Texts::new(
            format!("`{id}` kan ikke fjernes: {} viser fortsatt til det", join(&ticked(by), "og")),
            "fortsatt i bruk",
        )
        .help("fjern dem også, eller `endre` dem så de ikke lenger viser til det"),
        ErrorKind::AlreadyInBase { id } => Texts::new(format!("grunnmodellen har allerede et element `{id}`"), "finnes i grunnmodellen")
            .help(format!("for å endre det, skriv `endre {id} {{ ... }}` med feltene som skal byttes; for å bytte det helt, `fjern {id}` først")),
        ErrorKind::TwiceInVariant { id } => Texts::new(format!("`{id}` fjernes eller endres mer enn én gang"), "igjen")
            .help("samle alle endringer av et element i én `endre`-blokk, og ikke endre et element du fjerner"),
        _ => return None,
    })
}
