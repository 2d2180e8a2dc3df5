import sys


async def job():
    return 1


def make():
    return job()


def outer():
    return make()


def origin(c):
    if c.cr_origin is None:
        return None
    return [(name, line) for (filename, line, name) in c.cr_origin]


c = outer()
print("off:", origin(c))
c.close()

for depth in (1, 2, 3, 10):
    sys.set_coroutine_origin_tracking_depth(depth)
    c = outer()
    print(depth, origin(c))
    print("   filenames are this file:", all(f.endswith("035_attrs_cr_origin.py") for f, _, _ in c.cr_origin))
    c.close()

sys.set_coroutine_origin_tracking_depth(0)
c = outer()
print("back to 0:", c.cr_origin)
c.close()
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError:", e)
