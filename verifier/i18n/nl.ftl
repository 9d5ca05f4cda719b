# De woorden van license-verifier in het Nederlands, met de woorden van de helppagina
# (Licenties, Systeemlicenties, Gebruikerslicenties, aanmeldrechten, webclient). Elk
# bericht hier heeft zijn tweeling in en.ftl.

## Redenen: waarom een beslissing nee zegt, of wat nog geldt als ze ja zegt.

reason-no-license = er is geen licentie actief
reason-wrong-installation = licentie { $license_id } is voor installatie { $found }, niet voor deze installatie { $expected }: stuur de activeringsaanvraag van deze installatie naar de leverancier
reason-license-expired = licentie { $license_id } is verlopen op { $since }
reason-license-not-yet-valid = licentie { $license_id } is nog niet geldig, vanaf { $from }
reason-license-revoked = licentie { $license_id } is op { $revoked_day } door de leverancier ingetrokken{ $by ->
    [key] {" "}(de sleutel { $kid } is ingetrokken)
   *[other] {""}
}{ $reason ->
    [none] {""}
   *[other] , reden: { $reason }
}
reason-system-license-missing = systeemlicentie { $license_code } ontbreekt
reason-system-license-expired = systeemlicentie { $license_code } is verlopen op { $since }
reason-system-license-not-yet-valid = systeemlicentie { $license_code } is nog niet geldig, vanaf { $from }
reason-user-required = { $capability } wordt per gebruiker gevraagd: noem de gebruiker
reason-unknown-user = gebruiker { $user } bestaat niet in deze installatie
reason-no-login-rights = gebruiker { $user } heeft geen aanmeldrechten
reason-no-seat = gebruiker { $user } heeft geen licentie van { $plans }
reason-plan-not-licensed = { $plan } is niet in de licentie opgenomen
reason-plan-not-licensed-held = { $plan }: gebruiker { $user } heeft een licentie van dit gebruikersplan, maar het plan is niet in de licentie opgenomen
reason-plan-expired = { $plan }: het gebruikersplan is verlopen op { $since }
reason-plan-not-yet-valid = { $plan }: het gebruikersplan is nog niet geldig, vanaf { $from }
reason-beyond-licensed-seats = { $plan }: { $user } is houder { $rank } van { $seats ->
    [one] { $seats } licentie
   *[other] { $seats } licenties
}
reason-no-free-seat = { $plan }: { $used } van { $seats ->
    [one] { $seats } licentie
   *[other] { $seats } licenties
} in gebruik, geen vrij
reason-license-in-grace = licentie { $license_id } is afgelopen en in respijtperiode tot en met { $until } (nog { $days_left ->
    [one] { $days_left } dag
   *[other] { $days_left } dagen
}): vraag de leverancier om verlenging
reason-grant-in-grace = { $license_code } is afgelopen en in respijtperiode tot en met { $until } (nog { $days_left ->
    [one] { $days_left } dag
   *[other] { $days_left } dagen
}): vraag de leverancier om verlenging

## Het scherm Licenties.

list-head = Licenties van { $customer } ({ $customer_id })
list-head-license = licentie { $license_id } volgnummer { $serial }, uitgegeven door { $issuer }
list-head-state = { $state }, geldig tot en met { $last_day }
list-none = Licenties: er is geen licentie actief
list-system = Systeemlicenties
list-plans = Gebruikerslicenties (abonnementen)
list-legacy = Site- en gebruikerslicenties (Windows - verouderd)
list-row-last-day = , geldig tot en met { $last_day }
list-row-seats = , { $used } van { $total ->
    [one] { $total } licentie
   *[other] { $total } licenties
} in gebruik

## Beslissingen.

decision-yes = ja
decision-no = nee
decision-warning = waarschuwing:

## Waarschuwingen van de opstartcontrole.

