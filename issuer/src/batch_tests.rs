use super::*;
use license_format::time::parse_rfc3339;
use license_format::{verify_license, Keyring, SigningKey};

fn issuer() -> Issuer {
    Issuer::new(SigningKey::from_bytes(&[9u8; 32]), "Vendor").unwrap()
}

fn keyring() -> Keyring {
    let mut ring = Keyring::new();
    ring.add(SigningKey::from_bytes(&[9u8; 32]).verifying_key())
        .unwrap();
    ring
}

fn order(customer: &str, installation: &str) -> String {
    format!(
        r#"{{"customer":{{"id":"{customer}","name":"N"}},"installation_id":"{installation}","system_licenses":["system"],"user_plans":{{"sales-premium":2}}}}"#
    )
}

struct Outcome {
    report: Result<BatchReport>,
    issued: Vec<(u64, String)>,
    refused: Vec<(u64, String)>,
    /// The details of each refusal, in the order of `refused`.
    details: Vec<serde_json::Map<String, serde_json::Value>>,
}

fn run(input: &str, options: &BatchOptions, ledger: &mut Ledger) -> Outcome {
    let now = parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
    let (mut issued, mut refused, mut details) = (Vec::new(), Vec::new(), Vec::new());
    let report = run_batch(
        &issuer(),
        ledger,
        "orders.jsonl",
        input.as_bytes(),
        options,
        now,
        &mut |event| match event {
            BatchEvent::Issued {
                line, license_id, ..
            } => issued.push((line, license_id.to_owned())),
            BatchEvent::Refused { line, error } => {
                refused.push((line, error.to_string()));
                details.push(error.details());
            }
            BatchEvent::Progress { .. } => {}
        },
    );
    issued.sort();
    Outcome {
        report,
        issued,
        refused,
        details,
    }
}

#[test]
fn good_lines_are_issued_and_bad_lines_reported_by_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
    let options = BatchOptions {
        workers: 2,
        ..BatchOptions::new(dir.path().join("out"))
    };
    let input = [
        order("C1", "i1"),
        "{not json".into(),
        String::new(),
        order("C1", "i1"),
        order("C2", "i1"),
    ]
    .join("\n");
    let out = run(&input, &options, &mut ledger);
    assert_eq!(
        out.report.unwrap(),
        BatchReport {
            already_issued: 0,
            issued: 3,
            refused: 1,
            stopped_early: false
        }
    );
    assert_eq!(out.refused.len(), 1);
    assert_eq!(out.refused[0].0, 2);
    assert!(
        out.refused[0]
            .1
            .starts_with("orders.jsonl:2: not a JSON order"),
        "{}",
        out.refused[0].1
    );
    assert_eq!(
        out.issued.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [1, 4, 5]
    );
    let mut serials = Vec::new();
    for (_, id) in &out.issued {
        let text = fs::read(options.out_dir.join(format!("{id}.lic"))).unwrap();
        let p = verify_license(&text, &keyring(), license_catalog::builtin())
            .unwrap()
            .payload;
        serials.push((p.customer.id, p.serial));
    }
    serials.sort();
    assert_eq!(
        serials,
        [
            ("C1".to_owned(), 1),
            ("C1".to_owned(), 2),
            ("C2".to_owned(), 1)
        ]
    );
    assert_eq!(ledger.list(None).unwrap().len(), 3);
}

#[test]
fn fail_fast_stops_at_the_first_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
    let options = BatchOptions {
        fail_fast: true,
        workers: 1,
        ..BatchOptions::new(dir.path().join("out"))
    };
    let bad = order("C1", "i1").replace("sales-premium", "sales-premum");
    let input = [order("C1", "i1"), bad, order("C3", "i3")].join("\n");
    let out = run(&input, &options, &mut ledger);
    assert_eq!(
        out.report.unwrap(),
        BatchReport {
            already_issued: 0,
            issued: 1,
            refused: 1,
            stopped_early: true
        }
    );
    let d = &out.details[0];
    assert_eq!(
        (
            &d["source_name"],
            &d["field"],
            &d["problem"],
            &d["suggestion"]
        ),
        (
            &"orders.jsonl:2".into(),
            &"user_plans.sales-premum".into(),
            &"unknown-code".into(),
            &"sales-premium".into()
        )
    );
    assert_eq!(ledger.list(Some("C3")).unwrap().len(), 0);
}

