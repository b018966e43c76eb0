#!/usr/bin/env bash
# Builds OUT_DIR/examplecam-repo: a small git repository of the fictional Examplecam CAM-200 camera firmware (the
# device of examples/README.md), for the repository rules and the history scan (`audit DIR --as repo`).
#
#   examples/make-device-repo.sh OUT_DIR          (needs git and base64; OUT_DIR/examplecam-repo must not exist)
#
# The history is fixed: names, e-mail addresses, dates and time zones of every commit and of the tag are set here and
# no user or system git configuration is read, so every run on every machine gives the same commit ids (the script
# prints them; compare `git -C OUT_DIR/examplecam-repo rev-parse --all` of two runs).
#
# What the history holds (21 commits on main, 2 on the side branch feature/isp-sdk, tag v1.0.0):
#   * AWS access key id and secret key in board/cam200/rootfs-overlay/etc/cloud-agent.conf, added in commit 4 and
#     removed in commit 12 (the file stays, reading its credentials from the provisioning store);
#   * the throwaway RSA key of examples/vulnerable-rootfs/etc/ssl/private/device.key as PEM in
#     board/cam200/rootfs-overlay/etc/ssl/private/device.key (commit 6), and the same key as binary DER in
#     board/cam200/keys/device-key.der (commit 7, decoded from examples/device-repo-files/device-key.der.b64);
#     both deleted in commit 10, when the camera starts making its own key at first boot;
#   * a GitHub token in scripts/fetch-isp-sdk.sh, on the unmerged branch feature/isp-sdk only.
# The tree at HEAD has no secret. It has firmware sources (camd, C), a CMakeLists.txt with stack protector and
# FORTIFY_SOURCE but neither PIE nor RELRO/BIND_NOW, a Buildroot defconfig that leaves BR2_ENABLE_DEBUG on (and,
# like any savedefconfig output, leaves the hardening choices it does not change to Buildroot's defaults),
# SECURITY.md (contact and response times), SUPPORT.md (security updates until 2030-12-31), a CycloneDX SBOM and a
# GitHub Actions workflow that runs CodeQL and signs release bundles with cosign, its key read from the CI secrets.
# Every key and token here is made up or throwaway and opens nothing.
set -euo pipefail
export LC_ALL=C

die() { echo "make-device-repo: $*" >&2; exit 2; }

