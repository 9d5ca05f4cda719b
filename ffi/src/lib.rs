//! The license verifier as a C library: open an installation's license store, ask the
//! questions a product asks (startup status, a system license, a capability for a user,
//! a free seat) and verify a license file, with the vendor's public keys compiled in.
//! The header, `include/license_verifier.h`, is generated from this file by cbindgen
//! (`cargo test -p license-verifier-ffi --test header` checks it; `LIC_BLESS=1` rewrites it).
//!
//! Every function answers as the command line `license-verifier` exits: 0 yes / done,
//! 1 a clean no, 2 an error. When `out_json` is not NULL it receives the same JSON
//! object that `license-verifier --json` prints for the same question (docs/JSON.md,
//! docs/schema/verifier-*.json, errors docs/schema/error.json), in English unless
//! `LICENSE_LANG` (else the locale) says Dutch. Errors of the interface itself have the
//! codes `usage` (a NULL or non-UTF-8 argument), `bad-handle` (a store handle that is
//! not open) and `internal` (a panic, caught).
//!
//! Threads: a handle may be used from one thread at a time, and different handles from
//! different threads at once. A handle used by two threads at once is not undefined
//! behaviour: the calls wait for each other.
//!
//! Handles: a NULL, foreign or closed handle is detected and answered with 2 (handles
//! are looked up, never dereferenced), except a closed handle whose address a later
//! `lic_open` returned again, which then acts on that newer store.
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

mod answers;
mod boundary;
mod handles;

use std::ffi::c_char;

use boundary::{answer, optional_text, put, text};
use chrono::{DateTime, Utc};
pub use handles::lic_store;
use license_verifier::text::json::Answer;
use license_verifier::LicenseStore;

/// The exit status of a yes, or of an action done.
pub const LIC_YES: i32 = 0;
/// The exit status of a clean no by the license rules.
pub const LIC_NO: i32 = 1;
/// The exit status of an error.
pub const LIC_ERROR: i32 = 2;

/// Opens the license store at `store_path` for questions, trusting the public keys of
/// `keyring_pem` (PEM text of one or more PUBLIC KEY blocks) to sign license files, or,
/// when it is NULL, the keys and root keys compiled into this library (to give root
/// keys at run time, use `lic_open_trusted_json`). The store is only read; the clock's high-water mark
/// is advanced when the store happens to be writable, and a store this process may not
/// write answers all the same.
///
/// Returns 0 and sets `*out` to a new handle, to be closed with `lic_close`; else 2
/// (or 1 for a refusal by the license rules) and sets `*out` to NULL. To see why, use
/// `lic_open_json`.
///
/// # Safety
/// `store_path` and `keyring_pem` are NULL or NUL-terminated strings; `out` is NULL or
/// valid for writing one pointer. The library keeps none of them after returning.
#[no_mangle]
pub unsafe extern "C" fn lic_open(
    store_path: *const c_char,
    keyring_pem: *const c_char,
    out: *mut *mut lic_store,
) -> i32 {
    // SAFETY: the same obligations, passed on; NULL for `out_json` is allowed.
    unsafe { lic_open_json(store_path, keyring_pem, out, std::ptr::null_mut()) }
}

/// As `lic_open`, and when it fails `*out_json` (if not NULL) receives the error as the
/// command line prints it for a question on this store (e.g. code `no-store`); on
/// success `*out_json` is set to NULL. The caller owns the string: free it with
/// `lic_string_free`.
///
/// # Safety
/// As `lic_open`; `out_json` is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn lic_open_json(
    store_path: *const c_char,
    keyring_pem: *const c_char,
    out: *mut *mut lic_store,
    out_json: *mut *mut c_char,
) -> i32 {
    // SAFETY: the same obligations, passed on; no roots given.
    unsafe { lic_open_trusted_json(store_path, keyring_pem, std::ptr::null(), out, out_json) }
}

