# asend objects are recycled. Every __anext__()/asend() call creates a small
# async_generator_asend object; CPython keeps freed ones on a free list, so a
# new one made right after the old one died lands at the same address.
async def async_fib(n):
    yield 1


f = async_fib(3)
r = f.asend(None)
print(type(r).__name__)
old = id(r)
del r                      # back to the free list
r = f.asend(None)          # taken from the free list again
print("same id after del:", id(r) == old)

keep = r                   # while the first is alive, a second one is new
other = f.asend(None)
print("two live asend objects share an id:", id(other) == id(keep))
