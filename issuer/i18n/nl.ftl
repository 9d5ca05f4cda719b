# De woorden van license-issuer in het Nederlands, met de woorden van de helppagina
# (Licenties, Systeemlicenties, Gebruikerslicenties/gebruikersplannen). Elk bericht hier
# heeft zijn tweeling in en.ftl. De fouten van de issuer-bibliotheek zijn
# error-issuer-CODE, met de details van de fout als argumenten. $problem is het bericht
# problem-CODE-PROBLEEM hieronder, al in woorden. Waar een argument de tekst van een
# ander programma is ($detail van het systeem, SQLite of een parser), is die Engels en
# staat ze er zoals ze is.

## De voorvoegsels van de regels.

line-error = license-issuer: fout: { $text }
line-hint = tip: { $text }
line-warning = license-issuer: waarschuwing: { $text }
line-refused = license-issuer: geweigerd: { $text }
line-note = license-issuer: opmerking: { $text }

## Fouten van de issuer-bibliotheek.

error-issuer-order = { $source_name }: { $field }: { $problem }
error-issuer-order-syntax = { $source_name }: geen JSON-bestelling ({ $problem }): herstel de JSON-syntaxis
error-issuer-request = { $source_name }: { $problem }
error-issuer-unbound = { $source_name }: installation_id: de bestelling noemt geen installatie: geef installation_id in de bestelling of een activeringsaanvraag met --request, of zeg --unbound voor een licentie die op elke installatie geldt
error-issuer-bound-and-unbound = { $source_name }: installation_id: --unbound is gezegd, maar de licentie zou aan "{ $installation_id }" gebonden zijn: laat --unbound weg, of de installatie
error-issuer-missing-issuer-name = geen naam van de uitgever: geef --issuer NAAM of zet LICENSE_ISSUER_NAME op de weergavenaam van de leverancier
error-issuer-key-name = "{ $name }": een sleutelnaam mag alleen letters, cijfers, '-', '_' en '.' bevatten en niet met '.' beginnen: kies een andere --name
error-issuer-key-file = { $path }: { $problem }
error-issuer-key-permissions = { $path }: de privésleutel is leesbaar voor groep of anderen (modus { $mode }): beperk dat met `chmod 600 { $path }`
error-issuer-wrong-passphrase = { $path }: verkeerd wachtwoord: de sleutel kon niet worden ontsleuteld; controleer LICENSE_ISSUER_PASSPHRASE of typ het opnieuw
error-issuer-passphrase = wachtwoord: { $problem }
error-issuer-exists = { $path } bestaat al: het wordt niet overschreven; geef --force om het te vervangen
error-issuer-too-large = { $path }: meer dan de grens van { $limit } bytes: zo groot is geen { $what ->
    [license-file] licentiebestand
    [activation-request] activeringsaanvraag
    [key-file] sleutelbestand
    [order] bestelling
    [clock-reset-request] klokherstelaanvraag
    [key-certificate] sleutelcertificaat
    [document] document
   *[other] { $what }
}; controleer het pad
error-issuer-no-such-directory = { $path }: de map { $dir } bestaat niet: maak haar eerst aan (mkdir -p { $dir }) of geef een andere --out
error-issuer-io = { $path }: { $detail }{ $kind ->
    [not-found] : controleer het pad
    [permission-denied] : controleer de rechten van het bestand
   *[other] {""}
}
error-issuer-not-delivered = { $path }: de licentie kon niet worden afgeleverd ({ $detail }); er is niets vastgelegd: maak ruimte voor de uitvoer en voer opnieuw uit
error-issuer-written-after-record = { $license_id } is uitgegeven en vastgelegd, maar { $path } kon niet worden geschreven ({ $detail }): `license-issuer ledger show { $license_id }` toont het bestand
error-issuer-ledger-unusable = { $path }: { $problem }; het bestand is niet aangeraakt: geef een ander --ledger-pad of zet het grootboek terug uit een back-up
error-issuer-ledger-missing = { $path }: hier is geen grootboek: geef eerst een licentie uit, of geef --ledger PAD (of LICENSE_LEDGER) van een bestaand grootboek
error-issuer-ledger = grootboek: { $detail }
error-issuer-self-check = zelfcontrole mislukt: { $problem }; er is niets vastgelegd: controleer de ondertekeningssleutel en de machine
error-issuer-no-such-license = geen licentie { $license_id } in { $path }
error-issuer-usage = de opdrachtregel wordt niet begrepen: { $detail }
error-issuer-certificate = { $source_name }: { $problem }
error-issuer-key-revoked = { $role ->
    [root] de hoofdsleutel { $kid } van het --cert-certificaat
    [certified] de te certificeren sleutel { $kid }
   *[signing] de ondertekeningssleutel { $kid }
} is ingetrokken in intrekkingslijst { $serial } op { $revoked_at }: installaties met die lijst weigeren alles wat ermee is ondertekend; gebruik een andere sleutel
error-issuer-issued-revoked = bestelling { $order_id } is uitgegeven als licentie { $license_id }, die intrekkingslijst { $serial } op { $revoked_at } heeft ingetrokken{ $by ->
    [key] {" "}(de ondertekeningssleutel { $id } is ingetrokken)
   *[other] {""}
}: installaties weigeren dat bestand; geef --reissue om een nieuwe licentie voor de bestelling te ondertekenen
error-issuer-certify-same-key = de hoofdsleutel en de te certificeren sleutel zijn dezelfde sleutel { $kid }: een hoofdsleutel certificeert andere sleutels; geef met --key de publieke sleutel (.pub) van de uitgiftesleutel
error-issuer-certify-window = de periode van { $valid_from } tot { $valid_until } is leeg: geef een --valid-until na --valid-from (die nu is, tenzij gegeven)
error-issuer-date = { $option }: { $problem }
error-issuer-unknown-usage = --usage: onbekend gebruik "{ $value }": gebruik license-file, clock-reset of revocation-list, gescheiden door komma's
error-issuer-nothing-to-revoke = niets in te trekken: geef --license LICENTIE_ID of --key-id KID, één of meer keren
error-issuer-unknown-license = --license { $license_id }: het grootboek { $path } heeft deze licentie nooit uitgegeven: controleer de id met `license-issuer ledger list`
error-issuer-revoke-key-id = --key-id "{ $value }": geen sleutel-id: geef 16 kleine hexadecimale cijfers, zoals keygen en `license-issuer ledger list` ze tonen
error-issuer-revokes-own-key = de lijst zou { $role ->
    [root] de hoofdsleutel { $kid } van haar eigen certificaat
   *[other] haar eigen ondertekeningssleutel { $kid }
} intrekken, en dan weigert elke installatie haar: onderteken de lijst met een andere sleutel (--key, en het bijbehorende --cert)
error-issuer-revoke-reason = --reason: { $cause_problem }: geef de reden als één regel gewone tekst

