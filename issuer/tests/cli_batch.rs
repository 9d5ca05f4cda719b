//! `batch` through the binary.
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::collections::HashSet;
use std::fs;

use common::{Env, Outcome, BATCH, ORDER};

fn line(customer: usize, installation: usize) -> String {
    let order: serde_json::Value = serde_json::from_str(ORDER).unwrap();
    let mut order = order;
    order["customer"]["id"] = format!("C-{customer}").into();
    order["installation_id"] = format!("inst-{installation}").into();
    order.to_string()
}

fn batch(env: &Env, extra: &[&str]) -> Outcome {
    Outcome::of(env.issuer_cmd().args(BATCH).args(extra))
}

#[test]
fn bad_lines_are_reported_by_number_and_do_not_stop_the_others() {
    let env = Env::new();
    env.keygen();
    let bad_code = line(2, 1).replace("sales-premium", "sales-premum");
    let lines = [
        line(1, 1),
        bad_code,
        "not json".into(),
        String::new(),
        line(3, 1),
    ];
    env.write("orders.jsonl", &lines.join("\n"));
    batch(&env, &[])
        .code(1)
        .stderr_has("license-issuer: refused: orders.jsonl:2: user_plans.sales-premum: unknown user plan \"sales-premum\": did you mean \"sales-premium\"?")
        .stderr_has("license-issuer: refused: orders.jsonl:3: not a JSON order")
        .stdout_has("issued 2, refused 2; files in out");
    let mut files: Vec<String> = fs::read_dir(env.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(files, ["LIC-000001.lic", "LIC-000002.lic"]);
    for f in &files {
        env.verify(&env.path("out").join(f));
    }
    assert_eq!(env.ledger().len(), 2);
}

#[test]
fn fail_fast_stops_at_the_first_refusal() {
    let env = Env::new();
    env.keygen();
    let lines = [line(1, 1), "{}".into(), line(3, 1), line(4, 1)];
    env.write("orders.jsonl", &lines.join("\n"));
    batch(&env, &["--fail-fast"])
        .code(1)
        .stderr_has("orders.jsonl:2: customer: missing")
        .stdout_has("issued 1, refused 1 (stopped at the first refusal: --fail-fast)");
    assert_eq!(env.ledger().len(), 1);
}

#[test]
fn json_summary_and_all_good_exits_zero() {
    let env = Env::new();
    env.keygen();
    env.write(
        "orders.jsonl",
        &[line(1, 1), line(1, 1), line(1, 2)].join("\n"),
    );
    let out = batch(&env, &["--json"]).code(0);
    assert!(
        out.stderr().is_empty(),
        "no progress bar without a terminal: {}",
        out.stderr()
    );
    let v = out.json();
    assert_eq!(
        (v["issued"].as_u64(), v["refused"].as_u64()),
        (Some(3), Some(0))
    );
    let serials: Vec<u64> = env
        .ledger()
        .iter()
        .map(|r| r["serial"].as_u64().unwrap())
        .collect();
    assert_eq!(serials, [1, 2, 1]);
}

#[test]
fn missing_issuer_name_and_missing_orders_file() {
    let env = Env::new();
    env.keygen();
    env.run(&BATCH).code(2).stderr_has("no issuer name");
    batch(&env, &[])
        .code(2)
        .stderr_has("license-issuer: error: orders.jsonl: No such file");
}

#[test]
fn ten_thousand_orders_are_all_issued_and_all_verify() {
    const N: usize = 10_000;
    let env = Env::new();
    env.keygen();
    let text: String = (0..N).map(|i| line(i % 700, i % 3) + "\n").collect();
    env.write("orders.jsonl", &text);
    batch(&env, &[])
        .code(0)
        .stdout_has(&format!("issued {N}, refused 0"));
    let keyring = env.keyring();
    let mut ids = HashSet::new();
    let mut serials = HashSet::new();
    for entry in fs::read_dir(env.path("out")).unwrap() {
        let path = entry.unwrap().path();
        let p = license_format::verify_license(
            &fs::read(&path).unwrap(),
            &keyring,
            license_catalog::builtin(),
        )
        .unwrap()
        .payload;
        assert_eq!(
            path.file_stem().unwrap().to_str(),
            Some(p.license_id.as_str())
        );
        assert!(ids.insert(p.license_id));
        assert!(serials.insert((p.customer.id, p.installation_id, p.serial)));
    }
    assert_eq!(ids.len(), N);
    assert_eq!(env.ledger().len(), N);
}

#[test]
fn orders_can_come_from_standard_input() {
    let env = Env::new();
    env.keygen();
    Outcome::of(
        env.issuer_cmd()
            .args([
                "batch",
                "--key",
                "vendor.key",
                "--orders",
                "-",
                "--out-dir",
                "out",
            ])
            .write_stdin(format!("{}\n{}\n", line(1, 1), line(2, 2))),
    )
    .code(0)
    .stdout_has("issued 2, refused 0");
    env.verify(&env.path("out/LIC-000002.lic"));
}
