# Ordene til rettelser: `check --fix`, `check --diff` og redigeringsprogrammets hurtigrettelser (src/fix).

# Tittelen på en hurtigrettelse i redigeringsprogrammet.
fix-title = Endre `{ $old }` til `{ $new }`

# Én linje på standard feil for hver endring `check --fix` gjorde; `code` er feilens kode.
fix-line-fixed = { $path }:{ $line }:{ $column }: rettet `{ $old }` → `{ $new }` [{ $code }]
# Det samme for `check --diff`, som ikke skriver noe.
fix-line-would = { $path }:{ $line }:{ $column }: kan rette `{ $old }` → `{ $new }` [{ $code }]

# Sluttlinjen til `check --fix` / `--diff`; `count` feil i `files` filer.
fix-summary-nothing = ingenting å rette automatisk
fix-summary-fixed = rettet { $count } feil i { $files } { $files ->
        [one] fil
       *[other] filer
    }
fix-summary-would = { $count } feil i { $files } { $files ->
        [one] fil
       *[other] filer
    } kan rettes; ingenting er skrevet (uten `--diff` skrives rettelsene)
