//! No input takes more than linear time: pathological model files are read at two sizes, and
//! the work counted by the parser, the resolver, the cycle check, the snippets of the
//! diagnostics a person reads and the walks behind service statuses (see
//! `crate::base::limits::work`) must grow in step with the input, not with its square. Counting
//! steps instead of timing them keeps these tests exact on a busy CI machine.
#![allow(clippy::expect_used)]

use crate::base::limits::work;
use crate::engine::evaluate;
use crate::graph::{
    root_barriers, service_statuses, spelled_out, unlock_order, BarrierGraph, Status,
};
use crate::model::{resolve_source, Model, ModelErrors, SourceFile};
use crate::render::graph::{to_json, to_svg};
use crate::vocab::{Lang, Vocabulary};
use crate::RuleSet;

fn resolve(text: &str) -> Result<Model, ModelErrors> {
    resolve_source(SourceFile::new("big.lsm", text), Vocabulary::builtin())
}

/// The work of resolving a text, per byte.
fn work_per_byte(text: &str) -> f64 {
    let (_, w) = work::measure(|| resolve(text));
    w as f64 / text.len().max(1) as f64
}

/// Builds the input at `n` and at `4 * n` and asserts the work per byte stays below `per_byte`
/// and does not grow with the size (a quadratic step would make it four times larger).
fn linear(name: &str, n: usize, per_byte: f64, make: impl Fn(usize) -> String) {
    linear_in(name, n, per_byte, work_per_byte, make);
}

/// [`linear`] for the work `measure` counts on a text.
fn linear_in(
    name: &str,
    n: usize,
    per_byte: f64,
    measure: impl Fn(&str) -> f64,
    make: impl Fn(usize) -> String,
) {
    let small = measure(&make(n));
    let large = measure(&make(4 * n));
    assert!(
        small <= per_byte && large <= per_byte,
        "{name}: {small:.2} and {large:.2} steps per byte, more than {per_byte}"
    );
    assert!(
        large <= small * 1.5 + 0.5,
        "{name}: {small:.2} steps per byte at n = {n}, {large:.2} at 4n: not linear"
    );
}

const HEAD: &str = "model \"m\" { challenge: demography }\nactor a \"A\" { type: municipality }\n";

#[test]
fn many_items() {
    linear("items", 2_000, 4.0, |n| {
        let mut s = HEAD.to_string();
        for i in 0..n {
            s.push_str(&format!("actor a{i} {{ type: municipality }}\n"));
        }
        s
    });
}

#[test]
fn a_long_string() {
    linear("string", 250_000, 4.0, |n| {
        format!(
            "{HEAD}actor b {{ type: municipality summary: \"{}\" }}\n",
            "æ".repeat(n)
        )
    });
}

#[test]
fn a_long_multiline_string_never_closed() {
    linear("multiline", 2_000, 8.0, |n| {
        let mut s = format!("{HEAD}actor b {{ summary: \"\"\"\n");
        for i in 0..n {
            s.push_str(&format!("actor a{i} {{ type: municipality }}\n"));
        }
        s
    });
}

#[test]
fn many_unclosed_items() {
    linear("unclosed", 2_000, 32.0, |n| {
        format!("{HEAD}{}", "actor a {\n".repeat(n))
    });
}

#[test]
fn an_unclosed_item_over_many_fields_that_look_like_items() {
    linear("fields like items", 2_000, 32.0, |n| {
        format!("{HEAD}actor b {{\n{}", "actor: municipality\n".repeat(n))
    });
}

#[test]
fn many_unterminated_strings() {
    linear("strings", 2_000, 32.0, |n| {
        format!("{HEAD}{}", "actor c \"C { type: \"x\n".repeat(n))
    });
}

/// Spaced digit groups, well and badly formed, and decimal commas in a list: the number's
/// spelling is checked once, not by backtracking over its groups.
#[test]
fn long_spaced_numbers() {
    linear("digit groups", 20_000, 8.0, |n| {
        format!(
            "{HEAD}flow f: a -> a {{ amount: 1{} NOK }}\n",
            " 000".repeat(n)
        )
    });
    linear("bad digit groups", 20_000, 8.0, |n| {
        format!(
            "{HEAD}flow f: a -> a {{ amount: 1{} NOK }}\n",
            " 00".repeat(n)
        )
    });
    linear("decimal commas", 5_000, 16.0, |n| {
        format!("{HEAD}flow f: a -> a {{ data: [{}] }}\n", "1,2,".repeat(n))
    });
}

