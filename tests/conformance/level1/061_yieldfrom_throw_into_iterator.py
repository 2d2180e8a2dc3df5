class It:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        return self.i

def outer():
    try:
        yield from It()
    except ValueError as e:
        print("outer caught thrown", repr(e))
        yield "ok"

g = outer()
print(next(g), next(g))
print(g.throw(ValueError("into plain iterator")))
