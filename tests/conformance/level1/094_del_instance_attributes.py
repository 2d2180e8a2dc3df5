class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

class Owner:
    def __init__(self):
        self.first = D("first")
        self.second = D("second")
        self.third = D("third")

    def __del__(self):
        print("del owner")

o = Owner()
o.second = D("second-replacement")
print("dropping owner")
del o
print("end")
