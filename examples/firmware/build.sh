#!/usr/bin/env bash
# Builds examplecam-fw.bin, a flash image of the fictional Examplecam CAM-200 as vendors ship them: a U-Boot legacy
# uImage holding a (stand-in) gzip-compressed kernel at offset 0, padding to 0x10000, then the root file system
# (../vulnerable-rootfs) as an xz-compressed squashfs. The audit has to carve both parts out of the blob by content.
#
#   examples/firmware/build.sh        (needs mksquashfs from squashfs-tools, mkimage from u-boot-tools, gzip)
#
# Reproducible: fixed timestamps (SOURCE_DATE_EPOCH, honoured by mkimage and passed to mksquashfs), all files owned
# by root, no extended attributes, sorted input, gzip without name or time. The output is committed beside this
# script with its SHA-256 in SHA256SUMS; rebuild and compare with `sha256sum -c SHA256SUMS`.
set -euo pipefail
export LC_ALL=C SOURCE_DATE_EPOCH=1767225600 TZ=UTC
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rootfs="$here/../vulnerable-rootfs"
for tool in mksquashfs mkimage gzip; do
  command -v "$tool" > /dev/null || { echo "build.sh: '$tool' not found (apt-get install squashfs-tools u-boot-tools gzip)" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The kernel is a stand-in: a short text, so the example stays small and contains nothing anyone else wrote.
printf 'Examplecam CAM-200 kernel stand-in, version 4.14.0-examplecam\n%.0s' $(seq 1 64) > "$tmp/Image"
gzip -n -9 -c "$tmp/Image" > "$tmp/Image.gz"
mkimage -A arm -O linux -T kernel -C gzip -a 0x80008000 -e 0x80008000 -n "CAM-200 Linux-4.14.0" -d "$tmp/Image.gz" "$tmp/uImage" > /dev/null

mksquashfs "$rootfs" "$tmp/rootfs.squashfs" -comp xz -b 131072 -noappend -all-root -no-xattrs \
  -no-progress -quiet > /dev/null   # timestamps from SOURCE_DATE_EPOCH

# Flash layout: kernel partition 0x0-0xffff (padded with 0xff, as erased NOR flash reads), rootfs from 0x10000.
size=$(stat -c %s "$tmp/uImage")
(( size <= 0x10000 )) || { echo "build.sh: uImage is larger than its 64 KiB partition" >&2; exit 1; }
{ cat "$tmp/uImage"; head -c $((0x10000 - size)) /dev/zero | tr '\0' '\377'; cat "$tmp/rootfs.squashfs"; } > "$here/examplecam-fw.bin"
(cd "$here" && sha256sum examplecam-fw.bin > SHA256SUMS)
echo "wrote $here/examplecam-fw.bin ($(stat -c %s "$here/examplecam-fw.bin") bytes)"
