class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

def f(arg):
    first = D("first")
    second = D("second")
    third = D("third")
    print("returning")
    return "ret"

print(f(D("arg")))
print("---")

def g():
    x = D("x")
    y = D("y")
    del x
    print("x deleted explicitly")
    return y

kept = g()
print("kept", kept.name)
