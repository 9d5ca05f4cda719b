//! Issue 10 through the binary: a batch that never loses an order, idempotent issuing,
//! nothing recorded that was not delivered, `-` for standard input and output, the
//! right advice, and activation requests pasted from e-mails.
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::fs;

use common::{Env, Outcome, BATCH, ORDER};
use serde_json::Value;

/// [`ORDER`] on one line, with `edit` applied to it.
fn order(edit: impl FnOnce(&mut Value)) -> String {
    let mut order: Value = serde_json::from_str(ORDER).unwrap();
    edit(&mut order);
    order.to_string()
}

fn batch(env: &Env, extra: &[&str]) -> Outcome {
    Outcome::of(env.issuer_cmd().args(BATCH).args(extra))
}

#[test]
fn hostile_lines_are_refused_by_line_and_field_and_every_good_line_is_issued() {
    let env = Env::new();
    env.keygen();
    let good = |id: &str| order(|o| o["customer"]["id"] = id.into());
    let lines = [
        good("C-1"),
        order(|o| o["valid_until"] = "9999-12-31".into()),
        good("C-3"),
        order(|o| o["valid_from"] = "0000-01-01T00:00:00+05:00".into()),
        order(|o| o["customer"]["name"] = "x".repeat(900 * 1024).into()),
        order(|o| o["customer"]["id"] = "C 6".into()),
        good("C-7"),
    ];
    env.write("orders.jsonl", &(lines.join("\n") + "\n"));
    let out = batch(&env, &[])
        .code(1)
        .stderr_has(
            "orders.jsonl:2: valid_until: \"9999-12-31\" lies outside the years 0000 to 9999 (UTC)",
        )
        .stderr_has("orders.jsonl:4: valid_from: \"0000-01-01T00:00:00+05:00\" lies outside")
        .stderr_has("orders.jsonl:5: customer.name: is 921600 bytes, over the limit of 256 bytes")
        .stderr_has("orders.jsonl:6: customer.id: \"C 6\" holds ' '")
        .stdout_has("line 1: LIC-000001 (serial 1) for C-1\n")
        .stdout_has("line 2: refused: orders.jsonl:2: valid_until:")
        .stdout_has("line 7: LIC-000003 (serial 1) for C-7\n")
        .stdout_has("issued 3, refused 4; files in out");
    assert!(!out.stderr().contains("self-check"), "{}", out.stderr());
    assert_eq!(env.ledger().len(), 3);
    assert_eq!(fs::read_dir(env.path("out")).unwrap().count(), 3);

    fs::remove_dir_all(env.path("out")).unwrap();
    let v = batch(&env, &["--json", "--ledger", "second.db"])
        .code(1)
        .json();
    let lines = v["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 7);
    assert_eq!(
        lines[0],
        serde_json::json!({"line": 1, "license_id": "LIC-000001", "customer_id": "C-1", "serial": 1})
    );
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["error"]["field"], "valid_until");
    assert_eq!(lines[1]["error"]["problem"], "date-out-of-range");
    assert_eq!(lines[4]["error"]["field"], "customer.name");
    assert_eq!(lines[6]["license_id"], "LIC-000003");
}

#[test]
fn issue_refuses_an_end_past_year_9999_as_an_order_mistake() {
    let env = Env::with_key_and_order();
    env.write("o.json", &order(|o| o["valid_until"] = "9999-12-31".into()));
    let out = env
        .issue(&["--order", "o.json", "--out", "a.lic"])
        .code(2)
        .stderr_has("o.json: valid_until: \"9999-12-31\" lies outside the years 0000 to 9999 (UTC) that a license file can hold")
        .stderr_has("hint: nothing was issued or recorded");
    assert!(!out.stderr().contains("machine"), "{}", out.stderr());
    assert!(!env.path("a.lic").exists());
}

