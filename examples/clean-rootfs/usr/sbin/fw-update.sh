#!/bin/sh
#
# Nightly firmware update check for the CAM-200.
# The channel is HTTPS with the vendor's update CA pinned, and every image
# must carry a signature made with the release key before it is installed.
#

set -eu

UPDATE_URL="https://updates.examplecam.example/cam200"
CA=/etc/ssl/certs/update-ca.pem
PUBKEY=/etc/ssl/certs/update-signing.pub
CURRENT="$(sed -n 's/^VERSION_ID=//p' /etc/os-release)"

fetch() {
	curl --fail --silent --show-error --proto '=https' --tlsv1.2 \
		--cacert "$CA" -o "$2" "$UPDATE_URL/$1"
}

fetch latest.txt /tmp/latest.txt
latest="$(cat /tmp/latest.txt)"
[ "$latest" = "$CURRENT" ] && exit 0

fetch "$latest/fw.bin" /tmp/fw.bin
fetch "$latest/fw.bin.sig" /tmp/fw.bin.sig

# Authenticity: the signature must verify against the release public key.
openssl dgst -sha256 -verify "$PUBKEY" -signature /tmp/fw.bin.sig /tmp/fw.bin >/dev/null

# No downgrades: the new version must sort after the running one.
newest="$(printf '%s\n%s\n' "$CURRENT" "$latest" | sort -V | tail -n 1)"
[ "$newest" = "$latest" ] || { logger -t fw-update "refusing downgrade to $latest"; exit 1; }

logger -t fw-update "installing $latest (running $CURRENT)"
mtd write /tmp/fw.bin firmware && reboot