[[ $# -eq 1 && -n $1 ]] || die "usage: $0 OUT_DIR"
command -v git > /dev/null 2>&1 || die "'git' not found: install the Debian package 'git' (apt-get install -y git)"
command -v base64 > /dev/null 2>&1 || die "'base64' not found: install the Debian package 'coreutils'"

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
der_b64="$here/device-repo-files/device-key.der.b64"
pem="$here/vulnerable-rootfs/etc/ssl/private/device.key"
[[ -s $der_b64 ]] || die "missing $der_b64"
[[ -s $pem ]] || die "missing $pem"

mkdir -p "$1"
repo="$(cd "$1" && pwd)/examplecam-repo"
[[ ! -e $repo ]] || die "$repo already exists; remove it first (the history is only reproducible from scratch)"

# No configuration of this user or machine may reach the repository: a global core.autocrlf, commit.gpgSign,
# init.templateDir or hooks path would change the commit ids or add to them. An empty HOME hides ~/.gitconfig
# (also for git before 2.32, which ignores GIT_CONFIG_GLOBAL).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/xdg" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_NAMESPACE \
  GIT_TEMPLATE_DIR GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE

mkdir "$repo"
g() { git -C "$repo" "$@"; }
g init -q --template=
g symbolic-ref HEAD refs/heads/main
g config core.autocrlf false
g config core.fileMode true
g config commit.gpgSign false
g config tag.gpgSign false

# put PATH: writes standard input to PATH in the work tree. Scripts get mode 755 explicitly, everything else 644,
# so the umask of whoever runs this cannot change a tree id.
put() {
  mkdir -p "$(dirname "$repo/$1")"
  cat > "$repo/$1"
  case "$1" in *.sh | */init.d/*) chmod 755 "$repo/$1" ;; *) chmod 644 "$repo/$1" ;; esac
}

who() {
  case "$1" in
    mira) echo "Mira Okafor|mira.okafor@examplecam.example|+0100" ;;
    tomas) echo "Tomas Lindqvist|tomas.lindqvist@examplecam.example|+0100" ;;
    priya) echo "Priya Raman|priya.raman@examplecam.example|+0530" ;;
    *) die "unknown author $1" ;;
  esac
}

# commit AUTHOR "YYYY-MM-DD HH:MM:SS" SUBJECT [BODY]: stages everything and commits with fixed identity and dates.
n_main=0
commit() {
  local name email zone
  IFS='|' read -r name email zone <<< "$(who "$1")"
  g add -A
  local message=$3
  [[ $# -ge 4 ]] && message+=$'\n\n'"$4"
  GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email GIT_AUTHOR_DATE="$2 $zone" \
    GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email GIT_COMMITTER_DATE="$2 $zone" \
    g commit -q --no-verify --allow-empty-message -m "$message"
  if [[ $(g symbolic-ref --short HEAD) == main ]]; then n_main=$((n_main + 1)); fi
}

plants=()
planted() { plants+=("$(printf '%-44s %s  %s' "$1" "$(g rev-parse --short=12 HEAD)" "$2")"); }

# ---------------------------------------------------------------------------------------------------------------
# 1. skeleton
put README.md << 'EOF'
# camd - Examplecam CAM-200 camera firmware

Sources of the firmware of the Examplecam CAM-200 IP camera: the camera daemon `camd` (C, built with CMake) and
the Buildroot configuration of the board.

This repository is fictional. ComplianceAuditor's `examples/make-device-repo.sh` generates it to show what an
audit of a firmware repository and its history finds. Every key and token in its history is made up or throwaway.

## Building

    cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=$SDK/share/buildroot/toolchainfile.cmake
    cmake --build build
EOF
put .gitignore << 'EOF'
/build/
/output/
EOF
put CMakeLists.txt << 'EOF'
cmake_minimum_required(VERSION 3.16)
project(camd VERSION 0.9.0 LANGUAGES C)

set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)

add_executable(camd src/camd/main.c)
install(TARGETS camd RUNTIME DESTINATION sbin)
EOF
put src/camd/main.c << 'EOF'
/* camd: the CAM-200 camera daemon. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "camd starting\n");
	return EXIT_SUCCESS;
}
EOF
commit mira "2024-01-08 09:14:00" "Initial camd skeleton and CMake build"

# 2. Buildroot configuration. BR2_ENABLE_DEBUG stays on to HEAD: the build-configuration finding of the example.
#    No BR2_SSP_*, BR2_RELRO_*, BR2_FORTIFY_SOURCE_* or BR2_PIC_PIE line: nothing in the repository asks for PIE or
#    RELRO, which an audit can only report as left to the defaults of whatever Buildroot release builds it.
put configs/cam200_defconfig << 'EOF'
BR2_arm=y
BR2_cortex_a7=y
BR2_ARM_FPU_NEON_VFPV4=y
BR2_TOOLCHAIN_BUILDROOT_MUSL=y
BR2_ENABLE_DEBUG=y
BR2_TARGET_GENERIC_HOSTNAME="cam200"
BR2_TARGET_GENERIC_ISSUE="Examplecam CAM-200"
# BR2_TARGET_ENABLE_ROOT_LOGIN is not set
BR2_ROOTFS_OVERLAY="board/cam200/rootfs-overlay"
BR2_ROOTFS_POST_BUILD_SCRIPT="board/cam200/post-build.sh"
BR2_LINUX_KERNEL=y
BR2_LINUX_KERNEL_CUSTOM_VERSION=y
BR2_LINUX_KERNEL_CUSTOM_VERSION_VALUE="6.1.77"
BR2_LINUX_KERNEL_DEFCONFIG="cam200"
BR2_PACKAGE_DROPBEAR=y
BR2_PACKAGE_OPENSSL=y
BR2_PACKAGE_SWUPDATE=y
BR2_TARGET_ROOTFS_SQUASHFS=y
BR2_TARGET_ROOTFS_SQUASHFS4_XZ=y
BR2_TARGET_UBOOT=y
BR2_TARGET_UBOOT_BOARD_DEFCONFIG="cam200"
EOF
put board/cam200/post-build.sh << 'EOF'
#!/bin/sh
# Buildroot post-build hook; $1 is the target directory.
set -e
TARGET_DIR="$1"
install -d "$TARGET_DIR/etc/camd"
echo "CAM-200" > "$TARGET_DIR/etc/camd/model"
EOF
commit tomas "2024-01-10 11:02:00" "Add Buildroot defconfig for the CAM-200 board"

# 3. streaming
put src/camd/stream.h << 'EOF'
#ifndef CAMD_STREAM_H
#define CAMD_STREAM_H

#include <stddef.h>

#define STREAM_HEADER_MAX 512

int stream_open(const char *url);
int stream_parse_header(const char *data, size_t len, char *out, size_t out_len);
void stream_close(int handle);

#endif
EOF
put src/camd/stream.c << 'EOF'
/* RTSP stream setup for the preview and main streams. */
#include <string.h>

#include "stream.h"

static int next_handle = 1;

int stream_open(const char *url)
{
	if (url == NULL || strncmp(url, "rtsp://", 7) != 0)
		return -1;
	return next_handle++;
}

int stream_parse_header(const char *data, size_t len, char *out, size_t out_len)
{
	(void)out_len;
	memcpy(out, data, len);
	out[len] = '\0';
	return 0;
}

void stream_close(int handle)
{
	(void)handle;
}
EOF
put CMakeLists.txt << 'EOF'
cmake_minimum_required(VERSION 3.16)
project(camd VERSION 0.9.0 LANGUAGES C)

set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)

add_executable(camd
  src/camd/main.c
  src/camd/stream.c)
install(TARGETS camd RUNTIME DESTINATION sbin)
EOF
put src/camd/main.c << 'EOF'
/* camd: the CAM-200 camera daemon. */
#include <stdio.h>
#include <stdlib.h>

#include "stream.h"

int main(int argc, char **argv)
{
	int preview;

	(void)argc;
	(void)argv;
	preview = stream_open("rtsp://127.0.0.1:554/preview");
	if (preview < 0) {
		fprintf(stderr, "camd: cannot open the preview stream\n");
		return EXIT_FAILURE;
	}
	stream_close(preview);
	return EXIT_SUCCESS;
}
EOF
commit mira "2024-01-15 10:40:00" "camd: RTSP stream setup"

# 4. PLANTED: AWS credentials in the cloud agent settings (removed in commit 12)
put board/cam200/rootfs-overlay/etc/cloud-agent.conf << 'EOF'
# CAM-200 cloud agent: uplink to AWS IoT for event clips.
region=eu-west-1
endpoint=a2x7k9cam200-ats.iot.eu-west-1.amazonaws.com
aws_access_key_id=AKIA7RAKYMQOX3THQI6D
aws_secret_access_key=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
upload_bucket=cam200-event-clips
EOF
commit priya "2024-01-17 15:25:00" "Cloud agent settings for the AWS IoT uplink"
planted "AWS key id + secret (cloud-agent.conf)" "added"

# 5. settings file
put src/camd/config.h << 'EOF'
#ifndef CAMD_CONFIG_H
#define CAMD_CONFIG_H

struct camd_config {
	char stream_url[128];
	int motion_threshold;
};

int config_load(const char *path, struct camd_config *cfg);

#endif
EOF
put src/camd/config.c << 'EOF'
/* Reads /etc/camd.conf: one "key=value" per line, '#' starts a comment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

static void set_defaults(struct camd_config *cfg)
{
	snprintf(cfg->stream_url, sizeof(cfg->stream_url), "rtsp://127.0.0.1:554/preview");
	cfg->motion_threshold = 12;
}

int config_load(const char *path, struct camd_config *cfg)
{
	char line[256];
	FILE *f;

	set_defaults(cfg);
	f = fopen(path, "r");
	if (f == NULL)
		return 0; /* defaults are a valid configuration */
	while (fgets(line, sizeof(line), f) != NULL) {
		char *eq = strchr(line, '=');

		if (line[0] == '#' || eq == NULL)
			continue;
		*eq = '\0';
		eq[strcspn(eq + 1, "\n") + 1] = '\0';
		if (strcmp(line, "stream_url") == 0)
			snprintf(cfg->stream_url, sizeof(cfg->stream_url), "%s", eq + 1);
		else if (strcmp(line, "motion_threshold") == 0)
			cfg->motion_threshold = atoi(eq + 1);
	}
	fclose(f);
	return 0;
}
EOF
put src/camd/main.c << 'EOF'
/* camd: the CAM-200 camera daemon. */
#include <stdio.h>
#include <stdlib.h>

#include "config.h"
#include "stream.h"

int main(int argc, char **argv)
{
	struct camd_config cfg;
	int preview;

	config_load(argc > 1 ? argv[1] : "/etc/camd.conf", &cfg);
	preview = stream_open(cfg.stream_url);
	if (preview < 0) {
		fprintf(stderr, "camd: cannot open %s\n", cfg.stream_url);
		return EXIT_FAILURE;
	}
	stream_close(preview);
	return EXIT_SUCCESS;
}
EOF
put CMakeLists.txt << 'EOF'
cmake_minimum_required(VERSION 3.16)
project(camd VERSION 0.9.0 LANGUAGES C)

set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)

