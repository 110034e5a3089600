//! The rule listings: `rammelab rules list` (table, Markdown, JSON) and the full text of one
//! rule for `rammelab explain` and `rammelab rules show`.

use std::fmt::Write as _;

use crate::render::escape::markdown;
use crate::rules::{Rule, RuleKind, RuleSet};
use crate::vocab::Lang;

/// The rules as JSON (`rules list --format json`).
pub fn json(rs: &RuleSet, rules: &[&Rule]) -> String {
    let items: Vec<serde_json::Value> = rules
        .iter()
        .map(|r| {
            let mut item = serde_json::json!({
                "id": r.id,
                "kind": kind_word(r.kind, Lang::En),
                "severity": r.severity.as_str(),
                "title": {"nb": r.title.nb, "en": r.title.en},
                "pack": rs.packs[r.pack].id,
                "source": {
                    "act": r.source.act,
                    "short": r.source.short,
                    "section": r.source.section,
                    "url": r.source.url,
                },
                "in_force": {
                    "from": r.in_force_from.to_string(),
                    "to": r.in_force_to.map(|d| d.to_string()),
                },
                "for_each": r.for_each.keyword(),
                "tags": r.tags,
            });
            // As in `check --format json`: present only when false.
            if let (false, Some(map)) = (r.verified, item.as_object_mut()) {
                map.insert("verified".into(), serde_json::Value::Bool(false));
            }
            item
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&items).unwrap_or_default();
    out.push('\n');
    out
}

/// Every rule, by id.
pub fn sorted(rs: &RuleSet) -> Vec<&Rule> {
    let mut rules: Vec<&Rule> = rs.rules.iter().collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    rules
}

fn kind_word(k: RuleKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (RuleKind::Barrier, Lang::Nb) => "barriere",
        (RuleKind::Barrier, Lang::En) => "barrier",
        (RuleKind::Opportunity, Lang::Nb) => "mulighet",
        (RuleKind::Opportunity, Lang::En) => "opportunity",
    }
}

/// The mark an unverified rule carries in the lists.
fn not_verified(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "ikke verifisert",
        Lang::En => "not verified",
    }
}

/// The line `explain` and `rules show` print under the source of an unverified rule.
fn not_verified_long(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "IKKE VERIFISERT: regelen er ikke kontrollert mot lovteksten; se merknadene",
        Lang::En => {
            "NOT VERIFIED: the rule has not been checked against the text of the law; see the notes"
        }
    }
}

/// A rule's section, with the mark when the rule is not verified.
fn section_marked(r: &Rule, lang: Lang) -> String {
    if r.verified {
        r.source.section.clone()
    } else {
        format!("{} ({})", r.source.section, not_verified(lang))
    }
}

pub fn in_force(r: &Rule) -> String {
    match r.in_force_to {
        Some(to) => format!("{} – {}", r.in_force_from, to),
        None => format!("{} –", r.in_force_from),
    }
}

