class P:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.y)

class Q(P):
    def __str__(self):
        return "Q at (%s, %s)" % (self.x, self.y)

p = P(1, "a")
q = Q(2.5, None)
print(p)
print(repr(p), str(p))
print(q, repr(q))
print([p, q])
print("%s | %r" % (q, q))
print(f"{q} {q!r} {p!s}")
print(str([q]), (p,))
