#!/usr/bin/env bash
# Install everything the edition needs, once: Debian packages, a Python virtual environment with pinned
# versions, and the npm packages the tests inject into pages. Safe to run again; it skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

# epubcheck (with a Java runtime): the e-book is checked against the EPUB specification in tests/test_epub.py
APT_PACKAGES=(chromium poppler-utils epubcheck)
# Node.js and npm for axe-core and the iframe-worker shim, where the machine has none of its own
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)
# venv and pip for Python, where the machine's Python is Debian's own
python3 -c "import venv, ensurepip" 2>/dev/null || APT_PACKAGES+=(python3-venv)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
stamp=".venv/.requirements.sha256"
want=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing Python packages into .venv"
  [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
  echo "$want" > "$stamp"
fi
# The edition's own package (the model, the render layer, the MkDocs plugin), editable: MkDocs finds the plugin by
# its entry point, and a change to redbook/ needs no reinstall. Done again when pyproject.toml changes.
pkg_stamp=".venv/.pyproject.sha256"
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$pkg_stamp" 2>/dev/null)" != "$want" ] || ! .venv/bin/python -c "import redbook.plugin" 2>/dev/null; then
  echo "setup: installing the edition's package into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
  echo "$want" > "$pkg_stamp"
fi

if [ -f package.json ]; then
  npm_stamp="node_modules/.package-lock.sha256"
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$npm_stamp" 2>/dev/null)" != "$want" ]; then
    echo "setup: installing npm packages"
    npm ci --silent --no-audit --no-fund
    echo "$want" > "$npm_stamp"
  fi
fi
