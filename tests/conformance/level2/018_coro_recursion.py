async def fact(n):
    if n <= 1:
        return 1
    return n * await fact(n - 1)


async def depth(n):
    if n == 0:
        raise RuntimeError("bottom reached")
    await depth(n - 1)


def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


print(run(fact(10)))
try:
    run(depth(5))
except RuntimeError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(e, names)
