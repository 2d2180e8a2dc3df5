# The `cor` example: a coroutine that, after its sleep, hits ZeroDivisionError
# and awaits a fresh copy of itself; the driver polls with asyncio.wait(timeout)
# and prints where each coroutine is suspended. Scaled down: sleeps of 0.1 s,
# polls every 0.06 s; loop iterations are printed instead of elapsed time.
import asyncio
import sys

sys.set_coroutine_origin_tracking_depth(100)
cor_list = []
HERE = "140_example_cor_wait_timeout.py"


async def cor(recursive_depth=1):
    try:
        await asyncio.sleep(0.1)
        1 / 0
    except ZeroDivisionError:
        if recursive_depth > 0:
            r = cor(recursive_depth - 1)
            cor_list.append(r)
            await r
    print("recursive_depth: %d, finished" % recursive_depth)


def origin(c):
    return [(name, line) for f, line, name in c.cr_origin if f.endswith(HERE)]


def pr_cor_list():
    for index, each in enumerate(cor_list):
        where = "None object" if each.cr_frame is None else "line %d" % each.cr_frame.f_lineno
        print("  index: %d, cr_frame: %s, origin: %s" % (index, where, origin(each)))


async def test():
    c = cor()
    cor_list.append(c)
    pending = [asyncio.create_task(c)]   # Python 3.11: wait() takes tasks
    pr_cor_list()
    iteration = 0
    while pending:
        done, pending = await asyncio.wait(pending, timeout=0.06)
        iteration += 1
        print("iteration %d: %d done, %d pending" % (iteration, len(done), len(pending)))
        pr_cor_list()


if __name__ == "__main__":
    asyncio.run(test())
