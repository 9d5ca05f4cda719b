//! `events --kind/--since` and days as instants on the command line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{current, Env};
use predicates::str::contains;

#[test]
fn events_by_kind_and_since() {
    let env = Env::licensed(&current());
    env.run(&["seats", "assign", "alice", "sales-premium"])
        .code(0);
    let all = env.json(&["events", "--limit", "100"], 0);
    let kinds = |v: &serde_json::Value| -> Vec<String> {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(kinds(&all).len() > 3, "{all}");
    let seats = env.json(&["events", "--kind", "seat-assigned"], 0);
    assert_eq!(kinds(&seats), ["seat-assigned"]);
    let two = env.json(
        &["events", "--kind", "seat-assigned", "--kind", "import"],
        0,
    );
    assert_eq!(kinds(&two), ["seat-assigned", "import"]);
    let future = env.json(&["events", "--since", "2999-01-01"], 0);
    assert!(kinds(&future).is_empty());
    let past = env.json(&["events", "--since", "2000-01-01T00:00:00Z"], 0);
    assert_eq!(kinds(&past), kinds(&all));
    env.run(&["events", "--kind", "imports"])
        .code(2)
        .stderr(contains(
            "unknown event kind \"imports\"; the kinds are init, import",
        ));
    env.run(&["events", "--since", "yesterday"])
        .code(2)
        .stderr(contains("give an RFC 3339 time or a day YYYY-MM-DD"));
}

#[test]
fn verify_at_a_day() {
    let env = Env::new();
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/valid-basic.lic"
    );
    // The term is 2026-12-01 to 2027-11-30 (+14 days of grace): a day is its start in UTC.
    env.run(&["verify", file, "--at", "2027-01-01"])
        .code(0)
        .stdout(contains("state: active, 334 days left"));
    env.run(&["verify", file, "--at", "2026-11-30"])
        .code(1)
        .stdout(contains("not valid before 2026-12-01"));
}

#[test]
fn one_seat_is_one_seat() {
    let env = Env::licensed(&current().seats("sales-premium", 1));
    env.run(&["seats", "assign", "alice", "sales-premium"])
        .code(0)
        .stdout(contains("1 of 1 seat used"));
    env.run(&["check", "seats", "sales-premium"])
        .code(1)
        .stdout(contains(
            "sales-premium: 1 of 1 licensed seat is held, none is free",
        ))
        .stdout(contains("sales-premium: 1 of 1 seat used, 0 free"));
    env.run(&["show", "sales-premium"])
        .code(0)
        .stdout(contains("seats: 1 of 1 seat used"));
}

/// JSON names both ends of a term for what they are: the exclusive instant and the last
/// day, for the license and for every grant.
#[test]
fn json_gives_the_last_day_and_the_exclusive_end() {
    let env = Env::new();
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/valid-basic.lic"
    );
    let v = env.json(&["verify", file, "--at", "2027-01-01"], 0);
    assert_eq!(v["ends_at"], "2027-12-01T00:00:00Z");
    assert_eq!(v["last_day"], "2027-11-30");
    assert!(v.get("valid_until").is_none(), "{v}");
    for grant in v["system_licenses"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["user_plans"].as_array().unwrap())
    {
        let (last, ends) = if grant["code"] == "sales-intelligence" {
            ("2027-05-31", "2027-06-01T00:00:00Z")
        } else {
            ("2027-11-30", "2027-12-01T00:00:00Z")
        };
        assert_eq!(
            (grant["last_day"].as_str(), grant["ends_at"].as_str()),
            (Some(last), Some(ends)),
            "{grant}"
        );
    }
}

/// `show` without a code: the active license in full, with every grant and the seats.
#[test]
fn show_without_a_code_is_the_active_license_in_full() {
    let env = Env::new();
    env.run(&["init"]).code(0);
    env.run(&["show"])
        .code(1)
        .stderr(contains("no license is active"));
    let env = Env::licensed(&current());
    env.run(&["seats", "assign", "alice", "sales-premium"])
        .code(0);
    env.run(&["show"])
        .code(0)
        .stdout(contains("valid: license LIC-1 serial 1 for Acme (C-1)"))
        .stdout(contains("  issued: "))
        .stdout(contains(" by Example Vendor\n"))
        .stdout(contains("  module quote-management: active"))
        .stdout(contains(
            "  seats of sales-premium: 1 of 10 seats used, 9 free",
        ));
    let v = env.json(&["show"], 0);
    assert_eq!(v["license_id"], "LIC-1");
    assert_eq!(v["issuer"], "Example Vendor");
    assert_eq!(v["seats"][0]["plan"], "sales-premium");
    assert_eq!(v["seats"][0]["seats_free"], 9);
}

/// `history`: every license imported, oldest first, with what it changed.
#[test]
fn history_lists_every_license_and_what_it_changed() {
    let env = Env::licensed(&current());
    let next = current()
        .serial(2)
        .without("quote-management")
        .seats("sales-premium", 12);
    let file = env.license("lic2.lic", &next);
    env.run(&["import", &file]).code(0);
    env.run(&["history"])
        .code(0)
        .stdout(contains(" LIC-1 serial 1 for Acme (C-1), until "))
        .stdout(contains("    + module superoffice-server"))
        .stdout(contains("* "))
        .stdout(contains(" LIC-2 serial 2 for Acme (C-1)"))
        .stdout(contains("    - module quote-management"))
        .stdout(contains("    seats sales-premium: 10 -> 12"));
    let v = env.json(&["history"], 0);
    let list = v["licenses"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        (list[0]["active"].as_bool(), list[1]["active"].as_bool()),
        (Some(false), Some(true))
    );
    assert_eq!(
        list[1]["modules_lost"],
        serde_json::json!(["quote-management"])
    );
    assert!(list[1]["last_day"].is_string());
}

