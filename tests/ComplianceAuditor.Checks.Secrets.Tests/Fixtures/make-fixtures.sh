#!/bin/bash
# Regenerates the throwaway certificates these tests read. Keys are random on every run; the tests only rely on the
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

# A CA root whose self-signature uses SHA-1, as old roots in trust stores do: the signature on itself is not relied on.
openssl ecparam -name prime256v1 -genkey -noout -out "$work/root.pem"
openssl req -new -x509 -sha1 -key "$work/root.pem" -subj "/O=Fixture/CN=Old SHA-1 Root" -days 36500 \
  -extensions v3 -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n[v3]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign\n') \
  -out root-sha1-selfsigned.pem

# A certificate whose subject and issuer are long, so that its public key starts some 400 bytes in: for the test of a
# certificate that straddles two scan chunks with its nested key beyond the context the second chunk keeps.
long="Examplecam Long Organisation Name, Camera Division, Building 7"
openssl req -new -x509 -key "$work/key.pem" -subj "/O=$long/OU=$long/L=$long/ST=$long/CN=camera.local" -days 36500 \
  -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n') -out long-subject.der -outform DER
