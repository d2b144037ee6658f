#!/usr/bin/env bash
# Installs, from Debian's archive, the programs the test suite runs that no package registry of
# the project provides. What each tool is, how it is found and which packages provide it is
# defined once, in packages/toolchain (src/tools.mjs); this script asks it what is missing:
#   curl                  - runs the docs' cURL samples (and the mock's curl lines)
#   chromium              - the real browser for the browser tests (never a downloaded build)
#   php-cli, php-curl     - runs the docs' PHP samples
#   python3, python3-venv - a CPython >= 3.11 with venv, the base of the project's Python
#                           environment (.venv), which the set-up makes from uv.lock: the Python
#                           SDK, the docs' Python samples (requests) and their tools run there,
#                           never on a system python3's own packages
#   fonts-ipafont-gothic  - a Japanese font (3.5 MB), so the screenshots of the ja page show text
# Safe to run again: it installs only what is missing. Needs root or sudo on Debian/Ubuntu;
# elsewhere it says what to install and exits non-zero. Needs Node.js (the README's one prerequisite).
set -euo pipefail
cd "$(dirname "$0")/.."
toolchain=(node packages/toolchain/bin/vps-toolchain.mjs)

read -r -a missing <<< "$("${toolchain[@]}" packages)"
if [ ${#missing[@]} -eq 0 ]; then
  echo "System programs for the tests are present:"
  "${toolchain[@]}" check
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${missing[*]} (this script knows only Debian's apt-get)." >&2
  "${toolchain[@]}" check >&2 || true
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
# The same definitions decide whether it worked: a package that did not provide its tool fails here.
"${toolchain[@]}" check
