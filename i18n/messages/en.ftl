# The format crate's errors in English (license_format::Error::details gives the
# arguments). Every message has its twin in nl.ftl.

# $problem is the problem already in words: license_i18n::format_error_text renders the
# problem's code (`problem` of the details) by its message below first. Only
# problem-format-not-json's $detail is the JSON parser's own text, in English.
# $what of too-large is a code: license-file, activation-request, key-file,
# clock-reset-request.

error-too-large = { $what ->
    [license-file] license file
    [activation-request] activation request
    [key-file] key file
    [clock-reset-request] clock-reset request
    [clock-reset-file] clock-reset file
    [key-certificate-file] key-certificate file
    [revocation-list-file] revocation-list file
   *[other] { $what }
} is { $size } bytes, over the limit of { $limit } bytes: this is not a { $what ->
    [license-file] license file
    [activation-request] activation request
    [key-file] key file
    [clock-reset-request] clock-reset request
    [clock-reset-file] clock-reset file
    [key-certificate-file] key-certificate file
    [revocation-list-file] revocation-list file
   *[other] { $what }
}
error-armor = armor: { $problem }
error-base64 = armor: the body is not valid base64 ({ $problem }): the file was damaged in transit; ask for it again
error-envelope = envelope: { $problem }
error-unsupported-format = unsupported format "{ $found }": this program reads { $known }; update the product to read newer files
error-wrong-document-kind = this is a { $found } document, not a { $expected } document: import it as what it is
error-unsupported-algorithm = unsupported algorithm "{ $found }": license files are signed with "ed25519"
error-malformed-key-id = envelope: kid "{ $found }" is not a key id (16 lowercase hex digits)
error-unknown-key = unknown key { $kid }: the file is signed by a key that is not trusted here; trust the vendor's public key with that id, or ask the vendor for a file signed by a trusted key
error-bad-signature = bad signature: the file was altered after signing or was not made by the vendor
error-payload = payload: { $problem }
error-catalog = catalog: { $problem }
error-invalid-payload = payload: { $field }: { $problem }
error-wrong-product = the license is for product "{ $found }", not "{ $expected }": ask the vendor for a { $expected } license
error-request = activation request: { $problem }
error-clock-reset-request = clock-reset request: { $problem }
error-key = key: { $problem }
error-weak-key = key { $kid } is a weak (small-order) public key and can never be trusted
error-signed-by-root = the file is signed directly by root key { $kid }: a root key only certifies issuing keys; ask the vendor for a file signed by an issuing key
error-certificate-not-by-root = the certificate is signed by key { $kid }, which is not a trusted root key: trust the vendor's root key, or ask the vendor for a certificate signed by it
error-certificate-bad-signature = bad signature on the certificate: it was altered after signing or was not made with the vendor's root key
error-certificate-payload = certificate payload: { $problem }
error-certificate-wrong-product = the certificate is for product "{ $found }", not "{ $expected }": ask the vendor for a { $expected } certificate
error-certificate-other-key = the file is signed by key { $kid }, but its certificate is for key { $certified }: the file and the certificate do not belong together
error-certificate-usage = the certificate of key { $kid } does not permit it to sign a { $document ->
    [clock-reset] clock-reset file
    [revocation-list] revocation-list file
    [key-certificate] key-certificate file
   *[other] license file
}: ask the vendor for one signed by a key certified for that
error-certificate-window = the file was issued at { $issued_at }, outside the certificate of key { $kid }, valid from { $valid_from } until { $valid_until }: ask the vendor for a file signed under a current certificate

## The problems inside the errors: problem-format-ERRORCODE-PROBLEM, or
## problem-format-PROBLEM for the JSON and text problems that several errors share, with
## the error's details as arguments. $document is license-file or
## clock-reset (or key-certificate, revocation-list); $kind and $expected of a catalog code are system or plan.

