#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each real program a test drives: the browser, the spreadsheet programs whose files a return may
# come from (LibreOffice, Gnumeric, openpyxl), the schema validator and the PDF readers.
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
command -v ssconvert >/dev/null 2>&1 || need+=(gnumeric)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
# LibreOffice's scripting interface, for edits made the way Calc makes them (test/support/libreoffice.ts).
/usr/bin/python3 -c 'import uno' >/dev/null 2>&1 || need+=(python3-uno)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
[ -d /usr/share/fonts/truetype/liberation ] || need+=(fonts-liberation)
# Liberation 2 has the Vietnamese letters (ệ, ở …) that 1.07 lacks: Times New Roman's stand-in.
[ -d /usr/share/fonts/truetype/liberation2 ] || need+=(fonts-liberation2)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

npm ci --no-audit --no-fund
npm run typecheck
npm run lint
npm run build
npx jest --ci
