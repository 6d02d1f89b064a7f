#!/usr/bin/env bash
# Runs every test: unit tests, integration tests on a real Kafka broker, SMTP server and databases, the browser test
# and the end-to-end tests. Installs first what a fresh Debian/Ubuntu machine lacks for them (apt, as root or through
# sudo), then runs `./mvnw -B verify` with any arguments given here.
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo > /dev/null; then sudo "$@"; else
    echo "Needs root to install packages: $*" >&2; exit 1
  fi
}

missing=()
# A JDK 17+ (the Maven wrapper fetches Maven 3.9.16 itself, with curl).
java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])' || missing+=(openjdk-17-jdk-headless)
command -v curl > /dev/null || missing+=(curl)
# The notifier's browser test (WebPageIT) drives Debian's headless Chromium through its chromedriver; a Chinese font
# makes its screenshots readable (without one, every Chinese character is a box).
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get > /dev/null; then
    echo "Please install: ${missing[*]} (no apt-get here)" >&2; exit 1
  fi
  echo "Installing what the tests need: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

exec ./mvnw -B verify "$@"
