# Shared set-up for scripts/run and scripts/test: Debian packages (installed only when missing) and the
# project's virtual environment in .venv (re-installed only when pyproject.toml changed). Sourced, not run.

# Qt's xcb platform plugin and fonts (CJK; colour emoji, which replies often end with), needed to show the window.
RUN_PACKAGES=(libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libfontconfig1 libdbus-1-3 fonts-noto-cjk
  fonts-noto-color-emoji)
# The end-to-end tests: a virtual screen, a window manager, a real editor, X tools to drive them. For the
# installer (tests/installer): wixl and msitools build and read the MSI, wine64 runs its msiexec (install,
# upgrade, uninstall: ~12 s to install, ~1 min of tests), osslsigncode and xsltproc check signing and the
# heat transform that Windows builds use.
TEST_PACKAGES=(xvfb xauth openbox xdotool xclip x11-utils mousepad msitools wixl wine64 osslsigncode xsltproc)
# The Windows stage (scripts/test-windows): Wine, the zh_CN locale it emulates Chinese Windows with, the tools of
# the hotkey/paste loop, screenshots (ImageMagick's import), bc for timings, and Symbola: emoji Wine's GDI can draw.
WINE_PACKAGES=(wine64 locales xvfb xauth openbox xdotool x11-utils imagemagick msitools wixl bc fonts-noto-cjk
  fonts-symbola)

ensure_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "warning: not a Debian system; install the equivalent of: ${missing[*]}" >&2
    return 0
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  local log
  log="$(mktemp -t kuaida-apt.XXXXXX.log)"
  # apt and debconf talk a lot; the log is shown only when something failed.
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "error: installing Debian packages failed (full log: $log)" >&2
    return 1
  fi
  rm -f "$log"
}

ensure_venv() {
  local extras="$1"
  local stamp=".venv/.installed-$extras"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installing Python packages into .venv ($extras)…"
    # pip and the build backend print pages of notices; one line here, the log only when something failed.
    local log=".venv/pip-install.log"
    if ! { .venv/bin/python -m pip install -q --upgrade pip && .venv/bin/python -m pip install -q -e ".[$extras]"; } \
        >"$log" 2>&1; then
      tail -n 30 "$log" >&2
      echo "error: installing Python packages failed (full log: $log)" >&2
      return 1
    fi
    touch "$stamp"
  fi
}
