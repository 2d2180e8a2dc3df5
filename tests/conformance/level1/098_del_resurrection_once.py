saved = []

class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__ of", self.name)
        saved.append(self)

p = Phoenix("p")
del p
print("resurrected:", [x.name for x in saved])
saved.clear()
print("cleared again; __del__ is not called a second time")
print("end")
