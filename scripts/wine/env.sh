# Shared settings for the Windows-under-Wine stage (scripts/test-windows; sourced, not run). Every path comes
# from an environment variable with a default; nothing here depends on the machine it runs on.
#
#   KUAIDA_WINE_ROOT   everything the stage builds and caches: downloads, the Wine prefix, the Windows CPython
#                      with its wheels (default ~/.cache/kuaida-wine, kept between runs: a warm set-up is ~1 min)
#   KUAIDA_WINEPREFIX  the Wine prefix (default $KUAIDA_WINE_ROOT/prefix); WINEPREFIX is set from it
#   KUAIDA_WINPY       the Windows CPython folder (default $KUAIDA_WINE_ROOT/python)
#   KUAIDA_SRC         the Kuaida checkout to test (default: the one these scripts are in); never modified:
#                      every output goes under $KUAIDA_WINE_ROOT
#   KUAIDA_WINE_LOCALE the locale Wine emulates (default zh_CN.UTF-8: Chinese Windows, ANSI code page 936,
#                      as on the agents' PCs; C.UTF-8 gives English Windows, code page 1252)
#   WINE               the wine64 loader (default: wine64 or wine on PATH, else Debian's /usr/lib/wine/wine64)

KUAIDA_WINE_ROOT="${KUAIDA_WINE_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/kuaida-wine}"
KUAIDA_WINEPREFIX="${KUAIDA_WINEPREFIX:-$KUAIDA_WINE_ROOT/prefix}"
KUAIDA_WINPY="${KUAIDA_WINPY:-$KUAIDA_WINE_ROOT/python}"
KUAIDA_WINE_LOCALE="${KUAIDA_WINE_LOCALE:-zh_CN.UTF-8}"
KUAIDA_SRC="$(cd "${KUAIDA_SRC:-$(dirname "${BASH_SOURCE[0]}")/../..}" && pwd)"
if [ -z "${WINE:-}" ]; then
  WINE="$(command -v wine64 || command -v wine || true)"
  [ -n "$WINE" ] || WINE=/usr/lib/wine/wine64  # Debian's wine64 package puts no loader on PATH
fi
WINESERVER="${WINESERVER:-$(dirname "$WINE")/wineserver}"
[ -x "$WINESERVER" ] || WINESERVER="$(command -v wineserver || echo wineserver)"

export WINEPREFIX="$KUAIDA_WINEPREFIX"
export WINEARCH=win64
export WINEDEBUG="${WINEDEBUG:--all}"
# No Mono or Gecko download prompts (nothing here needs .NET or the HTML engine).
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"
# The shop's clock (China Standard Time) for Windows programs.
export TZ="${KUAIDA_WINE_TZ:-Asia/Shanghai}"

# Windows path of a Unix path (Wine maps / to drive Z:).
winpath() {
  local p
  p="$(realpath -m "$1")"
  printf 'Z:%s' "${p//\//\\}"
}

# Runs a Windows program under Wine with the emulated locale. Wine 8's Windows CPython 3.13 cannot start when its
# stdout or stderr is a regular Unix file ("init_sys_streams ... Invalid handle"), so both always go through pipes.
# The locale is compiled into $KUAIDA_WINE_ROOT/locale by setup.sh (LOCPATH): without it installed on the host,
# Wine falls back to an ASCII Unix charset and mangles every non-ASCII argument, path and environment value.
wrun() {
  ( set -o pipefail
    [ -d "$KUAIDA_WINE_ROOT/locale/$KUAIDA_WINE_LOCALE" ] && export LOCPATH="$KUAIDA_WINE_ROOT/locale"
    [ -f "$KUAIDA_WINE_ROOT/fonts.conf" ] && export FONTCONFIG_FILE="$KUAIDA_WINE_ROOT/fonts.conf"  # setup.sh: emoji
    # KUAIDA_WRUN_TIMEOUT=SECONDS: end the Windows process after that long (exit code 124).
    LC_ALL="$KUAIDA_WINE_LOCALE" LANG="$KUAIDA_WINE_LOCALE" \
      ${KUAIDA_WRUN_TIMEOUT:+timeout --kill-after=30 "$KUAIDA_WRUN_TIMEOUT"} "$WINE" "$@" 2> >(cat >&2) | cat )
}

# The Windows python.exe, run from the current folder.
wpy() { wrun "$KUAIDA_WINPY/python.exe" "$@"; }

# Stops every Windows process of our prefix (only ours: wineserver is per prefix).
wine_stop() { "$WINESERVER" -k 2>/dev/null || true; }

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Makes $KUAIDA_SRC importable by the Windows Python as an editable install (as `pip install -e .` does on
# Linux: desktop.resources maps to the checkout's resources/). Built by the Linux pip (kuaida is pure Python),
# then its path mapping is rewritten to Windows paths. Redone only when KUAIDA_SRC or the version changed.
link_kuaida() {
  local site="$KUAIDA_WINPY/Lib/site-packages" want
  want="$KUAIDA_SRC $(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$KUAIDA_SRC/desktop/__init__.py")"
  [ "$(cat "$site/.kuaida-src" 2>/dev/null)" = "$want" ] && return 0
  rm -rf "$site"/__editable__*kuaida* "$site"/kuaida-*.dist-info
  local tmp; tmp="$(mktemp -d)"
  python3 -m pip install -q --disable-pip-version-check --no-warn-conflicts --root-user-action=ignore --no-deps \
    --no-compile -e "$KUAIDA_SRC" --target "$tmp" \
    2> >(grep -v -e "is ignored" -e "as the 'root' user" >&2)
  python3 - "$tmp" "$KUAIDA_SRC" "$(winpath "$KUAIDA_SRC")" <<'PY'
import sys
from pathlib import Path
folder, unix, windows = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
for finder in folder.glob("__editable__*finder.py"):
    text = finder.read_text("utf-8")
    for sub in ("desktop", "resources"):
        text = text.replace(repr(f"{unix}/{sub}"), repr(f"{windows}\\{sub}"))
    finder.write_text(text, "utf-8")
PY
  rm -rf "$tmp/bin" "$tmp/__pycache__"
  cp -r "$tmp"/. "$site"/
  rm -rf "$tmp"
  echo "$want" >"$site/.kuaida-src"
}

# Starts Xvfb (1280×800) in the background, on KUAIDA_WINE_DISPLAY or else a free display it picks itself
# (-displayfd), exports DISPLAY and adds its PID to the caller's `pids` array. Logs to FOLDER/xvfb.log.
start_xvfb() {
  local folder="$1"
  if [ -n "${KUAIDA_WINE_DISPLAY:-}" ]; then
    Xvfb "$KUAIDA_WINE_DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$folder/xvfb.log" 2>&1 &
    pids+=($!)
    export DISPLAY="$KUAIDA_WINE_DISPLAY"
  else
    rm -f "$folder/display.txt"
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$folder/display.txt" >"$folder/xvfb.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do [ -s "$folder/display.txt" ] && break; sleep 0.1; done
    export DISPLAY=":$(tr -d '[:space:]' <"$folder/display.txt")"
  fi
  for _ in $(seq 50); do xdpyinfo -display "$DISPLAY" >/dev/null 2>&1 && break; sleep 0.1; done
}
