//! Sets `cfg(ci)` when the tests are built in CI (`CI` set, and not `false`): a test that
//! needs a tool beyond cargo (openssl) runs there and fails when the tool is missing;
//! elsewhere it is ignored, with the reason, rather than passing without having run.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(ci)");
    println!("cargo:rerun-if-env-changed=CI");
    if std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0") {
        println!("cargo:rustc-cfg=ci");
    }
}
