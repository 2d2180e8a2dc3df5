class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False

def reader():
    with Resource("file") as r:
        for i in range(3):
            yield "%s:%d" % (r.name, i)

g = reader()
print(next(g))
print(next(g))
g.close()
print("after close")
