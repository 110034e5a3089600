//! The studio's words in bokmål and English, in one table until the word catalogue
//! (`locales/`) takes them. The page gets the table of its language as JSON.

use std::collections::BTreeMap;

use crate::vocab::Lang;

/// (key, bokmål, English).
const WORDS: &[(&str, &str, &str)] = &[
    ("title", "rammelab studio", "rammelab studio"),
    ("skip", "Hopp til editoren", "Skip to the editor"),
    ("workspace", "Arbeidsområde", "Workspace"),
    ("model", "Modell", "Model"),
    ("date", "Lovverket per dato", "The law as it stands on"),
    (
        "overlays",
        "Forslag og forsøk (overlegg)",
        "Proposals and trials (overlays)",
    ),
    ("language", "English", "Norsk (bokmål)"),
    ("language_hint", "Bytt til engelsk", "Switch to bokmål"),
    ("editor", "Modellteksten", "The model's text"),
    ("save", "Lagre", "Save"),
    ("saved", "Lagret", "Saved"),
    ("unsaved", "Ulagrede endringer", "Unsaved changes"),
    (
        "changed_on_disk",
        "Filen er endret på disken; lastet inn på nytt.",
        "The file changed on disk; reloaded.",
    ),
    (
        "changed_on_disk_dirty",
        "Filen er endret på disken, men du har ulagrede endringer.",
        "The file changed on disk, but you have unsaved changes.",
    ),
    ("reload", "Last inn fra disken", "Reload from disk"),
    ("diagnostics", "Feil i modellen", "Errors in the model"),
    (
        "no_diagnostics",
        "Ingen feil i modellen.",
        "No errors in the model.",
    ),
    ("line", "linje", "line"),
    ("column", "kolonne", "column"),
    ("fix", "Rett", "Fix"),
    ("findings", "Funn", "Findings"),
    ("barriers", "Barrierer", "Barriers"),
    ("opportunities", "Muligheter", "Opportunities"),
    ("services", "Tjenester", "Services"),
    ("no_barriers", "Ingen barrierer.", "No barriers."),
    ("blocked", "blokkert", "blocked"),
    ("at_risk", "i risiko", "at risk"),
    ("ok", "ok", "ok"),
    ("blocked_by", "blokkert av", "blocked by"),
    ("via", "via", "via"),
    ("graph", "Barrieregrafen", "The barrier graph"),
    ("zoom_in", "Zoom inn", "Zoom in"),
    ("zoom_out", "Zoom ut", "Zoom out"),
    ("zoom_reset", "Hele grafen", "Whole graph"),
    ("focus", "Fokus på tjeneste", "Focus on service"),
    ("focus_none", "(hele modellen)", "(the whole model)"),
    ("details", "Detaljer", "Details"),
    (
        "details_hint",
        "Velg en tjeneste eller barriere i grafen eller i listene.",
        "Choose a service or barrier in the graph or the lists.",
    ),
    ("source", "Kilde", "Source"),
    ("remedy", "Tiltak", "Remedy"),
    ("explain", "Slik slo regelen til", "Why the rule fired"),
    ("blocks", "Blokkerer", "Blocks"),
    ("lab", "Laben", "The lab"),
    ("lab_run", "Regn ut laben", "Run the lab"),
    ("unlock", "Rekkefølge for å låse opp", "Unlock order"),
    ("unlocks", "låser opp", "unlocks"),
    ("report", "Rapport", "Report"),
    (
        "report_html",
        "Last ned rapport (HTML)",
        "Download report (HTML)",
    ),
    (
        "report_md",
        "Last ned rapport (Markdown)",
        "Download report (Markdown)",
    ),
    ("print", "Skriv ut", "Print"),
    ("present", "Presentasjonsmodus", "Presentation mode"),
    (
        "read_only",
        "Skrivebeskyttet: studioet ble startet med --read-only.",
        "Read-only: the studio was started with --read-only.",
    ),
    ("working", "Regner …", "Working …"),
    ("error", "Feil", "Error"),
];

/// Every word of the page in `lang`, by key.
pub fn table(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    WORDS
        .iter()
        .map(|(k, nb, en)| (*k, if lang == Lang::Nb { *nb } else { *en }))
        .collect()
}

/// The words of an API refusal, by code: (bokmål, English).
pub fn error(code: &str) -> (&'static str, &'static str) {
    match code {
        "host" => (
            "Ukjent vertsnavn: studioet svarer bare på sin egen adresse.",
            "Unknown host: the studio answers only its own address.",
        ),
        "origin" => (
            "Forespørselen kommer fra en annen side.",
            "The request comes from another site.",
        ),
        "token" => (
            "Mangler eller feil sesjonsnøkkel.",
            "The session token is missing or wrong.",
        ),
        "path" => ("Stien er ikke tillatt.", "The path is not allowed."),
        "too-large" => ("Forespørselen er for stor.", "The request is too large."),
        "malformed" => (
            "Forespørselen kan ikke leses.",
            "The request cannot be read.",
        ),
        "date" => (
            "Ugyldig dato (bruk ÅÅÅÅ-MM-DD).",
            "Invalid date (use YYYY-MM-DD).",
        ),
        "lang" => (
            "Ukjent språk (nb eller en).",
            "Unknown language (nb or en).",
        ),
        "format" => (
            "Ukjent format (html eller md).",
            "Unknown format (html or md).",
        ),
        "read-only" => ("Studioet er skrivebeskyttet.", "The studio is read-only."),
        "not-utf8" => ("Filen er ikke UTF-8.", "The file is not UTF-8."),
        "unreadable" => ("Filen kan ikke leses.", "The file cannot be read."),
        "model" => ("Modellen har feil.", "The model has errors."),
        "write" => (
            "Filen kunne ikke skrives.",
            "The file could not be written.",
        ),
        "not-found" => ("Finnes ikke.", "Not found."),
        _ => ("Intern feil.", "Internal error."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_there_in_both_languages() {
        for (k, nb, en) in WORDS {
            assert!(!nb.is_empty() && !en.is_empty(), "{k}");
        }
        assert_eq!(table(Lang::Nb).len(), WORDS.len(), "a key twice");
    }
}
