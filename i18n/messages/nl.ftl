# De fouten van de formaat-crate in het Nederlands (de argumenten komen uit
# license_format::Error::details). Elke melding heeft haar tweeling in en.ftl.

# $problem is het probleem al in woorden: license_i18n::format_error_text zet de code
# van het probleem (`problem` van de details) eerst om met de meldingen hieronder. Alleen
# $detail van problem-format-not-json is de eigen (Engelse) tekst van de JSON-parser.
# $what van too-large is een code: license-file, activation-request, key-file,
# clock-reset-request.

error-too-large = { $what ->
    [license-file] het licentiebestand
    [activation-request] de activeringsaanvraag
    [key-file] het sleutelbestand
    [clock-reset-request] de klokherstelaanvraag
    [clock-reset-file] het klokherstelbestand
    [key-certificate-file] het sleutelcertificaat
    [revocation-list-file] de intrekkingslijst
   *[other] { $what }
} is { $size } bytes, meer dan de grens van { $limit } bytes: dit is geen { $what ->
    [license-file] licentiebestand
    [activation-request] activeringsaanvraag
    [key-file] sleutelbestand
    [clock-reset-request] klokherstelaanvraag
    [clock-reset-file] klokherstelbestand
    [key-certificate-file] sleutelcertificaat
    [revocation-list-file] intrekkingslijst
   *[other] { $what }
}
error-armor = omhulling: { $problem }
error-base64 = omhulling: de inhoud is geen geldige base64 ({ $problem }): het bestand is onderweg beschadigd; vraag het opnieuw op
error-envelope = envelop: { $problem }
error-unsupported-format = onbekend formaat "{ $found }": dit programma leest { $known }; werk het product bij om nieuwere bestanden te lezen
error-wrong-document-kind = dit is een document van de soort { $found }, geen { $expected }: importeer het als wat het is
error-unsupported-algorithm = onbekend algoritme "{ $found }": licentiebestanden worden ondertekend met "ed25519"
error-malformed-key-id = envelop: kid "{ $found }" is geen sleutel-id (16 hexadecimale cijfers in kleine letters)
error-unknown-key = onbekende sleutel { $kid }: het bestand is ondertekend met een sleutel die hier niet wordt vertrouwd; vertrouw de publieke sleutel van de leverancier met die id, of vraag de leverancier om een bestand dat met een vertrouwde sleutel is ondertekend
error-bad-signature = ongeldige handtekening: het bestand is na het ondertekenen gewijzigd of niet door de leverancier gemaakt
error-payload = inhoud: { $problem }
error-catalog = catalogus: { $problem }
error-invalid-payload = inhoud: { $field }: { $problem }
error-wrong-product = de licentie is voor product "{ $found }", niet voor "{ $expected }": vraag de leverancier om een licentie voor { $expected }
error-request = activeringsaanvraag: { $problem }
error-clock-reset-request = klokherstelaanvraag: { $problem }
error-key = sleutel: { $problem }
error-weak-key = sleutel { $kid } is een zwakke publieke sleutel (van kleine orde) en kan nooit worden vertrouwd
error-signed-by-root = het bestand is rechtstreeks ondertekend met hoofdsleutel { $kid }: een hoofdsleutel certificeert alleen uitgiftesleutels; vraag de leverancier om een bestand dat met een uitgiftesleutel is ondertekend
error-certificate-not-by-root = het certificaat is ondertekend met sleutel { $kid }, die geen vertrouwde hoofdsleutel is: vertrouw de hoofdsleutel van de leverancier, of vraag de leverancier om een certificaat dat daarmee is ondertekend
error-certificate-bad-signature = ongeldige handtekening op het certificaat: het is na het ondertekenen gewijzigd of niet met de hoofdsleutel van de leverancier gemaakt
error-certificate-payload = inhoud van het certificaat: { $problem }
error-certificate-wrong-product = het certificaat is voor product "{ $found }", niet voor "{ $expected }": vraag de leverancier om een certificaat voor { $expected }
error-certificate-other-key = het bestand is ondertekend met sleutel { $kid }, maar het certificaat is voor sleutel { $certified }: het bestand en het certificaat horen niet bij elkaar
error-certificate-usage = het certificaat van sleutel { $kid } staat niet toe dat die { $document ->
    [clock-reset] een klokherstelbestand
    [revocation-list] een intrekkingslijst
    [key-certificate] een sleutelcertificaat
   *[other] een licentiebestand
} ondertekent: vraag de leverancier om een bestand dat is ondertekend met een sleutel die daarvoor is gecertificeerd
error-certificate-window = het bestand is uitgegeven op { $issued_at }, buiten het certificaat van sleutel { $kid }, geldig van { $valid_from } tot { $valid_until }: vraag de leverancier om een bestand dat onder een geldig certificaat is ondertekend

## De problemen binnen de fouten: problem-format-FOUTCODE-PROBLEEM, of
## problem-format-PROBLEEM voor de JSON- en tekstproblemen die meerdere fouten delen, met
## de details van de fout als argumenten. $document is license-file of
## clock-reset (of key-certificate, revocation-list); $kind en $expected van een catalogcode zijn system of plan.

