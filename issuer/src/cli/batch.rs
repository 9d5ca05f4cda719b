//! `batch`: a JSONL file of orders into one license file each, with a progress bar on
//! a terminal and a summary at the end.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal as _};
use std::process::ExitCode;
use std::time::Duration;

use chrono::Utc;
use indicatif::{ProgressBar, ProgressStyle};
use license_issuer::{run_batch, BatchEvent, BatchOptions, Error, Ledger, Result};
use serde_json::json;

use super::args::BatchArgs;
use super::i18n::{count, s, t, yes_no};
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

pub fn batch(args: &BatchArgs) -> Result<ExitCode> {
    super::keys::issuer_name(&args.signing)?;
    let input = open_orders(args)?;
    let (issuer, warnings) = super::keys::load_issuer(&args.signing)?;
    let mut ledger = Ledger::open(&args.signing.ledger)?;
    let options = BatchOptions {
        fail_fast: args.fail_fast,
        unbound: args.unbound,
        ..BatchOptions::new(&args.out_dir)
    };
    let bar = progress_bar();
    let mut refusals = Vec::new();
    let name = args.orders.display().to_string();
    let report = run_batch(
        &issuer,
        &mut ledger,
        &name,
        input,
        &options,
        Utc::now(),
        &mut |event| match event {
            BatchEvent::Issued { .. } => bar.inc(1),
            BatchEvent::Refused { line, error } => {
                bar.inc(1);
                if args.json {
                    refusals.push(json!({"line": line, "error": error_object(error)}));
                } else {
                    let text = t("line-refused", &[("text", s(refusal_text(error)))]);
                    bar.suspend(|| eprintln!("{text}"));
                }
            }
        },
    );
    bar.finish_and_clear();
    let report = report?;
    if args.json {
        super::print_json(&json!({
            "issued": report.issued,
            "refused": report.refused,
            "stopped_early": report.stopped_early,
            "refusals": refusals,
            "out_dir": args.out_dir,
            "warnings": warnings,
        }))?;
    } else {
        let out_dir = args.out_dir.display().to_string();
        let words = [
            ("issued", count(report.issued)),
            ("refused", count(report.refused)),
            ("stopped", yes_no(report.stopped_early)),
            ("out_dir", s(&out_dir)),
        ];
        super::emit(&(t("batch-summary", &words) + "\n"))?;
    }
    Ok(if report.refused == 0 {
        ExitCode::SUCCESS
    } else {
        super::error_code()
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

/// A spinner with counts on a terminal; nothing when stderr is not one.
fn progress_bar() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    // The message places indicatif's own fields, which keep their braces.
    let fields = ["spinner", "pos", "per_sec", "elapsed"].map(|f| (f, format!("{{{f}}}")));
    let args: Vec<_> = fields.iter().map(|(f, v)| (*f, s(v))).collect();
    if let Ok(style) = ProgressStyle::with_template(&t("batch-progress", &args)) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
