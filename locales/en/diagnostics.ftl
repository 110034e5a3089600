# Words shared by the diagnostics of every input (models, rule packs, rammelab.toml).

# The label on the place of an error that has no better one.
diag-label-here = here
# Joins the last two of a list: `a`, `b` or `c`.
diag-or = or
diag-and = and
