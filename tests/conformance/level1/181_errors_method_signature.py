class Box:
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def scale(self, k):
        return Box(self.w * k, self.h * k)

for make in [lambda: Box(1), lambda: Box(1, 2, 3), lambda: Box(1, 2).area(5),
             lambda: Box(1, 2).scale(), lambda: Box.area()]:
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)

class NoInit:
    pass

try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
