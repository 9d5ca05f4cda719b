# The format crate's errors in English (license_format::Error::details gives the
# arguments). Every message has its twin in nl.ftl.

