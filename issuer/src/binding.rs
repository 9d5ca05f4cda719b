//! Which installation a license is bound to: the order's `installation_id`, an offline
//! installation's activation request, or, said explicitly, none.

use std::path::Path;

use chrono::{DateTime, Utc};
use license_format::constants::MAX_REQUEST_BYTES;
use license_format::ActivationRequest;

use crate::input::read_named;
use crate::mail::find_request;

use crate::order::MAX_ORDER_BYTES;
use crate::{Error, Order, RequestProblem, Result};

/// An order read from a file together with the installation it will be bound to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundOrder {
    /// The checked order.
    pub order: Order,
    /// The installation the license is bound to; `None` only when `--unbound` was said.
    pub installation_id: Option<String>,
}

/// Reads an order file (`-`: standard input) and, if given, an activation request file,
/// and decides the binding. Nothing is written.
///
/// # Errors
/// [`Error::Io`], [`Error::TooLarge`], the order's errors (see [`Order::parse`]), [`Error::Request`] for a
/// malformed request, a request for another product or an installation that disagrees
/// with the order's, [`Error::Unbound`].
pub fn read_bound_order(
    order_path: &Path,
    request_path: Option<&Path>,
    unbound: bool,
    now: DateTime<Utc>,
) -> Result<BoundOrder> {
    let (order_name, bytes) = read_named(order_path, "order", MAX_ORDER_BYTES)?;
    let order = Order::parse(&bytes, &order_name, now)?;
    let request = request_path.map(read_request).transpose()?;
    let name = request_path.map(|p| {
        let (name, _) = crate::input::named(p);
        std::path::PathBuf::from(name)
    });
    let request = request.as_ref().zip(name.as_deref());
    let installation_id = bind(&order, &order_name, request, unbound)?;
    Ok(BoundOrder {
        order,
        installation_id,
    })
}

/// Reads and parses an activation request file (`-`: standard input), also when it was
/// pasted from an e-mail with text around it, `> ` quoting, CRLF or a byte order
/// mark (FORMAT.md §8).
///
/// # Errors
/// [`Error::Io`], [`Error::TooLarge`] or [`Error::Request`].
pub fn read_request(path: &Path) -> Result<ActivationRequest> {
    let (name, bytes) = read_named(path, "activation request", MAX_REQUEST_BYTES)?;
    let refused = |problem| Error::Request {
        source_name: name.clone(),
        problem,
    };
    let json = find_request(&bytes).map_err(refused)?;
    ActivationRequest::parse(&json)
        .map_err(|cause| refused(RequestProblem::NotAnActivationRequest { cause }))
}

/// Decides the installation: the order's and the request's must agree when both are
/// given, the request must be for the catalog's product, and no installation at all
/// needs `unbound`.
///
/// # Errors
/// [`Error::Request`] or [`Error::Unbound`].
pub fn bind(
    order: &Order,
    order_name: &str,
    request: Option<(&ActivationRequest, &Path)>,
    unbound: bool,
) -> Result<Option<String>> {
    let from_request = match request {
        Some((req, path)) => Some(check_request(req, path)?),
        None => None,
    };
    let chosen = match (&order.installation_id, from_request) {
        (Some(ordered), Some((requested, path))) if ordered != requested => {
            return Err(Error::Request {
                source_name: path.display().to_string(),
                problem: RequestProblem::OtherInstallation {
                    installation_id: requested.to_owned(),
                    order_name: order_name.to_owned(),
                    order_installation_id: ordered.clone(),
                },
            })
        }
        (Some(ordered), _) => Some(ordered.clone()),
        (None, Some((requested, _))) => Some(requested.to_owned()),
        (None, None) => None,
    };
    match (chosen, unbound) {
        (Some(id), true) => Err(Error::BoundAndUnbound {
            source_name: order_name.to_owned(),
            installation_id: id,
        }),
        (None, false) => Err(Error::Unbound {
            source_name: order_name.to_owned(),
        }),
        (chosen, _) => Ok(chosen),
    }
}

fn check_request<'r>(req: &'r ActivationRequest, path: &'r Path) -> Result<(&'r str, &'r Path)> {
    let product = &license_catalog::builtin().product;
    if &req.product != product {
        return Err(Error::Request {
            source_name: path.display().to_string(),
            problem: RequestProblem::OtherProduct {
                product: req.product.clone(),
                expected_product: product.clone(),
            },
        });
    }
    Ok((req.installation_id.as_str(), path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use license_format::time::parse_rfc3339;
    use std::path::PathBuf;

    fn order(installation: Option<&str>) -> Order {
        let now = parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
        let mut o = Order::parse(
            br#"{"customer":{"id":"C","name":"N"},"system_licenses":["system"]}"#,
            "o.json",
            now,
        )
        .unwrap();
        o.installation_id = installation.map(str::to_owned);
        o
    }

    fn request(installation: &str) -> ActivationRequest {
        ActivationRequest::new(
            license_catalog::builtin().product.clone(),
            installation.into(),
            "host".into(),
            parse_rfc3339("2026-11-29T09:00:00Z").unwrap(),
        )
    }

    #[test]
    fn order_and_request_must_agree() {
        let path = PathBuf::from("req.json");
        let r = request("inst-1");
        assert_eq!(
            bind(&order(Some("inst-1")), "o.json", Some((&r, &path)), false)
                .unwrap()
                .as_deref(),
            Some("inst-1")
        );
        assert_eq!(
            bind(&order(None), "o.json", Some((&r, &path)), false)
                .unwrap()
                .as_deref(),
            Some("inst-1")
        );
        let err = bind(&order(Some("inst-2")), "o.json", Some((&r, &path)), false).unwrap_err();
        let expected = RequestProblem::OtherInstallation {
            installation_id: "inst-1".into(),
            order_name: "o.json".into(),
            order_installation_id: "inst-2".into(),
        };
        assert!(
            matches!(&err, Error::Request { source_name, problem } if source_name == "req.json" && *problem == expected),
            "{err:?}"
        );
    }

    #[test]
    fn request_for_another_product_is_refused() {
        let path = PathBuf::from("req.json");
        let mut r = request("inst-1");
        r.product = "other-product".into();
        let err = bind(&order(None), "o.json", Some((&r, &path)), false).unwrap_err();
        let expected = RequestProblem::OtherProduct {
            product: "other-product".into(),
            expected_product: "superoffice-crm".into(),
        };
        assert!(
            matches!(&err, Error::Request { problem, .. } if *problem == expected),
            "{err:?}"
        );
    }

    #[test]
    fn unbound_must_be_said_and_only_then() {
        let err = bind(&order(None), "o.json", None, false).unwrap_err();
        assert!(matches!(err, Error::Unbound { .. }));
        assert_eq!(bind(&order(None), "o.json", None, true).unwrap(), None);
        let err = bind(&order(Some("i")), "o.json", None, true).unwrap_err();
        assert!(
            matches!(&err, Error::BoundAndUnbound { installation_id, .. } if installation_id == "i"),
            "{err}"
        );
    }
}
