#!/usr/bin/env bash
# The real Windows one-folder bundle, built by PyInstaller under Wine from installer/kuaida.spec exactly
# as installer/build.ps1 does (--noconfirm --log-level WARN), then checked under Wine: size, the Windows
# version resource, kuaida-cli.exe --self-test, Kuaida.exe --self-test (windowed: exit code only), and
# kuaida-cli.exe suggest. Output in $KUAIDA_WINE_ROOT/dist/Kuaida (work folder $KUAIDA_WINE_ROOT/build).
# ~2 min on 2 busy cores. Exit code = failed checks.
#
#   scripts/wine/bundle.sh   (after setup.sh)
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=env.sh
source "$HERE/env.sh"
link_kuaida
cd "$KUAIDA_SRC"

dist="${KUAIDA_WINE_DIST:-$KUAIDA_WINE_ROOT/dist}"
build="$KUAIDA_WINE_ROOT/build"
failed=0
ok() { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failed=$((failed + 1)); }

rm -rf "$dist/Kuaida" "$build/pyinstaller"
mkdir -p "$dist" "$build"
start=$(date +%s)
wpy -m PyInstaller installer/kuaida.spec --noconfirm --log-level WARN \
  --distpath "$(winpath "$dist")" --workpath "$(winpath "$build/pyinstaller")" >"$build/pyinstaller.log" 2>&1
rc=$?
seconds=$(( $(date +%s) - start ))
bundle="$dist/Kuaida"
if [ $rc -eq 0 ] && [ -f "$bundle/Kuaida.exe" ] && [ -f "$bundle/kuaida-cli.exe" ]; then
  ok "PyInstaller built the bundle in ${seconds} s: $(du -sh "$bundle" | cut -f1) in $(find "$bundle" -type f | wc -l) files"
else
  fail "PyInstaller (rc $rc, ${seconds} s):"; tail -30 "$build/pyinstaller.log"
  wine_stop; exit 1
fi
grep -a -v "^$" "$build/pyinstaller.log" | tail -8 | sed 's/^/      log: /'
echo "      largest files:"
find "$bundle" -type f -printf '%s %P\n' | sort -rn | head -8 | awk '{printf "        %6.1f MB  %s\n", $1/1048576, $2}'
trimmed="$(find "$build/pyinstaller" -name trimmed.txt | head -1)"
echo "      trimmed by qt_trim: $( [ -n "$trimmed" ] && wc -l <"$trimmed" || echo '?') files"

# The version resource (Explorer's Details tab), read back with the Windows Python.
wpy -c "
import ctypes, sys
sys.stdout.reconfigure(encoding='utf-8')
path = sys.argv[1]
size = ctypes.windll.version.GetFileVersionInfoSizeW(path, None)
buf = ctypes.create_string_buffer(size)
ctypes.windll.version.GetFileVersionInfoW(path, 0, size, buf)
out = []
for key in ('ProductName', 'FileDescription', 'FileVersion', 'OriginalFilename'):
    ptr, length = ctypes.c_void_p(), ctypes.c_uint()
    if ctypes.windll.version.VerQueryValueW(buf, f'\\\\StringFileInfo\\\\040904B0\\\\{key}', ctypes.byref(ptr), ctypes.byref(length)):
        out.append(f'{key}={ctypes.wstring_at(ptr.value)}')
print('; '.join(out) or 'no version resource')
" "$(winpath "$bundle/Kuaida.exe")" >"$build/version.txt" 2>&1
grep -q "FileVersion=" "$build/version.txt" && ok "version resource: $(cat "$build/version.txt")" \
  || fail "no version resource on Kuaida.exe: $(cat "$build/version.txt")"

# The console executable, as IT runs it.
start=$(date +%s.%N)
wrun "$bundle/kuaida-cli.exe" --self-test >"$build/selftest-cli.txt" 2>&1; rc=$?
took=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
[ $rc -eq 0 ] && grep -q "self-test passed" "$build/selftest-cli.txt" \
  && ok "kuaida-cli.exe --self-test (${took} s wall): $(cat "$build/selftest-cli.txt")" \
  || fail "kuaida-cli.exe --self-test rc $rc: $(tail -5 "$build/selftest-cli.txt")"
# The windowed executable has no console; its exit code still tells.
wrun "$bundle/Kuaida.exe" --self-test >"$build/selftest-gui.txt" 2>&1; rc=$?
[ $rc -eq 0 ] && ok "Kuaida.exe --self-test exit code 0" || fail "Kuaida.exe --self-test rc $rc: $(tail -5 "$build/selftest-gui.txt")"
data="$(winpath "$build/cli-data")"
rm -rf "$build/cli-data"
wrun "$bundle/kuaida-cli.exe" --data-dir "$data" suggest 什么时候发货 >"$build/suggest.txt" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q "发货" "$build/suggest.txt" && ok "kuaida-cli.exe suggest 什么时候发货: $(sed -n 2p "$build/suggest.txt")" \
  || fail "kuaida-cli.exe suggest rc $rc: $(tail -5 "$build/suggest.txt")"

wine_stop
echo "$failed failed"
exit "$failed"
