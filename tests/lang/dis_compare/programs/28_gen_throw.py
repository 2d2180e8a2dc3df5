def gen():
    while True:
        try:
            x = yield
        except ValueError as e:
            print("caught", e)
        else:
            print("got", x)

g = gen()
next(g)
g.throw(ValueError("boom"))
g.send(5)
