#!/bin/sh
# Installs the Debian 12 packages Tendon builds and tests with, but only those that are
# missing: a machine that already has them is left alone and needs no network or root.
# Usage: install-deps.sh [PACKAGE...]   (default: what the build and the tests need)
set -eu

PACKAGES="cmake make g++ pkg-config tzdata sqlite3
libsqlite3-dev libboost-dev libtomlplusplus-dev rapidjson-dev libhowardhinnant-date-dev
libgtest-dev libgmock-dev googletest libbenchmark-dev
libpugixml-dev zlib1g-dev libssl-dev libarchive-dev libexpat1-dev clang libclang-rt-14-dev
libsystemd-dev systemd libcurl4-openssl-dev
dbus-daemon python3-dbusmock"
[ $# -gt 0 ] && PACKAGES="$*"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

[ -z "$missing" ] && exit 0

echo "tendon: installing missing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "tendon: need root or sudo to install:$missing" >&2
  exit 1
fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
