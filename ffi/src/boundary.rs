//! The only unsafe code of the workspace: reading C strings and writing through C's out
//! pointers, and the frame every entry point runs in (panics caught, out pointers
//! cleared first and set last).

use std::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

use license_verifier::text::json::Answer;

use crate::answers;
use crate::handles;

/// Runs the body of an entry point that answers with JSON: sets `*out_json` to NULL,
/// runs `body` (told whether JSON is wanted) catching any panic, then hands the answer's
/// JSON to `*out_json` when it is not NULL (an answer without JSON leaves it NULL).
/// Returns the exit status.
///
/// # Safety
/// `out_json` is NULL or valid for writing one pointer.
pub(crate) unsafe fn answer(
    out_json: *mut *mut c_char,
    body: impl FnOnce(bool) -> Result<Answer, Answer>,
) -> i32 {
    let want = !out_json.is_null();
    if want {
        // SAFETY: not NULL, and the caller vouches that it may be written.
        unsafe { out_json.write(std::ptr::null_mut()) };
    }
    let answer = catch_unwind(AssertUnwindSafe(|| body(want)))
        .unwrap_or_else(|p| Err(answers::panicked(p)))
        .unwrap_or_else(|e| e);
    if want && !answer.json.is_null() {
        let text = serde_json::to_string_pretty(&answer.json).unwrap_or_default();
        // SAFETY: as above.
        unsafe { out_json.write(handles::give_string(text)) };
    }
    i32::from(answer.exit)
}

/// Writes `value` to `*out` when `out` is not NULL.
///
/// # Safety
/// `out` is NULL or valid for writing one `T`.
pub(crate) unsafe fn put<T>(out: *mut T, value: T) {
    if !out.is_null() {
        // SAFETY: not NULL, and the caller vouches that it may be written.
        unsafe { out.write(value) };
    }
}

/// The UTF-8 text of a C string argument; a usage error naming `name` when it is NULL
/// or not UTF-8.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that stays valid and unchanged
/// for the returned lifetime (the call).
pub(crate) unsafe fn text<'a>(ptr: *const c_char, name: &str) -> Result<&'a str, Answer> {
    // SAFETY: the same obligations, passed on.
    unsafe { optional_text(ptr, name) }?.ok_or_else(|| answers::usage(format!("{name} is NULL")))
}

/// As [`text`], with NULL as `None`.
///
/// # Safety
/// As [`text`].
pub(crate) unsafe fn optional_text<'a>(
    ptr: *const c_char,
    name: &str,
) -> Result<Option<&'a str>, Answer> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: not NULL, and the caller vouches for a NUL-terminated string that lives
    // and stays unchanged through the call.
    let c = unsafe { CStr::from_ptr(ptr) };
    c.to_str()
        .map(Some)
        .map_err(|_| answers::usage(format!("{name} is not UTF-8 text")))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn run(body: impl FnOnce(bool) -> Result<Answer, Answer>) -> (i32, String) {
        let mut out = std::ptr::null_mut();
        // SAFETY: a valid out pointer; the string is freed below.
        let rc = unsafe { answer(&mut out, body) };
        // SAFETY: a NUL-terminated string from `give_string`.
        let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
        assert!(handles::free_string(out));
        (rc, text)
    }

    #[test]
    fn a_panic_inside_is_an_error_answer() {
        let (rc, json) = run(|_| panic!("a bug"));
        assert_eq!(rc, 2);
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(json["error"]["code"], "internal");
        assert_eq!(json["exit"], 2);
        let text = json["error"]["text"].as_str().unwrap();
        assert!(text.contains("a bug"), "{text}");
    }

    #[test]
    fn a_string_is_freed_once() {
        let ptr = handles::give_string("x".into());
        assert!(handles::free_string(ptr));
        assert!(!handles::free_string(ptr));
    }

    #[test]
    fn text_arguments() {
        // SAFETY: NULL, and NUL-terminated literals.
        unsafe {
            assert!(text(std::ptr::null(), "code").is_err());
            assert_eq!(optional_text(std::ptr::null(), "user").ok(), Some(None));
            assert_eq!(
                text(c"web-client".as_ptr(), "code").ok(),
                Some("web-client")
            );
            let bad = text(c"\xff".as_ptr(), "code").unwrap_err();
            assert_eq!(bad.json["error"]["text"], "code is not UTF-8 text");
        }
    }
}
