//! Every word the lab report prints that does not come from a model or a rule file. The
//! words live in the catalogue (`locales/<lang>/render-report.ftl`, key `report-<name>` with
//! `-` for `_`); templates read them as `t.<name>`. A name missing here makes rendering fail
//! (strict undefined), so a test that renders every shipped model catches it; a name here the
//! catalogue lacks stops a debug build.

use std::collections::BTreeMap;

use crate::base::words;
use crate::vocab::Lang;

/// The names templates may read as `t.<name>`.
const NAMES: &[&str] = &[
    "report_title",
    "lang_code",
    "intro",
    "intro_several",
    "generated_by",
    "contents",
    "model",
    "file",
    "municipality",
    "challenge",
    "horizon",
    "law_at",
    "rule_packs",
    "version",
    "not_given",
    "summary",
    "services",
    "services_lc",
    "blocked_n",
    "at_risk_n",
    "ok_n",
    "h_blocked",
    "h_at_risk",
    "h_ok",
    "h_unmitigated",
    "of",
    "top_barriers",
    "no_blocking",
    "blocks_n_services",
    "service_one",
    "service_many",
    "barriers",
    "opportunities",
    "unmitigated_short",
    "graph",
    "graph_note",
    "graph_print_note",
    "service",
    "status",
    "why",
    "status_blocked",
    "status_at_risk",
    "status_ok",
    "no_services",
    "path_clear",
    "show",
    "all",
    "rel_depends_on",
    "rel_requires",
    "rel_provider",
    "rel_receives",
    "rel_via",
    "on_itself",
    "also",
    "on",
    "blocks",
    "puts_at_risk",
    "no_service_reached",
    "source",
    "not_verified",
    "not_verified_long",
    "severity",
    "severity_error",
    "severity_warning",
    "severity_info",
    "effect_blocks",
    "effect_risk",
    "effect_mitigated",
    "message",
    "remedy",
    "mitigated_by",
    "refused_by",
    "none",
    "no_barriers",
    "opens",
    "mitigates",
    "supports",
    "no_opportunities",
    "unmitigated",
    "all_mitigated",
    "unlock",
    "unlock_note",
    "remove",
    "unblocks",
    "unblocks_nothing_yet",
    "nothing_to_unlock",
    "whatif",
    "appendix",
    "appendix_note",
    "rule",
    "kind",
    "result",
    "kind_barrier",
    "kind_opportunity",
    "fired_on",
    "clear",
    "evaluated_n",
    "fired_n",
    "exempted",
    "comparison",
    "models",
];

/// The catalogue key of a template name: `law_at` is `report-law-at`.
fn key(name: &str) -> String {
    format!("report-{}", name.replace('_', "-"))
}

/// The labels of one language, by name.
pub fn labels(lang: Lang) -> BTreeMap<&'static str, String> {
    NAMES
        .iter()
        .map(|&name| (name, words::text(lang, &key(name), &[])))
        .collect()
}

/// One label; empty when `name` is not a label (tests keep the list complete).
pub fn label(lang: Lang, name: &str) -> String {
    if NAMES.contains(&name) {
        words::text(lang, &key(name), &[])
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_every_label_is_written_in_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for name in NAMES {
            assert!(seen.insert(name), "duplicate label name `{name}`");
            for lang in [Lang::Nb, Lang::En] {
                assert!(words::has(lang, &key(name)), "no `{}` in {lang}", key(name));
                assert!(!label(lang, name).is_empty(), "label `{name}` is empty");
            }
        }
    }
}
