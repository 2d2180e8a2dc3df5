def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1))
print(make_adder(-1)(1), make_adder("x")("y"))
print(add5.__name__, add5.__qualname__)

def late_binding():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]

def early_binding():
    return [f() for f in [lambda i=i: i for i in range(3)]]

print(late_binding(), early_binding())
