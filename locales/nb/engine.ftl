# Ordene regelmotoren skriver verdier med, i forklaringene av funn (src/engine).

# En ja/nei-verdi.
engine-value-yes = ja
engine-value-no = nei
# Enhetene til mengder (penger er alltid NOK).
engine-unit-hours = timer
engine-unit-persons = personer
engine-unit-years = år
# Etter en rate: `120 timer per år`.
engine-unit-per-year = per år
