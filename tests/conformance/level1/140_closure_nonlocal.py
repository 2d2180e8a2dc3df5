def counter():
    count = 0

    def inc(by=1):
        nonlocal count
        count += by
        return count

    def get():
        return count

    return inc, get

inc, get = counter()
inc()
inc(5)
print(get())
inc2, get2 = counter()
print(inc2(), get(), get2())

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x

print(outer())
