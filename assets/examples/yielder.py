# Calling a generator function runs nothing; next() runs it to the next yield.
def yielder():
    i = 5
    while i > 0:
        yield i
        i -= 1


def sg1():
    yield 'Jack'
    yield 'Dan'
    yield 'Sam'
    yield "Teal'c"


y = yielder()
print(y)
print(next(y))
print(next(y))
print(next(y))
print(next(y))
print(next(y))
try:
    next(y)
except StopIteration:
    print("StopIteration: y is exhausted")

for i in yielder():
    print("for got", i)

print(list(sg1()))
