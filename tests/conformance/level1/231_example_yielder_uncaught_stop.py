def yielder():
    i = 5
    while i > 0:
        yield i
        i -= 1

y = yielder()
for _ in range(5):
    print(next(y))
next(y)
