class Link:
    def __init__(self, name, nxt=None):
        self.name = name
        self.nxt = nxt

    def __del__(self):
        print("del", self.name)

head = Link("a", Link("b", Link("c")))
print("drop head")
head = None
print("end")
