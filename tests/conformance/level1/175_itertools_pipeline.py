import itertools

def take(n, it):
    return list(itertools.islice(it, n))

def squares():
    for n in itertools.count(1):
        yield n * n

odd_squares = (s for s in squares() if s % 2)
print(take(5, odd_squares))
print(take(3, odd_squares))
pairs = zip(itertools.count(), itertools.chain("ab", itertools.repeat("-")))
print(take(5, pairs))
