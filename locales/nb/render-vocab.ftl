# The words of the vocabulary tables (`rammelab vocab`, the language guide).

vocab-fields = Felt
vocab-terms = Begreper
vocab-units = Enheter
# Table heads (Markdown); keep the number of columns.
vocab-field-head = | Felt | Engelsk | Verdi | Påkrevd | Beskrivelse |
vocab-term-head = | Begrep | Engelsk | Navn | Beskrivelse |
vocab-unit-head = | Enhet | Engelsk | Måler | Navn |
# In the column «Påkrevd».
vocab-required = ja
vocab-periods = Perioder: `per år` (`per year`), `per måned` (`per month`).

## What a field's value is. $set: a term set's name; $kinds: item kinds joined by «eller»;
## $dimensions: what a quantity may measure; $field: the field that gives the unit.

vocab-type-term = et begrep: { $set }
vocab-type-terms = begreper, en liste: { $set }
vocab-type-ref = id-en til et element: { $kinds }
vocab-type-refs = id-er, en liste: { $kinds }
vocab-type-text = tekst
vocab-type-number = et tall
vocab-type-integer = et heltall
vocab-type-percent = en prosentsats
vocab-type-date = en dato
vocab-type-bool = `ja` eller `nei`
vocab-type-quantity = en mengde: { $dimensions }
vocab-type-quantity-unit-from = en mengde: { $dimensions } (enheten følger `{ $field }`)
