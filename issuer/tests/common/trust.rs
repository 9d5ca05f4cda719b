//! The example root and issuing keys of keys-example/ in a test's directory, and the
//! trust of an installation that knows only the root.
#![allow(dead_code)]

use std::fs;

use license_format::{verifying_key_from_pem, KeyId, Keyring, Trust};

use super::Env;

/// The published example keys: `root.key`/`root.pub` (a root), `issuing.key`/
/// `issuing.pub` (an issuing key) and `vendor.key`/`vendor.pub` (another key).
pub fn example_keys(env: &Env) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../keys-example/");
    for (from, to) in [
        ("root-example", "root"),
        ("issuing-example", "issuing"),
        ("vendor", "vendor"),
    ] {
        for ext in ["key", "pub"] {
            let to = env.path(&format!("{to}.{ext}"));
            fs::copy(format!("{dir}{from}.{ext}"), &to).unwrap();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                fs::set_permissions(&to, fs::Permissions::from_mode(0o600)).unwrap();
            }
        }
    }
}

/// The key id of the public key `name.pub`.
pub fn kid(env: &Env, name: &str) -> String {
    let pem = fs::read_to_string(env.path(&format!("{name}.pub"))).unwrap();
    KeyId::of(&verifying_key_from_pem(&pem).unwrap()).to_string()
}

/// An installation that trusts `root.pub` as a root and no signing key.
pub fn root_trust(env: &Env) -> Trust {
    let roots = Keyring::from_pem(&fs::read_to_string(env.path("root.pub")).unwrap()).unwrap();
    Trust::new(Keyring::new(), roots)
}

/// `certify --root root.key --key issuing.pub` with `args`, as the issuer.
pub fn certify(env: &Env, args: &[&str]) -> super::Outcome {
    let base = ["certify", "--root", "root.key", "--key", "issuing.pub"];
    env.run_as_issuer(&[&base[..], args].concat())
}

/// A certificate of the issuing key for every usage, from 2026 to 2099, as `CERT`.
pub fn certified(env: &Env) -> String {
    let path = format!("{}.cert", kid(env, "issuing"));
    certify(
        env,
        &["--valid-from", "2026-01-01", "--valid-until", "2099-12-31"],
    )
    .code(0);
    path
}
