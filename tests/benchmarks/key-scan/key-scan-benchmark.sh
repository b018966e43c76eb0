#!/usr/bin/env bash
# Speed of the secret byte scans on one core: key material (candidates, then parsed) and built-in default logins.
# Usage: tests/benchmarks/key-scan/key-scan-benchmark.sh [DIR]      (default DIR: /usr/lib/x86_64-linux-gnu)
#        MAX_MB=500 CPU=1 tests/benchmarks/key-scan/key-scan-benchmark.sh DIR
# Builds the benchmark in Release, reads every regular file under DIR into memory (the read time is printed but
# kept out of the figures), then on one thread and one pinned core measures the candidate scan alone (best of three)
# and scan + validation (every candidate parsed), and prints MB/s and the counts. Exit status 0 = the scan reaches
# TARGET_MBPS (default 500) MB/s per core, 1 = it does not, 2 = setup error.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-/usr/lib/x86_64-linux-gnu}
target=${TARGET_MBPS:-500}
cpu=${CPU:-0}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

[ -d "$dir" ] || { echo "no such directory: $dir" >&2; exit 2; }
dotnet build "$here/KeyScanBenchmark.csproj" -c Release -o "$out" -nologo -v quiet >/dev/null || { echo "build failed" >&2; exit 2; }

pin=()
if command -v taskset >/dev/null; then pin=(taskset -c "$cpu"); else echo "taskset not found (package util-linux): not pinned" >&2; fi
args=("$dir")
[ -n "${MAX_MB:-}" ] && args+=(--max-mb "$MAX_MB")
echo "directory: $dir; machine: $(nproc) cores, $(uname -m); pinned to CPU ${cpu}"
report=$(DOTNET_gcServer=0 "${pin[@]}" dotnet "$out/KeyScanBenchmark.dll" "${args[@]}")
echo "$report"

mbps=$(echo "$report" | sed -n 's/^scan only: *\([0-9]*\) MB\/s.*/\1/p')
logins=$(echo "$report" | sed -n 's/^default logins: *\([0-9]*\) MB\/s.*/\1/p')
if [ -z "$mbps" ] || [ -z "$logins" ]; then echo "could not read the scan figures" >&2; exit 2; fi
status=0
for pair in "key scan:$mbps" "default-login scan:$logins"; do
  name=${pair%%:*}; value=${pair##*:}
  if [ "$value" -ge "$target" ]; then echo "PASS: $name $value MB/s per core >= $target"; else echo "FAIL: $name $value MB/s per core < $target"; status=1; fi
done
exit $status