## De problemen binnen fouten: problem-FOUTCODE-PROBLEEM, een code van OrderProblem,
## SyntaxProblem, RequestProblem, KeyFileProblem, LedgerProblem of PassphraseProblem
## van de bibliotheek, met de details van de fout als argumenten ($cause al in woorden).

problem-order-too-large = meer dan { $limit } bytes, veel groter dan welke bestelling ook: geef één bestelling per bestand of regel
problem-order-missing = ontbreekt: { $member ->
    [customer] geef {"{"}"id": "C-1001", "name": "Acme AS"{"}"}
    [code] geef de code uit de catalogus
    [seats] geef het aantal gebruikers (seats)
   *[other] geef de id en de naam van de klant
}
problem-order-ends-before-start = de licentie eindigt op { $ends_at }, vóór haar begin op valid_from { $starts_at }{ $start_is_now ->
    [true] {" "}(nu, omdat de bestelling geen valid_from geeft)
   *[false] {""}
}: zet valid_until na valid_from
problem-order-grants-nothing = de bestelling verleent niets: noem system_licenses of user_plans
problem-order-wrong-type = { $expected ->
    [order] is { word-json-kind }, maar een bestelling is een JSON-object met { $allowed }
    [object] is { word-json-kind }, maar moet een object zijn met { $allowed }
    [string] is { word-json-kind }, maar moet een tekst zijn
    [date] is { word-json-kind }, maar moet een datum zijn zoals "2027-11-30"
    [days] is { word-json-kind }: geef een geheel aantal dagen van 0 tot en met { $max }
    [system-licenses] is { word-json-kind }, maar moet een array zijn van codes of van {"{"}"code", "valid_until"{"}"}-objecten
    [system-license] is { word-json-kind }, maar moet een code als tekst of een object zijn
    [user-plans] is { word-json-kind }, maar moet {"{"}"code": seats{"}"} zijn of een array van {"{"}"code", "seats", "valid_until"{"}"}
   *[seats] het aantal gebruikers is { word-json-kind }, maar moet een geheel getal zijn
}
problem-order-unknown-member = onbekend onderdeel: verwijder het; toegestaan zijn { $allowed }
problem-order-given-twice = twee keer gegeven: geef elk onderdeel één keer
problem-order-empty = is leeg: geef een waarde
problem-order-not-a-date = "{ $value }" is geen datum zoals 2027-11-30 en geen RFC 3339-tijdstip zoals 2027-11-30T12:00:00Z
problem-order-date-out-of-range = "{ $value }" ligt buiten de jaren 0000 tot en met 9999 (UTC) die een licentiebestand kan bevatten: kies een datum daarbinnen
problem-order-grace-days-out-of-range = { $value } valt buiten het bereik: geef een geheel aantal dagen van 0 tot en met { $max }
problem-order-seats-too-few = het aantal gebruikers moet minstens 1 zijn, niet { $seats }
problem-order-seats-not-whole = het aantal gebruikers { $seats } is geen geheel getal
problem-order-seats-too-many = het aantal gebruikers { $seats } is groter dan de grens van { $max }
problem-order-other-kind = "{ $catalog_code }" is een { word-license-kind }, geen { word-other-license-kind }: zet de code onder { $kind ->
    [system] system_licenses
   *[plan] user_plans
}
problem-order-unknown-code = onbekende code "{ $catalog_code }" voor een { word-license-kind }: { $suggestion ->
    [none] gebruik een code van een { word-license-kind } uit de catalogus: { $known }
   *[other] bedoelt u "{ $suggestion }"?
}
problem-order-code-twice = "{ $catalog_code }" is twee keer gegeven: geef elke code één keer
problem-order-grant-outlives-license = de toekenning eindigt op { $ends_at }, na de licentie, die eindigt op { $license_ends_at }: laat de toekenning eindigen op of vóór valid_until van de licentie
problem-order-grant-ends-before-start = de toekenning eindigt op { $ends_at }, vóór het begin van de licentie op { $starts_at }: laat haar na valid_from eindigen
problem-order-not-an-id = moet 1 tot en met { $limit } afdrukbare ASCII-tekens zonder spaties zijn: geef de referentie van de bestelling zoals de systemen van de leverancier haar schrijven
problem-order-order-id-of-other-customer = order_id "{ $order_id }" is uitgegeven aan klant { $issued_to } ({ $license_id }), maar deze bestelling is voor klant { $customer_id }: geef deze bestelling een nieuwe order_id, of controleer of het de bedoelde bestelling is
problem-order-payload-rule = { $cause_problem }
problem-order-syntax-not-utf8 = geen UTF-8-tekst: de eerste ongeldige byte staat op positie { $offset }
problem-order-syntax-not-json = { $detail } op regel { $line }, kolom { $column }
problem-request-not-an-activation-request = { $cause }; vraag de installatie om het bestand dat haar opdracht `request` schreef
problem-request-no-request-found = bevat geen activeringsaanvraag: er is geen JSON-object {"{"}...{"}"} gevonden; vraag de installatie om het bestand dat haar opdracht `request` schreef
problem-request-several-objects = bevat { $count } JSON-objecten waar één activeringsaanvraag werd verwacht: houd alleen de aanvraag over en voer opnieuw uit
problem-request-not-a-clock-reset-request = { $cause }; geef de klokherstelaanvraag die de installatie schreef
problem-request-other-installation = de aanvraag komt van installatie "{ $installation_id }", maar { $order_name } noemt installation_id "{ $order_installation_id }": corrigeer de bestelling of gebruik de aanvraag van de juiste installatie
problem-request-other-product = de aanvraag is voor product "{ $product }", deze uitgever geeft licenties uit voor "{ $expected_product }": gebruik de uitgever van dat product
problem-request-nonce-used = nonce { $nonce } is al beantwoord, voor een andere aanvraag (installatie "{ $installation_id }"): een nonce geldt één keer; vraag de installatie om een nieuwe aanvraag
problem-key-file-private-not-text = is geen PEM-tekst: geef het .key-bestand dat keygen schreef
problem-key-file-public-not-text = is geen PEM-tekst: geef het .pub-bestand dat keygen schreef
problem-key-file-public-key-given = dit is een publieke sleutel: geef de privésleutel (.key) die keygen schreef, niet het .pub-bestand
problem-key-file-not-a-private-key = { $cause }: geef het .key-bestand dat keygen schreef
problem-key-file-damaged-pem = beschadigde PEM van een versleutelde sleutel ({ $detail }): geef het .key-bestand dat keygen schreef
problem-key-file-wrong-label = bevat een { $label }-blok, geen ENCRYPTED PRIVATE KEY: geef het .key-bestand dat keygen schreef
problem-key-file-damaged-key = beschadigde versleutelde sleutel ({ $detail }): geef het .key-bestand dat keygen schreef
problem-key-file-not-a-public-key = { $cause }: geef het .pub-bestand dat keygen schreef
problem-ledger-unusable-cannot-open = kan niet als grootboek worden geopend ({ $detail })
problem-ledger-unusable-not-sqlite = is geen leesbare SQLite-database ({ $detail })
problem-ledger-unusable-damaged = is beschadigd ({ $detail })
problem-ledger-unusable-read-only = kan niet worden beschreven ({ $detail }): het bestand of de map ervan is alleen-lezen; controleer de rechten, of geef een --ledger-pad waarin deze gebruiker mag schrijven
problem-ledger-unusable-other-program = is een SQLite-database van een ander programma, geen licentiegrootboek
problem-ledger-unusable-other-application-id = heeft applicatie-id { $application_id }, niet die van een licentiegrootboek
problem-ledger-unusable-newer = is geschreven door een nieuwere license-issuer (schema { $schema }, deze versie kent tot en met { $known }); werk license-issuer bij
problem-ledger-unusable-uninitialised = het grootboek is leeg of is nooit ingericht
problem-passphrase-not-utf8 = LICENSE_ISSUER_PASSPHRASE is geen UTF-8-tekst
problem-passphrase-none-for-new-key = geen wachtwoord voor de nieuwe sleutel: zet LICENSE_ISSUER_PASSPHRASE of voer keygen uit op een terminal om een wachtwoord te kiezen
problem-passphrase-no-terminal = de sleutel is versleuteld en er is geen terminal: zet LICENSE_ISSUER_PASSPHRASE
problem-passphrase-unreadable = kon het niet van de terminal lezen ({ $detail })
problem-passphrase-differ = de twee wachtwoorden verschillen: voer opnieuw uit en typ twee keer hetzelfde
problem-passphrase-empty = het wachtwoord is leeg: kies een wachtwoord dat niet leeg is
problem-passphrase-cannot-encrypt = de sleutel kon niet worden versleuteld ({ $detail })
problem-date-not-a-date = "{ $value }" is geen datum zoals 2027-11-30 en geen RFC 3339-tijdstip zoals 2027-11-30T12:00:00Z
problem-date-date-out-of-range = "{ $value }" ligt buiten de jaren 0000 tot en met 9999 (UTC) die een document kan bevatten: kies een datum daarbinnen
problem-certificate-format = { $cause }; geef het certificaat dat `license-issuer certify` voor deze sleutel schreef
problem-certificate-other-key = is het certificaat van sleutel { $certified }, niet van de ondertekeningssleutel { $kid }: geef het certificaat van deze sleutel, of onderteken met de sleutel die het certificeert
problem-certificate-usage = staat niet toe dat sleutel { $kid } { $document ->
    [clock-reset] klokherstel
    [revocation-list] intrekkingslijsten
   *[license-file] licentiebestanden
} ondertekent: certificeer de sleutel opnieuw met --usage { $document }, of onderteken met een sleutel die daarvoor is gecertificeerd
problem-certificate-window = geldt voor documenten uitgegeven van { $valid_from } tot { $valid_until }, niet nu ({ $at }): certificeer de sleutel voor een periode waarin vandaag valt

