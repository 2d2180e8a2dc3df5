#!/usr/bin/env python3
"""Record what CPython 3.11 compiles each program to, as JSON next to it.

usage: gen_expected.py prog.py...   (writes expected/<prog>.json)

For every code object, in the order `dis` prints them (depth first), the fields the
compiler must reproduce: co_code (caches zeroed, as co_code reads), co_positions(),
the decoded exception table, co_stacksize, co_flags, names and counts. The unit test
tests/lang/compiler_test.cpp compares our compiler's output with these files.
"""
import dis
import json
import os
import sys


def code_objects(co):
    yield co
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            yield from code_objects(c)


def const_repr(c):
    if hasattr(c, "co_code"):
        return "<code " + c.co_qualname + ">"
    return repr(c)


def describe(co):
    return {
        "co_name": co.co_name,
        "co_qualname": co.co_qualname,
        "co_firstlineno": co.co_firstlineno,
        "co_argcount": co.co_argcount,
        "co_posonlyargcount": co.co_posonlyargcount,
        "co_kwonlyargcount": co.co_kwonlyargcount,
        "co_stacksize": co.co_stacksize,
        "co_flags": co.co_flags,
        "co_code": co.co_code.hex(),
        "co_consts": [const_repr(c) for c in co.co_consts],
        "co_names": list(co.co_names),
        "co_varnames": list(co.co_varnames),
        "co_cellvars": list(co.co_cellvars),
        "co_freevars": list(co.co_freevars),
        "positions": [[-1 if v is None else v for v in p] for p in co.co_positions()],
        "exception_table": [[e.start // 2, e.end // 2, e.target // 2, e.depth, int(e.lasti)]
                            for e in dis._parse_exception_table(co)],
    }


def main(paths):
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "expected"), exist_ok=True)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        name = os.path.splitext(os.path.basename(path))[0]
        try:
            co = compile(source, name + ".py", "exec")
        except SyntaxError as e:
            print(f"{path}: skipped, SyntaxError: {e.msg}")
            continue
        data = [describe(c) for c in code_objects(co)]
        with open(os.path.join(here, "expected", name + ".json"), "w") as f:
            json.dump(data, f, indent=0)
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
