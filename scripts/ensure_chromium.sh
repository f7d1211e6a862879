#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through Playwright; install it when we can.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium for the browser tests (apt-get)..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing at /usr/bin/chromium; install it with: sudo apt-get install -y chromium" >&2
exit 1
