# De fouten van de formaat-crate in het Nederlands (de argumenten komen uit
# license_format::Error::details). Elke melding heeft haar tweeling in en.ftl.

# Waar de gegevens de eigen tekst van de parser zijn ($detail, en $problem van
# invalid-payload), komen ze in het Engels uit license-format en staan ze er zoals ze zijn.
# $what van too-large is een code: license-file, activation-request, key-file,
# clock-reset-request.

error-too-large = { $what ->
    [license-file] het licentiebestand
    [activation-request] de activeringsaanvraag
    [key-file] het sleutelbestand
    [clock-reset-request] de klokherstelaanvraag
   *[other] { $what }
} is { $size } bytes, meer dan de grens van { $limit } bytes: dit is geen { $what ->
    [license-file] licentiebestand
    [activation-request] activeringsaanvraag
    [key-file] sleutelbestand
    [clock-reset-request] klokherstelaanvraag
   *[other] { $what }
}
error-armor = omhulling: { $detail }
error-base64 = omhulling: de inhoud is geen geldige base64 ({ $detail }): het bestand is onderweg beschadigd; vraag het opnieuw op
error-envelope = envelop: { $detail }
error-unsupported-format = onbekend formaat "{ $found }": dit programma leest { $known }; werk het product bij om nieuwere bestanden te lezen
error-wrong-document-kind = dit is een document van de soort { $found }, geen { $expected }: importeer het als wat het is
error-unsupported-algorithm = onbekend algoritme "{ $found }": licentiebestanden worden ondertekend met "ed25519"
error-malformed-key-id = envelop: kid "{ $found }" is geen sleutel-id (16 hexadecimale cijfers in kleine letters)
error-unknown-key = onbekende sleutel { $kid }: het bestand is ondertekend met een sleutel die hier niet wordt vertrouwd; vertrouw de publieke sleutel van de leverancier met die id, of vraag de leverancier om een bestand dat met een vertrouwde sleutel is ondertekend
error-bad-signature = ongeldige handtekening: het bestand is na het ondertekenen gewijzigd of niet door de leverancier gemaakt
error-payload = inhoud: { $detail }
error-invalid-payload = inhoud: { $field }: { $problem }
error-wrong-product = de licentie is voor product "{ $found }", niet voor "{ $expected }": vraag de leverancier om een licentie voor { $expected }
error-request = activeringsaanvraag: { $detail }
error-clock-reset-request = klokherstelaanvraag: { $detail }
error-key = sleutel: { $detail }
error-weak-key = sleutel { $kid } is een zwakke publieke sleutel (van kleine orde) en kan nooit worden vertrouwd