/// As `lic_open_json`, trusting the signing keys of `keyring_pem` and the root keys of
/// `roots_pem` (PEM text of PUBLIC KEY blocks; FORMAT.md §18): roots only certify
/// issuing keys, whose certificate a license file carries. Either may be NULL for none;
/// when both are NULL, the keys and roots compiled into this library.
///
/// # Safety
/// As `lic_open_json`; `roots_pem` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn lic_open_trusted_json(
    store_path: *const c_char,
    keyring_pem: *const c_char,
    roots_pem: *const c_char,
    out: *mut *mut lic_store,
    out_json: *mut *mut c_char,
) -> i32 {
    // SAFETY: `out` is NULL or writable (caller).
    unsafe { put(out, std::ptr::null_mut()) };
    let body = |_: bool| {
        if out.is_null() {
            return Err(answers::usage("out is NULL".into()));
        }
        // SAFETY: NULL or NUL-terminated strings (caller), read during the call only.
        let path = unsafe { text(store_path, "store_path") }?;
        // SAFETY: as above.
        let pem = unsafe { optional_text(keyring_pem, "keyring_pem") }?;
        // SAFETY: as above.
        let roots = unsafe { optional_text(roots_pem, "roots_pem") }?;
        let store = answers::open(path, answers::trust(pem, roots)?)?;
        // SAFETY: `out` is not NULL and is writable (caller).
        unsafe { put(out, handles::register(store)) };
        Ok(answers::done())
    };
    // SAFETY: `out_json` is NULL or writable (caller).
    unsafe { answer(out_json, body) }
}

/// Closes a store opened by `lic_open`; the handle is invalid afterwards. NULL, and a
/// handle closed already, are ignored. A call still running on the handle in another
/// thread finishes first.
#[no_mangle]
pub extern "C" fn lic_close(store: *mut lic_store) {
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handles::close(store)));
}

/// Runs a question on an open store, in the frame of [`answer`].
///
/// # Safety
/// `out_json` is NULL or valid for writing one pointer.
unsafe fn ask(
    store: *mut lic_store,
    now_unix: i64,
    out_json: *mut *mut c_char,
    question: impl FnOnce(&LicenseStore, DateTime<Utc>, bool) -> Result<Answer, Answer>,
) -> i32 {
    // SAFETY: `out_json` is NULL or writable (caller).
    unsafe {
        answer(out_json, |want| {
            let now = answers::instant(now_unix)?;
            handles::with_store(store, |s| question(s, now, want))
                .unwrap_or_else(|| Err(answers::bad_handle(store)))
        })
    }
}

/// The startup question, `license-verifier status`: 0 when the product may run licensed
/// (active or in grace), 1 when not (no license, expired, ...), 2 on an error. At
/// `now_unix` (seconds since 1970, UTC), or the system clock when it is 0.
///
/// When `out_json` is not NULL, `*out_json` receives the JSON (owned by the caller, to
/// be freed with `lic_string_free`); it is NULL only when `out_json` is.
///
/// # Safety
/// `store` is any value (NULL and closed handles are detected); `out_json` is NULL or
/// valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn lic_status(
    store: *mut lic_store,
    now_unix: i64,
    out_json: *mut *mut c_char,
) -> i32 {
    // SAFETY: the same obligations, passed on.
    unsafe {
        ask(store, now_unix, out_json, |s, now, want| {
            Ok(answers::status(s, now, want))
        })
    }
}

/// Whether the system license `code` (e.g. `superoffice-server`) is in force,
/// `license-verifier check system CODE`: 0 yes, 1 no (the reasons in the JSON), 2 an
/// error (e.g. an unknown code). Time and `out_json` as `lic_status`.
///
/// # Safety
/// As `lic_status`; `code` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn lic_check_system(
    store: *mut lic_store,
    code: *const c_char,
    now_unix: i64,
    out_json: *mut *mut c_char,
) -> i32 {
    let question = |s: &LicenseStore, now: DateTime<Utc>, want: bool| {
        // SAFETY: NULL or a NUL-terminated string (caller), read during the call only.
        let code = unsafe { text(code, "code") }?;
        Ok(answers::system(s, code, now, want))
    };
    // SAFETY: the same obligations, passed on.
    unsafe { ask(store, now_unix, out_json, question) }
}

