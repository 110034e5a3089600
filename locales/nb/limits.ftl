# Inndata over en grense (src/limits.rs). Hver grense har en melding, etiketten på stedet og en
# hjelp. $found og $max er antall (eller størrelser som `64 MiB`), $at_least er yes når lesingen
# stoppet ved grensen (så $found er en nedre grense), $option er valget som hever den og
# $suggest verdien som foreslås for det.

limits-file-size-message = filen er { $at_least ->
        [yes] minst { $found }
       *[no] { $found }
    }, større enn grensen på { $max }
limits-file-size-label = filen starter her
limits-file-size-help = del modellen i mindre filer, eller hev grensen med `{ $option } { $suggest }` hvis filen virkelig er så stor
limits-items-message = filen har { $at_least ->
        [yes] minst { $found }
       *[no] { $found }
    } elementer, flere enn grensen på { $max }
limits-items-label = dette elementet er over grensen
limits-items-help = del modellen i mindre filer, eller hev grensen med `{ $option } { $suggest }`
limits-list-length-message = listen har { $found } verdier, flere enn grensen på { $max }
limits-list-length-label = denne listen
limits-list-length-help = hev grensen med `{ $option } { $suggest }` hvis listen virkelig er så lang
limits-depth-message = dette er nestet { $at_least ->
        [yes] minst { $found }
       *[no] { $found }
    } nivåer dypt, dypere enn grensen på { $max }
limits-depth-label = nestet for dypt
limits-depth-help = klammer, og varianter som utvider varianter, teller et nivå hver: nest mindre, eller hev grensen med `{ $option } { $suggest }`

# En størrelse under 1 KiB.
limits-bytes = { $count } byte
