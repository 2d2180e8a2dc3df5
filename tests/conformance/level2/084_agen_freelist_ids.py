# CPython keeps freed async_generator_asend objects on a free list: creating
# a new one right after dropping the previous one reuses its memory.
async def agen():
    yield 1


ag = agen()
r = ag.asend(None)
first = id(r)
del r
r = ag.asend(None)
print("reused after del:", id(r) == first)
kept = r
other = ag.asend(None)
print("while still alive, different:", id(other) != id(kept))
del kept, r, other
print(type(ag.asend(None)).__name__, type(ag.__anext__()).__name__)
