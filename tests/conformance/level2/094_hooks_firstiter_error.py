import sys


def bad_firstiter(ag):
    raise ValueError("firstiter refused")


async def agen():
    print("body ran")
    yield 1


sys.set_asyncgen_hooks(firstiter=bad_firstiter)
ag = agen()
try:
    ag.__anext__()
except ValueError as e:
    print("ValueError:", e)
sys.set_asyncgen_hooks(firstiter=None)
try:
    ag.__anext__().send(None)
except StopIteration as e:
    print("later it runs:", e.value)
