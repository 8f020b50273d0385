#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine with Node 20: redis-server and
# chromium from Debian (only when missing), then the npm dependencies from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# A CJK font so the browser tests' screenshots show Chinese text (the tests do not need it).
[ -d /usr/share/fonts/truetype/wqy ] || missing+=(fonts-wqy-zenhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Botkit's dependencies run `npx rimraf` in a postinstall; npx must not stop to ask.
export npm_config_yes=true
npm ci --no-audit --no-fund
