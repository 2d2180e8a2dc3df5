# set_asyncgen_hooks: firstiter runs when an async generator is iterated for
# the first time, finalizer when a started one is about to be garbage collected.
import sys


async def async_fib(n):
    yield 1


def firstiter(async_gen):
    print("in firstiter: ", async_gen)


def finalizer(async_gen):
    print("in finalizer: ", async_gen)


sys.set_asyncgen_hooks(firstiter, finalizer)
f = async_fib(3)
print(f.__anext__())
print("second __anext__ does not call firstiter:", type(f.__anext__()).__name__)
del f
print("end")
