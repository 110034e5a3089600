//! A compact text of a resolved model, in English ids whatever words the file used: for
//! snapshots, debugging and comparing models by eye.

use std::fmt::Write as _;

use crate::model::{Ends, Item, Model, Value};
use crate::vocab::{Period, Vocabulary, Words};

impl Model {
    /// One line per item and per field: `actor posten "Posten Norge AS"`, `  type = ...`.
    pub fn outline(&self, vocab: &Vocabulary) -> String {
        let mut out = String::new();
        self.outline_item(&mut out, &self.header, vocab);
        for item in &self.items {
            self.outline_item(&mut out, item, vocab);
        }
        out
    }

    fn outline_item(&self, out: &mut String, item: &Item, vocab: &Vocabulary) {
        out.push_str(item.kind.keyword());
        if !item.id.is_empty() {
            let _ = write!(out, " {}", item.id);
        }
        if let Some(name) = &item.name {
            let _ = write!(out, " {name:?}");
        }
        match item.ends {
            Ends::Flow { from, to } => {
                let _ = write!(out, ": {} -> {}", self.item(from).id, self.item(to).id);
            }
            Ends::Agreement { a, b } => {
                let _ = write!(out, ": {} <-> {}", self.item(a).id, self.item(b).id);
            }
            Ends::None => {}
        }
        out.push('\n');
        for fv in &item.fields {
            let name = &vocab.field(fv.field).id;
            let _ = writeln!(out, "  {name} = {}", self.show(&fv.value, vocab));
        }
    }

    fn show(&self, value: &Value, vocab: &Vocabulary) -> String {
        let list = |items: Vec<String>| format!("[{}]", items.join(", "));
        match value {
            Value::Term(t) => vocab.term(*t).id.clone(),
            Value::Terms(ts) => list(ts.iter().map(|t| vocab.term(*t).id.clone()).collect()),
            Value::Ref(r) => self.item(*r).id.clone(),
            Value::Refs(rs) => list(rs.iter().map(|r| self.item(*r).id.clone()).collect()),
            Value::Str(s) => format!("{s:?}"),
            Value::Number(n) => n.to_string(),
            Value::Integer(i) => i.to_string(),
            Value::Percent(p) => format!("{p} %"),
            Value::Date(d) => d.to_string(),
            Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
            Value::Quantity(q) => {
                let unit = &vocab.unit(q.unit).id;
                match q.per {
                    Some(p) => format!("{} {unit} per {}", q.value, period(p)),
                    None => format!("{} {unit}", q.value),
                }
            }
        }
    }
}

fn period(p: Period) -> &'static str {
    p.word(Words::English)
}