problem-format-armor-no-block = geen { $document ->
    [clock-reset] klokherstel
    [key-certificate] sleutelcertificaat
    [revocation-list] intrekkingslijst
   *[other] licentie
} gevonden: de invoer heeft geen regel { $begin_line }; geef { $document ->
    [clock-reset] het klokherstelbestand
    [key-certificate] het sleutelcertificaat
    [revocation-list] de intrekkingslijst
   *[other] het licentiebestand
} dat de leverancier stuurde
problem-format-armor-second-block = regel { $line }: een tweede regel { $begin_line }: een bestand bevat precies één { $document ->
    [clock-reset] klokherstel; splits het in één bestand per klokherstel
    [key-certificate] sleutelcertificaat; splits het in één bestand per sleutelcertificaat
    [revocation-list] intrekkingslijst; splits het in één bestand per intrekkingslijst
   *[other] licentie; splits het in één bestand per licentie
}
problem-format-armor-unterminated = { $begin_line } zonder { $end_line }: het bestand is afgebroken; kopieer het hele bestand
problem-format-armor-foreign-character = regel { $line }: teken { $character } is niet toegestaan in de inhoud (alleen base64 en witruimte): het bestand is beschadigd; vraag het opnieuw op
problem-format-base64-invalid-byte = ongeldig symbool { $byte } op positie { $offset }
problem-format-base64-invalid-length = ongeldige lengte: { $length }
problem-format-base64-invalid-last-symbol = ongeldig laatste symbool { $byte } op positie { $offset }
problem-format-base64-invalid-padding = ongeldige opvulling
problem-format-envelope-not-base64 = { $member } is geen standaard-base64
problem-format-envelope-signature-length = sig is { $length } bytes, een Ed25519-handtekening is 64 bytes
problem-format-envelope-certificate-in-certificate = een sleutelcertificaat bevat geen veld cert: een hoofdsleutel ondertekent het rechtstreeks

# JSON-problemen (envelop, inhoud, aanvragen).
problem-format-not-json = { $detail } op regel { $line }, kolom { $column }
problem-format-missing-member = veld `{ $member }` ontbreekt op regel { $line }, kolom { $column }
problem-format-unknown-member = onbekend veld `{ $member }` op regel { $line }, kolom { $column }
problem-format-duplicate-member = veld `{ $member }` komt twee keer voor op regel { $line }, kolom { $column }
problem-format-not-a-timestamp = "{ $value }" is geen RFC 3339-tijdstip zoals 2026-12-01T00:00:00Z ({ $reason }) op regel { $line }, kolom { $column }
# $reason van not-a-timestamp, eerst omgezet.
problem-format-timestamp = "{ $value }" is geen RFC 3339-tijdstip zoals 2026-12-01T00:00:00Z ({ $reason })
problem-format-timestamp-shape = verwacht JJJJ-MM-DDTuu:mm:ss
problem-format-timestamp-leap-second = een schrikkelseconde is geen tijdstip van dit formaat
problem-format-timestamp-fraction = een fractie van een seconde heeft 1 tot 9 cijfers
problem-format-timestamp-zone = verwacht Z of een verschuiving zoals +01:00 aan het eind
problem-format-timestamp-no-such-time = die datum of tijd bestaat niet
problem-format-timestamp-year-range = buiten de jaren 0000 tot en met 9999 na omrekening naar UTC

# Tekstproblemen van een veld van de inhoud (invalid-payload noemt het veld).
problem-format-empty = mag niet leeg zijn
problem-format-too-long = is { $length } bytes, meer dan de grens van { $max } bytes
problem-format-control-character = "{ $value }" bevat een stuurteken: het is beschadigd of bewerkt
problem-format-not-printable-ascii = "{ $value }" bevat '{ $character }': een id bestaat uit afdrukbare ASCII-tekens zonder spaties
problem-format-forbidden-character = { $value } bevat { $codepoint }, een stuurteken, regeleinde of teken dat de schrijfrichting omkeert

problem-format-invalid-payload-out-of-range = moet tussen { $min } en { $max } liggen
problem-format-invalid-payload-too-many-days = { $days } is meer dan de grens van { $max } dagen
problem-format-invalid-payload-not-after-start = moet na valid_from liggen
problem-format-invalid-payload-grant-not-after-start = moet na valid_from van de licentie liggen
problem-format-invalid-payload-outlives-license = { $ends_at } ligt na het einde van de licentie, { $license_ends_at }
problem-format-invalid-payload-other-kind = "{ $catalog_code }" is { $kind ->
    [system] een systeemlicentie
   *[other] een gebruikersplan
}, geen { $expected ->
    [system] systeemlicentie
   *[other] gebruikersplan
}
problem-format-invalid-payload-unknown-code = onbekend{ $kind ->
    [system] e systeemlicentie
   *[other] { "" } gebruikersplan
} "{ $catalog_code }"{ $suggestion ->
    [none] {""}
   *[other] ; bedoelt u "{ $suggestion }"?
}
problem-format-invalid-payload-code-twice = "{ $catalog_code }" staat er twee keer; geef elke code één keer
problem-format-invalid-payload-malformed-nonce = nonce "{ $value }" is geen 32 hexadecimale cijfers in kleine letters (128 bits): de aanvraag is beschadigd of bewerkt; vraag de installatie om een nieuwe aanvraag
problem-format-invalid-payload-malformed-key-id = "{ $value }" is geen sleutel-id (16 hexadecimale cijfers in kleine letters)
problem-format-invalid-payload-malformed-key = is niet de base64 van een publieke Ed25519-sleutel van 32 bytes en volle orde
problem-format-invalid-payload-key-id-mismatch = { $found } is niet de id van de gecertificeerde sleutel, die { $kid } is
problem-format-invalid-payload-unknown-usage = "{ $value }" is geen gebruik: license-file, clock-reset of revocation-list
problem-format-invalid-payload-usage-twice = "{ $value }" staat er twee keer; geef elk gebruik één keer
problem-format-invalid-payload-no-usage = moet minstens één soort document noemen
problem-format-invalid-payload-not-ascending = "{ $value }" komt niet na de vorige: de lijst is gesorteerd op bytewaarde, elke waarde één keer

