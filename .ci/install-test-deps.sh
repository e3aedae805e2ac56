#!/usr/bin/env bash
# Installs what tests drive beyond the JDK: Debian's headless Chromium and the matching chromedriver for the
# dashboard's browser test (DashboardBrowserIT), and shellcheck for the chart module's script check. Using the distribution's pair (same version, same package) means Selenium
# never has to download a driver, which CI without general internet could not do anyway.
# Idempotent: does nothing when both binaries are already there.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && command -v shellcheck >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "install-test-deps: installing chromium, chromium-driver and shellcheck (Debian packages)" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver shellcheck
