#!/usr/bin/env python3
"""Runs each generator-heavy program under python3 and `yieldscope run` in the same
invocation and prints the time ratio (yieldscope / python3) per program.

Usage: vm_vs_python.py YIELDSCOPE [--repeat N] [program.py ...]

Each side runs N times (default 5) and its best wall time is used: the best run is the
one least disturbed by the rest of the machine. Outputs are compared too, since a fast
wrong answer is no answer. This is a benchmark, not a test: it asserts nothing about time.
"""
import argparse
import pathlib
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent


def best_time(cmd, cwd, repeat):
    best = None
    output = None
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        output = (proc.returncode, proc.stdout, proc.stderr)
        best = elapsed if best is None else min(best, elapsed)
    return best, output


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("yieldscope")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("programs", nargs="*")
    args = parser.parse_args()
    programs = [pathlib.Path(p) for p in args.programs] or sorted((HERE / "programs").glob("*.py"))

    print(f"{'program':24} {'python3 s':>10} {'yieldscope s':>13} {'ratio':>7}  output")
    worst = 0.0
    for prog in programs:
        py_time, py_out = best_time([sys.executable, prog.name], prog.parent, args.repeat)
        ys_time, ys_out = best_time([args.yieldscope, "run", prog.name], prog.parent, args.repeat)
        ratio = ys_time / py_time
        worst = max(worst, ratio)
        same = "same" if py_out == ys_out else "DIFFERENT"
        print(f"{prog.name:24} {py_time:10.3f} {ys_time:13.3f} {ratio:7.2f}  {same}")
    print(f"worst ratio {worst:.2f} (target <= 1.00)")


if __name__ == "__main__":
    main()
