#!/usr/bin/env bash
# Debian packages the tests drive: Chromium (browser tests, pdf export) and poppler-utils
# (pdftotext reads the pdf export back). Installs whichever is missing (CI, fresh machines).
set -euo pipefail

missing=()
if ! command -v chromium >/dev/null 2>&1 && [[ ! -x /usr/bin/chromium ]]; then
  missing+=(chromium)
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  missing+=(poppler-utils)
fi
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "Installing Debian packages the tests need: ${missing[*]}…"
sudo_if_needed=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_if_needed=(sudo)
fi
"${sudo_if_needed[@]}" apt-get update -qq
"${sudo_if_needed[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
