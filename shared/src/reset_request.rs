//! The clock-reset request an installation writes for its vendor (FORMAT.md §14).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::constants::{
    CLOCK_RESET_REQUEST_FORMAT_V1, MAX_REQUEST_BYTES, NONCE_BYTES, REQUEST_FORMAT_V1,
};
use crate::reset::{check_installation_id, is_nonce, member};
use crate::{document_kind, json, time, Error, RequestProblem, Result};

/// An installation's request to have its clock high-water mark reset. Plain JSON,
/// unsigned: the vendor decides whether to grant it, and the nonce ties the signed
/// answer to this one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockResetRequest {
    /// Always `clock-reset-request/v1`.
    pub format: String,
    /// The catalog's product id.
    pub product: String,
    /// The installation's id.
    pub installation_id: String,
    /// 32 lowercase hex digits (128 random bits), fresh for each request.
    pub nonce: String,
    /// The store's clock high-water mark when the request was written; `None` when it
    /// had none. The member must be present, as `null` then.
    #[serde(with = "time::optional")]
    pub mark: Option<DateTime<Utc>>,
    /// The installation's system clock when the request was written.
    #[serde(with = "time::required")]
    pub clock: DateTime<Utc>,
    /// The host the installation runs on, for the vendor's records.
    pub hostname: String,
}

/// Only the `format` member, to say what a document is when it is not a request.
#[derive(Deserialize)]
struct FormatOnly {
    format: Option<serde_json::Value>,
}

impl ClockResetRequest {
    /// A request for this installation of `product` (the catalog's product id). `nonce` is
    /// the caller's fresh random value, as [`ClockResetRequest::nonce_from_bytes`]
    /// writes it: this crate reads no random source.
    pub fn new(
        product: String,
        installation_id: String,
        nonce: String,
        mark: Option<DateTime<Utc>>,
        clock: DateTime<Utc>,
        hostname: String,
    ) -> Self {
        ClockResetRequest {
            format: CLOCK_RESET_REQUEST_FORMAT_V1.to_owned(),
            product,
            installation_id,
            nonce,
            mark,
            clock,
            hostname,
        }
    }

