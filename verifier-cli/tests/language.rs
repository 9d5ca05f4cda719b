//! Under `--lang nl` no English word is left in the screens an administrator reads, and
//! under `--lang en` no Dutch one: a fixed set of words of each language, looked for as
//! whole words (codes such as `seat-assigned` and data such as names are not words).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{current, Env};

/// Words of the English messages that are not Dutch words too.
const ENGLISH: &[&str] = &[
    "license",
    "licenses",
    "serial",
    "customer",
    "seat",
    "seats",
    "used",
    "free",
    "state",
    "active",
    "expired",
    "valid",
    "until",
    "day",
    "days",
    "user",
    "users",
    "login",
    "rights",
    "yes",
    "no",
    "warning",
    "issued",
    "installation",
    "activated",
    "would",
    "changed",
    "holder",
    "none",
    "the",
    "by",
    "and",
    "not",
    "System",
    "licensed",
    "grace",
    "left",
    "key",
    "signed",
    "term",
    "reason",
    "enables",
    "holds",
    "added",
    "assigned",
    "released",
    "dry",
    "run",
    "nothing",
    "seen",
    "store",
    "created",
];

/// Words of the Dutch messages that are not English words too.
const DUTCH: &[&str] = &[
    "licentie",
    "licenties",
    "Licenties",
    "Systeemlicenties",
    "gebruiker",
    "gebruikers",
    "geldig",
    "toegewezen",
    "aanmeldrechten",
    "volgnummer",
    "klant",
    "actief",
    "verlopen",
    "ja",
    "nee",
    "waarschuwing",
    "niet",
    "van",
    "tot",
    "met",
    "geen",
    "vrij",
    "gebruik",
    "uitgegeven",
    "door",
    "status",
    "installatie",
    "sleutel",
    "looptijd",
    "respijt",
    "opslag",
    "aangemaakt",
    "toegevoegd",
    "heeft",
    "voor",
    "nog",
];

/// The words of a text: split at spaces and punctuation, but not at `-` or `_`, so
/// that codes stay whole.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every screen the issue names, in `lang`: stdout and stderr together.
fn screens(lang: &str) -> Vec<(String, String)> {
    let lic = current();
    let env = Env::licensed(&lic);
    let next = env.license("next.lic", &lic.clone().serial(2).seats("sales-premium", 1));
    env.run(&["users", "add", "carol", "--no-login"]).code(0);
    env.run(&["seats", "assign", "alice", "sales-premium"])
        .code(0);
    env.run(&["seats", "assign", "bob", "sales-premium"])
        .code(0);
    let commands: Vec<Vec<&str>> = vec![
        vec!["status"],
        vec!["list"],
        vec!["show"],
        vec!["show", "sales-premium"],
        vec!["history"],
        vec!["check", "capability", "web-client", "--user", "alice"],
        vec!["check", "capability", "web-client", "--user", "carol"],
        vec!["check", "seats", "sales-premium"],
        vec!["seats", "list"],
        vec!["users", "list"],
        vec!["events", "--limit", "50"],
        vec!["import", &next, "--dry-run"],
        vec!["verify", &next],
        vec!["seats", "assign", "carol", "marketing-premium"],
    ];
    commands
        .iter()
        .map(|args| {
            let out = env
                .cmd()
                .args(["--lang", lang])
                .args(args)
                .output()
                .unwrap();
            let text =
                String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
            (args.join(" "), text)
        })
        .collect()
}

fn assert_none_of(lang: &str, banned: &[&str]) {
    for (command, text) in screens(lang) {
        // The example-key warning of the test build is not a screen of the product.
        let text: String = text
            .lines()
            .filter(|l| !l.contains("keys-example/"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!text.trim().is_empty(), "{command}: no output");
        let found: Vec<&str> = words(&text)
            .into_iter()
            .filter(|w| banned.contains(w))
            .collect();
        assert!(
            found.is_empty(),
            "--lang {lang} {command}: words of the other language {found:?} in:\n{text}"
        );
    }
}

#[test]
fn dutch_screens_have_no_english_word() {
    assert_none_of("nl", ENGLISH);
}

#[test]
fn english_screens_have_no_dutch_word() {
    assert_none_of("en", DUTCH);
}
