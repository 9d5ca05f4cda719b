# The words of license-issuer in English. Every message here has its twin in nl.ftl.
# The errors of the issuer library are error-issuer-CODE (a code of
# license_issuer::Error; the format's errors, error-CODE, are in the shared files of
# license-i18n), with the error's details as arguments. $problem is the message
# problem-CODE-PROBLEM below, already in words. Where an argument is another program's
# text ($detail of the system, SQLite or a parser), it is English and embedded as it is,
# in both languages.

## The line prefixes.

line-error = license-issuer: error: { $text }
line-hint = hint: { $text }
line-warning = license-issuer: warning: { $text }
line-refused = license-issuer: refused: { $text }
line-note = license-issuer: note: { $text }

## Errors of the issuer library.

error-issuer-order = { $source_name }: { $field }: { $problem }
error-issuer-order-syntax = { $source_name }: not a JSON order ({ $problem }): fix the JSON syntax
error-issuer-request = { $source_name }: { $problem }
error-issuer-unbound = { $source_name }: installation_id: the order names no installation: give installation_id in the order or an activation request with --request, or say --unbound to issue a license valid on any installation
error-issuer-bound-and-unbound = { $source_name }: installation_id: --unbound was said but the license would be bound to "{ $installation_id }": drop --unbound, or the installation
error-issuer-missing-issuer-name = no issuer name: give --issuer NAME or set LICENSE_ISSUER_NAME to the vendor's display name
error-issuer-key-name = "{ $name }": a key name may hold only letters, digits, '-', '_' and '.', and not start with '.': choose another --name
error-issuer-key-file = { $path }: { $problem }
error-issuer-key-permissions = { $path }: the private key is readable by group or others (mode { $mode }): restrict it with `chmod 600 { $path }`
error-issuer-wrong-passphrase = { $path }: wrong passphrase: the key could not be decrypted; check LICENSE_ISSUER_PASSPHRASE or retype it
error-issuer-passphrase = passphrase: { $problem }
error-issuer-exists = { $path } exists: refusing to overwrite it; pass --force to replace it
error-issuer-too-large = { $path }: over the limit of { $limit } bytes: no { $what ->
    [license-file] license file
    [activation-request] activation request
    [key-file] key file
    [order] order
    [clock-reset-request] clock-reset request
    [key-certificate] key certificate
    [document] document
   *[other] { $what }
} is this large; check the path
error-issuer-no-such-directory = { $path }: the directory { $dir } does not exist: create it first (mkdir -p { $dir }) or give another --out
error-issuer-io = { $path }: { $detail }{ $kind ->
    [not-found] : check the path
    [permission-denied] : check the file's permissions
   *[other] {""}
}
error-issuer-not-delivered = { $path }: the license could not be delivered ({ $detail }); nothing was recorded: make room for the output and run again
error-issuer-written-after-record = { $license_id } was issued and recorded, but { $path } could not be written ({ $detail }): `license-issuer ledger show { $license_id }` prints the file
error-issuer-ledger-unusable = { $path }: { $problem }; the file was left untouched: give another --ledger path or restore the ledger from a backup
error-issuer-ledger-missing = { $path }: no ledger here: issue a license first, or give --ledger PATH (or LICENSE_LEDGER) of an existing ledger
error-issuer-ledger = ledger: { $detail }
error-issuer-self-check = self-check failed: { $problem }; nothing was recorded: check the signing key and the machine
error-issuer-no-such-license = no license { $license_id } in { $path }
error-issuer-usage = the command line is not understood: { $detail }
error-issuer-certificate = { $source_name }: { $problem }
error-issuer-key-revoked = { $role ->
    [root] the root key { $kid } of the --cert certificate
    [certified] the key { $kid } to certify
   *[signing] the signing key { $kid }
} was revoked in revocation list { $serial } on { $revoked_at }: installations holding that list refuse everything it signs; use another key
error-issuer-issued-revoked = order { $order_id } was issued as license { $license_id }, which revocation list { $serial } revoked on { $revoked_at }{ $by ->
    [key] {" "}(its signing key { $id } was revoked)
   *[other] {""}
}: installations refuse that file; pass --reissue to sign a new license for the order
error-issuer-certify-same-key = the root key and the key to certify are the same key { $kid }: a root certifies other keys; give the issuing key's public key (.pub) with --key
error-issuer-certify-window = the window from { $valid_from } to { $valid_until } is empty: give a --valid-until after --valid-from (which is now unless given)
error-issuer-date = { $option }: { $problem }
error-issuer-unknown-usage = --usage: unknown usage "{ $value }": use license-file, clock-reset or revocation-list, comma-separated
error-issuer-nothing-to-revoke = nothing to revoke: give --license LICENSE_ID or --key-id KID, once or more
error-issuer-unknown-license = --license { $license_id }: the ledger { $path } never issued this license: check the id with `license-issuer ledger list`
error-issuer-revoke-key-id = --key-id "{ $value }": not a key id: give 16 lowercase hex digits, as keygen and `license-issuer ledger list` show them
error-issuer-revokes-own-key = the list would revoke { $role ->
    [root] the root key { $kid } of its own certificate
   *[other] its own signing key { $kid }
}, and every installation would then refuse it: sign the list with another key (--key, and its --cert)
error-issuer-revoke-reason = --reason: { $cause_problem }: give the reason as one line of plain text