/// Whether `capability` (e.g. `web-client`) may be used, by `user` when it is not NULL
/// (per-user capabilities need a user with login and a seat of a plan that grants it),
/// `license-verifier check capability CAP [--user USER]`: 0 yes, 1 no, 2 an error.
/// Time and `out_json` as `lic_status`.
///
/// # Safety
/// As `lic_status`; `capability` and `user` are NULL or NUL-terminated strings.
#[no_mangle]
pub unsafe extern "C" fn lic_check_capability(
    store: *mut lic_store,
    capability: *const c_char,
    user: *const c_char,
    now_unix: i64,
    out_json: *mut *mut c_char,
) -> i32 {
    let question = |s: &LicenseStore, now: DateTime<Utc>, want: bool| {
        // SAFETY: NULL or NUL-terminated strings (caller), read during the call only.
        let cap = unsafe { text(capability, "capability") }?;
        // SAFETY: as above.
        let user = unsafe { optional_text(user, "user") }?;
        Ok(answers::capability(s, cap, user, now, want))
    };
    // SAFETY: the same obligations, passed on.
    unsafe { ask(store, now_unix, out_json, question) }
}

/// Whether a seat of the user plan `plan` is free, `license-verifier check seats PLAN`:
/// 0 yes, 1 no, 2 an error. Time and `out_json` as `lic_status`.
///
/// # Safety
/// As `lic_status`; `plan` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn lic_check_seats(
    store: *mut lic_store,
    plan: *const c_char,
    now_unix: i64,
    out_json: *mut *mut c_char,
) -> i32 {
    let question = |s: &LicenseStore, now: DateTime<Utc>, want: bool| {
        // SAFETY: NULL or a NUL-terminated string (caller), read during the call only.
        let plan = unsafe { text(plan, "plan") }?;
        Ok(answers::seats(s, plan, now, want))
    };
    // SAFETY: the same obligations, passed on.
    unsafe { ask(store, now_unix, out_json, question) }
}

/// Verifies the license file at `path` without a store, `license-verifier verify FILE`:
/// 0 when it is genuine and in force at `now_unix` (0: the system clock), 1 when genuine
/// but expired or not yet valid, 2 when forged, malformed, signed by an unknown key or
/// unreadable. Keys as `lic_open` (`keyring_pem` NULL: the keys compiled in);
/// `out_json` as `lic_status`.
///
/// # Safety
/// `path` and `keyring_pem` are NULL or NUL-terminated strings; `out_json` is NULL or
/// valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn lic_verify_file(
    path: *const c_char,
    keyring_pem: *const c_char,
    now_unix: i64,
    out_json: *mut *mut c_char,
) -> i32 {
    let body = |want: bool| {
        // SAFETY: NULL or NUL-terminated strings (caller), read during the call only.
        let path = unsafe { text(path, "path") }?;
        // SAFETY: as above.
        let pem = unsafe { optional_text(keyring_pem, "keyring_pem") }?;
        let ring = answers::trust(pem, None)?;
        let now = answers::instant(now_unix)?;
        Ok(answers::verify_file(path, &ring, now, want))
    };
    // SAFETY: `out_json` is NULL or writable (caller).
    unsafe { answer(out_json, body) }
}

/// Frees a string this library returned through `out_json`. NULL, a string freed
/// already and a pointer this library did not return are ignored.
#[no_mangle]
pub extern "C" fn lic_string_free(s: *mut c_char) {
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handles::free_string(s)));
}

/// This library's version, e.g. `0.1.0`: a static string, never to be freed.
#[no_mangle]
pub extern "C" fn lic_version() -> *const c_char {
    VERSION.as_ptr()
}

const VERSION: &std::ffi::CStr = match std::ffi::CStr::from_bytes_with_nul(
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes(),
) {
    Ok(v) => v,
    Err(_) => panic!("the version holds a NUL"),
};
