# Words shared by the diagnostics of every input (models, rule packs, rammelab.toml).

# The label on the place of an error that has no better one.
diag-label-here = here
# Joins the last two of a list: `a`, `b` or `c`.
diag-or = or
diag-and = and
# The help when a close word exists.
diag-did-you-mean = did you mean `{ $suggestion }`?
# The headline over all errors of one file.
diag-summary = `{ $path }` has { $count } { $count ->
        [one] error
       *[other] errors
    }

## Labels on a second place in the file

diag-note-next-item = the next item starts here
diag-note-first-defined = first defined here
diag-note-first-model = the first `model` block
diag-note-first-set = first set here
diag-note-depends-on = `{ $from }` depends on `{ $to }`
diag-note-resource-is = the resource is `{ $term }`
