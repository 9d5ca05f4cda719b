//! Runs `verify_license` or raw `verify_strict` on the `valid-basic` vector N times, or
//! `verify_license_trusted` on the `valid-certified` vector (the same payload, signed by
//! an issuing key whose certificate it carries), for counting instructions with
//! valgrind (a count does not drift with the machine's load):
//!
//! ```sh
//! cargo build --release -p license-format --example verify_cost
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/verify_cost license 1000
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/verify_cost strict 1000
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/verify_cost certified 1000
//! ```
//! The difference between N = 1000 and N = 0 is the cost of 1000 verifications.

use std::hint::black_box;
use std::process::ExitCode;

use license_format::{
    dearmor, signed_message, verify_license, verify_license_trusted, verify_signature, Envelope,
    Keyring, Trust,
};

const FILE: &[u8] = include_bytes!("../../tests/vectors/valid-basic.lic");
const CERTIFIED: &[u8] = include_bytes!("../../tests/vectors/valid-certified.lic");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(what), Some(n)) = (args.get(1), args.get(2).and_then(|n| n.parse::<u32>().ok()))
    else {
        eprintln!("usage: verify_cost license|strict|certified N");
        return ExitCode::from(2);
    };
    let Ok(ring) = Keyring::from_pem(include_str!("../../keys-example/vendor.pub")) else {
        return ExitCode::from(2);
    };
    let Ok(envelope) = dearmor(FILE).and_then(|e| Envelope::parse(&e)) else {
        return ExitCode::from(2);
    };
    let Some(key) = ring.get(&envelope.kid) else {
        return ExitCode::from(2);
    };
    let Ok(roots) = Keyring::from_pem(include_str!("../../keys-example/root-example.pub")) else {
        return ExitCode::from(2);
    };
    let trust = Trust::new(ring.clone(), roots);
    let message = signed_message(&envelope.payload);
    let catalog = license_catalog::builtin();
    let ok = (0..n).all(|_| match what.as_str() {
        "license" => verify_license(black_box(FILE), &ring, catalog).is_ok(),
        "certified" => verify_license_trusted(black_box(CERTIFIED), &trust, catalog).is_ok(),
        _ => verify_signature(key, black_box(&message), &envelope.sig).is_ok(),
    });
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
