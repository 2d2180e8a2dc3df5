class CM:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        return False

def use():
    with CM() as c:
        print(c)
    with CM(), CM() as d:
        pass