## Woorden die de problemen delen; ze krijgen de argumenten van het bericht dat ze gebruikt.

word-json-kind = { $found ->
    [null] null
    [boolean] een booleaanse waarde
    [number] een getal
    [string] een tekst
    [array] een array
   *[object] een object
}
word-license-kind = { $kind ->
    [system] systeemlicentie
   *[plan] gebruikersplan
}
word-other-license-kind = { $kind ->
    [system] gebruikersplan
   *[plan] systeemlicentie
}

## Tips.

hint-input = er is niets uitgegeven of vastgelegd; herstel de invoer en voer opnieuw uit
hint-ledger = een andere uitgever houdt het grootboek misschien vast; probeer opnieuw, of controleer het --ledger-pad
hint-no-such-license = `license-issuer ledger list` toont de uitgegeven id's

## Waarschuwingen.

warning-example-key = ondertekend met voorbeeldsleutel { $kid } van keys-example/, waarmee iedereen kan ondertekenen: installaties mogen haar nooit vertrouwen
warning-term-ended = { $license_id }: de looptijd liep tot en met { $last_day } en de respijtperiode tot en met { $grace_last_day }: installaties zullen de licentie weigeren; controleer valid_until in de bestelling
warning-term-in-grace = { $license_id }: de looptijd liep tot en met { $last_day }: installaties gebruiken de licentie in respijtperiode, met waarschuwingen, tot en met { $grace_last_day }; controleer valid_until in de bestelling

