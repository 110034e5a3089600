//! No input takes more than linear time: pathological model files are read at two sizes, and
//! the work counted by the parser, the resolver and the cycle check (see
//! `rammelab::limits::work`) must grow in step with the input, not with its square. Counting
//! steps instead of timing them keeps these tests exact on a busy CI machine.

use rammelab::limits::work;
use rammelab::model::{resolve_source, Model, ModelErrors, SourceFile};
use rammelab::vocab::Vocabulary;

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
    let small = work_per_byte(&make(n));
    let large = work_per_byte(&make(4 * n));
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
