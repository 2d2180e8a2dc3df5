#!/usr/bin/env python3
"""Run one conformance program under yieldscope and compare with CPython 3.11.

    python3 tests/conformance/run_one.py YIELDSCOPE_BINARY path/to/NNN_area_topic.py

Runs `YIELDSCOPE_BINARY run NNN_area_topic.py` in the program's folder with the
environment and address normalization of _harness.py, then compares stdout,
stderr and exit status with the checked-in NNN_area_topic.out / .err / .status.
Prints a unified diff of whatever differs and exits 1; exits 0 on a full match.
A run longer than 10 s is a failure.
"""

import difflib
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness as H  # noqa: E402


def text(data):
    return data.decode("utf-8", errors="backslashreplace")


def diff(label, expected, actual):
    lines = difflib.unified_diff(
        text(expected).splitlines(True), text(actual).splitlines(True),
        fromfile="expected " + label, tofile="yieldscope " + label)
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    binary, program = os.path.abspath(argv[0]), os.path.abspath(argv[1])
    name = os.path.basename(program)
    paths = H.expectation_paths(program)
    missing = [p for p in [program] + paths if not os.path.isfile(p)]
    if missing:
        print("FAIL %s: missing %s" % (name, ", ".join(H.rel(p) for p in missing)))
        print("(run `python3 tests/conformance/regen.py` to create expectations)")
        return 1
    try:
        actual = H.run_program([binary, "run"], program, timeout=H.TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        print("FAIL %s: timed out after %d s" % (name, H.TIMEOUT_SECONDS))
        return 1
    except OSError as e:
        print("FAIL %s: cannot run %s: %s" % (name, binary, e))
        return 1
    expected = [H.read_bytes(p) for p in paths]
    labels = ["stdout", "stderr", "exit status"]
    failed = False
    for label, exp, act in zip(labels, expected, actual):
        if exp != act:
            failed = True
            sys.stdout.write(diff("%s (%s)" % (label, name), exp, act))
    if failed:
        print("FAIL %s" % name)
        return 1
    print("ok %s" % name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
