class Base:
    kind = "base"
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"Base({self.x!r})"

class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
