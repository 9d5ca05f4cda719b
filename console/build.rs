//! Sets `cfg(ci)` when the tests are built in CI (`CI` set, and not `false`): a test that
//! needs a tool beyond cargo (Chromium and its WebDriver) runs there and fails when the
//! tool is missing; elsewhere it runs when the tools were found at build time
//! (`cfg(browser)`) and is ignored, with the reason, when they were not, rather than
//! passing without having run.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(ci)");
    println!("cargo::rustc-check-cfg=cfg(browser)");
    println!("cargo:rerun-if-env-changed=CI");
    if std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0") {
        println!("cargo:rustc-cfg=ci");
    }
    let chrome = tool("CHROME", "/usr/bin/chromium");
    let driver = tool("CHROMEDRIVER", "/usr/bin/chromedriver");
    if chrome && driver {
        println!("cargo:rustc-cfg=browser");
    }
}

/// Whether the tool named by `var`, else at `default`, exists; a change of either
/// reruns this script, so that removing a tool ignores the test again.
fn tool(var: &str, default: &str) -> bool {
    println!("cargo:rerun-if-env-changed={var}");
    let path = std::env::var(var).unwrap_or_else(|_| default.to_owned());
    let found = Path::new(&path).is_file();
    if found {
        println!("cargo:rerun-if-changed={path}");
    }
    found
}