## The problems inside errors: problem-ERRORCODE-PROBLEM, a code of the library's
## OrderProblem, SyntaxProblem, RequestProblem, KeyFileProblem, LedgerProblem or
## PassphraseProblem, with the error's details as arguments ($cause already in words).

problem-order-too-large = more than { $limit } bytes, far larger than any order: give one order per file or line
problem-order-missing = missing: { $member ->
    [customer] give {"{"}"id": "C-1001", "name": "Acme AS"{"}"}
    [code] give the catalog code
    [seats] give the number of seats
   *[other] give the customer's id and name
}
problem-order-ends-before-start = the license ends { $ends_at } before it starts at valid_from { $starts_at }{ $start_is_now ->
    [true] {" "}(now, as no valid_from is given)
   *[false] {""}
}: set valid_until after valid_from
problem-order-grants-nothing = the order grants nothing: list system_licenses or user_plans
problem-order-wrong-type = { $expected ->
    [order] is { word-json-kind }, an order is a JSON object with { $allowed }
    [object] is { word-json-kind }, expected an object with { $allowed }
    [string] is { word-json-kind }, expected a string
    [date] is { word-json-kind }, expected a date like "2027-11-30"
    [days] is { word-json-kind }: give a whole number of days from 0 to { $max }
    [system-licenses] is { word-json-kind }, expected an array of codes or {"{"}"code", "valid_until"{"}"} objects
    [system-license] is { word-json-kind }, expected a code string or an object
    [user-plans] is { word-json-kind }, expected {"{"}"code": seats{"}"} or an array of {"{"}"code", "seats", "valid_until"{"}"}
   *[seats] seats is { word-json-kind }, expected a whole number
}
problem-order-unknown-member = unknown member: remove it; allowed are { $allowed }
problem-order-given-twice = given twice: give each member once
problem-order-empty = is empty: give a value
problem-order-not-a-date = "{ $value }" is not a date like 2027-11-30 or an RFC 3339 timestamp like 2027-11-30T12:00:00Z
problem-order-date-out-of-range = "{ $value }" lies outside the years 0000 to 9999 (UTC) that a license file can hold: choose a date within them
problem-order-grace-days-out-of-range = { $value } is out of range: give a whole number of days from 0 to { $max }
problem-order-seats-too-few = seats must be at least 1, not { $seats }
problem-order-seats-not-whole = seats { $seats } is not a whole number
problem-order-seats-too-many = seats { $seats } is over the limit of { $max }
problem-order-other-kind = "{ $catalog_code }" is a { word-license-kind }, not a { word-other-license-kind }: list it under { $kind ->
    [system] system_licenses
   *[plan] user_plans
}
problem-order-unknown-code = unknown { word-license-kind } "{ $catalog_code }": { $suggestion ->
    [none] use a { word-license-kind } code of the catalog: { $known }
   *[other] did you mean "{ $suggestion }"?
}
problem-order-code-twice = "{ $catalog_code }" is given twice: give each code once
problem-order-grant-outlives-license = the grant ends { $ends_at }, it outlives the license, which ends { $license_ends_at }: end the grant on or before the license's valid_until
problem-order-grant-ends-before-start = the grant ends { $ends_at } before the license starts at { $starts_at }: set it after valid_from
problem-order-not-an-id = must be 1 to { $limit } printable ASCII characters without spaces: give the order's reference as the vendor's systems write it
problem-order-order-id-of-other-customer = order_id "{ $order_id }" was issued to customer { $issued_to } ({ $license_id }), but this order is for customer { $customer_id }: give this order a new order_id, or check that it is the order meant
problem-order-payload-rule = { $cause_problem }
problem-order-syntax-not-utf8 = not UTF-8 text: the first bad byte is at offset { $offset }
problem-order-syntax-not-json = { $detail } at line { $line } column { $column }
problem-request-not-an-activation-request = { $cause }; ask the installation for the file its `request` command wrote
problem-request-no-request-found = holds no activation request: no {"{"}...{"}"} JSON object was found; ask the installation for the file its `request` command wrote
problem-request-several-objects = holds { $count } JSON objects where one activation request was expected: keep only the request and run again
problem-request-not-a-clock-reset-request = { $cause }; give the clock-reset request the installation wrote
problem-request-other-installation = the request is from installation "{ $installation_id }" but { $order_name } names installation_id "{ $order_installation_id }": correct the order or use the request of the right installation
problem-request-other-product = the request is for product "{ $product }", this issuer licenses "{ $expected_product }": use the issuer of that product
problem-request-nonce-used = nonce { $nonce } was answered already, for another request (installation "{ $installation_id }"): a nonce is used once; ask the installation for a new request
problem-key-file-private-not-text = is not PEM text: give the .key file written by keygen
problem-key-file-public-not-text = is not PEM text: give the .pub file written by keygen
problem-key-file-public-key-given = this is a public key: give the private key (.key) written by keygen, not the .pub file
problem-key-file-not-a-private-key = { $cause }: give the .key file written by keygen
problem-key-file-damaged-pem = damaged encrypted key PEM ({ $detail }): give the .key file written by keygen
problem-key-file-wrong-label = holds a { $label } block, not an ENCRYPTED PRIVATE KEY: give the .key file written by keygen
problem-key-file-damaged-key = damaged encrypted key ({ $detail }): give the .key file written by keygen
problem-key-file-not-a-public-key = { $cause }: give the .pub file written by keygen
problem-ledger-unusable-cannot-open = cannot be opened as a ledger ({ $detail })
problem-ledger-unusable-not-sqlite = is not a readable SQLite database ({ $detail })
problem-ledger-unusable-damaged = is damaged ({ $detail })
problem-ledger-unusable-read-only = cannot be written ({ $detail }): the file or its directory is read-only; check their permissions, or give a --ledger path this user may write
problem-ledger-unusable-other-program = is an SQLite database of another program, not a license ledger
problem-ledger-unusable-other-application-id = has application id { $application_id }, not a license ledger's
problem-ledger-unusable-newer = was written by a newer license-issuer (schema { $schema }, this one knows up to { $known }); upgrade license-issuer
problem-ledger-unusable-uninitialised = the ledger is empty or was never initialised
problem-passphrase-not-utf8 = LICENSE_ISSUER_PASSPHRASE is not UTF-8 text
problem-passphrase-none-for-new-key = no passphrase for the new key: set LICENSE_ISSUER_PASSPHRASE or run keygen on a terminal to choose a passphrase
problem-passphrase-no-terminal = the key is encrypted and no terminal is attached: set LICENSE_ISSUER_PASSPHRASE
problem-passphrase-unreadable = could not read it from the terminal ({ $detail })
problem-passphrase-differ = the two passphrases differ: run again and type the same one twice
problem-passphrase-empty = the passphrase is empty: choose a non-empty one
problem-passphrase-cannot-encrypt = the key could not be encrypted ({ $detail })
problem-date-not-a-date = "{ $value }" is not a date like 2027-11-30 or an RFC 3339 timestamp like 2027-11-30T12:00:00Z
problem-date-date-out-of-range = "{ $value }" lies outside the years 0000 to 9999 (UTC) that a document can hold: choose a date within them
problem-certificate-format = { $cause }; give the certificate `license-issuer certify` wrote for this key
problem-certificate-other-key = is the certificate of key { $certified }, not of the signing key { $kid }: give the certificate of this key, or sign with the key it certifies
problem-certificate-usage = does not permit key { $kid } to sign { $document ->
    [clock-reset] clock resets
    [revocation-list] revocation lists
   *[license-file] license files
}: certify the key again with --usage { $document }, or sign with a key certified for it
problem-certificate-window = covers documents issued from { $valid_from } until { $valid_until }, not now ({ $at }): certify the key for a window that holds today

