class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

print(V.__hash__)
try:
    {V(1)}
except TypeError as e:
    print("TypeError:", e)
try:
    hash(V(1))
except TypeError as e:
    print("TypeError:", e)

class W:
    pass

w = W()
print(hash(w) == hash(w), w == w, w == W())
