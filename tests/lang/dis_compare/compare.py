#!/usr/bin/env python3
"""Compare `yieldscope dis` with `python3 -m dis`, code object by code object.

usage: compare.py YIELDSCOPE [--threshold-file FILE] [-v] prog.py...

Both listings are split into code-object sections (the top level and every
`Disassembly of <code object ...>:` section), addresses are normalised, and each
section's instructions are compared as (opname, argument) pairs, CACHE entries
ignored. Prints per-program results with the first differing line and
`N of M code objects match instruction for instruction`. With --threshold-file, exits
1 when N is below the number in that file; otherwise exits 0.
"""
import re
import subprocess
import sys

ADDR = re.compile(r"0x[0-9a-fA-F]+")
FROZENSET = re.compile(r"frozenset\(\{([^{}]*)\}\)")


def sort_frozensets(text):
    """A frozenset of strings prints in hash order, which changes from run to run."""
    return FROZENSET.sub(lambda m: "frozenset({" + ", ".join(sorted(m.group(1).split(", "))) + "})", text)
INSTR = re.compile(r"^\s*(\d+)?\s+(-->)?\s*(>>)?\s*(\d+)\s+([A-Z_]+)\s*(\d+)?\s*(\(.*\))?\s*$")


def sections(text):
    """Split a listing into [(header, [lines])]."""
    out = [("<module>", [])]
    for line in ADDR.sub("0x", text).splitlines():
        if line.startswith("Disassembly of "):
            out.append((line, []))
        else:
            out[-1][1].append(line)
    return out


def instructions(lines):
    result = []
    for line in lines:
        if line.startswith("ExceptionTable:") or line.startswith("  ") and "->" in line and " to " in line:
            result.append(("EXC", line.strip()))
            continue
        m = INSTR.match(line)
        if not m:
            continue
        opname, arg = m.group(5), m.group(6)
        if opname == "CACHE":
            continue
        result.append((opname, arg, sort_frozensets(m.group(7) or "")))
    return result


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    return proc.returncode, proc.stdout, proc.stderr


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    threshold_file = None
    if "--threshold-file" in argv:
        i = argv.index("--threshold-file")
        threshold_file = argv[i + 1]
        del argv[i:i + 2]
    if len(argv) < 2:
        print(__doc__)
        return 2
    yieldscope, programs = argv[0], argv[1:]
    total = matched = 0
    programs_ok = 0
    for prog in programs:
        rc_py, out_py, err_py = run([sys.executable, "-m", "dis", prog])
        rc_ys, out_ys, err_ys = run([yieldscope, "dis", prog])
        secs_py = sections(out_py)
        secs_ys = sections(out_ys)
        first_diff = None
        prog_matched = 0
        for i, (header, lines) in enumerate(secs_py):
            total += 1
            if i >= len(secs_ys):
                first_diff = first_diff or f"missing section {header}"
                continue
            a, b = instructions(lines), instructions(secs_ys[i][1])
            if a == b and header == secs_ys[i][0]:
                matched += 1
                prog_matched += 1
                continue
            if first_diff is None:
                if header != secs_ys[i][0]:
                    first_diff = f"section header: python3 {header!r} / yieldscope {secs_ys[i][0]!r}"
                else:
                    for k in range(max(len(a), len(b))):
                        x = a[k] if k < len(a) else None
                        y = b[k] if k < len(b) else None
                        if x != y:
                            first_diff = f"{header}: instruction {k}: python3 {x} / yieldscope {y}"
                            break
        if rc_py != 0:
            # a SyntaxError: compare what both print from the `File "prog.py"` line on
            marker = f'  File "{prog}"'
            err_py_tail = err_py[err_py.find(marker):] if marker in err_py else err_py
            if err_py_tail.strip() != err_ys.strip() and first_diff is None:
                first_diff = f"error output: python3 {err_py_tail.strip()!r} / yieldscope {err_ys.strip()!r}"
                matched -= 1
                prog_matched -= 1
        if rc_py != rc_ys and first_diff is None:
            first_diff = f"exit status python3 {rc_py} / yieldscope {rc_ys}: {err_ys.strip()[-200:]}"
        if len(secs_ys) > len(secs_py) and first_diff is None:
            first_diff = "yieldscope printed extra code objects"
        status = "ok  " if first_diff is None else "DIFF"
        if first_diff is None:
            programs_ok += 1
        print(f"{status} {prog}: {prog_matched}/{len(secs_py)} code objects")
        if first_diff:
            print(f"     first difference: {first_diff}")
            if rc_ys != 0:
                print(f"     yieldscope stderr: {err_ys.strip()[-300:]}")
        if verbose and first_diff:
            print(out_ys)
    print(f"{programs_ok} of {len(programs)} programs match")
    print(f"{matched} of {total} code objects match instruction for instruction")
    if threshold_file:
        with open(threshold_file) as f:
            threshold = int(f.read().split()[0])
        if matched < threshold:
            print(f"FAIL: {matched} is below the recorded threshold {threshold}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
