class Res:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t)
        return True

def gen():
    with Res() as r:
        yield r
        yield 2
    yield 3
