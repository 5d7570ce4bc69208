#!/usr/bin/env bash
# Debian packages the tests and the pdf export drive: Chromium (browser tests, pdf export),
# poppler-utils (pdftotext reads the pdf export back, pdftoppm renders its pages), and the fonts the
# pdf export names in its CSS, so no script prints as boxes: fonts-noto-core (Noto Serif, Noto Sans,
# Noto Naskh Arabic and Noto Nastaliq Urdu for Urdu and Arabic) and fonts-noto-color-emoji (emoji).
# Installs whichever is missing (CI, fresh machines).
set -euo pipefail

missing=()
if ! command -v chromium >/dev/null 2>&1 && [[ ! -x /usr/bin/chromium ]]; then
  missing+=(chromium)
fi
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  missing+=(poppler-utils)
fi
# A font package counts as present when its files are: fontconfig may not be installed to ask.
if [[ ! -e /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ]]; then
  missing+=(fonts-noto-core)
fi
if [[ ! -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]]; then
  missing+=(fonts-noto-color-emoji)
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