/// The full text of a rule, for `explain` and `rules show`.
pub fn describe(rs: &RuleSet, r: &Rule, lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    let l = |nb_s: &'static str, en_s: &'static str| if nb { nb_s } else { en_s };
    let mut s = String::new();
    let _ = writeln!(s, "{}  ({})", r.title.get(lang), r.id);
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "  {}: {}{}",
        l("Type", "Kind"),
        kind_word(r.kind, lang),
        if r.kind == RuleKind::Barrier {
            format!(" ({})", r.severity.as_str())
        } else {
            String::new()
        }
    );
    let _ = writeln!(s, "  {}: {}", l("Kilde", "Source"), r.source.act);
    let _ = writeln!(
        s,
        "          {} {} — {}",
        r.source.short, r.source.section, r.source.url
    );
    if !r.verified {
        let _ = writeln!(s, "  ⚠ {}", not_verified_long(lang));
    }
    let _ = writeln!(s, "  {}: {}", l("I kraft", "In force"), in_force(r));
    let pack = &rs.packs[r.pack];
    let _ = writeln!(
        s,
        "  {}: {} {} ({}:{})",
        l("Regelpakke", "Rule pack"),
        pack.id,
        pack.version,
        pack.file.path.display(),
        r.line
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{} `{}` {}",
        l("Regelen ser på hver", "The rule looks at every"),
        r.for_each.keyword(),
        l("og slår til når:", "and fires when:")
    );
    for line in r.when_text.trim_end().lines() {
        let _ = writeln!(s, "    {line}");
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "{}:", l("Melding", "Message"));
    let _ = writeln!(s, "    {}", r.message_text.get(lang));
    let _ = writeln!(s, "{}:", l("Tiltak", "Remedy"));
    let _ = writeln!(s, "    {}", r.remedy_text.get(lang));
    let targets = |ts: &[crate::rules::Target]| {
        ts.iter()
            .map(|t| match t {
                crate::rules::Target::Rule(x) => x.clone(),
                crate::rules::Target::Act(x) => format!("act:{x}"),
                crate::rules::Target::Tag(x) => format!("tag:{x}"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !r.mitigates.is_empty() {
        let _ = writeln!(
            s,
            "{}: {}",
            l("Avhjelper", "Mitigates"),
            targets(&r.mitigates)
        );
    }
    if !r.not_mitigated_by.is_empty() {
        let _ = writeln!(
            s,
            "{}: {}",
            l("Kan ikke avhjelpes av", "Cannot be mitigated by"),
            targets(&r.not_mitigated_by)
        );
    }
    let mitigators: Vec<&str> = rs
        .rules
        .iter()
        .filter(|o| o.mitigates.iter().any(|t| t.matches(r)))
        .map(|o| o.id.as_str())
        .collect();
    if !mitigators.is_empty() {
        let _ = writeln!(
            s,
            "{}: {}",
            l("Avhjelpes av", "Mitigated by"),
            mitigators.join(", ")
        );
    }
    if !r.tags.is_empty() {
        let _ = writeln!(s, "{}: {}", l("Stikkord", "Tags"), r.tags.join(", "));
    }
    if !r.notes.trim().is_empty() {
        let _ = writeln!(s, "{}:", l("Merknader", "Notes"));
        for line in r.notes.trim_end().lines() {
            let _ = writeln!(s, "    {line}");
        }
    }
    let fires = r.tests.iter().filter(|t| t.fires).count();
    let _ = writeln!(
        s,
        "{}: {} ({} {}, {} {})",
        l("Tester", "Tests"),
        r.tests.len(),
        fires,
        l("slår til", "fire"),
        r.tests.len() - fires,
        l("stille", "silent")
    );
    s
}

pub fn table(rules: &[&Rule], lang: Lang) -> String {
    let rows: Vec<[String; 5]> = rules
        .iter()
        .map(|r| {
            [
                r.id.clone(),
                match r.kind {
                    RuleKind::Barrier => {
                        format!("{} ({})", kind_word(r.kind, lang), r.severity.as_str())
                    }
                    RuleKind::Opportunity => kind_word(r.kind, lang).to_string(),
                },
                r.source.short.clone(),
                section_marked(r, lang),
                in_force(r),
            ]
        })
        .collect();
    let head = match lang {
        Lang::Nb => ["id", "type", "lov", "paragraf", "i kraft"],
        Lang::En => ["id", "kind", "act", "section", "in force"],
    };
    let mut widths = head.map(|h| h.chars().count());
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    let line = |cells: &[&str]| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(c.chars().count());
            l.push_str(c);
            if i + 1 < cells.len() {
                l.push_str(&" ".repeat(pad + 2));
            }
        }
        l.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(&head));
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        let _ = writeln!(out, "{}", line(&cells));
    }
    let barriers = rules.iter().filter(|r| r.kind == RuleKind::Barrier).count();
    let mut acts: Vec<&str> = rules.iter().map(|r| r.source.short.as_str()).collect();
    acts.sort_unstable();
    acts.dedup();
    let _ = match lang {
        Lang::Nb => writeln!(
            out,
            "\n{} regler ({} barrierer, {} muligheter) fra {} kilder",
            rules.len(),
            barriers,
            rules.len() - barriers,
            acts.len()
        ),
        Lang::En => writeln!(
            out,
            "\n{} rules ({} barriers, {} opportunities) from {} sources",
            rules.len(),
            barriers,
            rules.len() - barriers,
            acts.len()
        ),
    };
    out
}

pub fn markdown(rs: &RuleSet, rules: &[&Rule], lang: Lang) -> String {
    let mut out = String::new();
    let (title, intro, head) = match lang {
        Lang::Nb => (
            "# Regler",
            "Generert av `rammelab rules list --format md --lang nb`; ikke rediger for hånd.",
            "| id | type | tittel | kilde | i kraft |",
        ),
        Lang::En => (
            "# Rules",
            "Generated by `rammelab rules list --format md`; do not edit by hand.",
            "| id | kind | title | source | in force |",
        ),
    };
    let _ = writeln!(out, "{title}\n\n{intro}\n");
    let mut packs: Vec<usize> = rules.iter().map(|r| r.pack).collect();
    packs.sort_by(|a, b| rs.packs[*a].id.cmp(&rs.packs[*b].id));
    packs.dedup();
    for p in packs {
        let pack = &rs.packs[p];
        let _ = writeln!(
            out,
            "## {} (`{}`, {})\n",
            pack.title.get(lang),
            pack.id,
            pack.version
        );
        let _ = writeln!(out, "{head}\n|---|---|---|---|---|");
        for r in rules.iter().filter(|r| r.pack == p) {
            let kind = match r.kind {
                RuleKind::Barrier => {
                    format!("{} ({})", kind_word(r.kind, lang), r.severity.as_str())
                }
                RuleKind::Opportunity => kind_word(r.kind, lang).to_string(),
            };
            // The mark sits in the title cell, outside the source's link, where a reader looks.
            let mark = if r.verified {
                String::new()
            } else {
                format!(" **({})**", not_verified(lang))
            };
            let _ = writeln!(
                out,
                "| `{}` | {} | {}{} | [{} {}]({}) | {} |",
                r.id,
                kind,
                markdown::cell(r.title.get(lang)),
                mark,
                markdown::cell(&r.source.short),
                markdown::cell(&r.source.section),
                r.source.url,
                in_force(r)
            );
        }
        let _ = writeln!(out);
    }
    out
}
