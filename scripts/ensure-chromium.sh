#!/bin/sh
# Installs Debian's Chromium for the browser tests when it is missing and we may install it.
# Never downloads a browser of Playwright's own: that cannot work offline.
CHROMIUM="${RECOUPE_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "could not install chromium: browser tests will be skipped"
else
  echo "chromium not found at $CHROMIUM and cannot be installed here: browser tests will be skipped"
fi
exit 0
