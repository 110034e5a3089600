# The command line's own messages (src/cli).

# The headline under the errors of a configuration file.
cli-config-errors = rammelab: { $count } { $count ->
        [one] error
       *[other] errors
    } in `{ $file }`
