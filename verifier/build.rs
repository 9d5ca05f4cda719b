//! Compiles the default trusted public keys into the crate: the PEM file named by the
//! build-time variable LICENSE_TRUSTED_KEYS; else, only with the cargo feature
//! `example-keys`, the example keys of keys-example/; else none at all, so that no build
//! trusts keys whose private halves are public without being asked to.

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-env-changed=LICENSE_TRUSTED_KEYS");
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let example_feature = env::var_os("CARGO_FEATURE_EXAMPLE_KEYS").is_some();
    let (paths, example) = match env::var_os("LICENSE_TRUSTED_KEYS") {
        Some(path) if !path.is_empty() => (vec![resolve(&manifest, PathBuf::from(path))], false),
        _ if example_feature => {
            let dir = manifest.join("../keys-example");
            (
                vec![dir.join("vendor.pub"), dir.join("vendor-next.pub")],
                true,
            )
        }
        _ => (Vec::new(), false),
    };
    let mut pem = String::new();
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("LICENSE_TRUSTED_KEYS: cannot read {}: {e}; give the path of a PEM file of public keys", path.display())
        });
        if !text.contains("-----BEGIN PUBLIC KEY-----") {
            panic!(
                "LICENSE_TRUSTED_KEYS: {} holds no -----BEGIN PUBLIC KEY----- block",
                path.display()
            );
        }
        pem.push_str(text.trim());
        pem.push('\n');
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    let written = fs::write(out.join("trusted_keys.pem"), pem)
        .and_then(|()| fs::write(out.join("trusts_example_keys.rs"), format!("{example}\n")));
    if let Err(e) = written {
        panic!("cannot write to OUT_DIR: {e}");
    }
}

/// A relative path is taken from the workspace root (where `cargo build` is usually run),
/// else from this crate's directory (the build script's working directory).
fn resolve(manifest: &std::path::Path, path: PathBuf) -> PathBuf {
    if path.is_absolute() {
        return path;
    }
    let from_root = manifest.join("..").join(&path);
    if from_root.exists() {
        from_root
    } else {
        manifest.join(path)
    }
}
