//! The console as an attacker meets it (docs/SECURITY.md §12): without the token,
//! with a wrong one, from another site's page (CSRF, DNS rebinding), with markup in
//! signed fields and store rows, with a huge body, and looking for the store's path.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use serde_json::json;
use support::common::{current, Lic};
use support::Server;

fn licensed() -> Server {
    Server::start(Some(&current()), &["alice"])
}

#[test]
fn without_a_session_or_token_pages_redirect_and_the_api_says_401() {
    let s = licensed();
    for path in [
        "/licenses",
        "/users",
        "/import",
        "/events",
        "/activation",
        "/licenses/sales-premium",
    ] {
        let r = s.get(path, &[]);
        assert_eq!(r.status, 303, "{path}");
        assert_eq!(r.header("location"), Some("/login"), "{path}");
        assert!(!r.body.contains("Acme"), "{path}: {}", r.body);
    }
    for path in [
        "/api/v1/status",
        "/api/v1/users",
        "/api/v1/check/capability/web-client?user=alice",
    ] {
        let r = s.get(path, &[]);
        assert_eq!(r.status, 401, "{path}");
        assert_eq!(r.json()["result"], "error");
    }
    let r = s.request("POST", "/api/v1/users", &[], br#"{"name":"mallory"}"#);
    assert_eq!(r.status, 401);
    // A cookie that is not a session is no session.
    let r = s.get("/licenses", &[("Cookie", "lv_session=0123456789abcdef")]);
    assert_eq!(r.status, 303);
    assert!(s.api("GET", "/api/v1/users", "").body.contains("alice"));
    assert!(!s.api("GET", "/api/v1/users", "").body.contains("mallory"));
}

#[test]
fn the_token_buys_an_http_only_strict_session_and_works_as_bearer() {
    let s = licensed();
    let r = s.get(&format!("/login?token={}", s.token), &[]);
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/licenses"));
    let cookie = r.header("set-cookie").unwrap();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    let session = cookie.split(';').next().unwrap();
    let page = s.get("/licenses", &[("Cookie", session)]);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Acme"), "{}", page.body);
    let api = s.api("GET", "/api/v1/status", "");
    assert_eq!(api.status, 200);
    assert_eq!(api.json()["result"], "yes");
    // 128 bits or more from the system's random source, as hex.
    assert!(s.token.len() >= 32 && s.token.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_ne!(s.token, licensed().token);
}

#[test]
fn wrong_tokens_are_rate_limited_and_a_lockout_refuses_even_the_right_one() {
    let s = licensed();
    for i in 0..5 {
        let r = s.get(&format!("/login?token=guess{i:032}"), &[]);
        assert_eq!(r.status, 401, "attempt {i}");
    }
    let r = s.get(&format!("/login?token={}", s.token), &[]);
    assert_eq!(r.status, 429, "{}", r.body);
    assert!(r.header("retry-after").is_some());
    let r = s.api("GET", "/api/v1/status", "");
    assert_eq!(r.status, 429, "a bearer token is judged after the lockout");

    let s = licensed();
    for _ in 0..5 {
        let bad = "Bearer 00000000000000000000000000000000";
        assert_eq!(
            s.get("/api/v1/status", &[("Authorization", bad)]).status,
            401
        );
    }
    assert_eq!(s.api("GET", "/api/v1/status", "").status, 429);
    assert_eq!(s.get(&format!("/login?token={}", s.token), &[]).status, 429);
}

#[test]
fn a_form_without_the_sessions_csrf_token_changes_nothing() {
    let s = licensed();
    let session = s.login();
    for csrf in ["", "0000", &session.csrf[..session.csrf.len() - 1]] {
        let r = s.post_form(
            &session,
            "/users/add",
            &[("csrf", csrf), ("name", "mallory")],
        );
        assert_eq!(r.status, 403, "{csrf:?}");
    }
    let r = s.post_form(
        &session,
        "/seats/assign",
        &[("user", "alice"), ("plan", "sales-premium")],
    );
    assert_eq!(r.status, 403);
    let users = s.api("GET", "/api/v1/users", "").json();
    assert_eq!(users["users"].as_array().unwrap().len(), 1, "{users}");
    assert_eq!(s.api("GET", "/api/v1/seats", "").json()["seats"], json!([]));
    // Another session's token is not this session's.
    let other = s.login();
    let r = s.post_form(
        &session,
        "/users/add",
        &[("csrf", &other.csrf), ("name", "mallory")],
    );
    assert_eq!(r.status, 403);
    // With its own token the same form works.
    let r = s.post_form(
        &session,
        "/users/add",
        &[("csrf", &session.csrf), ("name", "bob"), ("login", "yes")],
    );
    assert_eq!(r.status, 200);
    assert!(r.body.contains("added user bob"), "{}", r.body);
    // The API's writes take the token, never the ambient cookie.
    let r = s.request(
        "POST",
        "/api/v1/users",
        &[("Cookie", &session.cookie)],
        br#"{"name":"eve"}"#,
    );
    assert_eq!(r.status, 403);
    assert!(!s.api("GET", "/api/v1/users", "").body.contains("eve"));
}

#[test]
fn another_host_name_is_refused_so_dns_rebinding_reaches_nothing() {
    let s = licensed();
    let session = s.login();
    let port = s.addr.port();
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        "127.0.0.1".into(),
        String::new(),
    ] {
        let r = s.get("/licenses", &[("Host", &host), ("Cookie", &session.cookie)]);
        assert_eq!(r.status, 421, "{host:?}");
        assert!(!r.body.contains("Acme"));
        let auth = format!("Bearer {}", s.token);
        let r = s.get(
            "/api/v1/status",
            &[("Host", &host), ("Authorization", &auth)],
        );
        assert_eq!(r.status, 421, "{host:?}");
        let r = s.get(&format!("/login?token={}", s.token), &[("Host", &host)]);
        assert_eq!(r.status, 421, "{host:?}");
    }
    let localhost = format!("localhost:{port}");
    let r = s.get(
        "/licenses",
        &[("Host", &localhost), ("Cookie", &session.cookie)],
    );
    assert_eq!(r.status, 200);
}

#[test]
fn every_response_carries_a_policy_without_scripts_and_pages_have_none() {
    let s = licensed();
    let session = s.login();
    let c = ("Cookie", session.cookie.as_str());
    for path in support::PAGES.into_iter().chain(["/login"]) {
        let r = s.get(path, &[c]);
        assert_eq!(r.status, 200, "{path}");
        let csp = r
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("{path}: no CSP"));
        assert!(csp.contains("default-src 'none'"), "{csp}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("script-src"),
            "{csp}"
        );
        assert_eq!(r.header("x-frame-options"), Some("DENY"));
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        let body = r.body.to_ascii_lowercase();
        assert!(!body.contains("<script"), "{path}");
        assert!(
            !body.contains(" style=") && !body.contains("<style"),
            "{path}"
        );
        assert!(!has_event_handler(&body), "{path}");
    }
    for r in [
        s.get("/nowhere", &[c]),
        s.api("GET", "/api/v1/status", ""),
        s.get("/style.css", &[]),
    ] {
        assert!(r.header("content-security-policy").is_some());
    }
}

