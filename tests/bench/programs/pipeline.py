# A long generator pipeline: numbers flow through five stages.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def squares(xs):
    for x in xs:
        yield x * x

def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x

def scaled(xs, k):
    for x in xs:
        yield x // k

def running_total(xs):
    total = 0
    for x in xs:
        total += x
        yield total

last = 0
for last in running_total(scaled(evens(squares(numbers(400000))), 3)):
    pass
print(last)
