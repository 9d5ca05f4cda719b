//! What the administrator reads on each page, in both languages: the Licenses screen's
//! header and rows, a plan's details with its dates, grace and holders, the banner for
//! a license in grace, a refusal in the CLI's words, and the events filtered by kind.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use serde_json::json;
use support::common::{current, days_from_now};
use support::Server;

/// The page's text without tags, entities decoded enough for the checks.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_licenses_screen_and_a_plans_details() {
    let s = Server::start(
        Some(&current().seats("sales-premium", 2)),
        &["alice", "bob"],
    );
    for user in ["alice", "bob"] {
        let body = format!(r#"{{"user":"{user}","plan":"sales-premium"}}"#);
        assert_eq!(s.api("POST", "/api/v1/seats/assign", &body).status, 200);
    }
    let session = s.login();
    let c = ("Cookie", session.cookie.as_str());
    let page = text(&s.get("/licenses", &[c]).body);
    for part in [
        "SuperOffice",
        "Customer Acme (C-1)",
        "License LIC-1",
        "Serial number 1",
        "System licenses",
        "User plans",
        "Sales Premium active",
        "2 of 2 in use, 0 free",
    ] {
        assert!(page.contains(part), "{part:?} in {page}");
    }
    let details = text(&s.get("/licenses/sales-premium", &[c]).body);
    for part in [
        "Description",
        "Enables web-client",
        "Valid from",
        "Grace period 14 days after the last day",
        "1 alice",
        "loses access below 1 seat",
        "2 bob",
        "loses access below 2 seats",
    ] {
        assert!(details.contains(part), "{part:?} in {details}");
    }
    let dutch = text(
        &s.get("/licenses/sales-premium", &[c, ("Accept-Language", "nl")])
            .body,
    );
    assert!(
        dutch.contains("Respijtperiode 14 dagen na de laatste dag"),
        "{dutch}"
    );
    assert!(
        dutch.contains("verliest toegang onder 2 licenties"),
        "{dutch}"
    );
}

#[test]
fn a_license_in_grace_puts_a_banner_on_every_page() {
    let ended = current()
        .set("valid_from", json!(days_from_now(-100)))
        .set("valid_until", json!(days_from_now(-2)))
        .set("issued_at", json!(days_from_now(-101)));
    let s = Server::start(Some(&ended), &[]);
    let session = s.login();
    for path in support::PAGES {
        let html = s.get(path, &[("Cookie", &session.cookie)]).body;
        assert!(html.contains("class=\"banner\""), "{path}: {html}");
        assert!(text(&html).contains("grace"), "{path}");
    }
    let s = Server::start(Some(&current()), &[]);
    let session = s.login();
    let html = s.get("/licenses", &[("Cookie", &session.cookie)]).body;
    assert!(!html.contains("class=\"banner\""), "{html}");
}

#[test]
fn a_refused_seat_says_what_the_command_line_says_on_the_same_page() {
    let s = Server::start(
        Some(&current().seats("sales-premium", 1)),
        &["alice", "bob"],
    );
    let session = s.login();
    let form = |user: &str| {
        s.post_form(
            &session,
            "/seats/assign",
            &[
                ("csrf", &session.csrf),
                ("user", user),
                ("plan", "sales-premium"),
            ],
        )
    };
    let ok = form("alice");
    assert_eq!(ok.status, 200);
    assert!(
        text(&ok.body).contains("assigned a seat of sales-premium to alice: 1 of 1 seat used"),
        "{}",
        text(&ok.body)
    );
    let refused = form("bob");
    assert_eq!(refused.status, 200, "a refusal is a page, not an error");
    let words = text(&refused.body);
    let api = s
        .api(
            "POST",
            "/api/v1/seats/assign",
            r#"{"user":"bob","plan":"sales-premium"}"#,
        )
        .json();
    let cli_words = api["error"]["text"].as_str().unwrap();
    assert!(words.contains(cli_words), "{cli_words:?} in {words}");
    assert!(refused.body.contains("class=\"notice refused\""));
}

#[test]
fn events_are_filtered_by_kind_and_day() {
    let s = Server::start(Some(&current()), &["alice"]);
    let session = s.login();
    let c = ("Cookie", session.cookie.as_str());
    let all = text(&s.get("/events", &[c]).body);
    assert!(
        all.contains("user alice added") && all.contains("serial 1 activated"),
        "{all}"
    );
    let users = text(&s.get("/events?kind=user-added", &[c]).body);
    assert!(
        users.contains("user alice added") && !users.contains("serial 1 activated"),
        "{users}"
    );
    let future = text(&s.get("/events?since=2999-01-01", &[c]).body);
    assert!(future.contains("No events."), "{future}");
    let bad = text(&s.get("/events?kind=nonsense", &[c]).body);
    assert!(bad.contains("unknown event kind nonsense"), "{bad}");
    let dutch = text(
        &s.get("/events?kind=user-added", &[c, ("Accept-Language", "nl")])
            .body,
    );
    assert!(dutch.contains("gebruiker toegevoegd"), "{dutch}");
}

#[test]
fn a_revocation_list_imported_on_the_page_turns_every_page_revoked_in_both_languages() {
    let s = Server::start(Some(&current()), &["alice"]);
    let session = s.login();
    let list = support::common::revocation_list(3, &[("LIC-1", Some("<b>refunded</b>"))], &[]);
    let done = s.post_form(
        &session,
        "/import/confirm",
        &[("csrf", &session.csrf), ("text", &list)],
    );
    assert_eq!(done.status, 200, "{}", done.body);
    let words = text(&done.body);
    assert!(words.contains("revocation list 3 imported"), "{words}");
    assert!(!done.body.contains("<b>refunded"), "the reason is escaped");
    for path in support::PAGES {
        let html = s.get(path, &[("Cookie", &session.cookie)]).body;
        let words = text(&html);
        assert!(html.contains("class=\"banner\""), "{path}: {html}");
        assert!(
            words.contains("LIC-1 was revoked by the vendor on 2026-03-01"),
            "{path}: {words}"
        );
    }
    let licenses = s.get("/licenses", &[("Cookie", &session.cookie)]).body;
    assert!(
        text(&licenses).contains("revoked on 2026-03-01"),
        "{}",
        text(&licenses)
    );
    let dutch = s.get(
        "/licenses",
        &[("Cookie", &session.cookie), ("Accept-Language", "nl")],
    );
    let dutch = text(&dutch.body);
    assert!(dutch.contains("ingetrokken op 2026-03-01"), "{dutch}");
    assert!(!dutch.contains("revoked"), "{dutch}");
    // The same list again is refused on the same page, in the command line's words.
    let again = s.post_form(
        &session,
        "/import/confirm",
        &[("csrf", &session.csrf), ("text", &list)],
    );
    assert!(text(&again.body).contains("revocation list 3 is not newer than list 3"));
}
