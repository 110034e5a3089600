# Ord fra vokabularet (src/vocab).

# Hva en mengde måler, i meldinger og i språktjenerens hover.
vocab-dimension-money = penger
vocab-dimension-hours = timer
vocab-dimension-persons = personer
vocab-dimension-duration = en varighet
