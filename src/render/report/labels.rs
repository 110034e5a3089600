//! Every word the lab report prints that does not come from a model or a rule file, in bokmål
//! and English, in one table. Templates read them as `t.<key>`; a key missing here makes
//! rendering fail (strict undefined), so a test that renders every shipped model catches it.

use std::collections::BTreeMap;

use crate::vocab::Lang;

/// (key, bokmål, English).
const LABELS: &[(&str, &str, &str)] = &[
    ("report_title", "Barrierrapport", "Barrier report"),
    ("lang_code", "nb", "en"),
    (
        "intro",
        "Modellen holdt opp mot rammebetingelsene (lover, forskrifter, tilskuddsregler) slik de står på datoen nedenfor: hva som stenger, hva som åpner, og hvordan barrierene forplanter seg gjennom modellen.",
        "The model held up against the framework conditions (acts, regulations, funding rules) as they stand on the date below: what blocks it, what opens doors, and how the barriers travel through the model.",
    ),
    (
        "intro_several",
        "Modellene holdt opp mot rammebetingelsene (lover, forskrifter, tilskuddsregler) slik de står på datoen nedenfor: hva som stenger, hva som åpner, og hvordan barrierene forplanter seg gjennom hver modell.",
        "The models held up against the framework conditions (acts, regulations, funding rules) as they stand on the date below: what blocks them, what opens doors, and how the barriers travel through each model.",
    ),
    ("generated_by", "Laget med rammelab", "Made with rammelab"),
    ("contents", "Innhold", "Contents"),
    // The model
    ("model", "Modell", "Model"),
    ("file", "Fil", "File"),
    ("municipality", "Kommune", "Municipality"),
    ("challenge", "Utfordring", "Challenge"),
    ("horizon", "Horisont", "Horizon"),
    ("law_at", "Regelverket lest per", "Law read as of"),
    ("rule_packs", "Regelpakker", "Rule packs"),
    ("version", "versjon", "version"),
    ("not_given", "ikke oppgitt", "not given"),
    // Summary
    ("summary", "Sammendrag", "Summary"),
    ("services", "Tjenester", "Services"),
    ("services_lc", "tjenester", "services"),
    ("blocked_n", "blokkert", "blocked"),
    ("at_risk_n", "i risiko", "at risk"),
    ("ok_n", "ok", "ok"),
    ("h_blocked", "Blokkert", "Blocked"),
    ("h_at_risk", "I risiko", "At risk"),
    ("h_ok", "Ok", "Ok"),
    ("h_unmitigated", "Uten avbøting", "Not mitigated"),
    ("of", "av", "of"),
    ("top_barriers", "De viktigste barrierene", "The main barriers"),
    (
        "no_blocking",
        "Ingen barriere blokkerer en tjeneste.",
        "No barrier blocks a service.",
    ),
    ("blocks_n_services", "blokkerer", "blocks"),
    ("service_one", "tjeneste", "service"),
    ("service_many", "tjenester", "services"),
    ("barriers", "Barrierer", "Barriers"),
    ("opportunities", "Muligheter", "Opportunities"),
    ("unmitigated_short", "uten avbøtende mulighet", "not mitigated"),
    // Graph
    ("graph", "Avhengighetsgraf", "Dependency graph"),
    (
        "graph_note",
        "Pilene går den veien en barriere forplanter seg: fra hjemmel til funn, fra funn til flyt eller aktør, videre til tjenestene som trenger dem.",
        "Arrows point the way a barrier travels: from the legal source to the finding, from the finding to the flow or actor, on to the services that need them.",
    ),
    (
        "graph_print_note",
        "På papir vises bare veiene barrierene går, fra barrieren til tjenestene den når; hele grafen, med hjemler og muligheter, er i nettleserversjonen av rapporten og i `rammelab graph`.",
        "On paper only the paths the barriers travel are drawn, from each barrier to the services it reaches; the whole graph, with legal sources and opportunities, is in the browser version of the report and in `rammelab graph`.",
    ),
    // Services
    ("service", "Tjeneste", "Service"),
    ("status", "Status", "Status"),
    ("why", "Forklaring", "Why"),
    ("status_blocked", "blokkert", "blocked"),
    ("status_at_risk", "i risiko", "at risk"),
    ("status_ok", "ok", "ok"),
    ("no_services", "Modellen har ingen tjenester.", "The model has no services."),
    ("path_clear", "ingen barriere på veien", "no barrier on its path"),
    ("show", "Vis", "Show"),
    ("all", "alle", "all"),
    // Relations on a path
    ("rel_depends_on", "avhenger av", "depends on"),
    ("rel_requires", "krever", "requires"),
    ("rel_provider", "leveres av", "is provided by"),
    ("rel_receives", "mottar", "receives"),
    ("rel_via", "via", "via"),
    ("on_itself", "på selve tjenesten", "on the service itself"),
    ("also", "også", "also"),
    // Barriers
    ("on", "Gjelder", "On"),
    ("blocks", "Blokkerer", "Blocks"),
    ("puts_at_risk", "Setter i risiko", "Puts at risk"),
    ("no_service_reached", "ingen tjeneste", "no service"),
    ("source", "Hjemmel", "Source"),
    ("not_verified", "ikke verifisert", "not verified"),
    (
        "not_verified_long",
        "regelen er ikke kontrollert mot lovteksten",
        "the rule has not been checked against the text of the law",
    ),
    ("severity", "Alvorlighet", "Severity"),
    ("severity_error", "feil", "error"),
    ("severity_warning", "advarsel", "warning"),
    ("severity_info", "info", "info"),
    ("effect_blocks", "blokkerer", "blocks"),
    ("effect_risk", "risiko", "risk"),
    ("effect_mitigated", "avbøtet", "mitigated"),
    ("message", "Funn", "Finding"),
    ("remedy", "Tiltak", "Remedy"),
    ("mitigated_by", "Avbøtes av", "Mitigated by"),
    ("refused_by", "Kan ikke avbøtes av", "Cannot be mitigated by"),
    ("none", "ingen", "none"),
    ("no_barriers", "Ingen barrierer.", "No barriers."),
    // Opportunities
    ("opens", "Åpner", "Opens"),
    ("mitigates", "avbøter", "mitigates"),
    ("supports", "støtter", "supports"),
    ("no_opportunities", "Ingen muligheter.", "No opportunities."),
    // Unmitigated, unlock
    (
        "unmitigated",
        "Barrierer ingen mulighet avbøter",
        "Barriers no opportunity mitigates",
    ),
    (
        "all_mitigated",
        "Alle barrierer har minst én avbøtende mulighet.",
        "Every barrier has at least one mitigating opportunity.",
    ),
    ("unlock", "Rekkefølge for å løse opp", "Unlock order"),
    (
        "unlock_note",
        "Fjern barrierene i denne rekkefølgen, så blir flest mulig tjenester frigjort så tidlig som mulig.",
        "Remove the barriers in this order to unblock as many services as early as possible.",
    ),
    ("remove", "Fjern", "Remove"),
    ("unblocks", "frigjør", "unblocks"),
    ("unblocks_nothing_yet", "frigjør ingen tjeneste alene ennå", "unblocks no service on its own yet"),
    ("nothing_to_unlock", "Ingen tjeneste er blokkert.", "No service is blocked."),
    // What-if
    ("whatif", "Hva om", "What if"),
    // Appendix
    ("appendix", "Vedlegg: regler som ble vurdert", "Appendix: rules evaluated"),
    (
        "appendix_note",
        "Alle regler i kraft på datoen, også de som ikke slo til: det som ble sjekket og funnet i orden.",
        "Every rule in force on the date, including those that did not fire: what was checked and found clear.",
    ),
    ("rule", "Regel", "Rule"),
    ("kind", "Type", "Kind"),
    ("result", "Resultat", "Result"),
    ("kind_barrier", "barriere", "barrier"),
    ("kind_opportunity", "mulighet", "opportunity"),
    ("fired_on", "slo til på", "fired on"),
    ("clear", "klar", "clear"),
    ("evaluated_n", "regler vurdert", "rules evaluated"),
    ("fired_n", "slo til", "fired"),
    ("exempted", "Satt til side av unntak", "Set aside by an exemption"),
    // Several models
    ("comparison", "Sammenligning", "Comparison"),
    ("models", "modeller", "models"),
];

/// The labels of one language, by key.
pub fn labels(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    LABELS
        .iter()
        .map(|&(k, nb, en)| {
            (
                k,
                match lang {
                    Lang::Nb => nb,
                    Lang::En => en,
                },
            )
        })
        .collect()
}

/// One label; the key itself when the table lacks it (tests keep the table complete).
pub fn label(lang: Lang, key: &str) -> &'static str {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|&(_, nb, en)| match lang {
            Lang::Nb => nb,
            Lang::En => en,
        })
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_every_label_is_written_in_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for (k, nb, en) in LABELS {
            assert!(seen.insert(k), "duplicate label key `{k}`");
            assert!(!nb.is_empty() && !en.is_empty(), "label `{k}` is empty");
        }
    }
}
