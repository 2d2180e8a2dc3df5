async def f():
    return 1

c = f()
for action in ("iter", "next", "list", "for"):
    try:
        if action == "iter":
            iter(c)
        elif action == "next":
            next(c)
        elif action == "list":
            list(c)
        else:
            for x in c:
                pass
    except TypeError as e:
        print(action, "TypeError:", e)
w = c.__await__()
print(type(w).__name__)
print(repr(w).startswith("<coroutine_wrapper object at 0x"))
try:
    next(w)
except StopIteration as e:
    print("through the wrapper:", e.value)
