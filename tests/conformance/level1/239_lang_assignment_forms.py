a = b = c = 7
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
head, *middle, tail = "abcde"
print(head, middle, tail)
lst = [0, 0, 0]
lst[0], lst[2] = "first", "third"
print(lst)

class O:
    pass

o = O()
o.v = 1
o.v += 10
o.items = [1]
o.items += [2]
print(o.v, o.items)
d = {"n": 1}
d["n"] *= 5
d["m"] = d.get("m", 0) - 1
print(d)
s = "ab"
s *= 2
n = 17
n //= 3
n **= 2
n %= 7
n <<= 2
n |= 1
print(s, n)