add_executable(camd
  src/camd/main.c
  src/camd/config.c
  src/camd/stream.c)
install(TARGETS camd RUNTIME DESTINATION sbin)
EOF
commit mira "2024-01-22 09:55:00" "camd: read settings from /etc/camd.conf"

# 6. PLANTED: the web interface's TLS key as PEM in the overlay (deleted in commit 10)
mkdir -p "$repo/board/cam200/rootfs-overlay/etc/ssl/private"
put board/cam200/rootfs-overlay/etc/ssl/private/device.key < "$pem"
commit tomas "2024-01-24 16:48:00" "Ship the TLS key of the web interface in the overlay"
planted "RSA private key, PEM (overlay device.key)" "added"

# 7. PLANTED: the same key as binary DER (deleted in commit 10)
mkdir -p "$repo/board/cam200/keys"
base64 -d < "$der_b64" > "$repo/board/cam200/keys/device-key.der"
chmod 644 "$repo/board/cam200/keys/device-key.der"
put board/cam200/post-build.sh << 'EOF'
#!/bin/sh
# Buildroot post-build hook; $1 is the target directory.
set -e
TARGET_DIR="$1"
BOARD_DIR="$(dirname "$0")"
install -d "$TARGET_DIR/etc/camd"
echo "CAM-200" > "$TARGET_DIR/etc/camd/model"
# The secure-element loader reads the key in DER form.
install -D -m 0600 "$BOARD_DIR/keys/device-key.der" "$TARGET_DIR/usr/share/se-loader/device-key.der"
EOF
commit tomas "2024-01-29 14:07:00" "Add the device key in DER form for the secure-element loader"
planted "RSA private key, DER (keys/device-key.der)" "added"