## Words the problems share; they take the arguments of the message that uses them.

word-json-kind = { $found ->
    [null] null
    [boolean] a boolean
    [number] a number
    [string] a string
    [array] an array
   *[object] an object
}
word-license-kind = { $kind ->
    [system] system license
   *[plan] user plan
}
word-other-license-kind = { $kind ->
    [system] user plan
   *[plan] system license
}

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
issue-already = { $license_id } was issued before for order_id { $order_id }: this is that license again, with no new serial; --reissue signs a new one
issue-written = written to { $path }; recorded in { $ledger }
batch-summary = issued { $issued }{ $already ->
    [0] {""}
   *[other] {" "}(and { $already } issued before for their order_id: nothing new)
}, refused { $refused }{ $stopped ->
    [yes] {" "}(stopped at the first refusal: --fail-fast)
   *[no] {""}
}; files in { $out_dir }
batch-line-issued = line { $line }: { $license_id } (serial { $serial }) for { $customer_id }{ $already ->
    [yes] , issued before for its order_id: nothing new
   *[no] {""}
}
batch-line-refused = line { $line }: refused: { $text }
batch-refused-unbound = { $source_name }: installation_id: the order names no installation: name installation_id in the order line, or say --unbound to issue licenses valid on any installation
batch-progress = { $spinner } [{ $bar }] { $pos }/{ $len } orders, { $rate }, { $eta } left
batch-progress-unknown = { $spinner } { $pos } orders, { $rate }, { $elapsed }
clock-reset-summary = clock reset for installation { $installation_id } ({ $hostname }): its clock mark becomes { $mark }{ $resent ->
    [yes] {" "}(issued before for this request: the same file again)
   *[no] {""}
}
clock-reset-import = import it on the installation: license-verifier import { $path }

