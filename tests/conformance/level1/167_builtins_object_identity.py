a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
x = object()
print(x == x, x != object(), type(x).__name__)
print(object.__name__, isinstance(x, object), isinstance(5, object))
s = "abc"
print(s is s, len(s))
t = ()
u = t
print(t is u, [] is [])
print(id(a) == id(b), id(a) == id(c))
