async def job():
    return "done"

class Box:
    async def method(self):
        return 1

c = job()
print(type(c))
print(type(c).__name__)
print(repr(c).startswith("<coroutine object job at 0x"))
print(c)
print(c.__name__, c.__qualname__)
m = Box().method()
print(m.__name__, m.__qualname__)
print(type(job))
print(hasattr(c, "__next__"), hasattr(c, "send"), hasattr(c, "__await__"))
c.close()
m.close()
print("closed without warnings")
