#!/bin/bash
# Regenerates the throwaway certificate these tests read. Keys are random on every run; the tests only rely on the
# certificate's shape (self-signed, not a CA, TLS server usage, valid for a century), not on its bytes.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
openssl ecparam -name prime256v1 -genkey -noout -out "$work/key.pem"
cat > "$work/ext.cnf" <<'CNF'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:camera.local
CNF
openssl req -new -x509 -key "$work/key.pem" -subj "/O=Fixture/CN=camera.local" -days 36500 \
  -extensions v3 -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n[v3]\n'; cat "$work/ext.cnf") -out server-selfsigned.pem
