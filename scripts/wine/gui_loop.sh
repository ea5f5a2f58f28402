#!/usr/bin/env bash
# The real loop under Wine, on Qt's real Windows platform plugin (qwindows), with the real Windows adapters
# (RegisterHotKey + WM_HOTKEY filter, SendInput Ctrl+V, GetClipboardSequenceNumber, SetForegroundWindow focus
# hand-back): Xvfb + openbox; Wine's virtual desktop (Wine then plays the Windows window manager); Wine's notepad
# as the chat client, with the focus; Kuaida started from the checkout (python -m desktop) with the e2e probe
# (KUAIDA_E2E_PROBE: counts and row positions, no text). Once: another program holds Alt+Q (only that hotkey
# must be reported), and a copy marked for password managers must be ignored. Then KUAIDA_WINE_ROUNDS rounds
# (default 3) of:
#   1. a buyer message goes on the Windows clipboard (winhelper.py setclip: OpenClipboard/SetClipboardData, as a
#      copy in another Windows program); Alt+1 (xdotool) → the top reply must appear in notepad's Edit control
#      (read back with WM_GETTEXT) and notepad must keep the focus (GetForegroundWindow)
#   2. a second message, then a click on its second reply → in notepad, focus kept
#   3. Alt+S, typing "fh", Enter → search, paste, focus handed back to notepad
# Replies carry emoji (📦🚚😊): with Symbola as Wine's "Segoe UI Emoji" (setup.sh) they are drawn, not a crash.
# Screenshots in $KUAIDA_WINE_ROOT/gui/*.png; Kuaida's log there too. Prints ok/FAIL lines; exit code = failed
# checks. KUAIDA_WINE_APP=/path/to/Kuaida.exe runs the PyInstaller bundle or an installed copy instead.
# ~1-2 min. Needs setup.sh. Xvfb picks a free display unless KUAIDA_WINE_DISPLAY names one (e.g. :77).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=env.sh
source "$HERE/env.sh"
link_kuaida
cd "$KUAIDA_SRC"

out="$KUAIDA_WINE_ROOT/gui"
rm -rf "$out"
mkdir -p "$out/data"
unset QT_QPA_PLATFORM  # the real Windows platform plugin
failed=0
pids=()
cleanup() {
  wine_stop
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
}
trap cleanup EXIT

ok() { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failed=$((failed + 1)); }
shot() { import -display "$DISPLAY" -window root "$out/$1.png" 2>/dev/null && echo "      screenshot $out/$1.png"; }
helper() { wpy "$(winpath "$HERE/winhelper.py")" "$@"; }
probe() { cat "$out/probe.json" 2>/dev/null || echo '{}'; }
jget() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2], {}, {'d': d}))" "$1" "$2" 2>/dev/null; }
# wait_for SECONDS PYTHON-EXPRESSION-ON-d(probe) DESCRIPTION
wait_probe() {
  local deadline=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    [ "$(jget "$(probe)" "$2")" = True ] && return 0
    sleep 0.2
  done
  return 1
}

# Polls notepad (WM_GETTEXT) until its text is not empty or SECONDS pass; leaves the last state in $state.
wait_text() {
  local deadline=$(( $(date +%s) + $1 ))
  while :; do
    state="$(helper state)"
    [ -n "$(jget "$state" "d['edit_text'] or ''")" ] && return 0
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 0.3
  done
}

# X and a window manager --------------------------------------------------------------------------------------
start_xvfb "$out"
openbox >"$out/openbox.log" 2>&1 &
pids+=($!)
sleep 1

