#!/usr/bin/env bash
# Opens each HTML report in headless Chromium, as an engineer's browser would, and fails (exit 1, naming the file)
# when the page does not come up: no screenshot, a screenshot that is (nearly) one colour, or anything written to the
# browser console. Our report writes nothing there, so any console line is a fault: an uncaught exception, a
# Content-Security-Policy refusal (a script whose hash no longer matches, a request to load something) or an error.
#
#   .ci/html-check.sh out/examplecam/report.html [more.html ...]
#
# HTML_CHECK_SHOTS=DIR keeps the screenshots there (for CI artifacts); otherwise they go to a temporary folder.
# Needs chromium (Debian package; installed here when missing) and python3 (the PNG is read with its zlib only).
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 report.html [more.html ...]" >&2
  exit 2
fi

if ! command -v chromium >/dev/null; then
  echo "installing: chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shots=${HTML_CHECK_SHOTS:-$work/shots}
mkdir -p "$shots"

# Share of pixels (in per mille) that must differ from the top-left pixel's colour: a rendered report covers far
# more than this; a blank page, or one that shows only a line of text, does not.
min_ink_permille=5

# Prints "differing total" for a PNG: 8-bit grey, RGB or RGBA, not interlaced (what Chromium writes).
ink() {
  python3 - "$1" <<'PY'
import struct, sys, zlib

with open(sys.argv[1], 'rb') as f:
    data = f.read()
if data[:8] != b'\x89PNG\r\n\x1a\n':
    sys.exit('not a PNG')
pos, idat, head = 8, [], None
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    if kind == b'IHDR':
        head = struct.unpack('>IIBBBBB', data[pos + 8:pos + 8 + length])
    elif kind == b'IDAT':
        idat.append(data[pos + 8:pos + 8 + length])
    pos += 12 + length
width, height, depth, colour, _, _, interlace = head
channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
if depth != 8 or channels is None or interlace:
    sys.exit('unsupported PNG layout')
raw = zlib.decompress(b''.join(idat))
stride = width * channels
prev = bytearray(stride)
background, different = None, 0
for y in range(height):
    start = y * (stride + 1)
    kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
    # Undo the PNG row filters (none, sub, up, average, Paeth).
    if kind == 1:
        for i in range(channels, stride):
            line[i] = (line[i] + line[i - channels]) & 255
    elif kind == 2:
        line = bytearray((a + b) & 255 for a, b in zip(line, prev))
    elif kind == 3:
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
    elif kind == 4:
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], (prev[i - channels] if i >= channels else 0)
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if background is None:
        background = bytes(line[:channels])
    row = bytes(line)
    if row != background * width:
        different += sum(1 for x in range(0, stride, channels) if row[x:x + channels] != background)
    prev = line
print(different, width * height)
PY
}

failed=0
n=0
for page in "$@"; do
  n=$((n + 1))
  bad=0
  if [ ! -f "$page" ]; then
    echo "FAIL $page: no such file"
    failed=1
    continue
  fi
  shot="$shots/$n-$(basename "$page" .html).png"
  log="$work/$n.log"
  rm -f "$shot"
  # A fresh profile per page, so runs never share state or lock each other out; --no-sandbox because CI runs as root.
  timeout 120 chromium --headless=new --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile-$n" \
    --screenshot="$shot" --window-size=1280,2000 --enable-logging=stderr --v=0 \
    "file://$(realpath "$page")" >"$work/$n.out" 2>"$log" || true
  if [ ! -s "$shot" ]; then
    echo "FAIL $page: Chromium wrote no screenshot"
    grep -v -i 'dbus' "$log" | tail -n 5 | sed 's/^/  /'
    failed=1
    continue
  fi
  if ! read -r ink_px total_px < <(ink "$shot"); then
    echo "FAIL $page: cannot read the screenshot $shot"
    failed=1
    continue
  fi
  if [ $((ink_px * 1000)) -lt $((total_px * min_ink_permille)) ]; then
    echo "FAIL $page: the page looks blank ($ink_px of $total_px pixels differ from the background;${HTML_CHECK_SHOTS:+ screenshot $shot}${HTML_CHECK_SHOTS:- keep the screenshot with HTML_CHECK_SHOTS=DIR})"
    bad=1
  fi
  # Chromium logs every console message as INFO:CONSOLE, whatever its level; the report itself logs none.
  if grep -q -E ':CONSOLE[:(]|Uncaught' "$log"; then
    echo "FAIL $page: the browser console reported:"
    grep -E ':CONSOLE[:(]|Uncaught' "$log" | sed -e 's/^\[[^]]*\] /  /' | head -n 10
    bad=1
  fi
  if [ "$bad" -eq 0 ]; then
    echo "ok   $page ($ink_px of $total_px pixels drawn, no console message)"
  else
    failed=1
  fi
done
exit "$failed"