#[test]
fn a_rerun_batch_issues_nothing_new_and_reissue_makes_new_serials() {
    const N: usize = 40;
    let env = Env::new();
    env.keygen();
    let text: String = (0..N)
        .map(|i| {
            order(|o| {
                o["order_id"] = format!("PO-{i}").into();
                o["customer"]["id"] = format!("C-{}", i % 7).into();
                o["installation_id"] = format!("inst-{i}").into();
            }) + "\n"
        })
        .collect();
    // The same order twice in one file is one license.
    env.write(
        "orders.jsonl",
        &format!("{text}{}", text.lines().next().unwrap()),
    );
    let first = batch(&env, &["--json"]).code(0).json();
    assert_eq!(
        (first["issued"].as_u64(), first["already_issued"].as_u64()),
        (Some(N as u64), Some(1))
    );
    assert_eq!(first["lines"][N]["license_id"], "LIC-000001");
    assert_eq!(first["lines"][N]["already_issued"], true);
    let files = || fs::read_dir(env.path("out")).unwrap().count();
    assert_eq!(files(), N);

    let again = batch(&env, &[])
        .code(0)
        .stdout_has(
            "line 1: LIC-000001 (serial 1) for C-0, issued before for its order_id: nothing new",
        )
        .stdout_has(&format!(
            "issued 0 (and {} issued before for their order_id: nothing new), refused 0",
            N + 1
        ));
    drop(again);
    assert_eq!(env.ledger().len(), N);
    assert_eq!(files(), N);

    let reissued = batch(&env, &["--reissue", "--json"]).code(0).json();
    assert_eq!(reissued["issued"].as_u64(), Some(N as u64 + 1));
    assert_eq!(reissued["lines"][0]["serial"], 2);
    // After a reissue an order id gives its latest license.
    let latest = batch(&env, &["--json"]).code(0).json();
    assert_eq!(latest["lines"][0]["serial"], 3);
    assert_eq!(latest["issued"].as_u64(), Some(0));
}

