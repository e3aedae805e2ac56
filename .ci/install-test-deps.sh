#!/usr/bin/env bash
# Installs what the dashboard's browser test (DashboardBrowserIT) drives: Debian's headless Chromium and
# the matching chromedriver. Using the distribution's pair (same version, same package) means Selenium
# never has to download a driver, which CI without general internet could not do anyway.
# Idempotent: does nothing when both binaries are already there.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "install-test-deps: installing chromium and chromium-driver (Debian packages)" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver
