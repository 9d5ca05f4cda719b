#!/usr/bin/env bash
# Runs the fuzz targets one after the other, each for SECONDS, on this machine's stable
# toolchain, and prints per target the executions run and whether a crash was found.
#
#   fuzz/run.sh SECONDS [TARGET...]      (no TARGET: all of the table below)
#
# Exit code: 0 no crash, 1 a crash was found (its input is in fuzz/artifacts/<target>/),
# 2 a usage or build error. Logs: fuzz/target/run-logs/<target>.log.
#
# cargo-fuzz needs nightly-only flags (-Zsanitizer); RUSTC_BOOTSTRAP=1 lets the stable
# compiler accept them. If the address sanitizer does not build, the run falls back to
# `--sanitizer none` (the code under test is safe Rust, so libFuzzer's coverage and the
# panics and overflow checks are what finds bugs; ASan adds little here). FUZZ_SANITIZER
# forces one (address, none, ...).
set -uo pipefail

# One line per target: its name (a [[bin]] of fuzz/Cargo.toml, seeds in
# fuzz/seeds/<name>/), then the libFuzzer flags of its own. Adding a target is one line.
TARGETS=(
    "license_file        -max_len=8192"
    "payload             -max_len=4096 -dict=dicts/json.dict"
    "activation_request  -max_len=4096 -dict=dicts/json.dict"
    "keys                -max_len=4096"
    "order               -max_len=4096 -dict=dicts/json.dict"
    "trust               -max_len=8192"
)

usage() {
    echo "usage: fuzz/run.sh SECONDS [TARGET...]" >&2
    echo "targets: $(for t in "${TARGETS[@]}"; do printf '%s ' "${t%% *}"; done)" >&2
    exit 2
}

[[ $# -ge 1 && $1 =~ ^[1-9][0-9]*$ ]] || usage
seconds=$1
shift

here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 2
# The fuzz workspace keeps its own target dir, whatever the caller's shell says.
export CARGO_TARGET_DIR="$here/target"
export RUSTC_BOOTSTRAP=1
logs="$CARGO_TARGET_DIR/run-logs"
mkdir -p "$logs"

flags_of() {
    local line
    for line in "${TARGETS[@]}"; do
        if [[ ${line%% *} == "$1" ]]; then
            read -r _ flags <<<"$line"
            echo "$flags"
            return 0
        fi
    done
    return 1
}

selected=("$@")
if [[ ${#selected[@]} -eq 0 ]]; then
    for line in "${TARGETS[@]}"; do selected+=("${line%% *}"); done
fi
for target in "${selected[@]}"; do
    flags_of "$target" >/dev/null || { echo "run.sh: error: unknown target $target" >&2; usage; }
done

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "run.sh: cargo-fuzz is missing; installing it" >&2
    cargo install cargo-fuzz --locked || exit 2
fi

echo "toolchain: $(rustc -V) (RUSTC_BOOTSTRAP=1), $(cargo fuzz --version)"

# Builds every selected target with the given sanitizer; debug assertions and overflow
# checks on, so that an arithmetic overflow is a crash too.
build_all() {
    local target
    for target in "${selected[@]}"; do
        cargo fuzz build --fuzz-dir "$here" --release --debug-assertions --sanitizer "$1" "$target" \
            >>"$logs/build-$1.log" 2>&1 || return 1
    done
}

sanitizer=${FUZZ_SANITIZER:-address}
: >"$logs/build-$sanitizer.log"
if ! build_all "$sanitizer"; then
    if [[ -n ${FUZZ_SANITIZER:-} ]]; then
        echo "run.sh: error: the build with --sanitizer $sanitizer failed; see $logs/build-$sanitizer.log" >&2
        exit 2
    fi
    echo "run.sh: the address sanitizer does not build on this toolchain ($logs/build-address.log); using --sanitizer none" >&2
    sanitizer=none
    : >"$logs/build-none.log"
    build_all none || {
        echo "run.sh: error: the build failed; see $logs/build-none.log" >&2
        exit 2
    }
fi
echo "sanitizer: $sanitizer; $seconds s per target, one at a time, one process each"

crashed=0
summary=()
for target in "${selected[@]}"; do
    read -r -a extra <<<"$(flags_of "$target")"
    corpus="corpus/$target"
    artifacts="artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    # The committed seeds go in first; what the fuzzer found before is kept.
    cp -n "seeds/$target"/* "$corpus"/ 2>/dev/null
    before=$(find "$artifacts" -type f | sort)
    log="$logs/$target.log"
    echo "== $target: fuzzing for $seconds s (log: $log)"
    cargo fuzz run --fuzz-dir "$here" --release --debug-assertions --sanitizer "$sanitizer" --jobs 1 \
        "$target" "$corpus" -- \
        -max_total_time="$seconds" -print_final_stats=1 "${extra[@]}" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -1)
    if [[ -z $execs ]]; then
        execs=$(sed -n 's/^#\([0-9]*\)[[:space:]]*DONE.*/\1/p' "$log" | tail -1)
    fi
    new=$(comm -13 <(echo "$before") <(find "$artifacts" -type f | sort) | grep -v '^$')
    if [[ $rc -ne 0 || -n $new ]]; then
        crashed=1
        verdict="CRASH (exit $rc) ${new:+fuzz/$new}"
        grep -m1 -A1 -E 'panicked at|ERROR: (libFuzzer|AddressSanitizer)' "$log" | sed 's/^/   /'
        for input in $new; do
            echo "   reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz -O -a --sanitizer $sanitizer $target fuzz/$input"
        done
        echo "   log: $log"
    else
        verdict="no crash"
    fi
    corpus_size=$(find "$corpus" -type f | wc -l)
    line=$(printf '%-20s %12s executions  %6s corpus  %s' "$target" "${execs:-?}" "$corpus_size" "$verdict")
    echo "$line"
    summary+=("$line")
done

echo
echo "== summary ($(date -u +%Y-%m-%dT%H:%M:%SZ), $seconds s per target, sanitizer $sanitizer)"
printf '%s\n' "${summary[@]}"
exit "$crashed"
