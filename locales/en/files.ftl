# Writing files (src/fsutil.rs). $path is the file's path, $reason what the system said.

fsutil-write-failed = could not write `{ $path }`: { $reason }; the file that was there is unchanged
fsutil-read-only = `{ $path }` is read-only and was left as it is; make it writable, or give `--force` to replace it anyway

# What a path given as a file is instead (filled into other messages as `what`).
files-kind-folder = a folder
files-kind-fifo = a named pipe (FIFO)
files-kind-device = a device
files-kind-socket = a socket
files-kind-other = not a regular file