## certify and revoke.

certify-summary = certified key { $kid } with root { $root } for { $product }: it may sign { $usage }, for documents issued from { $valid_from } until { $valid_until }
certify-use = sign with it: license-issuer issue --key ISSUING.key --cert { $path }
revoke-summary = revocation list { $serial }: { $licenses ->
    [one] 1 license
   *[other] { $licenses } licenses
} and { $keys ->
    [one] 1 key
   *[other] { $keys } keys
} revoked in all; { $added ->
    [0] nothing new
   *[other] new: { $ids }
}
revoke-already = { $kind ->
    [key] key
   *[license] license
} { $id } was revoked before, in list { $serial } on { $revoked_at }: its first entry stays
revoke-import = import it on every installation: license-verifier import { $path }

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
label-state = state now
label-system = system
label-plan = plan
label-key-id = key id
label-sha256 = sha256
label-revoked = revoked
ledger-revoked = in list { $serial } on { $revoked_at }{ $has_reason ->
    [yes] : { $reason }
   *[no] {""}
}
label-certified-key = certified key
label-usage = may sign
label-window = window
label-revocation-list = revocation list
label-revoked-license = revoked license
label-revoked-key = revoked key
inspect-window = documents issued from { $valid_from } until { $valid_until }
inspect-list = serial { $serial }
inspect-revoked = { $id } since { $revoked_at }{ $has_reason ->
    [yes] : { $reason }
   *[no] {""}
}
label-certificate = certificate
inspect-certificate = root { $root } certifies the key for { $usage } issued from { $valid_from } until { $valid_until }
inspect-license = { $license_id } (serial { $serial })
inspect-signature-valid = valid (key { $kid })
inspect-signature-not-checked = not checked: give --trust VENDOR.pub (signed by key { $kid })
inspect-signature-not-checked-root = not checked: give --trust ROOT.pub (signed by root key { $kid })
inspect-signature-unknown-key = unknown key { $kid }: none of the --trust keys signed this file
inspect-signature-bad = BAD: the file was altered after signing or not made by key { $kid }
inspect-unbound = any (unbound)
inspect-state-active = active
inspect-state-grace = in its grace period until { $until } ({ $days_left ->
    [one] { $days_left } day
   *[other] { $days_left } days
} left)
inspect-state-expired = expired since { $since }
inspect-state-revoked = revoked on { $at }
inspect-state-not-yet-valid = not yet valid (from { $from })
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
ledger-no-revocations = no revocation lists signed
ledger-revocation-row = { $kind ->
    [key] key
   *[license] license
} { $id }  revoked { $revoked_at }  in list { $serial }{ $has_reason ->
    [yes] {"  "}reason: { $reason }
   *[no] {""}
}
ledger-list-row = list { $serial }  signed { $issued_at }  key { $kid }
ledger-no-certificates = no key certificates signed
ledger-certificate-row = key { $kid }  root { $root }  may sign { $usage }  issued from { $valid_from } until { $valid_until }  certified { $issued_at }

## SelfCheckProblem.
problem-self-check-format = the signed file does not verify ({ $cause })
problem-self-check-signatures-differ = two signatures of the same document differ
problem-self-check-not-as-signed = the signed file does not read back as it was signed