warning-kind-plan = gebruikersplan
warning-kind-system = systeemlicentie
warning-clock-behind = de systeemklok ({ $clock }) loopt { $hours } uur achter op de laatste tijd die deze opslag heeft gezien ({ $mark }): beslissingen gebruiken de latere tijd; is de klok onjuist, corrigeer die dan; is de klok juist en stond die ooit vooruit, vraag de leverancier dan om klokherstel: schrijf een aanvraag met `license-verifier request --clock-reset --out BESTAND` en importeer het bestand dat de leverancier stuurt
warning-license-ends-soon = licentie { $license_id } eindigt over { $days_left ->
    [one] { $days_left } dag
   *[other] { $days_left } dagen
} (daarna { $grace_days ->
    [one] { $grace_days } dag
   *[other] { $grace_days } dagen
} respijt); vraag de leverancier om verlenging
warning-license-in-grace = licentie { $license_id } is afgelopen en in respijtperiode: ze werkt tot { $until } (nog { $days_left ->
    [one] { $days_left } dag
   *[other] { $days_left } dagen
}); vraag de leverancier om verlenging
warning-license-expired = licentie { $license_id } is verlopen op { $since }; vraag de leverancier om verlenging
warning-license-not-yet-valid = licentie { $license_id } is nog niet geldig, vanaf { $from }
warning-license-revoked = licentie { $license_id } is op { $revoked_day } door de leverancier ingetrokken{ $by ->
    [key] {" "}(de sleutel { $kid } is ingetrokken)
   *[other] {""}
}{ $reason ->
    [none] {""}
   *[other] , reden: { $reason }
}; die werkt niet meer: vraag de leverancier om een nieuw licentiebestand
warning-system-license-expired = systeemlicentie { $license_code } is verlopen op { $since }
warning-grant-in-grace = { $kind } { $license_code } is afgelopen en in respijtperiode: geldig tot en met { $stops } (nog { $days_left ->
    [one] { $days_left } dag
   *[other] { $days_left } dagen
}); vraag de leverancier om verlenging
warning-grant-ends-soon = { $kind } { $license_code } eindigt binnenkort: met respijt geldig tot en met { $stops } (nog { $days_left ->
    [one] { $days_left } dag
   *[other] { $days_left } dagen
}); vraag de leverancier om verlenging
warning-users-lose-access = { $plan }: { $total ->
    [one] { $total } gebruiker verliest
   *[other] { $total } gebruikers verliezen
} de toegang na { $stops }: { $users }{ $more ->
    [0] {""}
   *[other] {" "}en nog { $more }
}
warning-plan-overfull = { $plan }: { $holders ->
    [one] { $holders } houder
   *[other] { $holders } houders
} van { $seats ->
    [one] { $seats } licentie
   *[other] { $seats } licenties
}; houders na de eerste { $seats } krijgen geen toegang tot er licenties vrijkomen of bijkomen

## Toestanden en de opstartcontrole.

state-unlicensed = zonder licentie: er is geen licentie actief
state-active = actief
state-grace = in respijtperiode tot en met { $until } (nog { $days_left ->
    [one] { $days_left } dag
   *[other] { $days_left } dagen
})
state-expired = verlopen sinds { $since }
state-not-yet-valid = nog niet geldig (vanaf { $from })
state-revoked = ingetrokken op { $at }
status-state = status: { $state }
status-license = licentie: { $license_id } (volgnummer { $serial })
status-customer = klant: { $name } ({ $id })
status-left = {" "}(nog { $days ->
    [one] { $days } dag
   *[other] { $days } dagen
})
status-left-in-grace = {" "}(afgelopen; nog { $days ->
    [one] { $days } dag
   *[other] { $days } dagen
} respijt)
status-valid-until = geldig tot en met: { $last_day }{ $left }
status-installation = installatie: { $id }
status-warning = waarschuwing: { $text }
state-not-licensed = niet in de licentie
term-perpetual = onbeperkt
days = { $days ->
    [one] { $days } dag
   *[other] { $days } dagen
}

## verify en show: één licentiebestand.

