#!/usr/bin/env bash
# The MSI of the real Windows bundle (bundle.sh), built on Linux by installer/build.sh --msi-only (wixl), plus a
# higher-version one for the upgrade; then tests/installer/test_msi_wine.py against them under Wine's msiexec
# (KUAIDA_WINDOWS_DIST): silent install with SHAREDFOLDER/TEAMKEY/AUTOSTART, registry values and Run key, the
# installed exes run (self-test, doctor reads the installer's settings, suggest creates the agent's store), an
# upgrade keeps the settings and the data, a downgrade is refused, the uninstall removes the program and keeps
# the data. Prints ok/FAIL lines and the test's pytest summary; exit code = failures. ~1.5 min.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=env.sh
source "$HERE/env.sh"
cd "$KUAIDA_SRC"

dist="${KUAIDA_WINE_DIST:-$KUAIDA_WINE_ROOT/dist}"
build="$KUAIDA_WINE_ROOT/build"
[ -f "$dist/Kuaida/Kuaida.exe" ] || { echo "FAIL  no Windows bundle in $dist/Kuaida: bundle.sh failed or did not run"; exit 1; }
failed=0
ok() { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failed=$((failed + 1)); }
python="${KUAIDA_LINUX_PYTHON:-$KUAIDA_SRC/.venv/bin/python}"
bumped=99.0.0  # tests/installer/conftest.py BUMPED_VERSION

version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/__init__.py)"
rm -f "$dist"/Kuaida-*.msi "$build/msi-junit.xml"
start=$(date +%s)
for arguments in "" "--version $bumped"; do
  # shellcheck disable=SC2086
  if ! DIST="$dist" BUILD="$build" PYTHON="$python" bash installer/build.sh --msi-only $arguments >"$build/msi-build.log" 2>&1; then
    fail "installer/build.sh --msi-only $arguments:"; tail -20 "$build/msi-build.log"; exit 1
  fi
done
msi="$dist/Kuaida-$version.msi"
mb=$(awk "BEGIN {printf \"%.1f\", $(stat -c %s "$msi") / 1048576}")
ok "wixl packaged the Windows bundle in $(( $(date +%s) - start )) s: $(basename "$msi") $mb MB" \
  "(bundle $(du -sm "$dist/Kuaida" | cut -f1) MB unpacked, $(find "$dist/Kuaida" -type f | wc -l) files)"
awk "BEGIN {exit !($mb <= 60)}" && ok "the MSI is within the 60 MB target" || fail "the MSI is over the 60 MB target: $mb MB"
echo "$mb" >"$build/msi-mb.txt"

# Install, run, upgrade, uninstall: the project's own MSI test, now with the real payload.
KUAIDA_WINDOWS_DIST="$dist" timeout 900 "$python" -m pytest -p no:cacheprovider -p no:randomly -q -rfE -s \
  --junitxml="$build/msi-junit.xml" tests/installer/test_msi_wine.py >"$build/msi-test.log" 2>&1
rc=$?
grep -a -E "→ exit|^installed|^(FAILED|ERROR)|passed|failed" "$build/msi-test.log" | cut -c1-300 | sed 's/^/      /'
[ $rc -eq 0 ] || tail -40 "$build/msi-test.log"
exit $(( failed + (rc != 0) ))
