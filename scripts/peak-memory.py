#!/usr/bin/env python3
"""Peak memory (max RSS) of `license-verifier verify` and of `license-issuer batch` with
100,000 orders, on release builds. Prints a table for docs/PERFORMANCE.md.

    python3 scripts/peak-memory.py [--orders N]

Max RSS comes from GNU time (`%M`, the kernel's own count, no sampling). Each command runs
in a fresh temporary directory.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

GNU_TIME = "/usr/bin/time"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def target_dir():
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(meta)["target_directory"]


def peak_kib(cmd, cwd, env=None):
    """Runs cmd under GNU time and returns (exit code, its max RSS in KiB).

    GNU time forks a small C process, so the figure is the command's own; a child forked
    from Python would start with Python's pages counted.
    """
    if not os.path.exists(GNU_TIME):
        sys.exit(f"{GNU_TIME} is missing: install GNU time (Debian: apt-get install time)")
    report = os.path.join(tempfile.mkdtemp(prefix="license-peak-time-"), "rss")
    code = subprocess.run([GNU_TIME, "-f", "%M", "-o", report, *cmd], cwd=cwd, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    with open(report) as f:
        kib = int(f.read().split()[-1])
    shutil.rmtree(os.path.dirname(report), ignore_errors=True)
    return code, kib


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