#[test]
fn braces_and_brackets() {
    linear("braces", 20_000, 8.0, |n| {
        format!("{HEAD}{}", "{".repeat(n))
    });
    linear("closing", 20_000, 8.0, |n| {
        format!("{HEAD}{}", "}]".repeat(n))
    });
}

fn services(n: usize, depends: impl Fn(usize) -> String) -> String {
    let mut s = HEAD.to_string();
    for i in 0..n {
        s.push_str(&format!(
            "service s{i} {{ domain: public_health provider: a depends_on: {} }}\n",
            depends(i)
        ));
    }
    s
}

#[test]
fn a_long_chain_of_dependencies() {
    linear("chain", 2_000, 4.0, |n| {
        services(n, |i| {
            format!("s{}", i.saturating_sub(1).max(if i == 0 { 1 } else { 0 }))
        })
    });
}

#[test]
fn one_long_circle_of_dependencies() {
    linear("circle", 2_000, 4.0, |n| {
        services(n, |i| format!("s{}", (i + 1) % n))
    });
}

#[test]
fn many_services_that_depend_on_themselves() {
    linear("self", 1_000, 4.0, |n| services(n, |i| format!("s{i}")));
}

#[test]
fn many_small_circles() {
    linear("pairs", 1_000, 4.0, |n| {
        services(n, |i| format!("s{}", i ^ 1))
    });
}

#[test]
fn many_wrong_references() {
    linear("wrong references", 2_000, 8.0, |n| {
        let mut s = HEAD.to_string();
        for i in 0..n {
            s.push_str(&format!("actor x{i} {{ type: municipality }}\n"));
            s.push_str(&format!(
                "flow f{i}: a -> nowhere{i} {{ resource: money }}\n"
            ));
        }
        s
    });
}

/// The work of resolving a text and rendering its diagnostics as `check` shows them on a
/// terminal, per byte. The text must have errors.
fn diagnostics_work_per_byte(text: &str) -> f64 {
    let (shown, w) = work::measure(|| match resolve(text) {
        Ok(_) => String::new(),
        Err(errors) => crate::render_diagnostic(&errors.in_lang(Lang::En), false, 100),
    });
    assert!(
        shown.contains("big.lsm:"),
        "no located diagnostic: {shown:.300}"
    );
    w as f64 / text.len().max(1) as f64
}

#[test]
fn many_unknown_terms_shown() {
    linear_in("unknown terms", 500, 64.0, diagnostics_work_per_byte, |n| {
        let mut s = HEAD.to_string();
        for i in 0..n {
            s.push_str(&format!("actor x{i} {{ type: municipalty }}\n"));
        }
        s
    });
}

#[test]
fn many_duplicate_ids_shown() {
    linear_in("duplicate ids", 500, 64.0, diagnostics_work_per_byte, |n| {
        format!("{HEAD}{}", "actor a { type: municipality }\n".repeat(n))
    });
}

#[test]
fn the_corpus_of_broken_items_shown() {
    let text = include_str!("../../tests/corpus/many-broken-items.lsm");
    let lines: Vec<&str> = text.lines().collect();
    linear_in(
        "many broken items",
        lines.len() / 4,
        64.0,
        diagnostics_work_per_byte,
        |n| {
            let mut s = lines.iter().take(n).copied().collect::<Vec<_>>().join("\n");
            s.push('\n');
            s
        },
    );
}

/// The work of the walks behind every service's status (with the shipped rule packs), per
/// byte of the model.
fn statuses_work_per_byte(text: &str) -> f64 {
    let rules = RuleSet::builtin().expect("the shipped packs load");
    let Ok(model) = resolve_source(SourceFile::new("big.lsm", text), &rules.vocab) else {
        panic!("the model does not resolve");
    };
    let at = jiff::civil::date(2026, 6, 1);
    let eval = evaluate(&model, &rules, at);
    let graph = BarrierGraph::build(&eval);
    let (statuses, w) = work::measure(|| service_statuses(&graph));
    assert_eq!(
        statuses.len(),
        model.of_kind(crate::vocab::ItemKind::Service).len()
    );
    w as f64 / text.len().max(1) as f64
}

