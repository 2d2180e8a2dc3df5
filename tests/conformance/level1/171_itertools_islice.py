from itertools import islice

def naturals():
    n = 0
    while True:
        yield n
        n += 1

print(list(islice(naturals(), 5)))
print(list(islice(naturals(), 2, 8)))
print(list(islice(naturals(), 1, 10, 3)))
print(list(islice("abcdefg", None, None, 2)))
print(list(islice([1, 2], 5)))
g = naturals()
print(list(islice(g, 3)), next(g))
print(list(islice(naturals(), 0)))
