#!/usr/bin/env bash
# Rendering cost of every report format for a large audit: a real report (default: the vulnerable-rootfs sample)
# grown to N failures (default 2,000), rendered once in a cold process, as the CLI does after an audit.
# Usage: tests/benchmarks/report-render/report-render-benchmark.sh [REPORT.json] [N]
# Targets (issue 10): all formats in under MAX_SECONDS (5) and under MAX_MB (500) peak resident memory.
# Peer, measured in the same run when Debian's chromium is installed: Chromium printing our own report.html to PDF,
# the usual way to get a PDF from an HTML report; the ratio puts our PDF writer's time beside it.
# Exit status 0 = both targets met, 1 = not, 2 = setup error.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
report=${1:-$root/reports/samples/vulnerable-rootfs/report.json}
findings=${2:-2000}
max_seconds=${MAX_SECONDS:-5}
max_mb=${MAX_MB:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -f "$report" ] || { echo "no such report: $report" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is missing (Debian package 'time')" >&2; exit 2; }
dotnet build "$here/ReportRenderBenchmark.csproj" -c Release -o "$work/bin" -nologo -v quiet >/dev/null || { echo "build failed" >&2; exit 2; }

echo "machine: $(nproc) cores, $(uname -m); report: $report; failures: $findings"
/usr/bin/time -f 'max resident: %M KiB, wall %e s' -o "$work/time.txt" \
  dotnet "$work/bin/ReportRenderBenchmark.dll" "$report" "$work/out" --findings "$findings" | tee "$work/run.txt"
cat "$work/time.txt"

seconds=$(sed -n 's/^total: \([0-9.]*\) s$/\1/p' "$work/run.txt")
pdf=$(sed -n 's/^pdf *\([0-9.]*\) s.*/\1/p' "$work/run.txt")
rss_kib=$(sed -n 's/^max resident: \([0-9]*\) KiB.*/\1/p' "$work/time.txt")
[ -n "$seconds" ] && [ -n "$rss_kib" ] || { echo "could not read the figures" >&2; exit 2; }
rss_mb=$((rss_kib / 1024))

if command -v chromium >/dev/null; then
  start=$(date +%s.%N)
  chromium --headless=new --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/chromium.pdf" \
    "file://$work/out/report.html" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  if [ -s "$work/chromium.pdf" ]; then
    awk -v s="$start" -v e="$end" -v p="$pdf" 'BEGIN { c = e - s; printf "peer: chromium --print-to-pdf of report.html %.3f s; our PDF writer %.3f s = %.2fx of the peer\n", c, p, p / c }'
  else
    echo "peer: chromium produced no PDF (not compared)"
  fi
else
  echo "peer: chromium not installed (Debian package 'chromium'); not compared"
fi

status=0
if awk -v s="$seconds" -v m="$max_seconds" 'BEGIN { exit !(s < m) }'; then echo "PASS: all formats in $seconds s < $max_seconds s"; else echo "FAIL: all formats in $seconds s >= $max_seconds s"; status=1; fi
if [ "$rss_mb" -lt "$max_mb" ]; then echo "PASS: peak resident $rss_mb MB < $max_mb MB"; else echo "FAIL: peak resident $rss_mb MB >= $max_mb MB"; status=1; fi
exit $status