verify-valid = geldig: licentie { $license_id } volgnummer { $serial } voor { $customer } ({ $customer_id })
verify-not-valid = niet geldig: licentie { $license_id } volgnummer { $serial } voor { $customer } ({ $customer_id })
verify-reason = reden: { $text }
verify-state = status: { $state }
verify-state-left = status: { $state }, nog { $days ->
    [one] { $days } dag
   *[other] { $days } dagen
}
verify-term = looptijd: { $from } tot en met { $last_day } (+{ $grace ->
    [one] { $grace } dag
   *[other] { $grace } dagen
} respijt)
verify-installation = installatie: { $id }
verify-any-installation = installatie: elke installatie
verify-key = ondertekend met sleutel: { $kid }
verify-module = systeemlicentie { $code }: { $state }
verify-plan = gebruikersplan { $code }: { $seats ->
    [one] { $seats } licentie
   *[other] { $seats } licenties
}, { $state }
verify-own-end = , tot en met { $last_day }
show-issued = uitgegeven: { $at } door { $issuer }
show-plan-seats = licenties van { $plan }: { $used } van { $total } in gebruik, { $free } vrij

## show CODE: één systeemlicentie of gebruikersplan.

kind-system = systeemlicentie
kind-user-plan = gebruikersplan
kind-legacy = verouderd
show-head = { $name } ({ $code }, { $kind })
show-enables = maakt mogelijk: { $capabilities }
show-state = status: { $state }
show-last-day = geldig tot en met: { $last_day }
show-seats = licenties: { $used } van { $total } in gebruik
show-over = (boven het aantal licenties: geen toegang)

## import: het verslag.

import-activated = geactiveerd: licentie { $license_id } volgnummer { $serial } (klant { $customer }), geldig tot en met { $last_day }
import-already-active = al actief: licentie { $license_id } volgnummer { $serial } (klant { $customer }), geldig tot en met { $last_day }
import-dry-run = voorbeeld, er is niets gewijzigd; zou activeren: licentie { $license_id } volgnummer { $serial } (klant { $customer }), geldig tot en met { $last_day }
import-replaces = vervangt: { $license_id }
import-customer-changes = ! klant wijzigt: { $before_id } { $before } -> { $after_id } { $after }
import-module-gained = + systeemlicentie { $code }
import-module-lost = - systeemlicentie { $code }
import-seats-up = licenties { $plan } meer: { $from } -> { $to }
import-seats-down = licenties { $plan } minder: { $from } -> { $to }
import-user-loses = ! gebruiker { $user } verliest de toegang tot { $plan }: houder { $rank } van { $seats ->
    [one] { $seats } licentie
   *[other] { $seats } licenties
}
import-expiry-moves = einddatum verschuift: { $before } -> { $after }
revocations-imported = intrekkingslijst { $serial } geïmporteerd, ondertekend door { $issuer } (sleutel { $kid }){ $previous ->
    [0] {""}
   *[other] , in plaats van lijst { $previous }
}: { $licenses ->
    [one] 1 licentie
   *[other] { $licenses } licenties
} en { $keys ->
    [one] 1 sleutel
   *[other] { $keys } sleutels
} ingetrokken
revocations-dry-run = voorbeeld, er is niets gewijzigd; zou intrekkingslijst { $serial } importeren, ondertekend door { $issuer } (sleutel { $kid }){ $previous ->
    [0] {""}
   *[other] , in plaats van lijst { $previous }
}: { $licenses ->
    [one] 1 licentie
   *[other] { $licenses } licenties
} en { $keys ->
    [one] 1 sleutel
   *[other] { $keys } sleutels
} ingetrokken
revocations-active-stands = de actieve licentie { $license_id } is niet ingetrokken
reset-applied = klokherstel toegepast: ondertekend door { $issuer } (sleutel { $kid })
reset-mark = laatst geziene tijd: { $before } -> { $after }
reset-none = geen

## history: elke geïmporteerde licentie.

history-none = er is geen licentie geïmporteerd
history-line = { $at } { $license_id } volgnummer { $serial } voor { $customer } ({ $customer_id }), tot en met { $last_day }
history-module-gained = + systeemlicentie { $code }
history-module-lost = - systeemlicentie { $code }
history-seats = licenties { $plan }: { $from } -> { $to }
history-customer-changed = klant gewijzigd
history-active = * actief

