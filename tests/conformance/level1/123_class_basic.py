class Counter:
    kind = "counter"

    def __init__(self, start=0):
        self.value = start

    def bump(self, by=1):
        self.value += by
        return self

c = Counter(5)
c.bump().bump(10)
print(c.value, c.kind, Counter.kind)
c.kind = "instance attr"
print(c.kind, Counter.kind)
print(type(c).__name__, type(c) is Counter, isinstance(c, Counter))
print(Counter.__name__, Counter.__qualname__)
print(hasattr(c, "value"), hasattr(c, "missing"))
print(getattr(c, "missing", "default"))
setattr(c, "extra", 99)
print(c.extra)
print(repr(c)[:18])