## Looptijden.

term-perpetual = onbeperkt

## keygen.

passphrase-prompt = Wachtwoord:{" "}
passphrase-prompt-again = Wachtwoord nogmaals:{" "}
keygen-key-id = sleutel-id: { $kid }
keygen-private-key = { $encrypted ->
    [yes] versleutelde privésleutel
   *[no] privésleutel
}: { $path } (modus 0600; houd haar geheim)
keygen-public-key = publieke sleutel: { $path } (geef haar aan installaties om te vertrouwen)

## issue, batch en clock-reset.

issue-summary = { $license_id } uitgegeven (volgnummer { $serial }) aan { $customer } ({ $customer_id }), gebonden aan { $installation }
issue-summary-unbound = { $license_id } uitgegeven (volgnummer { $serial }) aan { $customer } ({ $customer_id }), geldig op elke installatie (niet gebonden)
issue-already = { $license_id } is eerder uitgegeven voor order_id { $order_id }: dit is die licentie opnieuw, zonder nieuw volgnummer; --reissue ondertekent een nieuwe
issue-written = geschreven naar { $path }; vastgelegd in { $ledger }
batch-summary = { $issued } uitgegeven{ $already ->
    [0] {""}
   *[other] {" "}(en { $already } eerder uitgegeven voor hun order_id: niets nieuws)
}, { $refused } geweigerd{ $stopped ->
    [yes] {" "}(gestopt bij de eerste weigering: --fail-fast)
   *[no] {""}
}; bestanden in { $out_dir }
batch-line-issued = regel { $line }: { $license_id } (volgnummer { $serial }) voor { $customer_id }{ $already ->
    [yes] , eerder uitgegeven voor zijn order_id: niets nieuws
   *[no] {""}
}
batch-line-refused = regel { $line }: geweigerd: { $text }
batch-refused-unbound = { $source_name }: installation_id: de bestelling noemt geen installatie: noem installation_id in de regel van de bestelling, of zeg --unbound voor licenties die op elke installatie gelden
batch-progress = { $spinner } [{ $bar }] { $pos }/{ $len } bestellingen, { $rate }, nog { $eta }
batch-progress-unknown = { $spinner } { $pos } bestellingen, { $rate }, { $elapsed }
clock-reset-summary = klokherstel voor installatie { $installation_id } ({ $hostname }): haar klokmarkering wordt { $mark }{ $resent ->
    [yes] {" "}(eerder uitgegeven voor deze aanvraag: hetzelfde bestand opnieuw)
   *[no] {""}
}
clock-reset-import = importeer het op de installatie: license-verifier import { $path }