problem-format-armor-no-block = no { $document ->
    [clock-reset] clock reset
    [key-certificate] key certificate
    [revocation-list] revocation list
   *[other] license
} found: the input has no { $begin_line } line; give the { $document ->
    [clock-reset] clock-reset file
    [key-certificate] key-certificate file
    [revocation-list] revocation-list file
   *[other] license file
} the vendor sent
problem-format-armor-second-block = line { $line }: a second { $begin_line } line: a file holds exactly one { $document ->
    [clock-reset] clock reset; split it into one file per clock reset
    [key-certificate] key certificate; split it into one file per key certificate
    [revocation-list] revocation list; split it into one file per revocation list
   *[other] license; split it into one file per license
}
problem-format-armor-unterminated = { $begin_line } without { $end_line }: the file is cut short; copy the whole file
problem-format-armor-foreign-character = line { $line }: character { $character } is not allowed in the body (only base64 and whitespace): the file was damaged; ask for it again
problem-format-base64-invalid-byte = Invalid symbol { $byte }, offset { $offset }.
problem-format-base64-invalid-length = Invalid input length: { $length }
problem-format-base64-invalid-last-symbol = Invalid last symbol { $byte }, offset { $offset }.
problem-format-base64-invalid-padding = Invalid padding
problem-format-envelope-not-base64 = { $member } is not standard base64
problem-format-envelope-signature-length = sig is { $length } bytes, an Ed25519 signature is 64
problem-format-envelope-certificate-in-certificate = a key certificate carries no cert member: a root key signs it directly

# JSON problems (envelope, payload, request, clock-reset-request).
problem-format-not-json = { $detail } at line { $line } column { $column }
problem-format-missing-member = missing field `{ $member }` at line { $line } column { $column }
problem-format-unknown-member = unknown field `{ $member }` at line { $line } column { $column }
problem-format-duplicate-member = duplicate field `{ $member }` at line { $line } column { $column }
problem-format-not-a-timestamp = "{ $value }" is not an RFC 3339 timestamp like 2026-12-01T00:00:00Z ({ $reason }) at line { $line } column { $column }
# $reason of not-a-timestamp, rendered first.
problem-format-timestamp = "{ $value }" is not an RFC 3339 timestamp like 2026-12-01T00:00:00Z ({ $reason })
problem-format-timestamp-shape = expected YYYY-MM-DDThh:mm:ss
problem-format-timestamp-leap-second = a leap second is not a timestamp of this format
problem-format-timestamp-fraction = a fraction of a second has 1 to 9 digits
problem-format-timestamp-zone = expected Z or an offset like +01:00 at the end
problem-format-timestamp-no-such-time = no such date or time
problem-format-timestamp-year-range = outside the years 0000 to 9999 once converted to UTC

# Text problems of a payload member (invalid-payload names the member).
problem-format-empty = must not be empty
problem-format-too-long = is { $length } bytes, over the limit of { $max } bytes
problem-format-control-character = "{ $value }" holds a control character: it was damaged or edited
problem-format-not-printable-ascii = "{ $value }" holds '{ $character }': an id is printable ASCII without spaces
problem-format-forbidden-character = { $value } holds { $codepoint }, a control, line-break or bidirectional-override character

problem-format-invalid-payload-out-of-range = must be between { $min } and { $max }
problem-format-invalid-payload-too-many-days = { $days } is over the limit of { $max } days
problem-format-invalid-payload-not-after-start = must be after valid_from
problem-format-invalid-payload-grant-not-after-start = must be after the license's valid_from
problem-format-invalid-payload-outlives-license = { $ends_at } outlives the license, which ends { $license_ends_at }
problem-format-invalid-payload-other-kind = "{ $catalog_code }" is a { $kind ->
    [system] system license
   *[other] user plan
}, not a { $expected ->
    [system] system license
   *[other] user plan
}
problem-format-invalid-payload-unknown-code = unknown { $kind ->
    [system] system license
   *[other] user plan
} "{ $catalog_code }"{ $suggestion ->
    [none] {""}
   *[other] ; did you mean "{ $suggestion }"?
}
problem-format-invalid-payload-code-twice = "{ $catalog_code }" is given twice; give each code once
problem-format-invalid-payload-malformed-nonce = nonce "{ $value }" is not 32 lowercase hex digits (128 bits): the request was damaged or edited; ask the installation for a new request
problem-format-invalid-payload-malformed-key-id = "{ $value }" is not a key id (16 lowercase hex digits)
problem-format-invalid-payload-malformed-key = is not the base64 of a 32-byte Ed25519 public key of full order
problem-format-invalid-payload-key-id-mismatch = { $found } is not the id of the certified key, which is { $kid }
problem-format-invalid-payload-unknown-usage = "{ $value }" is not a usage: license-file, clock-reset or revocation-list
problem-format-invalid-payload-usage-twice = "{ $value }" is given twice; give each usage once
problem-format-invalid-payload-no-usage = must name at least one kind of document
problem-format-invalid-payload-not-ascending = "{ $value }" is not after the entry before it: the list is sorted by byte value, each entry once

