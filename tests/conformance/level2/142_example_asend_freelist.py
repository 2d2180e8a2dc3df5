# The asend free list: async_generator_asend objects are short-lived (one per
# __anext__/asend call), so CPython recycles freed ones. After `del r` the
# next asend object gets the same memory, hence the same id().
async def async_fib(n):
    yield 1


f = async_fib(3)
r = f.asend(None)
print(type(r))
first_id = id(r)
del r
r = f.asend(None)
print("same id after del:", id(r) == first_id)

ids = []
for _ in range(5):
    step = f.__anext__()
    ids.append(id(step))
    del step
print("five dropped __anext__() objects share one id:", len(set(ids)) == 1)
