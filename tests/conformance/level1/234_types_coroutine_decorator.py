import inspect
import types

@types.coroutine
def legacy():
    x = yield "first"
    print("legacy got", x)
    return "legacy result"

g = legacy()
print(type(g).__name__, inspect.isgenerator(g), inspect.iscoroutine(g))
print(inspect.isgeneratorfunction(legacy))
print(next(g))
try:
    g.send("value")
except StopIteration as e:
    print("returned", e.value)

def plain():
    return 42

wrapped = types.coroutine(plain)
print(wrapped())
