# The language server's own words (src/lsp): hover framing and code-action titles.

lsp-field = Field
lsp-term = Term
lsp-unit = Unit
lsp-required = required
lsp-optional = optional
lsp-accepts = Accepts
lsp-source = Source
lsp-remedy = Remedy
lsp-mitigates = Mitigates
lsp-mitigated-by = Mitigated by
lsp-barrier = Barrier
lsp-opportunity = Opportunity
# Where an item is declared, in a hover on its id.
lsp-defined-at = defined in { $file }, line { $line }
# Added to a diagnostic that belongs to a variant's base model.
lsp-in-base = in the base model { $file }
lsp-add-field = Add the missing field `{ $field }`
lsp-add-agreement = Add an agreement (`{ $kind }`) between `{ $a }` and `{ $b }`
lsp-rules-not-loaded = rammelab: the rule packs in the settings could not be read; the built-in ones are used
lsp-settings-unused = rammelab: settings that were not used

# A setting from the editor that the language server does not have.
lsp-setting-unknown = unknown setting `{ $key }`
# A setting with a value it cannot use; `value` is the value as JSON.
lsp-setting-bad-value = setting `{ $key }`: cannot use { $value }

# A word the language server fills in where it has nothing better (a new field's value); it must read as an id.
lsp-placeholder = TODO
