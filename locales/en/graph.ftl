# The words of the dependency graph's analysis (src/graph).

# What a service's status is, in tables, graphs and reports.
graph-status-ok = ok
graph-status-at-risk = at risk
graph-status-blocked = blocked

# `graph --focus ID` with an id that nothing in the graph has.
graph-unknown-focus = `{ $id }` is not an item, rule or legal source of the model
# The help under it when no id is close.
graph-unknown-focus-help = give the id of an item in the model, or of a rule that fired
