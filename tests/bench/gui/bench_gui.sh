#!/bin/sh
# GUI frame-time benchmark (ms per frame under Mesa llvmpipe + Xvfb):
#   tests/bench/gui/bench_gui.sh YIELDSCOPE [OUT_DIR] [FRAMES] [RUNS]
# Records many_objects.py (about 2,000 live objects, about 1M steps at instruction
# granularity) once into OUT_DIR/big.ystrace, then runs `yieldscope open --bench-frames`
# RUNS times. Each run prints, for a held step (the one with the most live objects) and
# for scrubbing across the whole timeline: wall ms/frame, CPU ms/frame in all threads
# (llvmpipe rasterises on worker threads; on a shared machine this is the steadier
# figure), the UI-build part, and vertices / indices / draw calls per frame.
# YS_BENCH_DETAIL=1 adds per-window vertex counts and shaded-pixel estimates;
# YS_BENCH_PANEL=NAME times one panel alone; YS_BENCH_HIDE=a,b hides panels;
# YS_BENCH_HEAP_ZOOM=0.25 starts the heap graph zoomed out (its level of detail).
set -eu
exe=${1:?usage: bench_gui.sh YIELDSCOPE [OUT_DIR] [FRAMES] [RUNS]}
out=${2:-/tmp/ys_bench_gui}
frames=${3:-120}
runs=${4:-3}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
trace="$out/big.ystrace"
if [ ! -f "$trace" ] || [ "$here/many_objects.py" -nt "$trace" ] || [ "$exe" -nt "$trace" ]; then
    "$exe" record "$here/many_objects.py" -o "$trace" --granularity instructions
fi
run=1
while [ "$run" -le "$runs" ]; do
    echo "== run $run of $runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    xvfb-run -a -s "-screen 0 1920x1080x24" "$exe" open "$trace" --bench-frames "$frames"
    run=$((run + 1))
done