# 8. partial hardening: stack protector and FORTIFY, no PIE, no RELRO/BIND_NOW (stays so to HEAD)
put CMakeLists.txt << 'EOF'
cmake_minimum_required(VERSION 3.16)
project(camd VERSION 0.9.0 LANGUAGES C)

set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)

add_compile_options(-Wall -Wextra -O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2)

add_executable(camd
  src/camd/main.c
  src/camd/config.c
  src/camd/stream.c)
install(TARGETS camd RUNTIME DESTINATION sbin)
EOF
commit mira "2024-02-05 10:21:00" "Build camd with stack protector and FORTIFY_SOURCE"

# side branch, forked here and never merged: PLANTED GitHub token
g branch feature/isp-sdk
g checkout -q feature/isp-sdk
put scripts/fetch-isp-sdk.sh << 'EOF'
#!/bin/sh
# Downloads the image signal processor SDK of the sensor vendor from its private GitHub releases.
set -e
SDK_VERSION=3.2.1
GITHUB_TOKEN=ghp_bJujNarpoEHxahbtzQAw7ilw5LzZbP0FeoBN
curl -fsSL -H "Authorization: Bearer $GITHUB_TOKEN" -H "Accept: application/octet-stream" \
  -o "isp-sdk-$SDK_VERSION.tar.gz" \
  "https://api.github.com/repos/sensorvendor/isp-sdk/releases/assets/148213377"
EOF
commit tomas "2024-02-06 13:30:00" "Fetch the ISP vendor SDK from GitHub releases"
planted "GitHub token (fetch-isp-sdk.sh, side branch)" "added on feature/isp-sdk"
g checkout -q main

# 9. motion detection
put src/camd/motion.h << 'EOF'
#ifndef CAMD_MOTION_H
#define CAMD_MOTION_H

#include <stddef.h>

/* Returns 1 when more than threshold per cent of the pixels changed between two grey frames. */
int motion_detect(const unsigned char *prev, const unsigned char *cur, size_t pixels, int threshold);

#endif
EOF
put src/camd/motion.c << 'EOF'
/* Frame differencing on the 320x180 grey preview. */
#include <stdlib.h>

#include "motion.h"

#define PIXEL_DELTA 24

int motion_detect(const unsigned char *prev, const unsigned char *cur, size_t pixels, int threshold)
{
	size_t changed = 0;
	size_t i;

	if (pixels == 0)
		return 0;
	for (i = 0; i < pixels; i++)
		if (abs((int)cur[i] - (int)prev[i]) > PIXEL_DELTA)
			changed++;
	return changed * 100 / pixels > (size_t)threshold;
}
EOF
put CMakeLists.txt << 'EOF'
cmake_minimum_required(VERSION 3.16)
project(camd VERSION 0.9.0 LANGUAGES C)

set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)

add_compile_options(-Wall -Wextra -O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2)

