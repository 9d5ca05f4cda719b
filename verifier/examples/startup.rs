//! A product's startup check: open the installation's store, ask whether the product is
//! licensed now, and decide what to enable. Run with
//! `cargo run -p license-verifier --example startup -- [STORE]`.
//!
//! Without a store (a fresh machine) the product starts unlicensed and says how to
//! activate, as a real product would.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Utc;
use license_verifier::{trusted, Error, LicenseStore};

fn main() -> ExitCode {
    let path = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("LICENSE_STORE"))
        .map_or_else(|| PathBuf::from("license-store.db"), PathBuf::from);
    match startup(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("startup: error: {e}");
            ExitCode::from(2)
        }
    }
}

fn startup(path: &std::path::Path) -> Result<(), Error> {
    let keyring = trusted::default_keyring()?;
    let store = match LicenseStore::open(path, keyring) {
        Ok(store) => store,
        Err(Error::NoStore { .. }) => {
            println!(
                "starting unlicensed: no license store at {}",
                path.display()
            );
            println!("activate with `license-verifier init`, `license-verifier request` and `license-verifier import FILE`");
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    // The product reads the clock once and passes it in; the store guards against a clock
    // set back.
    let now = Utc::now();
    let status = store.status(now)?;
    for warning in &status.warnings {
        // Typed: a product shows them in its own words; here their codes.
        println!("license warning: {}", warning.code());
    }
    if !status.usable {
        println!(
            "starting unlicensed: {}",
            status
                .state
                .map_or("no license is active".into(), |s| s.to_string())
        );
        return Ok(());
    }
    println!(
        "licensed to {} by {} (serial {}), {}",
        status.customer.as_ref().map_or("?", |c| c.name.as_str()),
        status.license_id.as_deref().unwrap_or("?"),
        status.serial.unwrap_or(0),
        status.state.map_or(String::new(), |s| s.to_string())
    );
    for module in ["crm", "quotes", "exchange-sync", "customer-centre"] {
        let decision = store.check_capability(module, None, now)?;
        let verdict = if decision.allowed {
            "enabled".to_owned()
        } else {
            // Reasons are typed: a product shows them in its own words, here their codes.
            let codes: Vec<&str> = decision.reasons.iter().map(|r| r.code()).collect();
            format!("disabled ({})", codes.join(", "))
        };
        println!("  {module}: {verdict}");
    }
    Ok(())
}
