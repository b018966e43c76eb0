#!/usr/bin/env bash
# What the ComplianceAuditor analyzers add to a build: compiles this repository's src/ projects with and without
# the analyzers, several rounds alternating, and prints the compiler's time (the Csc task) and the wall time of each,
# with the ratio. Target: under 10 % added compile time.
#
#   tests/benchmarks/analyzer-build-time/analyzer-build-time.sh [rounds]   (default 3)
#
# Both builds are the repository's real configuration (its .NET analyzers and code-style checks included), with
# --no-incremental so every project compiles every round. The analyzers come from a Release build of
# src/ComplianceAuditor.Analyzers, added to every project by AddAnalyzers.targets.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
rounds="${1:-3}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CI=false

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/ComplianceAuditor.Analyzers" -c Release --artifacts-path "$work/analyzers" >/dev/null
dll="$(find "$work/analyzers/bin" -name ComplianceAuditor.Analyzers.dll | head -n 1)"
[ -n "$dll" ] || { echo "error: the analyzer assembly was not built" >&2; exit 1; }

dotnet restore "$root/ComplianceAuditor.sln" >/dev/null

# Prints "<csc ms> <wall ms>" for one build.
measure() {
  local extra=("$@") log="$work/build.log" start end
  start=$(date +%s%N)
  dotnet msbuild "$root/ComplianceAuditor.sln" -t:Rebuild -p:Configuration=Debug -m:2 -nologo -v:q \
    -clp:PerformanceSummary -p:CustomAfterMicrosoftCommonTargets="$here/AddAnalyzers.targets" "${extra[@]}" >"$log" \
    || { echo "error: the build failed; its last lines:" >&2; grep -E 'error' "$log" | head -n 20 >&2; exit 1; }
  end=$(date +%s%N)
  local csc
  csc=$(awk '/Task Performance Summary/{t=1} t && $3=="Csc" {print $1; exit}' "$log")
  echo "${csc:-0} $(( (end - start) / 1000000 ))"
}

echo "codebase: ComplianceAuditor.sln, $(cd "$root" && ls src/*/*.csproj tests/*/*.csproj | wc -l) projects, $(cd "$root" && find src tests -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' | xargs cat | wc -l) lines of C# (Debug, rebuilt each round)"
echo "analyzers: $dll"
measure >/dev/null   # warm-up: JIT of msbuild and the compiler server
without_csc=0; with_csc=0; without_wall=0; with_wall=0
for i in $(seq 1 "$rounds"); do
  read -r c w < <(measure)
  without_csc=$((without_csc + c)); without_wall=$((without_wall + w))
  read -r c2 w2 < <(measure -p:ComplianceAuditorAnalyzers="$dll")
  with_csc=$((with_csc + c2)); with_wall=$((with_wall + w2))
  echo "round $i: without $c ms compile / $w ms wall; with $c2 ms compile / $w2 ms wall"
done
awk -v a="$without_csc" -v b="$with_csc" -v c="$without_wall" -v d="$with_wall" -v n="$rounds" 'BEGIN {
  printf "mean compile (Csc): without %.0f ms, with %.0f ms: ratio %.3f (+%.1f %%)\n", a/n, b/n, b/a, (b-a)*100/a;
  printf "mean wall:          without %.0f ms, with %.0f ms: ratio %.3f (+%.1f %%)\n", c/n, d/n, d/c, (d-c)*100/c;
  printf "target: under 10 %% added compile time: %s\n", ((b-a)*100/a < 10) ? "PASS" : "MISS";
}'