#[test]
fn issuing_an_order_id_again_returns_the_same_license() {
    let env = Env::with_key_and_order();
    env.write("o.json", &order(|o| o["order_id"] = "PO-77".into()));
    env.issue(&["--order", "o.json", "--out", "a.lic"]).code(0);
    let first = fs::read_to_string(env.path("a.lic")).unwrap();
    env.issue(&["--order", "o.json", "--out", "a.lic"])
        .code(0)
        .stdout_has("LIC-000001 was issued before for order_id PO-77: this is that license again");
    fs::remove_file(env.path("a.lic")).unwrap();
    let v = env
        .issue(&["--order", "o.json", "--out", "a.lic", "--json"])
        .code(0)
        .json();
    assert_eq!(
        (v["already_issued"].as_bool(), v["order_id"].as_str()),
        (Some(true), Some("PO-77"))
    );
    assert_eq!(fs::read_to_string(env.path("a.lic")).unwrap(), first);
    env.issue(&["--order", "o.json"])
        .code(0)
        .stdout_has("-----BEGIN LICENSE FILE-----")
        .stderr_has("license-issuer: note: LIC-000001 was issued before");
    assert_eq!(env.ledger().len(), 1);
    let v = env
        .issue(&["--order", "o.json", "--reissue", "--json"])
        .code(0)
        .json();
    assert_eq!(
        (v["serial"].as_u64(), v["already_issued"].as_bool()),
        (Some(2), Some(false))
    );
    env.write("bad.json", &order(|o| o["order_id"] = "PO 1".into()));
    env.issue(&["--order", "bad.json"]).code(2).stderr_has(
        "bad.json: order_id: must be 1 to 128 printable ASCII characters without spaces",
    );
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_records_nothing() {
    let env = Env::with_key_and_order();
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_license-issuer"))
        .current_dir(env.dir.path())
        .env("LICENSE_ISSUER_NAME", "Example Vendor AS")
        .env("LC_ALL", "C")
        .env_remove("LICENSE_LEDGER")
        .env_remove("LICENSE_LANG")
        .env_remove("LANG")
        .args([
            "issue",
            "--key",
            "vendor.key",
            "--order",
            "order.json",
            "--out",
            "-",
        ])
        .stdout(full)
        .output()
        .unwrap();
    let out = Outcome { output }
        .code(2)
        .stderr_has("standard output: the license could not be delivered (No space left on device");
    assert!(
        out.stderr().contains("nothing was recorded"),
        "{}",
        out.stderr()
    );
    assert!(env.ledger().is_empty());
    assert!(!env.path("-").exists());
}

#[test]
fn a_dash_is_standard_input_or_output_never_a_file() {
    let env = Env::with_key_and_order();
    let out = env.issue(&["--order", "order.json", "--out", "-"]).code(0);
    assert!(!env.path("-").exists());
    let license = out.stdout();
    assert!(
        license.starts_with("-----BEGIN LICENSE FILE-----"),
        "{license}"
    );
    Outcome::of(env.cmd().args(["inspect", "-"]).write_stdin(license))
        .code(0)
        .stdout_has("LIC-000001");
    let request = r#"{"format":"activation-request/v1","product":"superoffice-crm","installation_id":"inst-5","hostname":"h","created_at":"2026-11-29T10:00:00Z"}"#;
    env.write(
        "u.json",
        &order(|o| drop(o.as_object_mut().unwrap().remove("installation_id"))),
    );
    let issued = Outcome::of(
        env.issuer_cmd()
            .args([
                "issue",
                "--key",
                "vendor.key",
                "--order",
                "u.json",
                "--request",
                "-",
                "--json",
            ])
            .write_stdin(request),
    )
    .code(0)
    .json();
    assert_eq!(issued["installation_id"], "inst-5");
}

#[test]
fn the_advice_fits_the_mistake() {
    let env = Env::with_key_and_order();
    let out = env
        .run_as_issuer(&["issue", "--key", "vendor.pub", "--order", "order.json"])
        .code(2)
        .stderr_has(
            "vendor.pub: this is a public key: give the private key (.key) written by keygen",
        );
    assert!(!out.stderr().contains("chmod"), "{}", out.stderr());

    env.issue(&["--order", "order.json", "--out", "a.lic"])
        .code(0);
    for _ in 0..20 {
        env.issue(&["--order", "order.json"]).code(0);
    }
    let mut bytes = fs::read(env.path("license-ledger.db")).unwrap();
    let damaged = bytes.len().min(3 * 4096);
    bytes[4096..damaged].fill(0xff);
    fs::write(env.path("license-ledger.db"), bytes).unwrap();
    let out = env.issue(&["--order", "order.json"]).code(2);
    let err = out.stderr();
    assert!(err.contains("license-ledger.db: is damaged"), "{err}");
    assert!(!err.contains("another issuer"), "{err}");
}

#[test]
fn activation_requests_pasted_from_e_mails_are_found() {
    let env = Env::with_key_and_order();
    let request = r#"{"format":"activation-request/v1","product":"superoffice-crm","installation_id":"inst-mail","hostname":"h","created_at":"2026-11-29T10:00:00Z"}"#;
    let pretty = request.replace(",\"", ",\n  \"");
    let crlf = |t: &str| t.replace('\n', "\r\n");
    let quoted: String = pretty.lines().map(|l| format!("> {l}\n")).collect();
    let forms = [
        (
            "around.txt",
            format!("Hello,\n\nour request:\n{request}\n\nKind regards,\nOla\n"),
        ),
        ("crlf.txt", crlf(&format!("Hello,\n{pretty}\nBye\n"))),
        (
            "quoted.txt",
            format!("On Monday Ola wrote:\n{quoted}> \n> Ola\n"),
        ),
        ("bom.json", format!("\u{FEFF}{request}")),
        ("all.txt", crlf(&format!("\u{FEFF}Hi\n{quoted}"))),
    ];
    env.write(
        "u.json",
        &order(|o| drop(o.as_object_mut().unwrap().remove("installation_id"))),
    );
    for (name, text) in &forms {
        env.write(name, text);
        let v = env
            .issue(&["--order", "u.json", "--request", name, "--json"])
            .code(0)
            .json();
        assert_eq!(v["installation_id"], "inst-mail", "{name}");
    }
    env.write("none.txt", "Hello, the request is attached.\n");
    env.issue(&["--order", "u.json", "--request", "none.txt"])
        .code(2)
        .stderr_has("none.txt: holds no activation request: no {...} JSON object was found");
    env.write("two.txt", &format!("{request}\n{request}\n"));
    env.issue(&["--order", "u.json", "--request", "two.txt"])
        .code(2)
        .stderr_has("two.txt: holds 2 JSON objects where one activation request was expected");
}

#[test]
fn an_order_id_of_another_customer_is_refused_by_issue_and_by_a_batch_line() {
    let env = Env::with_key_and_order();
    let with = |customer: &str, order_id: &str| {
        order(|o| {
            o["order_id"] = order_id.into();
            o["customer"]["id"] = customer.into();
        })
    };
    env.write("o.json", &with("C-1001", "PO-77"));
    env.issue(&["--order", "o.json", "--out", "a.lic"]).code(0);
    env.write("other.json", &with("C-2002", "PO-77"));
    let words = "other.json: order_id: order_id \"PO-77\" was issued to customer C-1001 (LIC-000001), but this order is for customer C-2002: give this order a new order_id, or check that it is the order meant";
    for extra in [&[][..], &["--reissue"][..]] {
        let args = [&["--order", "other.json", "--out", "b.lic"][..], extra].concat();
        env.issue(&args)
            .code(2)
            .stderr_has(&format!("license-issuer: error: {words}\n"))
            .stderr_has("hint: nothing was issued or recorded");
    }
    let v = env
        .issue(&["--order", "other.json", "--reissue", "--json"])
        .code(2)
        .json();
    let error = &v["error"];
    assert_eq!(
        (&error["code"], &error["field"], &error["problem"]),
        (
            &"order".into(),
            &"order_id".into(),
            &"order-id-of-other-customer".into()
        )
    );
    assert_eq!(
        (
            &error["issued_to"],
            &error["customer_id"],
            &error["license_id"]
        ),
        (&"C-1001".into(), &"C-2002".into(), &"LIC-000001".into())
    );
    assert_eq!((&v["refused"], &v["exit"]), (&false.into(), &2.into()));
    Outcome::of(
        env.issuer_cmd()
            .env("LICENSE_LANG", "nl")
            .args(["issue", "--key", "vendor.key", "--order", "other.json"]),
    )
    .code(2)
    .stderr_has("order_id \"PO-77\" is uitgegeven aan klant C-1001 (LIC-000001), maar deze bestelling is voor klant C-2002");
    assert!(!env.path("b.lic").exists());
    assert_eq!(env.ledger().len(), 1);

    let lines = [with("C-3003", "PO-78"), with("C-2002", "PO-77")];
    env.write("orders.jsonl", &(lines.join("\n") + "\n"));
    batch(&env, &["--reissue"])
        .code(1)
        .stdout_has("line 1: LIC-000002 (serial 1) for C-3003\n")
        .stdout_has(&format!(
            "line 2: refused: {}",
            words.replace("other.json", "orders.jsonl:2")
        ))
        .stdout_has("issued 1, refused 1");
    fs::remove_dir_all(env.path("out")).unwrap();
    let v = batch(&env, &["--json"]).code(1).json();
    assert_eq!(v["lines"][0]["license_id"], "LIC-000002");
    assert_eq!(v["lines"][0]["already_issued"], true);
    assert_eq!(
        v["lines"][1]["error"]["problem"],
        "order-id-of-other-customer"
    );
    assert_eq!(v["lines"][1]["error"]["field"], "order_id");
    assert_eq!((&v["issued"], &v["refused"]), (&0.into(), &1.into()));
    assert_eq!(env.ledger().len(), 2);
}
