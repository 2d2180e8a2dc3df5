import gc

class Parent:
    def __init__(self):
        self.children = []

    def __del__(self):
        print("Parent.__del__ sees", len(self.children), "children")

class Child:
    def __init__(self, parent, name):
        self.parent = parent
        self.name = name
        parent.children.append(self)

    def __del__(self):
        print("Child.__del__", self.name, "parent still has", len(self.parent.children))

p = Parent()
Child(p, "c1")
Child(p, "c2")
del p
print("collecting")
gc.collect()
print("done")
