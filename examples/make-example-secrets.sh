#!/usr/bin/env bash
# Makes the key material of the two example root file systems: throwaway keys and certificates generated here and
# never used anywhere else. Rerunning it gives new random keys (the examples' sample reports must then be
# regenerated); nothing else in the examples depends on their bytes.
#
#   examples/make-example-secrets.sh        (needs openssl)
#
# vulnerable-rootfs: an RSA-1024 device private key (CMP2005, CMP2025) and a self-signed TLS server certificate that
# is not a CA (CMP2026). clean-rootfs: an update CA (a self-signed CA, valid for a century), which SWUpdate trusts for
# release signatures and pins for its HTTPS downloads. The password hash, the made-up tokens and the update
# configuration in the other planted files are written by hand; see examples/README.md.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

vuln="$here/vulnerable-rootfs"
mkdir -p "$vuln/etc/ssl/private" "$vuln/etc/httpd"
note="# Throwaway key material made by examples/make-example-secrets.sh for the example audit; it protects nothing."
{ echo "$note"; openssl genrsa -traditional 1024 2> /dev/null; } > "$vuln/etc/ssl/private/device.key"
openssl ecparam -name prime256v1 -genkey -noout -out "$work/server.key"
openssl req -new -x509 -key "$work/server.key" -subj "/O=Examplecam/CN=cam200.local" -days 36500 -extensions v3 \
  -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n[v3]\nbasicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\n') \
  -out "$work/server.crt"
{ echo "$note"; cat "$work/server.crt"; } > "$vuln/etc/httpd/server.crt"

clean="$here/clean-rootfs"
mkdir -p "$clean/etc/ssl/certs"
openssl ecparam -name prime256v1 -genkey -noout -out "$work/ca.key"
openssl req -new -x509 -key "$work/ca.key" -subj "/O=Examplecam/CN=Examplecam Update CA" -days 36500 -extensions v3 \
  -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n[v3]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n') \
  -out "$work/ca.crt"
{ echo "$note"; cat "$work/ca.crt"; } > "$clean/etc/ssl/certs/update-ca.pem"
echo "wrote the example keys and certificates"
