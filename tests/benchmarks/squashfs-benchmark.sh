#!/usr/bin/env bash
# Speed and memory of our squashfs extraction against unsquashfs (squashfs-tools) on one image.
#
#   tests/benchmarks/squashfs-benchmark.sh [SIZE_MB]        (default 96, at least 64)
#
# In one run:
#   1. copies regular files of SOURCE_DIR (default /usr/lib/x86_64-linux-gnu; files with one link only, in path
#      order) into a temporary tree until SIZE_MB MB of data, and packs it with mksquashfs (COMP: gzip by default,
#      or xz, zstd, lz4, lzma; 128 KiB blocks);
#   2. warms the page cache (the image is read once);
#   3. runs ROUNDS rounds (default 3), each unpacking it once with `unsquashfs -q -n -d DIR IMAGE` (multi-threaded,
#      its default), once with `unsquashfs -p 1` (one thread) and once with ours, `compliance-auditor unpack IMAGE
#      --out DIR` under `/usr/bin/time -v`, each run starting after `sync` with no output left; keeps the best wall
#      time of each and our highest maximum resident set size;
#   4. prints the times, the ratios ours / unsquashfs, our peak memory, the files each wrote, and PASS/FAIL against
#      the targets: ratio to default unsquashfs <= 1.5, peak memory < 256 MB.
#
# Exit status: 0 when both targets pass, 1 when one fails, 2 when something is missing or a run fails.
# Environment: AUDITOR (our CLI, or any program taking `unpack IMAGE --out DIR`; default: the Release build in this
# checkout), COMP (gzip), ROUNDS (3), SOURCE_DIR, TARGET_RATIO (1.5), TARGET_MB (256).
# Installs nothing; a missing tool is reported with the Debian package that provides it.

set -uo pipefail
export LC_ALL=C

SIZE_MB=${1:-96}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${AUDITOR:-$REPO/src/ComplianceAuditor.Cli/bin/Release/net10.0/compliance-auditor}
COMP=${COMP:-gzip}
SOURCE_DIR=${SOURCE_DIR:-/usr/lib/x86_64-linux-gnu}
TARGET_RATIO=${TARGET_RATIO:-1.5}
TARGET_MB=${TARGET_MB:-256}
ROUNDS=${ROUNDS:-3}

die() { echo "squashfs-benchmark: $*" >&2; exit 2; }

missing=()
need() { command -v "$1" > /dev/null 2>&1 || missing+=("'$1' not found: install the Debian package '$2' (apt-get install -y $2)"); }
need mksquashfs squashfs-tools
need unsquashfs squashfs-tools
need tar tar
need find findutils
need awk mawk
[[ -x /usr/bin/time ]] && /usr/bin/time --version 2>&1 | grep -q 'GNU' \
  || missing+=("GNU time (/usr/bin/time -v) not found: install the Debian package 'time' (apt-get install -y time)")
