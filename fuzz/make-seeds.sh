#!/usr/bin/env bash
# Regenerates the committed seed corpora in fuzz/seeds/<target>/ from the test vectors,
# the example keys and a sample activation request, and the libFuzzer dictionary
# fuzz/dicts/json.dict from the format's vocabulary and the catalog. Deterministic: running it again
# gives byte-identical files. Needs jq, base64 and xxd.
set -euo pipefail
cd "$(dirname "$0")"
root=..
seeds=seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{license_file,payload,activation_request,keys,order,trust}
cp "$root"/demo/order.json "$seeds/order/demo.json"
cat > "$seeds/order/array-plans.json" <<'JSON'
{"customer": {"id": "C-2", "name": "Beta BV"}, "installation_id": "inst-1",
 "valid_from": "2026-12-01T00:00:00Z", "valid_until": null, "grace_days": 0,
 "system_licenses": [{"code": "superoffice-server", "valid_until": "2027-01-31"}],
 "user_plans": [{"code": "service-premium", "seats": 3, "valid_until": null}]}
JSON

# Whatever is between the armor lines of a vector, decoded (BOM, CR and indentation are
# what the reader tolerates; base64 -d ignores newlines).
envelope_of() {
    sed -n '/-----BEGIN LICENSE FILE-----/,/-----END LICENSE FILE-----/p' "$1" \
        | sed '1d;$d' | tr -d '\r\t ' | base64 -d 2>/dev/null
}

for lic in "$root"/tests/vectors/*.lic; do
    name=$(basename "$lic" .lic)
    # The 1 MiB vector only shows the size check, which the fuzzer finds in one step.
    [ "$(stat -c %s "$lic")" -le 65536 ] || continue
    cp "$lic" "$seeds/license_file/$name"
    # Payload seeds: the payload bytes of every vector whose envelope can be read.
    if payload=$(envelope_of "$lic" | jq -er .payload 2>/dev/null); then
        printf '%s' "$payload" | base64 -d > "$seeds/payload/$name" 2>/dev/null \
            || rm -f "$seeds/payload/$name"
    fi
done

# The chain of trust: certificates, revocation lists, certified files and clock resets.
for doc in "$root"/tests/vectors/*.cert "$root"/tests/vectors/*.revocation \
    "$root"/tests/vectors/*cert*.lic "$root"/tests/vectors/*held*.lic \
    "$root"/tests/vectors/*cert*.reset "$root"/tests/vectors/*held*.reset; do
    cp "$doc" "$seeds/trust/$(basename "$doc")"
done

cat > "$seeds/activation_request/sample.json" <<'JSON'
{
  "format": "activation-request/v1",
  "product": "superoffice-crm",
  "installation_id": "inst-4f2a9c1e",
  "hostname": "crm01.example.com",
  "created_at": "2026-01-10T08:15:00Z"
}
JSON
printf '\xef\xbb\xbf{"created_at":"2026-01-10T09:15:00.123456789+01:00","hostname":"h\\u00f6st","installation_id":"0123456789abcdef0123456789abcdef","product":"superoffice-crm","format":"activation-request/v1"}' \
    > "$seeds/activation_request/bom-offset.json"
printf '{"format":"activation-request/v1","product":"other","installation_id":" ","hostname":"","created_at":"2026-01-10 08:15:00Z","extra":1}' \
    > "$seeds/activation_request/refused.json"

keys=$root/keys-example
for f in "$keys"/*.pub "$keys"/*.key; do cp "$f" "$seeds/keys/$(basename "$f")"; done
cat "$keys/vendor.pub" "$keys/vendor-next.pub" > "$seeds/keys/keyring.pem"
# The PKCS#8 v2 form (with the public key, FORMAT.md §9.1) of vendor.key.
seed_hex=$(sed '1d;$d' "$keys/vendor.key" | base64 -d | tail -c 32 | xxd -p -c 64)
pub_hex=$(sed '1d;$d' "$keys/vendor.pub" | base64 -d | tail -c 32 | xxd -p -c 64)
{
    echo '-----BEGIN PRIVATE KEY-----'
    printf '3051020101300506032b657004220420%s812100%s' "$seed_hex" "$pub_hex" \
        | xxd -r -p | base64 -w 64
    echo '-----END PRIVATE KEY-----'
} > "$seeds/keys/vendor-v2.key"
printf '06ef9a21a2daf72c' > "$seeds/keys/kid.txt"

# libFuzzer dictionary: one quoted token a line, `\\` and `\"` escaped.
mkdir -p dicts
{
    echo '# JSON tokens and the vocabulary of FORMAT.md §3, §6 and §8 for the payload and'
    echo '# activation_request targets (libFuzzer -dict). Made by fuzz/make-seeds.sh.'
    for t in '{' '}' '[' ']' ':' ',' null true false 0 1 -1 1e999 \
        18446744073709551616 9007199254740992 '\u0000' '\ud800' '\"'; do
        printf '"%s"\n' "$(printf '%s' "$t" | sed 's/\\/\\\\/g; s/"/\\"/g')"
    done
    for m in format alg kid payload sig license_id serial product issued_at issuer customer \
        id name installation_id valid_from valid_until grace_days system_licenses user_plans \
        code seats extensions hostname created_at; do
        printf '"\\"%s\\":"\n' "$m"
    done
    for v in license-file/v1 activation-request/v1 ed25519 superoffice-crm \
        2026-01-01T00:00:00Z 2027-01-01T00:00:00.999999999+23:59 1970-01-01T00:00:00-00:00 \
        $(jq -r '.system_licenses[].code, .user_plans[].code' "$root/catalog/catalog.json"); do
        printf '"\\"%s\\""\n' "$v"
    done
} > dicts/json.dict

echo "seeds: $(find "$seeds" -type f | wc -l) files in $seeds/"
