//! A product's startup check and its login question: open the installation's store, ask
//! whether the product is licensed now and which modules to enable, then ask the
//! question the help page opens with: may this user reach the product through the web
//! client? That takes login rights and a seat of an Essential or Premium plan.
//!
//! ```text
//! cargo run -p license-verifier --example startup -- [--store STORE] [--user NAME]...
//! ```
//!
//! Without a store (a fresh machine) the product starts unlicensed and says how to
//! activate, as a real product would. The store is opened for reading only when the
//! process may not write it; the questions are answered all the same.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Utc;
use license_verifier::{trusted, Error, LicenseStore};

const HELP: &str = "\
startup: a product's startup check and login question, as an example of the library

usage: startup [--store STORE] [--user NAME]...

  --store STORE  the installation's license store (default: $LICENSE_STORE, else
                 license-store.db)
  --user NAME    ask whether NAME may use the web client; repeatable
  --help         this text

exit status: 0 licensed, 1 starting unlicensed, 2 an error";

struct Args {
    store: PathBuf,
    users: Vec<String>,
}

fn args() -> Result<Option<Args>, String> {
    let mut args = Args {
        store: std::env::var_os("LICENSE_STORE")
            .map_or_else(|| PathBuf::from("license-store.db"), PathBuf::from),
        users: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--help" | "-h" => return Ok(None),
            "--store" => args.store = PathBuf::from(value()?),
            "--user" => args.users.push(value()?),
            other => return Err(format!("unknown argument {other:?}; see --help")),
        }
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("startup: error: {e}");
            return ExitCode::from(2);
        }
    };
    match startup(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            // Fail closed: any error means "not licensed", with the reason shown.
            eprintln!("startup: error: {e} ({})", e.code());
            ExitCode::from(2)
        }
    }
}

/// Returns whether the product runs licensed.
fn startup(args: &Args) -> Result<bool, Error> {
    let keyring = trusted::default_keyring()?;
    let store = match LicenseStore::open(&args.store, keyring) {
        Ok(store) => store,
        Err(Error::NoStore { .. }) => {
            println!(
                "starting unlicensed: no license store at {}",
                args.store.display()
            );
            println!("activate with `license-verifier init`, `license-verifier request` and `license-verifier import FILE`");
            return Ok(false);
        }
        Err(e) => return Err(e),
    };
    // The product reads the clock once per question and passes it in; the store guards
    // against a clock set back.
    let status = store.status(Utc::now())?;
    for warning in &status.warnings {
        // Typed: a product shows them in its own words; here their codes.
        println!("license warning: {}", warning.code());
    }
    if !status.usable {
        println!(
            "starting unlicensed: license state {}",
            status.state.map_or("unlicensed", |s| s.name())
        );
        return Ok(false);
    }
    println!(
        "licensed to {} by {} (serial {})",
        status.customer.as_ref().map_or("?", |c| c.name.as_str()),
        status.license_id.as_deref().unwrap_or("?"),
        status.serial.unwrap_or(0),
    );
    for module in ["crm", "quotes", "exchange-sync", "customer-centre"] {
        let decision = store.check_capability(module, None, Utc::now())?;
        println!("  {module}: {}", verdict(&decision));
    }
    // At each login: may this user use the web client?
    for user in &args.users {
        let decision = store.check_capability("web-client", Some(user), Utc::now())?;
        println!("  web client for {user}: {}", verdict(&decision));
    }
    if store.unwritable() {
        println!("note: the store is read-only for this process; its clock mark was not advanced");
    }
    Ok(true)
}

/// A decision as a product might log it: yes or no, with the reasons' codes (a product
/// words them itself, in its own language).
fn verdict(decision: &license_verifier::Decision) -> String {
    let codes: Vec<&str> = decision.reasons.iter().map(|r| r.code()).collect();
    match (decision.allowed, codes.is_empty()) {
        (true, true) => "yes".to_owned(),
        (true, false) => format!("yes, with warnings ({})", codes.join(", ")),
        (false, _) => format!("no ({})", codes.join(", ")),
    }
}
