def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("ret", fn.__name__, result)
        return result
    return wrapper

def times(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco

@trace
def add(a, b=1):
    return a + b

@times(3)
def hello(name):
    return "hi " + name

class Calc:
    @trace
    def mul(self, a, b):
        return a * b

add(2)
add(2, b=5)
print(hello("bob"))
print(Calc().mul(3, 4))
print(add.__name__)
