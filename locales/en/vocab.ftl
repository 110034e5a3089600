# Words of the vocabulary (src/vocab).

# What a quantity measures, in messages and the language server's hover.
vocab-dimension-money = money
vocab-dimension-hours = hours
vocab-dimension-persons = persons
vocab-dimension-duration = a duration
