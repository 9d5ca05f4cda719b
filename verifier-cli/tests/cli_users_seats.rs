//! Users and seats on the command line, through the built binary: `users`, `seats`,
//! refusals as JSON, and processes racing for the last seats.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{current, Env};
use predicates::str::contains;
use serde_json::json;

#[test]
fn users_commands() {
    let env = Env::licensed(&current());
    env.run(&["users", "add", "carol", "--no-login"])
        .code(0)
        .stdout(contains("without login rights"));
    let before = common::snapshot(&env.store());
    env.run(&["users", "add", " carol"])
        .code(2)
        .stderr(contains("is not allowed"));
    env.run(&["users", "remove", "zed"])
        .code(2)
        .stderr(contains("no user zed"));
    env.run(&["users", "add", "carol"])
        .code(2)
        .stderr(contains("user carol already exists"));
    assert_eq!(common::snapshot(&env.store()), before);
    env.run(&["users", "login", "carol", "on"]).code(0);
    env.run(&["users", "login", "zed", "on"])
        .code(2)
        .stderr(contains("no user zed"));
    env.run(&["users", "login", "carol", "maybe"]).code(2);
    let users = env.json(&["users", "list"], 0)["users"].clone();
    assert_eq!(users.as_array().unwrap().len(), 3);
    assert_eq!(
        users[2],
        json!({"name": "carol", "login": true, "plans": []})
    );
    env.run(&["seats", "assign", "carol", "sales-premium"])
        .code(0);
    env.run(&["users", "remove", "carol"])
        .code(0)
        .stdout(contains("released sales-premium"));
    env.run(&["users", "remove", "carol"])
        .code(2)
        .stderr(contains("no user carol"));
}

#[test]
fn seats_commands_and_refusals() {
    let env = Env::licensed(&current());
    env.run(&["users", "add", "carol"]).code(0);
    env.run(&["seats", "assign", "alice", "service-essentials"])
        .code(0)
        .stdout(contains("1 of 2 seats used"));
    env.run(&["seats", "assign", "bob", "service-essentials"])
        .code(0);
    let before = common::snapshot(&env.store());
    env.run(&["seats", "assign", "carol", "service-essentials"])
        .code(1)
        .stderr(contains("no free seat of service-essentials"));
    env.run(&["seats", "assign", "carol", "marketing-premium"])
        .code(1)
        .stderr(contains("marketing-premium is not licensed"));
    env.run(&["seats", "assign", "alice", "sales-premium"])
        .code(1)
        .stderr(contains("user alice already holds service-essentials"))
        .stderr(contains("--move"));
    env.run(&["seats", "assign", "alice", "sales-premum"])
        .code(2)
        .stderr(contains("did you mean sales-premium?"));
    env.run(&["seats", "assign", "zed", "sales-premium"])
        .code(2)
        .stderr(contains("no user zed"));
    env.run(&["seats", "release", "carol", "sales-premium"])
        .code(2)
        .stderr(contains("holds no seat of sales-premium"));
    assert_eq!(common::snapshot(&env.store()), before);
    env.run(&["seats", "assign", "alice", "sales-premium", "--move"])
        .code(0)
        .stdout(contains("moved from service-essentials"));
    env.run(&["seats", "assign", "carol", "service-essentials"])
        .code(0);
    let seats = env.json(&["seats", "list", "service-essentials"], 0)["seats"].clone();
    let holders: Vec<&str> = seats
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["user"].as_str().unwrap())
        .collect();
    assert_eq!(holders, ["bob", "carol"]);
    env.run(&["seats", "release", "bob", "service-essentials"])
        .code(0);
    env.run(&["seats", "list"])
        .code(0)
        .stdout(contains("alice"))
        .stdout(contains("carol"));
}

#[test]
fn errors_are_json_too_with_json() {
    let env = Env::licensed(&current());
    let refused = env.json(&["seats", "assign", "zed", "sales-premium"], 2);
    assert_eq!(refused["refused"], false);
    assert_eq!(refused["error"]["code"], "unknown-user");
    assert!(refused["error"]["text"]
        .as_str()
        .unwrap()
        .contains("no user zed"));
    env.run(&["users", "add", "carol"]).code(0);
    env.run(&["seats", "assign", "alice", "service-essentials"])
        .code(0);
    env.run(&["seats", "assign", "bob", "service-essentials"])
        .code(0);
    let full = env.json(&["seats", "assign", "carol", "service-essentials"], 1);
    assert_eq!(full["refused"], true);
    assert_eq!(full["error"]["code"], "no-free-seat");
    // A command line clap refuses is an error object too.
    let usage = env.json(&["seats", "assign", "carol"], 2);
    assert_eq!(usage["error"]["code"], "usage");
    assert!(usage["error"]["text"]
        .as_str()
        .unwrap()
        .contains("required"));
}

#[test]
fn concurrent_processes_never_exceed_the_seats() {
    let env = Env::licensed(&current());
    let users: Vec<String> = (0..8).map(|i| format!("p{i}")).collect();
    for u in &users {
        env.run(&["users", "add", u]).code(0);
    }
    let bin = assert_cmd::cargo::cargo_bin("license-verifier");
    let children: Vec<_> = users
        .iter()
        .map(|u| {
            std::process::Command::new(&bin)
                .args([
                    "--store",
                    env.store().to_str().unwrap(),
                    "seats",
                    "assign",
                    u,
                    "service-essentials",
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let codes: Vec<i32> = children
        .into_iter()
        .map(|mut c| c.wait().unwrap().code().unwrap())
        .collect();
    assert_eq!(codes.iter().filter(|c| **c == 0).count(), 2, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == 1).count(), 6, "{codes:?}");
    assert_eq!(
        env.json(&["check", "seats", "service-essentials"], 1)["seats_used"],
        2
    );
}
