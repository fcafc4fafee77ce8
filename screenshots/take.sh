#!/usr/bin/env bash
# Screenshots of the real TUI in a real terminal: xterm on a virtual X display (Xvfb), the TUI
# inside tmux (so this script can type keys into it), captured with ImageMagick's `import`.
# Needs: apt-get install -y xterm xvfb imagemagick tmux fonts-dejavu-core
# Run from anywhere: screenshots/take.sh   (writes screenshots/*.png)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
work="$(mktemp -d /tmp/tuisupervisor-shots.XXXXXX)"
display=":$((90 + RANDOM % 100))"
server="shots-$$"

cleanup() {
  tmux -L "$server" kill-server 2>/dev/null || true
  kill "${xterm_pid:-0}" "${xvfb_pid:-0}" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build "$repo/src/TuiSupervisor" -c Release -v quiet -nologo >/dev/null
product="$repo/src/TuiSupervisor/bin/Release/net10.0/tuisupervisor.dll"
cp "$repo/supervisor.toml" "$work/supervisor.toml"

Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
sleep 1

# shot NAME COLS ROWS THEME KEYS...: starts the TUI at that size, types the keys, waits, captures.
shot() {
  local name="$1" cols="$2" rows="$3" theme="$4"; shift 4
  tmux -L "$server" kill-server 2>/dev/null || true
  tmux -L "$server" -f /dev/null new-session -d -s main -x "$cols" -y "$rows" -c "$work" \
    -e COLORTERM=truecolor "dotnet $product -c supervisor.toml --theme $theme"
  tmux -L "$server" set-option -g status off
  DISPLAY="$display" xterm -geometry "${cols}x${rows}+0+0" -fa 'DejaVu Sans Mono' -fs 11 \
    -bg black -fg '#d0d0d0' -title tuisupervisor -e tmux -L "$server" attach -t main & xterm_pid=$!
  sleep 7
  for key in "$@"; do
    tmux -L "$server" send-keys -t main "$key"
    sleep 0.6
  done
  sleep 1.5
  DISPLAY="$display" import -window "$(DISPLAY="$display" xwininfo -name tuisupervisor | awk '/Window id/ {print $4}')" "$here/$name.png"
  for key in Escape q y; do tmux -L "$server" send-keys -t main "$key"; sleep 0.5; done
  sleep 2
  kill "$xterm_pid" 2>/dev/null || true
  wait "$xterm_pid" 2>/dev/null || true
  echo "screenshots/$name.png"
}

shot main 120 34 default j
shot events 120 34 dark e
shot help 120 34 default '?'
shot group-stop 100 30 light j j j j x
shot small 80 24 high-contrast j j j j j