if ((${#missing[@]})); then
  printf 'squashfs-benchmark: missing requirement(s):\n' >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 2
fi
[[ $SIZE_MB =~ ^[0-9]+$ ]] && ((SIZE_MB >= 64)) || die "SIZE_MB must be a whole number of at least 64 (got '$SIZE_MB')"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a whole number of at least 1 (got '$ROUNDS')"
[[ -x "$BIN" ]] || die "our CLI is not built: $BIN (run: dotnet build src/ComplianceAuditor.Cli -c Release, or set AUDITOR)"
[[ -d "$SOURCE_DIR" ]] || die "SOURCE_DIR '$SOURCE_DIR' is not a directory"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/squashfs-benchmark.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
better() { if [[ -z "$1" ]] || awk -v a="$2" -v b="$1" 'BEGIN { exit !(a < b) }'; then echo "$2"; else echo "$1"; fi; }
count_files() { find "$1" -type f | wc -l; }

echo "squashfs benchmark: $SIZE_MB MB of $SOURCE_DIR, $COMP"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); host: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "unsquashfs: $(unsquashfs -version 2> /dev/null | head -n 1)"
echo "ours:       $BIN"

# 1. the tree and the image.
(cd "$SOURCE_DIR" && find . -type f -links 1 -printf '%s\t%P\n' 2> /dev/null | sort -t$'\t' -k2 \
  | awk -F'\t' -v max=$((SIZE_MB * 1048576)) '{ if (sum >= max) exit; sum += $1; print $2 }') > "$TMP/files.txt"
mkdir "$TMP/tree"
tar -C "$SOURCE_DIR" -cf - -T "$TMP/files.txt" 2> /dev/null | tar -C "$TMP/tree" -xf - || die "copying files from $SOURCE_DIR failed"
tree_mb=$(du -sm --apparent-size "$TMP/tree" | cut -f1)
((tree_mb >= SIZE_MB)) || echo "note: $SOURCE_DIR holds only $tree_mb MB of such files"
IMG=$TMP/bench.sqfs
mksquashfs "$TMP/tree" "$IMG" -comp "$COMP" -noappend -no-xattrs -quiet -no-progress > "$TMP/mksquashfs.log" 2>&1 \
  || { tail -n 5 "$TMP/mksquashfs.log" >&2; die "mksquashfs failed"; }
rm -rf "$TMP/tree"
echo "image: $(wc -l < "$TMP/files.txt") files, $tree_mb MB of data, image $(du -m --apparent-size "$IMG" | cut -f1) MB"

# 2. warm cache.
cat "$IMG" > /dev/null

# 3. ROUNDS rounds, each running unsquashfs (default threads), unsquashfs -p 1 and ours once, in that order, so
#    that all three see the same machine state; before every run the previous output is removed and `sync` writes
#    back dirty pages, so no run pays for another's writeback. The best wall time of each is kept, and our highest
#    maximum resident set size.
timed_run() { # NAME OUTPUT-DIR COMMAND... ; prints the wall time
  local name=$1 out=$2 start end rc
  shift 2
  rm -rf "$out"
  sync
  start=$(now)
  "$@" > "$TMP/$name.log" 2>&1
  rc=$?
  end=$(now)
  if [[ $rc -ne 0 ]]; then
    tail -n 20 "$TMP/$name.log" >&2
    die "$name failed (exit $rc)"
  fi
  elapsed "$start" "$end"
}

unsq="" unsq1="" best="" peak_kb=0
for ((run = 1; run <= ROUNDS; run++)); do
  t=$(timed_run unsquashfs "$TMP/unsq" unsquashfs -q -n -d "$TMP/unsq" "$IMG") || exit 2
  unsq=$(better "$unsq" "$t")
  unsq_files=$(count_files "$TMP/unsq")
  t1=$(timed_run unsquashfs-p1 "$TMP/unsq" unsquashfs -q -n -p 1 -d "$TMP/unsq" "$IMG") || exit 2
  unsq1=$(better "$unsq1" "$t1")
  wall=$(timed_run ours "$TMP/ours" /usr/bin/time -v -o "$TMP/time" "$BIN" unpack "$IMG" --out "$TMP/ours") || exit 2
  best=$(better "$best" "$wall")
  kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$TMP/time")
  ((kb > peak_kb)) && peak_kb=$kb
  ours_files=$(count_files "$TMP/ours")
  echo "round $run: unsquashfs $t s, unsquashfs -p 1 $t1 s, ours $wall s (max RSS $(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }') MB)"
done
rm -rf "$TMP/unsq" "$TMP/ours"

# 4. summary.
ratio=$(awk -v o="$best" -v u="$unsq" 'BEGIN { printf "%.2f", o / u }')
ratio1=$(awk -v o="$best" -v u="$unsq1" 'BEGIN { printf "%.2f", o / u }')
peak_mb=$(awk -v k="$peak_kb" 'BEGIN { printf "%.0f", k / 1024 }')
speed_ok=$(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r <= t) ? "PASS" : "FAIL" }')
mem_ok=$(awk -v m="$peak_kb" -v t="$TARGET_MB" 'BEGIN { print (m / 1024 < t) ? "PASS" : "FAIL" }')

echo
echo "=== results: $SIZE_MB MB, $COMP"
printf '%-34s %s\n' "files written (unsquashfs / ours)" "$unsq_files / $ours_files"
printf '%-34s %s s\n' "unsquashfs wall time (default)" "$unsq"
printf '%-34s %s s\n' "unsquashfs wall time (-p 1)" "$unsq1"
printf '%-34s %s s (best of %s)\n' "ours wall time" "$best" "$ROUNDS"
printf '%-34s %s (-p 1: %s)\n' "ratio ours / unsquashfs" "$ratio" "$ratio1"
printf '%-34s %s MB (max of %s runs)\n' "ours peak memory (max RSS)" "$peak_mb" "$ROUNDS"
printf '%-34s %s (target: ratio <= %s)\n' "speed" "$speed_ok" "$TARGET_RATIO"
printf '%-34s %s (target: < %s MB)\n' "memory" "$mem_ok" "$TARGET_MB"
[[ $speed_ok == PASS && $mem_ok == PASS ]] && exit 0 || exit 1
