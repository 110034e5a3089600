# The words the rule engine writes values with, in explanations of findings (src/engine).

# A yes/no value.
engine-value-yes = yes
engine-value-no = no
# The units of quantities (money is always NOK).
engine-unit-hours = hours
engine-unit-persons = persons
engine-unit-years = years
# After a rate: `120 hours per year`.
engine-unit-per-year = per year
