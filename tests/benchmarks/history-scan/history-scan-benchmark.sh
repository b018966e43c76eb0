#!/usr/bin/env bash
# Speed and memory of ComplianceAuditor's git history scan against git itself producing every patch of the history.
#
#   tests/benchmarks/history-scan/history-scan-benchmark.sh [REPO]
#
# In one run:
#   1. builds the CLI (Release; skipped when AUDITOR names a built CLI);
#   2. takes REPO, or generates one with make-history-repo.sh (COMMITS commits, default 5000) in a temporary folder
#      that is removed at the end;
#   3. runs `git log -p --all > /dev/null` once untimed, so that both tools read the repository from the page cache;
#   4. RUNS rounds (default 3), each timing, under GNU `/usr/bin/time -f '%e %M'` (wall seconds, peak RSS in KB):
#        git -C REPO log -p --all > /dev/null
#        compliance-auditor audit REPO --as repo --history full --only <the secret and key rules> --format json --out TMP
#        HistoryScanBenchmark REPO   (the history scan alone, as the audit runs it, without the rules)
#      one after the other within a round, so that none always runs on a cooler machine;
#   5. prints the medians in a table and PASS/MISS against the targets: scan-alone / git ratio <= TARGET_RATIO (1.5),
#      the whole audit's peak memory < TARGET_MB (300 MB); the whole audit's ratio is printed beside them.
#
# Exit status: 0 both targets met, 1 a target missed, 2 something missing or a run failed (including a CLI that
# rejects --history or --as repo: the message says so).
# Environment: AUDITOR (a built CLI; default: build this checkout's), COMMITS (5000), RUNS (3), TARGET_RATIO (1.5),
# TARGET_MB (300), RULES (the --only list). Installs nothing; a missing tool is reported with its Debian package.
set -uo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
COMMITS=${COMMITS:-5000}
RUNS=${RUNS:-3}
TARGET_RATIO=${TARGET_RATIO:-1.5}
TARGET_MB=${TARGET_MB:-300}
# The detectors the history scan feeds: private keys, cloud and forge tokens, chat tokens, service passwords, test keys.
RULES=${RULES:-CMP2005,CMP2017,CMP2018,CMP2019,CMP2020,CMP2021,CMP2023,CMP2027}

die() { echo "history-scan-benchmark: $*" >&2; exit 2; }

