//! The rule listings: `rammelab rules list` (table, Markdown, JSON) and the full text of one
//! rule for `rammelab explain` and `rammelab rules show`.

use std::fmt::Write as _;

use crate::render::escape::markdown;
use crate::rules::{Rule, RuleKind, RuleSet};
use crate::text;
use crate::vocab::Lang;

/// The rules as JSON (`rules list --format json`).
pub fn json(rs: &RuleSet, rules: &[&Rule]) -> String {
    let items: Vec<serde_json::Value> = rules
        .iter()
        .map(|r| {
            let mut item = serde_json::json!({
                "id": r.id,
                "kind": kind_code(r.kind),
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

/// The kind as the JSON list writes it, the same in every language.
fn kind_code(k: RuleKind) -> &'static str {
    match k {
        RuleKind::Barrier => "barrier",
        RuleKind::Opportunity => "opportunity",
    }
}

fn kind_word(k: RuleKind, lang: Lang) -> String {
    match k {
        RuleKind::Barrier => text!(lang, "rules-list-kind-barrier"),
        RuleKind::Opportunity => text!(lang, "rules-list-kind-opportunity"),
    }
}

/// The mark an unverified rule carries in the lists.
fn not_verified(lang: Lang) -> String {
    text!(lang, "rules-list-not-verified")
}

/// The line `explain` and `rules show` print under the source of an unverified rule.
fn not_verified_long(lang: Lang) -> String {
    text!(lang, "rules-list-not-verified-long")
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
    let l = |key: &str| text!(lang, key);
    let mut s = String::new();
    let _ = writeln!(s, "{}  ({})", r.title.get(lang), r.id);
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "  {}: {}{}",
        l("rules-show-kind"),
        kind_word(r.kind, lang),
        if r.kind == RuleKind::Barrier {
            format!(" ({})", r.severity.as_str())
        } else {
            String::new()
        }
    );
    let _ = writeln!(s, "  {}: {}", l("rules-show-source"), r.source.act);
    let _ = writeln!(
        s,
        "          {} {} — {}",
        r.source.short, r.source.section, r.source.url
    );
    if !r.verified {
        let _ = writeln!(s, "  ⚠ {}", not_verified_long(lang));
    }
    let _ = writeln!(s, "  {}: {}", l("rules-show-in-force"), in_force(r));
    let pack = &rs.packs[r.pack];
    let _ = writeln!(
        s,
        "  {}: {} {} ({}:{})",
        l("rules-show-pack"),
        pack.id,
        pack.version,
        pack.file.path.display(),
        r.line
    );
    let _ = writeln!(s);
    let looks_at = text!(lang, "rules-show-looks-at", keyword = r.for_each.keyword());
    let _ = writeln!(s, "{looks_at}");
    for line in r.when_text.trim_end().lines() {
        let _ = writeln!(s, "    {line}");
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "{}:", l("rules-show-message"));
    let _ = writeln!(s, "    {}", r.message_text.get(lang));
    let _ = writeln!(s, "{}:", l("rules-show-remedy"));
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
            l("rules-show-mitigates"),
            targets(&r.mitigates)
        );
    }
    if !r.not_mitigated_by.is_empty() {
        let _ = writeln!(
            s,
            "{}: {}",
            l("rules-show-cannot-be-mitigated-by"),
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
            l("rules-show-mitigated-by"),
            mitigators.join(", ")
        );
    }
    if !r.tags.is_empty() {
        let _ = writeln!(s, "{}: {}", l("rules-show-tags"), r.tags.join(", "));
    }
    if !r.notes.trim().is_empty() {
        let _ = writeln!(s, "{}:", l("rules-show-notes"));
        for line in r.notes.trim_end().lines() {
            let _ = writeln!(s, "    {line}");
        }
    }
    let fires = r.tests.iter().filter(|t| t.fires).count();
    let tests = text!(
        lang,
        "rules-show-tests",
        count = r.tests.len(),
        fire = fires,
        silent = r.tests.len() - fires,
    );
    let _ = writeln!(s, "{tests}");
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
    let head = [
        "rules-list-head-id",
        "rules-list-head-kind",
        "rules-list-head-act",
        "rules-list-head-section",
        "rules-list-head-in-force",
    ]
    .map(|key| text!(lang, key));
    let head = head.each_ref().map(String::as_str);
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
    let total = text!(
        lang,
        "rules-list-total",
        rules = rules.len(),
        barriers = barriers,
        opportunities = rules.len() - barriers,
        sources = acts.len(),
    );
    let _ = writeln!(out, "\n{total}");
    out
}

pub fn markdown(rs: &RuleSet, rules: &[&Rule], lang: Lang) -> String {
    let mut out = String::new();
    let title = text!(lang, "rules-list-md-title");
    let intro = text!(lang, "rules-list-md-intro");
    let head = text!(lang, "rules-list-md-head");
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
