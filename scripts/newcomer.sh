#!/usr/bin/env bash
# The newcomer's path: copy the committed files into a clean temporary directory, run the
# README's main command there, and check that it succeeds and shows what the README says
# it shows (the lines between `<!-- shows -->` and `<!-- /shows -->`). Called by .ci/run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
clean=$(mktemp -d "${TMPDIR:-/tmp}/license-newcomer.XXXXXX")
trap 'rm -rf "$clean"' EXIT

between() { sed -n "/<!-- $1 -->/,/<!-- \/$1 -->/p" "$root/README.md" | grep -v '^<!--' | grep -v '^```'; }
command=$(between main)
[ -n "$command" ] || { echo "newcomer: README.md has no <!-- main --> command" >&2; exit 2; }

git -C "$root" archive HEAD | tar -x -C "$clean"
echo "newcomer: running the README's main command in a clean copy: $command"
# The build cache is reused so that CI does not compile everything twice; the checkout is clean.
out=$(cd "$clean" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}" bash -c "$command" 2>&1) || {
  printf '%s\n' "$out"
  echo "newcomer: the README's main command failed" >&2
  exit 1
}

missing=0
while IFS= read -r line; do
  [ -n "$line" ] || continue
  if ! grep -qF -- "$line" <<<"$out"; then
    echo "newcomer: the README says the demo shows \"$line\", but it did not" >&2
    missing=1
  fi
done < <(between shows)
if [ "$missing" -ne 0 ]; then
  printf '%s\n' "$out"
  exit 1
fi
echo "newcomer: 1 passed, 0 failed"
