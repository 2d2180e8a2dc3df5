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
"$ys" screenshot "$ex/fib.py" --step 134 -o "$here/fib_window_step134.png" --size 1600x1000
# the nested `except ModuleNotFoundError`: the same state in both layout profiles
"$ys" screenshot "$ex/fib.py" --step 151 --panel memory -o "$here/fib_layout311_step151.png" --size 1400x800
"$ys" screenshot "$ex/fib.py" --step 151 --panel memory:3.7 -o "$here/fib_layout37_step151.png" --size 1400x800
# presentation mode at the first yield
"$ys" screenshot "$ex/fib.py" --step 30 --panel presentation -o "$here/fib_presentation_step30.png" --size 1600x1000
