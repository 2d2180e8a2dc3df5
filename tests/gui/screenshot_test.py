#!/usr/bin/env python3
"""Screenshot test: renders every shipped trace in traces/ at a few steps with
`yieldscope screenshot` and checks each PNG has the size asked for and is not blank
(enough distinct colours). Needs an X display or xvfb-run; without either it exits
with status 77, which CTest reports as skipped.

usage: screenshot_test.py YIELDSCOPE PNG_CHECK SOURCE_DIR OUT_DIR
"""
import os
import shutil
import subprocess
import sys

SKIP = 77
SIZE = (1280, 800)
MIN_COLOURS = 40
STEPS = ["0", "3", "-1"]


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    exe, checker, source_dir, out_dir = sys.argv[1:]
    prefix = []
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        xvfb = shutil.which("xvfb-run")
        if not xvfb or os.environ.get("YS_UNDER_XVFB"):
            print("SKIPPED: no display and no xvfb-run: the screenshot test cannot render")
            return SKIP
        # Run the whole test under one virtual X server.
        env = dict(os.environ, YS_UNDER_XVFB="1")
        return subprocess.run([xvfb, "-a", "-s", "-screen 0 1920x1080x24", sys.executable] + sys.argv,
                              env=env).returncode
    traces_dir = os.path.join(source_dir, "traces")
    # traces/ and its subfolders (traces/level2/ holds the coroutine examples).
    files = sorted(os.path.join(root, f) for root, _, names in os.walk(traces_dir) for f in names
                   if f.endswith((".json", ".ystrace")))
    if not files:
        examples = os.path.join(source_dir, "assets", "examples")
        files = sorted(os.path.join(examples, f) for f in os.listdir(examples) if f.endswith(".py"))
        print("note: no shipped traces in traces/ yet; rendering the example programs instead")
    os.makedirs(out_dir, exist_ok=True)
    failures = 0
    for path in files:
        base = os.path.splitext(os.path.relpath(path, traces_dir))[0].replace(os.sep, "_")
        level2 = os.sep + "level2" + os.sep in path
        for step in STEPS:
            for panel in ("", "heap") + (("loop",) if level2 else ()):
                out = os.path.join(out_dir, f"{base}_step{step}{'_' + panel if panel else ''}.png")
                cmd = prefix + [exe, "screenshot", path, "--step", step, "-o", out,
                                "--size", f"{SIZE[0]}x{SIZE[1]}"]
                if panel:
                    cmd += ["--panel", panel]
                run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
                if run.returncode != 0:
                    print(f"FAIL {out}: exit {run.returncode}: {run.stderr.strip()}")
                    failures += 1
                    continue
                check = subprocess.run([checker, out, str(SIZE[0]), str(SIZE[1]), str(MIN_COLOURS)],
                                       capture_output=True, text=True)
                ok = check.returncode == 0
                print(f"{'ok  ' if ok else 'FAIL'} {out}: {check.stdout.strip()}")
                failures += 0 if ok else 1
    print(f"{failures} failure(s) in {len(files)} file(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
