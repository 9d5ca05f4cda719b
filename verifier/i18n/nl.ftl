# De woorden van license-verifier in het Nederlands, met de woorden van de helppagina
# (Licenties, Systeemlicenties, Gebruikerslicenties, aanmeldrechten, webclient). Elk
# bericht hier heeft zijn tweeling in en.ftl.

## Redenen: waarom een beslissing nee zegt, of wat nog geldt als ze ja zegt.

reason-no-license = er is geen licentie actief
reason-wrong-installation = licentie { $license_id } is voor installatie { $found }, niet voor deze installatie { $expected }: stuur de activeringsaanvraag van deze installatie naar de leverancier
reason-license-expired = licentie { $license_id } is verlopen op { $since }
reason-license-not-yet-valid = licentie { $license_id } is nog niet geldig, vanaf { $from }
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
