# Errors in variants (`extends`, `remove`, `change`; src/messages/variant.rs).

variant-project = the project is the nearest folder above the model with `rammelab.toml` or `.git` (without one, the folder given on the command line)
variant-absolute = `{ $path }` is an absolute path: a model may only extend model files inside its own project, named relative to its folder
variant-absolute-label = absolute path
variant-absolute-help = write the path relative to this file's folder, for example `"../../paa-doerterskelen.lsm"`; { variant-project }
variant-outside-project = `{ $path }` leads out of the project: a model may only extend model files inside its own project
variant-outside-project-label = outside the project
variant-outside-project-help = copy the base model into the project; { variant-project }; symbolic links are followed before this is checked
variant-not-a-file = `{ $path }` is { $what }: a model may only extend regular model files (`*.lsm`)
variant-not-a-file-label = not a regular file
variant-not-a-file-help = name the base model's file itself
variant-link-not-model = `{ $path }` leads through a symbolic link to a file that is not a model file: a model may only extend files ending in `.lsm`
variant-not-lsm-label = not a `*.lsm` file
variant-link-not-model-help = name the base model's file itself, not a link to another kind of file
variant-base-missing = the base model `{ $path }` cannot be read
variant-unknown-base-label = unknown base model
variant-extends-not-first = `extends` must come first in a variant
variant-extends-not-first-label = not the first line
variant-extends-not-first-help = move `extends "..."` to the top of the file, above every item, `remove` and `change`
variant-extends-twice = a variant extends one model, but this file has a second `extends`
variant-extends-twice-label = second `extends`
variant-extends-twice-help = to combine two changes, let one variant extend the other
variant-without-extends = `{ $keyword }` belongs in a variant, but this file does not extend a model
variant-without-extends-label = no `extends` above
variant-without-extends-help = start the file with `extends "base.lsm"` to make it a variant of that model
variant-unknown-base = the base model `{ $path }` cannot be read: { $reason }
variant-unknown-base-help = the path is relative to this file's folder, for example `"../../paa-doerterskelen.lsm"`
variant-base-not-model = `{ $path }` is not a model file
variant-base-not-model-help = a variant extends a model file ending in `.lsm`
variant-outside-tree = `{ $path }` lies outside the folder tree of this variant: a variant must be in the base model's folder or below it
variant-outside-tree-label = outside the tree
variant-outside-tree-help = put the variant in a folder below the base model, such as `variants/<model>/`
variant-extends-cycle = models extend each other in a circle: { $cycle }
variant-extends-cycle-label = leads back here
variant-extends-cycle-help = a variant cannot extend itself, not even through others: remove one of these `extends`
variant-invalid-base = the base model `{ $path }` has { $count } { $count ->
        [one] error
       *[other] errors
    }
variant-invalid-base-label = the base does not resolve
variant-invalid-base-help = fix the base model first; its errors are listed after this one
variant-remove-missing = the base model has no item `{ $id }` to remove
variant-not-in-base-label = not in the base
variant-change-missing = the base model has no item `{ $id }` to change
variant-change-missing-help = to add a new item, write it out in full instead of `change`
# $count is how many $by names.
variant-still-referenced = `{ $id }` cannot be removed: { $by } still { $count ->
        [one] names
       *[other] name
    } it
variant-still-referenced-label = still in use
variant-still-referenced-help = remove those too, or `change` them so they no longer name it
variant-already-in-base = the base model already has an item `{ $id }`
variant-already-in-base-label = already in the base
variant-already-in-base-help = to change it, write `change { $id } {"{"} ... {"}"}` with the fields to replace; to replace it whole, `remove { $id }` first
variant-twice = `{ $id }` is removed or changed more than once
variant-twice-label = again
variant-twice-help = put every change of an item in one `change` block, and do not change an item you remove
