//! The activation request an installation writes for its vendor (FORMAT.md §8).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::constants::{MAX_REQUEST_BYTES, REQUEST_FORMAT_V1};
use crate::{json, time, Error, RequestProblem, Result};

/// Which installation asks for a license. Plain JSON, unsigned: the vendor decides
/// whether to trust it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivationRequest {
    /// Always `activation-request/v1`.
    pub format: String,
    /// The catalog's product id.
    pub product: String,
    /// The installation's id.
    pub installation_id: String,
    /// The host the installation runs on, for the vendor's records.
    pub hostname: String,
    /// When the request was written.
    #[serde(with = "time::required")]
    pub created_at: DateTime<Utc>,
}

impl ActivationRequest {
    /// A request for this installation of `product` (the catalog's product id).
    pub fn new(
        product: String,
        installation_id: String,
        hostname: String,
        created_at: DateTime<Utc>,
    ) -> Self {
        ActivationRequest {
            format: REQUEST_FORMAT_V1.to_owned(),
            product,
            installation_id,
            hostname,
            created_at,
        }
    }

    /// Parses a request strictly. The product is not checked here: the issuer compares it
    /// with its catalog and says which product the request is for.
    ///
    /// # Errors
    /// [`Error::TooLarge`] or [`Error::Request`] naming the problem.
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        if bytes.len() > MAX_REQUEST_BYTES {
            return Err(Error::TooLarge {
                what: "activation request",
                size: bytes.len(),
                limit: MAX_REQUEST_BYTES,
            });
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let request: ActivationRequest =
            json::from_slice(bytes).map_err(|e| Error::Request(RequestProblem::Json(e)))?;
        if request.format != REQUEST_FORMAT_V1 {
            return Err(Error::Request(RequestProblem::WrongFormat {
                found: serde_json::Value::from(request.format.as_str()).to_string(),
                expected: REQUEST_FORMAT_V1,
            }));
        }
        crate::reset::check_installation_id(&request.installation_id).map_err(Error::Request)?;
        crate::text::check_hostname(&request.hostname)
            .map_err(|problem| Error::Request(crate::reset::member("hostname", problem)))?;
        Ok(request)
    }

    /// The request as pretty JSON with a final newline, as installations write it.
    pub fn to_json(&self) -> String {
        // A struct of strings always serializes.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() {
        let t = time::parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
        let req =
            ActivationRequest::new("superoffice-crm".into(), "inst-1".into(), "host".into(), t);
        assert_eq!(
            ActivationRequest::parse(req.to_json().as_bytes()).unwrap(),
            req
        );
        let extra = req.to_json().replacen('{', "{\"x\":1,", 1);
        assert!(
            matches!(ActivationRequest::parse(extra.as_bytes()), Err(Error::Request(RequestProblem::Json(crate::JsonProblem::UnknownMember { member, .. }))) if member == "x")
        );
        let dup = req.to_json().replacen('{', "{\"hostname\":\"a\",", 1);
        assert!(
            matches!(ActivationRequest::parse(dup.as_bytes()), Err(Error::Request(RequestProblem::Json(crate::JsonProblem::DuplicateMember { member, .. }))) if member == "hostname")
        );
    }

    #[test]
    fn ids_and_hostnames_follow_the_string_rules() {
        let t = time::parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
        let parse = |id: &str, host: &str| {
            let req = ActivationRequest::new("superoffice-crm".into(), id.into(), host.into(), t);
            ActivationRequest::parse(req.to_json().as_bytes())
        };
        assert!(parse("inst-1", "").is_ok());
        let spaced = parse("inst 1", "host").unwrap_err().to_string();
        assert!(
            spaced.starts_with("activation request: installation_id"),
            "{spaced}"
        );
        let host = parse("inst-1", "host\u{7}").unwrap_err().to_string();
        assert!(host.starts_with("activation request: hostname"), "{host}");
    }
}
