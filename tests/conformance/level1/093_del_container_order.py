class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

lst = [D("l0"), D("l1"), D("l2")]
print("del list")
del lst
tup = (D("t0"), D("t1"), D("t2"))
print("del tuple")
del tup
d = {"k0": D("d0"), "k1": D("d1"), "k2": D("d2")}
print("del dict")
del d
print("slice assignment")
lst = [D("s0"), D("s1"), D("s2"), D("s3")]
lst[1:3] = []
print("remaining", [x.name for x in lst])
lst.clear()
print("end")
