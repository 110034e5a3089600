# Skriving av filer (src/fsutil.rs). $path er filens sti, $reason det systemet sa.

fsutil-write-failed = kunne ikke skrive `{ $path }`: { $reason }; filen som lå der er uendret
fsutil-read-only = `{ $path }` er skrivebeskyttet og ble latt være; gjør filen skrivbar, eller bruk `--force` for å erstatte den likevel

# Hva en sti gitt som fil er i stedet (fylles inn i andre meldinger som `what`).
files-kind-folder = en mappe
files-kind-fifo = et navngitt rør (FIFO)
files-kind-device = en enhet
files-kind-socket = en socket
files-kind-other = ikke en vanlig fil
