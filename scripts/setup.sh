#!/usr/bin/env bash
# Installs what eduaudit needs on a fresh Debian machine: system packages
# (OCR, old Word formats, LibreOffice for the demo's .doc files, fonts) and a
# virtual environment with the project, its demo region and its tests (extras `demo`
# and `test`). Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES="tesseract-ocr tesseract-ocr-rus antiword catdoc libreoffice-writer-nogui fonts-dejavu-core chromium wget"
missing=""
for pkg in $SYSTEM_PACKAGES; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "Installing system packages:$missing"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.eduaudit-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e ".[test,demo]"
  touch "$stamp"
fi