/// A blocked service (its data flow has no processing agreement) for others to depend on.
const BLOCKED: &str = "model \"m\" { challenge: demography }
actor kommune \"K\" { type: municipality }
actor posten \"P\" { type: state_owned_company }
actor eldre \"E\" { type: residents }
service hub \"H\" { domain: public_health provider: posten recipients: eldre requires: [liste] }
flow liste: kommune -> posten { resource: personal_data data: [name] legal_basis: public_task purpose: \"p\" }
";

#[test]
fn statuses_along_a_long_chain_of_dependencies() {
    linear_in("chain statuses", 1_000, 1.0, statuses_work_per_byte, |n| {
        let mut s = HEAD.to_string();
        s.push_str("service s0 { domain: public_health provider: a }\n");
        for i in 1..n {
            s.push_str(&format!(
                "service s{i} {{ domain: public_health provider: a depends_on: s{} }}\n",
                i - 1
            ));
        }
        s
    });
}

#[test]
fn statuses_of_many_services_that_need_one_blocked_service() {
    let make = |n: usize| {
        let mut s = BLOCKED.to_string();
        for i in 0..n {
            s.push_str(&format!(
                "service s{i} {{ domain: public_health provider: posten depends_on: hub }}\n"
            ));
        }
        s
    };
    // The hub is blocked, and so is every service that needs it.
    let rules = RuleSet::builtin().expect("the shipped packs load");
    let text = make(3);
    let model = resolve_source(SourceFile::new("big.lsm", text), &rules.vocab).expect("resolves");
    let eval = evaluate(&model, &rules, jiff::civil::date(2026, 6, 1));
    let statuses = service_statuses(&BarrierGraph::build(&eval));
    assert!(statuses
        .iter()
        .all(|s| s.status == crate::graph::Status::Blocked));
    linear_in("fan statuses", 1_000, 2.0, statuses_work_per_byte, make);
}

#[test]
fn formatting_many_items() {
    let measure = |text: &str| {
        let (formatted, w) = work::measure(|| crate::syntax::format(text));
        assert!(formatted.is_ok(), "the text does not format");
        w as f64 / text.len().max(1) as f64
    };
    linear_in("fmt", 2_000, 8.0, measure, |n| {
        let mut s = HEAD.to_string();
        for i in 0..n {
            s.push_str(&format!(
                "service s{i} \"S {i}\" {{ domain: public_health provider: a }} # {i}\n"
            ));
        }
        s
    });
}

/// A chain of `n` services whose bottom one, `s0`, is blocked: a personal-data flow from the
/// municipality to a company with no data processing agreement (GDPR art. 28), and `s_i`
/// depends on `s_{i-1}`. Every service is blocked by the one barrier, at depth `i`.
fn blocked_chain(n: usize) -> String {
    let mut s = String::from(
        "model \"m\" { challenge: demography }
actor kommune \"K\" { type: municipality }
actor firma \"F\" { type: private_company }
actor eldre \"E\" { type: residents }
flow liste: kommune -> firma { resource: personal_data data: [name] legal_basis: public_task purpose: \"p\" }
service s0 { domain: public_health provider: firma recipients: eldre requires: [liste] }
",
    );
    for i in 1..n {
        s.push_str(&format!(
            "service s{i} {{ domain: public_health provider: kommune depends_on: s{} }}\n",
            i - 1
        ));
    }
    s
}

/// The work of the graph and its analyses on a text, per byte: building the graph, every
/// service's status with its first step, the root barriers, the unlock order and the graph's
/// JSON (which holds all of them). Each is counted in `limits::work`: the links and causes the
/// status computation reads, the steps of the paths it builds, the heap of the unlock order.
fn analyses_work_per_byte(text: &str) -> f64 {
    let rules = RuleSet::builtin().expect("the shipped packs load");
    let Ok(model) = resolve_source(SourceFile::new("big.lsm", text), &rules.vocab) else {
        panic!("the model does not resolve");
    };
    let eval = evaluate(&model, &rules, jiff::civil::date(2026, 11, 28));
    let (n, w) = work::measure(|| {
        let graph = BarrierGraph::build(&eval);
        let statuses = service_statuses(&graph);
        let blocked = statuses
            .iter()
            .filter(|s| s.status == Status::Blocked)
            .count();
        let roots = root_barriers(&graph);
        let steps = unlock_order(&graph);
        let json = to_json(&graph, Lang::En, None).to_string();
        assert_eq!(roots.len(), 1, "one blocking barrier");
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].newly_unblocked.len(), blocked);
        // Every `via` is one step; the statuses still say how: follow them. The graph's JSON
        // (about 950 bytes a service: its node, its opportunity, their edges) carries them;
        // whole paths would add half the chain's ids to each service.
        assert!(
            statuses.iter().all(|s| s.via.len() <= 2)
                && json.len() < 1_500 * statuses.len() + 20_000,
            "{} bytes",
            json.len()
        );
        blocked
    });
    let services = model.of_kind(crate::vocab::ItemKind::Service).len();
    assert_eq!(n, services, "every service of the chain is blocked");
    w as f64 / text.len().max(1) as f64
}

