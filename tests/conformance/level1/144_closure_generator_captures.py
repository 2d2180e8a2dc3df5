def make_gen(prefix):
    count = 0

    def gen(n):
        nonlocal count
        for i in range(n):
            count += 1
            yield "%s-%d" % (prefix, i)

    def total():
        return count

    return gen, total

gen, total = make_gen("p")
a = gen(2)
b = gen(3)
print(next(a), next(b), next(b))
print(total())
print(list(a), list(b), total())
