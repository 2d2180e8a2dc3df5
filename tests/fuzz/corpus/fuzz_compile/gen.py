def fib(n):
    a, b = 0, 1
    while True:
        try:
            x = yield a
        except ZeroDivisionError as e:
            print(f"{e!r:>10}", [i * 2 for i in range(n) if i % 2])
        finally:
            a, b = b, a + b

def outer():
    r = yield from fib(3)
    return r

class C:
    def __del__(self):
        print("del", self)