problem-format-request-wrong-format = formaat { $found } is niet "{ $expected }": dit is geen activeringsaanvraag
problem-format-request-empty = { $member } mag niet leeg zijn
problem-format-request-too-long = { $member } is { $length } bytes, meer dan de grens van { $max } bytes
problem-format-request-control-character = { $member } "{ $value }" bevat een stuurteken: het is beschadigd of bewerkt
problem-format-request-not-printable-ascii = { $member } "{ $value }" bevat '{ $character }': een id bestaat uit afdrukbare ASCII-tekens zonder spaties
problem-format-request-forbidden-character = { $member } { $value } bevat { $codepoint }, een stuurteken, regeleinde of teken dat de schrijfrichting omkeert

problem-format-clock-reset-request-wrong-format = formaat { $found } is niet "{ $expected }": dit is geen klokherstelaanvraag
problem-format-clock-reset-request-is-activation-request = dit is een activeringsaanvraag (activation-request/v1), geen klokherstelaanvraag
problem-format-clock-reset-request-is-document = dit is { $document ->
    [clock-reset] een klokherstelbestand
    [key-certificate] een sleutelcertificaat
    [revocation-list] een intrekkingslijst
   *[other] een licentiebestand
}, geen klokherstelaanvraag
problem-format-clock-reset-request-malformed-nonce = nonce "{ $value }" is geen 32 hexadecimale cijfers in kleine letters (128 bits): de aanvraag is beschadigd of bewerkt; vraag de installatie om een nieuwe aanvraag
problem-format-clock-reset-request-empty = { $member } mag niet leeg zijn
problem-format-clock-reset-request-too-long = { $member } is { $length } bytes, meer dan de grens van { $max } bytes
problem-format-clock-reset-request-control-character = { $member } "{ $value }" bevat een stuurteken: het is beschadigd of bewerkt
problem-format-clock-reset-request-not-printable-ascii = { $member } "{ $value }" bevat '{ $character }': een id bestaat uit afdrukbare ASCII-tekens zonder spaties
problem-format-clock-reset-request-forbidden-character = { $member } { $value } bevat { $codepoint }, een stuurteken, regeleinde of teken dat de schrijfrichting omkeert

problem-format-key-no-public-key = geen blok -----BEGIN PUBLIC KEY----- gevonden: geef het .pub-bestand van de leverancier
problem-format-key-unterminated = -----BEGIN PUBLIC KEY----- zonder -----END PUBLIC KEY-----: het sleutelbestand is afgebroken
problem-format-key-marker-in-block = regel { $line }: { $marker } binnen een PUBLIC KEY-blok: het sleutelbestand is beschadigd
problem-format-key-private-key-in-keyring = regel { $line }: { $marker }: een privésleutel hoort niet in een sleutelbos; verwijder hem, en houd hem geheim
problem-format-key-foreign-block = regel { $line }: { $marker }: een sleutelbos bevat alleen PUBLIC KEY-blokken
problem-format-key-wrapping = regel { $line }: de base64 van een PUBLIC KEY-blok staat op regels van { $width } tekens, de laatste korter, zonder lege regel
problem-format-key-not-base64 = regel { $line }: een PUBLIC KEY-blok is geen geldige base64
problem-format-key-key-length = regel { $line }: een PUBLIC KEY-blok is geen Ed25519-sleutel van 32 bytes
problem-format-key-not-ed25519 = regel { $line }: een PUBLIC KEY-blok is geen Ed25519 SubjectPublicKeyInfo (OID 1.3.101.112, zonder parameters)
problem-format-key-not-a-point = een PUBLIC KEY-blok bevat 32 bytes die geen Ed25519-punt zijn
problem-format-key-not-one-key = de tekst bevat { $count } publieke sleutels waar er één wordt verwacht
problem-format-key-encrypted-private-key = de privésleutel is versleuteld: ontsleutel hem eerst met zijn wachtwoordzin
problem-format-key-not-a-private-key = geen Ed25519-privésleutel in PKCS#8 PEM