# Wine's virtual desktop (default): Wine itself then plays the Windows window manager (activation, focus,
# WS_EX_NOACTIVATE, z-order) inside one X window, as on Windows; KUAIDA_WINE_VDESKTOP=off runs every Windows
# window as an X window managed by openbox instead (Wine then follows openbox's idea of the focus).
VDESKTOP="${KUAIDA_WINE_VDESKTOP:-1200x740}"
desktop_reg() {
  if [ "$VDESKTOP" = off ] || [ "$1" = off ]; then
    wrun reg delete 'HKCU\Software\Wine\Explorer' /v Desktop /f >/dev/null 2>&1
  else
    wrun reg add 'HKCU\Software\Wine\Explorer' /v Desktop /t REG_SZ /d KuaidaTest /f >/dev/null 2>&1
    wrun reg add 'HKCU\Software\Wine\Explorer\Desktops' /v KuaidaTest /t REG_SZ /d "$VDESKTOP" /f >/dev/null 2>&1
  fi
}
trap 'desktop_reg off; cleanup' EXIT

# The chat client stand-in --------------------------------------------------------------------------------------
"$WINESERVER" -p  # one wineserver for all our Windows programs, kept warm between them
desktop_reg on
( export LOCPATH="$KUAIDA_WINE_ROOT/locale"; [ -f "$KUAIDA_WINE_ROOT/fonts.conf" ] && export FONTCONFIG_FILE="$KUAIDA_WINE_ROOT/fonts.conf"; LC_ALL="$KUAIDA_WINE_LOCALE" LANG="$KUAIDA_WINE_LOCALE" \
  "$WINE" notepad >"$out/notepad.log" 2>&1 ) &
pids+=($!)
notepad_x=""
for _ in $(seq 100); do
  if [ "$VDESKTOP" = off ]; then
    notepad_x="$(xdotool search --onlyvisible --class notepad 2>/dev/null | head -1)"
  else
    notepad_x="$(xdotool search --onlyvisible --class explorer 2>/dev/null | head -1)"  # the desktop window
  fi
  [ -n "$notepad_x" ] && [ "$(helper state | python3 -c 'import json,sys; print(json.load(sys.stdin)["notepad"] != 0)')" = True ] && break
  sleep 0.2
done
[ -n "$notepad_x" ] || { fail "notepad did not start"; exit 1; }
origin_x=0 origin_y=0
if [ "$VDESKTOP" != off ]; then
  eval "$(xdotool getwindowgeometry --shell "$notepad_x" | sed -n 's/^X=/origin_x=/p; s/^Y=/origin_y=/p')"
  echo "      Wine virtual desktop $VDESKTOP at X ($origin_x,$origin_y)"
fi
focus_notepad() {
  xdotool windowactivate --sync "$notepad_x" 2>/dev/null
  [ "$VDESKTOP" = off ] || helper focus-notepad >/dev/null
}
focus_notepad
[ "$VDESKTOP" = off ] && xdotool windowmove "$notepad_x" 40 60 windowsize "$notepad_x" 640 420 2>/dev/null
sleep 0.5

# The expected replies, from the CLI on the same (fresh) data folder --------------------------------------------
ROUNDS="${KUAIDA_WINE_ROUNDS:-3}"
export KUAIDA_LOG_LEVEL="${KUAIDA_LOG_LEVEL:-DEBUG}"
# Each copy must differ from the one before (Kuaida ignores a copy of what it already shows).
FIRST=("亲，今天能发货吗" "什么时候发货呀" "亲，今天能发货吗？")
SECOND=("收到的衣服尺码不合适，可以退换吗" "尺码不合适可以换吗" "收到的衣服尺码不合适，可以退换吗？")
data="$(winpath "$out/data")"
# The replies the CLI gives on the same (fresh) data folder. Round 1 must match them exactly; later rounds may be
# reordered by what Kuaida learnt from the picks before, so there the pasted reply must be one of them.
wpy -m desktop --data-dir "$data" suggest --json --top 5 "${FIRST[@]}" "${SECOND[@]}" >"$out/expected.jsonl" 2>"$out/expected.err"
expected() {  # expected INDEX-OF-MESSAGE RANK → the reply text ("" when there is none)
  python3 -c "import json,sys; lines=open(sys.argv[1], encoding='utf-8').readlines(); s=json.loads(lines[int(sys.argv[2])])['suggestions']; print(s[int(sys.argv[3])]['text'] if len(s) > int(sys.argv[3]) else '')" "$out/expected.jsonl" "$1" "$2" 2>/dev/null
}
among() {  # among TEXT → whether TEXT is one of the CLI's replies to any of the messages
  python3 -c "import json,sys; texts={x['text'] for line in open(sys.argv[1], encoding='utf-8') for x in json.loads(line)['suggestions']}; sys.exit(0 if sys.argv[2] in texts else 1)" "$out/expected.jsonl" "$1" 2>/dev/null
}
# A hotkey as a person presses it: Alt stays down for a moment after the key (xdotool's alt+1 releases both at
# once, before Kuaida has even seen WM_HOTKEY).
hotkey() {
  xdotool keydown alt
  xdotool key "$1"
  sleep 0.15
  xdotool keyup alt
}
echo "      expected for Alt+1 in round 1: $(expected 0 0)"
# The loop pastes the same replies into one chat round after round; the duplicate-send guard would rightly hold
# the repeats (as in tests/e2e, it is off here; its own tests cover it).
printf '{"version": 1, "values": {"duplicate_guard": false}}' >"$out/data/settings.json"