#[test]
fn unbound_orders_need_the_option() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
    let line = r#"{"customer":{"id":"C","name":"N"},"system_licenses":["system"]}"#;
    let mut options = BatchOptions::new(dir.path().join("out"));
    let out = run(line, &options, &mut ledger);
    assert_eq!(out.report.unwrap().refused, 1);
    assert!(out.refused[0]
        .1
        .contains("orders.jsonl:1: installation_id: the order names no installation"));
    options.unbound = true;
    assert_eq!(run(line, &options, &mut ledger).report.unwrap().issued, 1);
}

#[test]
fn an_existing_output_file_aborts_and_rolls_back_the_group() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
    let options = BatchOptions::new(dir.path().join("out"));
    fs::create_dir_all(&options.out_dir).unwrap();
    fs::write(options.out_dir.join("LIC-000002.lic"), "someone else's").unwrap();
    let input = [order("A", "1"), order("B", "1"), order("C", "1")].join("\n");
    let out = run(&input, &options, &mut ledger);
    let err = out.report.unwrap_err().to_string();
    assert!(
        err.contains("LIC-000002.lic exists: refusing to overwrite it"),
        "{err}"
    );
    assert!(ledger.list(None).unwrap().is_empty());
    assert!(out.issued.is_empty());
    let left: Vec<_> = fs::read_dir(&options.out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["LIC-000002.lic"]);
}

#[test]
fn an_overlong_line_is_refused_without_stopping_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
    let options = BatchOptions::new(dir.path().join("out"));
    let huge = format!(
        "{{\"customer\": \"{}\"}}",
        "x".repeat(crate::order::MAX_ORDER_BYTES + 10)
    );
    let input = [order("A", "1"), huge, order("B", "1")].join("\n");
    let out = run(&input, &options, &mut ledger);
    assert_eq!(
        out.report.unwrap(),
        BatchReport {
            already_issued: 0,
            issued: 2,
            refused: 1,
            stopped_early: false
        }
    );
    assert!(
        out.refused[0]
            .1
            .starts_with("orders.jsonl:2: (top level): more than 1048576 bytes"),
        "{}",
        out.refused[0].1
    );
    assert_eq!(
        out.issued.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [1, 3]
    );
}

/// [`order`] with an order id.
fn with_order_id(customer: &str, order_id: &str) -> String {
    let line = order(customer, "i1");
    line.replacen('{', &format!(r#"{{"order_id":"{order_id}","#), 1)
}

#[test]
fn an_order_id_of_another_customer_refuses_the_line_also_with_reissue() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
    let options = BatchOptions::new(dir.path().join("out"));
    let first = run(&with_order_id("C1", "PO-1"), &options, &mut ledger);
    assert_eq!(first.issued, [(1, "LIC-000001".to_owned())]);
    // Line 2 takes PO-2 for C3 within the batch; line 3 gives PO-2 to C4.
    let input = [
        with_order_id("C2", "PO-1"),
        with_order_id("C3", "PO-2"),
        with_order_id("C4", "PO-2"),
        with_order_id("C1", "PO-1"),
    ]
    .join("\n");
    for reissue in [false, true] {
        let options = BatchOptions {
            reissue,
            out_dir: dir.path().join(format!("out-{reissue}")),
            ..options.clone()
        };
        let out = run(&input, &options, &mut ledger);
        let refused: Vec<u64> = out.refused.iter().map(|(line, _)| *line).collect();
        assert_eq!(refused, [1, 3], "reissue {reissue}: {:?}", out.refused);
        assert!(
            out.refused[0].1.starts_with(
                "orders.jsonl:1: order_id: \"PO-1\" was issued to customer \"C1\" as LIC-000001, but this order is for customer \"C2\""
            ),
            "{}",
            out.refused[0].1
        );
        assert_eq!(out.details[1]["problem"], "order-id-of-other-customer");
        assert_eq!(
            (&out.details[1]["issued_to"], &out.details[1]["customer_id"]),
            (&"C3".into(), &"C4".into())
        );
        let lines: Vec<u64> = out.issued.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [2, 4], "reissue {reissue}");
        assert_eq!(out.report.unwrap().refused, 2);
    }
    // C1's reissue and C3's two licenses (one a reissue); nothing for C2 or C4.
    let customers: Vec<String> = ledger
        .list(None)
        .unwrap()
        .into_iter()
        .map(|r| r.customer_id)
        .collect();
    assert_eq!(customers, ["C1", "C3", "C3", "C1"]);
}
