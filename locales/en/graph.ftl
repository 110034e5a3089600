# The words of the dependency graph's analysis (src/graph).

# What a service's status is, in tables, graphs and reports.
graph-status-ok = ok
graph-status-at-risk = at risk
graph-status-blocked = blocked
