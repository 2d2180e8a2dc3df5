t = (1, 2, 3, 2)
print(t, t[1:], t.index(2), t.count(2), len(t))
print((1,), (), tuple([4, 5]), tuple("ab"))
print((1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (1, 2) == (1, 2))
a, b = 1, 2
a, b = b, a
print(a, b)
nested = ((1, 2), (3, 4))
for x, y in nested:
    print(x + y)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)))
