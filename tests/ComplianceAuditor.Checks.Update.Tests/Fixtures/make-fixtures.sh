#!/usr/bin/env bash
# Builds the ELF fixtures of the update-code evidence rules (CMP2038, CMP2039) into this folder.
# CI does not run it: the outputs are committed. Run it by hand after changing src/*.c; it needs Debian's gcc and
# binutils (strip). The output is deterministic: fixed locale, time and paths, no build-id, no debug information.
set -euo pipefail
export LC_ALL=C TZ=UTC SOURCE_DATE_EPOCH=1700000000
umask 022
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
flags="-O1 -g0 -Wl,--build-id=none -ffile-prefix-map=$here=. -frandom-seed=fixture"
cd "$here"
gcc $flags -DVERIFY -o ota-verified src/ota.c
gcc $flags -o ota-unverified src/ota.c
gcc $flags -o plain src/plain.c
strip -s -o ota-verified.stripped ota-verified
strip -s -o ota-unverified.stripped ota-unverified
sha256sum ota-verified ota-unverified plain ota-verified.stripped ota-unverified.stripped > SHA256SUMS