/// The Licenses screen: a head naming the active license, and every line within 80
/// columns in both languages, with every system license and plan of the catalog granted.
#[test]
fn the_licenses_screen_has_a_head_and_fits_80_columns() {
    let mut all = current()
        .set("system_licenses", serde_json::json!([]))
        .set("user_plans", serde_json::json!([]));
    let catalog = license_catalog::builtin();
    for e in &catalog.system_licenses {
        let list = all.0["system_licenses"].as_array_mut().unwrap();
        list.push(serde_json::json!({"code": e.code, "valid_until": null}));
    }
    for e in &catalog.user_plans {
        all = all.seats(&e.code, 1000);
    }
    let env = Env::licensed(&all);
    for lang in ["en", "nl"] {
        let out = env.run(&["--lang", lang, "list"]).code(0);
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let head = match lang {
            "nl" => "Licenties van Acme (C-1)\n  licentie LIC-1 volgnummer 1, uitgegeven door Example Vendor\n  actief, geldig tot en met ",
            _ => "Licenses of Acme (C-1)\n  license LIC-1 serial 1, issued by Example Vendor\n  active, last day ",
        };
        assert!(text.starts_with(head), "{text}");
        for e in catalog.system_licenses.iter().chain(&catalog.user_plans) {
            assert!(
                text.contains(&format!("({})", e.code)),
                "{lang}: {} missing:\n{text}",
                e.code
            );
        }
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "{lang}: {} columns: {line:?}",
                line.chars().count()
            );
        }
    }
    let v = env.json(&["list"], 0);
    assert_eq!(v["header"]["license_id"], "LIC-1");
    assert_eq!(v["header"]["state"], "active");
    assert!(v["header"]["last_day"].is_string());
    assert_eq!(v["rows"].as_array().unwrap().len(), 16);
}

/// The language: `--lang` in any case or as a tag, else LICENSE_LANG, else the locale.
#[test]
fn the_language_comes_from_the_flag_or_the_environment() {
    let env = Env::licensed(&current());
    let dutch = "Verkoopoffertebeheer";
    for args in [&["--lang", "NL", "list"][..], &["--lang", "nl-NL", "list"]] {
        env.run(args).code(0).stdout(contains(dutch));
    }
    for (name, value) in [
        ("LICENSE_LANG", "nl"),
        ("LC_ALL", "nl_NL.UTF-8"),
        ("LANG", "nl_BE.UTF-8"),
    ] {
        let mut cmd = env.cmd();
        cmd.env_remove("LC_ALL").env(name, value).arg("list");
        cmd.assert().code(0).stdout(contains(dutch));
    }
    // The flag wins over the environment, and English is the default.
    let mut cmd = env.cmd();
    cmd.env("LICENSE_LANG", "nl").args(["--lang", "en", "list"]);
    cmd.assert().code(0).stdout(contains("Quote management"));
    env.run(&["list"])
        .code(0)
        .stdout(contains("Quote management"));
}

/// Decisions and their reasons in Dutch, with the help page's words.
#[test]
fn decisions_speak_dutch() {
    let env = Env::licensed(&current());
    env.run(&[
        "--lang",
        "nl",
        "check",
        "capability",
        "web-client",
        "--user",
        "bob",
    ])
    .code(1)
    .stdout(contains("nee\n"))
    .stdout(contains(
        "gebruiker bob heeft geen licentie van een Essential- of Premium-gebruikersplan",
    ));
    env.run(&["users", "login", "bob", "off"]).code(0);
    env.run(&[
        "--lang",
        "nl",
        "check",
        "capability",
        "web-client",
        "--user",
        "bob",
    ])
    .code(1)
    .stdout(contains("gebruiker bob heeft geen aanmeldrechten"));
    env.run(&["--lang", "nl", "check", "system", "superoffice-server"])
        .code(0)
        .stdout(contains("ja\n"));
    let v = env.json(
        &["--lang", "nl", "check", "system", "exchange-synchronizer"],
        1,
    );
    assert_eq!(v["reasons"][0]["code"], "system-license-missing");
    assert_eq!(
        v["reasons"][0]["text"],
        "systeemlicentie exchange-synchronizer ontbreekt"
    );
}

/// The startup check in Dutch.
#[test]
fn status_speaks_dutch() {
    let env = Env::licensed(&current());
    env.run(&["--lang", "nl", "status"])
        .code(0)
        .stdout(contains("status: actief\n"))
        .stdout(contains("licentie: LIC-1 (volgnummer 1)\n"))
        .stdout(contains("klant: Acme (C-1)\n"))
        .stdout(contains("geldig tot en met: "))
        .stdout(contains("installatie: "));
    env.run(&["status"])
        .code(0)
        .stdout(contains("state: active\n"))
        .stdout(contains("license: LIC-1 (serial 1)\n"));
}
