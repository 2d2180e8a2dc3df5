class D:
    def __init__(self, name):
        self.name = name
        print("init", name)

    def __del__(self):
        print("del", self.name)

a = D("a")
b = a
del a
print("a deleted, b still refers")
b = None
print("b cleared")
D("temporary")
print("after temporary")
c = D("c1")
c = D("c2")
print("end of program")
