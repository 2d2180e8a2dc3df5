def try_it(label, fn):
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)

def two(seq):
    a, b = seq

def three(seq):
    a, b, c = seq

def star(seq):
    a, b, *c = seq

try_it("too many", lambda: two([1, 2, 3]))
try_it("too few", lambda: three([1, 2]))
try_it("star too few", lambda: star([1]))
try_it("not iterable", lambda: two(5))
try_it("gen too many", lambda: two(x for x in range(5)))
a, b, *c = range(5)
print(a, b, c)
