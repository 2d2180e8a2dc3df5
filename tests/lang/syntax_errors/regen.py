#!/usr/bin/env python3
"""Write the expected stderr of `python3 prog.py` for every snippet in this folder.

Each NNN_name.py here is a program with one syntax error. This script copies it to a
temporary directory as prog.py, runs the python3 on PATH (it must be CPython 3.11) and
stores what it prints on stderr in NNN_name.expected. CPython shows the script's
absolute path in the `File "..."` line; the temporary directory is cut from it so
that the expected text names plain prog.py. tests/lang/parser_test.cpp
checks that format_syntax_error(parse_module(source, "prog.py").error) gives exactly
that text.

    python3 tests/lang/syntax_errors/regen.py
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("regen.py must run under CPython 3.11, not %s" % sys.version.split()[0])
    names = sorted(n for n in os.listdir(HERE) if n.endswith(".py") and n != "regen.py")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            prog = os.path.join(tmp, "prog.py")
            shutil.copyfile(os.path.join(HERE, name), prog)
            r = subprocess.run([sys.executable, "prog.py"], cwd=tmp, capture_output=True)
            if r.returncode == 0 or b"Error" not in r.stderr:
                sys.exit("%s: python3 did not report a syntax error" % name)
            stderr = r.stderr.replace(os.path.join(tmp, "prog.py").encode(), b"prog.py")
            with open(os.path.join(HERE, name[:-3] + ".expected"), "wb") as f:
                f.write(stderr)
    print("wrote %d expected files" % len(names))


if __name__ == "__main__":
    main()
