//! The questions, in safe Rust: each calls the verifier library once and builds the
//! answer exactly as the command line does (`license_verifier::text::json`), so that
//! `out_json` is the CLI's `--json` for the same question.

use std::any::Any;
use std::fs::File;
use std::io::Read as _;
use std::path::Path;

use chrono::{DateTime, Utc};
use license_format::constants::MAX_LICENSE_FILE_BYTES;
use license_format::{Keyring, Lang, Trust};
use license_i18n::s;
use license_verifier::text::json::{self, Answer};
use license_verifier::text::t;
use license_verifier::{check_file, trusted, Error, LicenseStore};
use serde_json::{Map, Value};

/// The language of the words in JSON: `LICENSE_LANG`, else the locale, else English,
/// as the command line chooses without `--lang`.
pub(crate) fn lang() -> Lang {
    license_i18n::language_from(|name| std::env::var(name).ok())
}

/// A mistake in the call (code `usage`, as the command line's own mistakes).
pub(crate) fn usage(message: String) -> Answer {
    own_error("usage", message)
}

/// An error of this interface, with its words (English: they name C arguments).
pub(crate) fn own_error(code: &str, message: String) -> Answer {
    let mut json = json::error(lang(), code, &Map::new(), 2);
    json["error"]["text"] = message.into();
    Answer { exit: 2, json }
}

/// A handle that is not an open store: NULL, closed or never opened.
pub(crate) fn bad_handle(ptr: *const crate::lic_store) -> Answer {
    if ptr.is_null() {
        return usage("store is NULL".into());
    }
    own_error(
        "bad-handle",
        "store is not an open lic_store: closed already, or not from lic_open".into(),
    )
}

/// A panic inside the library, caught at the boundary.
pub(crate) fn panicked(payload: Box<dyn Any + Send>) -> Answer {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    own_error(
        "internal",
        format!("internal error in license-verifier-ffi: {what}; please report it"),
    )
}

/// The instant of a question: `0` is the system clock.
pub(crate) fn instant(now_unix: i64) -> Result<DateTime<Utc>, Answer> {
    if now_unix == 0 {
        return Ok(Utc::now());
    }
    DateTime::from_timestamp(now_unix, 0)
        .ok_or_else(|| usage(format!("now_unix {now_unix} is out of range")))
}

/// The trust: the signing keys and root keys of the PEM texts given (none for one not
/// given), or, when neither is, the keys and roots compiled in.
pub(crate) fn trust(keys: Option<&str>, roots: Option<&str>) -> Result<Trust, Answer> {
    let ring = |pem: Option<&str>| pem.map_or_else(|| Ok(Keyring::new()), Keyring::from_pem);
    let trust = match (keys, roots) {
        (None, None) => trusted::default_trust(),
        _ => ring(keys)
            .and_then(|k| Ok(Trust::new(k, ring(roots)?)))
            .map_err(Error::from),
    };
    trust.map_err(|e| failure(&e))
}

fn failure(e: &Error) -> Answer {
    json::failure(lang(), e)
}

/// Opens a store for questions.
pub(crate) fn open(path: &str, ring: Trust) -> Result<LicenseStore, Answer> {
    LicenseStore::open(Path::new(path), ring).map_err(|e| failure(&e))
}

/// The answer of a question: the exit status alone when no JSON is wanted (no words
/// are made), else the command line's JSON.
fn reply<T>(
    want: bool,
    result: license_verifier::Result<T>,
    yes: impl Fn(&T) -> bool,
    build: impl Fn(Lang, &T) -> Answer,
) -> Answer {
    match result {
        Ok(value) if !want => Answer {
            exit: if yes(&value) { 0 } else { 1 },
            json: Value::Null,
        },
        Ok(value) => build(lang(), &value),
        Err(e) => failure(&e),
    }
}

/// `status`.
pub(crate) fn status(store: &LicenseStore, now: DateTime<Utc>, want: bool) -> Answer {
    reply(want, store.status(now), |s| s.usable, json::status)
}

/// `check system CODE`.
pub(crate) fn system(store: &LicenseStore, code: &str, now: DateTime<Utc>, want: bool) -> Answer {
    reply(
        want,
        store.check_system(code, now),
        |d| d.allowed,
        json::decision,
    )
}

/// `check capability CAP [--user USER]`.
pub(crate) fn capability(
    store: &LicenseStore,
    cap: &str,
    user: Option<&str>,
    now: DateTime<Utc>,
    want: bool,
) -> Answer {
    let result = store.check_capability(cap, user, now);
    reply(want, result, |d| d.allowed, json::decision)
}

/// `check seats PLAN`.
pub(crate) fn seats(store: &LicenseStore, plan: &str, now: DateTime<Utc>, want: bool) -> Answer {
    let result = store.check_seats(plan, now);
    reply(want, result, |c| c.decision.allowed, json::seat_check)
}

/// `verify FILE`: reads the file as the command line does, with its limit and words.
pub(crate) fn verify_file(path: &str, ring: &Trust, now: DateTime<Utc>, want: bool) -> Answer {
    let bytes = match read_license_file(path) {
        Ok(bytes) => bytes,
        Err(answer) => return answer,
    };
    reply(
        want,
        check_file(&bytes, ring, now, None),
        |r| r.valid,
        json::file_check,
    )
}

/// At most the license file limit (and one byte more, to tell) is ever read.
fn read_license_file(path: &str) -> Result<Vec<u8>, Answer> {
    let lang = lang();
    let what = t(lang, "what-license-file", &[]);
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| {
            f.take(MAX_LICENSE_FILE_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
        })
        .map_err(|e| {
            let reason = e.to_string();
            let args = [
                ("what", s(&what)),
                ("path", s(path)),
                ("reason", s(&reason)),
            ];
            usage(t(lang, "error-usage-cannot-read", &args))
        })?;
    if bytes.len() > MAX_LICENSE_FILE_BYTES {
        let limit = license_i18n::n(MAX_LICENSE_FILE_BYTES as f64);
        let args = [("what", s(&what)), ("path", s(path)), ("limit", limit)];
        return Err(usage(t(lang, "error-usage-too-large", &args)));
    }
    Ok(bytes)
}

/// Done, with no JSON to give (an open store).
pub(crate) fn done() -> Answer {
    Answer {
        exit: 0,
        json: Value::Null,
    }
}
