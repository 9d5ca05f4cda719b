//! Compiles the default trust into the crate:
//! - the signing keys: the PEM file named by the build-time variable
//!   LICENSE_TRUSTED_KEYS; else, only with the cargo feature `example-keys`, the example
//!   keys of keys-example/; else none at all, so that no build trusts keys whose private
//!   halves are public without being asked to;
//! - the root keys, trusted only to certify issuing keys: LICENSE_TRUSTED_ROOTS; else,
//!   with `example-keys`, keys-example/root-example.pub; else none;
//! - a revocation list (FORMAT.md §17): LICENSE_REVOCATION_LIST; else none.

use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let example_feature = env::var_os("CARGO_FEATURE_EXAMPLE_KEYS").is_some();
    let examples = manifest.join("../keys-example");
    let (keys, example) = match given(&manifest, "LICENSE_TRUSTED_KEYS") {
        Some(path) => (vec![path], false),
        None if example_feature => (
            vec![
                examples.join("vendor.pub"),
                examples.join("vendor-next.pub"),
            ],
            true,
        ),
        None => (Vec::new(), false),
    };
    let roots = match given(&manifest, "LICENSE_TRUSTED_ROOTS") {
        Some(path) => vec![path],
        None if example_feature => vec![examples.join("root-example.pub")],
        None => Vec::new(),
    };
    let list = match given(&manifest, "LICENSE_REVOCATION_LIST") {
        Some(path) => read(
            &path,
            "LICENSE_REVOCATION_LIST",
            "-----BEGIN REVOCATION LIST-----",
        ),
        None => String::new(),
    };
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    let written = fs::write(
        out.join("trusted_keys.pem"),
        pem(&keys, "LICENSE_TRUSTED_KEYS"),
    )
    .and_then(|()| {
        fs::write(
            out.join("trusted_roots.pem"),
            pem(&roots, "LICENSE_TRUSTED_ROOTS"),
        )
    })
    .and_then(|()| fs::write(out.join("revocation_list.txt"), list))
    .and_then(|()| fs::write(out.join("trusts_example_keys.rs"), format!("{example}\n")));
    if let Err(e) = written {
        panic!("cannot write to OUT_DIR: {e}");
    }
}

/// The path a build-time variable names, if it is set and not empty.
fn given(manifest: &Path, variable: &str) -> Option<PathBuf> {
    println!("cargo:rerun-if-env-changed={variable}");
    match env::var_os(variable) {
        Some(path) if !path.is_empty() => Some(resolve(manifest, PathBuf::from(path))),
        _ => None,
    }
}

/// The public keys of the PEM files at `paths`, one after the other.
fn pem(paths: &[PathBuf], variable: &str) -> String {
    let mut pem = String::new();
    for path in paths {
        pem.push_str(read(path, variable, "-----BEGIN PUBLIC KEY-----").trim());
        pem.push('\n');
    }
    pem
}

/// The text of the file at `path`, which must hold a block that begins with `begin`.
fn read(path: &Path, variable: &str, begin: &str) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{variable}: cannot read {}: {e}; give the path of the file",
            path.display()
        )
    });
    if !text.contains(begin) {
        panic!("{variable}: {} holds no {begin} block", path.display());
    }
    text
}

/// A relative path is taken from the workspace root (where `cargo build` is usually run),
/// else from this crate's directory (the build script's working directory).
fn resolve(manifest: &Path, path: PathBuf) -> PathBuf {
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
