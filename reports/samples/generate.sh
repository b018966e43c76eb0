#!/usr/bin/env bash
# Regenerates the sample reports from examples/ at a fixed time (SOURCE_DATE_EPOCH), so that the committed files are
# exactly what the tool produces and a test can compare them byte for byte. Review the diff before committing.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export SOURCE_DATE_EPOCH=1767225600   # 2026-01-01T00:00:00Z, the time the drift test uses
dotnet build "$root/src/ComplianceAuditor.Cli" -c Release -v quiet -nologo >/dev/null
# sample name = example path (a root file system folder, or a firmware file the audit unpacks)
# The example repository is built from examples/make-device-repo.sh (same commit ids everywhere) into a temporary folder.
repo_parent="$(mktemp -d)"
trap 'rm -rf "$repo_parent"' EXIT
bash "$root/examples/make-device-repo.sh" "$repo_parent" >/dev/null
for pair in vulnerable-rootfs=vulnerable-rootfs clean-rootfs=clean-rootfs examplecam-fw=firmware/examplecam-fw.bin examplecam-repo="$repo_parent/examplecam-repo"; do
  out="$root/reports/samples/${pair%%=*}"
  rm -rf "$out"
  dotnet run --project "$root/src/ComplianceAuditor.Cli" -c Release --no-build -- \
    audit "$(case ${pair#*=} in /*) echo "${pair#*=}" ;; *) echo "$root/examples/${pair#*=}" ;; esac)" --out "$out" --format all
done
# The example camera again, with its manufacturer's declaration and the team's waivers (examples/declarations,
# examples/waivers): what a lab's report looks like when the manufacturer has answered.
out="$root/reports/samples/examplecam-fw-declared"
rm -rf "$out"
dotnet run --project "$root/src/ComplianceAuditor.Cli" -c Release --no-build -- \
  audit "$root/examples/firmware/examplecam-fw.bin" --out "$out" --format all \
  --declaration "$root/examples/declarations/examplecam.yaml" --waivers "$root/examples/waivers/examplecam.yaml"