## Gebruikers en licenties.

users-login = aanmelden
users-no-login = geen aanmeldrechten
users-none = geen gebruikers
users-added = { $login ->
    [true] gebruiker { $user } toegevoegd met aanmeldrechten
   *[other] gebruiker { $user } toegevoegd zonder aanmeldrechten
}
users-login-on = aanmeldrechten van gebruiker { $user }: aan
users-login-off = aanmeldrechten van gebruiker { $user }: uit
users-unchanged = (ongewijzigd)
users-removed = gebruiker { $user } verwijderd
users-removed-released = gebruiker { $user } verwijderd, vrijgegeven: { $plans }
seats-none = er zijn geen licenties toegewezen
seats-over = (boven het aantal licenties: geen toegang)
seats-already-held = gebruiker { $user } heeft al een licentie van { $plan }
seats-assigned = licentie van { $plan } toegewezen aan { $user }: { $used } van { $total ->
    [one] { $total } licentie
   *[other] { $total } licenties
} in gebruik
seats-assigned-moved = licentie van { $plan } toegewezen aan { $user } (overgezet van { $from }): { $used } van { $total ->
    [one] { $total } licentie
   *[other] { $total } licenties
} in gebruik
seats-released = licentie van { $plan } van { $user } vrijgegeven
seats-summary = { $plan }: { $used } van { $total ->
    [one] { $total } licentie
   *[other] { $total } licenties
} in gebruik, { $free } vrij

## init en request.

init-created = licentieopslag { $path } aangemaakt
init-exists = licentieopslag bestaat al: { $path }
init-installation = installatie-id: { $id }
request-written-activation = activeringsaanvraag geschreven naar { $path }: stuur die naar de leverancier
request-written-clock-reset = aanvraag voor klokherstel geschreven naar { $path }: stuur die naar de leverancier

## Systeemgebeurtenissen (events).

event-store-created = opslag aangemaakt voor installatie { $installation_id }
event-license-activated = licentie { $license_id } volgnummer { $serial } geactiveerd (klant { $customer_id })
event-replaces = , vervangt { $license_id }
event-customer-changes = ; klant wijzigt van { $before } naar { $after }
event-users-losing-access = ; gebruikers die de toegang verliezen: { $users }
event-license-restored = licentie { $license_id } hersteld uit haar bestand
event-import-refused = importeren geweigerd: { $reason }
event-dry-run-refused = voorbeeld van importeren geweigerd: { $reason }
event-clock-reset-refused = klokherstel geweigerd: { $reason }
event-seat-assigned = licentie van { $plan } toegewezen aan gebruiker { $user }
event-seat-assigned-moved = licentie van { $plan } toegewezen aan gebruiker { $user }, overgezet van { $from }
event-seat-released = licentie van { $plan } vrijgegeven door gebruiker { $user }
event-seat-refused = licentie van { $plan } voor gebruiker { $user } geweigerd: { $reason }
event-user-added = { $login ->
    [true] gebruiker { $user } toegevoegd met aanmeldrechten
   *[other] gebruiker { $user } toegevoegd zonder aanmeldrechten
}
event-login-changed = { $login ->
    [true] aanmeldrechten van gebruiker { $user } verleend
   *[other] aanmeldrechten van gebruiker { $user } ingetrokken
}
event-user-removed = gebruiker { $user } verwijderd
event-user-removed-released = gebruiker { $user } verwijderd, vrijgegeven: { $plans }
event-clock-behind = de systeemklok ({ $clock }) loopt { $hours } uur achter op de laatste tijd die deze opslag heeft gezien ({ $mark }): beslissingen gebruiken de latere tijd
event-clock-reset-requested = klokherstel aangevraagd (aanvraag { $nonce }): de systeemklok { $clock } loopt achter op de laatste tijd die deze opslag heeft gezien { $mark }
event-clock-reset = klokherstel door { $issuer } (sleutel { $kid }, aanvraag { $nonce }): de laatste tijd die deze opslag heeft gezien gaat van { $before } naar { $after }
event-state-changed = licentie { $license_id } is nu { $state }
event-revocation-list-imported = intrekkingslijst { $serial } geïmporteerd (sleutel { $kid }): { $licenses ->
    [one] 1 licentie
   *[other] { $licenses } licenties
} en { $keys ->
    [one] 1 sleutel
   *[other] { $keys } sleutels
} ingetrokken
event-revokes-active = ; de actieve licentie { $license_id } is daarmee ingetrokken
event-text = { $text }

