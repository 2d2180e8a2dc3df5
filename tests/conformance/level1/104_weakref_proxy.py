import weakref

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
px = weakref.proxy(p)
print(px.x, px.y, px.norm1())
px.x = 10
print(p.x)
print(type(px).__name__)
del p
try:
    px.x
except Exception as e:
    print(type(e).__name__, e)