add_executable(camd
  src/camd/main.c
  src/camd/config.c
  src/camd/motion.c
  src/camd/stream.c)
install(TARGETS camd RUNTIME DESTINATION sbin)
EOF
commit mira "2024-02-07 11:45:00" "camd: motion detection on the preview stream"

g checkout -q feature/isp-sdk
put scripts/fetch-isp-sdk.sh << 'EOF'
#!/bin/sh
# Downloads the image signal processor SDK of the sensor vendor from its private GitHub releases.
set -e
SDK_VERSION=3.2.1
SDK_SHA256=4f9c2a61d0b7e83a5c1f6e2d9b8a7c3e1f0d5b6a2c9e8f7d1a3b5c7e9f1d2a4b
GITHUB_TOKEN=ghp_bJujNarpoEHxahbtzQAw7ilw5LzZbP0FeoBN
curl -fsSL -H "Authorization: Bearer $GITHUB_TOKEN" -H "Accept: application/octet-stream" \
  -o "isp-sdk-$SDK_VERSION.tar.gz" \
  "https://api.github.com/repos/sensorvendor/isp-sdk/releases/assets/148213377"
echo "$SDK_SHA256  isp-sdk-$SDK_VERSION.tar.gz" | sha256sum -c -
EOF
commit tomas "2024-02-09 09:12:00" "fetch-isp-sdk: check the archive's SHA-256"
g checkout -q main

# 10. keys are made on the device: PEM and DER removed
g rm -q board/cam200/rootfs-overlay/etc/ssl/private/device.key board/cam200/keys/device-key.der
put board/cam200/rootfs-overlay/etc/init.d/S20keygen << 'EOF'
#!/bin/sh
# Makes this camera's own TLS key on first boot, so that no two units share one and no key ships in the image.
KEY=/etc/ssl/private/device.key

case "$1" in
start)
	if [ ! -s "$KEY" ]; then
		umask 077
		mkdir -p /etc/ssl/private
		openssl ecparam -name prime256v1 -genkey -noout -out "$KEY.new" && mv "$KEY.new" "$KEY"
	fi
	;;
esac
EOF
put board/cam200/post-build.sh << 'EOF'
#!/bin/sh
# Buildroot post-build hook; $1 is the target directory.
set -e
TARGET_DIR="$1"
install -d "$TARGET_DIR/etc/camd"
echo "CAM-200" > "$TARGET_DIR/etc/camd/model"
EOF
commit tomas "2024-02-12 17:03:00" "Generate the device key at first boot instead of shipping one" \
  "The key in the overlay (and its DER copy) was the same on every camera. Both are removed; S20keygen makes a
P-256 key on first boot. The old key must be treated as public."
planted "RSA private key, PEM and DER" "deleted"

# 11. CI
put .github/workflows/ci.yml << 'EOF'
name: ci

on:
  push:
    branches: [main]
    tags: ['v*']
  pull_request:

permissions:
  contents: read

jobs:
  build:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4
      - name: Build camd
        run: |
          cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
          cmake --build build
EOF
commit priya "2024-02-14 12:10:00" "Add CI workflow: build camd on every push"

# 12. AWS credentials removed from the settings
put board/cam200/rootfs-overlay/etc/cloud-agent.conf << 'EOF'
# CAM-200 cloud agent: uplink to AWS IoT for event clips.
region=eu-west-1
endpoint=a2x7k9cam200-ats.iot.eu-west-1.amazonaws.com
# Each camera gets its own X.509 identity at the factory; the agent reads it from the provisioning partition.
client_certificate=/mnt/provision/cloud/device.crt
client_key_store=/mnt/provision/cloud
upload_bucket=cam200-event-clips
EOF
commit priya "2024-02-19 10:34:00" "Read cloud credentials from the provisioning store" \
  "The account key in cloud-agent.conf has been revoked."
planted "AWS key id + secret (cloud-agent.conf)" "deleted"

# 13. disclosure policy
put SECURITY.md << 'EOF'
# Security policy

## Reporting a vulnerability

Report security problems in the CAM-200 firmware to security@examplecam.example, or use the private vulnerability
reporting form of this repository (Security tab, "Report a vulnerability"). Please do not open a public issue.
English or German are fine; a description and the firmware version are enough to start.

## What happens after a report

- We acknowledge every report within 5 business days.
- We send a status update at least every 14 days until the problem is resolved.
- We aim to release a fix within 90 days and credit the reporter in the advisory, unless asked not to.

## Supported versions

| Version | Supported with security updates |
| --- | --- |
| 1.0.x | yes, until 2030-12-31 |
| < 1.0 | no |

