#!/usr/bin/env python3
"""Check that every level*/MANIFEST lists exactly the .py programs present in
its folder (no missing, extra or duplicate names), and that every entry of
xfail.txt names a program listed in a MANIFEST. Exit 0 if so, 1 otherwise.
"""

import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness as H  # noqa: E402


def entries(path):
    with open(path) as f:
        lines = [line.strip() for line in f]
    return [line for line in lines if line and not line.startswith("#")]


def main():
    problems = []
    listed = set()
    total = 0
    for d in H.level_dirs():
        level = os.path.basename(d)
        manifest = os.path.join(d, "MANIFEST")
        present = sorted(n for n in os.listdir(d) if n.endswith(".py"))
        if not os.path.isfile(manifest):
            problems.append("%s/MANIFEST is missing" % level)
            continue
        names = entries(manifest)
        seen = set()
        for n in names:
            if n in seen:
                problems.append("%s/MANIFEST lists %s twice" % (level, n))
            seen.add(n)
        for n in sorted(set(present) - seen):
            problems.append("%s/%s exists but is not in %s/MANIFEST" % (level, n, level))
        for n in sorted(seen - set(present)):
            problems.append("%s/MANIFEST lists %s, which does not exist" % (level, n))
        listed.update("%s/%s" % (level, n) for n in seen)
        total += len(present)
    listed.update("examples/" + os.path.relpath(p, H.EXAMPLES_DIR) for p in H.example_programs())
    xfail = os.path.join(H.HERE, "xfail.txt")
    if os.path.isfile(xfail):
        for n in entries(xfail):
            if n not in listed:
                problems.append("xfail.txt lists %s, which is not in any MANIFEST" % n)
    if problems:
        print("check_manifest.py: %d problem(s):" % len(problems))
        for p in problems:
            print("  " + p)
        return 1
    print("check_manifest.py: %d programs, manifests complete" % total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