## Fouten, tips en waarschuwingen van de opdrachtregel.

error-prefix = fout
hint-prefix = tip
warning-prefix = waarschuwing
error-usage-cannot-read = kan { $what } { $path } niet lezen: { $reason }
error-usage-too-large = { $path }: groter dan { $limit } bytes: zo groot is geen { $what }; controleer het pad
error-usage-not-utf8 = { $what } { $path } is geen UTF-8-tekst
error-usage-cannot-write = kan { $path } niet schrijven: { $reason }
error-usage-bad-time = { $flag }: { $reason }; geef een tijd in RFC 3339 of een dag JJJJ-MM-DD
error-usage-unknown-kind = --kind: onbekende soort gebeurtenis "{ $kind }"; de soorten zijn { $kinds }
error-usage-dry-run-reset = --dry-run toont een voorbeeld van licentiebestanden; een klokherstelbestand wordt in zijn geheel toegepast of geweigerd
what-license-file = licentiebestand
what-public-key-file = bestand met publieke sleutel
warning-trusts-no-key = deze build vertrouwt geen enkele sleutel (gebouwd zonder LICENSE_TRUSTED_KEYS), dus elk licentiebestand wordt geweigerd; bouw met LICENSE_TRUSTED_KEYS=PAD naar de publieke sleutels van de leverancier, of geef --trust PUB
warning-example-keys = de voorbeeldsleutels van keys-example/ worden vertrouwd, en daarmee kan iedereen ondertekenen; bouw met LICENSE_TRUSTED_KEYS=PAD of geef --trust PUB
warning-unwritable = kan de licentieopslag { $path } niet schrijven: het antwoord komt uit de opgeslagen toestand, beoordeeld op de laatste van de klok, de laatst geziene tijd van de opslag en de uitgiftetijd van de licentie; de laatst geziene tijd is niet bijgewerkt
hint-unknown-key = geef het bestand met de publieke sleutel van de leverancier met --trust PUB
hint-bad-signature = vraag de leverancier het bestand opnieuw te sturen
hint-untrusted-stored-license = geef het bestand met de publieke sleutel van de leverancier met --trust PUB, of bouw met LICENSE_TRUSTED_KEYS die het noemt
hint-untrusted-stored-list = geef het bestand met de publieke sleutel van de leverancier met --trust PUB (of de hoofdsleutel met --trust-root PUB), of bouw met LICENSE_TRUSTED_KEYS die het noemt
hint-customer-change = bekijk de wijziging met --dry-run; geef --force om het bestand toch te importeren
hint-no-store = maak haar aan met `license-verifier init`, of geef --store PAD
hint-no-license = importeer het bestand van de leverancier met `license-verifier import BESTAND`
hint-no-free-seat = geef een licentie vrij met `license-verifier seats release GEBRUIKER { $plan }`
hint-holds-other-plan = geef --move om het andere gebruikersplan in dezelfde stap vrij te geven
hint-unknown-user = voeg de gebruiker toe met `license-verifier users add { $user }`
hint-user-required = geef --user NAAM
hint-unknown-code = `license-verifier list` toont de codes
hint-unknown-capability = de mogelijkheden zijn { $capabilities }