The support period of the device is stated in SUPPORT.md.
EOF
commit mira "2024-02-21 08:50:00" "Add a security policy"

# 14. SBOM
put sbom/cam200.cdx.json << 'EOF'
{
  "bomFormat": "CycloneDX",
  "specVersion": "1.5",
  "serialNumber": "urn:uuid:6b1f0c2e-3d4a-4e5b-9c7d-8e2f1a0b3c4d",
  "version": 1,
  "metadata": {
    "timestamp": "2024-02-26T10:00:00Z",
    "component": {
      "type": "firmware",
      "bom-ref": "cam200-firmware",
      "name": "cam200-firmware",
      "version": "1.0.0",
      "supplier": { "name": "Examplecam" }
    }
  },
  "components": [
    { "type": "application", "name": "camd", "version": "1.0.0", "purl": "pkg:generic/examplecam/camd@1.0.0" },
    { "type": "application", "name": "busybox", "version": "1.36.1", "purl": "pkg:generic/busybox@1.36.1", "licenses": [ { "license": { "id": "GPL-2.0-only" } } ] },
    { "type": "application", "name": "dropbear", "version": "2022.83", "purl": "pkg:generic/dropbear@2022.83", "licenses": [ { "license": { "id": "MIT" } } ] },
    { "type": "library", "name": "openssl", "version": "3.0.13", "purl": "pkg:generic/openssl@3.0.13", "licenses": [ { "license": { "id": "Apache-2.0" } } ] },
    { "type": "library", "name": "musl", "version": "1.2.4", "purl": "pkg:generic/musl@1.2.4", "licenses": [ { "license": { "id": "MIT" } } ] },
    { "type": "application", "name": "swupdate", "version": "2023.12", "purl": "pkg:generic/swupdate@2023.12", "licenses": [ { "license": { "id": "GPL-2.0-only" } } ] },
    { "type": "operating-system", "name": "linux", "version": "6.1.77", "purl": "pkg:generic/linux@6.1.77", "licenses": [ { "license": { "id": "GPL-2.0-only" } } ] },
    { "type": "firmware", "name": "u-boot", "version": "2024.01", "purl": "pkg:generic/u-boot@2024.01", "licenses": [ { "license": { "id": "GPL-2.0-or-later" } } ] }
  ]
}
EOF
commit priya "2024-02-26 10:05:00" "Publish a CycloneDX SBOM of the firmware"

# 15. static analysis
put .github/workflows/ci.yml << 'EOF'
name: ci

on:
  push:
    branches: [main]
    tags: ['v*']
  pull_request:

permissions:
  contents: read

jobs:
  build:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4
      - name: Build camd
        run: |
          cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
          cmake --build build

  codeql:
    runs-on: ubuntu-22.04
    permissions:
      security-events: write
    steps:
      - uses: actions/checkout@v4
      - uses: github/codeql-action/init@v3
        with:
          languages: c-cpp
      - name: Build camd for the analysis
        run: |
          cmake -S . -B build
          cmake --build build
      - uses: github/codeql-action/analyze@v3
EOF
commit priya "2024-02-28 16:20:00" "CI: CodeQL analysis of the C sources"

# 16. support period
put SUPPORT.md << 'EOF'
# Support period

The Examplecam CAM-200 receives security updates until 2030-12-31. After that date no further firmware releases
are planned; the camera keeps working, but vulnerabilities found later will not be fixed.

Updates are published as signed SWUpdate bundles and installed by the camera itself; see the release notes in
CHANGELOG.md for what each release fixes.
EOF
put README.md << 'EOF'
# camd - Examplecam CAM-200 camera firmware

Sources of the firmware of the Examplecam CAM-200 IP camera: the camera daemon `camd` (C, built with CMake) and
the Buildroot configuration of the board.

This repository is fictional. ComplianceAuditor's `examples/make-device-repo.sh` generates it to show what an
audit of a firmware repository and its history finds. Every key and token in its history is made up or throwaway.

## Building

    cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=$SDK/share/buildroot/toolchainfile.cmake
    cmake --build build

## Support

Security updates are provided until the date given in SUPPORT.md.
EOF
commit mira "2024-03-04 11:30:00" "Document the security support period"

# 17. release signing (key from the CI secret store, never from the repository)
put .github/workflows/ci.yml << 'EOF'
name: ci

on:
  push:
    branches: [main]
    tags: ['v*']
  pull_request:

permissions:
  contents: read

