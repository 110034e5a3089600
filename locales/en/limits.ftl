# Inputs over a limit (src/limits.rs). Each limit has a message, the label on the place and a
# help. $found and $max are counts (or sizes such as `64 MiB`), $at_least is yes when reading
# stopped at the limit (so $found is a lower bound), $option is the option that raises it and
# $suggest the value to suggest for it.

limits-file-size-message = the file is { $at_least ->
        [yes] at least { $found }
       *[no] { $found }
    }, larger than the limit of { $max }
limits-file-size-label = the file starts here
limits-file-size-help = split the model into smaller files, or raise the limit with `{ $option } { $suggest }` if the file really is this large
limits-items-message = the file has { $at_least ->
        [yes] at least { $found }
       *[no] { $found }
    } items, more than the limit of { $max }
limits-items-label = this item is over the limit
limits-items-help = split the model into smaller files, or raise the limit with `{ $option } { $suggest }`
limits-list-length-message = the list has { $found } values, more than the limit of { $max }
limits-list-length-label = this list
limits-list-length-help = raise the limit with `{ $option } { $suggest }` if the list really is this long
limits-depth-message = this is nested { $at_least ->
        [yes] at least { $found }
       *[no] { $found }
    } levels deep, deeper than the limit of { $max }
limits-depth-label = nested too deep
limits-depth-help = brackets, and variants that extend variants, each count a level: nest less, or raise the limit with `{ $option } { $suggest }`

# A size under 1 KiB.
limits-bytes = { $count } bytes