# Another program holds Alt+Q (Kuaida's show/hide key) before Kuaida starts: RegisterHotKey must fail with
# ERROR_HOTKEY_ALREADY_REGISTERED and the window must say so for that action only.
( export LOCPATH="$KUAIDA_WINE_ROOT/locale"; LC_ALL="$KUAIDA_WINE_LOCALE" LANG="$KUAIDA_WINE_LOCALE" \
  "$WINE" "$KUAIDA_WINPY/python.exe" "$(winpath "$HERE/winhelper.py")" hold-hotkey 2>&1 | cat >"$out/holder.log" ) &
pids+=($!)
for _ in $(seq 50); do grep -q held "$out/holder.log" 2>/dev/null && break; sleep 0.2; done
echo "      another program: $(head -1 "$out/holder.log")"

# Kuaida ----------------------------------------------------------------------------------------------------------
start=$(date +%s.%N)
( export LOCPATH="$KUAIDA_WINE_ROOT/locale" KUAIDA_E2E_PROBE="$(winpath "$out/probe.json")"
  [ -f "$KUAIDA_WINE_ROOT/fonts.conf" ] && export FONTCONFIG_FILE="$KUAIDA_WINE_ROOT/fonts.conf"
  export LC_ALL="$KUAIDA_WINE_LOCALE" LANG="$KUAIDA_WINE_LOCALE"
  if [ -n "${KUAIDA_WINE_APP:-}" ]; then app=("$KUAIDA_WINE_APP"); else app=("$KUAIDA_WINPY/python.exe" -m desktop); fi
  "$WINE" "${app[@]}" --data-dir "$data" 2>&1 | cat >"$out/kuaida-stderr.log" ) &
pids+=($!)
if wait_probe 60 "d.get('visible')"; then
  ok "Kuaida's window shown $(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)") s after start (probe: $(probe))"
else
  fail "Kuaida's window not shown within 60 s"; tail -20 "$out/kuaida-stderr.log"; shot start-failed; exit 1
fi
sleep 3  # the tray, adapters and store come after the first paint
state="$(helper state)"
echo "      $state" | cut -c1-400
kuaida_pids="$(jget "$state" "sorted({w['pid'] for w in d['kuaida']})")"
if [ "$(jget "$state" "d['notepad_has_focus']")" = True ]; then
  ok "notepad kept the focus while Kuaida started"
elif [ "$(jget "$state" "d['foreground']['pid'] in {w['pid'] for w in d['kuaida']}")" = True ]; then
  fail "Kuaida's start took the focus: $(jget "$state" "d['foreground']")"
