#!/bin/sh
# Regenerates the README screenshots with `yieldscope screenshot` (needs an X display,
# or runs itself under xvfb-run). usage: assets/screenshots/make_screenshots.sh [YIELDSCOPE]
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ys=${1:-$root/build/app/yieldscope}
if [ -z "$DISPLAY$WAYLAND_DISPLAY" ]; then
    exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$ys"
fi
ex=$root/assets/examples
# fib driven by send(): the yield inside `except ZeroDivisionError`, the whole window
# (step numbers from `yieldscope show traces/fib.json --view events`)
"$ys" screenshot "$root/traces/fib.json" --step 72 -o "$here/fib_window_step72.png" --size 1600x1000
# the nested `except ModuleNotFoundError`: the same state in both layout profiles
"$ys" screenshot "$root/traces/fib.json" --step 85 --panel memory -o "$here/fib_layout311_step85.png" --size 1400x800
"$ys" screenshot "$root/traces/fib.json" --step 85 --panel memory:3.7 -o "$here/fib_layout37_step85.png" --size 1400x800
# presentation mode at the first yield
"$ys" screenshot "$root/traces/fib.json" --step 10 --panel presentation -o "$here/fib_presentation_step10.png" --size 1600x1000
