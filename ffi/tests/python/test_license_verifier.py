"""The C interface from Python through bindings/license_verifier.py: the scenarios of
../scenarios.tsv, each compared with ``license-verifier --json`` for the same question,
bad arguments and 8 threads. Run by ../c_and_python.rs, with the environment:
LICENSE_VERIFIER_LIB (the shared library), LIC_FIXTURES (the stores and files),
LIC_SCENARIOS (the table) and LIC_CLI (the command line to compare with).
"""

import ctypes
import json
import os
import re
import subprocess
import sys
import threading
import time
import unittest
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bindings"))

from license_verifier import ERROR, NO, YES, Library, LicenseError  # noqa: E402

FIXTURES = os.environ["LIC_FIXTURES"]
CLI = os.environ["LIC_CLI"]
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def scenarios():
    with open(os.environ["LIC_SCENARIOS"], encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                name, question, target, arg, user, keys, exit_code, expect = line.split("\t")
                none = lambda v: None if v == "-" else v  # noqa: E731
                yield dict(name=name, question=question, target=target, arg=none(arg),
                           user=none(user), keys=none(keys), exit=int(exit_code),
                           expect=[p.strip() for p in expect.split("|")])


def fixture(name):
    return os.path.join(FIXTURES, name)


def ask(lib, s):
    """A scenario's question through the Python binding."""
    pem = None
    if s["keys"]:
        with open(fixture(s["keys"]), encoding="utf-8") as f:
            pem = f.read()
    if s["question"] == "verify":
        return lib.verify_file(fixture(s["target"]), pem)
    try:
        store = lib.open(fixture(s["target"]), pem)
    except LicenseError as e:
        return e.answer
    with store:
        q, arg = s["question"], s["arg"]
        if q == "status":
            return store.status()
        if q == "system":
            return store.check_system(arg)
        if q == "capability":
            return store.check_capability(arg, user=s["user"])
        return store.check_seats(arg)


def cli(s):
    """The same question through the command line: its exit status and JSON."""
    args = [CLI, "--json"]
    if s["keys"]:
        args += ["--trust", fixture(s["keys"])]
    q = s["question"]
    if q == "verify":
        args += ["verify", fixture(s["target"])]
    else:
        args += ["--store", fixture(s["target"])]
        args += {"status": ["status"], "system": ["check", "system", s["arg"] or ""],
                 "capability": ["check", "capability", s["arg"] or ""],
                 "seats": ["check", "seats", s["arg"] or ""]}[q]
        if s["user"]:
            args += ["--user", s["user"]]
    run = subprocess.run(args, capture_output=True, text=True, check=False)
    return run.returncode, json.loads(run.stdout)


def normalised(value):
    """The JSON with instants of the last minutes as "<now>": the two answers were
    made a moment apart."""
    if isinstance(value, dict):
        return {k: normalised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalised(v) for v in value]
    if isinstance(value, str) and RFC3339.match(value):
        at = datetime.strptime(value[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
        if abs(at.timestamp() - time.time()) < 600:
            return "<now>"
    return value


class Scenarios(unittest.TestCase):
    lib = Library()

    def test_every_scenario_as_the_command_line(self):
        ran = 0
        for s in scenarios():
            with self.subTest(s["name"]):
                answer = ask(self.lib, s)
                self.assertEqual(answer.exit, s["exit"], answer.text)
                self.assertEqual(bool(answer), s["exit"] == YES)
                for piece in s["expect"]:
                    self.assertIn(piece, answer.text)
                code, expected = cli(s)
                self.assertEqual(answer.exit, code)
                self.assertEqual(normalised(answer.json), normalised(expected))
                ran += 1
        self.assertGreaterEqual(ran, 10)

    def test_startup_and_the_web_client_at_login(self):
        with self.lib.open(fixture("licensed.db")) as store:
            self.assertTrue(store.status())
            self.assertTrue(store.check_capability("web-client", user="alice"))
            no = store.check_capability("web-client", user="bob")
            self.assertEqual(no.exit, NO)
            self.assertEqual([r["code"] for r in no.json["reasons"]], ["no-seat"])
            self.assertTrue(no.json["reasons"][0]["text"])

    def test_a_missing_store_raises_with_the_error(self):
        with self.assertRaises(LicenseError) as raised:
            self.lib.open(fixture("missing.db"))
        self.assertEqual(raised.exception.code, "no-store")
        self.assertEqual(raised.exception.answer.exit, ERROR)

    def test_root_keys_given_at_run_time_certify_the_license(self):
        with open(fixture("root-example.pub"), encoding="utf-8") as f:
            root = f.read()
        with self.lib.open(fixture("certified.db"), roots_pem=root) as store:
            status = store.status()
            self.assertEqual(status.exit, YES, status.json)
            self.assertEqual(status.json["state"], "active")
        with open(fixture("vendor.pub"), encoding="utf-8") as f:
            vendor = f.read()
        with self.lib.open(fixture("certified.db"), vendor) as store:
            self.assertEqual(store.status().json["error"]["code"], "untrusted-stored-license")

    def test_a_forged_file_is_an_error(self):
        answer = self.lib.verify_file(fixture("forged.lic"))
        self.assertEqual(answer.exit, ERROR)
        self.assertFalse(answer.json["refused"])

    def test_bad_arguments_are_errors_not_crashes(self):
        c = self.lib.c
        answer = self.lib.call("lic_status", None, 0)
        self.assertEqual((answer.exit, answer.error_code), (ERROR, "usage"))
        with self.lib.open(fixture("licensed.db")) as store:
            h = store._handle
            for name, args in [("lic_check_system", (h, None, 0)),
                               ("lic_check_capability", (h, None, b"alice", 0)),
                               ("lic_check_seats", (h, None, 0)),
                               ("lic_check_system", (h, b"\xff\xfe", 0)),
                               ("lic_verify_file", (None, None, 0))]:
                answer = self.lib.call(name, *args)
                self.assertEqual((answer.exit, answer.error_code), (ERROR, "usage"), name)
            self.assertEqual(c.lic_status(h, 0, None), YES)
        self.assertEqual(c.lic_open(None, None, None), ERROR)
        closed = self.lib.call("lic_status", h, 0)
        self.assertEqual((closed.exit, closed.error_code), (ERROR, "bad-handle"))
        foreign = ctypes.create_string_buffer(64)
        answer = self.lib.call("lic_status", ctypes.addressof(foreign), 0)
        self.assertEqual(answer.error_code, "bad-handle")
        store.close()  # twice: harmless
        self.assertRegex(self.lib.version(), r"^\d+\.\d+\.\d+")

    def test_eight_threads_with_a_store_each(self):
        wrong = []

        def work(n):
            with self.lib.open(fixture("licensed.db")) as store:
                for i in range(20):
                    user = "alice" if (i + n) % 2 else "bob"
                    if bool(store.check_capability("web-client", user=user)) != (user == "alice"):
                        wrong.append((n, i))

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(wrong, [])


if __name__ == "__main__":
    unittest.main()
