# The words of license-issuer in English. Every message here has its twin in nl.ftl.
# The errors of the issuer library are error-issuer-CODE (a code of
# license_issuer::Error; the format's errors, error-CODE, are in the shared files of
# license-i18n), with the error's details as arguments. Where an argument is the
# library's own text ($problem of an order, request, key file or ledger, $detail of the
# system, SQLite or a parser), it is English and embedded as it is, in both languages.

## The line prefixes.

line-error = license-issuer: error: { $text }
line-hint = hint: { $text }
line-warning = license-issuer: warning: { $text }
line-refused = license-issuer: refused: { $text }

## Errors of the issuer library.

error-issuer-order = { $source_name }: { $field }: { $problem }
error-issuer-order-syntax = { $source_name }: not a JSON order ({ $detail }): fix the JSON syntax
error-issuer-request = { $source_name }: { $problem }
error-issuer-unbound = { $source_name }: installation_id: the order names no installation: give installation_id in the order or an activation request with --request, or say --unbound to issue a license valid on any installation
error-issuer-bound-and-unbound = { $source_name }: installation_id: --unbound was said but the license would be bound to "{ $installation_id }": drop --unbound, or the installation
error-issuer-missing-issuer-name = no issuer name: give --issuer NAME or set LICENSE_ISSUER_NAME to the vendor's display name
error-issuer-key-name = "{ $name }": a key name may hold only letters, digits, '-', '_' and '.', and not start with '.': choose another --name
error-issuer-key-file = { $path }: { $problem }
error-issuer-key-permissions = { $path }: the private key is readable by group or others (mode { $mode }): restrict it with `chmod 600 { $path }`
error-issuer-wrong-passphrase = { $path }: wrong passphrase: the key could not be decrypted; check LICENSE_ISSUER_PASSPHRASE or retype it
error-issuer-passphrase = passphrase: { $problem ->
    [not-utf8] LICENSE_ISSUER_PASSPHRASE is not UTF-8 text
    [none-for-new-key] no passphrase for the new key: set LICENSE_ISSUER_PASSPHRASE or run keygen on a terminal to choose a passphrase
    [no-terminal] the key is encrypted and no terminal is attached: set LICENSE_ISSUER_PASSPHRASE
    [unreadable] could not read it from the terminal ({ $detail })
    [differ] the two passphrases differ: run again and type the same one twice
    [empty] the passphrase is empty: choose a non-empty one
   *[cannot-encrypt] the key could not be encrypted ({ $detail })
}
error-issuer-exists = { $path } exists: refusing to overwrite it; pass --force to replace it
error-issuer-too-large = { $path }: over the limit of { $limit } bytes: no { $what ->
    [license-file] license file
    [activation-request] activation request
    [key-file] key file
    [order] order
    [clock-reset-request] clock-reset request
   *[other] { $what }
} is this large; check the path
error-issuer-no-such-directory = { $path }: the directory { $dir } does not exist: create it first (mkdir -p { $dir }) or give another --out
error-issuer-io = { $path }: { $detail }{ $kind ->
    [not-found] : check the path
    [permission-denied] : check the file's permissions
   *[other] {""}
}
error-issuer-written-after-record = { $license_id } was issued and recorded, but { $path } could not be written ({ $detail }): `license-issuer ledger show { $license_id }` prints the file
error-issuer-ledger-unusable = { $path }: { $problem }; the file was left untouched: give another --ledger path or restore the ledger from a backup
error-issuer-ledger-missing = { $path }: no ledger here: issue a license first, or give --ledger PATH (or LICENSE_LEDGER) of an existing ledger
error-issuer-ledger = ledger: { $detail }
error-issuer-self-check = self-check failed: the signed file does not verify ({ $cause }); nothing was recorded: check the signing key and the machine
error-issuer-no-such-license = no license { $license_id } in { $path }
error-issuer-usage = the command line is not understood: { $detail }

## Hints.

hint-input = nothing was issued or recorded; fix the input and run again
hint-ledger = another issuer may hold the ledger; retry, or check the --ledger path
hint-no-such-license = `license-issuer ledger list` shows the ids issued

## Warnings.

warning-example-key = signing with example key { $kid } of keys-example/, which anyone can sign with: installations must never trust it
warning-term-ended = { $license_id }: its last day was { $last_day } and the last day of its grace { $grace_last_day }: installations will refuse it; check valid_until in the order
warning-term-in-grace = { $license_id }: its last day was { $last_day }: installations run it in grace, with warnings, until { $grace_last_day }; check valid_until in the order

## Terms.

term-perpetual = perpetual

## keygen.

passphrase-prompt = Passphrase:{" "}
passphrase-prompt-again = Passphrase again:{" "}
keygen-key-id = key id: { $kid }
keygen-private-key = { $encrypted ->
    [yes] encrypted private key
   *[no] private key
}: { $path } (mode 0600; keep it secret)
keygen-public-key = public key: { $path } (give it to installations to trust)

## issue, batch and clock-reset.

issue-summary = issued { $license_id } (serial { $serial }) for { $customer } ({ $customer_id }), bound to { $installation }
issue-summary-unbound = issued { $license_id } (serial { $serial }) for { $customer } ({ $customer_id }), bound to any installation (unbound)
issue-written = written to { $path }; recorded in { $ledger }
batch-summary = issued { $issued }, refused { $refused }{ $stopped ->
    [yes] {" "}(stopped at the first refusal: --fail-fast)
   *[no] {""}
}; files in { $out_dir }
batch-refused-unbound = { $source_name }: installation_id: the order names no installation: name installation_id in the order line, or say --unbound to issue licenses valid on any installation
batch-progress = { $spinner } { $pos } orders processed ({ $per_sec }) { $elapsed }
clock-reset-summary = clock reset for installation { $installation_id } ({ $hostname }): its clock mark becomes { $mark }{ $resent ->
    [yes] {" "}(issued before for this request: the same file again)
   *[no] {""}
}
clock-reset-import = import it on the installation: license-verifier import { $path }

## inspect and ledger show: labels, and their values.

label-license = license
label-serial = serial
label-signature = signature
label-product = product
label-issuer = issuer
label-customer = customer
label-installation = installation
label-issued-at = issued at
label-valid-from = valid from
label-valid-until = valid until
label-system = system
label-plan = plan
label-key-id = key id
label-sha256 = sha256
inspect-license = { $license_id } (serial { $serial })
inspect-signature-valid = valid (key { $kid })
inspect-signature-not-checked = not checked: give --trust VENDOR.pub (signed by key { $kid })
inspect-signature-unknown-key = unknown key { $kid }: none of the --trust keys signed this file
inspect-signature-bad = BAD: the file was altered after signing or not made by key { $kid }
inspect-unbound = any (unbound)
inspect-valid-until = { $last_day } (grace { $grace_days ->
    [one] { $grace_days } day
   *[other] { $grace_days } days
})
inspect-system = { $code } until { $last_day }
inspect-plan = { $code } x{ $seats } until { $last_day }

## ledger list.

ledger-none = no licenses recorded
ledger-none-for-customer = no licenses recorded for customer { $customer_id }
ledger-row = { $license_id }  serial { $serial }  { $customer } ({ $customer_id })  installation { $installation }  issued { $issued_at }  until { $last_day }  key { $kid }
ledger-unbound = unbound
