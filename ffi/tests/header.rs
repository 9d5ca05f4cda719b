//! The committed header is what cbindgen makes of the crate now. `LIC_BLESS=1` writes
//! it anew instead of failing.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::Path;

#[test]
fn the_committed_header_is_generated_from_the_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bindings = cbindgen::generate(dir).expect("cbindgen cannot read the crate");
    let mut fresh = Vec::new();
    bindings.write(&mut fresh);
    let path = dir.join("include/license_verifier.h");
    if std::env::var_os("LIC_BLESS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} differs from a fresh generation: run `LIC_BLESS=1 cargo test -p license-verifier-ffi --test header` and commit it",
        path.display()
    );
}
