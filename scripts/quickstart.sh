#!/usr/bin/env bash
# BridgeDesk from a fresh Linux checkout: installs what is missing, then
#   demo  - opens BridgeDesk on its embedded database with the demo program
#   test  - checks the code (ruff, mypy), then runs the whole test suite
#   check - only the code checks: ruff check, ruff format --check, mypy
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  # Qt offscreen and on a real X display
  libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth
  # names in every script on screen; PDF pages back to text and images in tests
  fonts-noto-core fonts-droid-fallback fonts-nanum poppler-utils
  # a throwaway PostgreSQL server for the shared-database tests
  postgresql
  # the installer smoke test: a clean clone, the menu entry check, a screenshot under Xvfb
  git desktop-file-utils x11-apps
  # the accessibility walk (tests/accessibility): Qt's accessibility tree over AT-SPI, read by
  # Debian's python3 with pyatspi; keys sent through XTest
  python3-pyatspi at-spi2-core dbus-x11 libxtst6
)

install_system_packages() {
  command -v dpkg-query >/dev/null || return 0
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

python_env() {
  local py="${PYTHON:-python3}"
  if [ ! -x .venv/bin/python ]; then
    "$py" -m venv .venv
  fi
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
}

code_checks() {
  echo "Checking the code: ruff check, ruff format --check, mypy"
  .venv/bin/ruff check .
  .venv/bin/ruff format --check .
  .venv/bin/mypy
}

case "${1:-}" in
  demo)
    install_system_packages
    python_env
    data_dir="${BRIDGEDESK_DATA_DIR:-$HOME/.local/share/BridgeDesk-demo}"
    if [ ! -s "$data_dir/bridgedesk.db" ]; then
      .venv/bin/bridgedesk --data-dir "$data_dir" demo
    fi
    exec .venv/bin/bridgedesk --data-dir "$data_dir"
    ;;
  check)
    python_env
    code_checks
    ;;
  test)
    install_system_packages
    python_env
    code_checks
    exec .venv/bin/python -m pytest "${@:2}"
    ;;
  *)
    echo "usage: scripts/quickstart.sh demo|check|test [pytest arguments]" >&2
    exit 2
    ;;
esac
