//! The whole life of a license, through the real binaries: keys, request, issue, import,
//! users and seats, access answers, the Licenses screen, renewals up and down, grace and
//! expiry, and the system events that tell the story.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod util;

use util::{day, order, Scene, WEB};

#[test]
fn the_whole_life_of_a_license() {
    let mut s = Scene::new();
    // The vendor makes its key; the installation trusts it (a product compiles it in).
    let keygen = s
        .issuer(&["keygen", "--out-dir", "keys", "--name", "vendor"])
        .code(0);
    let kid = keygen
        .stdout
        .split_whitespace()
        .find(|w| w.len() == 16)
        .unwrap()
        .to_owned();
    s.trust = vec!["keys/vendor.pub".into()];
    let key = s.path("keys/vendor.key");

    // The installation, offline, writes its activation request.
    let init = s.verifier(&["init"]).code(0);
    s.verifier(&["request", "--out", "request.json"]).code(0);
    let request: serde_json::Value = serde_json::from_str(&s.read("request.json")).unwrap();
    let installation = request["installation_id"].as_str().unwrap().to_owned();
    assert!(init.stdout.contains(&installation));

    // The vendor issues a bound file; the administrator imports it.
    let first = order(
        WEB,
        r#"{"sales-premium": 3, "service-essentials": 2}"#,
        &day(-30),
        &day(335),
    );
    s.issue(&key, &first, Some("request.json"), "acme-1.lic")
        .code(0)
        .says("serial 1");
    s.verifier(&["import", "acme-1.lic"])
        .code(0)
        .says("+ module online-web-services");
    // The administrator reads the order's last day, not the exclusive instant after it.
    s.verifier(&["status"])
        .code(0)
        .says(&format!("valid until: {}", day(335)));
    let status = s.verifier(&["--json", "status"]).code(0).json();
    assert_eq!(status["state"], "active");
    assert_eq!(status["serial"], 1);
    assert_eq!(status["installation_id"], installation.as_str());

    // Users and seats.
    for user in ["alice", "bob", "carol", "dave"] {
        s.verifier(&["users", "add", user]).code(0);
    }
    s.verifier(&["users", "add", "eve", "--no-login"]).code(0);
    for user in ["alice", "bob", "carol"] {
        s.verifier(&["seats", "assign", user, "sales-premium"])
            .code(0);
    }
    s.verifier(&["seats", "assign", "dave", "sales-premium"])
        .code(1)
        .says("no free seat of sales-premium");
    s.verifier(&["seats", "assign", "dave", "superoffice-server"])
        .code(2)
        .says("superoffice-server is a system license, not a user plan");
    s.verifier(&["check", "capability", "web-clinet", "--user", "dave"])
        .code(2)
        .says("unknown capability \"web-clinet\"")
        .says("the capabilities are crm, web-client");
    s.verifier(&["seats", "assign", "eve", "service-essentials"])
        .code(0);
    s.verifier(&["seats", "assign", "alice", "sales-essentials"])
        .code(1)
        .says("not licensed");

    // Access questions answer yes and no, with their reasons.
    s.verifier(&["check", "capability", "web-client", "--user", "alice"])
        .code(0);
    s.verifier(&["check", "capability", "web-client", "--user", "dave"])
        .code(1)
        .says("user dave holds no seat of an Essential or Premium plan");
    s.verifier(&["check", "capability", "web-client", "--user", "eve"])
        .code(1)
        .says("user eve has no login rights");
    s.verifier(&["check", "system", "superoffice-server"])
        .code(0);
    s.verifier(&["check", "system", "quote-management"])
        .code(1)
        .says("missing system license quote-management");
    s.verifier(&["check", "capability", "quotes"])
        .code(1)
        .says("missing system license quote-management");

    // The Licenses screen and one license's details.
    let list = s.verifier(&["--json", "list"]).code(0).json();
    let row = |code: &str| {
        list["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            row("sales-premium")["seats_used"].clone(),
            row("sales-premium")["seats_total"].clone()
        ),
        (3.into(), 3.into())
    );
    assert_eq!(row("quote-management")["state"], "not-licensed");
    let show = s.verifier(&["show", "sales-premium"]).code(0);
    for user in ["alice", "bob", "carol"] {
        assert!(show.stdout.contains(user), "{}", show.stdout);
    }
    s.verifier(&["--lang", "nl", "show", "quote-management"])
        .code(0)
        .says("Verkoopoffertebeheer");

    // A renewal with more seats: dave gets one.
    let more = order(
        WEB,
        r#"{"sales-premium": 5, "service-essentials": 2}"#,
        &day(-30),
        &day(700),
    );
    s.issue(&key, &more, Some("request.json"), "acme-2.lic")
        .code(0)
        .says("serial 2");
    s.verifier(&["import", "acme-2.lic"])
        .code(0)
        .says("sales-premium");
    s.verifier(&["seats", "assign", "dave", "sales-premium"])
        .code(0);
    s.verifier(&["check", "capability", "web-client", "--user", "dave"])
        .code(0);

    // A renewal with fewer seats: the dry run names exactly who loses access.
    let fewer = order(
        WEB,
        r#"{"sales-premium": 2, "service-essentials": 2}"#,
        &day(-30),
        &day(700),
    );
    s.issue(&key, &fewer, Some("request.json"), "acme-3.lic")
        .code(0)
        .says("serial 3");
    let before = s.snapshot("license-store.db");
    let dry = s
        .verifier(&["--json", "import", "acme-3.lic", "--dry-run"])
        .code(0)
        .json();
    let losing: Vec<String> = dry["changes"]["users_losing_access"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            u.as_str()
                .map_or_else(|| u["user"].as_str().unwrap().to_owned(), str::to_owned)
        })
        .collect();
    assert_eq!(losing, ["carol", "dave"], "{dry}");
    assert_eq!(
        s.snapshot("license-store.db"),
        before,
        "--dry-run changed the store"
    );
    s.verifier(&["import", "acme-3.lic"]).code(0).says("carol");
    s.verifier(&["check", "capability", "web-client", "--user", "alice"])
        .code(0);
    s.verifier(&["check", "capability", "web-client", "--user", "bob"])
        .code(0);
    s.verifier(&["check", "capability", "web-client", "--user", "carol"])
        .code(1)
        .says("sales-premium: carol is holder 3 of 2 licensed seats");
    s.verifier(&["check", "capability", "web-client", "--user", "dave"])
        .code(1)
        .says("sales-premium: dave is holder 4 of 2 licensed seats");
    // Nobody's assignment was deleted.
    let seats = s
        .verifier(&["--json", "seats", "list", "sales-premium"])
        .code(0)
        .json();
    assert_eq!(seats["seats"].as_array().unwrap().len(), 4, "{seats}");

    // The term runs out: grace with warnings, then expiry (instants given to `verify`).
    let until = chrono::NaiveDate::parse_from_str(&day(700), "%Y-%m-%d")
        .unwrap()
        .succ_opt()
        .unwrap();
    let at = |days: i64| format!("{}T12:00:00Z", until + chrono::Duration::days(days));
    let grace = s
        .verifier(&["--json", "verify", "acme-3.lic", "--at", &at(3)])
        .code(0)
        .json();
    assert_eq!(grace["state"], "grace", "{grace}");
    let expired = s
        .verifier(&["--json", "verify", "acme-3.lic", "--at", &at(20)])
        .code(1)
        .json();
    assert_eq!(expired["state"], "expired", "{expired}");
    assert_eq!(expired["valid"], false);

    // A file whose term ended five days ago is in grace now; one that ended a month ago
    // is expired, and the startup check says the product is not usable.
    let lapsed = order(WEB, r#"{"sales-premium": 2}"#, &day(-400), &day(-6));
    s.issue(&key, &lapsed, None, "lapsed.lic")
        .code(0)
        .says("installations run it in grace, with warnings");
    s.verifier_at("grace.db", &["init"]).code(0);
    s.verifier_at("grace.db", &["import", "lapsed.lic"]).code(0);
    let status = s
        .verifier_at("grace.db", &["--json", "status"])
        .code(0)
        .json();
    assert_eq!(status["state"], "grace", "{status}");
    assert!(
        !status["warnings"].as_array().unwrap().is_empty(),
        "grace gives warnings: {status}"
    );
    let gone = order(WEB, r#"{"sales-premium": 2}"#, &day(-400), &day(-31));
    s.issue(&key, &gone, None, "gone.lic")
        .code(0)
        .says("installations will refuse it");
    s.verifier_at("expired.db", &["init"]).code(0);
    s.verifier_at("expired.db", &["import", "gone.lic"])
        .code(1)
        .says("expired");
    s.verifier_at("expired.db", &["status"])
        .code(1)
        .says("no license is active");
    s.verifier_at("expired.db", &["check", "capability", "crm"])
        .code(1);

    // The vendor's ledger holds all of it, with the key that signed it.
    let ledger = s
        .issuer(&["ledger", "list", "--customer", "C-1001", "--json"])
        .code(0)
        .json()["licenses"]
        .clone();
    assert_eq!(ledger.as_array().unwrap().len(), 5);
    assert!(
        ledger
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["key_id"] == kid.as_str()),
        "{ledger}"
    );

    // The system events tell the story, newest first.
    let events = s
        .verifier(&["--json", "events", "--limit", "200"])
        .code(0)
        .json();
    let kinds: Vec<&str> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    let messages: String = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].to_string())
        .collect();
    for kind in [
        "init",
        "import",
        "user-added",
        "seat-assigned",
        "seat-refused",
    ] {
        assert!(kinds.contains(&kind), "no {kind} event in {kinds:?}");
    }
    for serial in ["serial 1", "serial 2", "serial 3"] {
        assert!(
            messages.contains(serial),
            "no import of {serial} in the events"
        );
    }
}
