s = {3, 1, 2}
s.add(4)
s.add(1)
s.discard(10)
s.remove(2)
print(sorted(s), len(s), 3 in s)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4, 5}, {1} < a, a == {4, 3, 2, 1})
print(set(), set([1, 1, 2]), {0, 1, 2, 3})
p = {7}
print(p.pop(), p)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
words = {"pear", "fig", "kiwi"}
print(sorted(words), len(words), "fig" in words)
