# Shared by scripts/run-app and scripts/run-tests: system packages and the Python environment.
# Sourced, not run. Installs only what is missing; safe to run again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${COUNTER_APP_VENV:-$ROOT/.venv}"

# Debian packages: Qt's xcb/EGL libraries, a CJK screen font, libcups2-dev (pycups builds against
# it: print jobs go to CUPS), Xvfb (screenshots), poppler (pdftoppm/pdftotext for print tests), the
# PostgreSQL server and the CUPS server with its PDF virtual printer (cups-pdf) that the tests start,
# faketime (a process-local system clock at 9999-12-31 for the clock attack test).
APP_DEBS=(libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0 libxcb-icccm4
  libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1
  libxcb-cursor0 libxcb-shape0 libxcb-randr0 fonts-noto-cjk libcups2-dev gcc
  libpulse0)  # libpulse0: QtMultimedia (the document camera), loaded when the capture dialog opens
# gcc with libc6-dev (its headers: gcc only recommends it) also builds the stub ID card reader library
# the suite loads through ctypes (tests/devices/stub_termb.c).
TEST_DEBS=(xvfb xauth poppler-utils postgresql cups printer-driver-cups-pdf libc6-dev faketime)
# pycups has no wheel: pip compiles it with gcc against libcups2-dev and the interpreter's own
# headers (Python.h), which a Debian python3 has only with python3-dev.
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import os, sys, sysconfig
sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null; then
  APP_DEBS+=(python3-dev)
fi

ensure_debs() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: the user provides them
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      echo "缺少系统软件包（请管理员安装）: ${missing[*]}" >&2; return 1
    fi
  fi
  echo ">> apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_venv() {
  local extras="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" || {
      ensure_debs python3-venv && python3 -m venv "$VENV"; }
  fi
  local stamp="$VENV/.installed-$extras"
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]"
    touch "$stamp"
  fi
}
