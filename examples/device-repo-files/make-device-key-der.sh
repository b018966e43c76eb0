#!/usr/bin/env bash
# Writes device-key.der.b64: the throwaway RSA key of examples/vulnerable-rootfs/etc/ssl/private/device.key in binary
# DER form (a PKCS#1 RSAPrivateKey: `openssl pkey -outform DER` keeps the traditional structure of this key), stored
# base64-encoded so that the examples stay text only.
# examples/make-device-repo.sh decodes it with `base64 -d` and commits the bytes as a binary blob, so that the history
# scan has a DER private key to find that no PEM armour announces.
#
# The repository builder does not call openssl itself: its output must be byte-identical on every machine, and
# keeping the encoding here makes it independent of the openssl version installed. Rerun this script only after
# examples/make-example-secrets.sh has made a new device key (the example repository's commit ids change then).
#
#   examples/device-repo-files/make-device-key-der.sh        (needs openssl)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pem="$here/../vulnerable-rootfs/etc/ssl/private/device.key"
openssl pkey -in "$pem" -outform DER | base64 -w 64 > "$here/device-key.der.b64"
echo "wrote $here/device-key.der.b64 from $pem"
