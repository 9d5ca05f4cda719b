# The format crate's errors in English (license_format::Error::details gives the
# arguments). Every message has its twin in nl.ftl.

# Where the data is the parser's own text ($detail, and $problem of invalid-payload),
# it comes from license-format in English and is embedded as it is, in both languages.
# $what of too-large is a code: license-file, activation-request, key-file,
# clock-reset-request.

error-too-large = { $what ->
    [license-file] license file
    [activation-request] activation request
    [key-file] key file
    [clock-reset-request] clock-reset request
   *[other] { $what }
} is { $size } bytes, over the limit of { $limit } bytes: this is not a { $what ->
    [license-file] license file
    [activation-request] activation request
    [key-file] key file
    [clock-reset-request] clock-reset request
   *[other] { $what }
}
error-armor = armor: { $detail }
error-base64 = armor: the body is not valid base64 ({ $detail }): the file was damaged in transit; ask for it again
error-envelope = envelope: { $detail }
error-unsupported-format = unsupported format "{ $found }": this program reads { $known }; update the product to read newer files
error-wrong-document-kind = this is a { $found } document, not a { $expected } document: import it as what it is
error-unsupported-algorithm = unsupported algorithm "{ $found }": license files are signed with "ed25519"
error-malformed-key-id = envelope: kid "{ $found }" is not a key id (16 lowercase hex digits)
error-unknown-key = unknown key { $kid }: the file is signed by a key that is not trusted here; trust the vendor's public key with that id, or ask the vendor for a file signed by a trusted key
error-bad-signature = bad signature: the file was altered after signing or was not made by the vendor
error-payload = payload: { $detail }
error-invalid-payload = payload: { $field }: { $problem }
error-wrong-product = the license is for product "{ $found }", not "{ $expected }": ask the vendor for a { $expected } license
error-request = activation request: { $detail }
error-clock-reset-request = clock-reset request: { $detail }
error-key = key: { $detail }
error-weak-key = key { $kid } is a weak (small-order) public key and can never be trusted