    /// The text form of a nonce: 16 random bytes as 32 lowercase hex digits.
    pub fn nonce_from_bytes(bytes: &[u8; NONCE_BYTES]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Parses a request strictly: every member known and given once, `format`, the
    /// nonce's shape and the installation id checked. The product is not checked here:
    /// the issuer compares it with its catalog and says which product the request is
    /// for.
    ///
    /// # Errors
    /// [`Error::TooLarge`] or [`Error::ClockResetRequest`] naming the problem, and what
    /// the input is when it is another document (an activation request, a license file).
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        if bytes.len() > MAX_REQUEST_BYTES {
            return Err(Error::TooLarge {
                what: "clock-reset request",
                size: bytes.len(),
                limit: MAX_REQUEST_BYTES,
            });
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let request: ClockResetRequest = json::from_slice(bytes)
            .map_err(|e| not_a_request(bytes).unwrap_or(invalid(RequestProblem::Json(e))))?;
        if let Some(err) = wrong_format(&serde_json::Value::from(request.format.as_str())) {
            return Err(err);
        }
        check_installation_id(&request.installation_id).map_err(invalid)?;
        crate::text::check_hostname(&request.hostname)
            .map_err(|problem| invalid(member("hostname", problem)))?;
        if !is_nonce(&request.nonce) {
            return Err(invalid(RequestProblem::MalformedNonce {
                value: request.nonce,
            }));
        }
        Ok(request)
    }

    /// The request as pretty JSON with a final newline, as installations write it.
    pub fn to_json(&self) -> String {
        // Strings and timestamps always serialize.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Says what input that does not parse as a request is: a signed document, or JSON
/// whose `format` names something else (whose other members then differ too). `None`
/// when it claims to be a request: the parser's own message is the better one then.
fn not_a_request(bytes: &[u8]) -> Option<Error> {
    if let Some(kind) = document_kind(bytes) {
        return Some(invalid(RequestProblem::IsDocument { kind }));
    }
    wrong_format(&serde_json::from_slice::<FormatOnly>(bytes).ok()?.format?)
}

/// The refusal for a `format` member other than a clock-reset request's.
fn wrong_format(format: &serde_json::Value) -> Option<Error> {
    match format.as_str() {
        Some(CLOCK_RESET_REQUEST_FORMAT_V1) => None,
        Some(REQUEST_FORMAT_V1) => Some(invalid(RequestProblem::IsActivationRequest)),
        _ => Some(invalid(RequestProblem::WrongFormat {
            found: format.to_string(),
            expected: CLOCK_RESET_REQUEST_FORMAT_V1,
        })),
    }
}

fn invalid(problem: RequestProblem) -> Error {
    Error::ClockResetRequest(problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> ClockResetRequest {
        let t = time::parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
        let nonce = ClockResetRequest::nonce_from_bytes(&[0xab; NONCE_BYTES]);
        ClockResetRequest::new(
            "superoffice-crm".into(),
            "inst-1".into(),
            nonce,
            None,
            t,
            "host".into(),
        )
    }

    fn parse_err(text: &str) -> String {
        ClockResetRequest::parse(text.as_bytes())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn round_trips_with_and_without_a_mark() {
        let req = request();
        assert_eq!(req.nonce, "ab".repeat(16));
        assert!(
            req.to_json().contains("\"mark\": null"),
            "{}",
            req.to_json()
        );
        assert_eq!(
            ClockResetRequest::parse(req.to_json().as_bytes()).unwrap(),
            req
        );
        let marked = ClockResetRequest {
            mark: Some(time::parse_rfc3339("2031-01-01T00:00:00Z").unwrap()),
            ..request()
        };
        let text = format!("\u{feff}{}", marked.to_json());
        assert_eq!(ClockResetRequest::parse(text.as_bytes()).unwrap(), marked);
    }

    #[test]
    fn refuses_unknown_duplicate_and_missing_members() {
        let json = request().to_json();
        assert!(parse_err(&json.replacen('{', "{\"x\":1,", 1)).contains("unknown field `x`"));
        assert!(
            parse_err(&json.replacen('{', "{\"hostname\":\"h\",", 1)).contains("duplicate field")
        );
        let no_mark = json.replace("  \"mark\": null,\n", "");
        assert!(
            parse_err(&no_mark).contains("missing field `mark`"),
            "{no_mark}"
        );
    }

    #[test]
    fn refuses_a_malformed_nonce_or_installation() {
        let json = request().to_json();
        let nonce = "ab".repeat(16);
        let upper = parse_err(&json.replace(&nonce, &nonce.to_uppercase()));
        assert!(upper.starts_with("clock-reset request: nonce"), "{upper}");
        assert!(parse_err(&json.replace(&nonce, &nonce[2..])).contains("32 lowercase hex digits"));
        let blank = parse_err(&json.replace("inst-1", " "));
        assert!(
            blank.contains("installation_id must not be empty"),
            "{blank}"
        );
        let control = parse_err(&json.replace("inst-1", "inst\\u0007"));
        assert!(control.contains("control character"), "{control}");
    }

    #[test]
    fn names_what_another_document_is() {
        let t = time::parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
        let activation =
            crate::ActivationRequest::new("superoffice-crm".into(), "i".into(), "h".into(), t)
                .to_json();
        assert_eq!(
            parse_err(&activation),
            "clock-reset request: this is an activation request (activation-request/v1), not a clock-reset request"
        );
        let license = crate::armor(b"{}");
        assert!(parse_err(&license).contains("this is a license file, not a clock-reset request"));
        let other = request()
            .to_json()
            .replace("clock-reset-request/v1", "clock-reset-request/v2");
        assert!(parse_err(&other).contains("format \"clock-reset-request/v2\" is not"));
    }
}