jobs:
  build:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4
      - name: Build camd
        run: |
          cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
          cmake --build build

  codeql:
    runs-on: ubuntu-22.04
    permissions:
      security-events: write
    steps:
      - uses: actions/checkout@v4
      - uses: github/codeql-action/init@v3
        with:
          languages: c-cpp
      - name: Build camd for the analysis
        run: |
          cmake -S . -B build
          cmake --build build
      - uses: github/codeql-action/analyze@v3

  release:
    if: startsWith(github.ref, 'refs/tags/v')
    needs: [build, codeql]
    runs-on: ubuntu-22.04
    container: ghcr.io/examplecam/buildroot-sdk:2023.02
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
      - name: Build the firmware bundle
        run: |
          make -C /opt/buildroot O="$PWD/output" BR2_EXTERNAL="$PWD" cam200_defconfig
          make -C "$PWD/output"
      - uses: sigstore/cosign-installer@v3
      - name: Sign the bundle (the release key lives in the CI secret store)
        env:
          COSIGN_PRIVATE_KEY: ${{ secrets.COSIGN_PRIVATE_KEY }}
          COSIGN_PASSWORD: ${{ secrets.COSIGN_PASSWORD }}
        run: cosign sign-blob --yes --key env://COSIGN_PRIVATE_KEY --output-signature output/images/cam200.swu.sig output/images/cam200.swu
      - name: Publish the release
        env:
          GH_TOKEN: ${{ github.token }}
        run: gh release create "$GITHUB_REF_NAME" output/images/cam200.swu output/images/cam200.swu.sig sbom/cam200.cdx.json
EOF
commit priya "2024-03-06 14:15:00" "CI: sign release bundles with cosign"

# 18. a fix found by the analysis
put src/camd/stream.c << 'EOF'
/* RTSP stream setup for the preview and main streams. */
#include <string.h>

#include "stream.h"

static int next_handle = 1;

int stream_open(const char *url)
{
	if (url == NULL || strncmp(url, "rtsp://", 7) != 0)
		return -1;
	return next_handle++;
}

int stream_parse_header(const char *data, size_t len, char *out, size_t out_len)
{
	/* A header that does not fit is refused, never cut: a cut header would be parsed as a different request. */
	if (out_len == 0 || len >= out_len || len > STREAM_HEADER_MAX)
		return -1;
	memcpy(out, data, len);
	out[len] = '\0';
	return 0;
}

void stream_close(int handle)
{
	(void)handle;
}
EOF
commit mira "2024-03-11 09:40:00" "stream: reject RTSP headers longer than the buffer" \
  "stream_parse_header() copied the header without looking at the size of the output buffer (found by CodeQL)."

# 19. release 1.0.0, tagged
put CMakeLists.txt << 'EOF'
cmake_minimum_required(VERSION 3.16)
project(camd VERSION 1.0.0 LANGUAGES C)

set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)

add_compile_options(-Wall -Wextra -O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2)

add_executable(camd
  src/camd/main.c
  src/camd/config.c
  src/camd/motion.c
  src/camd/stream.c)
install(TARGETS camd RUNTIME DESTINATION sbin)
EOF
put CHANGELOG.md << 'EOF'
# Changelog

## 1.0.0 - 2024-03-13

First release of the CAM-200 firmware.

- RTSP preview stream, motion detection, settings in /etc/camd.conf.
- Every camera makes its own TLS key at first boot; no key is shipped in the image.
- Cloud credentials are per device, issued at the factory.
- Security fix: RTSP headers longer than the parser's buffer are refused instead of overflowing it.
EOF
commit tomas "2024-03-13 15:00:00" "Release 1.0.0"
IFS='|' read -r tag_name tag_email tag_zone <<< "$(who tomas)"
GIT_COMMITTER_NAME=$tag_name GIT_COMMITTER_EMAIL=$tag_email GIT_COMMITTER_DATE="2024-03-13 15:05:00 $tag_zone" \
  g tag -a v1.0.0 -m "camd 1.0.0, the first CAM-200 release"

# 20. after the release
put README.md << 'EOF'
# camd - Examplecam CAM-200 camera firmware

Sources of the firmware of the Examplecam CAM-200 IP camera: the camera daemon `camd` (C, built with CMake) and
the Buildroot configuration of the board.

This repository is fictional. ComplianceAuditor's `examples/make-device-repo.sh` generates it to show what an
audit of a firmware repository and its history finds. Every key and token in its history is made up or throwaway.

## Building

    cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=$SDK/share/buildroot/toolchainfile.cmake
    cmake --build build

Release bundles are built and signed by the `release` job of `.github/workflows/ci.yml` when a `v*` tag is pushed.

## Support and security

