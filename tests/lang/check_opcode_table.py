#!/usr/bin/env python3
"""Check core/lang/opcodes.h against python3's opcode module (CPython 3.11).

usage: check_opcode_table.py [path/to/opcodes.h]

Every X(NAME, number, cache entries, flags) row must name a real opcode with that
number and inline-cache count, the flags must agree with HAVE_ARGUMENT and
hasjrel (forward/backward by name), and every opcode python3 knows must be present.
Also checks the NB_* table against dis._nb_ops and cmp_op.
"""
import dis
import opcode
import os
import re
import sys


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    path = argv[0] if argv else os.path.join(here, "..", "..", "core", "lang", "opcodes.h")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    rows = re.findall(r"X\((\w+),\s*(\d+),\s*(\d+),\s*([\w|]+)\)", text)
    errors = []
    seen = {}
    for name, num, cache, flags in rows:
        num, cache = int(num), int(cache)
        flagset = set(flags.split("|")) - {"0"}
        if name in seen:
            errors.append(f"{name}: listed twice")
        seen[name] = num
        if name not in opcode.opmap:
            errors.append(f"{name}: not an opcode in python3")
            continue
        if opcode.opmap[name] != num:
            errors.append(f"{name}: number {num}, python3 has {opcode.opmap[name]}")
        want_cache = opcode._inline_cache_entries[opcode.opmap[name]]
        if cache != want_cache:
            errors.append(f"{name}: {cache} cache entries, python3 has {want_cache}")
        has_arg = opcode.opmap[name] >= opcode.HAVE_ARGUMENT
        if has_arg != ("OPF_ARG" in flagset):
            errors.append(f"{name}: OPF_ARG is {'OPF_ARG' in flagset}, python3 says {has_arg}")
        jrel = opcode.opmap[name] in opcode.hasjrel
        back = jrel and "JUMP_BACKWARD" in name
        if ("OPF_JBACK" in flagset) != back:
            errors.append(f"{name}: OPF_JBACK is {'OPF_JBACK' in flagset}, python3 says {back}")
        if ("OPF_JFWD" in flagset) != (jrel and not back):
            errors.append(f"{name}: OPF_JFWD is {'OPF_JFWD' in flagset}, python3 says {jrel and not back}")
    for name, num in opcode.opmap.items():
        if name not in seen:
            errors.append(f"{name} ({num}): missing from opcodes.h")
    nb = re.findall(r"X\((NB_\w+),\s*(\d+),\s*\"([^\"]*)\"\)", text)
    if len(nb) != len(dis._nb_ops):
        errors.append(f"{len(nb)} NB_* rows, python3 has {len(dis._nb_ops)}")
    for name, num, sym in nb:
        num = int(num)
        if num >= len(dis._nb_ops) or dis._nb_ops[num] != (name, sym):
            errors.append(f"{name}: ({num}, {sym!r}) does not match dis._nb_ops")
    cmp_text = re.search(r"kCmpOpText\[\]\s*=\s*\{([^}]*)\}", text)
    if cmp_text:
        ops = re.findall(r"\"([^\"]*)\"", cmp_text.group(1))
        if tuple(ops) != tuple(opcode.cmp_op):
            errors.append(f"kCmpOpText {ops} != opcode.cmp_op {list(opcode.cmp_op)}")
    else:
        errors.append("kCmpOpText not found")
    for e in errors:
        print(e)
    print(f"{len(rows)} opcodes checked, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
