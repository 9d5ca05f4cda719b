#!/usr/bin/env bash
# The main job, end to end, on the example keys: an installation asks for a license,
# the vendor issues it, the administrator imports it, adds users and seats, and the
# product asks its access questions. Runs in a fresh temporary directory; prints where.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/license-demo.XXXXXX")
cd "$work"
export LICENSE_ISSUER_NAME="Example Vendor AS"

# Build once, then call the binaries directly: the demo is about them, not about cargo.
# The verifier is built with the example keys compiled in (feature example-keys): a build
# without it trusts no key, as a product's build must not trust these.
# The first build compiles SQLite and the crypto (about four and a half minutes on a
# 2-core machine): cargo's own progress says what it is doing.
echo "Building the issuer and the verifier (the first build takes a few minutes)..."
cargo build --manifest-path "$root/Cargo.toml" -p license-issuer
cargo build --manifest-path "$root/Cargo.toml" -p license-verifier-cli --features example-keys
target=$(cargo metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" \
  | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
issuer() { echo "\$ license-issuer $*"; "$target/debug/license-issuer" "$@"; }
# Every verifier command warns that it trusts the example keys; the demo says it once,
# here, and keeps the rest of its output in order on stdout.
verifier() {
  echo "\$ license-verifier $*"
  "$target/debug/license-verifier" "$@" 2>&1 | { grep -v 'trusting the example keys' || true; }
  return "${PIPESTATUS[0]}"
}
step() { printf '\n== %s ==\n' "$*"; }

echo "Working in $work with the example keys of keys-example/ (never trusted in production)."

step "The installation creates its store and writes an activation request"
verifier init
verifier request --out request.json

step "The vendor issues a license bound to that installation (example key)"
cp "$root/demo/order.json" order.json
# A private key must be readable by its owner only; a git checkout does not keep that mode.
install -m 600 "$root/keys-example/vendor.key" vendor.key
issuer issue --key vendor.key --order order.json --request request.json --out acme.lic

step "The administrator sees what the import changes, then activates"
verifier import acme.lic --dry-run
verifier import acme.lic

step "Users and seats: two seats of Sales Premium, three users"
for user in alice bob carol; do verifier users add "$user"; done
verifier seats assign alice sales-premium
verifier seats assign bob sales-premium
verifier seats assign carol sales-premium || echo "(exit $?: a clean no)"

step "The product asks, offline"
verifier status
verifier check capability web-client --user alice
verifier check capability web-client --user carol || echo "(exit $?: a clean no)"

step "The Licenses screen, and one license in detail"
verifier list
verifier show sales-premium

step "The system events"
verifier events --limit 20

printf '\nAll files are in %s\n' "$work"
