#!/usr/bin/env bash
# Start → first paint under Wine (Xvfb + openbox, Qt's Windows platform plugin, a warm wineserver),
# as bench/startup.py measures it on Linux: Kuaida from source (python -m desktop), the PyInstaller bundle
# (kuaida-cli.exe without arguments opens the window; it has a console to print to) when bundle.sh has run,
# and a bare always-on-top 360×560 QWidget with the overlay's window flags, started the same way. Each prints
# the wall-clock time of its first paint (KUAIDA_BENCH_FIRST_PAINT, desktop/app.py) and quits; runs alternate.
# Set KUAIDA_LINUX_PYTHON to a Linux venv's python with Kuaida installed to add the native figures (xcb).
# ~2 min for 5 rounds. Prints medians and the ratios.
#
#   KUAIDA_SRC=/path/to/kuaida [KUAIDA_WINE_RUNS=5] bench/startup_wine.sh
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../scripts/wine/env.sh
source "$HERE/../scripts/wine/env.sh"
link_kuaida
cd "$KUAIDA_SRC"

out="$KUAIDA_WINE_ROOT/startup"
rm -rf "$out"; mkdir -p "$out"
unset QT_QPA_PLATFORM
runs="${KUAIDA_WINE_RUNS:-5}"
pids=()
cleanup() { wine_stop; for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done; wait 2>/dev/null; }
trap cleanup EXIT
start_xvfb "$out"
for _ in $(seq 50); do xdpyinfo -display "$DISPLAY" >/dev/null 2>&1 && break; sleep 0.1; done
openbox >/dev/null 2>&1 &
pids+=($!)
sleep 1
"$WINESERVER" -p
wpy -c "pass"  # warm: the wineserver, its services and the page cache, as on a PC that is already running

# The bare window of bench/startup.py: same flags and size as the overlay, nothing in it.
cat >"$out/bare.py" <<'EOF'
import os, sys, time
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
                 | Qt.WindowType.WindowDoesNotAcceptFocus)
window.setWindowTitle("bare")
window.resize(360, 560)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            def done():
                print(f"first-paint {time.time():.6f}", flush=True)
                app.quit()
            QTimer.singleShot(0, done)
        return False
first = FirstPaint()
window.installEventFilter(first)
window.show()
app.exec()
EOF

variants=(bare kuaida)
[ -f "${KUAIDA_WINE_DIST:-$KUAIDA_WINE_ROOT/dist}/Kuaida/kuaida-cli.exe" ] && variants+=(bundle)
[ -n "${KUAIDA_LINUX_PYTHON:-}" ] && variants+=(linux-bare linux-kuaida)
measure() {  # prints seconds from launch to first paint
  local which="$1" home="$out/home-$RANDOM$RANDOM" start line
  mkdir -p "$home"
  start=$(date +%s.%N)
  case "$which" in
    bare) line="$(KUAIDA_HOME="$(winpath "$home")" wpy "$(winpath "$out/bare.py")" 2>/dev/null | grep first-paint)" ;;
    kuaida) line="$(KUAIDA_HOME="$(winpath "$home")" KUAIDA_BENCH_FIRST_PAINT=1 wpy -m desktop 2>/dev/null | grep first-paint)" ;;
    bundle) line="$(KUAIDA_HOME="$(winpath "$home")" KUAIDA_BENCH_FIRST_PAINT=1 \
                    wrun "${KUAIDA_WINE_DIST:-$KUAIDA_WINE_ROOT/dist}/Kuaida/kuaida-cli.exe" 2>/dev/null | grep first-paint)" ;;
    linux-bare) line="$("$KUAIDA_LINUX_PYTHON" "$out/bare.py" 2>/dev/null | grep first-paint)" ;;
    linux-kuaida) line="$(KUAIDA_HOME="$home" KUAIDA_BENCH_FIRST_PAINT=1 "$KUAIDA_LINUX_PYTHON" -m desktop 2>/dev/null \
                          | grep first-paint)" ;;
  esac
  line="$(printf '%s' "$line" | tr -d '\r' | head -1)"  # Windows programs end lines with CR LF
  [ -n "$line" ] || { echo nan; return; }
  echo "${line#first-paint } - $start" | bc
}
for round in $(seq "$runs"); do  # alternate, so a busy moment of the machine hits every variant alike
  for which in "${variants[@]}"; do
    echo "$which $(measure "$which")" >>"$out/times.txt"
  done
done
python3 - "$out/times.txt" <<'EOF'
import statistics, sys, collections
times = collections.defaultdict(list)
for line in open(sys.argv[1]):
    which, value = line.split()
    if value != "nan":
        times[which].append(float(value))
median = {w: statistics.median(v) for w, v in times.items() if v}
for which, values in times.items():
    print(f"first paint {which:13}: median {median[which] * 1000:6.0f} ms  min {min(values) * 1000:6.0f}"
          f"  max {max(values) * 1000:6.0f}  n={len(values)}")
for a, b in (("kuaida", "bare"), ("bundle", "bare"), ("linux-kuaida", "linux-bare"), ("kuaida", "linux-kuaida"),
             ("bare", "linux-bare")):
    if a in median and b in median:
        print(f"ratio {a} / {b}: {median[a] / median[b]:.2f}")
EOF
