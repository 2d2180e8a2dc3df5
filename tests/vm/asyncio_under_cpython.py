#!/usr/bin/env python3
"""Runs conformance programs under CPython with yieldscope's asyncio (core/vm/lib)
in place of the standard one, to check the loop's ordering logic independently of
the VM:

    python3 tests/vm/asyncio_under_cpython.py [tests/conformance/level2/1*.py ...]

The private built-in modules the library needs (_ysclock, _ystrace, and a `time`
reading the virtual clock) are stood in for by small Python shims. Prints PASS/FAIL
per program (with a diff of stdout on failure); exits 1 if any failed. Without arguments it runs
tests/conformance/level2/1*.py (CTest: vm.asyncio_under_cpython).
"""

import difflib
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LIB = os.path.join(ROOT, "core", "vm", "lib")

SHIM = r'''
import sys, types, runpy
sys.dont_write_bytecode = True   # keep __pycache__ out of core/vm/lib
clock = types.ModuleType("_ysclock")
clock.t = 0.0
clock.now = lambda: clock.t
def advance_to(t):
    if t > clock.t:
        clock.t = t
clock.advance_to = advance_to
sys.modules["_ysclock"] = clock
trace = types.ModuleType("_ystrace")
trace.enabled = lambda: False
trace.event = lambda kind, subject, text: None
import traceback
trace.format_exception = lambda e: "".join(traceback.format_exception(e))
sys.modules["_ystrace"] = trace
vtime = types.ModuleType("time")
vtime.monotonic = vtime.perf_counter = clock.now
vtime.time = lambda: 1.7e9 + clock.t
vtime.sleep = lambda s: advance_to(clock.t + s)
sys.modules["time"] = vtime
sys.path.insert(0, LIB)
sys.argv = [PROG]
runpy.run_path(PROG, run_name="__main__")
'''


ADDR = re.compile(rb"0x[0-9a-f]+")   # addresses are normalised, as _harness.py does


def run(program):
    code = "LIB = %r\nPROG = %r\n" % (LIB, os.path.basename(program)) + SHIM
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    p = subprocess.run([sys.executable, "-c", code], cwd=os.path.dirname(program),
                       capture_output=True, timeout=20, env=env)
    base = program[:-3]
    want_out = open(base + ".out", "rb").read()
    p.stdout = ADDR.sub(b"0x?", p.stdout)
    want_err = open(base + ".err", "rb").read()
    ok = p.stdout == want_out and p.stderr == want_err and \
        (p.returncode == int(open(base + ".status").read().strip()))
    return ok, p, want_out, want_err


def main(argv):
    programs = argv or sorted(glob.glob(os.path.join(ROOT, "tests/conformance/level2/1*.py")))
    failed = 0
    for program in programs:
        program = os.path.abspath(program)
        ok, p, want_out, want_err = run(program)
        print(("PASS " if ok else "FAIL ") + os.path.basename(program))
        if not ok:
            failed += 1
            sys.stdout.writelines(difflib.unified_diff(
                want_out.decode().splitlines(True), p.stdout.decode().splitlines(True),
                "expected", "actual"))
            if p.stderr:
                print("--- stderr:\n" + p.stderr.decode()[-3000:])
    print("%d/%d pass" % (len(programs) - failed, len(programs)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
