//! The C interface called from Rust as C calls it: threads, a shared handle, and a store
//! this process may not write.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::ffi::{c_char, CStr, CString};
use std::ptr;

use license_verifier_ffi::*;

fn c(text: &str) -> CString {
    CString::new(text).unwrap()
}

/// Takes a JSON answer and frees it.
fn take(json: *mut c_char) -> String {
    assert!(!json.is_null());
    // SAFETY: a string from the library, NUL-terminated, freed right after.
    let text = unsafe { CStr::from_ptr(json) }.to_str().unwrap().to_owned();
    lic_string_free(json);
    text
}

fn open(path: &std::path::Path) -> *mut lic_store {
    let path = c(path.to_str().unwrap());
    let mut store = ptr::null_mut();
    // SAFETY: valid strings and out pointer.
    let rc = unsafe { lic_open(path.as_ptr(), ptr::null(), &mut store) };
    assert_eq!(rc, LIC_YES);
    store
}

fn web_client(store: *mut lic_store, user: &str) -> (i32, String) {
    let (cap, user) = (c("web-client"), c(user));
    let mut json = ptr::null_mut();
    // SAFETY: valid strings and out pointer; the handle is checked by the library.
    let rc = unsafe { lic_check_capability(store, cap.as_ptr(), user.as_ptr(), 0, &mut json) };
    (rc, take(json))
}

#[test]
fn eight_threads_each_with_a_handle() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::fixtures(dir.path());
    std::thread::scope(|scope| {
        for n in 0..8 {
            let path = &path;
            scope.spawn(move || {
                let store = open(path);
                for i in 0..20 {
                    let user = if (i + n) % 2 == 0 { "alice" } else { "bob" };
                    let (rc, json) = web_client(store, user);
                    assert_eq!(rc, if user == "alice" { LIC_YES } else { LIC_NO }, "{json}");
                }
                lic_close(store);
            });
        }
    });
}

/// Against the contract, but not undefined behaviour: the calls wait for each other.
#[test]
fn one_handle_from_eight_threads_at_once_is_serialised() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&common::fixtures(dir.path())) as usize;
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(move || {
                for _ in 0..10 {
                    let (rc, json) = web_client(store as *mut lic_store, "alice");
                    assert_eq!(rc, LIC_YES, "{json}");
                }
            });
        }
    });
    lic_close(store as *mut lic_store);
    let (rc, json) = web_client(store as *mut lic_store, "alice");
    assert_eq!(rc, LIC_ERROR);
    assert!(json.contains("\"code\": \"bad-handle\""), "{json}");
}

#[test]
fn the_version_is_the_crate_version() {
    // SAFETY: a static NUL-terminated string.
    let v = unsafe { CStr::from_ptr(lic_version()) };
    assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}
