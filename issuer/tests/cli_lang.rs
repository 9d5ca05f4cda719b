//! The language of the command line: `--lang`, else the environment; and no English
//! left in Dutch output, nor Dutch in English output.

mod common;

use common::{Env, Outcome};

/// English words of labels and sentences the Dutch output must not hold.
const ENGLISH: &[&str] = &[
    "license:",
    "license",
    "serial",
    "customer",
    "issued",
    "issuer:",
    "signature",
    "valid until",
    "valid from",
    "until",
    "seats",
    "plan",
    "system",
    "key id",
    "key",
    "installation",
    "unbound",
    "perpetual",
    "grace",
    "recorded",
    "written",
    "bound to",
    "error:",
    "hint:",
    "no ledger",
];

/// Dutch words the English output must not hold.
const DUTCH: &[&str] = &[
    "licentie",
    "volgnummer",
    "klant",
    "uitgegeven",
    "uitgever",
    "handtekening",
    "geldig",
    "tot en met",
    "gebruikersplan",
    "systeemlicentie",
    "sleutel",
    "installatie",
    "respijt",
    "gebonden",
    "vastgelegd",
    "geschreven",
    "fout:",
    "tip:",
    "grootboek",
];

fn none_of(words: &[&str], text: &str, what: &str) {
    let lower = text.to_lowercase();
    for word in words {
        assert!(
            !has_word(&lower, &word.to_lowercase()),
            "{what}: {word:?} in:\n{text}"
        );
    }
}

/// Whether `phrase` is in `text` as whole words ("plan:" is not in "gebruikersplan:").
fn has_word(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        edge(before) && (phrase.ends_with([' ', ':']) || edge(after))
    })
}

/// An environment with one issued license, `a.lic`, and one unbound one, `b.lic`.
fn issued() -> Env {
    let env = Env::with_key_and_order();
    env.issue(&["--order", "order.json", "--out", "a.lic"])
        .code(0);
    env.write(
        "other.json",
        r#"{"customer": {"id": "C-2002", "name": "Beta BV"}, "valid_until": "2027-06-30",
            "user_plans": {"sales-premium": 1}}"#,
    );
    env.issue(&["--order", "other.json", "--out", "b.lic", "--unbound"])
        .code(0);
    env
}

/// The text output (stdout and stderr) of every command that has words, in `lang`.
fn outputs(env: &Env, lang: &[&str]) -> Vec<(String, String)> {
    let run = |args: &[&str]| {
        let mut all: Vec<&str> = lang.to_vec();
        all.extend_from_slice(args);
        let out = env.run_as_issuer(&all);
        (args.join(" "), out.stdout() + &out.stderr())
    };
    env.write(
        "third.json",
        r#"{"customer": {"id": "C-3003", "name": "Gamma"}, "installation_id": "inst-3",
            "valid_until": "2027-06-30", "user_plans": {"sales-premium": 2}}"#,
    );
    vec![
        run(&["inspect", "a.lic", "--trust", "vendor.pub"]),
        run(&["inspect", "b.lic"]),
        run(&["ledger", "list"]),
        run(&["ledger", "list", "--customer", "C-9999"]),
        run(&["ledger", "show", "LIC-000001"]),
        run(&["ledger", "show", "LIC-000099"]),
        run(&[
            "issue",
            "--key",
            "vendor.key",
            "--order",
            "third.json",
            "--out",
            "c.lic",
        ]),
        run(&["issue", "--key", "vendor.key", "--order", "nothing.json"]),
        run(&["ledger", "list", "--ledger", "none.db"]),
    ]
}

/// Drops the parts that are data, not words: the license files' armor, paths, codes.
fn words_of(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("-----") && l.contains(' '))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("LICENSE_LEDGER", "")
        .replace("LICENSE_ISSUER_NAME", "")
        .replace("license-ledger.db", "")
        .replace("license-issuer", "")
        .replace("license-verifier", "")
        .replace("keys-example", "")
        .replace("installation_id", "")
        .replace("valid_until", "")
}

#[test]
fn dutch_output_holds_no_english() {
    let env = issued();
    for (command, text) in outputs(&env, &["--lang", "nl"]) {
        none_of(ENGLISH, &words_of(&text), &command);
        assert!(!text.trim().is_empty(), "{command}: no output");
    }
}

#[test]
fn english_output_holds_no_dutch() {
    let env = issued();
    for (command, text) in outputs(&env, &["--lang", "en"]) {
        none_of(DUTCH, &words_of(&text), &command);
    }
}

#[test]
fn the_language_comes_from_lang_and_the_environment() {
    let env = issued();
    let list =
        |cmd: &mut assert_cmd::Command| Outcome::of(cmd.args(["ledger", "list"])).code(0).stdout();
    let dutch = list(env.cmd().args(["--lang", "NL"]));
    assert!(dutch.contains("volgnummer 1"), "{dutch}");
    let dutch = list(env.cmd().args(["--lang=nl-NL"]));
    assert!(dutch.contains("volgnummer 1"), "{dutch}");
    let dutch = list(env.cmd().env("LANG", "nl_NL.UTF-8").env_remove("LC_ALL"));
    assert!(dutch.contains("volgnummer 1"), "{dutch}");
    let dutch = list(env.cmd().env("LICENSE_LANG", "nl"));
    assert!(dutch.contains("volgnummer 1"), "{dutch}");
    // --lang beats the environment; LC_ALL beats LANG.
    let english = list(env.cmd().env("LICENSE_LANG", "nl").args(["--lang", "en"]));
    assert!(english.contains("serial 1"), "{english}");
    let english = list(env.cmd().env("LANG", "nl_NL.UTF-8"));
    assert!(english.contains("serial 1"), "{english}");
    // A usage error under --json is in the language asked for, too.
    let v = Outcome::of(
        env.cmd()
            .args(["--lang", "nl", "ledger", "list", "--json", "--bogus"]),
    )
    .code(2)
    .json();
    assert_eq!(v["error"]["code"], "usage");
    assert!(
        v["error"]["text"]
            .as_str()
            .unwrap()
            .starts_with("de opdrachtregel"),
        "{v}"
    );
    Outcome::of(env.cmd().args(["--lang", "fr", "ledger", "list"]))
        .code(2)
        .stderr_has("use en or nl");
}

#[test]
fn the_dutch_words_are_the_help_pages() {
    let env = issued();
    let shown = env
        .run(&["--lang", "nl", "inspect", "a.lic", "--trust", "vendor.pub"])
        .code(0)
        .stdout();
    for part in [
        "licentie:",
        "handtekening:",
        "geldig tot en met:",
        "systeemlicentie:",
        "gebruikersplan:",
        "2027-11-30 (respijt 14 dagen)",
        "sales-premium 10 gebruikers tot en met 2027-11-30",
        "sales-intelligence tot en met 2027-05-31",
    ] {
        assert!(shown.contains(part), "{part:?} missing from:\n{shown}");
    }
    let err = env
        .run(&["--lang", "nl", "ledger", "show", "LIC-000099"])
        .code(1)
        .stderr();
    assert!(err.contains("geen licentie LIC-000099"), "{err}");
    let v = env
        .run(&["--lang", "nl", "ledger", "show", "LIC-000099", "--json"])
        .code(1)
        .json();
    assert_eq!(v["error"]["code"], "no-such-license");
    assert_eq!(v["refused"], true);
    assert!(
        v["error"]["text"]
            .as_str()
            .unwrap()
            .starts_with("geen licentie"),
        "{v}"
    );
}
