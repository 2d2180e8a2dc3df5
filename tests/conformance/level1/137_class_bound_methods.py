class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self, other):
        return "%s greets %s" % (self.name, other)

g = Greeter("ann")
m = g.greet
print(m("bob"))
print(m == g.greet, m is g.greet)
print(Greeter.greet(g, "carl"))
print(m.__name__, m.__qualname__)
print(type(m).__name__, type(Greeter.greet).__name__)
print(repr(Greeter.greet).split(" at ")[0])
print(repr(m).split(" of ")[0])
