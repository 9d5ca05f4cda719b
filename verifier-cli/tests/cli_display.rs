//! No control character from a file name, a store row or a license reaches the terminal:
//! every value a screen shows is escaped (FORMAT.md §1.4's display rule).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{current, Env};

fn no_control(text: &[u8]) {
    let text = String::from_utf8_lossy(text);
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202E}'),
        "a control character reached the terminal: {text:?}"
    );
}

#[test]
fn hostile_names_are_escaped_on_every_screen() {
    let env = Env::licensed(&current());
    // A user written into the store by hand, past the name rules; a seat for it.
    let conn = rusqlite::Connection::open(env.store()).unwrap();
    conn.execute(
        "INSERT INTO users (name, login, created_at) VALUES (?1, 1, '2026-01-01T00:00:00Z')",
        ["mallory\u{1b}]0;owned\u{7}\u{202E}"],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO events (at, kind, message) VALUES ('2026-01-01T00:00:00Z', 'state', ?1)",
        ["\u{1b}[2J wiped"],
    )
    .unwrap();
    drop(conn);
    for args in [
        vec!["users", "list"],
        vec!["events"],
        vec![
            "check",
            "capability",
            "web-client",
            "--user",
            "mallory\u{1b}]0;owned\u{7}\u{202E}",
        ],
        vec!["verify", "no-such-\u{1b}[31m-file.lic"],
        vec!["--lang", "nl", "users", "list"],
    ] {
        let out = env.cmd().args(&args).output().unwrap();
        no_control(&out.stdout);
        no_control(&out.stderr);
        let all = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        assert!(all.contains("\\u{"), "{args:?}: nothing escaped in {all:?}");
    }
}

/// `-` is standard input for `verify` and `import`, and standard output for
/// `request --out`; never a file named `-`.
#[test]
fn a_dash_is_standard_input_or_output() {
    let env = Env::new();
    env.run(&["init"]).code(0);
    let license = current().sign();
    // A stale file named `-` must not be read instead of standard input.
    env.file("-", "not a license");
    env.cmd()
        .args(["verify", "-"])
        .write_stdin(license.clone())
        .assert()
        .code(0);
    env.cmd()
        .args(["import", "-", "--dry-run"])
        .write_stdin(license)
        .assert()
        .code(0);
    let out = env.cmd().args(["request", "--out", "-"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("activation-request/v1"));
    assert_eq!(
        std::fs::read_to_string(env.dir.path().join("-")).unwrap(),
        "not a license"
    );
}
