#!/usr/bin/env python3
"""Peak memory (max RSS) of `license-verifier verify` and of `license-issuer batch` with
100,000 orders, on release builds. Prints a table for docs/PERFORMANCE.md.

    python3 scripts/peak-memory.py [--orders N]

Max RSS comes from getrusage(RUSAGE_CHILDREN) after each command: the kernel's own count,
with no sampling. Each command runs in a fresh temporary directory.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def target_dir():
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(meta)["target_directory"]


def peak_kib(cmd, cwd, env=None):
    """Runs cmd in a forked child and returns (exit code, its max RSS in KiB)."""
    pid = os.fork()
    if pid == 0:
        os.chdir(cwd)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execve(cmd[0], cmd, env or os.environ)
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss


def orders_file(path, n):
    line = json.dumps({
        "customer": {"id": "C-1", "name": "Bench AS"},
        "installation_id": "bench-installation",
        "valid_from": "2026-01-01", "valid_until": "2099-12-31",
        "system_licenses": ["superoffice-server", "online-web-services"],
        "user_plans": {"sales-premium": 10, "sales-essentials": 25},
    })
    with open(path, "w") as f:
        for _ in range(n):
            f.write(line + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=100_000)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "license-verifier", "-p", "license-issuer"],
                   cwd=ROOT, check=True)
    bin_dir = os.path.join(target_dir(), "release")
    verifier = os.path.join(bin_dir, "license-verifier")
    issuer = os.path.join(bin_dir, "license-issuer")
    work = tempfile.mkdtemp(prefix="license-peak-")
    try:
        key = os.path.join(work, "vendor.key")
        shutil.copy(os.path.join(ROOT, "keys-example", "vendor.key"), key)
        os.chmod(key, 0o600)
        env = dict(os.environ, LICENSE_ISSUER_NAME="Bench Vendor")
        orders = os.path.join(work, "orders.jsonl")
        orders_file(orders, args.orders)
        out = os.path.join(work, "out")
        os.mkdir(out)
        code, batch_kib = peak_kib(
            [issuer, "batch", "--key", key, "--orders", orders, "--out-dir", out,
             "--ledger", os.path.join(work, "ledger.db")], work, env)
        if code != 0:
            sys.exit(f"batch failed with exit {code}")
        one = os.path.join(out, sorted(os.listdir(out))[0])
        code, verify_kib = peak_kib(
            [verifier, "verify", one, "--trust", os.path.join(ROOT, "keys-example", "vendor.pub")], work)
        if code not in (0, 1):
            sys.exit(f"verify failed with exit {code}")
        code, true_kib = peak_kib(["/bin/true"], work)
        print("| command | peak RSS |")
        print("|---|---|")
        print(f"| `license-verifier verify` (one file) | {verify_kib / 1024:.1f} MiB |")
        print(f"| `license-issuer batch` ({args.orders:,} orders) | {batch_kib / 1024:.1f} MiB |")
        print(f"| `/bin/true` (floor of a process) | {true_kib / 1024:.1f} MiB |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
