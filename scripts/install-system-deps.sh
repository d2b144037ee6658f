#!/usr/bin/env bash
# Installs the system packages the test suite runs against, from Debian's archive:
#   curl              - to execute the cURL code samples of the docs (and the mock's curl line)
#   chromium          - the real browser for the docs tests (never a downloaded browser build)
#   php-cli, php-curl - to execute the PHP code samples of the docs
#   python3-requests  - to execute the Python code samples of the docs, when the first python3 on
#                       the PATH lacks `requests` (the tests then use /usr/bin/python3; PyPI is not
#                       reachable, Debian's archive is)
#   fonts-ipafont-gothic - a Japanese font (3.5 MB), so the screenshots of the ja page show text,
#                          not boxes (the page loads no font from outside, by design)
# Safe to run again: it installs only what is missing. Needs root or sudo on Debian/Ubuntu;
# elsewhere it says what to install and exits non-zero.
set -euo pipefail

missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v php >/dev/null 2>&1 || missing+=(php-cli)
if command -v php >/dev/null 2>&1 && ! php -m 2>/dev/null | grep -qi '^curl$'; then missing+=(php-curl); fi
command -v php >/dev/null 2>&1 || missing+=(php-curl)
python_with_requests() {
  command -v python3 >/dev/null 2>&1 && python3 -c 'import requests' >/dev/null 2>&1 && return 0
  [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import requests' >/dev/null 2>&1
}
python_with_requests || missing+=(python3-requests)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then missing+=(fonts-ipafont-gothic); fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages for the tests are present (curl, chromium, php-cli, php-curl, python3 with requests, a Japanese font)."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${missing[*]} (this script knows only Debian's apt-get)." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Installing ${missing[*]} needs root: run this script as root or install them yourself." >&2
    exit 1
  fi
fi
echo "Installing from Debian's archive: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
if ! python_with_requests; then
  echo "python3-requests is installed, but neither the first python3 nor /usr/bin/python3 imports requests." >&2
  exit 1
fi
