class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, *, plus=0):
        return x * self.k + plus

double = Multiplier(2)
print(double(21), double(5, plus=1))
print(callable(double), callable(Multiplier), callable(3))
print(list(map(double, [1, 2, 3])))
try:
    Multiplier(1)(1, 2)
except TypeError as e:
    print("TypeError:", e)
