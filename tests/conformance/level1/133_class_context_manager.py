class Tag:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("<%s>" % self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("</%s>" % self.name, exc_type.__name__ if exc_type else "ok")
        return self.suppress

with Tag("a") as n:
    print("body", n)
with Tag("b"), Tag("c") as inner:
    print("nested", inner)
with Tag("s", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with Tag("e"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))

def early():
    with Tag("ret"):
        return "returned"
print(early())