[[ $# -le 1 ]] || die "usage: $0 [REPO]"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number"

missing=()
need() { command -v "$1" > /dev/null 2>&1 || missing+=("'$1' not found: install the Debian package '$2' (apt-get install -y $2)"); }
need git git
need awk mawk
need sort coreutils
[[ $# -eq 1 ]] || need python3 python3   # make-history-repo.sh needs it
[[ -x /usr/bin/time ]] && /usr/bin/time --version 2>&1 | grep -q 'GNU' \
  || missing+=("GNU time (/usr/bin/time) not found: install the Debian package 'time' (apt-get install -y time)")
if [[ -z ${AUDITOR:-} ]] && ! command -v dotnet > /dev/null 2>&1; then
  missing+=("'dotnet' not found: install the .NET 10 SDK (https://dotnet.microsoft.com/download), or set AUDITOR to a built compliance-auditor")
fi
if ((${#missing[@]})); then
  printf 'history-scan-benchmark: missing requirement(s):\n' >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/history-scan-benchmark.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# 1. the CLI
if [[ -n ${AUDITOR:-} ]]; then
  BIN=$AUDITOR
else
  echo "building the CLI (Release) ..."
  dotnet build "$root/src/ComplianceAuditor.Cli" -c Release -nologo -v quiet > "$TMP/build.log" 2>&1 \
    || { tail -n 30 "$TMP/build.log" >&2; die "the CLI did not build (dotnet build src/ComplianceAuditor.Cli -c Release)"; }
  BIN=$root/src/ComplianceAuditor.Cli/bin/Release/net10.0/compliance-auditor
fi
[[ -x $BIN ]] || die "no CLI at $BIN"

# 2. the repository
if [[ $# -eq 1 ]]; then
  [[ -d $1 ]] || die "'$1' is not a folder"
  REPO=$(cd "$1" && pwd)
  git -C "$REPO" rev-parse --git-dir > /dev/null 2>&1 || die "'$REPO' is not a git repository"
else
  echo "generating a $COMMITS-commit repository (make-history-repo.sh) ..."
  "$here/make-history-repo.sh" "$TMP/repo" "$COMMITS" > "$TMP/make.log" 2>&1 \
    || { cat "$TMP/make.log" >&2; die "make-history-repo.sh failed"; }
  sed -n '2,4p' "$TMP/make.log"
  REPO=$TMP/repo
fi

commits=$(git -C "$REPO" rev-list --all --count)
refs=$(git -C "$REPO" for-each-ref refs/heads refs/tags refs/remotes | wc -l)
files=$(git -C "$REPO" ls-files | wc -l)
size=$(du -sk "$(git -C "$REPO" rev-parse --absolute-git-dir)" | awk '{ printf "%.1f MB", $1 / 1024 }')

echo "history scan benchmark: $REPO"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); host: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
echo "repository: $commits commits, $refs branches and tags, $files files at HEAD, .git $size"
echo "git: $(git --version); ours: $BIN ($("$BIN" --version 2> /dev/null | head -n 1))"
echo "rules: $RULES"

# 3. warm the page cache (untimed)
git -C "$REPO" log -p --all > /dev/null 2> "$TMP/warm.err" || { cat "$TMP/warm.err" >&2; die "git log -p --all failed"; }

# GNU time writes "Command exited with non-zero status N" before the format line when the command fails: read the last line.
measure() { tail -n 1 "$1"; }

# The history scan alone, without the rules and the rest of the audit (built now, not timed).
SCAN_DIR="$TMP/scan-bench"
dotnet build "$(dirname "${BASH_SOURCE[0]}")/HistoryScanBenchmark.csproj" -c Release -o "$SCAN_DIR" -nologo -v quiet > /dev/null \
  || die "could not build HistoryScanBenchmark.csproj"

# 4. alternating rounds
git_wall=() git_kb=() ours_wall=() ours_kb=() scan_wall=() scan_kb=()
for ((i = 1; i <= RUNS; i++)); do
  /usr/bin/time -f '%e %M' -o "$TMP/git.time" git -C "$REPO" log -p --all > /dev/null 2> "$TMP/git.err" \
    || { cat "$TMP/git.err" >&2; die "git log -p --all failed"; }
  read -r wall kb <<< "$(measure "$TMP/git.time")"
  git_wall+=("$wall") git_kb+=("$kb")
  echo "round $i: git  ${wall} s, $((kb / 1024)) MB"

  out="$TMP/out"
  rm -rf "$out"
  /usr/bin/time -f '%e %M' -o "$TMP/ours.time" "$BIN" audit "$REPO" --as repo --history full --only "$RULES" \
    --format json --out "$out" > "$TMP/ours.log" 2>&1
  rc=$?
  if [[ $rc -ne 0 || ! -s $out/report.json ]]; then
    tail -n 20 "$TMP/ours.log" >&2
    # Usage errors (exit 2; 1 from a parser that reports them so) that name the new options mean a CLI without them.
    if [[ $rc -le 2 ]] && grep -qiE -- "--history|--as|unrecognized|not recognized|unknown option|'repo'" "$TMP/ours.log"; then
      die "the CLI rejected the command line (exit $rc): this build of compliance-auditor does not accept '--as repo --history full' yet"
    fi
    case $rc in
      3) die "our audit failed (exit 3): the rules built into the CLI do not verify (see above)" ;;
      *) die "our audit failed (exit $rc, no report.json)" ;;
    esac
  fi
  read -r wall kb <<< "$(measure "$TMP/ours.time")"
  ours_wall+=("$wall") ours_kb+=("$kb")
  echo "round $i: ours ${wall} s, $((kb / 1024)) MB"

  /usr/bin/time -f '%e %M' -o "$TMP/scan.time" dotnet "$SCAN_DIR/HistoryScanBenchmark.dll" "$REPO" > "$TMP/scan.log" 2>&1 \
    || { cat "$TMP/scan.log" >&2; die "the history scan alone failed"; }
  read -r wall kb <<< "$(measure "$TMP/scan.time")"
  scan_wall+=("$wall") scan_kb+=("$kb")
  echo "round $i: scan ${wall} s, $((kb / 1024)) MB ($(cat "$TMP/scan.log"))"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
max() { printf '%s\n' "$@" | sort -g | tail -n 1; }

gw=$(median "${git_wall[@]}")
gk=$(median "${git_kb[@]}")
ow=$(median "${ours_wall[@]}")
ok=$(median "${ours_kb[@]}")
sw=$(median "${scan_wall[@]}")
sk=$(median "${scan_kb[@]}")
ratio=$(awk -v o="$ow" -v g="$gw" 'BEGIN { if (g > 0) printf "%.2f", o / g; else print "inf" }')
scan_ratio=$(awk -v o="$sw" -v g="$gw" 'BEGIN { if (g > 0) printf "%.2f", o / g; else print "inf" }')
# The target compares the history scan with git producing the patches; the whole audit's ratio is shown beside it.
speed=$(awk -v r="$scan_ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r != "inf" && r + 0 <= t + 0) ? "PASS" : "MISS" }')
memory=$(awk -v k="$ok" -v t="$TARGET_MB" 'BEGIN { print (k / 1024 < t + 0) ? "PASS" : "MISS" }')

# What the last audit found, for information (the redacted report names rule, outcome and artifact).
findings=""
if command -v python3 > /dev/null 2>&1; then
  findings=$(python3 - "$out/report.json" << 'PY'
import json, sys
results = json.load(open(sys.argv[1], encoding="utf-8")).get("results", [])
counts = {}
for r in results:
    if r.get("outcome") == "fail":
        counts[r.get("ruleId", "?")] = counts.get(r.get("ruleId", "?"), 0) + 1
print(", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none")
PY
  )
fi

echo
echo "=== results: $commits commits, $files files at HEAD, $RUNS rounds"
printf '%-34s %12s %16s   %s\n' "" "wall s (med)" "peak RSS MB (med)" "wall s of each run"
printf '%-34s %12s %16s   %s\n' "git log -p --all > /dev/null" "$gw" "$(mb "$gk")" "${git_wall[*]}"
printf '%-34s %12s %16s   %s\n' "history scan alone" "$sw" "$(mb "$sk")" "${scan_wall[*]}"
printf '%-34s %12s %16s   %s\n' "compliance-auditor --history full" "$ow" "$(mb "$ok")" "${ours_wall[*]}"
echo
printf '%-34s %s (target <= %s)  %s\n' "ratio scan / git (wall)" "$scan_ratio" "$TARGET_RATIO" "$speed"
printf '%-34s %s (startup, rules, the tree and the report included)\n' "ratio whole audit / git (wall)" "$ratio"
printf '%-34s %s MB, highest run %s MB (target < %s MB)  %s\n' "our peak memory (median)" "$(mb "$ok")" "$(mb "$(max "${ours_kb[@]}")")" "$TARGET_MB" "$memory"
[[ -n $findings ]] && printf '%-34s %s\n' "failures in the last report" "$findings"
[[ $speed == PASS && $memory == PASS ]] && exit 0 || exit 1
