//! A generated model built directly into a resolved [`Model`], with the spans it has in its
//! `.lsm` text, so that the engine can be measured without the parser.

use super::write::ItemSpans;
use super::{GItem, GVal, Generated};
use rammelab::model::{Ends, FieldValue, Item, ItemId, Model, Quantity, SourceFile, Value};
use rammelab::vocab::{ItemKind, Period, ValueType, Vocabulary};

impl Generated {
    /// The resolved model, as the resolver would build it from [`Generated::to_lsm`]. Errs
    /// only when the vocabulary lacks a field, term or unit the generator uses.
    pub fn to_model(&self, vocab: &Vocabulary, path: &str) -> Result<Model, String> {
        let (text, header_spans, spans) = self.write_lsm();
        let header = self.item(vocab, &self.header, &header_spans)?;
        let items = self
            .items
            .iter()
            .zip(&spans)
            .map(|(it, sp)| self.item(vocab, it, sp))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Model::new(SourceFile::new(path, text), header, items))
    }

    fn item(&self, vocab: &Vocabulary, it: &GItem, sp: &ItemSpans) -> Result<Item, String> {
        let mut fields = Vec::with_capacity(it.fields.len());
        for ((name, v), span) in it.fields.iter().zip(&sp.fields) {
            let field = vocab
                .field_by_name(it.kind, name)
                .ok_or_else(|| format!("the vocabulary has no field `{name}` on {:?}", it.kind))?;
            let value = value(vocab, &vocab.field(field).value, v)
                .ok_or_else(|| format!("`{name}`: the vocabulary does not take {v:?}"))?;
            fields.push(FieldValue {
                field,
                value,
                span: *span,
            });
        }
        let ends = match (it.kind, it.ends) {
            (ItemKind::Flow, Some((a, b))) => Ends::Flow {
                from: ItemId(a),
                to: ItemId(b),
            },
            (ItemKind::Agreement, Some((a, b))) => Ends::Agreement {
                a: ItemId(a),
                b: ItemId(b),
            },
            _ => Ends::None,
        };
        Ok(Item {
            kind: it.kind,
            id: it.id.clone(),
            name: it.name.clone(),
            fields,
            ends,
            span: sp.span,
            id_span: sp.id_span,
        })
    }
}

fn value(vocab: &Vocabulary, ty: &ValueType, v: &GVal) -> Option<Value> {
    Some(match (ty, v) {
        (ValueType::Term(set), GVal::Term(t)) => Value::Term(vocab.term_by_name(*set, t)?),
        (ValueType::Terms(set), GVal::Terms(ts)) => Value::Terms(
            ts.iter()
                .map(|t| vocab.term_by_name(*set, t))
                .collect::<Option<_>>()?,
        ),
        (ValueType::Terms(set), GVal::Term(t)) => Value::Terms(vec![vocab.term_by_name(*set, t)?]),
        (ValueType::Ref(_), GVal::Ref(r)) => Value::Ref(ItemId(*r)),
        (ValueType::Refs(_), GVal::Refs(rs)) => {
            Value::Refs(rs.iter().map(|r| ItemId(*r)).collect())
        }
        (ValueType::Refs(_), GVal::Ref(r)) => Value::Refs(vec![ItemId(*r)]),
        (ValueType::String, GVal::Str(s)) => Value::Str(s.clone()),
        (ValueType::Integer, GVal::Int(i)) => Value::Integer(*i),
        (ValueType::Number, GVal::Int(i)) => Value::Number(*i as f64),
        (ValueType::Bool, GVal::Bool(b)) => Value::Bool(*b),
        (ValueType::Date, GVal::Date(d)) => Value::Date(d.parse().ok()?),
        (ValueType::Quantity { .. }, GVal::Qty { value, unit, per }) => Value::Quantity(Quantity {
            value: *value as f64,
            unit: vocab.unit_by_name(unit)?,
            per: match per {
                Some(p) => Some(Period::from_word(p)?),
                None => None,
            },
        }),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use crate::{generate, Spec};
    use rammelab::vocab::{ItemKind, Vocabulary};

    #[test]
    fn a_generated_model_builds_against_the_vocabulary() {
        let g = generate(Spec::new(30, 5));
        let m = g
            .to_model(Vocabulary::builtin(), "gen.lsm")
            .expect("builds");
        assert_eq!(m.of_kind(ItemKind::Flow).len(), 240);
        let first = m.item(m.of_kind(ItemKind::Flow)[0]);
        assert_eq!(first.id_span.text(&m.source.text), first.id);
    }

    #[test]
    fn the_resolver_reads_the_generated_text_as_the_built_model() {
        let vocab = Vocabulary::builtin();
        for seed in [1, 2] {
            let g = generate(Spec::new(40, seed));
            let built = g.to_model(vocab, "gen.lsm").expect("builds");
            let source = rammelab::model::SourceFile::new("gen.lsm", g.to_lsm());
            let resolved = rammelab::model::resolve_source(source, vocab).expect("resolves");
            assert_eq!(resolved.header, built.header);
            for (r, b) in resolved.items.iter().zip(&built.items) {
                assert_eq!(r, b, "item `{}`", b.id);
                assert_eq!(r.id_span.start, b.id_span.start, "id span of `{}`", b.id);
            }
            assert_eq!(resolved.items.len(), built.items.len());
        }
    }
}
