import sys


def fin_one(ag):
    print("fin_one for", ag.__name__)


def fin_two(ag):
    print("fin_two for", ag.__name__)


async def agen():
    yield 1


def start(ag):
    try:
        ag.__anext__().send(None)
    except StopIteration:
        pass


sys.set_asyncgen_hooks(finalizer=fin_one)
x = agen()
start(x)
sys.set_asyncgen_hooks(finalizer=fin_two)
y = agen()
start(y)
sys.set_asyncgen_hooks(finalizer=None)
print("hooks cleared")
del x
del y
z = agen()
start(z)
del z
print("no finalizer: closed directly")
