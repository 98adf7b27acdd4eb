#!/usr/bin/env bash
# The browser tests' Chromium and chromedriver: Debian's packages, installed when missing (a clean CI machine
# has neither). Needs root, or a machine where they are installed already; says why when it cannot.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "chromium and chromium-driver are missing and this user cannot install them: apt-get install chromium chromium-driver" >&2
    exit 1
fi
echo "Installing chromium and chromium-driver for the browser tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
chromium --version
