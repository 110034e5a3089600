//! Writing a generated model: as `.lsm` text and as the JSON form a general policy engine reads.

use std::fmt::Write as _;

use super::{GItem, GVal, Generated, Kind};

impl Generated {
    /// The model as a `.lsm` file.
    pub fn to_lsm(&self) -> String {
        let mut out = String::with_capacity(self.items.len() * 120);
        let counts = |k: Kind| self.items.iter().filter(|i| i.kind == k).count();
        let _ = writeln!(
            out,
            "# A synthetic model for benchmarks: {} actors, {} services, {} flows, {} agreements.\n\
             # Written by `rammelab-gen model`; deterministic from its seed.",
            counts(Kind::Actor),
            counts(Kind::Service),
            counts(Kind::Flow),
            counts(Kind::Agreement),
        );
        self.write_item(&mut out, &self.header);
        for it in &self.items {
            out.push('\n');
            self.write_item(&mut out, it);
        }
        out
    }

    fn write_item(&self, out: &mut String, it: &GItem) {
        out.push_str(it.kind.keyword());
        if it.kind != Kind::Model {
            out.push(' ');
            out.push_str(&it.id);
        }
        if let Some(name) = &it.name {
            out.push(' ');
            quote(out, name);
        }
        if let Some((a, b)) = it.ends {
            let arrow = if it.kind == Kind::Flow { "->" } else { "<->" };
            let _ = write!(out, ": {} {arrow} {}", self.id_of(a), self.id_of(b));
        }
        out.push_str(" {\n");
        for (name, v) in &it.fields {
            out.push_str("  ");
            out.push_str(name);
            out.push_str(": ");
            self.write_value(out, v);
            out.push('\n');
        }
        out.push_str("}\n");
    }

    fn id_of(&self, i: u32) -> &str {
        &self.items[i as usize].id
    }

    fn write_value(&self, out: &mut String, v: &GVal) {
        match v {
            GVal::Term(t) => out.push_str(t),
            GVal::Terms(ts) => {
                out.push('[');
                out.push_str(&ts.join(", "));
                out.push(']');
            }
            GVal::Ref(r) => out.push_str(self.id_of(*r)),
            GVal::Refs(rs) => {
                out.push('[');
                for (i, r) in rs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(self.id_of(*r));
                }
                out.push(']');
            }
            GVal::Str(s) => quote(out, s),
            GVal::Int(i) => {
                let _ = write!(out, "{i}");
            }
            GVal::Bool(b) => out.push_str(if *b { "yes" } else { "no" }),
            GVal::Qty { value, unit, per } => {
                out.push_str(&grouped(*value));
                out.push(' ');
                out.push_str(unit);
                if let Some(p) = per {
                    out.push_str(" per ");
                    out.push_str(p);
                }
            }
            GVal::Date(d) => out.push_str(d),
        }
    }

    /// The model in JSON: `{"model": {...}, "actors": {id: {...}}, "services": {...},
    /// "flows": {...}, "agreements": {...}}`. Items are keyed by id so that a policy can join
    /// by id; references are ids; terms are the vocabulary's English ids; quantities are
    /// `{"value", "unit", "per"}` as written.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(self.items.len() * 160);
        out.push_str("{\n\"model\": ");
        self.json_item(&mut out, &self.header);
        for (kind, key) in [
            (Kind::Actor, "actors"),
            (Kind::Service, "services"),
            (Kind::Flow, "flows"),
            (Kind::Agreement, "agreements"),
        ] {
            let _ = write!(out, ",\n\"{key}\": {{");
            let mut first = true;
            for it in self.items.iter().filter(|i| i.kind == kind) {
                out.push_str(if first { "\n" } else { ",\n" });
                first = false;
                json_str(&mut out, &it.id);
                out.push_str(": ");
                self.json_item(&mut out, it);
            }
            out.push_str("\n}");
        }
        out.push_str("\n}\n");
        out
    }

    fn json_item(&self, out: &mut String, it: &GItem) {
        out.push('{');
        let mut first = true;
        let mut key = |out: &mut String, k: &str| {
            if !first {
                out.push_str(", ");
            }
            first = false;
            json_str(out, k);
            out.push_str(": ");
        };
        if it.kind != Kind::Model {
            key(out, "id");
            json_str(out, &it.id);
        }
        if let Some(n) = &it.name {
            key(out, "name");
            json_str(out, n);
        }
        match (it.kind, it.ends) {
            (Kind::Flow, Some((a, b))) => {
                key(out, "from");
                json_str(out, self.id_of(a));
                key(out, "to");
                json_str(out, self.id_of(b));
            }
            (Kind::Agreement, Some((a, b))) => {
                key(out, "parties");
                out.push('[');
                json_str(out, self.id_of(a));
                out.push_str(", ");
                json_str(out, self.id_of(b));
                out.push(']');
            }
            _ => {}
        }
        for (name, v) in &it.fields {
            key(out, name);
            self.json_value(out, v);
        }
        out.push('}');
    }

    fn json_value(&self, out: &mut String, v: &GVal) {
        let list = |out: &mut String, xs: &mut dyn Iterator<Item = &str>| {
            out.push('[');
            for (i, x) in xs.enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                json_str(out, x);
            }
            out.push(']');
        };
        match v {
            GVal::Term(t) => json_str(out, t),
            GVal::Terms(ts) => list(out, &mut ts.iter().copied()),
            GVal::Ref(r) => json_str(out, self.id_of(*r)),
            GVal::Refs(rs) => list(out, &mut rs.iter().map(|r| self.id_of(*r))),
            GVal::Str(s) => json_str(out, s),
            GVal::Int(i) => {
                let _ = write!(out, "{i}");
            }
            GVal::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            GVal::Qty { value, unit, per } => {
                let _ = write!(out, "{{\"value\": {value}, \"unit\": \"{unit}\"");
                if let Some(p) = per {
                    let _ = write!(out, ", \"per\": \"{p}\"");
                }
                out.push('}');
            }
            GVal::Date(d) => json_str(out, d),
        }
    }
}

fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `1200000` as `1_200_000`.
fn grouped(v: i64) -> String {
    let digits = v.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('_');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::{generate, Spec};

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(grouped(1_200_000), "1_200_000");
        assert_eq!(grouped(400), "400");
        assert_eq!(grouped(1000), "1_000");
    }

    #[test]
    fn the_json_form_is_valid_json_with_every_item() {
        let g = generate(Spec::new(20, 3));
        let v: serde_json::Value = serde_json::from_str(&g.to_json()).expect("valid JSON");
        assert_eq!(v["actors"].as_object().map(|o| o.len()), Some(20));
        assert_eq!(v["flows"].as_object().map(|o| o.len()), Some(160));
    }
}
