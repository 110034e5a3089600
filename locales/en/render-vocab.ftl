# The words of the vocabulary tables (`rammelab vocab`, the language guide).

vocab-fields = Fields
vocab-terms = Terms
vocab-units = Units
# Table heads (Markdown); keep the number of columns.
vocab-field-head = | Field | Norwegian | Value | Required | Description |
vocab-term-head = | Term | Norwegian | Label | Description |
vocab-unit-head = | Unit | Norwegian | Measures | Label |
# In the column «Required».
vocab-required = yes
vocab-periods = Periods: `per year` (`per år`), `per month` (`per måned`).

## What a field's value is. $set: a term set's name; $kinds: item kinds joined by «or»;
## $dimensions: what a quantity may measure; $field: the field that gives the unit.

vocab-type-term = a term: { $set }
vocab-type-terms = terms, a list: { $set }
vocab-type-ref = the id of an item: { $kinds }
vocab-type-refs = ids, a list: { $kinds }
vocab-type-text = text
vocab-type-number = a number
vocab-type-integer = a whole number
vocab-type-percent = a percentage
vocab-type-date = a date
vocab-type-bool = `yes` or `no`
vocab-type-quantity = a quantity: { $dimensions }
vocab-type-quantity-unit-from = a quantity: { $dimensions } (the unit follows `{ $field }`)