## certify en revoke.

certify-summary = sleutel { $kid } gecertificeerd met hoofdsleutel { $root } voor { $product }: die mag { $usage } ondertekenen, voor documenten uitgegeven van { $valid_from } tot { $valid_until }
certify-use = onderteken ermee: license-issuer issue --key UITGIFTE.key --cert { $path }
revoke-summary = intrekkingslijst { $serial }: in totaal { $licenses ->
    [one] 1 licentie
   *[other] { $licenses } licenties
} en { $keys ->
    [one] 1 sleutel
   *[other] { $keys } sleutels
} ingetrokken; { $added ->
    [0] niets nieuws
   *[other] nieuw: { $ids }
}
revoke-already = { $kind ->
    [key] sleutel
   *[license] licentie
} { $id } is eerder ingetrokken, in lijst { $serial } op { $revoked_at }: de eerste vermelding blijft staan
revoke-import = importeer haar op elke installatie: license-verifier import { $path }

## inspect en ledger show: labels en hun waarden.

label-license = licentie
label-serial = volgnummer
label-signature = handtekening
label-product = product
label-issuer = uitgever
label-customer = klant
label-installation = installatie
label-issued-at = uitgegeven op
label-valid-from = geldig vanaf
label-valid-until = geldig tot en met
label-state = status nu
label-system = systeemlicentie
label-plan = gebruikersplan
label-key-id = sleutel-id
label-sha256 = sha256
label-revoked = ingetrokken
ledger-revoked = in lijst { $serial } op { $revoked_at }{ $has_reason ->
    [yes] : { $reason }
   *[no] {""}
}
label-certified-key = gecertificeerde sleutel
label-usage = mag ondertekenen
label-window = periode
label-revocation-list = intrekkingslijst
label-revoked-license = ingetrokken licentie
label-revoked-key = ingetrokken sleutel
inspect-window = documenten uitgegeven van { $valid_from } tot { $valid_until }
inspect-list = volgnummer { $serial }
inspect-revoked = { $id } sinds { $revoked_at }{ $has_reason ->
    [yes] : { $reason }
   *[no] {""}
}
label-certificate = certificaat
inspect-certificate = hoofdsleutel { $root } certificeert de sleutel voor { $usage }, uitgegeven van { $valid_from } tot { $valid_until }
inspect-license = { $license_id } (volgnummer { $serial })
inspect-signature-valid = geldig (sleutel { $kid })
inspect-signature-not-checked = niet gecontroleerd: geef --trust LEVERANCIER.pub (ondertekend met sleutel { $kid })
inspect-signature-not-checked-root = niet gecontroleerd: geef --trust HOOFDSLEUTEL.pub (ondertekend met hoofdsleutel { $kid })
inspect-signature-unknown-key = onbekende sleutel { $kid }: geen van de --trust-sleutels heeft dit bestand ondertekend
inspect-signature-bad = ONGELDIG: het bestand is na het ondertekenen gewijzigd of niet met sleutel { $kid } gemaakt
inspect-unbound = elke (niet gebonden)
inspect-state-active = actief
inspect-state-grace = in respijtperiode tot en met { $until } (nog { $days_left ->
    [one] { $days_left } dag
   *[other] { $days_left } dagen
})
inspect-state-expired = verlopen sinds { $since }
inspect-state-revoked = ingetrokken op { $at }
inspect-state-not-yet-valid = nog niet geldig (vanaf { $from })
inspect-valid-until = { $last_day } (respijt { $grace_days ->
    [one] { $grace_days } dag
   *[other] { $grace_days } dagen
})
inspect-system = { $code } tot en met { $last_day }
inspect-plan = { $code } { $seats ->
    [one] { $seats } gebruiker
   *[other] { $seats } gebruikers
} tot en met { $last_day }

