//! `batch`: a JSONL file of orders into one license file each, with a progress bar on
//! a terminal and a summary that maps every line to its license or its refusal.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal as _};
use std::process::ExitCode;
use std::time::Duration;

use chrono::Utc;
use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use license_issuer::{run_batch, BatchEvent, BatchOptions, Error, Ledger, Result};
use serde_json::{json, Value};

use super::args::BatchArgs;
use super::i18n::{count, n, phrase, s, t, yes_no};
use super::report::{error_object, error_text};

/// A refused line in words. A batch has no `--request`: the fix of an order without an
/// installation is in the line or in `--unbound`.
fn refusal_text(error: &Error) -> String {
    match error {
        Error::Unbound { source_name } => {
            t("batch-refused-unbound", &[("source_name", s(source_name))])
        }
        other => error_text(other),
    }
}

/// What became of one line: its row in the summary, in words and as JSON.
struct Line {
    line: u64,
    text: String,
    json: Value,
}

pub fn batch(args: &BatchArgs) -> Result<ExitCode> {
    super::keys::issuer_name(&args.signing)?;
    let total = count_orders(args)?;
    let input = open_orders(args)?;
    let (issuer, warnings) = super::keys::load_issuer(&args.signing)?;
    let mut ledger = Ledger::open(&args.signing.vendor.ledger)?;
    let options = BatchOptions {
        fail_fast: args.fail_fast,
        unbound: args.unbound,
        reissue: args.reissue,
        ..BatchOptions::new(&args.out_dir)
    };
    let bar = progress_bar(total);
    let (mut lines, mut refusals) = (Vec::new(), Vec::new());
    let name = super::source_name(&args.orders);
    let report = run_batch(
        &issuer,
        &mut ledger,
        &name,
        input,
        &options,
        Utc::now(),
        &mut |event| match event {
            BatchEvent::Progress { done } => bar.set_position(done),
            BatchEvent::Issued {
                line,
                license_id,
                customer_id,
                serial,
                already_issued,
                ..
            } => {
                let words = [
                    ("line", n(line as f64)),
                    ("license_id", s(license_id)),
                    ("customer_id", s(customer_id)),
                    ("serial", n(serial as f64)),
                    ("already", yes_no(already_issued)),
                ];
                let mut row = json!({"line": line, "license_id": license_id,
                    "customer_id": customer_id, "serial": serial});
                if already_issued {
                    row["already_issued"] = true.into();
                }
                let text = t("batch-line-issued", &words);
                lines.push(Line {
                    line,
                    text,
                    json: row,
                });
            }
            BatchEvent::Refused { line, error } => {
                let text = refusal_text(error);
                let object = error_object(error);
                refusals.push(json!({"line": line, "error": object}));
                let row = json!({"line": line, "error": object});
                let words = [("line", n(line as f64)), ("text", phrase(text.clone()))];
                lines.push(Line {
                    line,
                    text: t("batch-line-refused", &words),
                    json: row,
                });
                if !args.json {
                    let text = t("line-refused", &[("text", phrase(text.clone()))]);
                    bar.suspend(|| eprintln!("{text}"));
                }
            }
        },
    );
    bar.finish_and_clear();
    let report = report?;
    // Licenses are reported when their transaction commits, refusals at once: the
    // summary is in the order of the input.
    lines.sort_by_key(|l| l.line);
    if args.json {
        super::print_json(&json!({
            "issued": report.issued,
            "already_issued": report.already_issued,
            "refused": report.refused,
            "stopped_early": report.stopped_early,
            "lines": lines.iter().map(|l| &l.json).collect::<Vec<_>>(),
            "refusals": refusals,
            "out_dir": args.out_dir,
            "warnings": warnings,
        }))?;
    } else {
        let out_dir = args.out_dir.display().to_string();
        let words = [
            ("issued", count(report.issued)),
            ("already", count(report.already_issued)),
            ("refused", count(report.refused)),
            ("stopped", yes_no(report.stopped_early)),
            ("out_dir", s(&out_dir)),
        ];
        let mut text: String = lines.iter().map(|l| format!("{}\n", l.text)).collect();
        text.push_str(&(t("batch-summary", &words) + "\n"));
        super::emit(&text)?;
    }
    // 1, a clean no: the batch ran, and the refused lines are listed to be fixed.
    Ok(if report.refused == 0 {
        ExitCode::SUCCESS
    } else {
        super::NO
    })
}

fn open_orders(args: &BatchArgs) -> Result<Box<dyn BufRead>> {
    if args.orders.as_os_str() == "-" {
        return Ok(Box::new(io::stdin().lock()));
    }
    let file = File::open(&args.orders).map_err(|source| Error::Io {
        path: args.orders.clone(),
        source,
    })?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
}

/// The orders in the file (its non-blank lines), for the progress bar's total; `None`
/// for standard input, which cannot be read twice, or when no bar is shown.
fn count_orders(args: &BatchArgs) -> Result<Option<u64>> {
    if args.orders.as_os_str() == "-" || !io::stderr().is_terminal() {
        return Ok(None);
    }
    let io_error = |source| Error::Io {
        path: args.orders.clone(),
        source,
    };
    let file = File::open(&args.orders).map_err(io_error)?;
    let mut orders = 0;
    for line in BufReader::with_capacity(1 << 16, file).split(b'\n') {
        let line = line.map_err(io_error)?;
        if !line.iter().all(u8::is_ascii_whitespace) {
            orders += 1;
        }
    }
    Ok(Some(orders))
}

/// A bar with done/total, rate and time left on a terminal (a counter when the total is
/// unknown); nothing when stderr is not one.
fn progress_bar(total: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, id) = match total {
        Some(total) => (ProgressBar::new(total), "batch-progress"),
        None => (ProgressBar::new_spinner(), "batch-progress-unknown"),
    };
    // The message places indicatif's own fields, which keep their braces.
    let fields =
        ["spinner", "bar", "pos", "len", "rate", "eta", "elapsed"].map(|f| (f, format!("{{{f}}}")));
    let args: Vec<_> = fields.iter().map(|(f, v)| (*f, s(v))).collect();
    if let Ok(style) = ProgressStyle::with_template(&t(id, &args)) {
        // Whole orders per second: indicatif's own {per_sec} shows four decimals.
        let style = style.with_key(
            "rate",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", state.per_sec());
            },
        );
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
