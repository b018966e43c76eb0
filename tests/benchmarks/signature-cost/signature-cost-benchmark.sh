#!/usr/bin/env bash
# Signature verification of a 4 MB update image must cost no more than hashing it twice (issue 6).
# Usage: tests/benchmarks/signature-cost/signature-cost-benchmark.sh      (CPU=N pins to another core)
# Builds the benchmark in Release and runs it on one pinned core; it prints the peer (two SHA-256 passes over the
# image) and each verification case with its ratio. Exit status 0 = every ratio <= 1 (verification costs at most
# two hashes), 1 = not, 2 = setup error.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build "$here/SignatureCostBenchmark.csproj" -c Release -o "$out" -nologo -v quiet >/dev/null || { echo "build failed" >&2; exit 2; }
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c "${CPU:-0}"); else echo "taskset not found (package util-linux): not pinned" >&2; fi
echo "machine: $(nproc) cores, $(uname -m); pinned to CPU ${CPU:-0}"
DOTNET_gcServer=0 "${pin[@]}" dotnet "$out/SignatureCostBenchmark.dll"
