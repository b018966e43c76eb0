#!/usr/bin/env bash
# Regenerates the throwaway test keys, certificates and containers in this folder.
# Needs: openssl (3.x), ssh-keygen, puttygen (Debian package putty-tools), gpg, python3.
# Keys are random, so a run gives new keys with the same properties; expected-spki.tsv records, for every file
# holding a public key, the SHA-256 of the DER SubjectPublicKeyInfo as OpenSSL (or ssh-keygen) computes it, so
# the tests compare our derivation against an independent one.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Keys -----------------------------------------------------------------------------------------------------------
for bits in 1024 2048; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:$bits -out rsa$bits-pkcs8.pem
  openssl rsa -in rsa$bits-pkcs8.pem -traditional -out rsa$bits-pkcs1.pem
done
openssl rsa -in rsa2048-pkcs8.pem -traditional -outform DER -out rsa2048-pkcs1.der
openssl pkcs8 -topk8 -nocrypt -in rsa2048-pkcs8.pem -outform DER -out rsa2048-pkcs8.der
openssl pkey -in rsa2048-pkcs8.pem -pubout -out rsa2048-spki.pem
openssl rsa -in rsa2048-pkcs8.pem -RSAPublicKey_out -outform DER -out rsa2048-rsapublickey.der

for curve in P-256:p256 P-192:p192; do
  name=${curve%%:*}; short=${curve##*:}
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$name -pkeyopt ec_param_enc:named_curve -out ec-$short-pkcs8.pem
  openssl ec -in ec-$short-pkcs8.pem -out ec-$short-sec1.pem
  openssl ec -in ec-$short-pkcs8.pem -outform DER -out ec-$short-sec1.der
  openssl pkey -in ec-$short-pkcs8.pem -pubout -outform DER -out ec-$short-spki.der
done

openssl genpkey -algorithm ED25519 -out ed25519-pkcs8.pem
openssl pkey -in ed25519-pkcs8.pem -outform DER -out ed25519-pkcs8.der
openssl genpkey -algorithm X25519 -out x25519-pkcs8.pem

# A 2048-bit DSA key in OpenSSL's traditional layout (what FACT_core's error.der is).
openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -out "$work/dsa.param"
openssl genpkey -paramfile "$work/dsa.param" -out "$work/dsa.pem"
openssl dsa -in "$work/dsa.pem" -outform DER -out dsa2048-traditional.der
openssl dsa -in "$work/dsa.pem" -pubout -outform DER -out dsa2048-spki.der 2> /dev/null

# Encrypted private keys: PKCS#8 (PBES2/AES) and legacy PEM (Proc-Type / DEK-Info). Password: fixture-password.
openssl pkcs8 -topk8 -v2 aes-256-cbc -in rsa2048-pkcs8.pem -passout pass:fixture-password -out rsa2048-pkcs8-encrypted.pem
openssl pkcs8 -topk8 -v2 aes-256-cbc -in ec-p256-pkcs8.pem -passout pass:fixture-password -outform DER -out ec-p256-pkcs8-encrypted.der
openssl rsa -in rsa2048-pkcs8.pem -traditional -aes128 -passout pass:fixture-password -out rsa2048-legacy-encrypted.pem

# OpenSSH: unencrypted Ed25519 and RSA, a passphrase-protected Ed25519, and the public key line.
rm -f ed25519-openssh ed25519-openssh.pub rsa2048-openssh rsa2048-openssh.pub ed25519-openssh-encrypted ed25519-openssh-encrypted.pub
ssh-keygen -q -t ed25519 -N '' -C fixture@example.invalid -f ed25519-openssh
ssh-keygen -q -t rsa -b 2048 -N '' -C fixture@example.invalid -f rsa2048-openssh
ssh-keygen -q -t ed25519 -N fixture-password -C fixture@example.invalid -f ed25519-openssh-encrypted
ssh-keygen -q -t ecdsa -b 256 -N '' -C fixture@example.invalid -f "$work/ecdsa"
cp "$work/ecdsa.pub" ecdsa-p256-openssh.pub

# PuTTY: version 3 and version 2 files of one key, unencrypted, and a passphrase-protected version 3 file.
puttygen ed25519-openssh -O private -o ed25519-v3.ppk
puttygen rsa2048-openssh -O private --ppk-param version=2 -o rsa2048-v2.ppk
printf 'fixture-password\n' > "$work/pass"
puttygen ed25519-openssh -O private --new-passphrase "$work/pass" -o ed25519-v3-encrypted.ppk

# Certificates ------------------------------------------------------------------------------------------------------
cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = fixture
[ fixture ]
dir = $work/db
database = \$dir/index.txt
new_certs_dir = \$dir/new
serial = \$dir/serial
policy = anything
copy_extensions = none
unique_subject = no
[ anything ]
commonName = supplied
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = placeholder
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_codesign ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = codeSigning
[ v3_server ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
CNF
mkdir -p "$work/db/new"; : > "$work/db/index.txt"; echo 1000 > "$work/db/serial"
sign() { # sign CSR OUT START END EXT [extra ca options...]
  local csr=$1 out=$2 start=$3 end=$4 ext=$5; shift 5
  openssl ca -batch -notext -config "$work/ca.cnf" -in "$csr" -out "$out" -startdate "$start" -enddate "$end" -extensions "$ext" "$@" 2>/dev/null
}

# Self-signed, expired (valid 2020-01-01 to 2021-01-01), RSA 2048.
openssl req -new -key rsa2048-pkcs8.pem -subj "/O=Fixture/CN=Expired Self-Signed" -config "$work/ca.cnf" -out "$work/self.csr"
sign "$work/self.csr" cert-selfsigned-expired.pem 20200101000000Z 20210101000000Z v3_ca -selfsign -keyfile rsa2048-pkcs8.pem -md sha256
openssl x509 -in cert-selfsigned-expired.pem -outform DER -out cert-selfsigned-expired.der

# A CA (EC P-256, valid 2025-2045) and two leaves it signs: code signing (SHA-256) and a server cert signed with SHA-1.
openssl req -new -key ec-p256-pkcs8.pem -subj "/O=Fixture/CN=Fixture Root CA" -config "$work/ca.cnf" -out "$work/ca.csr"
sign "$work/ca.csr" ca.pem 20250101000000Z 20450101000000Z v3_ca -selfsign -keyfile ec-p256-pkcs8.pem -md sha256
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/leaf.pem"
openssl req -new -key "$work/leaf.pem" -subj "/O=Fixture/CN=Fixture Code Signing" -config "$work/ca.cnf" -out csr-codesign.pem
sign csr-codesign.pem cert-codesign.pem 20250101000000Z 20350101000000Z v3_codesign -cert ca.pem -keyfile ec-p256-pkcs8.pem -md sha256
sign csr-codesign.pem cert-sha1.pem 20250101000000Z 20350101000000Z v3_server -cert ca.pem -keyfile ec-p256-pkcs8.pem -md sha1

# PKCS#12 -----------------------------------------------------------------------------------------------------------
# No password at all (no encryption, no MAC), the empty password (OpenSSL 3 defaults: PBES2/AES-256, HMAC-SHA-256)
# and a real password.
openssl pkcs12 -export -in cert-selfsigned-expired.pem -inkey rsa2048-pkcs8.pem -keypbe NONE -certpbe NONE -nomac -passout pass: -out pkcs12-nopassword.p12
openssl pkcs12 -export -in cert-codesign.pem -inkey "$work/leaf.pem" -certfile ca.pem -passout pass: -out pkcs12-empty-password.p12
openssl pkcs12 -export -in cert-codesign.pem -inkey "$work/leaf.pem" -passout pass:fixture-password -out pkcs12-password.p12

# Embedded and negative controls -------------------------------------------------------------------------------------
# A flash-dump-like blob: random bytes, a DER PKCS#8 key, random bytes, a PEM certificate, random bytes.
{ openssl rand 4096; cat rsa2048-pkcs8.der; openssl rand 3000; cat cert-codesign.pem; openssl rand 2048; } > embedded-in-binary.bin
python3 - ec-p256-sec1.pem > key-in-c-source.h <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
print("/* A key hard-coded in firmware source, as C string literals. */")
print("static const char device_key[] =")
for line in lines:
    print('    "%s\\n"' % line)
print(";")
PY

printf -- '-----BEGIN RSA PRIVATE KEY-----\nThis is not base64 at all, just text pretending to be a key!\n-----END RSA PRIVATE KEY-----\n' > pem-garbage-body.pem
head -c 600 rsa2048-pkcs8.der > truncated.der
# What TLS libraries carry in .rodata: PEM markers as NUL-terminated constants, next to other strings.
printf '%s\0%s\0%s\0%s\0' '-----BEGIN RSA PRIVATE KEY-----' '-----END RSA PRIVATE KEY-----' \
  '-----BEGIN CERTIFICATE-----' '-----END CERTIFICATE-----' > "$work/markers"
{ openssl rand 512; cat "$work/markers"; printf 'Proc-Type: 4,ENCRYPTED\0DEK-Info: \0'; openssl rand 512; } > marker-constants.bin
export GNUPGHOME="$work/gnupg"; mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --pinentry-mode loopback --passphrase '' --quick-gen-key 'Fixture <fixture@example.invalid>' ed25519 sign never 2>/dev/null
gpg --batch --quiet --armor --export fixture@example.invalid > pgp-public.asc

# What OpenSSL says the SPKI fingerprints are ------------------------------------------------------------------------
spki() { openssl pkey "$@" -pubout -outform DER | sha256sum | cut -d' ' -f1; }
{
  for f in rsa1024-pkcs1.pem rsa1024-pkcs8.pem rsa2048-pkcs1.pem rsa2048-pkcs8.pem ec-p256-pkcs8.pem ec-p256-sec1.pem \
           ec-p192-pkcs8.pem ec-p192-sec1.pem ed25519-pkcs8.pem x25519-pkcs8.pem; do
    printf '%s\t%s\n' "$f" "$(spki -in "$f")"
  done
  for f in rsa2048-pkcs1.der rsa2048-pkcs8.der ec-p256-sec1.der ec-p192-sec1.der ed25519-pkcs8.der dsa2048-traditional.der; do
    printf '%s\t%s\n' "$f" "$(spki -in "$f" -inform DER)"
  done
  printf '%s\t%s\n' rsa2048-spki.pem "$(spki -pubin -in rsa2048-spki.pem)"
  printf '%s\t%s\n' rsa2048-rsapublickey.der \
    "$(openssl rsa -RSAPublicKey_in -inform DER -in rsa2048-rsapublickey.der -pubout -outform DER | sha256sum | cut -d' ' -f1)"
  for f in ec-p256-spki.der ec-p192-spki.der; do printf '%s\t%s\n' "$f" "$(spki -pubin -inform DER -in "$f")"; done
  for f in cert-selfsigned-expired.pem ca.pem cert-codesign.pem; do
    printf '%s\t%s\n' "$f" "$(openssl x509 -in "$f" -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum | cut -d' ' -f1)"
  done
  ssh-keygen -e -m PKCS8 -f rsa2048-openssh.pub > "$work/pub.pem"
  fp=$(spki -pubin -in "$work/pub.pem")
  printf '%s\t%s\n%s\t%s\n%s\t%s\n' rsa2048-openssh "$fp" rsa2048-openssh.pub "$fp" rsa2048-v2.ppk "$fp"
  # ssh-keygen cannot export Ed25519 as PKCS#8; the SPKI is the fixed RFC 8410 prefix and the 32 key bytes.
  fp=$(python3 -c 'import base64,hashlib,sys; b=base64.b64decode(open(sys.argv[1]).read().split()[1]); print(hashlib.sha256(bytes.fromhex("302a300506032b6570032100")+b[-32:]).hexdigest())' ed25519-openssh.pub)
  for f in ed25519-openssh ed25519-openssh.pub ed25519-v3.ppk ed25519-v3-encrypted.ppk; do printf '%s\t%s\n' "$f" "$fp"; done
  fp=$(python3 -c 'import base64,hashlib,sys; b=base64.b64decode(open(sys.argv[1]).read().split()[1]); print(hashlib.sha256(bytes.fromhex("302a300506032b6570032100")+b[-32:]).hexdigest())' ed25519-openssh-encrypted.pub)
  printf '%s\t%s\n' ed25519-openssh-encrypted "$fp"
  ssh-keygen -e -m PKCS8 -f ecdsa-p256-openssh.pub > "$work/pub.pem"
  printf '%s\t%s\n' ecdsa-p256-openssh.pub "$(spki -pubin -in "$work/pub.pem")"
} > expected-spki.tsv
echo "fixtures written"
