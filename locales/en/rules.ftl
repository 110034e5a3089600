# Errors in rule packs, overlays and the vocabulary file (src/rules, src/messages/rules.rs).

rules-error-yaml = the file is not valid YAML: { $reason }
rules-error-duplicate-id = the rule id `{ $id }` is used more than once
# $what is pack, set or parameter.
rules-error-duplicate = the { $what ->
        [pack] pack
        [set] set
        [parameter] parameter
       *[other] { $what }
    } `{ $name }` is defined more than once
rules-error-unknown-rule = `{ $name }` in `{ $key }` is neither a rule id nor `act:...`/`tag:...` of any loaded pack
rules-error-io = the rule files could not be read: { $reason }
# `--overlay builtin:NAME` with a NAME that is not built in; $names lists those that are.
rules-error-no-builtin-proposal = the rule files could not be read: `{ $given }`: no built-in proposal `{ $name }`; the built-in proposals are: { $names }
rules-error-unknown-parameter = no rule pack defines the parameter `{ $parameter }`
rules-error-amend-type = the new value `{ $value }` of `{ $parameter }` is { $found }, but the parameter is { $expected }
rules-error-trial-cannot-exempt = a trial under forsøksloven cannot set aside { $rules }
rules-error-trial-too-long = a trial under forsøksloven lasts at most 4 years plus 2 years of extension; this one runs from { $from } to { $to }
rules-error-trial-without-participants = the trial names no municipality or model it is approved for
rules-error-bad-period = the exemption ends ({ $to }) before it starts ({ $from })
rules-error-exempt-opportunity = `{ $id }` is an opportunity; an exemption sets aside barriers
rules-error-duplicate-overlay = the overlay `{ $id }` is given more than once
rules-error-not-utf8 = the file is not UTF-8: byte { $byte } (counted from 0) starts no UTF-8 character
rules-help-not-utf8 = save the file as UTF-8 (most editors offer it under "Save as" or "Encoding")
rules-label-not-utf8 = not UTF-8
# The line under the errors.
rules-errors-summary = rammelab: { $count } { $count ->
        [one] error
       *[other] errors
    } in the rule packs

# Errors in a rule's condition (`when:`). `set` is the id of a term set. (The errors whose
# values are descriptions written in English, "expected a number, found a term", are not here
# yet: they are shown in English until those descriptions come from this catalogue too.)
rules-condition-unknown-variable = `{ $name }` is not a variable in this condition
rules-condition-unknown-term = `{ $term }` is not a term of { $set }
rules-condition-unknown-kind = `{ $kind }` is not a kind of item
rules-condition-unknown-unit = `{ $unit }` is not a unit
rules-condition-unknown-period = `{ $period }` is not a period
rules-condition-unknown-parameter = no rule pack defines the parameter `{ $name }`
rules-condition-unknown-set = no rule pack defines the set `{ $name }`
rules-condition-bad-date = `{ $text }` is not a valid date
rules-condition-bare-word = `{ $word }` is neither a variable nor a term that the other side makes sense of
rules-condition-too-deep = the condition nests { $depth } levels deep here, deeper than the limit of { $max }

# A key in a rule pack or overlay that its schema does not know.
rules-error-unknown-key = unknown field `{ $key }`
# The same below the top of the file; `path` says where (`rules[0]`).
rules-error-unknown-key-at = { $path }: unknown field `{ $key }`
# The keys there are, each in backticks.
rules-help-unknown-key = expected one of { $expected }

# A rule file larger than the limit for YAML files; `size` and `max` are sizes (`16 MiB`).
rules-error-too-large = the file is { $size }, larger than the limit of { $max } for YAML files
# A rule file whose aliases (`*name`) expand it past the limit.
rules-error-expands = the file expands to more than { $max } through aliases (`*name`)
# The help of both.
rules-help-limit = a rule file may be at most { $max } and may not expand past that through aliases (a fixed limit); split the pack into several files

# Errors in a vocabulary file (`vocabulary.yaml` in a `--rules` folder).
rules-vocab-yaml = the vocabulary is not valid YAML: { $reason }
rules-vocab-duplicate = `{ $name }` is defined twice in the vocabulary
rules-vocab-unknown-set = field `{ $field }` names the term set `{ $set }`, which the vocabulary does not define
rules-vocab-unknown-unit-field = field `{ $field }` takes its unit from `{ $from }`, which is not a term field of the same kind

# A condition that does not parse; `expected` lists what could stand there (the texts below, comma-separated).
rules-condition-syntax = expected { $expected }
# What a condition's parser expected, in words a rule author understands.
rules-cond-expected-end = the end of the condition
rules-cond-expected-expression = an expression
rules-cond-expected-comparison = a comparison (`==`, `!=`, `<`, `>`, ...)
rules-cond-expected-in = `in`
rules-cond-expected-and = `and`
rules-cond-expected-or = `or`
rules-cond-expected-contains = `contains`
rules-cond-expected-intersects = `intersects`
rules-cond-expected-arithmetic = an arithmetic operator
rules-cond-expected-path = a path such as `flow.resource`
rules-cond-expected-a-path = a path
rules-cond-expected-number = a number
rules-cond-expected-string = a string
rules-cond-expected-date = a date
rules-cond-expected-list = a list `[...]`
rules-cond-expected-binding = a binding such as `agreement a` or `f in service.requires`
rules-cond-expected-unit = a unit
rules-cond-expected-period = a period (`year`, `month`)
rules-cond-expected-well-formed = a well-formed condition
rules-cond-expected-a-binding = a binding
rules-cond-expected-quantifier = a quantifier `any(kind v: condition)`
rules-cond-expected-count = `count(kind v: condition)` or `count(path)`
# In a message template: a `}` with no `{` before it.
rules-cond-expected-open-brace = `{"{"}` before `{"}"}` (write `{"}}"}` for a literal brace)
# In a message template: a `{` that is never closed.
rules-cond-expected-close-brace = a closing `{"}"}`

## Helps under errors in a condition (src/rules/condition).

# An unknown variable with none close; `variables` is the list of those in scope, in backticks.
rules-cond-help-variables = the variables here are { $variables }
# An unknown term or field with none close: what `what` (a term set or an item kind) takes; `names` is a comma-separated list.
rules-cond-help-takes = { $what } takes: { $names }
# A bare word close to a variable's name.
rules-cond-help-variable = did you mean the variable `{ $name }`?
# A field asked of a list of items.
rules-cond-help-list = this is a list; look inside it with `any(x in ...: x.{ $name } ...)`
# A list compared with a term.
rules-cond-help-contains = to ask whether a list holds a term, write `LIST contains TERM`
# A number compared with a quantity.
rules-cond-help-unit = give the number a unit, for example `1_300_000 NOK`
# `<` or `>` on values that have no order.
rules-cond-help-ordered = only numbers, quantities and dates can be ordered
# A condition nested too deep; `max` is the limit.
rules-cond-help-too-deep = brackets, `not`s and chained arithmetic (`a + b + c`) each count as a level; a condition may nest at most { $max } levels (a fixed limit): name a set, or split the rule
