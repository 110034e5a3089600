# The words of fixes: `check --fix`, `check --diff` and the editor's quick fixes (src/fix).

# The title of a quick fix in the editor.
fix-title = Change `{ $old }` to `{ $new }`

# One line on standard error for each change `check --fix` made; `code` is the error's code.
fix-line-fixed = { $path }:{ $line }:{ $column }: fixed `{ $old }` → `{ $new }` [{ $code }]
# The same for `check --diff`, which writes nothing.
fix-line-would = { $path }:{ $line }:{ $column }: would fix `{ $old }` → `{ $new }` [{ $code }]

# The closing line of `check --fix` / `--diff`; `count` errors in `files` files.
fix-summary-nothing = nothing to fix automatically
fix-summary-fixed = fixed { $count } { $count ->
        [one] error
       *[other] errors
    } in { $files } { $files ->
        [one] file
       *[other] files
    }
fix-summary-would = { $count } { $count ->
        [one] error
       *[other] errors
    } in { $files } { $files ->
        [one] file
       *[other] files
    } can be fixed; nothing was written (without `--diff` the fixes are written)
