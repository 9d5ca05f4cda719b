//! Access questions on the command line, through the built binary: the licenses screen
//! (`list`, `show`) and `check`, answering yes or no with exit codes and words.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{current, Env};
use predicates::prelude::PredicateBooleanExt as _;
use predicates::str::contains;
use serde_json::json;

#[test]
fn list_and_show_are_the_licenses_screen() {
    let env = Env::licensed(&current());
    env.run(&["seats", "assign", "alice", "sales-premium"])
        .code(0);
    let rows = env.json(&["list"], 0)["rows"].as_array().unwrap().clone();
    assert_eq!(rows.len(), 16);
    let sales = rows.iter().find(|r| r["code"] == "sales-premium").unwrap();
    assert_eq!(
        (
            sales["kind"].clone(),
            sales["state"].clone(),
            sales["seats_total"].clone(),
            sales["seats_used"].clone()
        ),
        (json!("user-plan"), json!("active"), json!(10), json!(1))
    );
    assert!(sales["ends_at"].is_string() && sales["last_day"].is_string());
    let legacy = rows
        .iter()
        .find(|r| r["code"] == "legacy-windows-users")
        .unwrap();
    assert_eq!(
        (legacy["kind"].clone(), legacy["state"].clone()),
        (json!("legacy"), json!("not-licensed"))
    );
    // Not a terminal: counts, no bar.
    env.run(&["list"])
        .code(0)
        .stdout(contains("1 of 10 seats used"))
        .stdout(contains("[#").not())
        .stdout(contains("System licenses"));
    env.run(&["--lang", "nl", "list"])
        .code(0)
        .stdout(contains("Verkoopoffertebeheer"));
    env.run(&["show", "sales-premium"])
        .code(0)
        .stdout(contains("seats: 1 of 10 seats used"))
        .stdout(contains("1. alice"));
    env.run(&["--lang", "nl", "show", "quote-management"])
        .code(0)
        .stdout(contains("Maakt het gebruik van offertes mogelijk."));
    env.run(&["show", "sales-premum"]).code(2).stderr(contains(
        "unknown license \"sales-premum\" (did you mean sales-premium?)",
    ));
}

#[test]
fn check_commands_answer_yes_or_no() {
    let env = Env::licensed(&current().without("online-web-services"));
    env.run(&["check", "system", "superoffice-server"])
        .code(0)
        .stdout(contains("yes"));
    let d = env.json(&["check", "system", "online-web-services"], 1);
    assert_eq!(d["allowed"], false);
    assert_eq!(
        d["reasons"],
        json!([{
            "code": "system-license-missing",
            "license_code": "online-web-services",
            "text": "missing system license online-web-services"
        }])
    );
    env.run(&["check", "system", "sales-premium"])
        .code(2)
        .stderr(contains("unknown system license"));
    env.run(&["check", "capability", "quotes"]).code(0);
    env.run(&["check", "capability", "web-client"])
        .code(2)
        .stderr(contains("give --user NAME"));
    env.run(&["users", "login", "alice", "off"]).code(0);
    env.run(&["check", "capability", "web-client", "--user", "alice"])
        .code(1)
        .stdout(contains("user alice has no login rights"))
        .stdout(contains(
            "user alice holds no seat of an Essential or Premium plan",
        ));
    env.run(&["check", "seats", "service-essentials"])
        .code(0)
        .stdout(contains("2 free"));
    env.run(&["seats", "assign", "alice", "service-essentials"])
        .code(0);
    env.run(&["seats", "assign", "bob", "service-essentials"])
        .code(0);
    let c = env.json(&["check", "seats", "service-essentials"], 1);
    assert_eq!(
        (
            c["allowed"].clone(),
            c["seats_used"].clone(),
            c["seats_free"].clone()
        ),
        (json!(false), json!(2), json!(0))
    );
    // With the module and a seat, web access is allowed.
    let full = env.license("full.lic", &current().serial(2));
    env.run(&["import", &full]).code(0);
    env.run(&["check", "capability", "web-client", "--user", "bob"])
        .code(0)
        .stdout(contains("yes"));
}
