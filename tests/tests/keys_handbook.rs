//! docs/KEYS.md is true: every command in its `sh` blocks runs, in the handbook's order,
//! through the built binaries, and succeeds. What the handbook leaves to the reader is
//! made here: the order files, the installation's requests, the passphrase of the
//! encrypted keys. The handbook's example dates and ids are moved to this run's: the
//! window 2027-01-01..2027-12-31 to yesterday..a year ahead, the stolen key's id to the
//! id of `keys/issuing-2027`, and LIC-000042 to a license this run issued. The
//! installation trusts the root alone (`--trust-root offline/root.pub`), as a product
//! built with `LICENSE_TRUSTED_ROOTS` does; build commands (`cargo`) are not run.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod util;

use std::path::Path;

use util::{day, order, Scene, WEB};

/// The handbook's commands: the lines of its `sh` blocks, continuation lines joined and
/// comments dropped, split into words (double quotes group words).
fn commands(handbook: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut in_block = false;
    let mut pending = String::new();
    for line in handbook.lines() {
        let line = line.trim();
        if line.starts_with("```") {
            in_block = line == "```sh";
            continue;
        }
        if !in_block {
            continue;
        }
        let line = line.split("  #").next().unwrap_or_default().trim_end();
        match line.strip_suffix('\\') {
            Some(head) => pending.push_str(head),
            None => {
                pending.push_str(line);
                let words = words(&pending);
                if !words.is_empty() {
                    out.push(words);
                }
                pending.clear();
            }
        }
    }
    out
}

fn words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quoted) = (Vec::new(), String::new(), false);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The key id `keys/NAME.pub` has, as `inspect`-free as possible: from the ledger of
/// certificates, which names each certified key.
fn certified_kid(s: &Scene, name: &str) -> String {
    let certs = s
        .issuer(&["ledger", "certificates", "--json"])
        .code(0)
        .json();
    let pem = std::fs::read_to_string(s.path(&format!("keys/{name}.pub"))).unwrap();
    let key = license_format::verifying_key_from_pem(&pem).unwrap();
    let kid = license_format::KeyId::of(&key).to_string();
    assert!(
        certs.to_string().contains(&kid),
        "{name} is not certified: {certs}"
    );
    kid
}

#[test]
fn every_command_of_the_key_handbook_runs_as_written() {
    let handbook =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/KEYS.md"))
            .unwrap();
    let commands = commands(&handbook);
    assert!(commands.len() >= 14, "{commands:?}");
    let mut s = Scene::new();
    s.env.push((
        "LICENSE_ISSUER_PASSPHRASE".into(),
        "correct horse battery staple".into(),
    ));

    // The installation, and what the vendor receives from it.
    s.verifier(&["init"]).code(0);
    s.verifier(&["request", "--out", "request.json"]).code(0);
    let request: serde_json::Value = serde_json::from_str(&s.read("request.json")).unwrap();
    let installation = request["installation_id"].as_str().unwrap().to_owned();
    let bound = |plans: &str| {
        let mut o: serde_json::Value =
            serde_json::from_str(&order(WEB, plans, &day(-1), &day(365))).unwrap();
        o["installation_id"] = installation.clone().into();
        o.to_string()
    };
    s.write(
        "order.json",
        &order(WEB, r#"{"sales-premium": 3}"#, &day(-1), &day(365)),
    );
    s.write("orders.jsonl", &bound(r#"{"sales-premium": 4}"#));
    s.write("renewals.jsonl", &bound(r#"{"sales-premium": 5}"#));
    let reset = license_format::ClockResetRequest::new(
        "superoffice-crm".into(),
        installation.clone(),
        license_format::ClockResetRequest::nonce_from_bytes(&[7; 16]),
        None,
        chrono::Utc::now(),
        "crm01.example.com".into(),
    );
    s.write("reset-request.json", &reset.to_json());
    s.trust = Vec::new();

    let mut ran = 0;
    for words in commands {
        let (program, args) = words.split_first().unwrap();
        if program == "cargo" || program.starts_with("LICENSE_") || program == "openssl" {
            continue;
        }
        let args: Vec<String> = args
            .iter()
            .map(|a| match a.as_str() {
                "2027-01-01" => day(-1),
                "2027-12-31" => day(365),
                "8f3a0c1e5b7d9a24" => certified_kid(&s, "issuing-2027"),
                "LIC-000042" => "LIC-000001".to_owned(),
                other => other.to_owned(),
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = match program.as_str() {
            "license-issuer" => s.issuer(&args),
            "license-verifier" => {
                let mut all = vec!["--trust-root", "offline/root.pub"];
                all.extend(&args);
                s.verifier(&all)
            }
            other => panic!("the handbook runs {other}"),
        };
        let run = run.code(0);
        ran += 1;
        // The renewed file, under the name the handbook gives it.
        if args.contains(&"renewed") {
            let file = std::fs::read_dir(s.path("renewed"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.extension().is_some_and(|e| e == "lic"))
                .unwrap_or_else(|| panic!("no license in renewed/: {}", run.stdout));
            std::fs::copy(file, s.path("acme-renewed.lic")).unwrap();
        }
    }
    assert!(ran >= 14, "only {ran} commands ran");
    // The end of section 6: the installation runs on the renewed file, and holds the
    // list that revokes the stolen key.
    let status = s
        .verifier(&["--trust-root", "offline/root.pub", "--json", "status"])
        .code(0)
        .json();
    assert_eq!(status["state"], "active");
    let old = s.verifier(&["--trust-root", "offline/root.pub", "import", "acme.lic"]);
    old.code(1).says("was revoked by the vendor");
}