else
  # Wine's tray icon (an X window docked in trayer, or Wine's own tray window without one) takes the X focus
  # when it appears; a Windows notification-area icon never does. Give it back and go on.
  echo "      note: the focus went to $(jget "$state" "d['foreground']['class']") (Wine's tray, not Kuaida: Wine artifact); notepad re-activated"
  focus_notepad; sleep 0.5
  state="$(helper state)"
  [ "$(jget "$state" "d['notepad_has_focus']")" = True ] && ok "notepad has the focus again (Kuaida pid(s) $kuaida_pids never had it)" \
    || fail "notepad cannot get the focus back: $(jget "$state" "d['foreground']")"
fi
echo "      Kuaida window ex-styles: $(jget "$state" "[w['ex_styles'] for w in d['kuaida'] if w['visible']]")"
grep -a -i "hotkey\|热键\|keystroke\|clipboard\|WARNING\|ERROR" "$out/data/logs/kuaida.log" 2>/dev/null | head -10 | sed 's/^/      log: /'
if grep -q '"held": "Alt+Q"' "$out/holder.log"; then
  if grep -a -q "RegisterHotKey failed for show: error 1409" "$out/data/logs/kuaida.log" \
     && [ "$(grep -a -c "RegisterHotKey failed" "$out/data/logs/kuaida.log")" = 1 ]; then
    ok "Alt+Q held by another program: only 'show' failed, with ERROR_HOTKEY_ALREADY_REGISTERED (1409)"
  else
    fail "the held Alt+Q was not reported as expected: $(grep -a "RegisterHotKey\|hotkey" "$out/data/logs/kuaida.log" | head -3)"
  fi
fi
shot 1-started

# A copy marked "not for clipboard monitors" (as password managers mark theirs) must be ignored ---------------
helper setclip "亲，在吗" >/dev/null  # something ordinary first, so the marked copy is news
wait_probe 15 "d.get('copied', 0) >= 1" || true
before_copied="$(jget "$(probe)" "d.get('copied', 0)")"
helper setclip-secret "密码：Kuaida-Test-123" >/dev/null
sleep 3.5  # past Kuaida's 1.5 s sequence-number check too
[ "$(jget "$(probe)" "d.get('copied', 0)")" = "$before_copied" ] \
  && ok "a copy marked ExcludeClipboardContentFromMonitorProcessing + CanIncludeInClipboardHistory=0 was ignored" \
  || fail "Kuaida took a marked (secret) copy as a buyer message: $(probe)"

# Pasted text is read back from notepad: exact in round 1, one of the CLI's replies later ----------------------
check_pasted() {  # check_pasted ROUND MESSAGE-INDEX RANK WHAT
  local round="$1" index="$2" rank="$3" what="$4" want
  wait_text 8
  text="$(jget "$state" "d['edit_text']")"
  want="$(expected "$index" "$rank")"
  if [ "$round" = 1 ]; then
    [ "$text" = "$want" ] && ok "round $round: $what landed in notepad: $text" \
      || fail "round $round: notepad holds '$text' after $what, expected '$want'"
  else
    [ -n "$text" ] && among "$text" && ok "round $round: $what landed in notepad: $text" \
      || fail "round $round: notepad holds '$text' after $what, not one of the replies"
  fi
  [ "$(jget "$state" "d['notepad_has_focus']")" = True ] && ok "round $round: notepad kept the focus after $what" \
    || fail "round $round: after $what the focus is on $(jget "$state" "d['foreground']")"
}