Security updates are provided until the date given in SUPPORT.md. To report a vulnerability, follow SECURITY.md.
EOF
commit mira "2024-03-18 10:15:00" "README: releases, support and vulnerability reports"

# 21. the companion sensor node: a .NET nanoFramework application (C#) for the ESP32 that reports temperature over
# MQTT and updates itself. It carries what the C# analyzers look for: a factory Wi-Fi key written into the source,
# TLS to the broker without certificate checks, its update fetched over plain http and loaded without a signature
# check. Its settings file reads the broker password from the device's configuration store, which is right.
put sensor-node/SensorNode.nfproj << 'EOF2'
<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <RootNamespace>Examplecam.SensorNode</RootNamespace>
    <AssemblyName>SensorNode</AssemblyName>
    <TargetFrameworkVersion>v1.0</TargetFrameworkVersion>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="Program.cs" />
    <Compile Include="Settings.cs" />
    <Compile Include="Updater.cs" />
  </ItemGroup>
</Project>
EOF2
put sensor-node/Program.cs << 'EOF2'
using System.IO;
using System.Net;
using System.Net.Security;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using nanoFramework.Networking;

namespace Examplecam.SensorNode
{
    public class Program
    {
        // Every node leaves the factory on the commissioning network.
        private const string FactorySsid = "examplecam-factory";

        public static void Main()
        {
            WifiNetworkHelper.ConnectDhcp(FactorySsid, "Cam200-Factory-2024!", requiresDateTime: true);

            var settings = Settings.Load();
            var client = new MqttClient(settings.Broker, 8883, true, null, null, MqttSslProtocols.TLSv1_2);
            client.Connect(settings.ClientId, settings.User, settings.Password);

            var schedule = FetchSchedule();
            Updater.CheckForUpdate();
            Thread.Sleep(Timeout.Infinite);
        }

        private static string FetchSchedule()
        {
            var request = (HttpWebRequest)WebRequest.Create("https://config.examplecam.example/sensor-node/schedule.json");
            // The node has no clock before its first time sync, so certificate dates cannot be checked yet.
            request.SslVerification = SslVerification.NoVerification;
            using var response = (HttpWebResponse)request.GetResponse();
            using var reader = new StreamReader(response.GetResponseStream());
            return reader.ReadToEnd();
        }
    }
}
EOF2
put sensor-node/Settings.cs << 'EOF2'
using nanoFramework.Runtime.Native;

namespace Examplecam.SensorNode
{
    /// <summary>Broker settings, provisioned per device at the factory into the configuration store.</summary>
    public class Settings
    {
        public string Broker { get; private set; }

        public string ClientId { get; private set; }

        public string User { get; private set; }

        public string Password { get; private set; }

        public static Settings Load() => new Settings
        {
            Broker = ConfigurationStore.Read("mqtt.broker"),
            ClientId = ConfigurationStore.Read("mqtt.client"),
            User = ConfigurationStore.Read("mqtt.user"),
            Password = ConfigurationStore.Read("mqtt.password"),
        };
    }
}
EOF2
put sensor-node/Updater.cs << 'EOF2'
using System.IO;
using System.Net;
using System.Reflection;

namespace Examplecam.SensorNode
{
    /// <summary>Fetches the application's next version and loads it in place of the running one.</summary>
    public static class Updater
    {
        private const string UpdateUrl = "http://updates.examplecam.example/sensor-node/latest.pe";

        public static void CheckForUpdate()
        {
            var request = (HttpWebRequest)WebRequest.Create(UpdateUrl);
            using var response = (HttpWebResponse)request.GetResponse();
            using var stream = response.GetResponseStream();
            var image = new byte[response.ContentLength];
            var read = 0;
            while (read < image.Length)
            {
                read += stream.Read(image, read, image.Length - read);
            }

            Assembly.Load(image);
        }
    }
}
EOF2
commit priya "2024-03-25 16:40:00" "Add the sensor node application (nanoFramework, ESP32)"

# ---------------------------------------------------------------------------------------------------------------
[[ $(g status --porcelain | wc -l) -eq 0 ]] || die "the work tree is not clean after the last commit"
echo "wrote $repo"
echo "  main: $n_main commits, HEAD $(g rev-parse HEAD)"
echo "  feature/isp-sdk: $(g rev-list --count main..feature/isp-sdk) commits not on main, tip $(g rev-parse feature/isp-sdk)"
echo "  tag v1.0.0 -> $(g rev-parse 'v1.0.0^{commit}')"
echo "  planted in history (none is in the tree at HEAD):"
printf '    %s\n' "${plants[@]}"
