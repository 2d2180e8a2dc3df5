class Range3:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        print("__iter__")
        return Range3Iter(self.n)

class Range3Iter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * 3

r = Range3(4)
print(list(r))
print(sum(r))
it = iter(r)
print(next(it), next(it))
print([x for x in it])
print(next(it, "exhausted"))

class GenIter:
    def __iter__(self):
        yield "from"
        yield "generator"

print(list(GenIter()))
