#!/usr/bin/env bash
# Speed and memory of ComplianceAuditor's audit against Debian's checksec (2.6.0) on one large directory.
#
#   tests/benchmarks/hardening-benchmark.sh [DIR]        (default DIR: /usr/lib/x86_64-linux-gnu)
#
# In one run, over the same directory:
#   1. counts the regular files and the ELF files among them (as checksec does: `find -type f`, then file(1));
#   2. warms the page cache (cat of every regular file into /dev/null), so both tools read from memory;
#   3. runs our built CLI twice on checksec's scope, the binary-hardening rules:
#      `compliance-auditor audit DIR --only 'CMP1*' --out TMP --format json`, each under `/usr/bin/time -v`, and
#      keeps the better wall time (build time is excluded: the built binary is used, not `dotnet run`) and the
#      higher maximum resident set size of the two runs; then once with every rule (keys, secrets, credentials
#      and the rest too), printed for information and not judged, since checksec does none of that;
#   4. runs `checksec --dir=DIR --output=json > /dev/null` once and times it;
#   5. prints both wall times, the ratio (checksec time / our time), our peak memory in MB, and PASS/FAIL
#      against the targets: at least 50x faster than checksec, peak memory under 300 MB.
#
# Exit status: 0 when both targets pass, 1 when one fails, 2 when something is missing or a run fails.
# Environment: AUDITOR (our CLI; default: the Release build in this checkout), TARGET_RATIO (50), TARGET_MB (300).
# Installs nothing; a missing tool is reported with the Debian package that provides it.
# checksec on /usr/lib/x86_64-linux-gnu (2190 ELF files) takes about 5-6 minutes on 2 cores.

set -uo pipefail
export LC_ALL=C

DIR=${1:-/usr/lib/x86_64-linux-gnu}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${AUDITOR:-$REPO/src/ComplianceAuditor.Cli/bin/Release/net10.0/compliance-auditor}
TARGET_RATIO=${TARGET_RATIO:-50}
TARGET_MB=${TARGET_MB:-300}

die() { echo "hardening-benchmark: $*" >&2; exit 2; }

missing=()
need() { command -v "$1" > /dev/null 2>&1 || missing+=("'$1' not found: install the Debian package '$2' (apt-get install -y $2)"); }
need checksec checksec
need readelf binutils   # checksec needs it
need file file          # checksec needs it
need find findutils
need xargs findutils
need awk mawk
[[ -x /usr/bin/time ]] && /usr/bin/time --version 2>&1 | grep -q 'GNU' \
  || missing+=("GNU time (/usr/bin/time -v) not found: install the Debian package 'time' (apt-get install -y time)")
if ((${#missing[@]})); then
  printf 'hardening-benchmark: missing requirement(s):\n' >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 2
fi
[[ -x "$BIN" ]] || die "our CLI is not built: $BIN (run: dotnet build src/ComplianceAuditor.Cli -c Release)"
[[ -d "$DIR" ]] || die "'$DIR' is not a directory"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/hardening-benchmark.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

echo "hardening benchmark: $DIR"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); host: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
echo "checksec: $(checksec --version 2> /dev/null | head -n 1)"
echo "ours:     $BIN"

# 1. files, and ELF files as checksec counts them (file(1) says ELF).
files=$(find "$DIR" -type f 2> /dev/null | wc -l)
elf=$(find "$DIR" -type f -print0 2> /dev/null | xargs -0 -r file -N -F $'\t' 2> /dev/null \
  | awk -F'\t' '$NF ~ /ELF/ { n++ } END { print n + 0 }')   # "ELF" anywhere, as checksec (file says "setgid ELF ...")
bytes=$(find "$DIR" -type f -printf '%s\n' 2> /dev/null | awk '{ s += $1 } END { printf "%.0f", s / 1048576 }')
echo "files: $files regular files ($bytes MB), $elf ELF files"

# 2. warm page cache for both tools.
echo "warming the page cache ..."
find "$DIR" -type f -print0 2> /dev/null | xargs -0 -r cat > /dev/null 2>&1

# 3. ours, twice.
best=""
peak_kb=0
ours_elf=""
for run in 1 2; do
  out="$TMP/ours$run"
  start=$(now)
  /usr/bin/time -v -o "$TMP/time$run" "$BIN" audit "$DIR" --only 'CMP1*' --out "$out" --format json > "$TMP/ours$run.log" 2>&1
  rc=$?
  end=$(now)
  if [[ $rc -ne 0 || ! -s "$out/report.json" ]]; then
    tail -n 20 "$TMP/ours$run.log" >&2
    die "our audit failed (exit $rc)"
  fi
  wall=$(elapsed "$start" "$end")
  kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$TMP/time$run")
  echo "ours run $run: ${wall} s wall, max RSS $(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }') MB"
  if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
  ((kb > peak_kb)) && peak_kb=$kb
  ours_elf=$(grep -Ec '"kind": ?"elf"' "$out/report.json")
done
echo "ours: $ours_elf ELF artifacts in the report"
/usr/bin/time -v -o "$TMP/time-all" "$BIN" audit "$DIR" --out "$TMP/ours-all" --format json > "$TMP/ours-all.log" 2>&1 \
  || { tail -n 20 "$TMP/ours-all.log" >&2; die "our full audit failed"; }
all_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$TMP/time-all")
all_mb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); printf "%.0f", $2 / 1024 }' "$TMP/time-all")
echo "ours with every rule (information): ${all_wall} s wall, max RSS ${all_mb} MB"

# 4. checksec, once.
echo "running checksec --dir (once) ..."
start=$(now)
checksec --dir="$DIR" --output=json > /dev/null 2> "$TMP/checksec.err"
rc=$?
end=$(now)
[[ $rc -eq 0 ]] || { tail -n 20 "$TMP/checksec.err" >&2; die "checksec failed (exit $rc)"; }
cs=$(elapsed "$start" "$end")

# 5. summary.
ratio=$(awk -v c="$cs" -v o="$best" 'BEGIN { printf "%.1f", c / o }')
peak_mb=$(awk -v k="$peak_kb" 'BEGIN { printf "%.0f", k / 1024 }')
speed_ok=$(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r >= t) ? "PASS" : "FAIL" }')
mem_ok=$(awk -v m="$peak_kb" -v t="$TARGET_MB" 'BEGIN { print (m / 1024 < t) ? "PASS" : "FAIL" }')

echo
echo "=== results: $DIR"
printf '%-28s %s\n' "files / ELF files" "$files / $elf (ours: $ours_elf ELF artifacts)"
printf '%-28s %s s\n' "checksec wall time" "$cs"
printf '%-28s %s s (best of 2, hardening rules)\n' "ours wall time" "$best"
printf '%-28s %s s, %s MB (not judged)\n' "ours with every rule" "$all_wall" "$all_mb"
printf '%-28s %sx\n' "ratio (checksec / ours)" "$ratio"
printf '%-28s %s MB (max of 2 runs)\n' "ours peak memory (max RSS)" "$peak_mb"
printf '%-28s %s (target: >= %sx faster than checksec)\n' "speed" "$speed_ok" "$TARGET_RATIO"
printf '%-28s %s (target: < %s MB)\n' "memory" "$mem_ok" "$TARGET_MB"
[[ $speed_ok == PASS && $mem_ok == PASS ]] && exit 0 || exit 1
