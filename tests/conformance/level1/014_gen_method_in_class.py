class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def walk(self, depth=0):
        yield depth, self.value
        for c in self.children:
            for item in c.walk(depth + 1):
                yield item

t = Tree("root", Tree("a", Tree("a1"), Tree("a2")), Tree("b"))
for depth, value in t.walk():
    print("  " * depth + value)
g = t.walk()
print(g.__name__, g.__qualname__)
