# A coroutine that awaits a copy of itself, polled with asyncio.wait(timeout).
# cor() sleeps, divides by zero, and while handling the error creates and
# awaits cor(depth - 1). The driver wakes every 0.06 s and reports where each
# coroutine is suspended (cr_frame.f_lineno), until everything has finished.
import asyncio

cor_list = []


async def cor(recursive_depth=1):
    try:
        await asyncio.sleep(0.1)
        1 / 0
    except ZeroDivisionError:
        if recursive_depth > 0:
            r = cor(recursive_depth - 1)
            cor_list.append(r)
            await r
    print("recursive_depth %d finished" % recursive_depth)


def report():
    for index, each in enumerate(cor_list):
        where = "finished" if each.cr_frame is None else "line %d" % each.cr_frame.f_lineno
        print("  cor_list[%d]: %s" % (index, where))


async def test():
    c = cor()
    cor_list.append(c)
    pending = [asyncio.create_task(c)]
    report()
    polls = 0
    while pending:
        done, pending = await asyncio.wait(pending, timeout=0.06)
        polls += 1
        print("poll %d: %d done, %d pending" % (polls, len(done), len(pending)))
        report()


asyncio.run(test())
