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

pub fn batch(args: &BatchArgs) -> Result<ExitCode> {
    super::keys::issuer_name(&args.signing)?;
    let input = open_orders(args)?;
    let issuer = super::keys::load_issuer(&args.signing)?;
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
                    refusals.push(json!({"line": line, "error": error.to_string()}));
                } else {
                    bar.suspend(|| eprintln!("license-issuer: refused: {error}"));
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
        }))?;
    } else {
        let stop = if report.stopped_early {
            " (stopped at the first refusal: --fail-fast)"
        } else {
            ""
        };
        super::emit(&format!(
            "issued {}, refused {}{stop}; files in {}\n",
            report.issued,
            report.refused,
            args.out_dir.display()
        ))?;
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
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {pos} orders processed ({per_sec}) {elapsed}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
