def squares(it):
    for x in it:
        yield x * x

def evens_only(it):
    for x in it:
        if x % 2 == 0:
            yield x

def numbered(it):
    i = 0
    for x in it:
        i += 1
        yield i, x

pipeline = numbered(evens_only(squares(range(10))))
for pair in pipeline:
    print(pair)
