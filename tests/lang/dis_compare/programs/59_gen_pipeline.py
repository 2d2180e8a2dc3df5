def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def squares(src):
    for x in src:
        yield x * x

def evens(src):
    yield from (x for x in src if x % 2 == 0)

print(list(evens(squares(numbers(10)))))
