#!/usr/bin/env bash
# Debian's Chromium and a Chinese font for the console's browser tests (playwright-core never downloads a
# browser), installed with apt when /usr/bin/chromium is missing; nothing to do otherwise. Needs root or sudo.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then exit 0; fi
echo "[browser] installing Chromium and a Chinese font (apt-get install chromium fonts-wqy-zenhei)" >&2
sudo=$([[ $(id -u) == 0 ]] || echo sudo)
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium fonts-wqy-zenhei