## ledger list.

ledger-none = er zijn geen licenties vastgelegd
ledger-none-for-customer = er zijn geen licenties vastgelegd voor klant { $customer_id }
ledger-row = { $license_id }  volgnummer { $serial }  { $customer } ({ $customer_id })  installatie { $installation }  uitgegeven { $issued_at }  tot en met { $last_day }  sleutel { $kid }
ledger-unbound = niet gebonden
ledger-no-revocations = er zijn geen intrekkingslijsten ondertekend
ledger-revocation-row = { $kind ->
    [key] sleutel
   *[license] licentie
} { $id }  ingetrokken { $revoked_at }  in lijst { $serial }{ $has_reason ->
    [yes] {"  "}reden: { $reason }
   *[no] {""}
}
ledger-list-row = lijst { $serial }  ondertekend { $issued_at }  sleutel { $kid }
ledger-no-certificates = er zijn geen sleutelcertificaten ondertekend
ledger-certificate-row = sleutel { $kid }  hoofdsleutel { $root }  mag { $usage } ondertekenen  uitgegeven van { $valid_from } tot { $valid_until }  gecertificeerd { $issued_at }

## SelfCheckProblem.
problem-self-check-format = het ondertekende bestand klopt niet ({ $cause })
problem-self-check-signatures-differ = twee handtekeningen van hetzelfde document verschillen
problem-self-check-not-as-signed = het ondertekende bestand leest niet terug zoals het is ondertekend
