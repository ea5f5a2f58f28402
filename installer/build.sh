#!/usr/bin/env bash
# Linux build: the PyInstaller bundle in dist/Kuaida/, then dist/Kuaida-<version>.msi with wixl (msitools).
#
#   installer/build.sh --windows            the real Windows MSI, on any Linux machine: the Windows bundle is
#                                           built by PyInstaller under Wine (scripts/wine: the embeddable
#                                           CPython for Windows with the project's Windows wheels; ~3 min, ~5 min
#                                           the first time), self-tested there, then wrapped by wixl. Unsigned:
#                                           sign it with installer/sign.sh (KUAIDA_SIGN_PKCS12) or on Windows.
#   installer/build.sh                      Linux bundle + MSI: a structural check of installer/kuaida.wxs
#                                           (properties, registry values, shortcut, upgrade logic), not
#                                           something to install
#   installer/build.sh --msi-only           MSI from an existing dist/Kuaida/
#   installer/build.sh --version 0.1.1     the MSI's ProductVersion (default: desktop.__version__), for upgrade tests
#   DIST=/tmp/out BUILD=/tmp/work installer/build.sh    other output and work folders
#   PYTHON=/path/to/python installer/build.sh           that Python (with .[build] installed); otherwise the
#                                           script installs wixl/msitools and .venv (.[dev,build]) when missing
set -euo pipefail
cd "$(dirname "$0")/.."

# A fresh clone has no .venv: set it up as scripts/test does (skipped when the caller names its own PYTHON,
# as the tests and scripts/wine/msi.sh do).
if [ -z "${PYTHON:-}" ]; then
  source scripts/setup.sh
  ensure_debian_packages msitools wixl
  ensure_venv dev,build
  PYTHON=.venv/bin/python
fi
DIST="${DIST:-dist}"
BUILD="${BUILD:-build}"
bundle=1
windows=0
version=""
while [ $# -gt 0 ]; do
  case "$1" in
    --msi-only) bundle=0 ;;
    --windows) windows=1 ;;
    --version) version="$2"; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$version" ] || version="$("$PYTHON" -c 'import desktop; print(desktop.__version__)')"

if [ "$bundle" -eq 1 ] && [ "$windows" -eq 1 ]; then
  bash scripts/wine/setup.sh
  mkdir -p "$DIST"
  KUAIDA_WINE_DIST="$(realpath "$DIST")" bash scripts/wine/bundle.sh  # fails on a failed self-test
elif [ "$bundle" -eq 1 ]; then
  "$PYTHON" -m PyInstaller installer/kuaida.spec --noconfirm --log-level WARN \
    --distpath "$DIST" --workpath "$BUILD/pyinstaller"
fi
# wixl looks files up relative to the working folder and rejects absolute paths, hence --relative-to.
bundle_dir="$(realpath -m --relative-to=. "$DIST/Kuaida")"  # -m: a missing bundle gets the message below
[ -d "$bundle_dir" ] || { echo "no bundle in $bundle_dir: run without --msi-only" >&2; exit 1; }

# The main executable is authored in kuaida.wxs (its File element carries the Start-menu shortcut), so it is
# left out of the harvest. A Linux bundle's executables have no .exe; symlinks (Linux only) cannot go in an MSI.
main_exe="$bundle_dir/Kuaida.exe"
[ -f "$main_exe" ] || main_exe="$bundle_dir/Kuaida"
mkdir -p "$BUILD/wix"
find "$bundle_dir" -type f | LC_ALL=C sort | grep -v -x -F "$main_exe" \
  | wixl-heat -p "$bundle_dir/" --component-group KuaidaFiles --directory-ref INSTALLDIR \
      --var var.SourceDir --win64 >"$BUILD/wix/files.wxs"

msi="$DIST/Kuaida-$version.msi"
# wixl warns that it ignores Property/@Secure (GLib noise): wixl_postbuild.py writes what it cannot compile.
wixl --arch x64 -D Wixl=1 -D Version="$version" -D SourceDir="$bundle_dir" -D MainExe="$main_exe" -D Win64=yes \
  -o "$msi" installer/kuaida.wxs "$BUILD/wix/files.wxs" 2> >(grep -v "has no property named 'Secure'" | grep -v '^$' >&2)
"$PYTHON" installer/wixl_postbuild.py installer/kuaida.wxs "$msi"
installer/sign.sh "$msi"  # only when KUAIDA_SIGN_PKCS12 is set
echo "$msi"
