//! What every response passes: the `Host` check against DNS rebinding, and the headers
//! that keep a browser from running, framing or caching anything of the console.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::App;

/// No scripts at all, styles only from the console's own sheet, forms only to itself,
/// never in a frame.
pub(crate) const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Refuses a request whose `Host` is not this server's address: a page of another site
/// whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends its own name.
pub(crate) async fn host(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let given = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !host_allowed(given, app.bound) {
        return (
            StatusCode::MISDIRECTED_REQUEST,
            "this console answers only to its own address\n",
        )
            .into_response();
    }
    next.run(request).await
}

/// The bound address itself; `localhost` with the port when bound to loopback; and, on
/// an unspecified address (0.0.0.0, ::), any IP literal with the port, since a literal
/// cannot be rebound. Never another name.
pub(crate) fn host_allowed(given: &str, bound: SocketAddr) -> bool {
    let given = given.to_ascii_lowercase();
    if given == bound.to_string() {
        return true;
    }
    let port = bound.port().to_string();
    let Some((name, given_port)) = given.rsplit_once(':') else {
        return false;
    };
    if given_port != port {
        return false;
    }
    if bound.ip().is_loopback() && name == "localhost" {
        return true;
    }
    let literal = name.trim_start_matches('[').trim_end_matches(']');
    bound.ip().is_unspecified() && literal.parse::<std::net::IpAddr>().is_ok()
}

/// Security headers on every response.
pub(crate) async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::host_allowed;

    #[test]
    fn only_the_bound_address_or_localhost_passes() {
        let bound = "127.0.0.1:8421".parse().unwrap_or_else(|_| unreachable!());
        assert!(host_allowed("127.0.0.1:8421", bound));
        assert!(host_allowed("localhost:8421", bound));
        assert!(host_allowed("LOCALHOST:8421", bound));
        assert!(!host_allowed("evil.example:8421", bound));
        assert!(!host_allowed("127.0.0.1:80", bound));
        assert!(!host_allowed("localhost", bound));
        assert!(!host_allowed("", bound));
        assert!(!host_allowed("10.0.0.1:8421", bound));
        let any = "0.0.0.0:8421".parse().unwrap_or_else(|_| unreachable!());
        assert!(host_allowed("10.0.0.1:8421", any));
        assert!(host_allowed("[::1]:8421", any));
        assert!(!host_allowed("intranet.example:8421", any));
    }
}
