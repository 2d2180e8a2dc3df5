def make_counter_gen():
    calls = []

    def gen():
        n = len(calls)
        while True:
            calls.append(n)
            yield n
            n += 10

    return gen, calls

gen, calls = make_counter_gen()
a = gen()
print(next(a), next(a))
b = gen()
print(next(b))
print(calls)