error-no-store = geen licentieopslag op { $path }: maak eerst de opslag aan, of geef het pad van een bestaande
error-cannot-open = kan de licentieopslag { $path } niet openen: { $reason }: controleer of de map bestaat en schrijfbaar is
error-cannot-write = kan de licentieopslag { $path } niet schrijven: { $reason }: voer dit uit als een gebruiker die het opslagbestand en de map mag schrijven
error-foreign-store = { $path } is geen licentieopslag ({ $reason }): geef het pad van een licentieopslag of van een nieuw bestand; het bestand is ongewijzigd gelaten
error-newer-store = { $path } heeft opslagschemaversie { $found }, nieuwer dan { $supported }: gebruik een nieuwere license-verifier
error-not-a-file = { $path } is { $what }, geen licentieopslag: geef het pad van een opslagbestand, of van een bestand om aan te maken
error-damaged-store = de licentieopslag is beschadigd: { $detail }
error-untrusted-stored-license = de actieve licentie { $license_id } is ondertekend met sleutel { $kid }, die dit programma niet vertrouwt: gebruik een build die { $kid } vertrouwt, of importeer een licentiebestand dat is ondertekend met een vertrouwde sleutel
error-untrusted-stored-list = de intrekkingslijst { $serial } in deze opslag is ondertekend met sleutel { $kid }, die dit programma niet vertrouwt: importeer de nieuwste lijst van de leverancier, ondertekend met een vertrouwde sleutel, of gebruik een build die { $kid } vertrouwt
error-sqlite = licentieopslag: { $detail }
error-no-license = er is geen licentie actief: importeer het licentiebestand van de leverancier
error-wrong-installation = licentie { $license_id } is voor installatie { $found }, niet voor deze installatie { $expected }: stuur de activeringsaanvraag van deze installatie naar de leverancier
error-expired = licentie { $license_id } is verlopen op { $until_day }: vraag de leverancier om verlenging
error-not-yet-valid = licentie { $license_id } is nog niet geldig, vanaf { $from_day }: importeer haar op of na die datum
error-revoked = licentie { $license_id } is op { $revoked_day } door de leverancier ingetrokken{ $by ->
    [key] {" "}(de sleutel { $kid } is ingetrokken)
   *[other] {""}
}{ $reason ->
    [none] {""}
   *[other] , reden: { $reason }
}: vraag de leverancier om een nieuw licentiebestand
error-signer-revoked = { $document ->
    [clock-reset] dit klokherstel
   *[other] deze intrekkingslijst
} is ondertekend onder sleutel { $kid }, die de leverancier op { $revoked_day } heeft ingetrokken{ $reason ->
    [none] {""}
   *[other] , reden: { $reason }
}: vraag de leverancier om een exemplaar dat met een geldige sleutel is ondertekend
error-older-revocation-list = intrekkingslijst { $serial } is niet nieuwer dan lijst { $held }, die deze installatie al heeft: importeer de nieuwste lijst van de leverancier
error-built-in-list-unverified = de intrekkingslijst die in dit programma is ingebouwd, is niet te verifiëren met de vertrouwde sleutels ({ $error }): vertrouw de sleutels waarmee die is ondertekend, of bouw het programma met een lijst die met een vertrouwde sleutel is ondertekend
error-older-serial = licentie { $license_id } heeft volgnummer { $serial }, niet hoger dan volgnummer { $latest } dat al is geïmporteerd in de reeks van klant { $customer } { $installation_id ->
    [none] voor ongebonden bestanden
   *[other] voor installatie { $installation_id }
}: ze is ouder dan een eerder geïmporteerd bestand; importeer het nieuwste licentiebestand van die reeks, of vraag de leverancier om een actueel bestand
error-serial-conflict = volgnummer { $serial } in de reeks van klant { $customer } { $installation_id ->
    [none] voor ongebonden bestanden
   *[other] voor installatie { $installation_id }
} is al geïmporteerd met een andere inhoud: dit is niet het bestand dat de leverancier onder dat volgnummer heeft uitgegeven; vraag de leverancier om een nieuw bestand
error-older-than-active = licentie { $license_id } is uitgegeven op { $issued_at }, vóór de actieve licentie { $active_id } (uitgegeven op { $active_issued_at }) van een andere reeks: importeren zou teruggaan naar een ouder bestand; vraag de leverancier om een actueel licentiebestand
error-customer-change = licentie { $license_id } is voor klant { $after }, niet voor { $before }, de klant van de actieve licentie: importeren vervangt de licentie van deze installatie door die van een andere klant; bevestig de wijziging van klant om haar te importeren
error-clock-reset-not-pending = er staat geen klokherstel open in deze opslag: dit herstel is al gebruikt, of deze opslag heeft het niet aangevraagd; schrijf een nieuwe aanvraag en stuur die naar de leverancier
error-clock-reset-other-request = dit klokherstel beantwoordt aanvraag { $nonce }, niet de aanvraag die in deze opslag openstaat: importeer het herstel dat de laatste aanvraag beantwoordt
error-clock-reset-wrong-installation = dit klokherstel is voor installatie { $found }, niet voor deze installatie { $expected }: importeer het op de installatie die het heeft aangevraagd
error-clock-reset-stale = de laatste tijd die deze opslag heeft gezien is verschoven van { $requested ->
    [none] geen
   *[other] { $requested }
} naar { $now ->
    [none] geen
   *[other] { $now }
} nadat de aanvraag is geschreven: het herstel is verouderd; schrijf een nieuwe aanvraag en stuur die naar de leverancier
error-clock-not-behind = de systeemklok ({ $clock }) loopt niet achter op de laatste tijd die deze opslag heeft gezien ({ $mark ->
    [none] geen
   *[other] { $mark }
}): klokherstel is niet nodig
error-not-licensed = { $state ->
    [not-licensed] { $license_code } is niet in de licentie opgenomen: importeer een licentie die het bevat
    [expired] { $license_code } is verlopen: importeer een licentie die het bevat
   *[other] { $license_code } is nog niet geldig: importeer een licentie die het nu bevat
}
error-no-free-seat = geen vrije licentie van { $plan }: alle { $seats ->
    [one] { $seats } licentie is
   *[other] { $seats } licenties zijn
} in gebruik; geef er een vrij, of importeer een licentie met meer licenties
error-holds-other-plan = gebruiker { $user } heeft al { $held }; een gebruiker heeft één van de exclusieve gebruikersplannen tegelijk: geef dat eerst vrij, of zet de licentie van de gebruiker over
error-unknown-user = gebruiker { $user } bestaat niet: voeg de gebruiker eerst toe
error-user-exists = gebruiker { $user } bestaat al: kies een andere naam
error-invalid-user-name = gebruikersnaam "{ $user }" is niet toegestaan: gebruik 1 tot 128 tekens, geen stuurtekens, geen spaties aan begin of eind
error-unknown-code = onbekende { $what ->
    [system-license] systeemlicentie
    [user-plan] gebruikersplan
    [capability] mogelijkheid
   *[other] licentie
} "{ $code }"{ $is_a ->
    [system-license] {" "}({ $code } is een systeemlicentie, geen gebruikersplan)
    [user-plan] {" "}({ $code } is een gebruikersplan, geen systeemlicentie)
   *[other] {""}
}{ $suggestion ->
    [none] {""}
   *[other] {" "}(bedoelt u { $suggestion }?)
}
error-user-required = { $capability } wordt per gebruiker gevraagd: noem de gebruiker
error-no-such-seat = gebruiker { $user } heeft geen licentie van { $plan }: er is niets vrij te geven
state-word-grace = in respijtperiode (nog { $days ->
    [one] { $days } dag
   *[other] { $days } dagen
})
state-word-expired = verlopen
state-word-not-yet-valid = nog niet geldig