for round in $(seq "$ROUNDS"); do
  i=$(( (round - 1) % 3 ))
  # 1. A buyer message copied, Alt+1
  helper clear >/dev/null
  copied_before="$(jget "$(probe)" "d.get('copied', 0)")"
  pasted_before="$(jget "$(probe)" "d.get('pasted', 0)")"
  helper setclip "${FIRST[$i]}" >/dev/null
  if wait_probe 15 "d.get('copied', 0) > $copied_before and d.get('suggestions', 0) > 0"; then
    ok "round $round: copy seen on the Windows clipboard, suggestions listed"
  else
    fail "round $round: no suggestions after the copy: $(probe)"
  fi
  hotkey 1
  if wait_probe 10 "d.get('pasted', 0) > $pasted_before"; then ok "round $round: Alt+1 reached Kuaida (WM_HOTKEY) and it pasted"
  else fail "round $round: Alt+1 pasted nothing: $(probe)"; fi
  check_pasted "$round" "$i" 0 "Alt+1"
  [ "$round" = 1 ] && shot 2-after-alt1

  # 2. A second message, a click on its second reply
  helper clear >/dev/null
  copied_before="$(jget "$(probe)" "d.get('copied', 0)")"
  pasted_before="$(jget "$(probe)" "d.get('pasted', 0)")"
  helper setclip "${SECOND[$i]}" >/dev/null
  if wait_probe 15 "d.get('copied', 0) > $copied_before and len(d.get('rows', [])) >= 2"; then
    p="$(probe)"
    x=$(jget "$p" "$origin_x + d['window'][0] + d['rows'][1][0]"); y=$(jget "$p" "$origin_y + d['window'][1] + d['rows'][1][1]")
    xdotool mousemove "$x" "$y" click 1
    if wait_probe 10 "d.get('pasted', 0) > $pasted_before"; then ok "round $round: a click on row 2 pasted"
    else fail "round $round: the click pasted nothing: $(probe)"; fi
    check_pasted "$round" $((i + 3)) 1 "the click on row 2"
  else
    fail "round $round: no second row for the second message: $(probe)"
  fi
  [ "$round" = 1 ] && shot 3-after-click

  # 3. Alt+S, "fh", Enter. Under Wine about one such paste in ten is lost although Kuaida waited until notepad
  # was foreground with its edit box focused (and 0.6 s more): the Ctrl+V reaches no window, with no Win32 state
  # to tell beforehand (longer waits did not remove it). Such a loss is retried once and reported as a note;
  # a second loss in a row fails. Real Windows is the judge of this one (README: the Windows stage).
  for attempt in 1 2; do
    helper clear >/dev/null
    pasted_before="$(jget "$(probe)" "d.get('pasted', 0)")"
    hotkey s
    sleep 1.5
    [ "$round" = 1 ] && [ "$attempt" = 1 ] && shot 4-search
    xdotool type --delay 80 "fh"
    sleep 1
    xdotool key Return
    wait_text 8
    text="$(jget "$state" "d['edit_text']")"
    pasted_now="$(jget "$(probe)" "d.get('pasted', 0)")"
    [ -z "$text" ] && [ "$attempt" = 1 ] && [ "$pasted_now" != "$pasted_before" ] || break
    echo "      note: round $round: Wine lost the Ctrl+V after the search (Kuaida pasted: counter $pasted_before → $pasted_now); retrying once"
    shot "search-lost-$round"
  done
  again=""; [ "$attempt" = 2 ] && again=" (second attempt)"
  if [ -n "$text" ]; then
    ok "round $round: search + Enter pasted$again: $text"
  else
    fail "round $round: search + Enter pasted nothing (Kuaida's paste counter $pasted_before → $pasted_now)"
    shot "search-failed-$round"
    echo "      clipboard: $(helper getclip | cut -c1-200)"
  fi
  [ "$(jget "$state" "d['notepad_has_focus']")" = True ] && ok "round $round: focus handed back to notepad after the search" \
    || fail "round $round: after the search the focus is on $(jget "$state" "d['foreground']")"
done
shot 5-end
state="$(helper state)"
[ "$(jget "$state" "any(w['visible'] for w in d['kuaida'])")" = True ] \
  && ok "Kuaida is still running after $ROUNDS rounds of replies with emoji" \
  || { fail "Kuaida's window is gone"; tail -30 "$out/kuaida-stderr.log"; }

echo "      final probe: $(probe)"
grep -a "WARNING\|ERROR" "$out/data/logs/kuaida.log" 2>/dev/null | head -10 | sed 's/^/      log: /'
echo "$failed failed"
exit "$failed"
