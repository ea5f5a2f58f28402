#!/usr/bin/env bash
# The project's pytest suite under Wine's Windows CPython 3.13 (Qt offscreen, emulated Chinese Windows: ANSI
# code page 936), minus what only runs on Linux: tests/e2e (drives X11) and tests/installer (builds the Linux
# bundle; the stage's MSI step runs test_msi_wine.py against the real Windows MSI instead). Writes
# $KUAIDA_WINE_ROOT/pytest/junit.xml and log-utf8.txt; prints the failures and counts per folder.
# ~3-4 min on 2 busy cores. Extra arguments replace the default selection (e.g. tests/core -x).
#
#   scripts/wine/pytest.sh [PYTEST ARGS]
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=env.sh
source "$HERE/env.sh"
link_kuaida
cd "$KUAIDA_SRC"

out="$KUAIDA_WINE_ROOT/pytest"
rm -rf "$out"
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tests --ignore=tests/e2e --ignore=tests/installer -m "not e2e and not installer")
start=$(date +%s)
# A run stuck in native code never reaches pytest-timeout: `timeout` ends it (exit code 124).
KUAIDA_WRUN_TIMEOUT="${KUAIDA_WINE_TEST_TIMEOUT:-1500}" wpy -m pytest -p no:cacheprovider -q -rfEs \
  --junitxml="$(winpath "$out/junit.xml")" "${targets[@]}" >"$out/log.txt" 2>&1
rc=$?
seconds=$(( $(date +%s) - start ))
wine_stop  # ends any Windows process a test left behind

# pytest writes in the console code page (GBK under zh_CN): a UTF-8 copy to read.
iconv -f gb18030 -t utf-8 -c "$out/log.txt" >"$out/log-utf8.txt" 2>/dev/null || cp "$out/log.txt" "$out/log-utf8.txt"
grep -E "^(FAILED|ERROR)" "$out/log-utf8.txt" | head -n 40
[ $rc -eq 0 ] || tail -n 60 "$out/log-utf8.txt"
python3 - "$out/junit.xml" "$seconds" "$rc" <<'PY'
import collections
import sys
import xml.etree.ElementTree as ET

path, seconds, rc = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    root = ET.parse(path).getroot()
except (OSError, ET.ParseError) as error:
    print(f"no junit report ({error}); pytest exit code {rc} after {seconds} s")
    sys.exit(0)
counts = collections.defaultdict(collections.Counter)
for case in root.iter("testcase"):
    folder = "/".join(case.get("classname", "").split(".")[:2])
    kind = "passed"
    for child in case:
        if child.tag in ("failure", "error", "skipped"):
            kind = child.tag
    counts[folder][kind] += 1
total = collections.Counter()
print(f"{'folder':<28} passed failed errors skipped")
for folder in sorted(counts):
    c = counts[folder]
    total.update(c)
    print(f"{folder:<28} {c['passed']:>6} {c['failure']:>6} {c['error']:>6} {c['skipped']:>7}")
print(f"{'total':<28} {total['passed']:>6} {total['failure']:>6} {total['error']:>6} {total['skipped']:>7}"
      f"   in {seconds} s, pytest exit code {rc}")
PY
exit "$rc"