/// An `on...=` attribute (onclick, onerror, ...) in a tag.
fn has_event_handler(html: &str) -> bool {
    html.split('<').skip(1).any(|tag| {
        let tag = tag.split('>').next().unwrap_or("");
        tag.split_whitespace().skip(1).any(|attr| {
            attr.starts_with("on")
                && attr[2..].split('=').next().is_some_and(|n| {
                    n.chars().all(|c| c.is_ascii_lowercase()) && attr.contains('=')
                })
        })
    })
}

#[test]
fn markup_in_signed_fields_and_store_rows_is_shown_as_text() {
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let lic: Lic = current().set("customer", json!({ "id": "C-<b>1</b>", "name": hostile }));
    let s = Server::start(Some(&lic), &[]);
    let r = s.api("POST", "/api/v1/users", r#"{"name":"<i>bob</i>\"'&"}"#);
    assert_eq!(r.status, 200, "{}", r.body);
    let r = s.api(
        "POST",
        "/api/v1/seats/assign",
        r#"{"user":"<i>bob</i>\"'&","plan":"sales-premium"}"#,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let session = s.login();
    for path in ["/licenses", "/users", "/licenses/sales-premium", "/events"] {
        let body = s.get(path, &[("Cookie", &session.cookie)]).body;
        assert!(
            !body.contains("<script>") && !body.contains("<img") && !body.contains("<i>"),
            "{path}: {body}"
        );
        assert!(!body.contains("<b>1"), "{path}");
    }
    let licenses = s.get("/licenses", &[("Cookie", &session.cookie)]).body;
    assert!(
        licenses.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{licenses}"
    );
    let users = s.get("/users", &[("Cookie", &session.cookie)]).body;
    assert!(
        users.contains("&lt;i&gt;bob&lt;/i&gt;&quot;'&amp;"),
        "{users}"
    );
}

#[test]
fn request_bodies_are_bounded() {
    let s = licensed();
    let big = vec![b'a'; license_console::MAX_BODY_BYTES + 1];
    let r = s.api("POST", "/api/v1/import", std::str::from_utf8(&big).unwrap());
    assert_eq!(r.status, 413, "{}", r.body);
    let session = s.login();
    let mut form = format!("csrf={}&text=", session.csrf).into_bytes();
    form.extend_from_slice(&big);
    let r = s.request(
        "POST",
        "/import/confirm",
        &[
            ("Cookie", &session.cookie),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        &form,
    );
    assert_eq!(r.status, 413);
    assert_eq!(
        s.api("GET", "/api/v1/history", "").json()["licenses"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn no_response_names_the_stores_path_or_shows_a_trace() {
    let s = licensed();
    let session = s.login();
    let dir = s.store.parent().unwrap().to_str().unwrap().to_owned();
    let c = ("Cookie", session.cookie.as_str());
    let mut responses = vec![
        s.get("/licenses/no-such-code", &[c]),
        s.get("/licenses/%00%ff", &[c]),
        s.api("GET", "/api/v1/check/system/nonsense", ""),
        s.api("GET", "/api/v1/check/capability/web-client?user=nobody", ""),
        s.api("GET", "/api/v1/events?since=yesterday", ""),
        s.api("POST", "/api/v1/users", "{not json"),
        s.api("POST", "/api/v1/import", "garbage"),
        s.post_form(
            &session,
            "/import/confirm",
            &[("csrf", &session.csrf), ("text", "garbage")],
        ),
    ];
    // The store taken away under the server: the error names no path.
    std::fs::remove_file(&s.store).unwrap();
    std::fs::create_dir(&s.store).unwrap();
    let gone = s.api("GET", "/api/v1/status", "");
    assert_eq!(gone.status, 500, "{}", gone.body);
    assert_eq!(gone.json()["error"]["code"], "not-a-file", "{}", gone.body);
    let page = s.get("/licenses", &[c]);
    assert!(page.body.contains("the license store"), "{}", page.body);
    responses.extend([gone, page]);
    for r in &responses {
        assert!(!r.body.contains(&dir), "{}", r.body);
        assert!(
            !r.body.contains("panicked") && !r.body.contains("src/"),
            "{}",
            r.body
        );
    }
}
