//! Reads the bench's order N times with `Order::parse`, for counting instructions with
//! valgrind (a count does not drift with the machine's load, a time does):
//!
//! ```sh
//! cargo build --release -p license-issuer --example order_cost
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/order_cost 1000
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/order_cost 0
//! ```
//! The difference between the two is the cost of 1000 orders read and checked.

use std::hint::black_box;
use std::process::ExitCode;

use license_format::time::parse_rfc3339;
use license_issuer::Order;

/// The order of `benches/issue.rs`, line 0.
const ORDER: &str = r#"{"customer":{"id":"C-0","name":"Customer 0 AS"},"installation_id":"inst-0","valid_from":"2026-12-01","valid_until":"2027-11-30","system_licenses":["superoffice-server","online-web-services",{"code":"sales-intelligence","valid_until":"2027-05-31"}],"user_plans":{"sales-premium":10,"sales-essentials":25}}"#;

fn main() -> ExitCode {
    let Some(n) = std::env::args().nth(1).and_then(|n| n.parse::<u32>().ok()) else {
        eprintln!("usage: order_cost N");
        return ExitCode::from(2);
    };
    let Ok(now) = parse_rfc3339("2026-11-29T10:00:00Z") else {
        return ExitCode::from(2);
    };
    let ok = (0..n).all(|_| Order::parse(black_box(ORDER.as_bytes()), "bench", now).is_ok());
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
