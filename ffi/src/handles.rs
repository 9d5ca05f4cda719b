//! The handles given to C: each open store lives in a registry, and a pointer C passes
//! back is looked up there before use, never dereferenced. So a NULL, foreign or closed
//! handle is an error, not undefined behaviour, and one handle used by two threads at
//! once is serialised by its mutex instead of racing.
//!
//! What cannot be detected: a handle closed and then reused after a later `lic_open`
//! got the same address answers as that newer store.

use std::collections::BTreeMap;
use std::ffi::{c_char, CString};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use license_verifier::LicenseStore;

/// An open license store, read-only for the caller: the verifier's store behind a
/// mutex. Opaque to C (`typedef struct lic_store lic_store;`).
#[allow(non_camel_case_types)]
pub struct lic_store {
    store: Mutex<LicenseStore>,
}

/// The open stores, by the address handed out.
static OPEN: Mutex<BTreeMap<usize, Arc<lic_store>>> = Mutex::new(BTreeMap::new());

/// The strings handed out and not yet freed, by address: `lic_string_free` drops only
/// these, so a foreign or twice-freed pointer is ignored rather than freed.
static STRINGS: Mutex<BTreeMap<usize, CString>> = Mutex::new(BTreeMap::new());

/// A registry stays usable after a panic elsewhere: its maps are changed by single
/// inserts and removes, never left half-done.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Registers an open store and returns its handle.
pub(crate) fn register(store: LicenseStore) -> *mut lic_store {
    let handle = Arc::new(lic_store {
        store: Mutex::new(store),
    });
    let ptr = Arc::as_ptr(&handle).cast_mut();
    lock(&OPEN).insert(ptr as usize, handle);
    ptr
}

/// Runs `f` on the store of a registered handle, or returns `None` for any other
/// pointer. A second thread using the same handle waits for the first.
pub(crate) fn with_store<T>(ptr: *mut lic_store, f: impl FnOnce(&LicenseStore) -> T) -> Option<T> {
    let handle = lock(&OPEN).get(&(ptr as usize)).cloned()?;
    // A panic inside an earlier call left nothing half-written: a question's
    // transaction rolls back when dropped.
    let store = lock(&handle.store);
    Some(f(&store))
}

/// Forgets a handle and closes its store once no call is using it; `false` when the
/// pointer was no open handle.
pub(crate) fn close(ptr: *mut lic_store) -> bool {
    let removed = lock(&OPEN).remove(&(ptr as usize));
    // Dropped outside the registry's lock: closing SQLite must not hold up other handles.
    removed.is_some()
}

/// Hands a string to C: the caller frees it with `lic_string_free`.
pub(crate) fn give_string(text: String) -> *mut c_char {
    // JSON escapes NUL inside strings, so the text never holds one; if it did, C gets
    // the text up to it rather than nothing.
    let owned = CString::new(text).unwrap_or_else(|e| {
        let end = e.nul_position();
        let mut bytes = e.into_vec();
        bytes.truncate(end);
        CString::new(bytes).unwrap_or_default()
    });
    let ptr = owned.as_ptr().cast_mut();
    lock(&STRINGS).insert(ptr as usize, owned);
    ptr
}

/// Frees a string handed out by [`give_string`]; `false` for any other pointer.
pub(crate) fn free_string(ptr: *mut c_char) -> bool {
    let removed = lock(&STRINGS).remove(&(ptr as usize));
    removed.is_some()
}
