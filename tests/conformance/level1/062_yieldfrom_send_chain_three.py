def leaf():
    got = []
    while len(got) < 3:
        got.append((yield "leaf wants %d" % len(got)))
    return got

def mid():
    r = yield from leaf()
    return ["mid"] + r

def top():
    r = yield from mid()
    print("top got", r)
    return len(r)

g = top()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    g.send("c")
except StopIteration as e:
    print("top returned", e.value)
