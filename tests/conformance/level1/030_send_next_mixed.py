def tally():
    n = 0
    while True:
        got = yield n
        if got is None:
            print("next() called")
        else:
            n += got

t = tally()
print(next(t))
print(t.send(5))
print(next(t))
print(t.send(-2))
print(t.__next__())