state-word-revoked = ingetrokken
## Wat er mis is met een beschadigde opslag (error-damaged-store zegt het hiermee).

damage-corrupt = { $path } is beschadigd; zet het terug uit een back-up
damage-no-installation-id = tabel meta heeft geen installatie-id; zet de opslag terug uit een back-up
damage-bad-mark = tabel meta: de laatst geziene tijd is geen tijd; zet de opslag terug uit een back-up
damage-seats-table-missing = tabel seats ontbreekt; zet de opslag terug uit een back-up
damage-seats-table-altered = tabel seats is gewijzigd; zet de opslag terug uit een back-up
damage-seats-index-lost = tabel seats mist haar unieke index op (plan, seq); zet de opslag terug uit een back-up
damage-trigger = ze bevat trigger "{ $name }", die dit programma nooit aanmaakt; verwijder de trigger, of zet de opslag terug uit een back-up
damage-seat-below-one = tabel seats: gebruikersplan { $plan } heeft een licentie van gebruiker { $user } op positie { $position }, onder 1; verwijder die rij (of geef de licentie vrij en wijs haar opnieuw toe), of zet de opslag terug uit een back-up
damage-seat-position-taken = tabel seats: gebruikersplan { $plan } heeft een licentie van gebruiker { $user } op positie { $position }, die een andere rij al bezet; verwijder die rij (of geef de licentie vrij en wijs haar opnieuw toe), of zet de opslag terug uit een back-up
damage-bad-login = tabel users: gebruiker { $user } heeft aanmeldwaarde { $value }, niet 0 of 1; zet die met `license-verifier users login`, of zet de opslag terug uit een back-up
damage-no-active-license = tabel licenses: er zijn { $imported } licenties geïmporteerd maar geen enkele is actief; importeer het licentiebestand opnieuw, of zet de opslag terug uit een back-up
damage-many-active = tabel licenses: meer dan één licentie is actief; importeer het licentiebestand opnieuw, of zet de opslag terug uit een back-up
damage-active-not-latest = tabel licenses: de actieve licentie { $license_id } is niet de laatst geïmporteerde; importeer het licentiebestand opnieuw, of zet de opslag terug uit een back-up
damage-active-older = tabel licenses: de actieve licentie { $license_id } is ouder dan licentie { $newer }, die ervoor is geïmporteerd; importeer het licentiebestand opnieuw, of zet de opslag terug uit een back-up
damage-active-unverified = tabel licenses: de actieve licentie { $license_id } is niet meer te verifiëren ({ $error }); importeer het licentiebestand opnieuw, of zet de opslag terug uit een back-up
damage-active-mismatch = tabel licenses: de actieve licentie { $license_id } past niet bij haar vastgelegde id en volgnummer; importeer het licentiebestand opnieuw, of zet de opslag terug uit een back-up
damage-active-other-installation = tabel licenses: de actieve licentie { $license_id } is niet voor deze installatie; importeer het licentiebestand opnieuw, of zet de opslag terug uit een back-up
damage-unreadable-history = tabel licenses: de geïmporteerde licentie { $license_id } in de geschiedenis is niet meer te lezen; zet de opslag terug uit een back-up
damage-bad-import-time = tabel licenses: de importtijd van { $license_id } is geen tijd; zet de opslag terug uit een back-up
damage-bad-event-time = tabel events: de tijd van gebeurtenis { $id } is geen tijd; zet de opslag terug uit een back-up
damage-revocation-list-unverified = tabel revocation_lists: de lijst met volgnummer { $serial } is niet meer te verifiëren ({ $error }); importeer de nieuwste intrekkingslijst opnieuw, of zet de opslag terug uit een back-up
damage-earlier = { $detail }

# serve: de webconsole (console/)
what-token-file = tokenbestand
warning-serve-remote = de console luistert buiten deze machine: zet hem achter TLS (een reverse proxy), want anders gaan het token en de cookies onversleuteld over HTTP
error-serve-remote = { $addr } is geen loopback-adres, dus de console zou vanaf andere machines bereikbaar zijn: voeg --allow-remote toe als dat de bedoeling is, en zet de console achter TLS
error-serve-listen = kan niet luisteren op { $addr }: { $reason }; kies een ander adres met --listen
error-serve-weak-token = het tokenbestand moet minstens { $min } afdrukbare tekens bevatten (geen spaties, & of #); maak er een met: head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'
error-serve-random = { $reason }
error-serve-stopped = de console is gestopt: { $reason }