#[test]
fn analyses_along_a_long_blocked_chain() {
    // At 1 000 and 4 000, then 2 000 and 8 000: a step that walks the chain from every
    // service (n²/2) makes the larger four times the work per byte.
    linear_in(
        "blocked chain",
        1_000,
        2.0,
        analyses_work_per_byte,
        blocked_chain,
    );
    linear_in(
        "blocked chain",
        2_000,
        2.0,
        analyses_work_per_byte,
        blocked_chain,
    );
}

#[test]
fn the_blocked_chain_spells_out_the_whole_path_from_its_steps() {
    let rules = RuleSet::builtin().expect("the shipped packs load");
    let model = resolve_source(SourceFile::new("big.lsm", blocked_chain(50)), &rules.vocab)
        .expect("resolves");
    let eval = evaluate(&model, &rules, jiff::civil::date(2026, 11, 28));
    let statuses = service_statuses(&BarrierGraph::build(&eval));
    let id = |i: &crate::model::ItemId| model.item(*i).id.clone();
    let top = &statuses[49];
    assert_eq!(top.via.iter().map(id).collect::<Vec<_>>(), ["s49", "s48"]);
    let whole: Vec<String> = spelled_out(&statuses, 49, top.blocked_by[0])
        .iter()
        .map(id)
        .collect();
    assert_eq!(whole.len(), 51, "s49 down to s0, then the flow: {whole:?}");
    assert_eq!(whole.first().map(String::as_str), Some("s49"));
    assert_eq!(whole[49..], ["s0", "liste"]);
}

/// The work of laying out the SVG drawing of a text's graph, per byte: the dummies made, the
/// neighbours read by every ordering sweep and alignment round, the crossings counted and the
/// route points (`limits::work`). On a blocked chain the legal source of the opportunity found
/// on every service, and the municipality that provides them, each have an edge to every layer
/// of the chain: one dummy per edge and layer crossed made that `n²/2`; sharing one trunk per
/// node makes it linear.
fn drawing_work_per_byte(text: &str) -> f64 {
    let rules = RuleSet::builtin().expect("the shipped packs load");
    let Ok(model) = resolve_source(SourceFile::new("big.lsm", text), &rules.vocab) else {
        panic!("the model does not resolve");
    };
    let eval = evaluate(&model, &rules, jiff::civil::date(2026, 11, 28));
    let graph = BarrierGraph::build(&eval);
    let (svg, w) = work::measure(|| to_svg(&graph, Lang::En, None));
    // Every route is drawn once, so the drawing grows with the chain, not its square.
    // (About 28 bytes of SVG a byte of the model; 8.5 steps of work a byte.)
    assert!(svg.len() < 50 * text.len(), "{} bytes", svg.len());
    w as f64 / text.len().max(1) as f64
}

#[test]
fn drawing_a_long_blocked_chain() {
    // 1 000 against 4 000 services, and 2 000 against 8 000: linear, not n log n (the sorts of the ordering sweeps are
    // not counted; each is within one layer, a few nodes wide). Without the shared trunks
    // (one dummy per edge and layer crossed, about a million at 1 000) it fails at 1 000.
    linear_in(
        "drawn blocked chain",
        1_000,
        20.0,
        drawing_work_per_byte,
        blocked_chain,
    );
    linear_in(
        "drawn blocked chain",
        2_000,
        20.0,
        drawing_work_per_byte,
        blocked_chain,
    );
    // And when every service is also for the same recipients: the edges into them from every
    // layer of the chain share one trunk too.
    linear_in(
        "drawn blocked chain for one group",
        1_000,
        20.0,
        drawing_work_per_byte,
        |n| blocked_chain(n).replace("provider: kommune", "provider: kommune recipients: eldre"),
    );
}
