import gc

class C:
    pass

def contains(seq, obj):
    return any(x is obj for x in seq)

a, b = C(), C()
lst = [a, b]
refs = gc.get_referents(lst)
print(len(refs), contains(refs, a), contains(refs, b))
t = (a, 5)
refs = gc.get_referents(t)
print(len(refs), contains(refs, a), 5 in refs)
print(gc.get_referents(42))
print(gc.get_referents("text"))
print(len(gc.get_referents(lst, t)))
print(contains(gc.get_referents(a), C))
