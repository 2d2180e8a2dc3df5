class Shape:
    count = 0

    def __init__(self, sides):
        self.sides = sides
        Shape.count += 1

    @classmethod
    def triangle(cls):
        return cls(3)

    @staticmethod
    def describe(n):
        return "%d-sided" % n

    @classmethod
    def how_many(cls):
        return cls.__name__, cls.count

class Square(Shape):
    pass

t = Shape.triangle()
s = Square.triangle()
print(type(t).__name__, type(s).__name__, t.sides)
print(Shape.describe(4), t.describe(5))
print(Shape.how_many(), Square.how_many(), s.how_many())
