use super::*;
use std::os::unix::fs::PermissionsExt as _;

fn pass(p: &str) -> impl FnOnce() -> Result<Zeroizing<String>> + '_ {
    move || Ok(Zeroizing::new(p.to_owned()))
}

fn no_pass() -> Result<Zeroizing<String>> {
    panic!("a plain key must not ask for a passphrase")
}

#[test]
fn plain_pair_round_trips_with_mode_0600() {
    let dir = tempfile::tempdir().unwrap();
    let made = generate(dir.path(), "vendor", None, false).unwrap();
    assert_eq!(
        fs::metadata(&made.key_path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let text = fs::read_to_string(&made.key_path).unwrap();
    assert!(text.starts_with("-----BEGIN PRIVATE KEY-----"));
    let key = load_signing_key(&made.key_path, no_pass).unwrap();
    assert_eq!(KeyId::of(&key.verifying_key()), made.kid);
    let ring = read_keyring(std::slice::from_ref(&made.pub_path)).unwrap();
    assert!(ring.get(&made.kid).is_some());
    assert!(!is_encrypted(&made.key_path).unwrap());
}

#[test]
fn encrypted_pair_needs_the_right_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let made = generate(dir.path(), "enc", Some("correct horse"), false).unwrap();
    let text = fs::read_to_string(&made.key_path).unwrap();
    assert!(text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assert!(is_encrypted(&made.key_path).unwrap());
    let key = load_signing_key(&made.key_path, pass("correct horse")).unwrap();
    assert_eq!(KeyId::of(&key.verifying_key()), made.kid);
    let err = load_signing_key(&made.key_path, pass("wrong")).unwrap_err();
    assert!(matches!(err, Error::WrongPassphrase { .. }));
    // The library names no environment variable or flag: the fix is the front end's hint.
    assert!(err
        .to_string()
        .ends_with("enc.key: wrong passphrase: the key could not be decrypted"));
}

#[test]
fn refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let first = generate(dir.path(), "k", None, false).unwrap();
    let before = fs::read(&first.key_path).unwrap();
    let err = generate(dir.path(), "k", None, false).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("k.key exists: refusing to overwrite it"),
        "{err}"
    );
    assert_eq!(fs::read(&first.key_path).unwrap(), before);
    fs::remove_file(&first.key_path).unwrap();
    let err = generate(dir.path(), "k", None, false).unwrap_err();
    assert!(err.to_string().contains("k.pub exists"), "{err}");
    assert!(!first.key_path.exists(), "a refused keygen writes nothing");
    let second = generate(dir.path(), "k", None, true).unwrap();
    assert_ne!(second.kid, first.kid);
    assert_eq!(
        fs::metadata(&second.key_path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn refuses_a_key_others_can_read() {
    let dir = tempfile::tempdir().unwrap();
    let made = generate(dir.path(), "open", None, false).unwrap();
    fs::set_permissions(&made.key_path, fs::Permissions::from_mode(0o644)).unwrap();
    let err = load_signing_key(&made.key_path, no_pass).unwrap_err();
    let shown = made.key_path.display().to_string();
    assert_eq!(
        err.to_string(),
        format!("{shown}: the private key is readable by group or others (mode 644): restrict it with `chmod 600 {shown}`")
    );
}

#[test]
fn refuses_text_that_is_no_key_and_bad_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.key");
    fs::write(&path, "hello").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    let err = load_signing_key(&path, no_pass).unwrap_err();
    assert!(
        matches!(
            &err,
            Error::KeyFile {
                problem: KeyFileProblem::NotAPrivateKey {
                    cause: license_format::Error::Key(_)
                },
                ..
            }
        ),
        "{err:?}"
    );
    fs::write(&path, b"\xff\xfe").unwrap();
    let err = load_signing_key(&path, no_pass).unwrap_err();
    assert!(
        matches!(
            &err,
            Error::KeyFile {
                problem: KeyFileProblem::PrivateNotText,
                ..
            }
        ),
        "{err:?}"
    );
    let err = read_keyring(std::slice::from_ref(&path)).unwrap_err();
    assert!(
        matches!(
            &err,
            Error::KeyFile {
                problem: KeyFileProblem::PublicNotText,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(matches!(
        generate(dir.path(), "../evil", None, false),
        Err(Error::KeyName { name }) if name == "../evil"
    ));
    assert!(encrypt_pem(&generate_signing_key(), "").is_err());
}

#[test]
fn a_missing_directory_is_created_for_the_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys").join("vendor");
    generate(&keys, "v", None, false).unwrap();
    assert_eq!(
        fs::metadata(&keys).unwrap().permissions().mode() & 0o777,
        0o700
    );
}
