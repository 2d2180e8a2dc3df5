#!/usr/bin/env python3
"""Regenerate (or check) the expected outputs of the conformance programs.

    python3 tests/conformance/regen.py            # rewrite every NAME.out/.err/.status
    python3 tests/conformance/regen.py level1/001_gen_basic_next.py ...   # only these
    python3 tests/conformance/regen.py --check    # drift check, writes nothing

For every NAME.py under tests/conformance/level*/ and every shipped example
under assets/examples/ the reference interpreter is run as `python3 NAME.py`
inside the program's folder (see _harness.py for the exact environment), and
its normalized stdout, stderr and exit status are written as NAME.out, NAME.err
and NAME.status: next to a level program, or under tests/conformance/examples/
for an example.

--check regenerates into memory and exits 1, listing the files, if any
checked-in expectation differs from what the reference interpreter prints now
(or is missing, or has no program any more); it exits 0 with a summary line
otherwise.

The reference interpreter is `python3` from PATH, or $YIELDSCOPE_REF_PYTHON if
set. It must be CPython 3.11.x; anything else makes this script exit 2.
"""

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness as H  # noqa: E402


def reference_python():
    exe = os.environ.get("YIELDSCOPE_REF_PYTHON") or shutil.which("python3")
    if not exe:
        sys.stderr.write("regen.py: refusing to run: no python3 on PATH\n")
        sys.exit(2)
    try:
        out = subprocess.run(
            [exe, "-c",
             "import sys, platform; print(platform.python_implementation(), "
             "'%d.%d.%d' % sys.version_info[:3])"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=H.program_env(), timeout=30,
        ).stdout.decode().split()
    except (OSError, subprocess.SubprocessError) as e:
        sys.stderr.write("regen.py: refusing to run: cannot run %s: %s\n" % (exe, e))
        sys.exit(2)
    if len(out) != 2 or out[0] != "CPython" or not out[1].startswith("3.11."):
        sys.stderr.write(
            "regen.py: refusing to run: %s is %s, but the expectations are "
            "defined by CPython 3.11.x\n" % (exe, " ".join(out) or "unknown"))
        sys.exit(2)
    return exe


def generate(exe, program):
    """Return {expectation path: bytes} for one program."""
    try:
        out, err, status = H.run_program([exe], program)
    except subprocess.TimeoutExpired:
        out, err, status = b"", b"TIMEOUT under the reference interpreter\n", b"timeout\n"
    return dict(zip(H.expectation_paths(program), (out, err, status)))


def select(args):
    if not args:
        return H.programs()
    chosen = []
    for a in args:
        p = a if os.path.isabs(a) else os.path.join(H.HERE, a)
        if not os.path.exists(p):
            p = os.path.abspath(a)
        if not (p.endswith(".py") and os.path.isfile(p)):
            sys.stderr.write("regen.py: no such program: %s\n" % a)
            sys.exit(2)
        chosen.append(os.path.abspath(p))
    return chosen


def stale_expectations(programs):
    """Expectation files under level*/ and examples/ whose program does not exist."""
    wanted = set()
    for p in programs:
        wanted.update(H.expectation_paths(p))
    stale = []
    for d in H.expectation_dirs():
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            if name.endswith(H.EXPECT_SUFFIXES) and path not in wanted:
                stale.append(path)
    return stale


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    if any(a.startswith("-") for a in args):
        sys.stderr.write(__doc__)
        return 2
    exe = reference_python()
    programs = select(args)
    with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2))) as pool:
        results = list(pool.map(lambda p: generate(exe, p), programs))

    timeouts = [p for p, r in zip(programs, results)
                if r[H.expectation_paths(p)[2]] == b"timeout\n"]

    if check:
        drift = []
        for r in results:
            for path, data in r.items():
                if not os.path.exists(path):
                    drift.append((path, "missing"))
                elif H.read_bytes(path) != data:
                    drift.append((path, "differs"))
        if not args:
            drift.extend((p, "no program") for p in stale_expectations(programs))
        for p in timeouts:
            drift.append((p, "timed out under the reference interpreter"))
        if drift:
            print("regen.py --check: %d expectation file(s) out of date:" % len(drift))
            for path, why in drift:
                print("  %s (%s)" % (H.rel(path), why))
            print("run `python3 tests/conformance/regen.py` and review the diff")
            return 1
        print("regen.py --check: %d programs, %d expectation files, all current (%s)"
              % (len(programs), 3 * len(programs), exe))
        return 0

    changed = 0
    for r in results:
        for path, data in r.items():
            if not os.path.exists(path) or H.read_bytes(path) != data:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(data)
                changed += 1
    removed = 0
    if not args:
        for path in stale_expectations(programs):
            os.remove(path)
            removed += 1
    print("regen.py: %d programs, %d file(s) written, %d stale file(s) removed"
          % (len(programs), changed, removed))
    for p in timeouts:
        print("  WARNING: %s timed out under the reference interpreter" % H.rel(p))
    return 1 if timeouts else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
