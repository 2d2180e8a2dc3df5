#!/bin/sh
# Regenerates the README screenshots with `yieldscope screenshot` (needs an X display,
# or runs itself under xvfb-run). usage: assets/screenshots/make_screenshots.sh [YIELDSCOPE]
# Steps are found by their event (`yieldscope show FILE --view events`), so re-recorded
# traces still give the same pictures; the file names keep the README's names.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ys=${1:-$root/build/app/yieldscope}
if [ -z "$DISPLAY$WAYLAND_DISPLAY" ]; then
    exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$ys"
fi
ex=$root/assets/examples
# The first step of FILE whose event line contains TEXT, plus OFFSET.
step_of() {
    "$ys" show "$1" --view events | awk -v pat="$2" -v off="${3:-0}" 'index($0, pat) { print $1 + off; exit }'
}
fib=$root/traces/fib.json
# fib driven by send(): the yield inside `except ZeroDivisionError`, the whole window
"$ys" screenshot "$fib" --step "$(step_of "$fib" "yielded 'ZeroDivisionError'")" -o "$here/fib_window_step72.png" --size 1600x1000
# the nested `except ModuleNotFoundError`: the same state in both layout profiles
mnf=$(step_of "$fib" "yielded 'ModuleNotFoundError'")
"$ys" screenshot "$fib" --step "$mnf" --panel memory -o "$here/fib_layout311_step85.png" --size 1400x800
"$ys" screenshot "$fib" --step "$mnf" --panel memory:3.7 -o "$here/fib_layout37_step85.png" --size 1400x800
# presentation mode at the first yield
"$ys" screenshot "$fib" --step "$(step_of "$fib" " yield ")" --panel presentation -o "$here/fib_presentation_step10.png" --size 1600x1000

# Level 2, the shipped traces. cor.py once cor() awaits its sleep: two timers pending
# and two tasks (the Event loop panel and the whole window); my_async_gen.py while the
# async generator waits in the `await` inside its body (ag_running_async 1), in both
# layout profiles.
cor_trace=$root/traces/level2/cor.json
agen_trace=$root/traces/level2/my_async_gen.json
cor=$(step_of "$cor_trace" "cor is suspended at an await")
"$ys" screenshot "$cor_trace" --step "$cor" --panel loop -o "$here/cor_loop.png" --size 900x520
"$ys" screenshot "$cor_trace" --step "$cor" -o "$here/cor_window.png" --size 1600x1000
agen=$(step_of "$agen_trace" "async_gen yielded Future" 1)
"$ys" screenshot "$agen_trace" --step "$agen" --panel memory -o "$here/async_gen_layout311.png" --size 1400x800
"$ys" screenshot "$agen_trace" --step "$agen" --panel memory:3.7 -o "$here/async_gen_layout37.png" --size 1400x800