problem-format-request-wrong-format = format { $found } is not "{ $expected }": this is not an activation request
problem-format-request-empty = { $member } must not be empty
problem-format-request-too-long = { $member } is { $length } bytes, over the limit of { $max } bytes
problem-format-request-control-character = { $member } "{ $value }" holds a control character: it was damaged or edited
problem-format-request-not-printable-ascii = { $member } "{ $value }" holds '{ $character }': an id is printable ASCII without spaces
problem-format-request-forbidden-character = { $member } { $value } holds { $codepoint }, a control, line-break or bidirectional-override character

problem-format-clock-reset-request-wrong-format = format { $found } is not "{ $expected }": this is not a clock-reset request
problem-format-clock-reset-request-is-activation-request = this is an activation request (activation-request/v1), not a clock-reset request
problem-format-clock-reset-request-is-document = this is a { $document ->
    [clock-reset] clock-reset file
    [key-certificate] key-certificate file
    [revocation-list] revocation-list file
   *[other] license file
}, not a clock-reset request
problem-format-clock-reset-request-malformed-nonce = nonce "{ $value }" is not 32 lowercase hex digits (128 bits): the request was damaged or edited; ask the installation for a new request
problem-format-clock-reset-request-empty = { $member } must not be empty
problem-format-clock-reset-request-too-long = { $member } is { $length } bytes, over the limit of { $max } bytes
problem-format-clock-reset-request-control-character = { $member } "{ $value }" holds a control character: it was damaged or edited
problem-format-clock-reset-request-not-printable-ascii = { $member } "{ $value }" holds '{ $character }': an id is printable ASCII without spaces
problem-format-clock-reset-request-forbidden-character = { $member } { $value } holds { $codepoint }, a control, line-break or bidirectional-override character

problem-format-key-no-public-key = no -----BEGIN PUBLIC KEY----- block found: give the vendor's .pub file
problem-format-key-unterminated = -----BEGIN PUBLIC KEY----- without -----END PUBLIC KEY-----: the key file is cut short
problem-format-key-marker-in-block = line { $line }: { $marker } inside a PUBLIC KEY block: the key file is damaged
problem-format-key-private-key-in-keyring = line { $line }: { $marker }: a private key does not belong in a keyring; remove it, and keep it secret
problem-format-key-foreign-block = line { $line }: { $marker }: a keyring holds PUBLIC KEY blocks only
problem-format-key-wrapping = line { $line }: a PUBLIC KEY block's base64 is on lines of { $width } characters, the last one shorter, no blank line
problem-format-key-not-base64 = line { $line }: a PUBLIC KEY block is not valid base64
problem-format-key-key-length = line { $line }: a PUBLIC KEY block is not an Ed25519 key of 32 bytes
problem-format-key-not-ed25519 = line { $line }: a PUBLIC KEY block is not an Ed25519 SubjectPublicKeyInfo (OID 1.3.101.112, no parameters)
problem-format-key-not-a-point = a PUBLIC KEY block holds 32 bytes that are not an Ed25519 point
problem-format-key-not-one-key = the text holds { $count } public keys where one is expected
problem-format-key-encrypted-private-key = the private key is encrypted: decrypt it with its passphrase first
problem-format-key-not-a-private-key = not an Ed25519 private key in PKCS#8 PEM
