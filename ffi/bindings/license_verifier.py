"""The license verifier from Python: ctypes over the C library, standard library only.

Build the library with the vendor's public keys compiled in::

    LICENSE_TRUSTED_KEYS=/path/vendor.pub cargo build --release -p license-verifier-ffi

then::

    from license_verifier import Library

    lib = Library("target/release/liblicense_verifier_ffi.so")
    with lib.open("/var/lib/product/license-store.db") as store:
        if not store.status():
            print("starting unlicensed")
        answer = store.check_capability("web-client", user="alice")
        print(answer.exit, answer.json["allowed"])

Every answer is an :class:`Answer`: ``exit`` is 0 (yes), 1 (a clean no) or 2 (an
error), as the command line's exit status, and ``json`` is the object
``license-verifier --json`` prints for the same question. An answer is true when it
is a yes. Only :meth:`Library.open` raises (:class:`LicenseError`), since there is no
store to ask without it.

A :class:`Store` may be used from one thread at a time; different stores from
different threads at once (ctypes releases the GIL during each call).
"""

import ctypes
import ctypes.util
import json
import os
from dataclasses import dataclass
from typing import Any, Optional

YES, NO, ERROR = 0, 1, 2

__all__ = ["Answer", "Library", "LicenseError", "Store", "YES", "NO", "ERROR"]


@dataclass(frozen=True)
class Answer:
    """An answer: the exit status and the command line's JSON (``None`` if not asked)."""

    exit: int
    text: Optional[str]

    @property
    def json(self) -> Any:
        """The JSON object, parsed."""
        return None if self.text is None else json.loads(self.text)

    @property
    def error_code(self) -> Optional[str]:
        """The error's code (``no-store``, ``usage``, ...) when the answer is an error."""
        data = self.json
        return data["error"]["code"] if isinstance(data, dict) and "error" in data else None

    def __bool__(self) -> bool:
        return self.exit == YES


class LicenseError(Exception):
    """A store that could not be opened; ``answer`` says why."""

    def __init__(self, answer: Answer):
        data = answer.json or {}
        super().__init__(data.get("error", {}).get("text", "the store cannot be opened"))
        self.answer = answer
        self.code = answer.error_code


def _text(value: Optional[str]) -> Optional[bytes]:
    return None if value is None else value.encode("utf-8")


def _find_library() -> str:
    path = os.environ.get("LICENSE_VERIFIER_LIB") or ctypes.util.find_library("license_verifier_ffi")
    if not path:
        raise OSError("liblicense_verifier_ffi not found: give its path or set LICENSE_VERIFIER_LIB")
    return path


class Library:
    """The loaded C library: ``path`` names it, else ``LICENSE_VERIFIER_LIB``, else the
    system's library search."""

    def __init__(self, path: Optional[str] = None):
        self.c = ctypes.CDLL(path or _find_library())
        c, p, s = ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)
        i32, i64 = ctypes.c_int32, ctypes.c_int64
        for name, args in {
            "lic_open": [c, c, s],
            "lic_open_json": [c, c, s, s],
            "lic_open_trusted_json": [c, c, c, s, s],
            "lic_status": [p, i64, s],
            "lic_check_system": [p, c, i64, s],
            "lic_check_capability": [p, c, c, i64, s],
            "lic_check_seats": [p, c, i64, s],
            "lic_verify_file": [c, c, i64, s],
        }.items():
            fn = getattr(self.c, name)
            fn.argtypes, fn.restype = args, i32
        self.c.lic_close.argtypes, self.c.lic_close.restype = [p], None
        # c_void_p, not c_char_p: the pointer is needed to free the string.
        self.c.lic_string_free.argtypes, self.c.lic_string_free.restype = [p], None
        self.c.lic_version.argtypes, self.c.lic_version.restype = [], c

    def version(self) -> str:
        """The library's version."""
        return self.c.lic_version().decode("utf-8")

    def call(self, name: str, *args: Any) -> Answer:
        """Calls ``name`` with ``args`` and a pointer for the JSON, which it takes and frees."""
        out = ctypes.c_void_p()
        exit_code = getattr(self.c, name)(*args, ctypes.byref(out))
        try:
            text = ctypes.string_at(out.value).decode("utf-8") if out.value else None
        finally:
            self.c.lic_string_free(out)
        return Answer(exit_code, text)

    def open(
        self, store_path: str, keyring_pem: Optional[str] = None, roots_pem: Optional[str] = None
    ) -> "Store":
        """Opens a store for questions (``keyring_pem``: PEM text of the signing keys to
        trust; ``roots_pem``: of the root keys, which only certify issuing keys; neither
        given: the keys and roots compiled in). Raises :class:`LicenseError` when it
        cannot."""
        handle = ctypes.c_void_p()
        answer = self.call(
            "lic_open_trusted_json",
            _text(store_path),
            _text(keyring_pem),
            _text(roots_pem),
            ctypes.byref(handle),
        )
        if answer.exit != YES:
            raise LicenseError(answer)
        return Store(self, handle)

    def verify_file(self, path: str, keyring_pem: Optional[str] = None, now: int = 0) -> Answer:
        """``license-verifier verify FILE``; ``now``: seconds since 1970, 0 for the clock."""
        return self.call("lic_verify_file", _text(path), _text(keyring_pem), now)


class Store:
    """An open license store; close it, or use it in a ``with`` block."""

    def __init__(self, lib: Library, handle: ctypes.c_void_p):
        self._lib, self._handle = lib, handle

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Closes the store; closing twice is harmless."""
        self._lib.c.lic_close(self._handle)
        self._handle = ctypes.c_void_p()

    def status(self, now: int = 0) -> Answer:
        """The startup question: true when the product may run licensed."""
        return self._lib.call("lic_status", self._handle, now)

    def check_system(self, code: str, now: int = 0) -> Answer:
        """Whether the system license ``code`` is in force."""
        return self._lib.call("lic_check_system", self._handle, _text(code), now)

    def check_capability(self, capability: str, user: Optional[str] = None, now: int = 0) -> Answer:
        """Whether ``capability`` may be used, by ``user`` when given."""
        return self._lib.call("lic_check_capability", self._handle, _text(capability), _text(user), now)

    def check_seats(self, plan: str, now: int = 0) -> Answer:
        """Whether a seat of ``plan`` is free."""
        return self._lib.call("lic_check_seats", self._handle, _text(plan), now)
